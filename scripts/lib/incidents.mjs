// @ts-check
/**
 * incidents.csv → data/incidents.geojson (pure functions).
 * @module
 */
import { blankToNull, createLog, isIsoDate } from './common.mjs';
import {
  CONFIDENCE_LEVELS,
  INCIDENT_TYPES,
  compareStrings,
  filterSources,
  oneOf,
  pointFrom,
  precisionFor,
} from './fields.mjs';

/** @import { CsvRow, Log } from './common.mjs' */
/** @import { Point } from './fields.mjs' */

/**
 * @typedef {object} IncidentProperties
 * @property {string} id
 * @property {string} date
 * @property {string | null} date_note
 * @property {string} type
 * @property {string | null} weapon
 * @property {string | null} target
 * @property {string | null} base_id
 * @property {string | null} country
 * @property {string | null} claimed_by
 * @property {string} claimed_by_group
 * @property {number | null} us_killed
 * @property {number | null} us_injured
 * @property {string | null} casualty_note
 * @property {string | null} other_casualties
 * @property {string | null} description
 * @property {string} confidence
 * @property {string} coord_precision
 * @property {string[]} sources
 *
 * @typedef {{ type: 'Feature', id: string, geometry: Point | null, properties: IncidentProperties }} IncidentFeature
 * @typedef {{ type: 'FeatureCollection', features: IncidentFeature[] }} IncidentCollection
 */

/**
 * Text with every `( … )` aside removed (nested parentheses handled from the inside out).
 * @param {string} text
 * @returns {string}
 */
export function stripParentheticals(text) {
  let out = text;
  let prev;
  do {
    prev = out;
    out = out.replace(/\([^()]*\)/g, ' ');
  } while (out !== prev);
  return out.replace(/\s+/g, ' ').trim();
}

