/**
 * The base panel's range-ring switches: the radius ring (the distance "attacks near this base"
 * counts within) and each reach ring for one-way drones and missiles, each on its own.
 */
import { REACH_RINGS_KM } from '../../geo/range-rings';
import { useAppStore } from '../store-context';

/** A group of checkboxes, one per ring; the map draws the ticked ones around the selected base. */
export function RangeRingToggles() {
  const rings = useAppStore((s) => s.rings);
  const radiusKm = useAppStore((s) => s.radiusKm);
  const toggleRing = useAppStore((s) => s.toggleRing);
  return (
    <fieldset className="rings-toggle" data-testid="range-rings">
      <legend>Range rings</legend>
      <label>
        <input
          type="checkbox"
          checked={rings.radius}
          onChange={(e) => toggleRing('radius', e.target.checked)}
        />{' '}
        {radiusKm} km radius
      </label>
      {REACH_RINGS_KM.map((km) => (
        <label key={km}>
          <input
            type="checkbox"
            checked={rings.reach.includes(km)}
            onChange={(e) => toggleRing(km, e.target.checked)}
          />{' '}
          {km} km
        </label>
      ))}
      <span className="muted">reach of one-way drones and missiles</span>
    </fieldset>
  );
}
