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
  // Called once or twice per incident of files with a million rows: plain arithmetic, no Date.
  if (iso.length !== 10 || !ISO_DAY.test(iso)) return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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
