/**
 * Fetches and parses a JSON file, turning every failure into one readable sentence that follows
 * the file's name: a timeout (no answer, or no data for FETCH_TIMEOUT_MS), a network or CORS
 * failure, an HTTP error status, an HTML page where data was expected, invalid JSON.
 */

import type { ProgressListener } from './load-progress';

/** A fetch-compatible function (injectable for tests); it should honour `init.signal`. */
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** Raised with a message fit to show to the user. */
export class FetchJsonError extends Error {}

/** No answer, or no new data, for this long fails the file (15 s). */
export const FETCH_TIMEOUT_MS = 15_000;

/** Options of the fetch helpers. */
export interface FetchOptions {
  /** Milliseconds without an answer or new bytes before giving up (default FETCH_TIMEOUT_MS). */
  timeoutMs?: number;
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

/** Fetches `url` and parses it as JSON; throws FetchJsonError with a clear reason. */
export async function fetchJson(
  url: string,
  fetchFn: FetchLike,
  onProgress?: ProgressListener,
  options: FetchOptions = {},
): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const response = await fetchOk(url, fetchFn, options);
  const text = await readText(response, timeoutMs, onProgress);
  onProgress?.({ phase: 'parse', loaded: text.length, total: text.length });
  const html = htmlPageReason(text.slice(0, 4096));
  if (html) throw new FetchJsonError(html);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The Content-Length of a response, or null when absent. */
export function contentLength(response: Response): number | null {
  // A compressed response's length counts compressed bytes, not the ones the body yields.
  const encoding = response.headers.get('Content-Encoding');
  if (encoding && encoding !== 'identity') return null;
  const length = Number(response.headers.get('Content-Length'));
  return Number.isFinite(length) && length > 0 ? length : null;
}

/** True when `url` is on another origin than the page (where CORS applies). */
function crossOrigin(url: string): boolean {
  const here = (globalThis as { location?: Location }).location;
  if (!here) return false;
  try {
    return new URL(url, here.href).origin !== here.origin;
  } catch {
    return false;
  }
}

/**
 * Fetches `url`; throws FetchJsonError with a clear reason unless the response is OK: timed out
 * (no answer within the timeout), refused (network failure or CORS), or an HTTP error status.
 */
export async function fetchOk(
  url: string,
  fetchFn: FetchLike,
  options: FetchOptions = {},
): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  const timedOut = new FetchJsonError(
    `did not answer within ${seconds(timeoutMs)} (timed out): the server is slow or unreachable`,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(timedOut);
      controller.abort();
    }, timeoutMs);
  });
  let response: Response;
  try {
    response = await Promise.race([fetchFn(url, { signal: controller.signal }), timeout]);
  } catch (e) {
    if (controller.signal.aborted) throw timedOut;
    const detail = e instanceof Error ? e.message : String(e);
    throw new FetchJsonError(
      crossOrigin(url)
        ? `could not be fetched: the network failed, or the other site does not allow this page to read the file (CORS: it must send Access-Control-Allow-Origin) (${detail})`
        : `could not be fetched: the network failed or the server refused the connection (${detail})`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    throw new FetchJsonError(
      `could not be fetched: HTTP ${response.status} ${response.statusText}`.trim(),
    );
  }
  return response;
}

/**
 * When `start` (the first characters of a body) is an HTML page, the reason to show:
 * "returned an HTML page, not JSON (title "Not Found"…)"; else null.
 */
export function htmlPageReason(start: string, verb = 'returned'): string | null {
  const head = start.replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) return null;
  const title = /<title[^>]*>([^<]{0,200})/i.exec(head)?.[1]?.replace(/\s+/g, ' ').trim();
  const what = title
    ? `its title is "${title.slice(0, 80)}"`
    : `it starts with "${head.slice(0, 40).replace(/\s+/g, ' ')}…"`;
  return `${verb} an HTML page, not JSON (${what}: a wrong URL, or a server that answers missing files with a web page)`;
}

/**
 * The body as a stream that fails with "stopped sending data … (timed out)" when no bytes arrive
 * for `timeoutMs` (a stalled download never hangs the loader).
 */
export function withIdleTimeout(
  body: ReadableStream<Uint8Array>,
  timeoutMs: number,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new FetchJsonError(
                `stopped sending data for ${seconds(timeoutMs)} (timed out) before the end of the file`,
              ),
            ),
          timeoutMs,
        );
      });
      try {
        const { done, value } = await Promise.race([reader.read(), stalled]);
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (e) {
        reader.cancel().catch(() => {});
        controller.error(e);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** Reads the body as text, reporting bytes received as they arrive (for big files). */
async function readText(
  response: Response,
  timeoutMs: number,
  onProgress?: ProgressListener,
): Promise<string> {
  if (!response.body) return response.text();
  const total = contentLength(response);
  const reader = withIdleTimeout(response.body, timeoutMs).getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.({ phase: 'fetch', loaded, total });
  }
  // One decode of the whole body is faster than decoding chunk by chunk and joining.
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  chunks.length = 0;
  return new TextDecoder().decode(bytes);
}
