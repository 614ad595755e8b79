/** Keeps the store's `reducedMotion` in step with the user's `prefers-reduced-motion` setting. */
import { useEffect } from 'react';
import type { AppStore } from '../../state/store';

const QUERY = '(prefers-reduced-motion: reduce)';

/** Follows the media query (where the browser supports matchMedia). */
export function useReducedMotion(store: AppStore): void {
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(QUERY);
    const apply = () => store.getState().setReducedMotion(mq.matches);
    apply();
    mq.addEventListener?.('change', apply);
    return () => mq.removeEventListener?.('change', apply);
  }, [store]);
}
