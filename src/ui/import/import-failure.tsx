/**
 * Why an import was not applied: the message (file and cause), a reminder that the map still
 * shows the previous data, and the file's rejected rows (row, field, reason) with a CSV download.
 */
import { downloadIssues, IssueTable } from '../issue-table';
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
            <IssueTable issues={issues.slice(0, SHOWN)} />
          </div>
          <p className="import-hint">
            {issues.length > SHOWN &&
              `${(issues.length - SHOWN).toLocaleString('en-US')} more in the download. `}
            <button
              type="button"
              className="link-button"
              onClick={() => downloadIssues(issues, 'import-report.csv')}
            >
              Download the list (CSV)
            </button>
          </p>
        </>
      )}
    </div>
  );
}
