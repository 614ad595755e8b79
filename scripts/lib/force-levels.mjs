// @ts-check
/**
 * force_levels.csv → data/force-levels.json (pure functions).
 * @module
 */
import { blankToNull, createLog, isHttpUrl, parseAsOf, periodStart } from './common.mjs';
import { CONFIDENCE_LEVELS, compareStrings, oneOf } from './fields.mjs';

/** @import { CsvRow, Log } from './common.mjs' */
/** @import { BaseCollection } from './bases.mjs' */

/**
 * @typedef {object} Figure  A point of a step series.
 * @property {string} as_of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @property {number} value
 * @property {string | null} figure_type
 * @property {string} confidence
 * @property {string | null} source
 * @property {string | null} note
 *
 * @typedef {object} Context  A row that cannot be a series point (no number, a range, undated).
 * @property {string | null} as_of_text
 * @property {number | null} value
 * @property {string | null} value_text
 * @property {string | null} figure_type
 * @property {string} confidence
 * @property {string | null} source
 * @property {string | null} note
 *
 * @typedef {{ iso3: string, name: string, series: Figure[], context: Context[] }} CountryLevels
 * @typedef {{ base_id: string | null, name: string, series: Figure[], context: Context[] }} SiteLevels
 * @typedef {{ name: string, context: Context[] }} RegionLevels
 * @typedef {{ countries: CountryLevels[], sites: SiteLevels[], regions: RegionLevels[] }} ForceLevels
 */

/** English country name (as in the CSVs) → ISO 3166-1 alpha-3 (the basemap's `a3`). */
export const COUNTRY_ISO3 = /** @type {Record<string, string>} */ ({
  Iraq: 'IRQ',
  Syria: 'SYR',
  Jordan: 'JOR',
  Kuwait: 'KWT',
  Qatar: 'QAT',
  Bahrain: 'BHR',
  'United Arab Emirates': 'ARE',
  'Saudi Arabia': 'SAU',
  Turkey: 'TUR',
});

/**
 * Explicit site → base_id table, consulted before matching by name / alt names (keys are
 * {@link siteKey} forms). "al-Tanf" would also match the alt name "Tanf"; it is listed so the
 * mapping does not depend on alt names.
 */
export const SITE_BASE_IDS = /** @type {Record<string, string>} */ ({ tanf: 'al_tanf' });

/**
 * Comparable form of a site name: lower case, no diacritics or punctuation, no leading Arabic or
 * English article (`"al-Tanf"` → `"tanf"`, `"Al Udeid Air Base"` → `"udeid air base"`).
 * @param {string} name
 * @returns {string}
 */
export function siteKey(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(?:al|at|ash|as|an|ar|el|the) /, '');
}

/**
 * The base id for a force-level site name: the explicit table first, then a unique match against a
 * base's name or alt names; null when there is none (or more than one).
 * @param {string} siteName
 * @param {BaseCollection} bases
 * @returns {string | null}
 */
export function matchSite(siteName, bases) {
  const key = siteKey(siteName);
  const explicit = SITE_BASE_IDS[key];
  if (explicit !== undefined) return explicit;
  const ids = bases.features
    .filter((f) =>
      [f.properties.name ?? '', ...f.properties.alt_names].some((n) => siteKey(n) === key),
    )
    .map((f) => f.id);
  return ids.length === 1 ? /** @type {string} */ (ids[0]) : null;
}

/**
 * A plain troop number (`"2500"`, `"2,500"`) → number; anything else (empty, `"40000-50000"`) → null.
 * @param {string | null | undefined} text
 * @returns {number | null}
 */
