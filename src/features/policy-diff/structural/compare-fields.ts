import { diffLines, diffWords } from 'diff';
import { isOmittedZero } from '@/lib/guardian-rules/go-zero';
import { stableJson } from '@/lib/guardian-rules/sort-keys';
import { SECRET_MASK, isSecretPath, maskSecrets, type JsonPath } from '@/lib/secrets';
import type { FieldChange, ListItemChange, TextPart, ValueFormat } from './types';

/**
 * Field-level comparisons. Each returns a FieldChange, or undefined when both sides are the same.
 * "Unset" and the zero value are the same thing on Guardian's wire (it omits zero values), so
 * `undefined`, '', 0 and false compare equal to each other.
 */

export interface FieldSpec {
  field: string;
  label: string;
  format: ValueFormat;
  /** Where the value sits in the policy (wire path), for telling secrets. */
  path?: JsonPath;
}

const isUnset = isOmittedZero;

export function sameValue(a: unknown, b: unknown): boolean {
  if (isUnset(a) && isUnset(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  return stableJson(a) === stableJson(b);
}

function display(value: unknown, format: ValueFormat): string | undefined {
  if (isUnset(value) && format !== 'boolean') return undefined;
  switch (format) {
    case 'boolean':
      return value === true ? 'on' : 'off';
    case 'json':
      return stableJson(value, 2);
    case 'list':
      return Array.isArray(value) ? value.map(String).join('\n') : String(value);
    default:
      return typeof value === 'string' ? value : stableJson(value);
  }
}

function textParts(before: string, after: string, format: ValueFormat): TextPart[] {
  const changes = format === 'json' ? diffLines(before, after) : diffWords(before, after);
  return changes.map((c) =>
    c.added ? { value: c.value, added: true } : c.removed ? { value: c.value, removed: true } : { value: c.value },
  );
}

function kindOf(before: unknown, after: unknown, format: ValueFormat): FieldChange['kind'] {
  if (format === 'boolean') return 'changed';
  if (isUnset(before)) return 'added';
  if (isUnset(after)) return 'removed';
  return 'changed';
}

/** Compares one field; secrets are compared but never shown, JSON has its secrets masked. */
export function compareField(spec: FieldSpec, before: unknown, after: unknown): FieldChange | undefined {
  if (sameValue(before, after)) return undefined;
  const { field, label, format } = spec;
  const kind = kindOf(before, after, format);
  if (spec.path && isSecretPath(spec.path)) {
    return {
      field,
      label,
      kind,
      format: 'text',
      secret: true,
      before: isUnset(before) ? undefined : SECRET_MASK,
      after: isUnset(after) ? undefined : SECRET_MASK,
    };
  }
  const maskedBefore =
    format === 'json' && spec.path ? maskSecrets(before, { at: spec.path, compareTo: after }) : before;
  const maskedAfter = format === 'json' && spec.path ? maskSecrets(after, { at: spec.path, compareTo: before }) : after;
  const change: FieldChange = {
    field,
    label,
    kind,
    format,
    before: display(maskedBefore, format),
    after: display(maskedAfter, format),
  };
  if (kind === 'changed' && (format === 'text' || format === 'expression' || format === 'json')) {
    change.parts = textParts(change.before ?? '', change.after ?? '', format);
  }
  return change;
}

/**
 * Compares a list as a set plus an order: approvers are a set to Guardian (any one may approve),
 * but people read them in order, so a pure reordering is reported as such.
 */
export function compareList(
  spec: FieldSpec,
  before: readonly string[],
  after: readonly string[],
): FieldChange | undefined {
  const same = before.length === after.length && before.every((value, i) => value === after[i]);
  if (same) return undefined;
  const afterSet = new Set(after);
  const beforeSet = new Set(before);
  const items: ListItemChange[] = [];
  for (const value of after) items.push({ value, change: beforeSet.has(value) ? 'same' : 'added' });
  for (const value of before) if (!afterSet.has(value)) items.push({ value, change: 'removed' });
  const kept = (list: readonly string[], other: Set<string>) => list.filter((value) => other.has(value));
  const keptBefore = kept(before, afterSet);
  const keptAfter = kept(after, beforeSet);
  const reordered = keptBefore.some((value, i) => value !== keptAfter[i]);
  return {
    field: spec.field,
    label: spec.label,
    kind: before.length === 0 ? 'added' : after.length === 0 ? 'removed' : 'changed',
    format: 'list',
    before: display(before, 'list'),
    after: display(after, 'list'),
    list: { items, reordered },
  };
}

/** Every field of a thing that was added or removed as a whole: what it held. */
export function describeWhole(
  specs: readonly (FieldSpec & { value: unknown })[],
  kind: 'added' | 'removed',
): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const spec of specs) {
    if (isUnset(spec.value)) continue;
    const change =
      spec.format === 'list' && Array.isArray(spec.value)
        ? compareList(
            spec,
            kind === 'added' ? [] : (spec.value as string[]),
            kind === 'added' ? (spec.value as string[]) : [],
          )
        : compareField(spec, kind === 'added' ? undefined : spec.value, kind === 'added' ? spec.value : undefined);
    if (!change) continue;
    if (kind === 'added') delete change.before;
    else delete change.after;
    delete change.parts;
    fields.push({ ...change, kind });
  }
  return fields;
}
