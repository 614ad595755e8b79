#!/usr/bin/env node
// @ts-check
// Finds the Chromium the end-to-end tests drive (Playwright's own browsers are not downloaded):
// CHROME_PATH if set, else /usr/bin/chromium. When it is missing and we run as root, installs
// Debian's package (apt-get update; apt-get install -y chromium) and checks again. Prints the path.
//   node tests/e2e/ensure-chromium.mjs
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { CHROME_PATH } from '../../scripts/chromium.mjs';

const chromePath = CHROME_PATH;

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string[]} args */
function aptGet(args) {
  console.log(`$ apt-get ${args.join(' ')}`);
  const run = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} exited with ${run.status}`);
}

if (!isExecutable(chromePath)) {
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium not found at ${chromePath}: install it (apt-get install -y chromium as root) or set CHROME_PATH`,
    );
    process.exit(1);
  }
  console.log(`Chromium not found at ${chromePath}: installing Debian's chromium package.`);
  try {
    aptGet(['update']);
    aptGet(['install', '-y', 'chromium']);
  } catch (e) {
    console.error(`Installing chromium failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  if (!isExecutable(chromePath)) {
    console.error(
      `Chromium still not found at ${chromePath} after installing the chromium package: set CHROME_PATH`,
    );
    process.exit(1);
  }
}

console.log(`Using Chromium at ${chromePath}`);