export function parseTroops(text) {
  const t = blankToNull(text);
  if (t === null || !/^(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(t)) return null;
  return Number(t.replace(/,/g, ''));
}

/**
 * Convert force_levels.csv rows. A country or site row becomes a series {@link Figure} when it has
 * a plain number and an as-of that begins with a date (any text after the date is appended to the
 * note); otherwise it becomes {@link Context}. Region rows are always context. Series are sorted by
 * as-of (a partial date by the start of its period); context keeps CSV order.
 * @param {CsvRow[]} rows
 * @param {{ bases?: BaseCollection, log?: Log }} [options]
 * @returns {ForceLevels}
 */
export function convertForceLevels(rows, { bases, log = createLog() } = {}) {
  /** @type {Map<string, CountryLevels>} */
  const countries = new Map();
  /** @type {Map<string, SiteLevels>} */
  const sites = new Map();
  /** @type {Map<string, RegionLevels>} */
  const regions = new Map();

  rows.forEach((row, index) => {
    const country = blankToNull(row.country) ?? '';
    const scope = blankToNull(row.scope) ?? '';
    const ctx = `force_levels.csv row ${index + 2} (${country}, ${scope}, ${row.as_of_date ?? ''})`;
    const { figure, context } = classify(row, log, ctx);

    if (scope.toLowerCase() === 'region') {
      const name = /\(([^()]+)\)\s*$/.exec(country)?.[1]?.trim() ?? country;
      const region = regions.get(name) ?? { name, context: [] };
      regions.set(name, region);
      region.context.push(context);
      return;
    }
    const siteName = /^site:\s*(.+)$/i.exec(scope)?.[1]?.trim();
    if (scope.toLowerCase() !== 'country' && siteName === undefined) {
      log.warnings.push(`${ctx}: unknown scope; row skipped`);
      return;
    }
    const iso3 = COUNTRY_ISO3[country];
    if (iso3 === undefined) {
      log.warnings.push(`${ctx}: no ISO3 code for country ${JSON.stringify(country)}`);
    } else if (!countries.has(iso3)) {
      countries.set(iso3, { iso3, name: country, series: [], context: [] });
    }
    /** @type {CountryLevels | SiteLevels | undefined} */
    let target = iso3 === undefined ? undefined : countries.get(iso3);
    if (siteName !== undefined) {
      target = sites.get(siteName);
      if (!target) {
        const baseId = bases ? matchSite(siteName, bases) : null;
        if (baseId === null)
          log.warnings.push(`${ctx}: site "${siteName}" matches no base; base_id null`);
        target = { base_id: baseId, name: siteName, series: [], context: [] };
        sites.set(siteName, target);
      }
    }
    if (!target) return;
    if (figure) target.series.push(figure);
    else {
      target.context.push(context);
      log.info.push(`${ctx}: kept as context (${contextReason(row)})`);
    }
  });

  for (const entry of [...countries.values(), ...sites.values()]) {
    entry.series.sort((a, b) => compareStrings(periodStart(a.as_of), periodStart(b.as_of)));
  }
  return {
    countries: [...countries.values()],
    sites: [...sites.values()],
    regions: [...regions.values()],
  };
}

/**
 * Both shapes of a row: the series figure (or null when it cannot be one) and the context record.
 * @param {CsvRow} row
 * @param {Log} log
 * @param {string} ctx
 * @returns {{ figure: Figure | null, context: Context }}
 */
function classify(row, log, ctx) {
  const rawSource = blankToNull(row.source_url);
  if (rawSource !== null && !isHttpUrl(rawSource)) {
    log.warnings.push(`${ctx}: source_url is not an http(s) URL; null`);
  }
  const common = {
    figure_type: blankToNull(row.figure_type),
    confidence: oneOf(row.confidence, CONFIDENCE_LEVELS, 'low', log, `${ctx} confidence`),
    source: isHttpUrl(rawSource) ? rawSource : null,
  };
  const note = blankToNull(row.note);
  const value = parseTroops(row.us_troops);
  const asOf = parseAsOf(row.as_of_date);
  const context = {
    as_of_text: blankToNull(row.as_of_date),
    value,
    value_text: blankToNull(row.us_troops),
    ...common,
    note,
  };
  if (value === null || asOf === null) return { figure: null, context };
  const asOfNote = asOf.rest === null ? null : `(as of: ${asOf.rest})`;
  return {
    figure: {
      as_of: asOf.date,
      value,
      ...common,
      note: [note, asOfNote].filter(Boolean).join(' ') || null,
    },
    context,
  };
}

/**
 * Why a row is context rather than a series point (for the build summary).
 * @param {CsvRow} row
 * @returns {string}
 */
function contextReason(row) {
  if (blankToNull(row.us_troops) === null) return 'no number';
  if (parseTroops(row.us_troops) === null) return `not a plain number: ${row.us_troops}`;
  return `as-of does not begin with a date: ${row.as_of_date}`;
}
