/** `npm run data:check`: exact exit codes and one line per problem, on fixture files. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const F = 'tests/unit/fixtures/check/';

/** Runs the CLI from the project root with a fixed "today" (a later `--today` wins). */
function run(...args: string[]): { code: number | null; lines: string[] } {
  const r = spawnSync(
    process.execPath,
    ['scripts/data-check.mjs', '--today', '2025-06-01', ...args],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: r.status, lines: `${r.stdout}${r.stderr}`.trim().split('\n') };
}

describe('data:check', { timeout: 60_000 }, () => {
  it('exits 0 on valid files and on the committed default data', () => {
    expect(run(`${F}valid.geojson`).code).toBe(0);
    // The research was compiled on 2026-11-24 (data/dataset.json): nothing lies after it.
    const data = run(
      'data/incidents.geojson',
      'data/bases.geojson',
      'data/force-levels.json',
      '--today',
      '2026-11-24',
    );
    expect(data.code).toBe(0);
    expect(data.lines).toContain(
      'data/bases.geojson: bases: 22 valid features, 0 errors, 0 warnings',
    );
    expect(data.lines).toContain(
      'data/force-levels.json: forces: 15 valid entries, 0 errors, 0 warnings',
    );
  });

  it('exits 0 with warnings only, printing them', () => {
    const r = run(`${F}warnings.geojson`);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `${F}warnings.geojson: feature 0: geometry: no location: counted in totals, not drawn (warning)`,
      `${F}warnings.geojson: feature 1: coord_precision: coord_precision missing: how exact the location is is unknown (warning)`,
      `${F}warnings.geojson: feature 2: date: 2030-01-01 is in the future (warning)`,
      `${F}warnings.geojson: incidents: 3 valid features, 0 errors, 3 warnings`,
      '1 file checked: 0 unreadable, 0 with invalid features (exit 0)',
    ]);
  });

  it('exits 1 when a feature is invalid: one line per problem with index, field and reason', () => {
    const r = run(`${F}invalid.geojson`);
    expect(r.code).toBe(1);
    const problems = r.lines.filter((l) => l.endsWith('(error)'));
    expect(problems.map((l) => l.split(': ').slice(1, 3).join(': '))).toEqual([
      'feature 1: date',
      'feature 2: type',
      'feature 3: geometry.coordinates.1',
      'feature 4: us_killed',
      'feature 5: sources.0',
      'feature 6: id',
      'feature 7: geometry',
      'feature 8: geometry.type',
      'feature 9: not a GeoJSON Feature ("not a feature") (error)',
    ]);
    expect(r.lines).toContain(
      `${F}invalid.geojson: incidents: 1 valid feature, 9 errors, 0 warnings`,
    );
  });

  it('checks bases, force levels and CSV, telling the kind from the content', () => {
    const r = run(`${F}bases.geojson`, `${F}force-levels.json`, `${F}acled.csv`);
    expect(r.code).toBe(1);
    expect(r.lines).toContain(`${F}bases.geojson: feature 1: name: name is required (error)`);
    expect(r.lines).toContain(
      `${F}force-levels.json: countries.0.series.1.as_of: must be YYYY, YYYY-MM or YYYY-MM-DD (error)`,
    );
    expect(r.lines).toContain(
      `${F}acled.csv: row 3: date (column "event_date"): must be a calendar date YYYY-MM-DD, not "32 January 2024" (error)`,
    );
    expect(r.lines).toContain(`${F}acled.csv: incidents: 1 valid row, 1 error, 0 warnings`);
  });

  it('exits 2 when a file cannot be read or parsed, whatever else is wrong', () => {
    for (const [file, reason] of [
      ['truncated.geojson', 'is not valid JSON (the file ends too early (truncated?))'],
      ['not-a-collection.geojson', 'is not a GeoJSON FeatureCollection'],
      ['page.geojson', 'is an HTML page, not JSON (its title is "Page not found"'],
      ['missing.geojson', 'cannot be read (ENOENT)'],
    ]) {
      const r = run(`${F}invalid.geojson`, `${F}${file}`);
      expect(r.code, file).toBe(2);
      expect(
        r.lines.some((l) => l.startsWith(`${F}${file} ${reason}`)),
        file,
      ).toBe(true);
    }
  });

  it('takes --kind for every file, and refuses bad arguments with exit 2', () => {
    // Bases checked as incidents: no dates, no types.
    const r = run(`${F}bases.geojson`, '--kind', 'incidents');
    expect(r.code).toBe(1);
    expect(r.lines.some((l) => l.includes('feature 0: date: is required'))).toBe(true);
    expect(run(`${F}valid.geojson`, '--kind', 'roads').code).toBe(2);
    expect(run('--kind', 'bases').code).toBe(2);
    expect(run(`${F}valid.geojson`, '--frobnicate').code).toBe(2);
  });
});
