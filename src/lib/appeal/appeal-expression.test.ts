import { describe, expect, it } from 'vitest';
import { compileAppealExpression } from './appeal-expression';

describe('the values an expression reads', () => {
  it('are read with the syntax of the target it runs on (let and pipes from expr 1.15)', () => {
    const source = 'let email = $appeal.creator.email; email | lower() == "a@example.com"';
    expect(compileAppealExpression(source, 'expr-latest').reads).toContain('$appeal.creator.email');
    expect(compileAppealExpression(source, 'guardian-1.15').reads).toContain('$appeal.creator.email');
  });

  it('are unknown where the target cannot parse the expression', () => {
    const source = 'let email = $appeal.creator.email; email == "a@example.com"';
    const compiled = compileAppealExpression(source, 'guardian-1.12');
    expect(compiled.problems.length).toBeGreaterThan(0);
    expect(compiled.reads).toBeUndefined();
  });
});
