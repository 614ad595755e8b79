/** The other bases nearest to a base, with distances; a base on the same proxy point says so. */
import type { Base } from '../../data/types';
import { nearestBases } from '../../geo/nearest-bases';
import { fmt } from '../format';
import { useAppStore } from '../store-context';

const SHOWN = 4;

/** "Nearest bases" list; clicking one selects it. */
export function NearestBases({ base }: { base: Base }) {
  const bases = useAppStore((s) => s.data!.bases);
  const select = useAppStore((s) => s.select);
  const byId = useAppStore((s) => s.derived!.baseById);
  const near = nearestBases(bases, base, SHOWN);
  if (near.length === 0) return null;
  return (
    <>
      <h3>Nearest bases</h3>
      <ul className="nearest-bases" data-testid="nearest-bases">
        {near.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => select({ kind: 'base', id: n.id }, { fly: true })}
            >
              {byId.get(n.id)?.name ?? n.id}
            </button>
            <span className="near-distance">
              {n.samePoint
                ? 'same map point (a shared proxy location)'
                : `${n.km < 1 ? 'under 1' : fmt(Math.round(n.km))} km`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
