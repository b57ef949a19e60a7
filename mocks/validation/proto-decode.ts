import { toCamelCase } from '../../src/lib/api/casing';
import { readJson, type JsonPath } from './json-reader';

/**
 * Decodes a Guardian request body the way its gateway does (protojson, DiscardUnknown): either JSON
 * name or proto name per field, unknown fields silently dropped at every message level, wrong JSON
 * types refused with protojson's words and position. What is left is the snake_case body.
 */
type Shape =
  | 'string'
  | 'bool'
  | 'uint32'
  | 'int32'
  | 'timestamp'
  | 'value' // google.protobuf.Value: any JSON
  | { message: Record<string, Shape> }
  | { repeated: Shape }
  | { map: Shape };

const message = (fields: Record<string, Shape>): Shape => ({ message: fields });
const repeated = (of: Shape): Shape => ({ repeated: of });

const resourceIdentifier = message({
  provider_type: 'string',
  provider_urn: 'string',
  type: 'string',
  urn: 'string',
  id: 'string',
});
const additionalAppeal = message({
  resource: resourceIdentifier,
  role: 'string',
  options: message({ expiration_date: 'timestamp', duration: 'string' }),
  policy: message({ id: 'string', version: 'int32' }),
});
const trigger = message({
  provider_type: 'string',
  provider_urn: 'string',
  resource_type: 'string',
  resource_urn: 'string',
  role: 'string',
  conditions: repeated(message({ field: 'string', match: message({ eq: 'value' }) })),
  expression: 'string',
});

const POLICY_SHAPE = message({
  id: 'string',
  version: 'uint32',
  description: 'string',
  steps: repeated(
    message({
      name: 'string',
      description: 'string',
      allow_failed: 'bool',
      when: 'string',
      strategy: 'string',
      approve_if: 'string',
      approvers: repeated('string'),
      rejection_reason: 'string',
    }),
  ),
  labels: { map: 'string' },
  created_at: 'timestamp',
  updated_at: 'timestamp',
  requirements: repeated(message({ on: trigger, appeals: repeated(additionalAppeal) })),
  iam: message({ provider: 'string', config: 'value', schema: { map: 'string' } }),
  appeal: message({
    duration_options: repeated(message({ name: 'string', value: 'string' })),
    allow_on_behalf: 'bool',
    allow_permanent_access: 'bool',
    allow_active_access_extension_in: 'string',
    questions: repeated(message({ key: 'string', question: 'string', required: 'bool', description: 'string' })),
    allow_creator_details_failure: 'bool',
  }),
  title: 'string',
  created_by: 'string',
});

class DecodeFailure extends Error {}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export type DecodeResult = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

/** The body of a create/update, decoded into a Policy message. */
export function decodePolicyBody(text: string): DecodeResult {
  // Go's decoder returns io.EOF for an empty body and the gateway carries on with an empty message.
  if (text.trim() === '') return { ok: true, body: {} };
  const read = readJson(text);
  if (!read.ok) return read;

  const where = (path: JsonPath) => {
    const p = read.positionOf(path);
    return `(line ${p.line}:${p.column})`;
  };
  const invalid = (path: JsonPath, kind: string): never => {
    throw new DecodeFailure(`proto: ${where(path)}: invalid value for ${kind} type: ${read.rawOf(path)}`);
  };
  const unexpected = (path: JsonPath): never => {
    throw new DecodeFailure(`proto: syntax error ${where(path)}: unexpected token ${read.rawOf(path)}`);
  };

  const decode = (shape: Shape, value: unknown, path: (string | number)[]): unknown => {
    if (shape === 'value') return value;
    if (typeof shape === 'string') {
      switch (shape) {
        case 'string':
          return typeof value === 'string' ? value : invalid(path, 'string');
        case 'bool':
          return typeof value === 'boolean' ? value : invalid(path, 'bool');
        case 'uint32':
        case 'int32': {
          const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
          const ok =
            typeof n === 'number' &&
            Number.isInteger(n) &&
            (shape === 'int32' ? Math.abs(n) < 2 ** 31 : n >= 0 && n < 2 ** 32);
          return ok ? n : invalid(path, shape);
        }
        case 'timestamp':
          if (typeof value !== 'string') return unexpected(path);
          if (!RFC3339.test(value))
            throw new DecodeFailure(
              `proto: ${where(path)}: invalid google.protobuf.Timestamp value ${read.rawOf(path)}`,
            );
          return value;
      }
    }
    if ('repeated' in shape) {
      if (!Array.isArray(value)) return unexpected(path);
      return value.map((item, i) =>
        item === null ? unexpected([...path, i]) : decode(shape.repeated, item, [...path, i]),
      );
    }
    if ('map' in shape) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return unexpected(path);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = decode(shape.map, v, [...path, k]);
      return out;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return unexpected(path);
    const out: Record<string, unknown> = {};
    for (const [name, fieldShape] of Object.entries(shape.message)) {
      const camel = toCamelCase(name);
      const key = name in value ? name : camel in value ? camel : undefined;
      if (key === undefined) continue;
      const v = (value as Record<string, unknown>)[key];
      // protojson: a JSON null leaves a field unset (except inside google.protobuf.Value).
      if (v === null && fieldShape !== 'value') continue;
      out[name] = decode(fieldShape, v, [...path, key]);
    }
    return out;
  };

  try {
    return { ok: true, body: decode(POLICY_SHAPE, read.value, []) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof DecodeFailure) return { ok: false, message: error.message };
    throw error;
  }
}
