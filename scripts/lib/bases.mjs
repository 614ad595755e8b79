// @ts-check
/**
 * bases.csv → data/bases.geojson (pure functions).
 * @module
 */
import { blankToNull, createLog, isHttpUrl, isPartialIsoDate, uniq } from './common.mjs';
import { filterSources, pointFrom, precisionFor } from './fields.mjs';

/** @import { CsvRow, Log } from './common.mjs' */
/** @import { Point } from './fields.mjs' */

/**
 * @typedef {object} BaseProperties
 * @property {string} id
 * @property {string | null} name
 * @property {string[]} alt_names
 * @property {string | null} country
 * @property {string | null} description
 * @property {string | null} active_from
 * @property {string | null} active_until
 * @property {string | null} status_note
 * @property {string} coord_precision
 * @property {string | null} coord_source
 * @property {string[]} sources
 *
 * @typedef {{ type: 'Feature', id: string, geometry: Point | null, properties: BaseProperties }} BaseFeature
 * @typedef {{ type: 'FeatureCollection', features: BaseFeature[] }} BaseCollection
 */

/**
 * `"A; B ;; C"` → `["A", "B", "C"]` (split on `;`, trimmed, empties dropped).
 * @param {string | null | undefined} text
 * @returns {string[]}
 */
export function splitAltNames(text) {
  return (text ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The http(s) URLs inside free text, in order of appearance, deduplicated. Trailing punctuation
 * and an unbalanced closing parenthesis (`"(see https://x.org/a)."`) are not part of the URL.
 * @param {string | null | undefined} text
 * @returns {string[]}
 */
export function extractUrls(text) {
  /** @type {string[]} */
  const urls = [];
  for (const match of (text ?? '').matchAll(/https?:\/\/[^\s"<>]+/g)) {
    let url = match[0];
    for (;;) {
      if (/[.,;:!?'’]$/.test(url)) url = url.slice(0, -1);
      else if (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
      else break;
    }
    if (isHttpUrl(url)) urls.push(url);
  }
  return uniq(urls);
}

/**
 * @param {string} text
 * @param {string} ch
 * @returns {number}
 */
function count(text, ch) {
  return text.split(ch).length - 1;
}

/**
 * A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` column value; empty/missing → null; anything else → null and
 * a warning.
 * @param {CsvRow} row
 * @param {string} column
 * @param {Log} log
 * @param {string} ctx
 * @returns {string | null}
 */
function partialDate(row, column, log, ctx) {
  const value = blankToNull(row[column]);
  if (value === null || isPartialIsoDate(value)) return value;
  log.warnings.push(`${ctx}: ${column} ${JSON.stringify(value)} is not YYYY[-MM[-DD]]; null`);
  return null;
}

/**
 * Convert bases.csv rows to a FeatureCollection in CSV order. Rows without `base_id` or with a
 * repeated one are skipped with a warning; a base without coordinates keeps `geometry: null`.
 * @param {CsvRow[]} rows
 * @param {{ log?: Log }} [options]
 * @returns {BaseCollection}
 */
export function convertBases(rows, { log = createLog() } = {}) {
  /** @type {BaseCollection['features']} */
  const features = [];
  const seen = new Set();
  rows.forEach((row, index) => {
    const id = blankToNull(row.base_id);
    const ctx = `base ${id ?? `bases.csv row ${index + 2}`}`;
    if (id === null || seen.has(id)) {
      log.warnings.push(
        `${ctx}: ${id === null ? 'missing base_id' : 'duplicate base_id'}; row skipped`,
      );
      return;
    }
    seen.add(id);
    const geometry = pointFrom(row.latitude, row.longitude, log, ctx);

    const coordSource = blankToNull(row.coord_source_url);
    if (coordSource !== null && !isHttpUrl(coordSource)) {
      log.warnings.push(`${ctx}: coord_source_url is not an http(s) URL: ${coordSource}`);
    }
    const statusNote = blankToNull(row.status_note);
    features.push({
      type: 'Feature',
      id,
      geometry,
      properties: {
        id,
        name: blankToNull(row.name),
        alt_names: splitAltNames(row.alt_names),
        country: blankToNull(row.country),
        description: blankToNull(row.description),
        active_from: partialDate(row, 'active_from', log, ctx),
        active_until: partialDate(row, 'active_until', log, ctx),
        status_note: statusNote,
        coord_precision: precisionFor(row.coord_precision, geometry, log, ctx),
        coord_source: isHttpUrl(coordSource) ? coordSource : null,
        sources: uniq([...filterSources([row.source_url], log, ctx), ...extractUrls(statusNote)]),
      },
    });
  });
  return { type: 'FeatureCollection', features };
}
