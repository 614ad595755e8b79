// @ts-check
// The one place that says which Chromium the browser tests and the benchmark use, and how it is
// launched: Debian's package (or CHROME_PATH), headless, software WebGL through SwiftShader, and no
// background network traffic (this machine has no network besides the package registries).

/** Path of the Chromium executable. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Launch flags shared by the end-to-end tests and the benchmark. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
