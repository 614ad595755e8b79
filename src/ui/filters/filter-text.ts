/** The filters in words (for the summary line and the filters panel) and in URL form (for exports). */
import type { Filters } from '../../state/filters';
import { normalizeQuery } from '../../state/filters';
import { TYPE_LABELS } from '../../state/palette';

/** One phrase per criterion in use, e.g. ["Type: Drone, Rocket", "Confidence: high"]. */
export function describeFilters(f: Filters): string[] {
  const parts: string[] = [];
  if (f.types.length) parts.push(`Type: ${f.types.map((t) => TYPE_LABELS[t]).join(', ')}`);
  if (f.groups.length) parts.push(`Claimed by: ${f.groups.join(', ')}`);
  if (f.confidence.length) parts.push(`Confidence: ${f.confidence.join(', ')}`);
  if (f.countries.length) parts.push(`Country: ${f.countries.join(', ')}`);
  if (f.casualties) parts.push('With U.S. casualties');
  const q = normalizeQuery(f.q);
  if (q) parts.push(`Text: “${q}”`);
  return parts;
}

/** The criteria as URL keys, e.g. `types=drone,rocket; confidence=high`, or `none`. */
export function filtersAsKeys(f: Filters): string {
  const parts: string[] = [];
  const list = (key: string, v: readonly string[]) =>
    v.length && parts.push(`${key}=${v.join(',')}`);
  list('types', f.types);
  list('groups', f.groups);
  list('confidence', f.confidence);
  list('countries', f.countries);
  if (f.casualties) parts.push('casualties=1');
  const q = normalizeQuery(f.q);
  if (q) parts.push(`q=${JSON.stringify(q)}`);
  return parts.length ? parts.join('; ') : 'none';
}
