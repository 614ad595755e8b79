import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IncidentColumnsBuilder } from '../../src/data/incident-columns';
import { packedAt, PLAIN_FIELDS, type IncidentTable } from '../../src/data/incident-table';
import { isoToDay } from '../../src/time/days';
import { collidingIds } from '../fixtures/colliding-ids';

const TODAY = isoToDay('2024-06-01')!;
const file = JSON.parse(
  readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8'),
) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };

/**
 * A file with everything a split can get wrong: invalid rows, ids repeated in both halves,
 * warnings (future dates, no precision, no location, a stray point far away), rows out of
 * date order.
 */
function awkwardFeatures(): unknown[] {
  const base = file.features;
  const out: unknown[] = base.map((f) => structuredClone(f));
  const half = Math.floor(base.length / 2);
  for (let i = 0; i < 12; i++) out.push(structuredClone(base[i * 7]!)); // ids already taken
  out.splice(half + 3, 0, structuredClone(base[2]!)); // a duplicate right after the middle
  const odd = (k: number, patch: Record<string, unknown>, geometry?: unknown) => {
    const f = structuredClone(base[k % base.length]!) as {
      properties: Record<string, unknown>;
      geometry: unknown;
    };
    f.properties = { ...f.properties, id: `odd-${k}`, ...patch };
    if (geometry !== undefined) f.geometry = geometry;
    return f;
  };
  for (let k = 0; k < 30; k++) {
    out.splice((k * 37) % out.length, 0, odd(k, { date: '2025-03-01' }));
    out.splice((k * 53) % out.length, 0, odd(100 + k, { coord_precision: undefined }));
  }
  out.splice(
    half,
    0,
    odd(200, { type: 'nonsense' }),
    odd(201, {}, null),
    odd(202, { us_killed: -3 }),
  );
  out.splice(half + 10, 0, odd(203, {}, { type: 'Point', coordinates: [150, -30] }));
  out.push(
    odd(204, { date: '2023-01-01' }),
    'not a feature',
    odd(205, { sources: ['javascript:x'] }),
  );
  return out;
}

function single(features: unknown[]) {
  const b = new IncidentColumnsBuilder('f.geojson', 4, true, { today: TODAY });
  b.addBatch(features, 0);
  return b.finish();
}

function split(features: unknown[], at: number) {
  const first = new IncidentColumnsBuilder('f.geojson', 4, true, { today: TODAY });
  const second = new IncidentColumnsBuilder('f.geojson', 4, true, { today: TODAY });
  first.addBatch(features.slice(0, at), 0);
  second.addBatch(features.slice(at), 0);
  const part = structuredClone(second.part(features.length - at));
  first.absorb(part, at);
  return first.finish();
}

/** The table without its packed text's layout, and each row's packed values. */
function comparable(t: IncidentTable) {
  const values = PLAIN_FIELDS.map((f) =>
    Array.from(t.text[f], (k) => (k < 0 ? null : packedAt(t.packed, k))),
  );
  const plain = new Set<string>(PLAIN_FIELDS);
  const text = Object.fromEntries(Object.entries(t.text).filter(([f]) => !plain.has(f)));
  return { ...t, packed: null, text, values };
}

describe('a file loaded in two parts (two loader workers) gives the one-builder result', () => {
  const features = awkwardFeatures();
  const whole = single(features);

  it('has issues of every kind to compare', () => {
    const reasons = whole.issues.map((i) => i.reason).join('\n');
    expect(reasons).toMatch(/duplicate id/);
    expect(reasons).toMatch(/in the future/);
    expect(reasons).toMatch(/coord_precision missing/);
    expect(reasons).toMatch(/far outside/);
    expect(whole.issues.some((i) => i.severity !== 'warning')).toBe(true);
  });

  for (const at of [1, 97, Math.floor(features.length / 2), features.length - 1]) {
    it(`split after ${at} features`, () => {
      const parts = split(features, at);
      expect(comparable(parts.table)).toEqual(comparable(whole.table));
      expect(parts.issues).toEqual(whole.issues);
    });
  }
});

describe('ids across the two parts', () => {
  const feature = (id: string) => {
    const f = structuredClone(file.features[0]!);
    f.properties = { ...f.properties, id };
    return f;
  };

  it('keeps a second-part id whose hash matches a first-part id but whose text differs', () => {
    const [a, b] = collidingIds();
    const features = [feature(a), feature('x-1'), feature(b), feature('x-2')];
    const parts = split(features, 2);
    expect(parts.issues.filter((i) => i.field === 'id')).toEqual([]);
    expect(parts.table.length).toBe(4);
    expect(comparable(parts.table)).toEqual(comparable(single(features).table));
  });

  it("drops the second part's repeat of a first-part id, reporting it at its file index", () => {
    const features = [feature('a'), feature('b'), feature('c'), feature('a'), feature('d')];
    const parts = split(features, 2);
    expect(parts.table.length).toBe(4);
    expect(parts.issues.filter((i) => i.field === 'id')).toEqual([
      expect.objectContaining({ index: 3, reason: 'duplicate id "a"' }),
    ]);
    expect(comparable(parts.table)).toEqual(comparable(single(features).table));
  });

  it('refuses rows after the absorb (their ids could not be checked against the other part)', () => {
    const first = new IncidentColumnsBuilder('f.geojson', 4, true, { today: TODAY });
    const second = new IncidentColumnsBuilder('f.geojson', 4, true, { today: TODAY });
    first.addBatch([feature('a')], 0);
    second.addBatch([feature('b')], 0);
    first.absorb(second.part(1), 1);
    expect(() => first.add(feature('c'), 2)).toThrow(/after absorb/);
  });
});
