/** Path of the Chromium executable (CHROME_PATH or /usr/bin/chromium). */
export declare const CHROME_PATH: string;
/** Launch flags shared by the end-to-end tests and the benchmark. */
export declare const CHROMIUM_ARGS: string[];
