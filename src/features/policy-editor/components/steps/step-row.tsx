import { memo, useCallback, useEffect, useReducer, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useFormContext } from 'react-hook-form';
import { Icon } from '@/components/icon/icon';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { useEditorUi, useEditorUiValue } from '../editor-ui-store';
import { stepSummary } from './step-summary';
import { StepFields } from './step-fields';

export interface StepRowActions {
  move: (from: number, to: number) => void;
  duplicate: (index: number) => void;
  remove: (index: number) => void;
}

interface StepRowProps {
  index: number;
  fieldKey: string;
  count: number;
  /** How many errors the step holds (counted once for all rows by the section). */
  problems: number;
  actions: StepRowActions;
}

export const STEP_KEYBOARD_HINT_ID = 'step-keyboard-hint';
export const stepToggleId = (fieldKey: string) => `step-toggle-${fieldKey}`;

function StepHeaderText({ index, idPrefix, problems }: { index: number; idPrefix: string; problems: number }) {
  const { getValues } = useFormContext<PolicyFormValues>();
  const { name, detail } = stepSummary(getValues(`steps.${index}`));
  return (
    <>
      <span id={`${idPrefix}-name`} className="step-row__name mono">
        {name}
      </span>
      <span id={`${idPrefix}-detail`} className="step-row__detail">
        {detail}
      </span>
      {problems > 0 && (
        <span id={`${idPrefix}-problems`} className="badge badge--danger step-row__badge">
          <Icon name="error" />
          {problems === 1 ? '1 problem' : `${problems} problems`}
        </span>
      )}
    </>
  );
}

type IdleWindow = Window & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * A re-render of the caller once the browser is idle (at the latest after 150 ms): the step's
 * header follows its inputs without its text and layout landing in the keystroke's own frame.
 */
function useIdleRefresh(): () => void {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const pending = useRef<(() => void) | undefined>(undefined);
  useEffect(
    () => () => {
      pending.current?.();
      pending.current = undefined;
    },
    [],
  );
  return useCallback(() => {
    if (pending.current) return;
    const done = () => {
      pending.current = undefined;
      refresh();
    };
    const w = window as IdleWindow;
    if (w.requestIdleCallback && w.cancelIdleCallback) {
      const handle = w.requestIdleCallback(done, { timeout: 150 });
      pending.current = () => w.cancelIdleCallback?.(handle);
    } else {
      const handle = setTimeout(done, 50);
      pending.current = () => clearTimeout(handle);
    }
  }, []);
}

/**
 * One step as a row: a header that says what it does, and its inputs only when expanded, so that a
 * 200-step policy mounts 200 headers, not 2,000 inputs. The header reads the step's values when it
 * renders, and renders again when its own inputs change (their events bubble to the row), once the
 * keystroke is painted: a per-row value subscription would make every keystroke copy the whole form.
 */
export const StepRow = memo(function StepRow({ index, fieldKey, count, problems, actions }: StepRowProps) {
  const ui = useEditorUi();
  const refreshHeader = useIdleRefresh();
  const expanded = useEditorUiValue((store) => store.isStepExpanded(fieldKey));
  // The move / duplicate / remove buttons exist on the row in use (hovered, focused or open): 200
  // rows would otherwise mount 800 buttons and give the keyboard 1,000 stops to tab through.
  const [active, setActive] = useState(false);
  const showActions = expanded || active;
  const onBlur = (event: FocusEvent<HTMLLIElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setActive(false);
  };
  const bodyId = `step-body-${fieldKey}`;
  const labelPrefix = `step-${fieldKey}`;
  const position = `step ${index + 1}`;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
    if (to >= 0 && to < count) actions.move(index, to);
  };

  return (
    <li
      className={`step-row${expanded ? ' step-row--expanded' : ''}`}
      onFocus={() => setActive(true)}
      onBlur={onBlur}
      onPointerEnter={() => setActive(true)}
      onPointerLeave={(event) => {
        if (!event.currentTarget.contains(document.activeElement)) setActive(false);
      }}
    >
      <div className="step-row__header">
        <button
          type="button"
          id={stepToggleId(fieldKey)}
          className="step-row__toggle"
          aria-expanded={expanded}
          aria-controls={expanded ? bodyId : undefined}
          aria-labelledby={`${labelPrefix}-position ${labelPrefix}-name ${labelPrefix}-detail ${labelPrefix}-problems`}
          aria-describedby={STEP_KEYBOARD_HINT_ID}
          onClick={() => ui.setStepExpanded(fieldKey, !expanded)}
          onKeyDown={onKeyDown}
        >
          <Icon name={expanded ? 'chevronDown' : 'chevronRight'} />
          <span id={`${labelPrefix}-position`} className="visually-hidden">
            Step {index + 1}
          </span>
          <span className="step-row__index" aria-hidden="true">
            {index + 1}
          </span>
          <StepHeaderText index={index} idPrefix={labelPrefix} problems={problems} />
        </button>
        {showActions && (
          <div className="step-row__actions">
            <button
              type="button"
              className="button button--icon button--ghost"
              aria-label={`Move ${position} up`}
              disabled={index === 0}
              onClick={() => actions.move(index, index - 1)}
            >
              <Icon name="chevronUp" />
            </button>
            <button
              type="button"
              className="button button--icon button--ghost"
              aria-label={`Move ${position} down`}
              disabled={index === count - 1}
              onClick={() => actions.move(index, index + 1)}
            >
              <Icon name="chevronDown" />
            </button>
            <button
              type="button"
              className="button button--icon button--ghost"
              aria-label={`Duplicate ${position}`}
              onClick={() => actions.duplicate(index)}
            >
              <Icon name="copy" />
            </button>
            <button
              type="button"
              className="button button--icon button--ghost"
              aria-label={`Remove ${position}`}
              onClick={() => actions.remove(index)}
            >
              <Icon name="x" />
            </button>
          </div>
        )}
      </div>
      {expanded && (
        <div
          id={bodyId}
          className="step-row__body"
          role="group"
          aria-label={`Step ${index + 1} settings`}
          onInput={refreshHeader}
          onChange={refreshHeader}
          onClick={refreshHeader}
        >
          <StepFields index={index} />
        </div>
      )}
    </li>
  );
});
