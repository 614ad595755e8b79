import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, fakeFetch, incidentFeature, URLS, ALPHA } from '../fixtures/sample-data';

describe('loadAll', () => {
  it('loads, sorts incidents by day and keeps their properties', async () => {
    const data = await loadAll(URLS, fakeFetch(ALL_FILES));
    expect(data.failures).toEqual([]);
    const t = data.incidents;
    expect(t.records.map((r) => r.id)).toEqual(['I1', 'I2', 'I6', 'I3', 'I4', 'I5']);
    expect(Array.from(t.day)).toEqual(t.records.map((r) => isoToDay(r.date)));
    expect(t.span).toEqual({ start: isoToDay('2023-10-17'), end: isoToDay('2024-02-02') });
    expect(t.rowById.get('I3')).toBe(3);
    expect(t.records[3]!.us_killed).toBe(3);
    expect(t.position[0]).toBeCloseTo(ALPHA[0]);
    expect(data.bases.map((b) => b.id)).toEqual(['alpha', 'bravo', 'charlie']);
    expect(data.dataset?.title).toBe('Test data');
  });

  it('keeps incidents without a location, with a warning, and does not draw them', async () => {
    const data = await loadAll(URLS, fakeFetch(ALL_FILES));
    const row = data.incidents.rowById.get('I6')!;
    expect(Number.isNaN(data.incidents.position[2 * row])).toBe(true);
    expect(data.issues).toContainEqual(
      expect.objectContaining({
        file: 'i.geojson',
        index: 5,
        field: 'geometry',
        severity: 'warning',
      }),
    );
  });

  it('skips invalid features, reporting file, index, field and reason, and loads the rest', async () => {
    const broken = {
      type: 'FeatureCollection',
      features: [
        incidentFeature('OK1', '2024-01-01', 'drone', ALPHA),
        incidentFeature('BAD1', '2024-02-30', 'drone', ALPHA),
        incidentFeature('BAD2', '2024-01-02', 'laser', ALPHA),
        incidentFeature('BAD3', '2024-01-03', 'rocket', [200, 10]),
        { type: 'Feature', geometry: null, properties: { date: '2024-01-01', type: 'drone' } },
        'not a feature',
        incidentFeature('OK1', '2024-01-05', 'drone', ALPHA),
        incidentFeature('OK2', '2024-01-06', 'rocket', ALPHA, {
          sources: ['javascript:alert(1)', 'https://ok.example/'],
        }),
      ],
    };
    const data = await loadAll(URLS, fakeFetch({ ...ALL_FILES, 'i.geojson': broken }));
    expect(data.incidents.records.map((r) => r.id)).toEqual(['OK1', 'OK2']);
    const errors = data.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ file: 'i.geojson', index: 1, field: 'date' }),
      expect.objectContaining({ index: 2, field: 'type' }),
      expect.objectContaining({ index: 3, field: 'geometry.coordinates.0' }),
      expect.objectContaining({ index: 4, field: 'id' }),
      expect.objectContaining({ index: 5, reason: 'not a GeoJSON Feature' }),
      expect.objectContaining({ index: 6, field: 'id', reason: 'duplicate id "OK1"' }),
    ]);
    expect(data.incidents.records[1]!.sources).toEqual(['https://ok.example/']);
    expect(data.issues).toContainEqual(
      expect.objectContaining({ index: 7, field: 'sources', severity: 'warning' }),
    );
  });

  it('reports a missing or unreadable file as a failure and still loads the others', async () => {
    const data = await loadAll(URLS, fakeFetch({ ...ALL_FILES, 'i.geojson': '{ not json' }));
    const missing = await loadAll(URLS, fakeFetch({ 'b.geojson': ALL_FILES['b.geojson'] }));
    expect(data.failures.map((f) => f.file)).toEqual(['i.geojson']);
    expect(data.failures[0]!.reason).toMatch(/not valid JSON/);
    expect(data.incidents.records).toEqual([]);
    expect(missing.failures.map((f) => [f.file, f.reason])).toContainEqual([
      'i.geojson',
      'could not be fetched: HTTP 404 Not Found',
    ]);
    expect(missing.bases).toHaveLength(3);
  });

  it('rejects a file that is not a FeatureCollection', async () => {
    const data = await loadAll(URLS, fakeFetch({ ...ALL_FILES, 'i.geojson': { type: 'Feature' } }));
    expect(data.failures[0]!.reason).toMatch(/FeatureCollection/);
  });

  it('loads the default data files the app ships', async () => {
    const { readFile } = await import('node:fs/promises');
    const read = async (url: string) =>
      new Response(await readFile(new URL(`../../${url}`, import.meta.url)));
    const data = await loadAll(
      {
        incidents: 'data/incidents.geojson',
        bases: 'data/bases.geojson',
        forces: 'data/force-levels.json',
        dataset: 'data/dataset.json',
      },
      read,
    );
    expect(data.failures).toEqual([]);
    expect(data.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(data.incidents.records).toHaveLength(134);
    expect(data.bases).toHaveLength(22);
    expect(data.forces.countries.find((c) => c.iso3 === 'IRQ')?.series.length).toBeGreaterThan(0);
  });
});

describe('load report wording', () => {
  it('says plainly what is wrong', async () => {
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: null, properties: { date: '2024-01-01', type: 'drone' } },
        incidentFeature('T', '2024-01-01', 'laser', ALPHA),
      ],
    };
    const data = await loadAll(URLS, fakeFetch({ ...ALL_FILES, 'i.geojson': file }));
    expect(data.issues.map((i) => `${i.field}: ${i.reason}`)).toEqual([
      'id: id is required (a string or number)',
      'type: must be one of drone, rocket, missile, mixed, unknown, us_strike',
    ]);
  });
});
