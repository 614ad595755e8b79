#!/usr/bin/env node
// @ts-check
// Synthetic incidents for the benchmark, in the schema of data/incidents.geojson (data/README.md).
// Deterministic: the same seed and N give byte-identical output. Points cluster around the real
// bases of data/bases.geojson in Iraq, Syria and Jordan (plus U.S. strikes around militia areas and
// background noise over the three countries), over 2023-10-01 … 2025-09-30 in three waves.
// The output is written in chunks, one feature per line, so a million features never exist as one
// string. Null-valued properties are left out unless --all-keys (see GenerateOptions).
// Usage: node scripts/bench/generate.mjs <N> [--seed 1] [--out file.geojson] [--all-keys]
import { createWriteStream, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BASE_WEIGHT,
  CLAIMS,
  COUNTRY_BOXES,
  gauss,
  mulberry32,
  oneOf,
  pick,
  pickWeighted,
  SPAN,
  STRIKE_SITES,
  TYPE_SHARE,
  TYPES,
  WEAPONS,
  waveDays,
} from './synth-model.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Bumped when the output for a given seed and N changes (the runner's cache key). */
export const GENERATOR_VERSION = 1;
export { mulberry32, SPAN, TYPES };
/** Rough extent of Iraq, Syria and Jordan, [west, south, east, north]: every point is inside. */
export const REGION = /** @type {const} */ ([34.9, 29.0, 48.7, 37.5]);

/** @typedef {{ id: string, name: string, country: string, lng: number, lat: number, weight: number }} Base */

/** The bases in Iraq, Syria and Jordan with a location, from a bases FeatureCollection. */
export function loadBases(path = resolve(ROOT, 'data/bases.geojson')) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  /** @type {Base[]} */
  const bases = [];
  for (const f of json.features) {
    const p = f.properties;
    if (!f.geometry || !['Iraq', 'Syria', 'Jordan'].includes(p.country)) continue;
    const [lng, lat] = f.geometry.coordinates;
    bases.push({
      id: p.id,
      // Short form, as targets are written in the real data ("Erbil Air Base").
      name: String(p.name).split(' (')[0],
      country: p.country,
      lng,
      lat,
      weight: BASE_WEIGHT[p.id] ?? 1,
    });
  }
  if (!bases.length) throw new Error(`no bases in Iraq, Syria or Jordan in ${path}`);
  return bases;
}

const KM_PER_DEG = 111.32;
const round4 = (/** @type {number} */ x) => Math.round(x * 1e4) / 1e4;
const clamp = (/** @type {number} */ x, /** @type {number} */ lo, /** @type {number} */ hi) =>
  Math.min(hi, Math.max(lo, x));

/** [lng, lat] around a centre with a spread of `km` (one standard deviation), inside REGION. */
function around(
  /** @type {() => number} */ rand,
  /** @type {{lng: number, lat: number}} */ c,
  /** @type {number} */ km,
) {
  const lat = c.lat + (gauss(rand) * km) / KM_PER_DEG;
  const lng = c.lng + (gauss(rand) * km) / (KM_PER_DEG * Math.cos((c.lat * Math.PI) / 180));
  return [round4(clamp(lng, REGION[0], REGION[2])), round4(clamp(lat, REGION[1], REGION[3]))];
}

/** The nearest base to a point (`prefer` wins ties, e.g. co-located bases). */
function nearest(
  /** @type {Base[]} */ bases,
  /** @type {number[]} */ [lng, lat],
  /** @type {Base | null} */ prefer,
) {
  const k = Math.cos((lat * Math.PI) / 180);
  let best = bases[0];
  let bestD = Infinity;
  for (const b of bases) {
    const d = ((b.lng - lng) * k) ** 2 + (b.lat - lat) ** 2;
    if (d < bestD || (d === bestD && b === prefer)) [best, bestD] = [b, d];
  }
  return /** @type {Base} */ (best);
}

/**
 * One feature, as an object with the key order of data/incidents.geojson.
 * @param {() => number} rand
 * @param {Base[]} bases
 * @param {number} index
 * @param {string} date
 */
