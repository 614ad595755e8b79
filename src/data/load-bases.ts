/** Bases: validated and normalized from a GeoJSON FeatureCollection of Points. */
import { isHttpUrl } from './safe-url';
import { baseProperties } from './schemas';
import { issue, type LoadIssue } from './load-report';
import type { Base } from './types';
import { validateFeatures } from './validate-features';

/** Validates a parsed bases FeatureCollection; invalid features are reported and skipped. */
export function buildBases(json: unknown, file: string): { bases: Base[]; issues: LoadIssue[] } {
  const { features, issues } = validateFeatures(json, file, baseProperties, false);
  const bases = features.map(({ index, properties: p, position }) => {
    const sources = p.sources.filter((s) => {
      if (isHttpUrl(s)) return true;
      issues.push(
        issue(file, index, 'sources', `ignored non-http(s) source "${s.slice(0, 80)}"`, 'warning'),
      );
      return false;
    });
    const [lng, lat] = position!;
    return {
      ...p,
      sources,
      coord_source: isHttpUrl(p.coord_source) ? p.coord_source : null,
      lng,
      lat,
    };
  });
  return { bases, issues };
}
