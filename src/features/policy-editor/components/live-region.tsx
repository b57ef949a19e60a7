import { useEditorUiValue } from './editor-ui-store';

/** The editor's polite announcements (a step moved, a draft restored), for screen readers. */
export function LiveRegion() {
  const text = useEditorUiValue((store) => store.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
