import type { ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import { useEditorUi, useEditorUiValue, type SectionId } from './editor-ui-store';

interface EditorSectionProps {
  id: SectionId;
  title: string;
  /** A short count or state next to the title, e.g. "3 steps". */
  meta?: ReactNode;
  /** How many errors the section holds, shown when it is collapsed too. */
  errorCount?: number;
  actions?: ReactNode;
  children: ReactNode;
}

/** A collapsible part of the form; collapsed, its inputs are not mounted (their values stay in the form). */
export function EditorSection({ id, title, meta, errorCount = 0, actions, children }: EditorSectionProps) {
  const ui = useEditorUi();
  const open = useEditorUiValue((store) => store.isSectionOpen(id));
  const headingId = `section-${id}`;
  const bodyId = `section-${id}-body`;
  return (
    <section className="card editor__section" aria-labelledby={headingId} id={`section-${id}-region`}>
      <div className="editor__section-head">
        <h2 id={headingId} className="editor__section-title">
          <button
            type="button"
            className="editor__disclosure"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => ui.toggleSection(id)}
          >
            <Icon name={open ? 'chevronDown' : 'chevronRight'} />
            {title}
          </button>
        </h2>
        {meta && <span className="muted editor__section-meta">{meta}</span>}
        {errorCount > 0 && (
          <span className="badge badge--danger">
            <Icon name="error" />
            {errorCount === 1 ? '1 problem' : `${errorCount} problems`}
          </span>
        )}
        {actions && open && <div className="editor__section-actions">{actions}</div>}
      </div>
      {open && (
        <div id={bodyId} className="editor__section-body">
          {children}
        </div>
      )}
    </section>
  );
}
