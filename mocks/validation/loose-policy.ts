import { toSnakeCase } from '../../src/lib/api/casing';
import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';

/**
 * A decoded request body as Guardian's Go structs hold it before validation: every field present,
 * zero values where the JSON had nothing. Unlike the console's domain schema it accepts anything the
 * wire can carry (an empty id, an unknown strategy), because refusing those is validation's job.
 */
interface LooseStep {
  name: string;
  strategy: string;
  when: string;
  approveIf: string;
  approvers: string[];
}
interface LooseRequirement {
  on?: {
    providerType: string;
    providerUrn: string;
    resourceType: string;
    resourceUrn: string;
    role: string;
    conditions: unknown[];
    expression: string;
  };
  appeals: {
    resource?: { providerType: string; providerUrn: string; type: string; urn: string; id: string };
    role: string;
  }[];
}
export interface LoosePolicy {
  id: string;
  version: number;
  steps: LooseStep[];
  requirements: LooseRequirement[];
  appeal?: {
    durationOptions: { name: string; value: string }[];
    allowActiveAccessExtensionIn: string;
    questions: { key: string }[];
  };
  iam?: { provider: string; config: Record<string, unknown> };
}

type Body = Record<string, unknown>;
const str = (o: Body | undefined, k: string) => (typeof o?.[k] === 'string' ? (o[k] as string) : '');
const arr = (o: Body | undefined, k: string): Body[] => (Array.isArray(o?.[k]) ? (o[k] as Body[]) : []);
const obj = (o: Body | undefined, k: string): Body | undefined => (isPlainObject(o?.[k]) ? (o[k] as Body) : undefined);
/** The string fields `keys` (the struct's names) of a snake_case message. */
const strs = <K extends string>(o: Body, keys: readonly K[]): Record<K, string> =>
  Object.fromEntries(keys.map((k) => [k, str(o, toSnakeCase(k))])) as Record<K, string>;

/** From the snake_case body proto-decode produced. */
export function loosePolicy(body: Body): LoosePolicy {
  const appeal = obj(body, 'appeal');
  const iam = obj(body, 'iam');
  return {
    id: str(body, 'id'),
    version: typeof body.version === 'number' ? body.version : 0,
    steps: arr(body, 'steps').map((s) => ({
      ...strs(s, ['name', 'strategy', 'when', 'approveIf']),
      approvers: (Array.isArray(s.approvers) ? s.approvers : []) as string[],
    })),
    requirements: arr(body, 'requirements').map((r) => {
      const on = obj(r, 'on');
      return {
        on: on && {
          ...strs(on, ['providerType', 'providerUrn', 'resourceType', 'resourceUrn', 'role', 'expression']),
          conditions: arr(on, 'conditions'),
        },
        appeals: arr(r, 'appeals').map((a) => {
          const res = obj(a, 'resource');
          return {
            resource: res && strs(res, ['providerType', 'providerUrn', 'type', 'urn', 'id']),
            role: str(a, 'role'),
          };
        }),
      };
    }),
    appeal: appeal && {
      durationOptions: arr(appeal, 'duration_options').map((d) => ({ name: str(d, 'name'), value: str(d, 'value') })),
      allowActiveAccessExtensionIn: str(appeal, 'allow_active_access_extension_in'),
      questions: arr(appeal, 'questions').map((q) => ({ key: str(q, 'key') })),
    },
    iam: iam && {
      provider: str(iam, 'provider'),
      // google.protobuf.Value: the gateway hands Guardian whatever JSON came (a non-object decodes to nothing).
      config: isPlainObject(iam.config) ? (iam.config as Body) : {},
    },
  };
}
