import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  OUTPUT_FILES,
  convertAll,
  convertBases,
  convertForceLevels,
  convertIncidents,
  createLog,
  extractUrls,
  filterSources,
  normalizeClaimGroup,
  parseAsOf,
  parseCasualty,
  parseCountDate,
  parseCsv,
  parseOfficialCounts,
  researchAsOf,
  type CsvRow,
} from '../../scripts/lib/convert.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const referenceDir = resolve(root, process.env.REFERENCE_DATA_DIR ?? '../shared/reference-data');
const hasReference = existsSync(join(referenceDir, 'incidents.csv'));

/** A complete incidents.csv row with overrides. */
function incidentRow(overrides: Partial<CsvRow> = {}): CsvRow {
  return {
    id: 'T001',
    date: '2024-01-02',
    date_note: '',
    target_name: 'Test base',
    base_id: '',
    country: 'Iraq',
    latitude: '33.5',
    longitude: '44.25',
    coord_precision: 'city',
    type: 'drone',
    weapon_as_reported: '',
    claimed_by: '',
    us_killed: '',
    us_injured: '',
    other_casualties: '',
    description: '',
    confidence: 'high',
    source_url: 'https://example.org/a',
    source_url_2: '',
    ...overrides,
  };
}

describe('casualty wording → numbers', () => {
  it.each([
    ['', null, null],
    ['4', 4, null],
    ['20', 20, null],
    ['40+', 40, '40+'],
    [
      '34 (CENTCOM initial); 40+ (Pentagon 29 Jan)',
      40,
      '34 (CENTCOM initial); 40+ (Pentagon 29 Jan)',
    ],
    [
      '4 service members + 1 contractor (Pentagon final); early reports 5 SM + 2 contractors',
      5,
      '4 service members + 1 contractor (Pentagon final); early reports 5 SM + 2 contractors',
    ],
    ['several (minor: TBI, smoke inhalation)', null, 'several (minor: TBI, smoke inhalation)'],
  ])('%j → %j', (raw, value, note) => {
    expect(parseCasualty(raw)).toEqual({ value, note });
  });

  it('puts non-plain wording into casualty_note with its column', () => {
    const fc = convertIncidents([
      incidentRow({ us_killed: '3', us_injured: '34 (CENTCOM initial); 40+ (Pentagon 29 Jan)' }),
    ]);
    const p = fc.features[0]!.properties;
    expect(p.us_killed).toBe(3);
    expect(p.us_injured).toBe(40);
    expect(p.casualty_note).toBe('injured: 34 (CENTCOM initial); 40+ (Pentagon 29 Jan)');
    expect(
      convertIncidents([incidentRow({ us_injured: '8' })]).features[0]!.properties.casualty_note,
    ).toBeNull();
  });
});

describe('force-level as-of dates', () => {
  it.each([
    [
      '2026-03-01 (reporting date; CRS-based)',
      { date: '2026-03-01', rest: 'reporting date; CRS-based' },
    ],
    ['2023-06 (War Powers report)', { date: '2023-06', rest: 'War Powers report' }],
    [
      '2025-07 (DoD IG quarterly report, as reported)',
      { date: '2025-07', rest: 'DoD IG quarterly report, as reported' },
    ],
    ['2024', { date: '2024', rest: null }],
    ['2024-01-28', { date: '2024-01-28', rest: null }],
    ['undated (c. 2019-2020)', null],
    ['c. 2023 (undated estimate)', null],
    ['2024-13', null],
    ['2023-02-29', null],
    ['20240101', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseAsOf(text)).toEqual(expected);
  });

  it('splits rows into sorted series and context', () => {
    const rows = parseCsv(
      [
        'country,scope,us_troops,as_of_date,figure_type,note,confidence,source_url',
        'Jordan,country,3813,2024-06-07,official,Later.,high,https://example.org/j2',
        'Jordan,country,"2,936",2023-06 (War Powers report),official,Older.,high,https://example.org/j1',
        'Iraq,country,,2024-09-28,policy change,No number.,medium,https://example.org/i',
        'Kuwait,country,13000,undated (c. 2019-2020),approximate,Undated.,low,ftp://example.org/k',
        'Region (CENTCOM Middle East),region,40000-50000,2025-06-12,approximate,Range.,medium,',
        'Syria,site: al-Tanf,200,2024,approximate,Site.,medium,https://example.org/t',
        'Syria,site: Nowhere Camp,10,2024,approximate,Unknown site.,low,',
      ].join('\n'),
    );
    const bases = convertBases(
      parseCsv(
        'base_id,name,alt_names,country,latitude,longitude,coord_precision\n' +
          'al_tanf,Al-Tanf Garrison,At Tanf; Tanf,Syria,33.5,38.6,approximate\n',
      ),
    );
    const log = createLog();
    const fl = convertForceLevels(rows, { bases, log });
    const jordan = fl.countries.find((c) => c.iso3 === 'JOR')!;
    expect(jordan.series.map((f) => [f.as_of, f.value])).toEqual([
      ['2023-06', 2936],
      ['2024-06-07', 3813],
    ]);
    expect(jordan.series[0]!.note).toBe('Older. (as of: War Powers report)');
    const iraq = fl.countries.find((c) => c.iso3 === 'IRQ')!;
    expect(iraq.series).toEqual([]);
    expect(iraq.context[0]).toMatchObject({
      as_of_text: '2024-09-28',
      value: null,
      value_text: null,
    });
    const kuwait = fl.countries.find((c) => c.iso3 === 'KWT')!;
    expect(kuwait.context[0]).toMatchObject({ value: 13000, value_text: '13000', source: null });
    expect(fl.countries.map((c) => c.iso3)).toEqual(['JOR', 'IRQ', 'KWT', 'SYR']);
    expect(fl.regions).toEqual([
      {
        name: 'CENTCOM Middle East',
        context: [
          {
            as_of_text: '2025-06-12',
            value: null,
            value_text: '40000-50000',
            figure_type: 'approximate',
            confidence: 'medium',
            source: null,
            note: 'Range.',
          },
        ],
      },
    ]);
    expect(fl.sites.map((s) => [s.name, s.base_id])).toEqual([
      ['al-Tanf', 'al_tanf'],
      ['Nowhere Camp', null],
    ]);
    expect(log.warnings.some((w) => w.includes('Nowhere Camp'))).toBe(true);
  });
});

