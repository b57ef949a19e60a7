import { useId } from 'react';
import { PAGE_SIZES } from '../users/users-url-params';

export function PageSizeSelect({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>Rows per page</label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Keeps the first row the reader was looking at on screen when the page size changes. */
export function pageForSize(page: number, fromSize: number, toSize: number): number {
  return Math.floor(((page - 1) * fromSize) / toSize) + 1;
}
