import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parseAnnotations } from '../../src/data/annotations';
import { loadAll } from '../../src/data/load-all';
import { rowOfId } from '../../src/data/incident-table';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, fakeFetch, URLS } from '../fixtures/sample-data';

describe('annotations (timeline key events)', () => {
  it('keeps valid events sorted by date and reports the invalid ones', () => {
    const { annotations, issues } = parseAnnotations(
      {
        annotations: [
          { date: '2024-02-02', label: 'Strikes', incident_id: null, source: 'https://a.example/' },
          { date: '2024-01-28', label: '  Tower 22 ', incident_id: 'I3', source: null },
          { date: '2024-02-30', label: 'Bad date' },
          { date: '2024-01-01', label: '' },
          { date: '2024-01-02', label: 'Link', source: 'javascript:alert(1)' },
        ],
      },
      'a.json',
    );
    expect(annotations.map((a) => [a.date, a.label, a.incident_id])).toEqual([
      ['2024-01-02', 'Link', null],
      ['2024-01-28', 'Tower 22', 'I3'],
      ['2024-02-02', 'Strikes', null],
    ]);
    expect(annotations[1]!.day).toBe(isoToDay('2024-01-28'));
    expect(annotations[0]!.source).toBeNull();
    expect(issues.map((i) => [i.index, i.field, i.severity])).toEqual([
      [2, 'date', 'error'],
      [3, 'label', 'error'],
      [4, 'source', 'warning'],
    ]);
    expect(() => parseAnnotations([], 'a.json')).toThrow(/annotations/);
  });

  it('a missing or malformed file is a warning and no marks, never a failed load', async () => {
    const urls = { ...URLS, annotations: 'a.json' };
    const missing = await loadAll(urls, fakeFetch(ALL_FILES));
    expect(missing.failures).toEqual([]);
    expect(missing.annotations).toEqual([]);
    expect(missing.issues).toContainEqual(
      expect.objectContaining({ file: 'a.json', severity: 'warning' }),
    );
    const broken = await loadAll(urls, fakeFetch({ ...ALL_FILES, 'a.json': '{ nope' }));
    expect(broken.failures).toEqual([]);
    expect(broken.incidents.length).toBe(6);
    expect(broken.issues.filter((i) => i.file === 'a.json')).toHaveLength(1);
    // Other data (no default dataset) is never marked with the default events.
    const other = await loadAll(URLS, fakeFetch(ALL_FILES));
    expect(other.annotations).toEqual([]);
    expect(other.issues.some((i) => i.file === 'annotations.json')).toBe(false);
  });

  it('the default file marks the first attack, Tower 22 and the 2 Feb strikes, with sources', async () => {
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
    expect(data.issues.filter((i) => i.file === 'annotations.json')).toEqual([]);
    const byDate = new Map(data.annotations.map((a) => [a.date, a]));
    expect(byDate.get('2023-10-17')?.incident_id).toBe('INC001');
    expect(byDate.get('2024-01-28')?.label).toMatch(/Tower 22/);
    expect(byDate.get('2024-02-02')?.label).toMatch(/U\.S\. strikes/);
    for (const a of data.annotations) {
      expect(a.source).toMatch(/^https:\/\//);
      const row = rowOfId(data.incidents, a.incident_id!);
      expect(row, a.incident_id!).toBeDefined();
      expect(data.incidents.day[row!]).toBe(a.day);
    }
  });
});
