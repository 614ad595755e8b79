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
