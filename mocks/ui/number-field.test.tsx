import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { NumberField } from './number-field';

function Harness({ onChange }: { onChange(value: string): void }) {
  const [value, setValue] = useState('5');
  return (
    <NumberField
      id="users"
      label="Users in directory"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
      min={1}
      presets={[1000, 5000]}
    />
  );
}

describe('NumberField', () => {
  it('is a labelled number input that passes on what is typed, with its presets offered', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('spinbutton', { name: 'Users in directory' });
    await userEvent.clear(input);
    await userEvent.type(input, '42');
    expect(input).toHaveValue(42);
    expect(onChange).toHaveBeenLastCalledWith('42');
    const presets = document.getElementById(input.getAttribute('list')!);
    expect([...presets!.querySelectorAll('option')].map((o) => o.value)).toEqual(['1000', '5000']);
  });
});
