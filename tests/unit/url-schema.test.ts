import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/time/days';
import {
  MAX_DATA_URL_LENGTH,
  MAX_SELECT_ID_LENGTH,
  parseUrl,
  serializeUrl,
  type UrlState,
} from '../../src/state/url-schema';

describe('URL schema', () => {
  it('reads every key it owns', () => {
    const { state, notices } = parseUrl(
      '?from=2024-01-01&to=2024-02-01&select=base:ain_al_asad&layers=attacks,bases&incidents=other/x.geojson&bases=https://example.org/b.geojson&forces=f.json',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      from: isoToDay('2024-01-01'),
      to: isoToDay('2024-02-01'),
      select: { kind: 'base', id: 'ain_al_asad' },
      layers: ['attacks', 'bases'],
      incidents: 'other/x.geojson',
      bases: 'https://example.org/b.geojson',
      forces: 'f.json',
    });
  });

  it('round-trips every key', () => {
    const state: UrlState = {
      from: isoToDay('2023-10-17')!,
      to: isoToDay('2024-01-28')!,
      mode: 'window',
      span: 7,
      speed: 30,
      weight: 'casualties',
      select: { kind: 'incident', id: 'INC091' },
      layers: ['strikes', 'forces', 'density'],
      radius: 50,
      rings: { radius: true, reach: [100, 300, 500] },
      rank: 'casualties',
      basis: 'near',
      incidents: 'data/x.geojson',
      bases: 'data/b.geojson',
      forces: 'data/f.json',
    };
    expect(parseUrl(serializeUrl(state)).state).toEqual(state);
    expect(serializeUrl(state)).toContain('from=2023-10-17');
    expect(serializeUrl(state)).toContain('select=incident:INC091');
  });

  it('reads the timeline keys: mode, span, speed, weight', () => {
    const { state, notices } = parseUrl('?mode=cumulative&span=90&speed=1&weight=count');
    expect(notices).toEqual([]);
    expect(state).toEqual({ mode: 'cumulative', span: 90, speed: 1, weight: 'count' });
    expect(serializeUrl({ mode: 'window', span: 7, to: isoToDay('2024-01-28')! })).toBe(
      '?to=2024-01-28&mode=window&span=7',
    );
  });

  it('drops invalid timeline keys with a notice', () => {
    const { state, notices } = parseUrl(
      '?mode=sliding&span=0&speed=5&weight=deaths&from=2024-01-01',
    );
    expect(state).toEqual({ from: isoToDay('2024-01-01') });
    expect(notices).toHaveLength(4);
    expect(notices.join(' ')).toMatch(/Ignored mode=sliding/);
    for (const bad of ['span=7.5', 'span=-3', 'span=99999', 'span=', 'speed=']) {
      const r = parseUrl(`?${bad}`);
      expect(r.state, bad).toEqual({});
      expect(r.notices, bad).toHaveLength(1);
    }
  });

  it('accepts only the offered radii, and 1, 0 or a list of known rings', () => {
    const { state, notices } = parseUrl('?radius=30&rings=yes');
    expect(state.radius).toBeUndefined();
    expect(state.rings).toBeUndefined();
    expect(notices).toHaveLength(2);
    expect(parseUrl('?radius=100&rings=0').state).toEqual({
      radius: 100,
      rings: { radius: false, reach: [] },
    });
  });

  it('keeps the meaning of older rings=1 links: the radius ring and every reach ring', () => {
    const { state, notices } = parseUrl('?select=base:tower_22&rings=1&radius=50');
    expect(notices).toEqual([]);
    expect(state.rings).toEqual({ radius: true, reach: [100, 300, 500] });
    // And every ring on is written as rings=1 again, so old and new links look the same.
    expect(serializeUrl({ rings: { radius: true, reach: [100, 300, 500] } })).toBe('?rings=1');
  });

  it('reads a list of rings in any order and writes it in one order', () => {
    for (const [query, rings, canonical] of [
      ['rings=radius', { radius: true, reach: [] }, 'rings=radius'],
      ['rings=500,radius', { radius: true, reach: [500] }, 'rings=radius,500'],
      ['rings=300,100,300', { radius: false, reach: [100, 300] }, 'rings=100,300'],
      ['rings=100,300,500', { radius: false, reach: [100, 300, 500] }, 'rings=100,300,500'],
      ['rings=radius,100,300,500', { radius: true, reach: [100, 300, 500] }, 'rings=1'],
    ] as const) {
      const r = parseUrl(`?${query}`);
      expect(r.notices, query).toEqual([]);
      expect(r.state.rings, query).toEqual(rings);
      expect(serializeUrl(r.state), query).toBe(`?${canonical}`);
    }
  });

  it('drops unknown rings with one notice and keeps the known ones', () => {
    const mixed = parseUrl('?rings=radius,200,x,500');
    expect(mixed.state.rings).toEqual({ radius: true, reach: [500] });
    expect(mixed.notices).toEqual([
      'Ignored rings=200,x: expected 1, 0 or a list of radius, 100, 300, 500.',
    ]);
    for (const bad of ['rings=', 'rings=,', 'rings=2', 'rings=1,0', `rings=${'100,'.repeat(20)}`]) {
      const r = parseUrl(`?${bad}`);
      expect(r.state, bad).toEqual({});
      expect(r.notices, bad).toHaveLength(1);
      expect(r.notices[0], bad).toMatch(/^Ignored rings=/);
    }
  });

  it('reads the ranking keys and drops unknown values', () => {
    expect(parseUrl('?compare=1&rank=casualties&basis=near&radius=50')).toEqual(
      expect.objectContaining({
        state: { compare: true, rank: 'casualties', basis: 'near', radius: 50 },
        notices: [],
      }),
    );
    const bad = parseUrl('?rank=deaths&basis=far');
    expect(bad.state).toEqual({});
    expect(bad.notices).toEqual([
      'Ignored rank=deaths: expected one of attacks, casualties.',
      'Ignored basis=far: expected one of tagged, near.',
    ]);
  });

  it('caps the select id and the data URLs, dropping longer values with a notice', () => {
    const id = 'a'.repeat(MAX_SELECT_ID_LENGTH);
    expect(parseUrl(`?select=incident:${id}`).state.select).toEqual({ kind: 'incident', id });
    const long = parseUrl(`?select=incident:${id}b`);
    expect(long.state).toEqual({});
    expect(long.notices).toEqual([
      `Ignored select=incident:${'a'.repeat(51)}: the id is longer than 200 characters.`,
    ]);

    const url = `https://example.org/${'x'.repeat(MAX_DATA_URL_LENGTH - 20)}`;
    expect(url).toHaveLength(MAX_DATA_URL_LENGTH);
    for (const key of ['incidents', 'bases', 'forces'] as const) {
      expect(parseUrl(`?${key}=${url}`).state[key], key).toBe(url);
      const r = parseUrl(`?${key}=${url}y`);
      expect(r.state, key).toEqual({});
      expect(r.notices, key).toHaveLength(1);
      expect(r.notices[0], key).toMatch(
        new RegExp(`^Ignored ${key}=https://example.org/x+: longer than 2048 characters\\.$`),
      );
    }
  });

  it('drops invalid values with a notice and swaps reversed dates', () => {
    const { state, notices } = parseUrl(
      '?from=2024-02-30&to=yesterday&select=nope&layers=attacks,bogus',
    );
    expect(state.from).toBeUndefined();
    expect(state.to).toBeUndefined();
    expect(state.select).toBeUndefined();
    expect(state.layers).toEqual(['attacks']);
    expect(notices).toHaveLength(4);
    const swapped = parseUrl('?from=2024-03-01&to=2024-01-01');
    expect(swapped.state.from).toBe(isoToDay('2024-01-01'));
    expect(swapped.notices[0]).toMatch(/swapped/);
  });

  it('never loads data from non-http(s) schemes', () => {
    const { state, notices } = parseUrl(
      '?incidents=javascript:alert(1)&bases=//evil.example/x&forces=file:///etc/passwd',
    );
    expect(state.incidents).toBeUndefined();
    expect(state.bases).toBeUndefined();
    expect(state.forces).toBeUndefined();
    expect(notices).toHaveLength(3);
  });

  it('keeps keys it does not own and removes cleared ones', () => {
    expect(serializeUrl({ from: isoToDay('2024-01-01')! }, '?embed=1&to=2024-05-01')).toBe(
      '?embed=1&from=2024-01-01',
    );
  });
});
