#!/usr/bin/env node
// @ts-check
/**
 * Build the app's default datasets in data/ from the reference CSVs.
 *
 *   npm run data:build                      # reads ../shared/reference-data/
 *   node scripts/build-data.mjs --from DIR  # reads DIR/{incidents,bases,force_levels}.csv
 *
 * DIR may also hold notes.md (official counts) and research_log.md (dataset as_of).
 * All conversion logic lives in scripts/lib/convert.mjs; this file only does I/O.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertAll } from './lib/convert.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string[]} argv
 * @returns {{ from: string }}
 */
function parseArgs(argv) {
  let from = resolve(projectRoot, '../shared/reference-data');
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--from' && argv[i + 1]) from = resolve(argv[(i += 1)] ?? '');
    else if (arg.startsWith('--from=')) from = resolve(arg.slice('--from='.length));
    else {
      console.error(`Unknown argument: ${arg}\nUsage: node scripts/build-data.mjs [--from <dir>]`);
      process.exit(2);
    }
  }
  return { from };
}

/**
 * @param {string} dir
 * @param {string} name
 * @param {boolean} required
 * @returns {string}
 */
function read(dir, name, required) {
  const path = join(dir, name);
  if (!existsSync(path)) {
    if (required) {
      console.error(`Missing input file: ${path}`);
      process.exit(1);
    }
    console.warn(`note: ${path} not found; continuing without it`);
    return '';
  }
  return readFileSync(path, 'utf8');
}

const { from } = parseArgs(process.argv.slice(2));
const result = convertAll({
  incidentsCsv: read(from, 'incidents.csv', true),
  basesCsv: read(from, 'bases.csv', true),
  forceLevelsCsv: read(from, 'force_levels.csv', true),
  notesMd: read(from, 'notes.md', false),
  researchLog: read(from, 'research_log.md', false),
});

const outDir = join(projectRoot, 'data');
mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(result.files)) {
  writeFileSync(join(outDir, name), content);
}

const { incidents, bases, forceLevels, dataset } = result.data;
const byType = /** @type {Record<string, number>} */ ({});
for (const f of incidents.features)
  byType[f.properties.type] = (byType[f.properties.type] ?? 0) + 1;
const noGeom = incidents.features.filter((f) => f.geometry === null).length;
const seriesPoints = [...forceLevels.countries, ...forceLevels.sites].reduce(
  (n, e) => n + e.series.length,
  0,
);
const contextRows = [...forceLevels.countries, ...forceLevels.sites, ...forceLevels.regions].reduce(
  (n, e) => n + e.context.length,
  0,
);

console.log(`build-data: ${relative(projectRoot, from) || '.'} → data/`);
console.log(
  `  incidents.csv     ${result.rowsIn.incidentRows} rows → ${incidents.features.length} features ` +
    `(${Object.entries(byType)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}; ${noGeom} without geometry)`,
);
console.log(
  `  bases.csv         ${result.rowsIn.baseRows} rows → ${bases.features.length} features`,
);
console.log(
  `  force_levels.csv  ${result.rowsIn.forceLevelRows} rows → ${forceLevels.countries.length} countries, ` +
    `${forceLevels.sites.length} sites, ${forceLevels.regions.length} regions ` +
    `(${seriesPoints} series points, ${contextRows} context rows)`,
);
console.log(
  `  dataset.json      as_of ${dataset.as_of}, ${dataset.sources.length} sources, ` +
    `${dataset.official_counts.length} official counts`,
);
if (result.info.length) {
  console.log(`Interpreted (${result.info.length}):`);
  for (const line of result.info) console.log(`  - ${line}`);
}
console.log(`Warnings (${result.warnings.length}):`);
for (const line of result.warnings) console.log(`  - ${line}`);
