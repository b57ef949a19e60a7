import { describeDuration, parseGoDuration } from '@/lib/duration/parse-go-duration';
import { riskOf } from './risky-changes';
import type { EntityChange, EntityType, FieldChange, SummaryItem } from './types';

const SUBJECT: Partial<Record<EntityType, string>> = {
  step: 'Step',
  requirement: 'Requirement',
  'duration option': 'Duration option',
  question: 'Question',
  label: 'Label',
  iam: 'IAM',
  setting: 'Setting',
};

/** Short enough to quote in a sentence ("from 24h to 48h"); longer values are just "changed". */
const quotable = (value: string | undefined): value is string =>
  value !== undefined && value.length <= 32 && !value.includes('\n');

function describeField(field: FieldChange): string {
  if (field.secret)
    return `${field.label} ${field.kind === 'changed' ? 'changed' : field.kind === 'added' ? 'set' : 'removed'} (secret, not shown)`;
  if (field.format === 'boolean') {
    if (field.field === 'required') return field.after === 'on' ? 'now required' : 'no longer required';
    return `${field.label} turned ${field.after === 'on' ? 'on' : 'off'}`;
  }
  if (field.kind === 'added')
    return quotable(field.after) && field.format !== 'json'
      ? `${field.label} set to ${field.after}`
      : `${field.label} added`;
  if (field.kind === 'removed') return `${field.label} removed`;
  if (field.format === 'list' && field.list) {
    const added = field.list.items.filter((item) => item.change === 'added').length;
    const removed = field.list.items.filter((item) => item.change === 'removed').length;
    if (added === 0 && removed === 0) return `${field.label} reordered`;
    const counts = [added ? `${added} added` : '', removed ? `${removed} removed` : ''].filter(Boolean).join(', ');
    return `${field.label} changed (${counts})`;
  }
  if ((field.format === 'text' || field.format === 'duration') && quotable(field.before) && quotable(field.after)) {
    return `${field.label} changed from ${field.before} to ${field.after}`;
  }
  return `${field.label} changed`;
}

/** "added as step 3 of 4": where a step stands matters, since steps run in order. */
function placed(change: EntityChange, word: 'added' | 'removed'): string {
  const where = change.position;
  if (change.entity !== 'step' || !where) return word;
  return word === 'added'
    ? `added as step ${where.at} of ${where.of}`
    : `removed (was step ${where.at} of ${where.of})`;
}

/** A duration option's value in words: `0h` is "Permanent", `168h` "7 days". */
function durationWords(value: string): string | undefined {
  const parsed = parseGoDuration(value);
  if (!parsed.ok) return undefined;
  const words = describeDuration(parsed.nanoseconds);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function phrasesOf(change: EntityChange): string[] {
  switch (change.kind) {
    case 'added':
      return [placed(change, 'added')];
    case 'removed':
      return [placed(change, 'removed')];
    default: {
      const phrases: string[] = [];
      if (change.renamedFrom !== undefined) phrases.push(`renamed from ${change.renamedFrom}`);
      if (change.move) phrases.push(`moved from position ${change.move.from} to ${change.move.to}`);
      for (const field of change.fields) phrases.push(describeField(field));
      return phrases;
    }
  }
}

/** Adds `risk` only where there is one, so that items without stay as they were. */
const withRisk = (item: SummaryItem, risk: string | undefined): SummaryItem => (risk ? { ...item, risk } : item);

/**
 * The change in plain words, one item per changed thing; policy-wide settings (title, appeal
 * flags) get one item per field, since "permanent access turned on" needs no subject. Risky
 * changes (risky-changes.ts) come first, each with its reason; the rest keep the diff's order.
 */
export function summarizeDiff(changes: readonly EntityChange[]): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const change of changes) {
    const subject = SUBJECT[change.entity];
    if (subject === undefined) {
      for (const field of change.fields) {
        items.push(withRisk({ changeId: change.id, phrases: [describeField(field)] }, riskOf(change, [field])));
      }
      continue;
    }
    const named = change.entity !== 'iam';
    const nameWords = change.entity === 'duration option' ? durationWords(change.key) : undefined;
    items.push(
      withRisk(
        {
          changeId: change.id,
          subject,
          name: named ? change.key : undefined,
          ...(nameWords && { nameWords }),
          phrases: phrasesOf(change),
        },
        riskOf(change),
      ),
    );
  }
  return [...items.filter((item) => item.risk), ...items.filter((item) => !item.risk)];
}

/** "Duration option Permanent (`0h`)", "Step `owner`": how an item names its thing. */
function itemHead(item: SummaryItem): string {
  if (!item.subject) return '';
  if (item.name === undefined) return item.subject;
  return item.nameWords ? `${item.subject} ${item.nameWords} (\`${item.name}\`)` : `${item.subject} \`${item.name}\``;
}

/** The reason to add after a risky item, unless its own words already say it ("permanent access turned on"). */
export function riskReason(item: SummaryItem): string | undefined {
  return item.risk && !item.phrases.some((phrase) => phrase.includes(item.risk!)) ? item.risk : undefined;
}

/** "Step `x` added as step 2 of 3" reads without a colon; "Step `x`: approvers changed" needs one. */
export function joinsWithoutColon(item: SummaryItem): boolean {
  return item.phrases.length === 1 && /^(added|removed)\b/.test(item.phrases[0]!);
}

/** The summary as one line of text: "Step `manager_approval`: approvers changed; question `team` added". */
export function summaryToText(items: readonly SummaryItem[]): string {
  if (items.length === 0) return 'No changes.';
  return items
    .map((item) => {
      const head = itemHead(item);
      const body = item.phrases.join(', ');
      const risky = item.risk ? 'Risky: ' : '';
      const why = riskReason(item) ? ` (${item.risk})` : '';
      if (!head) return `${risky}${body}${why}`;
      return `${risky}${head}${joinsWithoutColon(item) ? ' ' : ': '}${body}${why}`;
    })
    .join('; ');
}
