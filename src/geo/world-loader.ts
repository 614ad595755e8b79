/**
 * Loads the basemap TopoJSON once per URL and converts it once: the map and the country panel
 * (which needs outlines for point-in-polygon) share one fetch and one conversion.
 */
import type { Topology } from 'topojson-specification';
import { worldLayers, type WorldLayers } from './world';

const loaded = new Map<string, Promise<WorldLayers>>();

/** The basemap layers of the TopoJSON at `url`; a failed load is forgotten so a later call retries. */
export function loadWorldLayers(
  url: string,
  fetchFn: (url: string) => Promise<Response> = (u) => fetch(u),
): Promise<WorldLayers> {
  let p = loaded.get(url);
  if (!p) {
    p = fetchFn(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return r.json() as Promise<Topology>;
      })
      .then(worldLayers);
    p.catch(() => loaded.delete(url));
    loaded.set(url, p);
  }
  return p;
}
