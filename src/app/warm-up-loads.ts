/**
 * What the other views need, loaded once the catalog has drawn its rows (prefetch-first-view.ts).
 * In a module of its own: the list of files each import brings lives here, not in the shell.
 */
export function loadOtherViews(): void {
  void import('./warm-up-views').catch(() => undefined);
  // The other views' address table: a view opened from the catalog then fetches its own code only.
  void import('./other-routes').catch(() => undefined);
}
