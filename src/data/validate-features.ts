/**
 * Feature-by-feature validation of a GeoJSON FeatureCollection: invalid features are reported
 * (file, index, field, reason) and skipped, valid ones are returned.
 */
import type { z } from 'zod';
import { pointGeometry } from './schemas';
import { fastPoint } from './fast-validate';
import { issue, type LoadIssue } from './load-report';

/** A feature that passed validation. `position` is null for `geometry: null`. */
export interface ValidFeature<P> {
  index: number;
  properties: P;
  position: [number, number] | null;
}

/** Thrown when the whole file has the wrong shape (not a FeatureCollection). */
export class FileShapeError extends Error {}

/** Throws FileShapeError unless `json` is an object with type FeatureCollection and a features array. */
export function assertFeatureCollection(json: unknown): { features: unknown[] } {
  const fc = json as { type?: unknown; features?: unknown };
  if (
    !fc ||
    typeof fc !== 'object' ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    throw new FileShapeError(
      'not a GeoJSON FeatureCollection (expected "type": "FeatureCollection" and a "features" array)',
    );
  }
  return fc as { features: unknown[] };
}

/**
 * Validates every feature of a parsed FeatureCollection.
 * @param allowNullGeometry keep features with `geometry: null` (with a warning)
 * @param fast optional fast path returning the schema's output for values it is sure are valid
 */
export function validateFeatures<S extends z.ZodType>(
  json: unknown,
  file: string,
  schema: S,
  allowNullGeometry: boolean,
  fast?: (props: Record<string, unknown>) => z.output<S> | undefined,
): { features: ValidFeature<z.output<S>>[]; issues: LoadIssue[] } {
  const fc = assertFeatureCollection(json);
  const features: ValidFeature<z.output<S>>[] = [];
  const issues: LoadIssue[] = [];
  const seenIds = new Set<string>();
  fc.features.forEach((raw: unknown, index: number) => {
    const valid = validateFeature(raw, index, file, schema, allowNullGeometry, issues, fast);
    if (!valid) return;
    const id = (valid.properties as { id: string }).id;
    if (seenIds.has(id)) {
      issues.push(issue(file, index, 'id', `duplicate id "${id}"`));
      return;
    }
    seenIds.add(id);
    features.push(valid);
  });
  return { features, issues };
}

/**
 * Validates one feature (not the uniqueness of its id, which needs the others): returns it, or
 * null after pushing the reasons onto `issues`. A `geometry: null` kept by `allowNullGeometry`
 * adds a warning.
 */
export function validateFeature<S extends z.ZodType>(
  raw: unknown,
  index: number,
  file: string,
  schema: S,
  allowNullGeometry: boolean,
  issues: LoadIssue[],
  fast?: (props: Record<string, unknown>) => z.output<S> | undefined,
): ValidFeature<z.output<S>> | null {
  const f = raw as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown };
  if (!f || typeof f !== 'object' || f.type !== 'Feature') {
    issues.push(issue(file, index, null, 'not a GeoJSON Feature'));
    return null;
  }
  let props = (f.properties ?? {}) as Record<string, unknown>;
  // Copy only when the id has to come from the feature (the common case reads the object as is).
  if (props.id == null && (typeof f.id === 'string' || typeof f.id === 'number')) {
    props = { ...props, id: f.id };
  }
  const quick = fast?.(props);
  const parsed = quick ? { success: true as const, data: quick } : schema.safeParse(props);
  if (!parsed.success) {
    for (const e of parsed.error.issues) {
      issues.push(issue(file, index, e.path.join('.') || null, e.message));
    }
    return null;
  }
  let position: [number, number] | null = null;
  if (f.geometry == null) {
    if (!allowNullGeometry) {
      issues.push(issue(file, index, 'geometry', 'a location is required'));
      return null;
    }
    issues.push(
      issue(file, index, 'geometry', 'no location: counted in totals, not drawn', 'warning'),
    );
  } else {
    position = fastPoint(f.geometry) ?? null;
    if (!position) {
      const geom = pointGeometry.safeParse(f.geometry);
      if (!geom.success) {
        const e = geom.error.issues[0]!;
        issues.push(issue(file, index, ['geometry', ...e.path].join('.'), e.message));
        return null;
      }
      position = geom.data.coordinates;
    }
  }
  return { index, properties: parsed.data, position };
}
