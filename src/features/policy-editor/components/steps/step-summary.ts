import type { StepValues } from '../../form/policy-form-schema';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One line that says what a collapsed step does: its strategy and who or what decides. */
export function stepSummary(step: StepValues | undefined): { name: string; detail: string } {
  if (!step) return { name: 'Unnamed step', detail: '' };
  const parts: string[] = [step.strategy];
  if (step.strategy === 'auto') {
    parts.push(step.approveIf ? `approve if ${clip(step.approveIf, 60)}` : 'no condition yet');
  } else {
    const approvers = step.approvers.filter((a) => a.value !== '');
    parts.push(
      approvers.length === 0
        ? 'no approvers yet'
        : approvers.length === 1
          ? clip(approvers[0]!.value, 60)
          : `${approvers.length} approvers`,
    );
  }
  if (step.when) parts.push(`when ${clip(step.when, 40)}`);
  if (step.allowFailed) parts.push('may fail');
  return { name: step.name === '' ? 'Unnamed step' : clip(step.name, 80), detail: parts.join(' · ') };
}
