/**
 * Load status: the load report (rejected and flagged rows, dismissible), the error panel for
 * files that could not be loaded (with retry), and notices about ignored URL values.
 */
import { useState } from 'react';
import { downloadIssues, IssueTable } from './issue-table';
import { useAppStore } from './store-context';

const SHOWN_ROWS = 50;
/** "Show all" stops here: a report of a million rows is read in the CSV download. */
const MAX_SHOWN_ROWS = 1000;

const NO_FAILURES: never[] = [];

/** Rejected/flagged rows: file, feature index, field, reason. */
export function LoadReport() {
  const issues = useAppStore((s) => s.data?.issues ?? null);
  const open = useAppStore((s) => s.reportOpen);
  const setOpen = useAppStore((s) => s.setReportOpen);
  const [all, setAll] = useState(false);
  if (!issues || issues.length === 0 || !open) return null;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const rows = issues.slice(0, all ? MAX_SHOWN_ROWS : SHOWN_ROWS);
  return (
    <section
      className="status-box load-report"
      role="status"
      aria-label="Load report"
      data-testid="load-report"
    >
      <div className="status-head">
        <strong>
          Load report: {errors} {errors === 1 ? 'row' : 'rows'} skipped, {warnings}{' '}
          {warnings === 1 ? 'warning' : 'warnings'}
        </strong>
        <span className="report-actions">
          <button
            type="button"
            className="report-download"
            onClick={() => downloadIssues(issues, 'load-report.csv')}
            title="Every row of the report as a spreadsheet file (load-report.csv)"
          >
            Download CSV
          </button>
          <button
            type="button"
            className="close-button"
            onClick={() => setOpen(false)}
            aria-label="Dismiss load report"
          >
            ×
          </button>
        </span>
      </div>
      <details open={errors > 0}>
        <summary>Details</summary>
        <IssueTable issues={rows} outcome />
        {!all && issues.length > SHOWN_ROWS && (
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            {issues.length > MAX_SHOWN_ROWS
              ? `Show ${MAX_SHOWN_ROWS} of ${issues.length.toLocaleString('en-US')}`
              : `Show all ${issues.length}`}
          </button>
        )}
        {all && issues.length > MAX_SHOWN_ROWS && (
          <p className="muted">
            {(issues.length - MAX_SHOWN_ROWS).toLocaleString('en-US')} more in the CSV download.
          </p>
        )}
      </details>
    </section>
  );
}

const PHASE_TEXT = { fetch: 'Downloading', parse: 'Reading', validate: 'Checking and indexing' };
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** While the incidents load: the phase, bytes received, and a Cancel button. */
export function LoadingStatus({ onCancel }: { onCancel(): void }) {
  const progress = useAppStore((s) => (s.status === 'loading' ? s.progress : null));
  if (!progress) return null;
  const { phase, loaded, total } = progress;
  return (
    <section
      className="status-box loading-status"
      role="status"
      aria-label="Loading"
      data-testid="loading-status"
    >
      <div className="status-head">
        <span>
          {PHASE_TEXT[phase]} incidents
          {phase === 'fetch' &&
            (total ? `: ${mb(loaded)} of ${mb(total)} MB` : `: ${mb(loaded)} MB`)}
          …
        </span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {phase === 'fetch' && total ? <progress max={total} value={loaded} /> : <progress />}
    </section>
  );
}

/** Files that failed to load, with a retry button. The map stays usable underneath. */
export function ErrorPanel({ onRetry }: { onRetry(): void }) {
  const failures = useAppStore((s) => s.data?.failures ?? NO_FAILURES);
  const loading = useAppStore((s) => s.status === 'loading');
  if (failures.length === 0) return null;
  return (
    <section className="status-box error-panel" role="alert" data-testid="error-panel">
      <strong>Some data could not be loaded</strong>
      <ul>
        {failures.map((f) => (
          <li key={f.url}>
            <code>{f.file}</code> {f.reason}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onRetry} disabled={loading}>
        {loading ? 'Loading…' : 'Retry'}
      </button>
    </section>
  );
}

/** Notices about URL values that were ignored or adjusted. */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <section className="status-box notices" role="status" aria-label="Notices">
      {notices.map((n, i) => (
        <p key={i}>
          {n}{' '}
          <button
            type="button"
            className="close-button"
            onClick={() => dismiss(i)}
            aria-label="Dismiss notice"
          >
            ×
          </button>
        </p>
      ))}
    </section>
  );
}
