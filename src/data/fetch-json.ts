/** Fetches and parses a JSON file, turning every failure into one readable sentence. */

/** A fetch-compatible function (injectable for tests). */
export type FetchLike = (url: string) => Promise<Response>;

/** Raised with a message fit to show to the user. */
export class FetchJsonError extends Error {}

/** Fetches `url` and parses it as JSON; throws FetchJsonError with a clear reason. */
export async function fetchJson(url: string, fetchFn: FetchLike): Promise<unknown> {
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
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
