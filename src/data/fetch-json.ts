/** Fetches and parses a JSON file, turning every failure into one readable sentence. */

import type { ProgressListener } from './load-progress';

/** A fetch-compatible function (injectable for tests). */
export type FetchLike = (url: string) => Promise<Response>;

/** Raised with a message fit to show to the user. */
export class FetchJsonError extends Error {}

/** Fetches `url` and parses it as JSON; throws FetchJsonError with a clear reason. */
export async function fetchJson(
  url: string,
  fetchFn: FetchLike,
  onProgress?: ProgressListener,
): Promise<unknown> {
  const response = await fetchOk(url, fetchFn);
  const text = await readText(response, onProgress);
  onProgress?.({ phase: 'parse', loaded: text.length, total: text.length });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The Content-Length of a response, or null when absent. */
export function contentLength(response: Response): number | null {
  const length = Number(response.headers.get('Content-Length'));
  return Number.isFinite(length) && length > 0 ? length : null;
}

/** Fetches `url`; throws FetchJsonError with a clear reason unless the response is OK. */
export async function fetchOk(url: string, fetchFn: FetchLike): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (e) {
    throw new FetchJsonError(
      `could not be fetched (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  if (!response.ok) {
    throw new FetchJsonError(
      `could not be fetched: HTTP ${response.status} ${response.statusText}`.trim(),
    );
  }
  return response;
}

/** Reads the body as text, reporting bytes received as they arrive (for big files). */
async function readText(response: Response, onProgress?: ProgressListener): Promise<string> {
  if (!onProgress || !response.body) return response.text();
  const total = contentLength(response);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ phase: 'fetch', loaded, total });
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
