import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '@/components/states/error-state';

/** Anything a view throws lands here, inside the layout: the navigation stays usable. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="page">
        <h1>Page not found</h1>
        <p>
          Nothing lives at this address. <Link to="/policies">Go to the policies</Link>.
        </p>
      </section>
    );
  }
  const isChunkError = error instanceof Error && /dynamically imported module|Failed to fetch/i.test(error.message);
  return (
    <section className="page">
      <h1>This view failed</h1>
      <ErrorState
        error={isChunkError ? new Error('The console was updated or the network dropped. Reload the page.') : error}
        onRetry={() => window.location.reload()}
      />
    </section>
  );
}
