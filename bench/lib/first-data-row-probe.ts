// How the bench sees a list app's first data row, the same way in every app it compares.

/** Set by the probe at the first data row: traces count the main thread up to it. */
export const FIRST_ROW_MARK = 'bench:first-row';

declare global {
  interface Window {
    __firstDataRow?: Promise<number>;
  }
}

/**
 * The same probe in every app, from the page's first script on: resolves with `performance.now()`
 * (ms since the navigation started) of the first frame presented once a table body row shows a
 * cell whose whole text is a policy id of the list — a data row, not a header, skeleton or spinner.
 */
export function firstDataRowProbe(ids: readonly string[]): string {
  return `(() => {
    const known = new Set(${JSON.stringify(ids)});
    window.__firstDataRow = new Promise((resolve) => {
      const shown = () => {
        for (const body of document.querySelectorAll('tbody')) {
          for (const row of body.rows) {
            for (const cell of row.cells) if (known.has((cell.textContent || '').trim())) return true;
          }
        }
        return false;
      };
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        // rAF runs before the frame is painted; a task posted from it runs after.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            performance.mark('${FIRST_ROW_MARK}');
            resolve(performance.now());
          };
          channel.port2.postMessage(null);
        });
      });
      const start = () => observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      if (document.documentElement) start();
      else document.addEventListener('readystatechange', start, { once: true });
    });
  })();`;
}
