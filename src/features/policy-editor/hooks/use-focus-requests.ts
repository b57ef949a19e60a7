import { useEffect } from 'react';
import type { EditorUiStore } from '../components/editor-ui-store';
import { fieldDomId } from '../components/field-ids';

/** Finds the element for a form path: the field itself, or its masked stand-in. */
function elementFor(path: string): HTMLElement | null {
  const id = fieldDomId(path);
  return document.getElementById(id) ?? document.getElementById(`${id}-masked`);
}

/**
 * Carries out `reveal(path)`: once the section or step that held the field is rendered, the field
 * gets focus and is scrolled into view. Tries for a few frames, as lazy parts may take one more.
 */
export function useFocusRequests(ui: EditorUiStore) {
  useEffect(() => {
    let handled = 0;
    let frame = 0;
    const attempt = (path: string, seq: number, tries: number) => {
      const element = elementFor(path) ?? (tries <= 0 ? elementFor(path.split('.').slice(0, -1).join('.')) : null);
      if (element) {
        handled = seq;
        element.focus({ preventScroll: true });
        element.scrollIntoView?.({ block: 'center' });
        return;
      }
      if (tries > 0) frame = requestAnimationFrame(() => attempt(path, seq, tries - 1));
    };
    const unsubscribe = ui.subscribe(() => {
      const request = ui.focusRequest;
      if (!request || request.seq === handled) return;
      handled = request.seq;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => attempt(request.path, request.seq, 10));
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [ui]);
}
