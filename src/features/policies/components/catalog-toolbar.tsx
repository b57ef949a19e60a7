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
  const active = labels.map(formatLabelFilter);
  const addable = options.filter((option) => !active.includes(formatLabelFilter(option)));
  const add = (value: string) => {
    const filter = parseLabelFilter(value);
    if (filter && !active.includes(value)) onLabels([...labels, filter]);
  };
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
        {/* Each choice adds a filter; a policy must carry every label chosen. */}
        <select id={labelId} className="select" value="" onChange={(event) => add(event.target.value)}>
          <option value="">{labels.length > 0 ? 'And also…' : 'Any label'}</option>
          {addable.map((option) => {
            const value = formatLabelFilter(option);
            return (
              <option key={value} value={value}>
                {option.key}: {option.value} ({option.count})
              </option>
            );
          })}
        </select>
      </div>
      {labels.length > 0 && (
        <ul className="catalog-toolbar__active" aria-label="Label filters (all must match)">
          {labels.map((_filter, i) => (
            <li key={active[i]}>
              <button
                type="button"
                className="chip catalog-toolbar__chip"
                aria-label={`Remove the label filter ${active[i]}`}
                onClick={() => onLabels(labels.filter((_, j) => j !== i))}
              >
                <span className="mono">{active[i]}</span>
                <Icon name="x" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {(q || labels.length > 0) && (
        <button type="button" className="button button--ghost" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
