import { Link } from '@/lib/router';
import { ErrorState } from '@/components/states/error-state';

/**
 * Anything a view throws lands here, inside the layout: the navigation stays usable, and moving to
 * another address tries again.
 */
export function RouteError({ error }: { error: unknown }) {
  const isChunkError =
    error instanceof Error &&
    /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(error.message);
  return (
    <section className="page">
      <h1>This view failed</h1>
      <ErrorState
        error={isChunkError ? new Error('The console was updated or the network dropped. Reload the page.') : error}
        onRetry={() => window.location.reload()}
      />
      <p>
        <Link to="/policies">Go to the policies</Link>
      </p>
    </section>
  );
}
