import { Suspense, lazy, type ReactNode } from 'react';
import { NavLink, RouteErrorBoundary, useLocation } from '@/lib/router';
import { Icon, type IconName } from '@/components/icon/icon';
import { RouteError } from '../route-error';
import { EnvironmentBadge } from './environment-badge';
import { ThemeToggle } from './theme-toggle';
import './app-layout.css';

const MockPanel = import.meta.env.VITE_MOCK === 'true' ? lazy(() => import('../../../mocks/ui/mock-panel')) : null;

const NAV: { to: string; label: string; icon: IconName; except?: string[] }[] = [
  { to: '/policies', label: 'Policies', icon: 'policies', except: ['/policies/apply'] },
  { to: '/policies/apply', label: 'Apply from files', icon: 'download' },
  { to: '/tests', label: 'Tests', icon: 'tests' },
  { to: '/settings', label: 'Settings', icon: 'settings' },
];

export function AppLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <NavLink to="/policies" className="shell__brand">
          {/* A PNG (favicon.svg drawn at 96 px): an SVG image costs the main thread an SVG document of its own,
              in the frame that draws the first view. The tab's icon is the same file. */}
          <img src="/favicon.png" alt="" width={22} height={22} />
          Policy Console
        </NavLink>
        <EnvironmentBadge />
        <div className="shell__header-end">
          <ThemeToggle />
        </div>
      </header>
      {MockPanel && (
        // The panel's row is held while its chunk loads, so the page below does not jump (CLS 0).
        <Suspense fallback={<div className="shell__banner-placeholder" aria-hidden="true" />}>
          <MockPanel />
        </Suspense>
      )}
      <nav className="shell__nav" aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} except={item.except} className="shell__nav-link">
                <Icon name={item.icon} />
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="shell__main" tabIndex={-1} aria-busy="false">
        <RouteErrorBoundary resetKey={pathname} fallback={(error) => <RouteError error={error} />}>
          {children}
        </RouteErrorBoundary>
      </main>
    </div>
  );
}
