import { describe, expect, it } from 'vitest';
import { buildIncidentTable } from '../../src/data/incident-columns';
import { buildIncidentPoints } from '../../src/map/incident-points';
import { TYPE_COLORS } from '../../src/state/palette';
import { isoToDay } from '../../src/time/days';

const feature = (
  id: string,
  date: string,
  type: string,
  extra: Record<string, unknown>,
  coordinates: [number, number] | null = [40, 33],
) => ({
  type: 'Feature',
  geometry: coordinates ? { type: 'Point', coordinates } : null,
  properties: { id, date, type, coord_precision: 'exact_site', confidence: 'high', ...extra },
});

describe('the incident layer attributes', () => {
  const { table } = buildIncidentTable(
    {
      type: 'FeatureCollection',
      features: [
        feature('a', '2024-01-01', 'drone', {}, [41.5, 34.25]),
        feature('b', '2024-01-03', 'us_strike', { coord_precision: 'city' }),
        feature('c', '2024-01-02', 'rocket', { confidence: 'low' }),
        feature('d', '2024-01-02', 'missile', {}, null),
        feature('e', '2024-01-04', 'drone', { coord_precision: 'approximate', confidence: 'low' }),
      ],
    },
    'f.geojson',
    { today: isoToDay('2025-01-01')! },
  );
  const points = buildIncidentPoints(table);
  const a = points.data.attributes;
  const at = (arr: ArrayLike<number>, k: number, size: number) =>
    Array.from({ length: size }, (_, j) => arr[size * k + j]);

  it('draws every located incident once, in row (day) order, and skips the unlocated', () => {
    expect(points.data.length).toBe(4);
    // Rows by day: a (01-01), c (01-02), d (01-02, no location), b (01-03), e (01-04).
    expect(Array.from(points.rowOf)).toEqual([0, 1, 3, 4]);
    expect(at(a.getPosition.value, 0, 2)).toEqual([41.5, 34.25]);
    expect(points.dayOrigin).toBe(isoToDay('2024-01-01'));
    expect(Array.from(a.getFilterValue.value)).toEqual([0, 0, 1, 0, 2, 1, 3, 0]);
  });

  it('fills exact sites, rings town-level and approximate places, and fades low confidence', () => {
    const [r, g, b] = TYPE_COLORS.drone;
    expect(at(a.getFillColor.value, 0, 4)).toEqual([r, g, b, 235]);
    expect(at(a.getLineColor.value, 0, 4)).toEqual([30, 30, 30, 200]);
    expect(a.getLineWidth.value[0]).toBe(1);
    const [rr, rg, rb] = TYPE_COLORS.rocket;
    expect(at(a.getFillColor.value, 1, 4)).toEqual([rr, rg, rb, Math.round(235 * 0.45)]);
    expect(at(a.getLineColor.value, 1, 4)).toEqual([30, 30, 30, Math.round(200 * 0.45)]);
    const [sr, sg, sb] = TYPE_COLORS.us_strike;
    expect(at(a.getFillColor.value, 2, 4)).toEqual([sr, sg, sb, 40]);
    expect(at(a.getLineColor.value, 2, 4)).toEqual([sr, sg, sb, 255]);
    expect(a.getLineWidth.value[2]).toBe(2);
    expect(at(a.getFillColor.value, 3, 4)).toEqual([r, g, b, Math.round(40 * 0.45)]);
    expect(at(a.getLineColor.value, 3, 4)).toEqual([r, g, b, Math.round(255 * 0.45)]);
  });
});