describe('claimed_by → claimed_by_group', () => {
  it.each([
    ['Kataib Hezbollah and affiliated groups (per US); KH claimed', 'drone', 'Kataib Hezbollah'],
    ['none claimed; KH condemned it', 'rocket', 'unclaimed'],
    [
      'Islamic Resistance in Iraq (US: planned/resourced by IRI incl. Kataib Hezbollah)',
      'drone',
      'Islamic Resistance in Iraq',
    ],
    [
      'Iraqi Resistance Factions / Islamic Resistance in Iraq',
      'rocket',
      'Islamic Resistance in Iraq',
    ],
    [
      'Islamic Resistance in Iraq (first claimed by Tashkil al-Waritheen)',
      'drone',
      'Islamic Resistance in Iraq',
    ],
    ['none (KH-linked Telegram said attacks would resume)', 'rocket', 'unclaimed'],
    ['none claimed (US: Iran-aligned militias)', 'rocket', 'unclaimed'],
    ['Iran-backed Shia militia (US assessment); no claim', 'drone', 'unclaimed'],
    ['', 'drone', 'unclaimed'],
    ["al-Thawriyoun ('The Revolutionaries'), per The New Region", 'rocket', 'other'],
    ['pro-Iran fighters (SOHR)', 'rocket', 'other'],
    ['', 'us_strike', 'United States'],
    ['Islamic Resistance in Iraq', 'us_strike', 'United States'],
  ])('%j (%s) → %s', (claimedBy, type, group) => {
    expect(normalizeClaimGroup(claimedBy, type)).toBe(group);
  });
});

describe('sources', () => {
  it('keeps http(s) URLs only, deduplicated, in order', () => {
    const log = createLog();
    expect(
      filterSources(
        [
          ' https://a.org/x ',
          'ftp://b.org/y',
          'www.c.org',
          '',
          'http://d.org',
          'https://a.org/x',
          undefined,
        ],
        log,
        'T',
      ),
    ).toEqual(['https://a.org/x', 'http://d.org']);
    expect(log.warnings).toHaveLength(2);
  });

  it('finds URLs inside status notes without trailing punctuation', () => {
    expect(
      extractUrls(
        'Done (https://a.org/p_(x)). See https://b.org/q ; https://c.org/r. And https://a.org/p_(x)',
      ),
    ).toEqual(['https://a.org/p_(x)', 'https://b.org/q', 'https://c.org/r']);
  });
});

describe('incident conversion', () => {
  it('keeps rows without coordinates with geometry null and precision none', () => {
    const log = createLog();
    const fc = convertIncidents(
      [incidentRow({ latitude: '', longitude: '', coord_precision: 'none' })],
      { log },
    );
    expect(fc.features[0]!.geometry).toBeNull();
    expect(fc.features[0]!.properties.coord_precision).toBe('none');
    expect(log.warnings).toEqual(['T001: no coordinates; geometry null']);
  });

  it('writes [lng, lat] numbers, nulls for empty cells and unknown types', () => {
    const log = createLog();
    const f = convertIncidents([incidentRow({ type: 'artillery' })], { log }).features[0]!;
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [44.25, 33.5] });
    expect(f.properties.type).toBe('unknown');
    expect(f.properties.weapon).toBeNull();
    expect(f.properties.date_note).toBeNull();
    expect(log.warnings).toHaveLength(1);
  });

  it('sorts by date, then id', () => {
    const fc = convertIncidents([
      incidentRow({ id: 'B', date: '2024-01-02' }),
      incidentRow({ id: 'C', date: '2023-12-31' }),
      incidentRow({ id: 'A', date: '2024-01-02' }),
    ]);
    expect(fc.features.map((f) => f.id)).toEqual(['C', 'A', 'B']);
  });

  it('rejects base active_until values that are not dates', () => {
    const log = createLog();
    const fc = convertBases(
      parseCsv(
        'base_id,name,alt_names,country,latitude,longitude,coord_precision,active_until\n' +
          'a,A,,Iraq,1,2,exact_site,2025-05\n' +
          'b,B,,Iraq,,,none,soon\n',
      ),
      { log },
    );
    expect(fc.features.map((f) => f.properties.active_until)).toEqual(['2025-05', null]);
    expect(fc.features[1]!.geometry).toBeNull();
    expect(log.warnings).toHaveLength(2);
  });
});

