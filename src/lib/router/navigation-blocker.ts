/**
 * Navigation that a view may hold for a decision (the editor's "Leave with unsaved changes?").
 * Every in-app navigation — links, `navigate()`, redirects, back/forward — passes through here.
 */

interface BlockerLocation {
  pathname: string;
  search: string;
}

export interface BlockerArgs {
  currentLocation: BlockerLocation;
  nextLocation: BlockerLocation;
}

interface Registered {
  shouldBlock: (args: BlockerArgs) => boolean;
  onBlocked: (proceed: () => void) => void;
}

const blockers = new Set<Registered>();

export function registerBlocker(blocker: Registered): () => void {
  blockers.add(blocker);
  return () => void blockers.delete(blocker);
}

function toBlockerLocation(href: string): BlockerLocation {
  const url = new URL(href, 'http://x');
  return { pathname: url.pathname, search: url.search };
}

/** Runs `go` now, or hands it to the first blocker that wants to hold this navigation. */
export function guardNavigation(currentHref: string, nextHref: string, go: () => void): void {
  const args = { currentLocation: toBlockerLocation(currentHref), nextLocation: toBlockerLocation(nextHref) };
  for (const blocker of blockers) {
    if (blocker.shouldBlock(args)) {
      blocker.onBlocked(go);
      return;
    }
  }
  go();
}

/**
 * Back/forward cannot be cancelled, only undone: a held one is put back (the page's address is pushed
 * again) before wouter hears of it, and leaving then goes back for real. Registered when this module
 * is imported, so before wouter's own popstate listener.
 */
let shownHref = '';
let shownState: unknown = null;
let letNextPopThrough = false;

const currentHref = () => window.location.pathname + window.location.search;

if (typeof window !== 'undefined') {
  const remember = () => {
    shownHref = currentHref();
    shownState = window.history.state;
  };
  remember();
  // wouter dispatches these once it has patched history.pushState/replaceState.
  window.addEventListener('pushState', remember);
  window.addEventListener('replaceState', remember);
  window.addEventListener('popstate', (event) => {
    if (letNextPopThrough) {
      letNextPopThrough = false;
      remember();
      return;
    }
    const from = shownHref;
    const fromState = shownState;
    let deciding = true;
    let passed = false;
    guardNavigation(from, currentHref(), () => {
      if (deciding) {
        passed = true;
        remember();
        return;
      }
      letNextPopThrough = true;
      window.history.back();
    });
    deciding = false;
    if (!passed) {
      event.stopImmediatePropagation();
      window.history.pushState(fromState, '', from);
    }
  });
}
