import { describe, expect, it } from 'vitest';
import { ACLED_SUB_EVENT_TYPES, compileMapping, detectColumns } from '../../src/data/csv-columns';
import { previewCsv } from '../../src/data/csv-import';
import { incidentAt, type IncidentTable } from '../../src/data/incident-table';
import { parseDateText } from '../../src/data/parse-date';
import { readIncidents } from '../../src/data/read-incidents';
import { isoToDay } from '../../src/time/days';

const TODAY = isoToDay('2026-01-01')!;

/** A stream of the text's bytes in chunks of `size` (small chunks split rows, quotes, UTF-8). */
function streamOf(text: string, size = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(c) {
      for (let i = 0; i < bytes.length; i += size) c.enqueue(bytes.slice(i, i + size));
      c.close();
    },
  });
}

const load = (text: string, name = 'f.csv', size = 7, options = {}) =>
  readIncidents(streamOf(text, size), text.length, name, undefined, { today: TODAY, ...options });

const rows = (t: IncidentTable) => Array.from({ length: t.length }, (_, i) => incidentAt(t, i));

describe('dates as imported files write them', () => {
  it('reads ISO days (with or without a time) and ACLED’s "31 January 2024"', () => {
    expect(parseDateText('2024-01-31')).toBe('2024-01-31');
    expect(parseDateText(' 2024-01-31T23:10:00Z ')).toBe('2024-01-31');
    expect(parseDateText('31 January 2024')).toBe('2024-01-31');
    expect(parseDateText('1 Feb 2024')).toBe('2024-02-01');
    expect(parseDateText('05-Sept-2024')).toBe('2024-09-05');
    expect(parseDateText('March 3, 2024')).toBe('2024-03-03');
  });

  it('refuses impossible and ambiguous dates', () => {
    for (const t of ['2024-02-30', '31 February 2024', '01/02/2024', '31 Foo 2024', '', '2024'])
      expect(parseDateText(t), t).toBeNull();
  });
});

describe('CSV edge cases', () => {
  const header = 'id,date,latitude,longitude,type,description,coord_precision\n';

  it('reads quoted fields, doubled quotes, embedded newlines and a BOM, in any chunking', async () => {
    const text =
      '\uFEFF' +
      header +
      'A,2024-01-02,33.1,42.1,drone,"line one\nline two, with ""quotes""",city\n' +
      'B,2024-01-03,33.2,42.2,rocket,"ends with newline\n",exact_site\r\n' +
      'C,2024-01-04,33.3,42.3,us_strike,plain ünïcødé ✓,city';
    for (const size of [1, 3, 64, 1 << 16]) {
      const r = await load(text, 'f.csv', size);
      expect(r.issues, String(size)).toEqual([]);
      expect(
        rows(r.table).map((x) => [x.id, x.description]),
        String(size),
      ).toEqual([
        ['A', 'line one\nline two, with "quotes"'],
        ['B', 'ends with newline'],
        ['C', 'plain ünïcødé ✓'],
      ]);
      expect(r.csv?.headers[0]).toBe('id');
    }
  });

  it('reads ";"-separated files with decimal commas, and tabs', async () => {
    const semi =
      'id;date;lat;lon;type\nA;2024-01-02;33,5;42,25;drone\nB;2024-01-03;"33,6";42.5;rocket\n';
    const r = await load(semi);
    expect(r.csv?.delimiter).toBe(';');
    expect(rows(r.table).map((x) => [x.lat, x.lng])).toEqual([
      [33.5, 42.25],
      [expect.closeTo(33.6, 5), 42.5],
    ]);
    const tabs = await load('id\tdate\tlatitude\tlongitude\nA\t2024-01-02\t33\t42\n', 'f.tsv');
    expect(tabs.csv?.delimiter).toBe('\t');
    expect(tabs.table.length).toBe(1);
  });

  it('reports bad rows by spreadsheet row and column, and loads the rest', async () => {
    const text =
      header +
      'A,2024-01-02,33.1,42.1,drone,ok,city\n' + // row 2
      'B,not a date,33.1,42.1,drone,,city\n' + // row 3
      'C,2024-01-02,abc,42.1,drone,,city\n' + // row 4
      'D,2024-01-02,33.1,42.1,laser,,city\n' + // row 5
      'E,2024-01-02,33.1,42.1,drone,too,many,cells\n' + // row 6
      '\n' +
      'F,2024-01-02,,,drone,no location,\n'; // row 8
    const r = await load(text);
    expect(rows(r.table).map((x) => x.id)).toEqual(['A', 'F']);
    expect(r.issues.map((i) => [i.index, i.field, i.severity])).toEqual([
      [3, 'date (column "date")', 'error'],
      [4, 'latitude (column "latitude")', 'error'],
      [5, 'type (column "type")', 'error'],
      [6, null, 'error'],
      [8, 'geometry', 'warning'],
    ]);
    expect(r.issues[0]!.reason).toMatch(/not "not a date"/);
    expect(r.issues[3]!.reason).toMatch(/has 8 cells but the header has 7/);
  });

  it('says which required columns are missing, and an unclosed quote', async () => {
    const r = await load('when,where\n2024-01-01,Erbil\n');
    expect(r.issues[0]).toMatchObject({ index: null, field: 'date, latitude, longitude' });
    expect(r.table.length).toBe(0);
    const open = await load(header + 'A,2024-01-02,33.1,42.1,drone,"never closed,city\n');
    expect(open.issues.some((i) => /not closed/.test(i.reason))).toBe(true);
  });

  it('makes links of http(s) sources only: names are kept as text, other schemes are refused', async () => {
    const text =
      'id,date,latitude,longitude,source_url,source_url_2\n' +
      'A,2024-01-02,33,42,https://a.example/1,Reuters\n' +
      'B,2024-01-02,33,42,javascript:alert(1),\n';
    const r = await load(text);
    expect(rows(r.table).map((x) => [x.id, x.sources, x.source_names, x.description])).toEqual([
      ['A', ['https://a.example/1'], 'Reuters', null],
    ]);
    expect(r.issues.find((i) => i.severity === 'error')).toMatchObject({
      index: 3,
      reason: 'not an http(s) link: "javascript:alert(1)"',
    });
  });

  it('uses an explicit mapping from the import step instead of the detected one', async () => {
    const text = 'when,y_deg,x_deg,what\n2024-01-02,33,42,Drone\n';
    const preview = previewCsv(text);
    expect(preview.missing).toEqual(['date', 'latitude', 'longitude']);
    expect(preview.headers).toEqual(['when', 'y_deg', 'x_deg', 'what']);
    const r = await load(text, 'f.csv', 7, {
      mapping: { date: 'when', latitude: 'y_deg', longitude: 'x_deg', type: 'what' },
    });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(rows(r.table)[0]).toMatchObject({ id: 'row-2', type: 'drone', lat: 33, lng: 42 });
  });
});

