/**
 * Dates as imported files write them: ISO `2024-01-31` (a time after it is ignored) and ACLED's
 * `31 January 2024` (also `31 Jan 2024`, `31-Jan-2024`, `January 31, 2024`). Numeric forms such as
 * `01/02/2024` are refused: day-first and month-first cannot be told apart.
 */
import { isoToDay } from '../time/days';

const MONTHS = new Map<string, number>();
[
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
].forEach((name, i) => {
  MONTHS.set(name, i + 1);
  MONTHS.set(name.slice(0, 3), i + 1);
  if (name === 'september') MONTHS.set('sept', 9);
});

const ISO_WITH_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s,-]+(\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function fromParts(year: string, month: string, day: string): string | null {
  const m = MONTHS.get(month.toLowerCase());
  if (m === undefined) return null;
  const iso = `${year}-${pad(m)}-${pad(Number(day))}`;
  return isoToDay(iso) === null ? null : iso;
}

/** The `YYYY-MM-DD` day of a date as written in an imported file, or null when it is not one. */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  if (t.length === 10 && isoToDay(t) !== null) return t;
  let m = ISO_WITH_TIME.exec(t);
  if (m) return isoToDay(m[1]!) === null ? null : m[1]!;
  m = DAY_MONTH_YEAR.exec(t);
  if (m) return fromParts(m[3]!, m[2]!, m[1]!);
  m = MONTH_DAY_YEAR.exec(t);
  if (m) return fromParts(m[3]!, m[1]!, m[2]!);
  return null;
}
