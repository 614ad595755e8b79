/** The content width of an element (padding excluded), kept up to date with a ResizeObserver. */
import { useCallback, useEffect, useState } from 'react';

/**
 * Returns a callback ref to attach and the element's current content width in CSS pixels. A
 * callback ref, because the element may mount later than the component (after data loads).
 * @param fallback the width used until measured (and where ResizeObserver does not exist, e.g. jsdom)
 */
export function useElementWidth<T extends HTMLElement>(
  fallback = 600,
): [(el: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    // Called once on observe, then on every resize; whole pixels avoid re-binning on sub-pixel noise.
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  const ref = useCallback((el: T | null) => setElement(el), []);
  return [ref, width];
}
