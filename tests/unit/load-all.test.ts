import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import { idAt, incidentAt, rowOfId, type IncidentTable } from '../../src/data/incident-table';

const ids = (t: IncidentTable) => Array.from({ length: t.length }, (_, i) => idAt(t, i));
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, fakeFetch, incidentFeature, URLS, ALPHA } from '../fixtures/sample-data';

describe('loadAll', () => {
  it('loads, sorts incidents by day and keeps their properties', async () => {
    const data = await loadAll(URLS, fakeFetch(ALL_FILES));
    expect(data.failures).toEqual([]);
    const t = data.incidents;
    expect(ids(t)).toEqual(['I1', 'I2', 'I6', 'I3', 'I4', 'I5']);
    expect(Array.from(t.day)).toEqual(ids(t).map((_, i) => isoToDay(incidentAt(t, i).date)));
    expect(t.span).toEqual({ start: isoToDay('2023-10-17'), end: isoToDay('2024-02-02') });
    expect(rowOfId(t, 'I3')).toBe(3);
    expect(incidentAt(t, 3)).toMatchObject({
      id: 'I3',
      us_killed: 3,
      us_injured: 40,
      target: 'Bravo',
      sources: ['https://example.org/a'],
    });
    expect(incidentAt(t, 0).us_killed).toBeNull();
    expect(t.position[0]).toBeCloseTo(ALPHA[0]);
    expect(data.bases.map((b) => b.id)).toEqual(['alpha', 'bravo', 'charlie']);
    expect(data.dataset?.title).toBe('Test data');
  });

  it('keeps incidents without a location, with a warning, and does not draw them', async () => {
    const data = await loadAll(URLS, fakeFetch(ALL_FILES));
    const row = rowOfId(data.incidents, 'I6')!;
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
    expect(ids(data.incidents)).toEqual(['OK1']);
    const errors = data.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ file: 'i.geojson', index: 1, field: 'date' }),
      expect.objectContaining({ index: 2, field: 'type' }),
      expect.objectContaining({ index: 3, field: 'geometry.coordinates.0' }),
      expect.objectContaining({ index: 4, field: 'id' }),
      expect.objectContaining({ index: 5, reason: 'not a GeoJSON Feature ("not a feature")' }),
      expect.objectContaining({ index: 6, field: 'id', reason: 'duplicate id "OK1"' }),
      expect.objectContaining({
        index: 7,
        field: 'sources.0',
        reason: 'not an http(s) link: "javascript:alert(1)"',
      }),
    ]);
  });

  it('reports a missing or unreadable file as a failure and still loads the others', async () => {
    const data = await loadAll(URLS, fakeFetch({ ...ALL_FILES, 'i.geojson': '{ not json' }));
    const missing = await loadAll(URLS, fakeFetch({ 'b.geojson': ALL_FILES['b.geojson'] }));
    expect(data.failures.map((f) => f.file)).toEqual(['i.geojson']);
    expect(data.failures[0]!.reason).toMatch(/not valid JSON/);
    expect(data.incidents.length).toBe(0);
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
    expect(data.incidents.length).toBe(134);
    expect(data.bases).toHaveLength(22);
    // Columns give back every property of every feature.
    const file = JSON.parse(
      await readFile(new URL('../../data/incidents.geojson', import.meta.url), 'utf8'),
    );
    for (const f of file.features) {
      const { lng, lat, day, ...props } = incidentAt(
        data.incidents,
        rowOfId(data.incidents, f.properties.id)!,
      );
      // The default files name no source without a link (imported files may: source_names).
      expect(props).toEqual({ source_names: null, ...f.properties });
      expect(day).toBe(isoToDay(f.properties.date));
      if (f.geometry) {
        expect(lng).toBeCloseTo(f.geometry.coordinates[0], 4);
        expect(lat).toBeCloseTo(f.geometry.coordinates[1], 4);
      } else expect([lng, lat]).toEqual([null, null]);
    }
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
    const errors = data.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => `${i.field}: ${i.reason}`)).toEqual([
      'id: id is required (a string or number)',
      'type: unknown incident type "laser": must be one of drone, rocket, missile, mixed, unknown, us_strike',
    ]);
  });
});
