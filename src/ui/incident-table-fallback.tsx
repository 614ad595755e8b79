/** Without WebGL2 there is no map: say so plainly and list the incidents in the window instead. */
import { incidentAt } from '../data/incident-table';
import { windowRowRange } from '../state/selectors';
import { TYPE_LABELS } from '../state/palette';
import { formatDay } from '../time/days';
import { useAppStore } from './store-context';

const MAX_ROWS = 1000;

/** The no-WebGL fallback: an explanation and a table of the window's incidents. */
export function NoWebGlFallback() {
  const data = useAppStore((s) => s.data);
  const window = useAppStore((s) => s.window);
  const mask = useAppStore((s) => s.filtered?.mask ?? null);
  const [first, last] = data && window ? windowRowRange(data.incidents, window) : [0, 0];
  // A plain table of a million rows would freeze the page: list the first ones and say so.
  const rows: number[] = [];
  let total = 0;
  for (let row = first; row < last; row++) {
    if (mask && !mask[row]) continue;
    if (rows.length < MAX_ROWS) rows.push(row);
    total++;
  }
  return (
    <section className="no-webgl" data-testid="no-webgl">
      <h2>The map needs WebGL2, which this browser does not provide</h2>
      <p>
        Turn on hardware acceleration or use a current browser to see the map. The incidents in the
        selected window are listed below.
      </p>
      <table className="small-table">
        <caption>
          {total.toLocaleString('en-US')} incidents{mask && ' (filtered)'}
          {total > rows.length && ` (the first ${rows.length.toLocaleString('en-US')} are listed)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Type</th>
            <th scope="col">Target</th>
            <th scope="col">Country</th>
            <th scope="col">U.S. killed / injured</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const r = incidentAt(data!.incidents, row);
            return (
              <tr key={r.id}>
                <td>{formatDay(r.day)}</td>
                <td>{TYPE_LABELS[r.type]}</td>
                <td>{r.target ?? '–'}</td>
                <td>{r.country ?? '–'}</td>
                <td>
                  {r.us_killed ?? '–'} / {r.us_injured ?? '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
