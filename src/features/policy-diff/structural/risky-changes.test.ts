import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { diffPolicies } from './diff-policies';
import { summaryToText } from './summarize-diff';

const base = {
  id: 'p',
  steps: [
    { name: 'manager', strategy: 'manual', approvers: ['m@example.com', 'n@example.com'] },
    { name: 'check', strategy: 'auto', approve_if: '$appeal.creator.department == "eng"' },
  ],
  appeal: { duration_options: [{ name: '1 day', value: '24h' }] },
};
const parse = (raw: unknown): Policy => policySchema.parse(raw);
const summary = (change: (p: typeof base & Record<string, unknown>) => void) => {
  const after = structuredClone(base) as typeof base & Record<string, unknown>;
  change(after);
  return diffPolicies(parse(base), parse(after)).summary;
};

describe('risky changes in the summary', () => {
  it('says where a new step stands, and a permanent option in words', () => {
    const items = summary((p) => {
      p.steps.splice(1, 0, { name: 'security_review', strategy: 'manual', approvers: ['s@example.com'] });
      p.appeal.duration_options.push({ name: 'Forever', value: '0h' });
    });
    expect(summaryToText(items)).toBe(
      'Risky: Duration option Permanent (`0h`) added (a permanent option added); Step `security_review` added as step 2 of 3',
    );
  });

  it('marks each kind of widening, and lists them before the rest', () => {
    const items = summary((p) => {
      p.title = 'Renamed';
      (p.appeal as Record<string, unknown>).allow_permanent_access = true;
      p.steps[0]!.approvers = ['m@example.com'];
      (p.steps[1] as Record<string, unknown>).allow_failed = true;
      p.steps.push({ name: 'auto_ok', strategy: 'auto', approve_if: 'true' } as never);
    });
    expect(items.map((item) => item.risk)).toEqual([
      'approvers removed',
      'a failing step no longer stops the appeal',
      'auto-approval added',
      'permanent access turned on',
      undefined,
    ]);
    expect(items.at(-1)!.phrases).toEqual(['title set to Renamed']);
  });

  it('tells a widened auto-approval from one that only adds a requirement', () => {
    const widened = summary((p) => {
      p.steps[1]!.approve_if = '$appeal.creator.department == "eng" || $appeal.creator.department == "ops"';
    });
    expect(widened[0]!.risk).toBe('auto-approval condition widened or rewritten');
    const narrowed = summary((p) => {
      p.steps[1]!.approve_if = '$appeal.creator.department == "eng" && $appeal.resource.details.is_pii != true';
    });
    expect(narrowed[0]!.risk).toBeUndefined();
  });

  it('marks a removed approval step, and says where it was', () => {
    const items = summary((p) => p.steps.splice(0, 1));
    expect(summaryToText(items)).toBe('Risky: Step `manager` removed (was step 1 of 2) (an approval step removed)');
  });
});
