#!/usr/bin/env node
/**
 * npm run data:check -- <files…> [--kind incidents|bases|forces] [--today YYYY-MM-DD]
 *
 * Checks data files with the app's own validator (src/data/check-file.ts, bundled for Node by
 * Vite at run time, about 0.2 s): prints one line per problem (file, feature index or CSV row,
 * field, reason) and a summary per file. Exit status: 2 when any file cannot be read or parsed at
 * all, else 1 when any feature is invalid, else 0 (warnings alone exit 0). The kind of each file
 * is told from its content (or its name); `--kind` sets it for every file. `--today` fixes the
 * date that "in the future" warnings compare against (tests use it).
 */
import { createReadStream, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KINDS = ['incidents', 'bases', 'forces'];
const USAGE =
  'usage: npm run data:check -- <files…> [--kind incidents|bases|forces] [--today YYYY-MM-DD]';

function parseArgs(argv) {
  const files = [];
  let kind = null;
  let today;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) fail(`${name} needs a value`);
      return v;
    };
    if (a === '--kind' || a.startsWith('--kind=')) {
      kind = value('--kind');
      if (!KINDS.includes(kind)) fail(`--kind must be one of ${KINDS.join(', ')}, not "${kind}"`);
    } else if (a === '--today' || a.startsWith('--today=')) {
      const v = value('--today');
      today = Date.parse(`${v}T00:00:00Z`) / 86_400_000;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !Number.isInteger(today))
        fail(`--today must be YYYY-MM-DD`);
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) fail('no files given');
  return { files, kind, today };
}

function fail(message) {
  console.error(`data:check: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Bundles the validator for Node (dependencies stay imports from node_modules). */
async function loadChecker() {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: 'src/data/check-file.ts',
      write: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es' } },
    },
  });
  const code = (Array.isArray(out) ? out[0] : out).output[0].code;
  // Inside node_modules so the bundle's bare imports (zod, papaparse) resolve.
  const dir = join(root, 'node_modules/.cache/data-check');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `check-file-${process.pid}.mjs`);
  const { writeFileSync, rmSync } = await import('node:fs');
  writeFileSync(file, code);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
}

/** The first 64 KB of a file as text (to tell its kind). */
function head(path) {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const { files, kind, today } = parseArgs(process.argv.slice(2));
const checker = await loadChecker();
const results = [];
for (const file of files) {
  let size;
  let start;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
    start = head(file);
  } catch (e) {
    results.push({
      file,
      kind: kind ?? 'incidents',
      fatal: `cannot be read (${e.code ?? e.message})`,
      issues: [],
      loaded: 0,
      unit: null,
    });
    continue;
  }
  const fileKind = kind ?? checker.detectKind(start, file);
  const body = Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 }));
  results.push(await checker.checkStream(body, size, file, fileKind, today));
}

for (const r of results) {
  for (const i of r.issues) console.log(checker.formatIssue(r, i));
}
for (const r of results) console.log(checker.formatSummary(r));
const code = checker.exitCode(results);
const unreadable = results.filter((r) => r.fatal !== null).length;
const invalid = results.filter(
  (r) => r.fatal === null && r.issues.some((i) => i.severity === 'error'),
).length;
console.log(
  `${results.length} file${results.length === 1 ? '' : 's'} checked: ${unreadable} unreadable, ${invalid} with invalid features (exit ${code})`,
);
process.exit(code);
