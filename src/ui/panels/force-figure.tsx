/** One troop figure with its as-of date, kind, confidence and source, and a mark when it is old. */
import type { ForceFigure } from '../../data/types';
import { formatDay } from '../../time/days';
import { fmt, formatPartialDate } from '../format';
import { SourceLink } from '../sources-list';

/** "2,500 U.S. troops, as of 21 Jan 2024 (approximate) · source". */
export function ForceFigureText({
  figure,
  what = 'U.S. troops',
  staleOn,
}: {
  figure: ForceFigure;
  what?: string;
  /** The date it is shown for, when the figure is more than a year older than that date. */
  staleOn?: number;
}) {
  return (
    <span className="force-figure">
      <strong>
        {fmt(figure.value)} {what}
      </strong>
      , as of {formatPartialDate(figure.as_of)}
      {staleOn !== undefined && (
        <>
          {' '}
          <span className="stale-mark">over a year old on {formatDay(staleOn)}</span>
        </>
      )}
      {figure.figure_type && <> ({figure.figure_type})</>}
      {figure.confidence && <> · {figure.confidence} confidence</>}
      {figure.source && (
        <>
          {' '}
          · <SourceLink url={figure.source} />
        </>
      )}
    </span>
  );
}
