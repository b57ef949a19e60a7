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

function phrasesOf(change: EntityChange): string[] {
  switch (change.kind) {
    case 'added':
      return ['added'];
    case 'removed':
      return ['removed'];
    default: {
      const phrases: string[] = [];
      if (change.renamedFrom !== undefined) phrases.push(`renamed from ${change.renamedFrom}`);
      if (change.move) phrases.push(`moved from position ${change.move.from} to ${change.move.to}`);
      for (const field of change.fields) phrases.push(describeField(field));
      return phrases;
    }
  }
}

/**
 * The change in plain words, one item per changed thing; policy-wide settings (title, appeal
 * flags) get one item per field, since "permanent access turned on" needs no subject.
 */
export function summarizeDiff(changes: readonly EntityChange[]): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const change of changes) {
    const subject = SUBJECT[change.entity];
    if (subject === undefined) {
      for (const field of change.fields) items.push({ changeId: change.id, phrases: [describeField(field)] });
      continue;
    }
    const named = change.entity !== 'iam';
    items.push({
      changeId: change.id,
      subject,
      name: named ? change.key : undefined,
      phrases: phrasesOf(change),
    });
  }
  return items;
}

/** The summary as one line of text: "Step `manager_approval`: approvers changed; question `team` added". */
export function summaryToText(items: readonly SummaryItem[]): string {
  if (items.length === 0) return 'No changes.';
  return items
    .map((item) => {
      const head = item.subject ? `${item.subject}${item.name !== undefined ? ` \`${item.name}\`` : ''}` : '';
      const body = item.phrases.join(', ');
      if (!head) return body;
      return item.phrases.length === 1 && (body === 'added' || body === 'removed')
        ? `${head} ${body}`
        : `${head}: ${body}`;
    })
    .join('; ');
}