describe('ACLED exports', () => {
  const HEADER =
    'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
  const row = (cells: Record<string, string>) =>
    HEADER.split(',')
      .map((h) => {
        const v = cells[h] ?? '';
        return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
      })
      .join(',');

  it('detects the format and maps its columns', () => {
    const d = detectColumns(HEADER.split(','));
    expect(d.format).toBe('acled');
    expect(d.missing).toEqual([]);
    expect(d.mapping).toMatchObject({
      id: 'event_id_cnty',
      date: 'event_date',
      latitude: 'latitude',
      claimed_by: 'actor1',
      sources: ['source'],
      other_casualties: 'fatalities',
    });
  });

  it('maps rows onto the incident schema by the documented table', async () => {
    const text = [
      HEADER,
      row({
        event_id_cnty: 'SYR1',
        event_date: '31 January 2024',
        time_precision: '2',
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Air/drone strike',
        actor1: 'Islamic Resistance in Iraq',
        country: 'Syria',
        location: 'Al Tanf',
        latitude: '33.5',
        longitude: '38.6',
        geo_precision: '1',
        source: 'Reuters; Al Mayadeen',
        notes: 'On 31 January, a drone, "x", hit the base.',
        fatalities: '0',
      }),
      row({
        event_id_cnty: 'IRQ2',
        event_date: '2024-02-02',
        time_precision: '1',
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Shelling/artillery/missile attack',
        actor1: 'Unidentified Armed Group (Iraq)',
        latitude: '33.78',
        longitude: '42.44',
        geo_precision: '2',
        fatalities: '',
      }),
      row({
        event_id_cnty: 'SYR3',
        event_date: '3 February 2024',
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Air/drone strike',
        actor1: 'Military Forces of the United States (2021-)',
        latitude: '34.45',
        longitude: '40.9',
        geo_precision: '3',
        fatalities: '18',
      }),
      row({
        event_id_cnty: 'SYR4',
        event_date: '4 February 2024',
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        actor1: 'Tribal Militia',
        latitude: '35',
        longitude: '40',
        geo_precision: '1',
      }),
    ].join('\n');
    const r = await load(text, 'acled.csv');
    expect(r.csv?.format).toBe('acled');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const [a, b, c, d] = rows(r.table);
    expect(a).toMatchObject({
      id: 'SYR1',
      date: '2024-01-31',
      date_note: 'date known to the week (ACLED time_precision 2)',
      type: 'drone',
      weapon: 'Air/drone strike',
      claimed_by: 'Islamic Resistance in Iraq',
      claimed_by_group: 'Islamic Resistance in Iraq',
      target: 'Al Tanf',
      country: 'Syria',
      us_killed: null,
      us_injured: null,
      other_casualties: '0 fatalities (ACLED)',
      coord_precision: 'city',
      // ACLED's `source` names outlets: kept as text for the panel, never made links.
      sources: [],
      source_names: 'Reuters; Al Mayadeen',
      description: 'On 31 January, a drone, "x", hit the base.',
    });
    expect(b).toMatchObject({
      type: 'rocket',
      coord_precision: 'approximate',
      other_casualties: null,
    });
    expect(c).toMatchObject({ type: 'us_strike', other_casualties: '18 fatalities (ACLED)' });
    expect(d).toMatchObject({ type: 'unknown', weapon: 'Armed clash' });
  });

  it('makes strikes of U.S. military forces only, not of every actor naming the country', async () => {
    const event = (actor1: string, sub: string, i: number) =>
      row({
        event_id_cnty: `E${i}`,
        event_date: '2024-02-03',
        sub_event_type: sub,
        actor1,
        latitude: '34',
        longitude: '41',
      });
    const actors: [string, string, string][] = [
      ['Military Forces of the United States (2021-)', 'Air/drone strike', 'us_strike'],
      ['Military Forces of the United States (2017-2021)', 'Armed clash', 'us_strike'],
      ['military forces of the united states (2021-) Air Force', 'Armed clash', 'us_strike'],
      ['Protesters (United States)', 'Peaceful protest', 'unknown'],
      ['Police Forces of the United States (2021-)', 'Armed clash', 'unknown'],
      ['Rioters (United States)', 'Shelling/artillery/missile attack', 'rocket'],
      ['Unidentified Armed Group (United States)', 'Air/drone strike', 'drone'],
      ['Islamic Resistance in Iraq', 'Air/drone strike', 'drone'],
    ];
    const text = [HEADER, ...actors.map(([actor, sub], i) => event(actor, sub, i))].join('\n');
    const r = await load(text, 'acled.csv');
    const byActor = new Map(rows(r.table).map((x) => [x.claimed_by, x.type]));
    for (const [actor, , type] of actors) expect(byActor.get(actor), actor).toBe(type);
  });

  it('documents every mapped sub-event type in data/README.md', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../data/README.md', import.meta.url), 'utf8');
    for (const [acled, ours] of Object.entries(ACLED_SUB_EVENT_TYPES)) {
      const escaped = acled.replace(/[/.*+?^${}()|[\]\\]/g, '\\$&');
      expect(readme).toMatch(new RegExp(`\\|\\s*${escaped}\\s*\\|\\s*\`${ours}\``, 'i'));
    }
  });

  it('keeps source names through the GeoJSON path, merged with a source_names column', async () => {
    const csv = await load(
      'id,date,lat,lon,source,source_names\nA,2024-01-02,33,42,Reuters | https://a.example/,SOHR\n',
    );
    expect(rows(csv.table)[0]).toMatchObject({
      sources: ['https://a.example/'],
      source_names: 'SOHR; Reuters',
    });
    const fc = (source_names: unknown) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [42, 33] },
            properties: { id: 'g', date: '2024-01-02', type: 'drone', source_names },
          },
        ],
      });
    const good = await load(fc('Al Mayadeen'), 'f.geojson');
    expect(rows(good.table)[0]!.source_names).toBe('Al Mayadeen');
    const bad = await load(fc(['not', 'text']), 'f.geojson');
    expect(bad.table.length).toBe(0);
    expect(bad.issues[0]).toMatchObject({ field: 'source_names', severity: 'error' });
  });

  it('compiles a mapping that ignores headers the file does not have', () => {
    const m = compileMapping(['a'], { date: 'nope' }, 'generic');
    expect(m.convert(['x'], 2)).toMatchObject({ properties: { id: 'row-2', date: null } });
  });
});

describe('local files (the import path)', () => {
  it('loads a File or Blob of CSV or GeoJSON, with progress, telling the format from name and bytes', async () => {
    const { loadIncidentsFromBlob } = await import('../../src/data/incident-loader');
    const csv = new Blob(['id,date,lat,lon,type\nA,2024-01-02,33,42,drone\n']);
    const seen: string[] = [];
    const r = await loadIncidentsFromBlob(csv, 'mine.csv', (p) => seen.push(p.phase), {
      today: TODAY,
    });
    expect(r.table.length).toBe(1);
    expect(r.csv?.format).toBe('generic');
    expect(seen).toContain('fetch');
    const geojson = new Blob([
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: null,
            properties: { id: 'g', date: '2024-01-02', type: 'drone' },
          },
        ],
      }),
    ]);
    const g = await loadIncidentsFromBlob(geojson, 'export', undefined, { today: TODAY });
    expect(g.table.length).toBe(1);
    expect(g.csv).toBeUndefined();
    await expect(
      loadIncidentsFromBlob(new Blob(['<html><title>x</title>']), 'page.geojson'),
    ).rejects.toThrow(/^is an HTML page, not JSON/);
  });
});
