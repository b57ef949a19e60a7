import type { Policy, Step } from '../../src/lib/api/guardian/policy-schema';
import type { Prng } from '../lib/random';
import { AUTO_STEPS, EXTRA_WHENS, FALLBACK_APPROVERS, MANUAL_STEPS, STEP_RENAMES } from './step-library';
import { AREAS, DURATION_OPTIONS, LABEL_VALUES, PERMANENT_OPTION, QUESTIONS } from './vocabulary';

/**
 * One realistic edit between two versions of a policy, so that the diff view has something to show:
 * a step added, removed, renamed or moved, approvers changed, a condition added, a question added,
 * permanent access toggled, duration options changed, a label added, the description reworded.
 */
type Edit = (p: Policy, rng: Prng) => boolean;

/** A copy deep enough for the edits below (requirements and IAM are never edited, so shared). */
function clone(p: Policy): Policy {
  return {
    ...p,
    steps: p.steps.map((s) => ({ ...s, approvers: [...s.approvers] })),
    labels: { ...p.labels },
    appeal: p.appeal && {
      ...p.appeal,
      durationOptions: p.appeal.durationOptions.map((d) => ({ ...d })),
      questions: p.appeal.questions.map((q) => ({ ...q })),
    },
  };
}

const addStep: Edit = (p, rng) => {
  const pool = { ...AUTO_STEPS, ...MANUAL_STEPS };
  const candidates = Object.keys(pool).filter(
    (name) => name !== 'finance_controller' && !p.steps.some((s) => s.name === name),
  );
  if (candidates.length === 0) return false;
  const name = rng.pick(candidates);
  const added = pool[name]!(rng, AREAS[rng.int(AREAS.length)]!);
  // Auto checks go first, as admins write them; manual reviews anywhere after.
  const at = added.strategy === 'auto' ? 0 : 1 + rng.int(p.steps.length);
  p.steps.splice(Math.min(at, p.steps.length), 0, added);
  return true;
};

const removeStep: Edit = (p, rng) => {
  if (p.steps.length < 2) return false;
  p.steps.splice(rng.int(p.steps.length), 1);
  return true;
};

const renameStep: Edit = (p, rng) => {
  const renamable = p.steps.filter(
    (s) => STEP_RENAMES[s.name] && !p.steps.some((o) => o.name === STEP_RENAMES[s.name]),
  );
  if (renamable.length === 0) return false;
  const s = rng.pick(renamable);
  s.name = STEP_RENAMES[s.name]!;
  return true;
};

const moveStep: Edit = (p, rng) => {
  if (p.steps.length < 2) return false;
  const i = rng.int(p.steps.length - 1);
  [p.steps[i], p.steps[i + 1]] = [p.steps[i + 1]!, p.steps[i]!];
  return true;
};

const changeApprovers: Edit = (p, rng) => {
  const manual = p.steps.filter((s) => s.strategy === 'manual');
  if (manual.length === 0) return false;
  const s = rng.pick(manual);
  if (s.approvers.includes('$appeal.creator.userManager')) {
    s.approvers = s.approvers.map((a) => (a === '$appeal.creator.userManager' ? '$appeal.creator.manager_email' : a));
  } else if (s.approvers.length > 1 && rng.chance(0.5)) {
    s.approvers = s.approvers.slice(0, -1);
  } else {
    const extra = rng.pick(FALLBACK_APPROVERS);
    if (s.approvers.includes(extra)) return false;
    s.approvers = [...s.approvers, extra];
  }
  return true;
};

const toggleWhen: Edit = (p, rng) => {
  const s: Step | undefined = rng.pick(p.steps);
  if (!s || s.strategy !== 'manual') return false;
  if (s.when) delete s.when;
  else s.when = rng.pick(EXTRA_WHENS);
  return true;
};

const toggleAllowFailed: Edit = (p, rng) => {
  const autos = p.steps.filter((s) => s.strategy === 'auto');
  if (autos.length === 0) return false;
  const s = rng.pick(autos);
  s.allowFailed = !s.allowFailed;
  return true;
};

const addQuestion: Edit = (p, rng) => {
  if (!p.appeal) return false;
  const missing = QUESTIONS.filter((q) => !p.appeal!.questions.some((o) => o.key === q.key));
  if (missing.length === 0) return false;
  p.appeal.questions.push({ ...rng.pick(missing) });
  return true;
};

const togglePermanent: Edit = (p) => {
  if (!p.appeal) return false;
  const a = p.appeal;
  a.allowPermanentAccess = !a.allowPermanentAccess;
  if (a.allowPermanentAccess) a.durationOptions.push({ ...PERMANENT_OPTION });
  else a.durationOptions = a.durationOptions.filter((d) => d.value !== PERMANENT_OPTION.value);
  return true;
};

const changeDurations: Edit = (p, rng) => {
  if (!p.appeal) return false;
  const missing = DURATION_OPTIONS.filter((d) => !p.appeal!.durationOptions.some((o) => o.value === d.value));
  if (missing.length === 0 || rng.chance(0.3)) {
    if (p.appeal.durationOptions.length < 2) return false;
    p.appeal.durationOptions.pop();
    return true;
  }
  p.appeal.durationOptions.push({ ...rng.pick(missing) });
  return true;
};

const addLabel: Edit = (p, rng) => {
  const key = rng.pick(Object.keys(LABEL_VALUES) as (keyof typeof LABEL_VALUES)[]);
  const value = rng.pick(LABEL_VALUES[key]);
  if (p.labels[key] === value) return false;
  p.labels = { ...p.labels, [key]: value };
  return true;
};

const NOTES = [
  ' Reviewed by the security team.',
  ' Owners re-confirmed.',
  ' Updated after the quarterly access review.',
];

const reword: Edit = (p, rng) => {
  const base = (p.description ?? '').replace(/ (Reviewed|Owners|Updated).*$/, '');
  const options = NOTES.map((note) => `${base}${note}`.trim()).filter((text) => text !== p.description);
  p.description = rng.pick(options);
  return true;
};

const EDITS: readonly (readonly [Edit, number])[] = [
  [addStep, 3],
  [removeStep, 1],
  [renameStep, 2],
  [moveStep, 2],
  [changeApprovers, 3],
  [toggleWhen, 2],
  [toggleAllowFailed, 1],
  [addQuestion, 2],
  [togglePermanent, 1],
  [changeDurations, 2],
  [addLabel, 1],
  [reword, 1],
];

function pickEdit(rng: Prng, excluded: ReadonlySet<Edit>): Edit {
  const allowed = EDITS.filter(([edit]) => !excluded.has(edit));
  const total = allowed.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [edit, w] of allowed) {
    r -= w;
    if (r < 0) return edit;
  }
  return reword;
}

/**
 * The next version of `previous`: a copy with one or two edits. Every edit that reports success
 * changed something, and two edits of one version can never undo each other (no edit twice, never
 * add and remove together), so a version is never an identical copy.
 */
export function evolvePolicy(previous: Policy, rng: Prng): Policy {
  const next = clone(previous);
  const wanted = rng.chance(0.3) ? 2 : 1;
  const used = new Set<Edit>();
  let done = 0;
  for (let attempt = 0; attempt < 12 && done < wanted; attempt++) {
    const edit = pickEdit(rng, used);
    if (edit(next, rng)) {
      done++;
      used.add(edit);
      if (edit === addStep) used.add(removeStep);
      if (edit === removeStep) used.add(addStep);
    }
  }
  if (done === 0) reword(next, rng);
  return next;
}
