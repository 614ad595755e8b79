/**
 * The incident table: a real `<table>` with column headers (sort buttons, `aria-sort`), of which
 * only the rows in view are rendered (fixed row height, spacer rows above and below;
 * `aria-rowcount`/`aria-rowindex` give the full size). Rows are keyboard reachable: one row is in
 * the tab order; ↑/↓, PageUp/PageDown, Home/End move, Enter or Space selects. Clicking a row
 * selects the incident (the map flies there); the selected incident's row is highlighted and
 * scrolled into view when the selection changes.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { Row } from './incident-row';
import type { IncidentTable } from '../../data/incident-table';
import type { CountryColumn } from '../../state/country-column';
import type { SortKey, TableSort } from '../../state/filters-table';
import { scrollTopFor, virtualWindow, type ScrollAlign } from './virtual-window';

/** Row height in px (matches `.incident-grid td` in styles.css). */
export const ROW_HEIGHT = 30;
/** Used until the scroller is measured (and in jsdom). */
const FALLBACK_VIEWPORT = 300;
const FALLBACK_HEAD = 32;

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'date', label: 'Date', className: 'col-date' },
  { key: 'type', label: 'Type', className: 'col-type' },
  { key: 'target', label: 'Target', className: 'col-target' },
  { key: 'country', label: 'Country', className: 'col-country' },
  { key: 'group', label: 'Claimed by', className: 'col-group' },
  { key: 'casualties', label: 'U.S. killed / injured', className: 'col-num' },
  { key: 'confidence', label: 'Confidence', className: 'col-conf' },
];

/** Columns whose first click sorts descending (most first). */
const DESC_FIRST: SortKey[] = ['casualties', 'confidence'];

interface Props {
  table: IncidentTable;
  /** Table rows in display order. */
  rows: Uint32Array;
  sort: TableSort;
  onSort(sort: TableSort): void;
  /** Table row of the selected incident, or null. */
  selectedRow: number | null;
  onPick(row: number): void;
  caption: string;
  /** Shown in place of rows when there are none. */
  emptyText: string;
  /** Countries placed by location for rows the data names none for (as the country filter uses). */
  countries?: CountryColumn | null;
}

/** The virtualized table. */
export function IncidentGrid(props: Props) {
  const { table, rows, sort, onSort, selectedRow, onPick, caption, emptyText } = props;
  const countries = props.countries ?? null;
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({
    viewport: FALLBACK_VIEWPORT,
    head: FALLBACK_HEAD,
    // Without ResizeObserver (jsdom) the fallback sizes are all there is.
    measured: typeof ResizeObserver === 'undefined',
  });
  const [focus, setFocus] = useState(0);
  const total = rows.length;
  const viewport = Math.max(ROW_HEIGHT, size.viewport - size.head);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const h = el.clientHeight;
      if (h > 0)
        setSize({
          viewport: h,
          head: head.current?.offsetHeight || FALLBACK_HEAD,
          measured: true,
        });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // `scrollTop` is the source of truth: handlers and the selection set it, a layout effect moves
  // the scroller there, and the scroller's own scrolling (wheel, bar, touch) reports back.
  const topFor = (index: number, from: number, align: ScrollAlign = 'nearest') =>
    scrollTopFor(index, { total, rowHeight: ROW_HEIGHT, viewport, scrollTop: from, align });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && Math.abs(el.scrollTop - scrollTop) >= 1) el.scrollTop = scrollTop;
  }, [scrollTop]);

  // The selection moved (a map click, a link): focus and bring its row into view, once per change.
  // A scan of the rows: once per selection or rows change, not on every scroll event.
  const selectedIndex = useMemo(
    () => (selectedRow === null ? -1 : rows.indexOf(selectedRow)),
    [rows, selectedRow],
  );
  const [shownSelection, setShownSelection] = useState<number | null>(null);
  // (Once the scroller is measured: the first render only guesses its height.)
  if (size.measured && selectedRow !== shownSelection) {
    setShownSelection(selectedRow);
    if (selectedIndex >= 0) {
      setFocus(selectedIndex);
      const top = topFor(selectedIndex, scrollTop, 'center');
      if (top !== null) setScrollTop(top);
    }
  }

  // New rows (window, filters, sort): the focus stays in range.
  const focusIndex = Math.min(focus, Math.max(0, total - 1));

  const w = virtualWindow({ total, rowHeight: ROW_HEIGHT, scrollTop, viewport });
  // The tab stop is the focused row when it is rendered, else the first rendered row.
  const tabbable = focusIndex >= w.start && focusIndex < w.end ? focusIndex : w.start;

  const pick = useCallback(
    (index: number) => {
      setFocus(index);
      onPick(rows[index]!);
    },
    [rows, onPick],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (!total || e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const from = (e.target as HTMLElement).closest('tr')?.dataset.index;
    const at = from === undefined ? focusIndex : Number(from);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: total - 1,
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick(at);
      return;
    }
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const i = Math.max(0, Math.min(total - 1, next));
    const top = topFor(i, scrollTop);
    // Render the row now, so it can take the focus in this handler.
    flushSync(() => {
      setFocus(i);
      if (top !== null) setScrollTop(top);
    });
    scroller.current
      ?.querySelector<HTMLElement>(`tr[data-index="${i}"]`)
      ?.focus({ preventScroll: true });
  };

  const header = (c: (typeof COLUMNS)[number]) => {
    const active = sort.key === c.key;
    const next: TableSort = active
      ? { key: c.key, desc: !sort.desc }
      : { key: c.key, desc: DESC_FIRST.includes(c.key) };
    return (
      <th
        key={c.key}
        scope="col"
        className={c.className}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" className="sort-button" onClick={() => onSort(next)}>
          {c.label}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
          </span>
        </button>
      </th>
    );
  };

  const cells: ReactNode[] = [];
  for (let i = w.start; i < w.end; i++) {
    const row = rows[i]!;
    cells.push(
      <Row
        key={row}
        table={table}
        row={row}
        index={i}
        selected={i === selectedIndex}
        tabbable={i === tabbable}
        onPick={pick}
        countries={countries}
      />,
    );
  }

  return (
    <div
      className="table-scroll"
      ref={scroller}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="table-scroll"
    >
      <table className="incident-grid" aria-rowcount={total + 1} data-testid="incident-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead ref={head}>
          <tr aria-rowindex={1}>{COLUMNS.map(header)}</tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {w.top > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: w.top }} />
            </tr>
          )}
          {cells}
          {w.bottom > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: w.bottom }} />
            </tr>
          )}
          {total === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="muted empty-row">
                {emptyText}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
