import { memo, useEffect, useId, useRef, useState } from 'react';
import { SearchInput } from '@/components/search-input/search-input';
import { Icon } from '@/components/icon/icon';
import { formatCount } from '@/lib/format/format-number';
import type { StepOption } from './step-options';
import { stepWords } from './why-words';
import './why.css';

interface UsersFiltersProps {
  search: string;
  step: string | undefined;
  /** Steps to choose from; undefined: the server does not say which steps decided. */
  steps: StepOption[] | undefined;
  onSearch: (search: string) => void;
  onStep: (step: string | undefined) => void;
}

/** How long typing pauses before the list follows it. */
const TYPING_PAUSE_MS = 400;

/**
 * Search by email or name, and a filter by deciding step: both our test servers' extensions. The
 * box keeps whatever is typed (regex characters, spaces, 10,000 characters): it is text, never a pattern.
 */
export const UsersFilters = memo(function UsersFilters({ search, step, steps, onSearch, onStep }: UsersFiltersProps) {
  const [text, setText] = useState(search);
  const [shown, setShown] = useState(search);
  const searchId = useId();
  const stepId = useId();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Back and forward change the address under the box: follow it.
  if (search !== shown) {
    setShown(search);
    setText(search);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (value: string) => {
    clearTimeout(timer.current);
    if (value !== search) onSearch(value);
  };
  const options = steps ?? [];
  const known = step === undefined || options.some((o) => o.step === step);

  return (
    <div className="users-filters">
      <form
        role="search"
        className="users-filters__search"
        onSubmit={(event) => {
          event.preventDefault();
          commit(text);
        }}
      >
        <label htmlFor={searchId} className="field__label">
          Search by email or name
        </label>
        <div className="users-filters__row">
          <SearchInput
            id={searchId}
            value={text}
            onChange={(value) => {
              setText(value);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => commit(value), TYPING_PAUSE_MS);
            }}
          />
          <button type="submit" className="button button--small">
            <Icon name="search" />
            Search
          </button>
        </div>
      </form>
      <div className="users-filters__step">
        <label htmlFor={stepId} className="field__label">
          Deciding step
        </label>
        <select
          id={stepId}
          className="select"
          value={step ?? ''}
          disabled={steps === undefined && step === undefined}
          aria-describedby={steps === undefined ? `${stepId}-hint` : undefined}
          onChange={(event) => onStep(event.target.value === '' ? undefined : event.target.value)}
        >
          <option value="">Any step</option>
          {options.map((o) => (
            <option key={o.step} value={o.step}>
              {stepWords(o.step)} ({formatCount(o.users)})
            </option>
          ))}
          {!known && <option value={step}>{stepWords(step)}</option>}
        </select>
        {steps === undefined && (
          <p id={`${stepId}-hint`} className="muted users-filters__hint">
            Not reported by this server.
          </p>
        )}
      </div>
    </div>
  );
});
