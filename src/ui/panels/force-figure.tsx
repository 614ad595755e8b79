/** One troop figure with its as-of date, kind, confidence and source. */
import type { ForceFigure } from '../../data/types';
import { fmt, formatPartialDate } from '../format';
import { SourceLink } from '../sources-list';

/** "2,500 U.S. troops, as of 21 Jan 2024 (approximate) · source". */
export function ForceFigureText({
  figure,
  what = 'U.S. troops',
}: {
  figure: ForceFigure;
  what?: string;
}) {
  return (
    <span className="force-figure">
      <strong>
        {fmt(figure.value)} {what}
      </strong>
      , as of {formatPartialDate(figure.as_of)}
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
