import { describe, expect, it } from 'vitest';
import {
  generateIncidents,
  loadBases,
  REGION,
  SPAN,
  TYPES,
} from '../../scripts/bench/generate.mjs';

interface Feature {
  type: string;
  id: string;
  geometry: { type: string; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

const N = 3000;
const text = generateIncidents({ n: N, seed: 7 });
const features = (JSON.parse(text) as { features: Feature[] }).features;
const bases = loadBases();
const baseIds = new Set(bases.map((b) => b.id));

/** Every property of data/incidents.geojson (data/README.md). */
const KEYS = [
  'id', 'date', 'date_note', 'type', 'weapon', 'target', 'base_id', 'country', 'claimed_by',
  'claimed_by_group', 'us_killed', 'us_injured', 'casualty_note', 'other_casualties',
  'description', 'confidence', 'coord_precision', 'sources',
]; // prettier-ignore
/** Never null, so always written. */
const REQUIRED = ['id', 'date', 'type', 'target', 'country', 'claimed_by_group', 'confidence', 'coord_precision', 'sources']; // prettier-ignore
const GROUPS = ['Islamic Resistance in Iraq', 'Kataib Hezbollah', 'United States', 'unclaimed', 'other']; // prettier-ignore

const isCount = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0);
const isText = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() !== '');

describe('bench generator', () => {
  it('is deterministic: same seed and N give the same bytes, another seed does not', () => {
    expect(generateIncidents({ n: N, seed: 7 })).toBe(text);
    expect(generateIncidents({ n: N, seed: 8 })).not.toBe(text);
    expect(generateIncidents({ n: 10, seed: 7 })).toBe(generateIncidents({ n: 10, seed: 7 }));
  });

  it('writes a FeatureCollection of N points with unique ids, sorted by date then id', () => {
    expect(features).toHaveLength(N);
    const ids = features.map((f) => f.properties.id as string);
    expect(new Set(ids).size).toBe(N);
    for (const [i, f] of features.entries()) {
      expect(f.type).toBe('Feature');
      expect(f.id).toBe(f.properties.id);
      expect(f.id).toMatch(/^SYN\d{7}$/);
      const prev = features[i - 1];
      if (prev) expect(`${prev.properties.date} ${prev.id}` < `${f.properties.date} ${f.id}`).toBe(true); // prettier-ignore
    }
  });

  it('keeps every property in the schema with allowed values, inside the region and span', () => {
    for (const f of features) {
      const p = f.properties;
      for (const key of Object.keys(p)) expect(KEYS).toContain(key);
      for (const key of REQUIRED) expect(p[key], `${f.id} ${key}`).toBeDefined();
      expect(f.geometry.type).toBe('Point');
      const [lng, lat] = f.geometry.coordinates;
      expect(lng >= REGION[0] && lng <= REGION[2] && lat >= REGION[1] && lat <= REGION[3]).toBe(true); // prettier-ignore
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.date! >= SPAN.first && p.date! <= SPAN.last).toBe(true);
      expect(TYPES).toContain(p.type);
      expect(['Iraq', 'Syria', 'Jordan']).toContain(p.country);
      expect(GROUPS).toContain(p.claimed_by_group);
      expect(p.claimed_by_group === 'United States').toBe(p.type === 'us_strike');
      if (p.type === 'us_strike') expect(p.base_id).toBeUndefined();
      else expect(baseIds.has(p.base_id as string)).toBe(true);
      expect(['high', 'medium', 'low']).toContain(p.confidence);
      expect(['exact_site', 'city', 'approximate']).toContain(p.coord_precision);
      expect(isCount(p.us_killed) && isCount(p.us_injured)).toBe(true);
      for (const k of [
        'date_note',
        'weapon',
        'target',
        'claimed_by',
        'casualty_note',
        'other_casualties',
        'description',
      ])
        // prettier-ignore
        expect(isText(p[k]), `${f.id} ${k}`).toBe(true);
      const sources = p.sources as string[];
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) expect(s).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('uses every type and every property, and fills the span end to end', () => {
    const types = new Set(features.map((f) => f.properties.type));
    expect([...types].sort()).toEqual([...TYPES].sort());
    const keys = new Set(features.flatMap((f) => Object.keys(f.properties)));
    expect([...keys].sort()).toEqual([...KEYS].sort());
    expect(features[0]!.properties.date).toBe(SPAN.first);
    expect(features[N - 1]!.properties.date).toBe(SPAN.last);
  });

  it('writes null-valued properties too with allKeys', () => {
    const all = JSON.parse(generateIncidents({ n: 50, seed: 7, allKeys: true })) as { features: Feature[] }; // prettier-ignore
    for (const f of all.features) expect(Object.keys(f.properties)).toEqual(KEYS);
  });
});
