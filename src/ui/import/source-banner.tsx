/**
 * Names where the data on the map came from whenever it is not the default data (a local file,
 * or an `incidents=` / `bases=` / `forces=` URL), so other data is never passed off under this
 * map's title. Text only: file names and URLs are never links or markup here.
 */
import { useStore } from 'zustand';
import { dataSource, describeSource } from '../../state/data-source';

/** The data-source banner (nothing for the default data). */
export function SourceBanner() {
  const text = useStore(dataSource, describeSource);
  if (!text) return null;
  return (
    <div
      className="source-banner"
      role="status"
      aria-label="Data source"
      data-testid="source-banner"
    >
      {text}
    </div>
  );
}
