/**
 * The rows of a load report as a table (file, feature or row, field, reason: text only), and its
 * CSV download. Shared by the load report and the import dialog's failure panel.
 */
import { issuesToCsv, type LoadIssue } from '../data/load-report';
import { download } from './table/download';

/** Saves the issues as a CSV file (built in memory; nothing is sent anywhere). */
export function downloadIssues(issues: readonly LoadIssue[], name: string): void {
  download(new Blob([issuesToCsv(issues)], { type: 'text/csv' }), name);
}

/**
 * The issues as table rows. With `outcome`, each reason says what became of its row ("kept:" for
 * a warning, "skipped:" for an error).
 */
export function IssueTable({
  issues,
  outcome = false,
}: {
  issues: readonly LoadIssue[];
  outcome?: boolean;
}) {
  return (
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
        {issues.map((i, k) => (
          <tr key={k} className={i.severity}>
            <td>{i.file}</td>
            <td>{i.index ?? '–'}</td>
            <td>{i.field ?? '–'}</td>
            <td>
              {outcome && (i.severity === 'warning' ? 'kept: ' : 'skipped: ')}
              {i.reason}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
