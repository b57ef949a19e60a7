import { useId, useState } from 'react';
import type { AppealTrace } from '@/lib/appeal';
import type { CreatorChoice } from '../form/build-trace-input';
import { actualOutcome } from '../cases/actual-outcome';
import { saveCase } from '../cases/cases-store';
import { describeExpectation, type Expectation } from '../cases/test-case';
import type { AppealRequest } from '@/lib/appeal';
import { CodeText } from '@/components/code-text/code-text';

interface SaveCaseFormProps {
  policyId: string;
  trace: AppealTrace;
  creator: CreatorChoice;
  request: AppealRequest;
  persistent: boolean;
  onSaved: (name: string) => void;
}

type Choice = 'as-traced' | 'approved' | 'waits' | 'blocked' | 'error';

/** Keeps the traced appeal as a named test case, expecting what it did now or what it should do. */
export function SaveCaseForm({ policyId, trace, creator, request, persistent, onSaved }: SaveCaseFormProps) {
  const id = useId();
  const actual = actualOutcome(trace);
  const [name, setName] = useState(`${creator.label.slice(0, 60)}: ${actual.outcome}`);
  const [choice, setChoice] = useState<Choice>('as-traced');
  const [step, setStep] = useState(trace.steps[trace.verdict.step ?? 0]?.name ?? trace.steps[0]?.name ?? '');
  const expectation = (): Expectation => {
    switch (choice) {
      case 'as-traced':
        return actual;
      case 'approved':
        return { outcome: 'approved' };
      case 'waits':
        return { outcome: 'waits' };
      case 'blocked':
        return { outcome: 'blocked', step };
      case 'error':
        return { outcome: 'error', step };
    }
  };
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    saveCase(policyId, {
      name: trimmed,
      createdBy: creator.createdBy,
      iam: creator.iam,
      request,
      at: new Date(trace.now).toISOString(),
      expect: expectation(),
    });
    onSaved(trimmed);
  };
  return (
    <form
      className="save-case"
      aria-label="Save as test case"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          Case name
        </label>
        <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} required />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-expect`}>
          Expected outcome
        </label>
        <select
          id={`${id}-expect`}
          className="select"
          value={choice}
          onChange={(e) => setChoice(e.target.value as Choice)}
        >
          <option value="as-traced">As traced now: {describeExpectation(actual).replaceAll('`', '')}</option>
          <option value="approved">Approved without anyone’s approval</option>
          <option value="waits">Waits for approvers</option>
          <option value="blocked">Blocked at a step</option>
          <option value="error">An error at a step</option>
        </select>
      </div>
      {(choice === 'blocked' || choice === 'error') && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-step`}>
            At step
          </label>
          <select id={`${id}-step`} className="select mono" value={step} onChange={(e) => setStep(e.target.value)}>
            {trace.steps.map((s) => (
              <option key={s.index} value={s.name}>
                {s.index + 1}. {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="field__hint">
        <CodeText
          codeClassName="trace-code"
          text={`Keeps this appeal (who, the IAM answer, resource, role, time) for \`${policyId}\`.`}
        />{' '}
        {persistent
          ? 'Stored in this browser; export them to keep them in git.'
          : 'This browser does not allow storage: cases last until the tab closes. Export them to keep them.'}
      </p>
      <button type="submit" className="button button--primary" disabled={!name.trim()}>
        Save test case
      </button>
    </form>
  );
}
