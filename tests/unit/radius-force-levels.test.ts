/**
 * Force levels as step series on the default data: the figure in force on a date is the latest one
 * dated on or before it (partial dates from the period's start), and a figure over a year old is
 * marked as such.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import { deriveIndexes } from '../../src/state/derived';
import { forceOn, isStaleFigure, siteForceOn, STALE_AFTER_DAYS } from '../../src/state/selectors';
import { isoToDay } from '../../src/time/days';
import { fakeFetch } from '../fixtures/sample-data';

const d = (iso: string) => isoToDay(iso)!;
const file = (name: string) => JSON.parse(readFileSync(`data/${name}`, 'utf8'));

describe('force-level step series (default data)', async () => {
  const data = await loadAll(
    { incidents: 'i', bases: 'b', forces: 'f', dataset: null },
    fakeFetch({
      i: file('incidents.geojson'),
      b: file('bases.geojson'),
      f: file('force-levels.json'),
    }),
  );
  const derived = deriveIndexes(data);
  const on = (iso3: string, iso: string) => forceOn(derived, iso3, d(iso))?.point ?? null;

  it('takes the latest figure dated on or before the day', () => {
    expect(on('IRQ', '2023-11-09')).toBeNull();
    expect(on('IRQ', '2023-11-10')).toMatchObject({ value: 2500, as_of: '2023-11-10' });
    expect(on('IRQ', '2024-01-31')).toMatchObject({ value: 2500, as_of: '2024-01-21' });
    expect(on('JOR', '2024-06-06')).toMatchObject({ value: 3000, as_of: '2024-01-29' });
    expect(on('JOR', '2024-06-07')).toMatchObject({ value: 3813 });
    expect(on('SYR', '2024-12-18')).toMatchObject({ value: 900 });
    expect(on('SYR', '2024-12-19')).toMatchObject({ value: 2000 });
    // A month-only date holds from the month's first day.
    expect(on('JOR', '2023-05-31')).toBeNull();
    expect(on('JOR', '2023-06-01')).toMatchObject({ value: 2936, as_of: '2023-06' });
    expect(on('SYR', '2025-07-01')).toMatchObject({ value: 1400 });
    // Countries with only undated context have no figure.
    expect(on('QAT', '2024-01-31')).toBeNull();
  });

  it('gives the site figures of Tower 22 and al-Tanf to their bases', () => {
    expect(siteForceOn(derived, 'tower_22', d('2024-01-27'))).toBeNull();
    expect(siteForceOn(derived, 'tower_22', d('2024-01-28'))?.point.value).toBe(350);
    expect(siteForceOn(derived, 'al_tanf', d('2024-01-01'))?.point.value).toBe(200);
    expect(siteForceOn(derived, 'ain_al_asad', d('2024-01-01'))).toBeNull();
  });

  it('marks a figure in force for more than a year as old', () => {
    const kwt = forceOn(derived, 'KWT', d('2024-01-31'))!;
    expect(kwt.point.as_of).toBe('2012-06-19');
    expect(isStaleFigure(kwt.from, d('2024-01-31'))).toBe(true);
    const irq = forceOn(derived, 'IRQ', d('2024-01-31'))!;
    expect(isStaleFigure(irq.from, d('2024-01-31'))).toBe(false);
    const from = d('2023-06-01');
    expect(isStaleFigure(from, from + STALE_AFTER_DAYS)).toBe(false);
    expect(isStaleFigure(from, from + STALE_AFTER_DAYS + 1)).toBe(true);
  });
});
