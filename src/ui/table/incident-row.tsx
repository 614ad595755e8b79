/** One row of the incident table (incident-grid.tsx): date, type, target, country, claim, casualties, confidence. */
import { memo } from 'react';
import { idAt, NONE, textAt, type IncidentTable } from '../../data/incident-table';
import { CONFIDENCE_LEVELS, INCIDENT_TYPES } from '../../data/types';
import type { CountryColumn } from '../../state/country-column';
import { UNCLAIMED } from '../../state/filters';
import { TYPE_LABELS, typeCss } from '../../state/palette';
import { formatDay } from '../../time/days';
import { fmt } from '../format';

const count = (v: number) => (v < 0 ? '–' : fmt(v));

/** One incident row (memoized: scrolling re-renders only rows entering the view). */
export const Row = memo(function Row({
  table,
  row,
  index,
  selected,
  tabbable,
  onPick,
  countries,
}: {
  table: IncidentTable;
  row: number;
  index: number;
  selected: boolean;
  tabbable: boolean;
  onPick(index: number): void;
  countries: CountryColumn | null;
}) {
  const type = INCIDENT_TYPES[table.typeIndex[row]!]!;
  const conf = table.confidence[row]!;
  const located = Number.isFinite(table.position[2 * row]);
  const named = textAt(table, 'country', row);
  const placedAt = named || !countries ? -1 : countries.values[row]!;
  const placed = placedAt >= 0 ? countries!.strings[placedAt] : undefined;
  return (
    <tr
      data-index={index}
      data-id={idAt(table, row)}
      aria-rowindex={index + 2}
      aria-current={selected ? 'true' : undefined}
      className={selected ? 'selected' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onPick(index)}
    >
      <td className="col-date">{formatDay(table.day[row]!)}</td>
      <td className="col-type">
        <span className="dot" style={{ background: typeCss(type) }} aria-hidden="true" />
        {TYPE_LABELS[type]}
      </td>
      <td className="col-target">
        {textAt(table, 'target', row) ?? '–'}
        {!located && <span className="muted"> (no location)</span>}
      </td>
      <td className="col-country">
        {named ?? placed ?? '–'}
        {!named && placed && <span className="muted"> (by location)</span>}
      </td>
      <td className="col-group">{textAt(table, 'claimed_by_group', row) ?? UNCLAIMED}</td>
      <td className="col-num">
        {count(table.usKilled[row]!)} / {count(table.usInjured[row]!)}
      </td>
      <td className="col-conf">{conf === NONE ? '–' : CONFIDENCE_LEVELS[conf]}</td>
    </tr>
  );
});
