/** Load report entries: what was rejected (errors) or kept with a remark (warnings), and why. */

/** One problem found while loading a file. `index` is the feature index in the file. */
export interface LoadIssue {
  file: string;
  index: number | null;
  field: string | null;
  reason: string;
  severity: 'error' | 'warning';
}

/** A file that could not be loaded at all (network, HTTP status, JSON syntax, wrong shape). */
export interface FileFailure {
  file: string;
  url: string;
  reason: string;
}

/** Builds an issue record. */
export function issue(
  file: string,
  index: number | null,
  field: string | null,
  reason: string,
  severity: LoadIssue['severity'] = 'error',
): LoadIssue {
  return { file, index, field, reason, severity };
}

/**
 * A spreadsheet-safe CSV cell: a value starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading apostrophe (so a spreadsheet never runs it as a formula), and values with
 * a separator, quote or line break are quoted.
 */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The load report as CSV (UTF-8 with a byte-order mark for spreadsheets, CRLF line ends). */
export function issuesToCsv(issues: readonly LoadIssue[]): string {
  const lines = [['file', 'index', 'field', 'severity', 'reason'].join(',')];
  for (const i of issues) {
    lines.push([i.file, i.index, i.field, i.severity, i.reason].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
