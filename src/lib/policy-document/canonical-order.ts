import { isPlainObject } from '@/lib/guardian-rules/plain-object';

/**
 * The order keys are written in: a policy's own parts in the order people read them (the order of
 * Guardian's docs), then anything else (a fork's extras, free-form maps) alphabetically. Stable order
 * is what makes two versions' documents comparable line by line.
 */
interface Shape {
  order?: readonly string[];
  children?: Readonly<Record<string, Shape>>;
  /** The shape of each item, for arrays. */
  items?: Shape;
  /** The shape of each value, for maps keyed by name (a fork's metadata sources). */
  values?: Shape;
}

const APPEAL_RESOURCE: Shape = { order: ['id', 'provider_type', 'provider_urn', 'type', 'urn'] };

const POLICY: Shape = {
  order: [
    'id',
    'version',
    'title',
    'description',
    'labels',
    'stages',
    'steps',
    'custom_steps',
    'requirements',
    'appeal',
    'iam',
    'created_by',
    'created_at',
    'updated_at',
  ],
  children: {
    steps: {
      items: {
        order: [
          'name',
          'stage',
          'description',
          'strategy',
          'when',
          'approve_if',
          'approvers',
          'allow_failed',
          'dont_allow_self_approval',
          'rejection_reason',
        ],
      },
    },
    custom_steps: { order: ['type', 'config'], children: { config: { order: ['url', 'method', 'headers'] } } },
    requirements: {
      items: {
        order: ['on', 'appeals', 'post_hooks'],
        children: {
          on: {
            order: [
              'provider_type',
              'provider_urn',
              'resource_type',
              'resource_urn',
              'role',
              'conditions',
              'expression',
            ],
            children: { conditions: { items: { order: ['field', 'match'] } } },
          },
          appeals: {
            items: {
              order: ['resource', 'role', 'options', 'policy'],
              children: {
                resource: APPEAL_RESOURCE,
                options: { order: ['expiration_date', 'duration'] },
                policy: { order: ['id', 'version'] },
              },
            },
          },
        },
      },
    },
    appeal: {
      order: [
        'duration_options',
        'allow_permanent_access',
        'allow_active_access_extension_in',
        'allow_on_behalf',
        'allow_creator_details_failure',
        'questions',
        'metadata_sources',
        'labeling_rules',
        'user_label_config',
      ],
      children: {
        duration_options: { items: { order: ['name', 'value'] } },
        questions: { items: { order: ['key', 'question', 'required', 'description'] } },
        metadata_sources: { values: { order: ['name', 'description', 'type', 'config', 'value'] } },
        labeling_rules: {
          items: {
            order: ['rule_name', 'description', 'priority', 'when', 'labels', 'label_metadata', 'allow_failure'],
          },
        },
        user_label_config: {
          order: [
            'allow_user_labels',
            'allowed_keys',
            'required_keys',
            'max_labels',
            'key_pattern',
            'value_pattern',
            'allow_override',
          ],
        },
      },
    },
    iam: {
      order: ['provider', 'config', 'schema'],
      children: {
        config: {
          order: ['url', 'headers', 'auth'],
          children: {
            auth: {
              order: ['type', 'username', 'password', 'in', 'key', 'value', 'token', 'audience', 'credentials_json'],
            },
          },
        },
      },
    },
  },
};

function reorder(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, shape?.items));
  if (!isPlainObject(value)) return value;
  const known = shape?.order ?? [];
  const keys = [
    ...known.filter((key) => key in value),
    ...Object.keys(value)
      .filter((key) => !known.includes(key))
      .sort(),
  ];
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = reorder(value[key], shape?.children?.[key] ?? shape?.values);
  return out;
}

/** A policy in wire form (snake_case), with its keys in the canonical order. */
export function canonicalOrder(wirePolicy: Record<string, unknown>): Record<string, unknown> {
  return reorder(wirePolicy, POLICY) as Record<string, unknown>;
}
