// A small read-only dataProvider over Guardian's list (GET /api/v1beta1/policies), which sends every
// version of every policy in one answer: keep each policy's latest version, then sort and page here.
import type { DataProvider, GetListParams, RaRecord } from 'react-admin';

export interface PolicyRecord extends RaRecord<string> {
  version: number;
  description: string;
  stepCount: number;
  labels: Record<string, string>;
  author: string;
  updatedAt: string;
}

type WirePolicy = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function toRecord(policy: WirePolicy): PolicyRecord {
  const labels = policy.labels && typeof policy.labels === 'object' ? policy.labels : {};
  return {
    id: text(policy.id),
    version: Number(policy.version ?? 0),
    description: text(policy.title) || text(policy.description),
    stepCount: Array.isArray(policy.steps) ? policy.steps.length : 0,
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])),
    author: text(policy.created_by ?? policy.createdBy),
    updatedAt: text(policy.updated_at ?? policy.updatedAt),
  };
}

async function listPolicies(): Promise<PolicyRecord[]> {
  const response = await fetch('/api/v1beta1/policies', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /api/v1beta1/policies answered ${response.status}`);
  const body = (await response.json()) as { policies?: WirePolicy[] };
  const latest = new Map<string, PolicyRecord>();
  for (const policy of body.policies ?? []) {
    const record = toRecord(policy);
    const seen = latest.get(record.id);
    if (!seen || seen.version < record.version) latest.set(record.id, record);
  }
  return [...latest.values()];
}

function sortAndPage(records: PolicyRecord[], { sort, pagination }: GetListParams) {
  const sorted = [...records];
  if (sort) {
    const field = sort.field as keyof PolicyRecord;
    const direction = sort.order === 'DESC' ? -1 : 1;
    sorted.sort((a, b) =>
      String(a[field]) < String(b[field]) ? -direction : String(a[field]) > String(b[field]) ? direction : 0,
    );
  }
  const page = pagination?.page ?? 1;
  const perPage = pagination?.perPage ?? 10;
  return sorted.slice((page - 1) * perPage, page * perPage);
}

const readOnly = () => Promise.reject(new Error('This list is read-only.'));

export const guardianDataProvider: DataProvider = {
  getList: async (_resource, params) => {
    const records = await listPolicies();
    return { data: sortAndPage(records, params), total: records.length } as never;
  },
  getOne: async (_resource, { id }) => {
    const record = (await listPolicies()).find((r) => r.id === id);
    if (!record) throw new Error(`No policy ${String(id)}`);
    return { data: record } as never;
  },
  getMany: async (_resource, { ids }) => ({ data: (await listPolicies()).filter((r) => ids.includes(r.id)) }) as never,
  getManyReference: async () => ({ data: [], total: 0 }),
  create: readOnly,
  update: readOnly,
  updateMany: readOnly,
  delete: readOnly,
  deleteMany: readOnly,
};
