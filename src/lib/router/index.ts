// The router, behind one folder: features import from '@/lib/router', never from wouter.
export { Route, Switch } from 'wouter';
export { Link, type LinkProps } from './link';
export { NavLink, isActivePath } from './nav-link';
export { Navigate } from './navigate';
export { RouterRoot } from './router-root';
export { RouteErrorBoundary } from './route-error-boundary';
export { useBlocker, type Blocker } from './use-blocker';
export { useLocation, type AppLocation } from './use-location';
export { useNavigate, type NavigateFunction, type NavigateOptions } from './use-navigate';
export { useParams } from './use-params';
export { useSearchParams, type SetSearchParams } from './use-search-params';