export function makeFeature(rand, bases, index, date) {
  const id = `SYN${String(index + 1).padStart(7, '0')}`;
  const strike = rand() < 0.14;
  const type = strike ? 'us_strike' : pickWeighted(rand, TYPE_SHARE);
  /** @type {number[]} */ let coords;
  let target, baseId, country, precision;
  if (strike) {
    const site = pick(rand, STRIKE_SITES);
    coords = around(rand, site, 8);
    [target, baseId, country] = [site.name, null, site.country];
    precision = rand() < 0.8 ? 'city' : 'approximate';
  } else {
    let chosen = null;
    if (rand() < 0.1) {
      const { box, country: c } = pick(rand, COUNTRY_BOXES);
      coords = [
        round4(box[0] + rand() * (box[2] - box[0])),
        round4(box[1] + rand() * (box[3] - box[1])),
      ];
      [country, precision] = [c, 'approximate'];
    } else {
      chosen = pick(rand, bases);
      const tier = rand();
      precision = tier < 0.55 ? 'exact_site' : tier < 0.85 ? 'city' : 'approximate';
      coords = around(rand, chosen, tier < 0.55 ? 2.5 : tier < 0.85 ? 10 : 30);
      country = chosen.country;
    }
    const base = nearest(bases, coords, chosen);
    [target, baseId] = [base.name, base.id];
  }
  const claim = strike ? null : pick(rand, CLAIMS);
  const injured =
    !strike && rand() < 0.02 ? Math.min(60, 1 + Math.floor(-Math.log(1 - rand()) * 3)) : null;
  const confidence = strike
    ? rand() < 0.85
      ? 'high'
      : 'medium'
    : pickWeighted(rand, { high: 35, medium: 33, low: 32 });
  const weapon = rand() < 0.3 ? oneOf(rand, WEAPONS[type] ?? [null]) : null;
  const source = `https://example.com/i/${id}`;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: coords },
    properties: {
      id,
      date,
      date_note: rand() < 0.03 ? 'date of report' : null,
      type,
      weapon,
      target,
      base_id: baseId,
      country,
      claimed_by: claim ? claim.by : null,
      claimed_by_group: claim ? claim.group : 'United States',
      us_killed: !strike && rand() < 0.0008 ? 1 + Math.floor(rand() * 3) : null,
      us_injured: injured,
      casualty_note: injured !== null && rand() < 0.25 ? `injured: ${injured}+ (Pentagon)` : null,
      other_casualties:
        strike && rand() < 0.3 ? `${1 + Math.floor(rand() * 8)} militants killed (SOHR)` : null,
      description:
        rand() < 0.1 ? `Synthetic ${type.replace('_', ' ')} event near ${target}.` : null,
      confidence,
      coord_precision: precision,
      sources: rand() < 0.1 ? [source, `https://example.org/r/${id}`] : [source],
    },
  };
}

/** Removes null-valued properties (the app's schema reads a missing property as null). */
function dropNulls(/** @type {ReturnType<typeof makeFeature>} */ f) {
  const p = /** @type {Record<string, unknown>} */ (f.properties);
  for (const key of Object.keys(p)) if (p[key] === null) delete p[key];
  return f;
}

/**
 * @typedef {object} GenerateOptions
 * @property {number} n features
 * @property {number} seed
 * @property {Base[]} [bases] default: the Iraq, Syria and Jordan bases of data/bases.geojson
 * @property {boolean} [allKeys] also write null-valued properties, as data/incidents.geojson does.
 *   Off by default: with every key a million features take about 540 MB, over V8's maximum string
 *   length (2^29 - 24 characters), so no browser could `response.text()` the file; without the
 *   nulls it is about 420 MB.
 * @property {number} [chunk] features per yielded chunk
 */

/**
 * The FeatureCollection as text chunks, one feature per line, sorted by date then id.
 * @param {GenerateOptions} options
 */
export function* incidentChunks({ n, seed, bases = loadBases(), allKeys = false, chunk = 2000 }) {
  const days = waveDays(mulberry32(seed), n);
  const rand = mulberry32((seed ^ 0x9e3779b9) >>> 0);
  yield '{"type":"FeatureCollection","features":[\n';
  for (let i = 0; i < n; i += chunk) {
    const lines = [];
    for (let k = i; k < Math.min(n, i + chunk); k++) {
      const feature = makeFeature(rand, bases, k, SPAN.isoOf(days[k] ?? 0));
      const line = JSON.stringify(allKeys ? feature : dropNulls(feature));
      lines.push(k < n - 1 ? `${line},\n` : `${line}\n`);
    }
    yield lines.join('');
  }
  yield ']}\n';
}

/** The whole file as one string (for small N and tests). */
export function generateIncidents(/** @type {GenerateOptions} */ o) {
  return [...incidentChunks(o)].join('');
}

/**
 * Streams the file to `path` (through a temporary file, renamed at the end).
 * @param {string} path
 * @param {GenerateOptions} options
 * @returns {Promise<number>} bytes written
 */
export async function writeIncidentsFile(path, options) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const done = once(out, 'finish');
  for (const text of incidentChunks(options)) {
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await done;
  renameSync(tmp, path);
  return out.bytesWritten;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (/** @type {string} */ name) => {
    const i = args.indexOf(`--${name}`);
    return i < 0 ? undefined : args[i + 1];
  };
  const n = Number(args[0]);
  if (!Number.isInteger(n) || n < 1) {
    console.error('usage: node scripts/bench/generate.mjs <N> [--seed 1] [--out f] [--all-keys]');
    process.exit(2);
  }
  const seed = Number(opt('seed') ?? 1);
  const out = opt('out') ?? `.bench/data/incidents-${n}-s${seed}.geojson`;
  const t0 = performance.now();
  const bytes = await writeIncidentsFile(out, { n, seed, allKeys: args.includes('--all-keys') });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${out}: ${n} features, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${secs} s`);
}
