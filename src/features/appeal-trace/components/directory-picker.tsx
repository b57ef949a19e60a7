import { useEffect, useId, useState } from 'react';
import { SearchInput } from '@/components/search-input/search-input';
import { ApiError } from '@/lib/api/api-error';
import { describeApiError } from '@/lib/api/describe-api-error';
import { useDirectorySearch } from '../api/search-directory';

interface DirectoryPickerProps {
  selected: string;
  onPick: (email: string) => void;
  /** The server has no directory: the form offers pasting instead. */
  onUnavailable: () => void;
}

/** Finds a person of the test server's directory by email or name. */
export function DirectoryPicker({ selected, onPick, onUnavailable }: DirectoryPickerProps) {
  const id = useId();
  const [text, setText] = useState(selected);
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useDirectorySearch(debounced);
  const people = search.data ?? [];

  if (search.isError) {
    const unsupported = search.error instanceof ApiError && [400, 404, 405, 501].includes(search.error.status ?? 0);
    return (
      <div className="trace-notice trace-notice--warning" role="status">
        <p>
          {unsupported
            ? 'This test server does not offer a directory (an extension of our test servers), so nobody can be picked from it. Paste what your IAM answers for the person instead.'
            : `Could not search the directory: ${describeApiError(search.error).message}`}
        </p>
        <p className="trace-notice__actions">
          {!unsupported && (
            <button type="button" className="button button--small" onClick={() => void search.refetch()}>
              Try again
            </button>
          )}
          <button type="button" className="button button--small" onClick={onUnavailable}>
            Paste a profile instead
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="field directory-picker">
      <label className="field__label" htmlFor={id}>
        Find a person by email or name
      </label>
      <SearchInput id={id} value={text} aria-controls={`${id}-results`} onChange={setText} />
      <ul
        id={`${id}-results`}
        className="directory-picker__results"
        aria-label="People found"
        aria-busy={search.isFetching}
      >
        {people.map((person) => (
          <li key={person.email}>
            <button
              type="button"
              className={
                person.email === selected ? 'directory-picker__person is-selected' : 'directory-picker__person'
              }
              aria-pressed={person.email === selected}
              onClick={() => onPick(person.email)}
            >
              <span className="break-anywhere">{person.name}</span>
              <span className="mono muted break-anywhere">{person.email}</span>
            </button>
          </li>
        ))}
        {search.isSuccess && people.length === 0 && <li className="muted">Nobody matches “{debounced}”.</li>}
      </ul>
    </div>
  );
}
