import { Route, useLocation, useParams } from '@/lib/router';
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

/** The policies routes in a memory router, against whatever answers http://guardian.test. */
export function renderPolicyRoute(path: string) {
  return renderRoutes(
    path,
    <>
      <Route path="/policies" component={CatalogRoute} />
      <Route path="/policies/new">
        <Probe name="New policy page" />
      </Route>
      <Route path="/policies/:id" component={LatestVersionRoute} />
      <Route path="/policies/:id/versions/:version" component={PolicyVersionRoute} />
      <Route path="/policies/:id/edit">
        <Probe name="Editor" />
      </Route>
      <Route path="/policies/:id/diff/:range">
        <Probe name="Diff page" />
      </Route>
      <Route path="/tests/new">
        <Probe name="Launch test" />
      </Route>
    </>,
  );
}
