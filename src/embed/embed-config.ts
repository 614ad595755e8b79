/** Reads `embed-config.json`, served with the app: the host origins allowed to drive an embed. */
import { parseEmbedConfig } from './messages';

/** Fetches the config same-origin; a missing or invalid file means no configured origins. */
export async function loadEmbedOrigins(
  url = 'embed-config.json',
  fetchFn: typeof fetch = fetch,
): Promise<string[]> {
  try {
    const res = await fetchFn(url, { credentials: 'same-origin' });
    if (!res.ok) return [];
    return parseEmbedConfig(await res.json());
  } catch {
    return [];
  }
}
