import { Link, useLocation } from '@/lib/router';

export function NotFound() {
  const { pathname } = useLocation();
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code className="mono">{pathname}</code>. <Link to="/policies">Go to the policies</Link>.
      </p>
    </section>
  );
}
