// @vitest-environment jsdom
import { FIRST_ROW_MARK, firstDataRowProbe } from './first-data-row-probe';

const IDS = ['bigquery_approval', 'id', 'weird `${id}` </script>'];

function install(ids: readonly string[] = IDS): Promise<number> {
  // An indirect eval runs the probe as the page would: in the global scope.
  (0, eval)(firstDataRowProbe(ids));
  return window.__firstDataRow!;
}

function table(head: string[], rows: string[][]): HTMLTableElement {
  const element = document.createElement('table');
  element.innerHTML = `<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody></tbody>`;
  const body = element.tBodies[0]!;
  for (const cells of rows) {
    const row = body.insertRow();
    for (const text of cells) row.insertCell().textContent = text;
  }
  return element;
}

/** Whether the probe has resolved by the time the frame after the next one has run. */
async function settled(promise: Promise<number>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 3; i += 1) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return done;
}

describe('firstDataRowProbe', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    performance.clearMarks();
  });

  it('waits through headers, skeleton rows and spinners, and resolves once a row shows a policy id', async () => {
    const probe = install();
    document.body.append(
      table(
        ['bigquery_approval', 'Policy'],
        [
          ['', ''],
          ['Loading…', ''],
        ],
      ),
    );
    expect(await settled(probe)).toBe(false);

    const loaded = table(['Policy'], [['  bigquery_approval\n'], ['other']]);
    document.body.append(loaded);
    const at = await probe;
    expect(at).toBeGreaterThan(0);
    expect(performance.getEntriesByName(FIRST_ROW_MARK, 'mark')).toHaveLength(1);
  });

  it('does not take a cell that only contains an id among other text', async () => {
    const probe = install();
    document.body.append(table(['Policy'], [['No policy like bigquery_approval yet']]));
    expect(await settled(probe)).toBe(false);
  });

  it('sees a row whose text arrives after the row itself, and ids with quotes and markup', async () => {
    const probe = install();
    const element = table(['Policy'], [['']]);
    document.body.append(element);
    expect(await settled(probe)).toBe(false);
    element.tBodies[0]!.rows[0]!.cells[0]!.append(document.createTextNode('weird `${id}` </script>'));
    await expect(probe).resolves.toBeGreaterThan(0);
  });
});
