import { useId } from 'react';
import { Icon } from '@/components/icon/icon';
import { formatLabelFilter, parseLabelFilter, type LabelFilter } from '../catalog/catalog-params';
import type { LabelOption } from '../catalog/filter-catalog';

interface CatalogToolbarProps {
  q: string;
  labels: readonly LabelFilter[];
  options: readonly LabelOption[];
  onSearch: (q: string) => void;
  onLabels: (labels: LabelFilter[]) => void;
  onClear: () => void;
}

/** Search and label filter; their state lives in the URL, the parent owns it. */
export function CatalogToolbar({ q, labels, options, onSearch, onLabels, onClear }: CatalogToolbarProps) {
  const searchId = useId();
  const labelId = useId();
  const chosen = labels[0] ? formatLabelFilter(labels[0]) : '';
  const known = options.some((o) => formatLabelFilter(o) === chosen);
  return (
    <div className="catalog-toolbar" role="search" aria-label="Filter policies">
      <div className="catalog-toolbar__search">
        <label htmlFor={searchId} className="visually-hidden">
          Search policies
        </label>
        <Icon name="search" className="catalog-toolbar__search-icon" />
        <input
          id={searchId}
          type="search"
          className="input"
          placeholder="Search id, title, description, label…"
          value={q}
          onChange={(event) => onSearch(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="catalog-toolbar__label">
        <label htmlFor={labelId} className="catalog-toolbar__label-text">
          Label
        </label>
        <select
          id={labelId}
          className="select"
          value={chosen}
          onChange={(event) => {
            const filter = parseLabelFilter(event.target.value);
            onLabels(filter ? [filter, ...labels.slice(1)] : labels.slice(1));
          }}
        >
          <option value="">Any label</option>
          {chosen && !known && <option value={chosen}>{chosen}</option>}
          {options.map((option) => {
            const value = formatLabelFilter(option);
            return (
              <option key={value} value={value}>
                {option.key}: {option.value} ({option.count})
              </option>
            );
          })}
        </select>
      </div>
      {labels.length > 1 && (
        <span className="catalog-toolbar__more">and {labels.slice(1).map(formatLabelFilter).join(', ')}</span>
      )}
      {(q || labels.length > 0) && (
        <button type="button" className="button button--ghost" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
