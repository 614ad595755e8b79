/**
 * The filter keys of the URL contract (`types`, `groups`, `confidence`, `countries`, `casualties`,
 * `q`): limits, the escaping of commas inside list items, and their parser. Part of the URL schema
 * (url-schema.ts calls it and re-exports the limits).
 */
import {
  CONFIDENCE_LEVELS,
  INCIDENT_TYPES,
  type Confidence,
  type IncidentType,
} from '../data/types';
import type { UrlState } from './url-schema';

/** Limits on filter values in the URL: items per list, characters per item and in `q`. */
export const MAX_LIST_ITEMS = 50;
export const MAX_ITEM_LENGTH = 100;
export const MAX_QUERY_LENGTH = 100;

/** A list item may hold a comma or a percent sign: those two are escaped inside items. */
export function escapeItem(v: string): string {
  return v.replace(/%/g, '%25').replace(/,/g, '%2C');
}
function unescapeItem(v: string): string {
  return v.replace(/%2C/gi, ',').replace(/%25/g, '%');
}

/** Control characters never belong in a filter value. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Reads the filter keys: lists of known or well-formed values, `casualties`, `q`. */
export function parseFilters(
  params: URLSearchParams,
  state: UrlState,
  drop: (key: string, value: string, why: string) => void,
): void {
  /** A comma list: at most MAX_LIST_ITEMS items, each checked; bad items are dropped one by one. */
  const list = (key: string, check: (item: string) => string | null): string[] | undefined => {
    const raw = params.get(key);
    if (raw === null) return undefined;
    const items = raw.split(',').map(unescapeItem).filter(Boolean);
    if (items.length > MAX_LIST_ITEMS) {
      drop(key, raw, `more than ${MAX_LIST_ITEMS} values`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of items) {
      const why = check(item);
      if (why) drop(key, item, why);
      else if (!out.includes(item)) out.push(item);
    }
    return out.length ? out : undefined;
  };
  const known = (values: readonly string[]) => (item: string) =>
    values.includes(item) ? null : `expected one of ${values.join(', ')}`;
  const text = (item: string) =>
    item.length > MAX_ITEM_LENGTH
      ? `longer than ${MAX_ITEM_LENGTH} characters`
      : CONTROL.test(item)
        ? 'contains control characters'
        : null;

  const types = list('types', known(INCIDENT_TYPES));
  if (types) state.types = types as IncidentType[];
  const groups = list('groups', text);
  if (groups) state.groups = groups;
  const confidence = list('confidence', known(CONFIDENCE_LEVELS));
  if (confidence) state.confidence = confidence as Confidence[];
  const countries = list('countries', text);
  if (countries) state.countries = countries;

  const casualties = params.get('casualties');
  if (casualties !== null) {
    if (casualties === '1' || casualties === '0') state.casualties = casualties === '1';
    else drop('casualties', casualties, 'expected 1 or 0');
  }

  const q = params.get('q');
  if (q !== null) {
    const trimmed = q.trim().replace(/\s+/g, ' ');
    if (trimmed.length > MAX_QUERY_LENGTH)
      drop('q', q, `longer than ${MAX_QUERY_LENGTH} characters`);
    else if (CONTROL.test(trimmed)) drop('q', q, 'contains control characters');
    else if (trimmed) state.q = trimmed;
  }
}
