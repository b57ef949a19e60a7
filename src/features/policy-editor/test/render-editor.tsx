import { screen } from '@testing-library/react';
import { Route } from '@/lib/router';
import { useParams } from '@/lib/router/use-params';
import { renderRoutes, TEST_GUARDIAN_URL } from '@/test/render-routes';
import { EditPolicyRoute } from '../routes/edit-policy-route';
import { NewPolicyRoute } from '../routes/new-policy-route';

export const GUARDIAN = TEST_GUARDIAN_URL;

function VersionPage() {
  const { id, version } = useParams();
  return (
    <h1>
      Saved {id} version {version}
    </h1>
  );
}

/** The editor's routes in a memory router, against whatever answers http://guardian.test. */
export function renderEditor(path: string) {
  return renderRoutes(
    path,
    <>
      <Route path="/policies/new" component={NewPolicyRoute} />
      <Route path="/policies/:id/edit" component={EditPolicyRoute} />
      <Route path="/policies/:id/versions/:version" component={VersionPage} />
      <Route path="/settings">
        <h1>Settings page</h1>
      </Route>
      <Route path="/policies">
        <h1>Policy list</h1>
      </Route>
    </>,
    { exprTarget: 'guardian-1.12' },
  );
}

/** Waits for the editor form to be on the page (the edit route loads first). */
export async function editorReady() {
  return screen.findByRole('button', { name: /^Review and (save|create)$/ }, { timeout: 5000 });
}

/** A policy body as a REST client sends it. */
export async function putPolicy(body: Record<string, unknown>, email = 'someone.else@example.com', create = false) {
  const url = create ? `${GUARDIAN}/api/v1beta1/policies` : `${GUARDIAN}/api/v1beta1/policies/${String(body.id)}`;
  const response = await fetch(url, {
    method: create ? 'POST' : 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Email': email },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return ((await response.json()) as { policy: { version: number } }).policy;
}

/** Makes a fresh policy (its own id) per call, so tests never see each other's versions. */
export function policySeeder(prefix: string, body: Record<string, unknown>) {
  let counter = 0;
  return async (extra: Record<string, unknown> = {}) => {
    const id = `${prefix}-${++counter}`;
    await putPolicy({ id, ...body, ...extra }, 'admin@example.com', true);
    return id;
  };
}
