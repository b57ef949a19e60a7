import { useSyncExternalStore } from 'react';
import type { MORE_PATHS } from './more-icon-paths';

/** The icons the shell and the catalog draw before its first rows. */
const PATHS = {
  policies: 'M12 2l8 3v6c0 5-3.4 9.3-8 11-4.6-1.7-8-6-8-11V5z',
  tests: 'M9 2h6M10 2v6L4.5 18.5A2.3 2.3 0 006.5 22h11a2.3 2.3 0 002-3.5L14 8V2',
  settings:
    'M12 15.5a3.5 3.5 0 100-7 3.5 3.5 0 000 7zM19.4 13a7.8 7.8 0 000-2l2-1.6-2-3.4-2.4 1a7.6 7.6 0 00-1.7-1L15 3.5h-4l-.4 2.5a7.6 7.6 0 00-1.7 1l-2.4-1-2 3.4 2 1.6a7.8 7.8 0 000 2l-2 1.6 2 3.4 2.4-1a7.6 7.6 0 001.7 1l.4 2.5h4l.4-2.5a7.6 7.6 0 001.7-1l2.4 1 2-3.4z',
  error: 'M12 9v4M12 17h.01M10.3 3.9L1.8 18a2 2 0 001.7 3h17a2 2 0 001.7-3L13.7 3.9a2 2 0 00-3.4 0z',
  download: 'M12 3v12M7 10l5 5 5-5M5 21h14',
  sun: 'M12 17a5 5 0 100-10 5 5 0 000 10zM12 1v2M12 21v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M1 12h2M21 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4',
  moon: 'M21 12.8A9 9 0 1111.2 3 7 7 0 0021 12.8z',
  search: 'M11 19a8 8 0 100-16 8 8 0 000 16zM21 21l-4.3-4.3',
  chevronUp: 'M6 15l6-6 6 6',
  chevronDown: 'M6 9l6 6 6-6',
  chevronRight: 'M9 6l6 6-6 6',
  chevronLeft: 'M15 6l-6 6 6 6',
} as const;

export type IconName = keyof typeof PATHS | keyof typeof MORE_PATHS;

type MorePaths = typeof MORE_PATHS;
let morePaths: MorePaths | undefined;
const waiting = new Set<() => void>();

/**
 * The other icons' paths, handed over by the chunk that loads them (src/app/other-routes.tsx, which
 * every view but the catalog comes through). Loaded there, not here: a dynamic import in the shell
 * would bring the bundler's preload helper into the first load as a chunk of its own.
 */
export function provideMoreIcons(paths: MorePaths): void {
  morePaths = paths;
  for (const notify of waiting) notify();
}

function subscribe(notify: () => void): () => void {
  waiting.add(notify);
  return () => waiting.delete(notify);
}

/** The path of an icon; an icon of the other set draws empty (same box, nothing moves) until its set has arrived. */
function usePath(name: IconName): string | undefined {
  const loaded = useSyncExternalStore(subscribe, () => morePaths);
  if (name in PATHS) return PATHS[name as keyof typeof PATHS];
  return loaded?.[name as keyof MorePaths];
}

interface IconProps {
  name: IconName;
  className?: string;
  /** When set, the icon is announced; otherwise it is decoration next to words. */
  label?: string;
}

export function Icon({ name, className, label }: IconProps) {
  const path = usePath(name);
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {path && <path d={path} />}
    </svg>
  );
}
