/** Bases: validated and normalized from a GeoJSON FeatureCollection of Points. */
import { isHttpUrl } from './safe-url';
import { baseProperties } from './schemas';
import type { LoadIssue } from './load-report';
import type { Base } from './types';
import { validateFeatures } from './validate-features';

/**
 * Validates a parsed bases FeatureCollection; invalid features are reported and skipped.
 * @param today "today" as an epoch day for the future-date warning (default: now)
 */
export function buildBases(
  json: unknown,
  file: string,
  today?: number,
): { bases: Base[]; issues: LoadIssue[] } {
  const { features, issues } = validateFeatures(json, file, baseProperties, {
    allowNullGeometry: false,
    futureField: { name: 'active_from', kind: 'futureActiveFrom' },
    ...(today === undefined ? {} : { today }),
  });
  const bases = features.map(({ properties: p, position }) => {
    const [lng, lat] = position!;
    return {
      ...p,
      coord_source: isHttpUrl(p.coord_source) ? p.coord_source : null,
      lng,
      lat,
    };
  });
  return { bases, issues };
}
