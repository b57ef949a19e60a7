// The router, behind one folder: features import from '@/lib/router', never from wouter. Hooks only
// views loaded later use (useBlocker, useNavigate, useParams) are imported from their own files: re-exported
// here, the bundler would put them in the entry, which loads this file before the first row.
export { Route, Switch } from 'wouter';
export { Link } from './link';
export { NavLink } from './nav-link';
export { Navigate } from './navigate';
export { RouterRoot } from './router-root';
export { RouteErrorBoundary } from './route-error-boundary';
export { useLocation } from './use-location';
export { useSearchParams } from './use-search-params';
