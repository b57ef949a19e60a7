import { Document, Scalar, isMap, isScalar, visit } from 'yaml';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyDocumentObject, safeFileStem } from '@/lib/policy-document';
import { findSecrets, formatJsonPath, omitSecrets, type JsonPath } from '@/lib/secrets';
import { isAmbiguousScalar } from './ambiguous-scalar';
import { CLI_DIALECTS, appealKeyOf, keysTheCliDrops, type CliDialect } from './cli-dialect';

export interface CliFileOptions {
  dialect: CliDialect;
  /** Write secrets in plain text, because the admin asked to; by default each is left out and named. */
  includeSecrets?: boolean;
}

export interface CliFile {
  text: string;
  /** `<id>.yaml`: one file per policy, the same name for every version, as a git repository wants. */
  fileName: string;
  /** Paths of the secrets left out, as the file's comments name them. */
  secretsLeftOut: string[];
  /** Whether the text holds secrets in plain text. */
  holdsSecrets: boolean;
  /** Keys of this policy that the dialect's CLI does not read (it would drop them). */
  droppedByCli: string[];
}

/**
 * The policy's content in a CLI file's key names: the wire form (snake_case, zero values left out,
 * keys in the canonical order) without what the server sets (version, authorship, timestamps),
 * with the appeal settings under the dialect's key. Secrets included.
 */
export function cliFileObject(policy: Policy, dialect: CliDialect): Record<string, unknown> {
  const wire = policyDocumentObject(policy, { metadata: false, maskSecrets: false });
  const appealKey = appealKeyOf(dialect);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wire)) out[key === 'appeal' ? appealKey : key] = value;
  return out;
}

/** `<id>.yaml`, safe on every OS whatever the id holds. */
function cliFileName(id: string): string {
  return `${safeFileStem(id)}.yaml`;
}

/** The key a comment about `path` sits above: the nearest map key that holds the secret's parent. */
function commentAnchor(path: JsonPath): JsonPath | undefined {
  for (let i = path.length - 2; i >= 0; i--) if (typeof path[i] === 'string') return path.slice(0, i + 1);
  return undefined;
}

function addComment(doc: Document, path: JsonPath, line: string): void {
  const anchor = commentAnchor(path);
  const pair =
    anchor &&
    (() => {
      const parent = anchor.length === 1 ? doc.contents : doc.getIn(anchor.slice(0, -1), true);
      return isMap(parent)
        ? parent.items.find((item) => isScalar(item.key) && item.key.value === anchor[anchor.length - 1])
        : undefined;
    })();
  if (pair && isScalar(pair.key)) {
    pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n${line}` : line;
  } else {
    doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${line}` : line;
  }
}

function header(lines: string[]): string | undefined {
  return lines.length > 0 ? lines.map((line) => ` ${line}`).join('\n') : undefined;
}

/**
 * A version as a file for `guardian policy apply --file` and for git: YAML that the dialect's CLI
 * (yaml.v3 into `domain.Policy`) reads as this policy, with a stable key order and layout (the same
 * version always gives the same bytes), every string a reader could take for a boolean, a number or
 * null quoted, no line folding, and no secret unless asked for: a masked placeholder is never written.
 */
export function writeCliFile(policy: Policy, options: CliFileOptions): CliFile {
  const full = cliFileObject(policy, options.dialect);
  const secrets = findSecrets(full);
  const { value: content, omitted } = options.includeSecrets ? { value: full, omitted: [] } : omitSecrets(full);
  const droppedByCli = keysTheCliDrops(content, options.dialect);

  const doc = new Document(content);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && isAmbiguousScalar(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const notes: string[] = [];
  const cliName = CLI_DIALECTS.find((d) => d.id === options.dialect)!.label;
  if (omitted.length > 0) {
    notes.push(
      'Secrets are left out of this file: each is named below, where it belongs ("set before applying").',
      'The console’s “Apply from files” keeps the server’s values; the CLI needs them written in.',
    );
  }
  if (options.includeSecrets && secrets.length > 0)
    notes.push('This file holds secrets in plain text: never commit it.');
  if (droppedByCli.length > 0)
    notes.push(`The ${cliName} does not read ${droppedByCli.join(', ')}: it would drop them.`);
  doc.commentBefore = header(notes) ?? null;
  for (const path of omitted) addComment(doc, path, ` ${formatJsonPath(path)}: set before applying`);

  return {
    text: doc.toString({ lineWidth: 0, minContentWidth: 0 }),
    fileName: cliFileName(policy.id),
    secretsLeftOut: omitted.map(formatJsonPath),
    holdsSecrets: Boolean(options.includeSecrets) && secrets.length > 0,
    droppedByCli,
  };
}
