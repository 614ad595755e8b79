// @ts-check
/**
 * Field helpers shared by the converters: allowed values, coordinates, precision, sources (pure functions).
 * @module
 */
import { blankToNull, isHttpUrl, uniq } from './common.mjs';

/** @import { Log } from './common.mjs' */
/** @typedef {{ type: 'Point', coordinates: [number, number] }} Point  GeoJSON Point, [lng, lat]. */

export const INCIDENT_TYPES = ['drone', 'rocket', 'missile', 'mixed', 'unknown', 'us_strike'];
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'];
export const COORD_PRECISIONS = ['exact_site', 'city', 'approximate', 'none'];

/**
 * Parse a latitude/longitude pair into a GeoJSON Point ([lng, lat]). Both empty, or invalid → null
 * with a warning (the feature is kept with `geometry: null`).
 * @param {string | undefined} lat
 * @param {string | undefined} lng
 * @param {Log} log
 * @param {string} context
 * @returns {Point | null}
 */
export function pointFrom(lat, lng, log, context) {
  const la = blankToNull(lat);
  const lo = blankToNull(lng);
  if (la === null && lo === null) {
    log.warnings.push(`${context}: no coordinates; geometry null`);
    return null;
  }
  const y = Number(la);
  const x = Number(lo);
  if (la === null || lo === null || !Number.isFinite(x) || !Number.isFinite(y)) {
    log.warnings.push(
      `${context}: unusable coordinates (${lat ?? ''}, ${lng ?? ''}); geometry null`,
    );
    return null;
  }
  if (Math.abs(y) > 90 || Math.abs(x) > 180) {
    log.warnings.push(`${context}: coordinates out of range (${la}, ${lo}); geometry null`);
    return null;
  }
  return { type: 'Point', coordinates: [x, y] };
}

/**
 * Check a value against an allowed list (case-insensitive); otherwise warn and use `fallback`.
 * @param {string | undefined} raw
 * @param {string[]} allowed
 * @param {string} fallback
 * @param {Log} log
 * @param {string} label e.g. "INC001 type"
 * @returns {string}
 */
export function oneOf(raw, allowed, fallback, log, label) {
  const value = (blankToNull(raw) ?? '').toLowerCase();
  if (allowed.includes(value)) return value;
  log.warnings.push(
    `${label}: ${JSON.stringify(raw ?? '')} is not one of ${allowed.join('|')}; using ${fallback}`,
  );
  return fallback;
}

/**
 * Coordinate precision consistent with the geometry: no geometry → `none`.
 * @param {string | undefined} raw
 * @param {Point | null} geometry
 * @param {Log} log
 * @param {string} context
 * @returns {string}
 */
export function precisionFor(raw, geometry, log, context) {
  const fallback = geometry ? 'approximate' : 'none';
  let precision = oneOf(raw, COORD_PRECISIONS, fallback, log, `${context} coord_precision`);
  if (!geometry && precision !== 'none') {
    log.warnings.push(`${context}: no coordinates but coord_precision ${precision}; using none`);
    precision = 'none';
  } else if (geometry && precision === 'none') {
    log.warnings.push(`${context}: has coordinates but coord_precision none; using approximate`);
    precision = 'approximate';
  }
  return precision;
}

/**
 * Keep non-empty http(s) URLs, trimmed and deduplicated in order; others are dropped with a warning.
 * @param {Array<string | null | undefined>} urls
 * @param {Log} [log]
 * @param {string} [context] row label for warnings
 * @returns {string[]}
 */
export function filterSources(urls, log, context = '') {
  /** @type {string[]} */
  const kept = [];
  for (const raw of urls) {
    const url = blankToNull(raw);
    if (url === null) continue;
    if (isHttpUrl(url)) kept.push(url);
    else log?.warnings.push(`${context}: dropped source that is not an http(s) URL: ${url}`);
  }
  return uniq(kept);
}

/**
 * Locale-independent string comparison (deterministic sort).
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
export function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
