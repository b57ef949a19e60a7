import { http, HttpResponse } from 'msw';

/**
 * A tiny Guardian for component tests (msw/node): a list of wire-form versions, GET one (0 = latest),
 * PUT a new version (latest + 1, `created_by` from X-Auth-Email). `puts` collects the bodies sent.
 */
export function guardianHandlers(rows: Record<string, unknown>[], puts: unknown[] = [], base = 'http://guardian.test') {
  const API = `${base}/api/v1beta1`;
  const latestOf = (id: string) =>
    rows
      .filter((r) => r.id === id)
      .reduce<Record<string, unknown> | undefined>(
        (a, r) => (!a || Number(r.version) > Number(a.version) ? r : a),
        undefined,
      );
  return [
    http.get(`${API}/policies`, () => HttpResponse.json({ policies: rows })),
    http.get(`${API}/policies/:id/versions/:version`, ({ params }) => {
      const id = String(params.id);
      const version = Number(params.version);
      const row = version === 0 ? latestOf(id) : rows.find((r) => r.id === id && r.version === version);
      return row
        ? HttpResponse.json({ policy: row })
        : HttpResponse.json({ code: 5, message: 'policy not found' }, { status: 404 });
    }),
    http.put(`${API}/policies/:id`, async ({ request, params }) => {
      const body = (await request.json()) as Record<string, unknown>;
      puts.push(body);
      const latest = latestOf(String(params.id));
      const saved = {
        ...body,
        version: Number(latest?.version ?? 0) + 1,
        created_by: request.headers.get('X-Auth-Email'),
      };
      rows.push(saved);
      return HttpResponse.json({ policy: saved });
    }),
  ];
}
