// @ts-check
/**
 * Small helpers shared by the conversion modules (no I/O).
 * @module
 */
import Papa from 'papaparse';

/**
 * @typedef {Record<string, string>} CsvRow  One CSV row keyed by header name (all values strings).
 * @typedef {{ warnings: string[], info: string[] }} Log  Collected messages for the build summary.
 */

/** @returns {Log} an empty message log. */
export function createLog() {
  return { warnings: [], info: [] };
}

/**
 * Parse CSV text with a header row. Parser errors are added to `log.warnings`.
 * @param {string} text
 * @param {Log} [log]
 * @param {string} [name] file name used in messages
 * @returns {CsvRow[]}
 */
export function parseCsv(text, log, name = 'csv') {
  const result = Papa.parse(text, { header: true, skipEmptyLines: 'greedy' });
  for (const err of result.errors) {
    log?.warnings.push(`${name}: CSV parse error on row ${err.row ?? '?'}: ${err.message}`);
  }
  return /** @type {CsvRow[]} */ (result.data);
}

/**
 * Trim a CSV cell; empty or missing → null (the output never holds empty strings).
 * @param {string | undefined | null} value
 * @returns {string | null}
 */
export function blankToNull(value) {
  if (value == null) return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * True for an absolute http: or https: URL.
 * @param {string | null | undefined} value
 * @returns {boolean}
 */
export function isHttpUrl(value) {
  if (!value) return false;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Keep the first occurrence of each value, in order.
 * @template T
 * @param {T[]} values
 * @returns {T[]}
 */
export function uniq(values) {
  return [...new Set(values)];
}

/**
 * True for a real calendar date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * @param {string | null | undefined} value
 * @returns {boolean}
 */
export function isPartialIsoDate(value) {
  if (!value) return false;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/**
 * True for a full `YYYY-MM-DD` calendar date.
 * @param {string | null | undefined} value
 * @returns {boolean}
 */
export function isIsoDate(value) {
  return !!value && value.length === 10 && isPartialIsoDate(value);
}

/**
 * Split an as-of text that BEGINS with `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the date and the
 * rest. `"2026-03-01 (reporting date; CRS-based)"` → `{ date: "2026-03-01", rest: "reporting date;
 * CRS-based" }` (one pair of wrapping parentheses is removed from the rest). Returns null when the
 * text does not start with a valid date (`"undated (c. 2019-2020)"`, `"c. 2023 (…)"`).
 * @param {string | null | undefined} text
 * @returns {{ date: string, rest: string | null } | null}
 */
export function parseAsOf(text) {
  const trimmed = blankToNull(text);
  if (!trimmed) return null;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=$|[\s(,;])(.*)$/s.exec(trimmed);
  if (!m || !isPartialIsoDate(m[1])) return null;
  let rest = (m[2] ?? '').trim();
  const wrapped = /^\((.*)\)$/s.exec(rest);
  if (wrapped && !/[()]/.test(wrapped[1] ?? '')) rest = (wrapped[1] ?? '').trim();
  return { date: /** @type {string} */ (m[1]), rest: rest === '' ? null : rest };
}

/**
 * Sort key of a partial date: the start of its period (`"2024"` → `"2024-01-01"`).
 * @param {string} date
 * @returns {string}
 */
export function periodStart(date) {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/**
 * The output format of every generated file: JSON with 2-space indent and a trailing newline.
 * @param {unknown} value
 * @returns {string}
 */
export function toJson(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}
