/**
 * Whole UTC days as integers ("epoch days": days since 1970-01-01).
 * All app time logic works in epoch days so windows compare as integers and
 * no time zone can shift a date by one.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Epoch day of a valid `YYYY-MM-DD` string, or `null` when it is not a real calendar date. */
export function isoToDay(iso: string): number | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return null;
  }
  return Math.round(ms / MS_PER_DAY);
}

/** `YYYY-MM-DD` for an epoch day. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Human date, e.g. "17 Oct 2023" (fixed English form, independent of the browser locale). */
export function formatDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * First and last epoch day of a partial date: `YYYY` is the whole year, `YYYY-MM` the whole
 * month, `YYYY-MM-DD` one day. `null` when the text is not such a date.
 */
export function partialDateRange(text: string): { first: number; last: number } | null {
  const m = PARTIAL.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const day = isoToDay(text);
    return day === null ? null : { first: day, last: day };
  }
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return {
      first: Date.UTC(y, mo - 1, 1) / MS_PER_DAY,
      last: Date.UTC(y, mo, 1) / MS_PER_DAY - 1,
    };
  }
  return { first: Date.UTC(y, 0, 1) / MS_PER_DAY, last: Date.UTC(y + 1, 0, 1) / MS_PER_DAY - 1 };
}
