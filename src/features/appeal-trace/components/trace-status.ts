import type { IconName } from '@/components/icon/icon';
import type { AppealTrace, StepTrace } from '@/lib/appeal';

/** Status shown as a word, an icon and a colour (never the colour alone). */
export interface Status {
  word: string;
  icon: IconName;
  tone: 'success' | 'danger' | 'warning' | 'info' | 'neutral';
}

export function outcomeStatus(trace: AppealTrace): Status {
  if (trace.verdict.outcome === 0)
    return trace.verdict.reason === 'awaits_approval'
      ? { word: 'Waits for approval', icon: 'clock', tone: 'info' }
      : { word: 'Approved', icon: 'approved', tone: 'success' };
  if (trace.verdict.outcome === 1) return { word: 'Blocked', icon: 'blocked', tone: 'danger' };
  return { word: trace.budgetExceeded ? 'Stopped' : 'Error', icon: 'error', tone: 'warning' };
}

export function stepStatus(step: StepTrace): Status {
  switch (step.state) {
    case 'passed':
      return { word: 'Passed', icon: 'approved', tone: 'success' };
    case 'skipped':
      return { word: 'Skipped', icon: 'chevronsRight', tone: 'neutral' };
    case 'blocked':
      return { word: 'Blocked', icon: 'blocked', tone: 'danger' };
    case 'failed-allowed':
      return { word: 'Failed but allowed', icon: 'chevronsRight', tone: 'warning' };
    case 'waits':
      return { word: 'Waits for approval', icon: 'clock', tone: 'info' };
    case 'error':
      return { word: 'Error', icon: 'error', tone: 'warning' };
    case 'not-reached':
      return { word: 'Not reached', icon: 'minus', tone: 'neutral' };
  }
}
