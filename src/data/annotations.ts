/**
 * Key events for the timeline (`data/annotations.json`): a date, a short label, optionally the
 * incident it refers to, and a source. Invalid entries are reported and skipped; a non-http(s)
 * source is dropped (the label stays) with a warning.
 */
import { z } from './zod-setup';
import { isoToDay } from '../time/days';
import { issue, type LoadIssue } from './load-report';
import { isHttpUrl } from './safe-url';
import { isoDay, optionalText } from './schemas';

/** One key event on the timeline. */
export interface Annotation {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Epoch day of `date`. */
  day: number;
  label: string;
  /** Id of the incident the event is, when it is one (clicking the mark selects it). */
  incident_id: string | null;
  /** http(s) URL of the source, or null. */
  source: string | null;
}

const annotationSchema = z.object({
  date: isoDay,
  label: z.string().trim().min(1, 'label is required').max(200, 'label is over 200 characters'),
  incident_id: optionalText,
  source: optionalText,
});

/** Thrown when the file is not `{ "annotations": [...] }`. */
export class AnnotationsShapeError extends Error {}

/** Validates a parsed annotations file. Entries come back sorted by date (ties keep file order). */
export function parseAnnotations(
  json: unknown,
  file: string,
): { annotations: Annotation[]; issues: LoadIssue[] } {
  const list = (json as { annotations?: unknown } | null)?.annotations;
  if (!Array.isArray(list)) {
    throw new AnnotationsShapeError('expected an object with an "annotations" array');
  }
  const annotations: Annotation[] = [];
  const issues: LoadIssue[] = [];
  list.forEach((raw: unknown, index: number) => {
    const parsed = annotationSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      issues.push(issue(file, index, first.path.map(String).join('.') || null, first.message));
      return;
    }
    const a = parsed.data;
    let source = a.source;
    if (source !== null && !isHttpUrl(source)) {
      issues.push(
        issue(
          file,
          index,
          'source',
          `ignored non-http(s) source "${source.slice(0, 80)}"`,
          'warning',
        ),
      );
      source = null;
    }
    annotations.push({ ...a, day: isoToDay(a.date)!, source });
  });
  annotations.sort((x, y) => x.day - y.day);
  return { annotations, issues };
}
