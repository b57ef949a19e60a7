import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../src/features/policy-diff/structural/diff-policies';
import { structuralDiffCase } from './structural-diff-case';

describe('structuralDiffCase', () => {
  it('is the edit it says it is, and the diff finds every part of it', () => {
    const { before, after } = structuralDiffCase(1_000);
    const diff = diffPolicies(before, after);
    const count = (kind: string) => diff.changes.filter((c) => c.kind === kind).length;
    expect(count('added')).toBe(10);
    expect(count('removed')).toBe(10);
    expect(count('changed')).toBeGreaterThanOrEqual(45);
    expect(diff.changes.filter((c) => c.move).length).toBeGreaterThanOrEqual(5);
    expect(diff.changes.find((c) => c.entity === 'iam')?.fields[0]).toMatchObject({ secret: true, kind: 'changed' });
    expect(JSON.stringify(diff)).not.toMatch(/"(old|new)"/);
  });
});
