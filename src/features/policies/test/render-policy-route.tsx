import { Route, useLocation } from '@/lib/router';
import { useParams } from '@/lib/router/use-params';
import { renderRoutes, TEST_GUARDIAN_URL } from '@/test/render-routes';
import { CatalogRoute } from '../routes/catalog-route';
import { LatestVersionRoute } from '../routes/latest-version-route';
import { PolicyVersionRoute } from '../routes/policy-version-route';

export const GUARDIAN = TEST_GUARDIAN_URL;

function Probe({ name }: { name: string }) {
  const params = useParams();
  const location = useLocation();
  return (
    <h1>
      {name} {JSON.stringify(params)} {location.search}
    </h1>
  );
}

// Pages outside these routes: a heading that tells which page, parameters and query the app went to.
const PROBES: [path: string, name: string][] = [
  ['/policies/new', 'New policy page'],
  ['/policies/:id/edit', 'Editor'],
  ['/policies/:id/diff/:range', 'Diff page'],
  ['/tests/new', 'Launch test'],
];

/** The policies routes in a memory router, against whatever answers http://guardian.test. */
export function renderPolicyRoute(path: string) {
  return renderRoutes(
    path,
    <>
      {PROBES.map(([probePath, name]) => (
        <Route key={probePath} path={probePath}>
          <Probe name={name} />
        </Route>
      ))}
      <Route path="/policies" component={CatalogRoute} />
      <Route path="/policies/:id" component={LatestVersionRoute} />
      <Route path="/policies/:id/versions/:version" component={PolicyVersionRoute} />
    </>,
  );
}
