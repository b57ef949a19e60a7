import { useCallback, useEffect, useState } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  // Radios, checkboxes and buttons take no letters: n and p still move between changes there.
  return (
    target instanceof HTMLInputElement &&
    !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type)
  );
}

/**
 * Next/previous change with `n` and `p` (and buttons). `current` is -1 until someone moves.
 * The keys are ignored while typing and while a dialog is open.
 */
export function useChangeNavigation(count: number) {
  const [current, setCurrent] = useState(-1);
  const [resetFor, setResetFor] = useState(count);
  if (resetFor !== count) {
    setResetFor(count);
    setCurrent(-1);
  }
  const next = useCallback(() => setCurrent((c) => (count === 0 ? -1 : (c + 1) % count)), [count]);
  const previous = useCallback(() => setCurrent((c) => (count === 0 ? -1 : c <= 0 ? count - 1 : c - 1)), [count]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'n' || event.key === 'j') {
        event.preventDefault();
        next();
      } else if (event.key === 'p' || event.key === 'k') {
        event.preventDefault();
        previous();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [next, previous]);

  return { current, next, previous, setCurrent };
}
