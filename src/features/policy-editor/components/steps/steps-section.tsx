import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { Icon } from '@/components/icon/icon';
import { emptyStep } from '../../form/empty-values';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { EditorSection } from '../editor-section';
import { useEditorUi, useEditorUiValue } from '../editor-ui-store';
import { fieldDomId } from '../field-ids';
import { useFieldError } from '../fields/use-field-error';
import { listErrors } from '../error-list';
import { STEP_KEYBOARD_HINT_ID, StepRow, stepToggleId, type StepRowActions } from './step-row';

function uniqueName(base: string, taken: Set<string>): string {
  const stem = base === '' ? 'step' : `${base}_copy`;
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}_${n}`;
  return name;
}

export function StepsSection() {
  const { control, getValues } = useFormContext<PolicyFormValues>();
  const { fields, append, insert, remove, move } = useFieldArray({ control, name: 'steps' });
  const ui = useEditorUi();
  const { errors: formErrors } = useFormState<PolicyFormValues>({ name: 'steps' });
  // One subscription for all rows: how many problems each step holds.
  const stepErrors = listErrors({ steps: formErrors.steps } as typeof formErrors).filter((e) =>
    e.path.startsWith('steps'),
  );
  const problemsByStep = new Map<number, number>();
  for (const error of stepErrors) {
    const index = Number(error.path.split('.')[1]);
    if (!Number.isNaN(index)) problemsByStep.set(index, (problemsByStep.get(index) ?? 0) + 1);
  }
  const keys = useMemo(() => fields.map((field) => field.id), [fields]);
  const after = useRef<(() => void) | undefined>(undefined);

  // The store learns which key is at which index before anything asks it to reveal a step.
  useLayoutEffect(() => {
    ui.setStepKeys(keys);
    const next = after.current;
    after.current = undefined;
    next?.();
  }, [keys, ui]);

  const latest = useRef({ append, insert, remove, move, keys });
  useLayoutEffect(() => {
    latest.current = { append, insert, remove, move, keys };
  });

  const nameAt = (index: number) => getValues(`steps.${index}.name`) || `step ${index + 1}`;

  const actions: StepRowActions = useMemo(
    () => ({
      move(from, to) {
        const { move: doMove, keys: current } = latest.current;
        const key = current[from];
        const name = nameAt(from);
        doMove(from, to);
        after.current = () => {
          if (key) document.getElementById(stepToggleId(key))?.focus();
          ui.announce(`Moved ${name} to position ${to + 1} of ${current.length}.`);
        };
      },
      duplicate(index) {
        const copy = structuredClone(getValues(`steps.${index}`));
        copy.name = uniqueName(copy.name, new Set(getValues('steps').map((s) => s.name)));
        latest.current.insert(index + 1, copy);
        after.current = () => {
          ui.reveal(`steps.${index + 1}.name`);
          ui.announce(`Duplicated ${nameAt(index)} as ${copy.name}, step ${index + 2}.`);
        };
      },
      remove(index) {
        const { keys: current, remove: doRemove } = latest.current;
        const name = nameAt(index);
        const neighbour = current[index + 1] ?? current[index - 1];
        doRemove(index);
        after.current = () => {
          if (neighbour) document.getElementById(stepToggleId(neighbour))?.focus();
          else document.getElementById(fieldDomId('steps'))?.focus();
          ui.announce(`Removed ${name}.`);
        };
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the latest field-array functions through a ref, so rows keep one set of callbacks
    [ui, getValues],
  );

  const addStep = useCallback(() => {
    const index = latest.current.keys.length;
    latest.current.append(emptyStep(), { shouldFocus: false });
    after.current = () => ui.reveal(`steps.${index}.name`);
  }, [ui]);

  return (
    <EditorSection
      id="steps"
      title="Steps"
      meta={fields.length === 1 ? '1 step, in order' : `${fields.length} steps, in order`}
      errorCount={stepErrors.length}
      actions={
        fields.length > 1 ? (
          <>
            <BulkToggle expanded onClick={() => void ui.setAllStepsExpanded(true)} />
            <BulkToggle expanded={false} onClick={() => void ui.setAllStepsExpanded(false)} />
          </>
        ) : undefined
      }
    >
      <p id={STEP_KEYBOARD_HINT_ID} className="field__hint">
        An appeal passes the steps from first to last. To reorder, use the arrows, or focus a step and press Alt+↑ or
        Alt+↓.
      </p>
      <StepsError />
      {fields.length > 0 && (
        <ol className="step-list">
          {fields.map((field, index) => (
            <StepRow
              key={field.id}
              index={index}
              fieldKey={field.id}
              count={fields.length}
              problems={problemsByStep.get(index) ?? 0}
              actions={actions}
            />
          ))}
        </ol>
      )}
      <div>
        <button id={fieldDomId('steps')} type="button" className="button" onClick={addStep}>
          <Icon name="plus" />
          Add step
        </button>
      </div>
    </EditorSection>
  );
}

/** "Expand all" / "Collapse all", saying how far a long run has got. */
function BulkToggle({ expanded, onClick }: { expanded: boolean; onClick: () => void }) {
  const bulk = useEditorUiValue((store) => store.bulk);
  const running = bulk?.expanding === expanded;
  return (
    <button
      type="button"
      className="button button--small button--ghost"
      onClick={onClick}
      aria-busy={running || undefined}
    >
      {running
        ? `${expanded ? 'Expanding' : 'Collapsing'}… ${bulk.done} of ${bulk.total}`
        : expanded
          ? 'Expand all'
          : 'Collapse all'}
    </button>
  );
}

function StepsError() {
  const error = useFieldError('steps');
  return error ? <p className="field__error">{error}</p> : null;
}