describe('official counts', () => {
  it('parses single dates and skips vague ones', () => {
    expect(parseCountDate('26–27 Oct 2023')).toEqual({
      date: '2023-10-27',
      range: true,
      approximate: false,
    });
    expect(parseCountDate('~10 Jan 2024')).toEqual({
      date: '2024-01-10',
      range: false,
      approximate: true,
    });
    expect(parseCountDate('Aug 2024')).toBeNull();
  });

  it('reads the notes.md table', () => {
    const md = [
      '### Reported cumulative counts (context for the map)',
      '',
      '| as of | attacks on U.S. forces | injuries | source |',
      '|---|---|---|---|',
      '| 6 Nov 2023 | ≥38 | 45 | syriacpress |',
      '| 22 Jan 2024 | ~150 | – | tvn24 (Pentagon) |',
      '| 29–31 Jan 2024 | >160 / 165 | 143 (Al Jazeera) | dailycaller |',
      '| Aug 2024 (SOHR, Syria only) | 135: al-Omar 36 | – | levant |',
      '',
    ].join('\n');
    const counts = parseOfficialCounts(md);
    expect(counts.map((c) => [c.as_of, c.attacks, c.injured, c.note])).toEqual([
      ['2023-11-06', 38, 45, 'at least'],
      ['2024-01-22', 150, null, 'about'],
      [
        '2024-01-31',
        165,
        143,
        'reported as >160 / 165; reported 29–31 Jan 2024; injuries per Al Jazeera',
      ],
    ]);
  });

  it('takes the research date from the log headings', () => {
    expect(researchAsOf('# log\n2025-01-01 | x\n## Second pass (2026-11-24) — more\n')).toBe(
      '2026-11-24',
    );
    expect(researchAsOf('# log\n')).toBeNull();
  });
});

describe.skipIf(!hasReference)('reference data (../shared/reference-data)', () => {
  const read = (name: string) => readFileSync(join(referenceDir, name), 'utf8');
  const result = hasReference
    ? convertAll({
        incidentsCsv: read('incidents.csv'),
        basesCsv: read('bases.csv'),
        forceLevelsCsv: read('force_levels.csv'),
        notesMd: read('notes.md'),
        researchLog: read('research_log.md'),
      })
    : undefined;

  it('committed data/ files equal a fresh conversion', () => {
    for (const name of OUTPUT_FILES) {
      expect(readFileSync(join(root, 'data', name), 'utf8'), `data/${name}`).toBe(
        result!.files[name],
      );
    }
  });

  it('has the expected counts', () => {
    const { incidents, bases, forceLevels, dataset } = result!.data;
    const types = incidents.features.map((f) => f.properties.type);
    expect(incidents.features).toHaveLength(134);
    expect(types.filter((t) => t === 'us_strike')).toHaveLength(20);
    expect(types.filter((t) => t !== 'us_strike')).toHaveLength(114);
    expect(bases.features).toHaveLength(22);
    expect(bases.features.every((f) => f.geometry !== null)).toBe(true);
    expect(incidents.features.filter((f) => f.geometry === null).map((f) => f.id)).toEqual([
      'INC045',
      'INC079',
      'INC093',
    ]);
    expect(forceLevels.sites.map((s) => s.base_id)).toEqual([
      'al_tanf',
      'tower_22',
      'al_udeid',
      'nsa_bahrain',
      'prince_sultan',
    ]);
    expect(forceLevels.countries.map((c) => c.iso3).sort()).toEqual([
      'ARE',
      'BHR',
      'IRQ',
      'JOR',
      'KWT',
      'QAT',
      'SAU',
      'SYR',
      'TUR',
    ]);
    expect(dataset.caveat).toMatch(/^Documented sample: 114 attack reports and 20 U\.S\. strikes/);
    expect(dataset.official_counts.map((c) => c.as_of)).toEqual(
      [...dataset.official_counts.map((c) => c.as_of)].sort(),
    );
  });

  it('never writes empty strings and keeps every property key', () => {
    const { incidents } = result!.data;
    const keys = Object.keys(incidents.features[0]!.properties);
    for (const f of incidents.features) {
      expect(Object.keys(f.properties)).toEqual(keys);
      expect(Object.values(f.properties)).not.toContain('');
      expect(f.properties.sources.every((u) => /^https?:\/\//.test(u))).toBe(true);
    }
  });
});