/** A segment superseded by a later figure. */
const SUPERSEDED = /\b(initial|initially|early|earlier|preliminary|first reports?)\b/i;
/** One term of a figure: an optional qualifier, a number, an optional `+`, an optional unit. */
const TERM =
  /^(?:at least|about|approx(?:imately)?\.?|over|more than|~|≥|>)?\s*(\d[\d,]*)\+?(?:\s+[a-z][a-z .'’-]*)?$/i;

/**
 * The number in one `;`-separated segment of casualty wording, or null when it has none.
 * Parenthetical remarks are ignored; `"4 service members + 1 contractor"` sums to 5; `"40+"` → 40.
 * @param {string} segment
 * @returns {number | null}
 */
function segmentValue(segment) {
  const main = stripParentheticals(segment);
  if (main === '') return null;
  let total = 0;
  for (const term of main.split(/\s+\+\s+/)) {
    const m = TERM.exec(term.trim());
    if (!m) return null;
    total += Number((m[1] ?? '').replace(/,/g, ''));
  }
  return total;
}

/**
 * Casualty wording from `us_killed` / `us_injured` → a number.
 *
 * Rules, in order:
 * 1. empty → `{ value: null, note: null }`; a plain integer → that integer, `note: null`;
 * 2. otherwise `note` is the wording as written, and the value is taken from the `;`-separated
 *    segments: segments marked initial/early/preliminary are superseded; of the rest, one marked
 *    "final" wins, else the last one (the later official figure);
 * 3. a segment's value ignores parenthetical remarks, sums `a + b` terms (service members plus
 *    contractors), and reads `40+` as 40; vague wording (`several …`) → null.
 * @param {string | null | undefined} raw
 * @returns {{ value: number | null, note: string | null }}
 */
export function parseCasualty(raw) {
  const text = blankToNull(raw);
  if (text === null) return { value: null, note: null };
  if (/^\d+$/.test(text)) return { value: Number(text), note: null };
  const segments = text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const current = segments.filter((s) => !SUPERSEDED.test(s));
  const chosen = current.find((s) => /\bfinal\b/i.test(s)) ?? current.at(-1) ?? segments.at(-1);
  return { value: chosen === undefined ? null : segmentValue(chosen), note: text };
}

const KH = /\bkata['’]?i?b\s+h[ei]zb[ou]llah\b|\bKH claimed\b/i;
const IRI = /\bislamic resistance in iraq\b/i;

/**
 * Normalized group label for `claimed_by`. The rules are applied in this order:
 * 1. type `us_strike` → `"United States"`;
 * 2. empty, starting with "none", or with a segment starting "no claim" → `"unclaimed"`
 *    (so "none claimed; KH condemned it" is unclaimed);
 * 3. parenthetical asides are dropped (they name attributions and relays, not the claimant), then
 *    the first group mentioned wins: Kataib Hezbollah (or "KH claimed") → `"Kataib Hezbollah"`,
 *    "Islamic Resistance in Iraq" → `"Islamic Resistance in Iraq"`;
 * 4. anything else → `"other"`.
 * @param {string | null | undefined} claimedBy
 * @param {string} type normalized incident type
 * @returns {string}
 */
export function normalizeClaimGroup(claimedBy, type) {
  if (type === 'us_strike') return 'United States';
  const text = blankToNull(claimedBy);
  if (text === null || /^none\b/i.test(text)) return 'unclaimed';
  const main = stripParentheticals(text);
  if (/(?:^|;)\s*no claim\b/i.test(main)) return 'unclaimed';
  const kh = main.search(KH);
  const iri = main.search(IRI);
  if (kh >= 0 && (iri < 0 || kh < iri)) return 'Kataib Hezbollah';
  if (iri >= 0) return 'Islamic Resistance in Iraq';
  return 'other';
}

/**
 * Convert incidents.csv rows to a FeatureCollection sorted by date, then id.
 * Rows without an id or a valid `YYYY-MM-DD` date, and repeated ids, are skipped with a warning.
 * @param {CsvRow[]} rows
 * @param {{ log?: Log, baseIds?: Set<string> }} [options] `baseIds`: known base ids, to check `base_id`
 * @returns {IncidentCollection}
 */
export function convertIncidents(rows, { log = createLog(), baseIds } = {}) {
  /** @type {IncidentFeature[]} */
  const features = [];
  const seen = new Set();
  rows.forEach((row, index) => {
    const id = blankToNull(row.id);
    const ctx = id ?? `incidents.csv row ${index + 2}`;
    if (id === null || seen.has(id)) {
      log.warnings.push(`${ctx}: ${id === null ? 'missing id' : 'duplicate id'}; row skipped`);
      return;
    }
    const date = blankToNull(row.date);
    if (!isIsoDate(date)) {
      log.warnings.push(
        `${ctx}: date ${JSON.stringify(row.date ?? '')} is not YYYY-MM-DD; row skipped`,
      );
      return;
    }
    seen.add(id);
    const geometry = pointFrom(row.latitude, row.longitude, log, ctx);
    const type = oneOf(row.type, INCIDENT_TYPES, 'unknown', log, `${ctx} type`);
    const baseId = blankToNull(row.base_id);
    if (baseId && baseIds && !baseIds.has(baseId)) {
      log.warnings.push(`${ctx}: base_id ${baseId} is not in bases.csv`);
    }
    const killed = parseCasualty(row.us_killed);
    const injured = parseCasualty(row.us_injured);
    /** @type {string[]} */
    const notes = [];
    for (const [label, c] of /** @type {const} */ ([
      ['killed', killed],
      ['injured', injured],
    ])) {
      if (c.note === null) continue;
      notes.push(`${label}: ${c.note}`);
      if (c.value === null)
        log.warnings.push(`${ctx}: us_${label} "${c.note}" has no usable number; null`);
      else log.info.push(`${ctx}: us_${label} "${c.note}" → ${c.value}`);
    }
    features.push({
      type: 'Feature',
      id,
      geometry,
      properties: {
        id,
        date: /** @type {string} */ (date),
        date_note: blankToNull(row.date_note),
        type,
        weapon: blankToNull(row.weapon_as_reported),
        target: blankToNull(row.target_name),
        base_id: baseId,
        country: blankToNull(row.country),
        claimed_by: blankToNull(row.claimed_by),
        claimed_by_group: normalizeClaimGroup(row.claimed_by, type),
        us_killed: killed.value,
        us_injured: injured.value,
        casualty_note: notes.length ? notes.join('; ') : null,
        other_casualties: blankToNull(row.other_casualties),
        description: blankToNull(row.description),
        confidence: oneOf(row.confidence, CONFIDENCE_LEVELS, 'low', log, `${ctx} confidence`),
        coord_precision: precisionFor(row.coord_precision, geometry, log, ctx),
        sources: filterSources([row.source_url, row.source_url_2], log, ctx),
      },
    });
  });
  features.sort((a, b) =>
    a.properties.date === b.properties.date
      ? compareStrings(a.id, b.id)
      : compareStrings(a.properties.date, b.properties.date),
  );
  return { type: 'FeatureCollection', features };
}
