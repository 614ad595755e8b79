/**
 * Why an import was not applied: the message (file and cause), a reminder that the map still
 * shows the previous data, and the file's rejected rows (row, field, reason) with a CSV download.
 */
import { issuesToCsv } from '../../data/load-report';
import { download } from '../table/download';
import type { ImportError } from './run-import';

const SHOWN = 20;

/** The failure panel of the import dialog. */
export function ImportFailure({ error }: { error: ImportError }) {
  const issues = error.issues;
  return (
    <div
      className={error.cancelled ? 'import-outcome' : 'import-outcome import-error'}
      role={error.cancelled ? 'status' : 'alert'}
      data-testid="import-error"
    >
      <p>
        <strong>{error.cancelled ? 'Cancelled.' : 'Not imported.'}</strong> {error.message} The map
        still shows the previous data.
      </p>
      {issues.length > 0 && (
        <>
          <div className="import-report" tabIndex={0} role="region" aria-label="Rejected rows">
            <table className="small-table">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Feature / row</th>
                  <th scope="col">Field</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {issues.slice(0, SHOWN).map((i, k) => (
                  <tr key={k} className={i.severity}>
                    <td>{i.file}</td>
                    <td>{i.index ?? '–'}</td>
                    <td>{i.field ?? '–'}</td>
                    <td>{i.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="import-hint">
            {issues.length > SHOWN &&
              `${(issues.length - SHOWN).toLocaleString('en-US')} more in the download. `}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                download(new Blob([issuesToCsv(issues)], { type: 'text/csv' }), 'import-report.csv')
              }
            >
              Download the list (CSV)
            </button>
          </p>
        </>
      )}
    </div>
  );
}
