/**
 * The page's first Intl formatter loads the locale's data for the whole page: 15–20 ms of the main
 * thread, once. The built HTML runs this (scripts/vite-plugins.ts) in a task of its own as soon as it
 * is parsed, while the page waits for its scripts to arrive: the formatters the app builds on first
 * use (format-number.ts, format-date.ts) find the data loaded. Plain ES5: it runs before any module.
 */
export const WARM_UP_INTL_SCRIPT =
  'setTimeout(function(){try{new Intl.NumberFormat().format(0);' +
  'new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}).format(0)}catch(e){}},0);';
