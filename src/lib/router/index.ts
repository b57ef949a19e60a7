// The router, behind one folder: features import from '@/lib/router', never from wouter.
export { Route, Switch } from 'wouter';
export { Link } from './link';
export { NavLink } from './nav-link';
export { Navigate } from './navigate';
export { RouterRoot } from './router-root';
export { RouteErrorBoundary } from './route-error-boundary';
export { useBlocker } from './use-blocker';
export { useLocation } from './use-location';
export { useNavigate } from './use-navigate';
export { useParams } from './use-params';
export { useSearchParams } from './use-search-params';
