/**
 * The table drawer under the map: the incidents of the window that pass the filters, in a
 * sortable virtualized table, with CSV and GeoJSON exports of exactly those rows. It follows the
 * window once it settles (not on every slider step or playback frame).
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { idAt, rowOfId } from '../../data/incident-table';
import { tableRows } from '../../state/filters-table';
import { permalink } from '../../state/url-sync';
import type { DayWindow } from '../../time/window';
import { fmt, formatWindow, plural } from '../format';
import { useAppStore, useAppStoreApi } from '../store-context';
import { collect, download, loadUnparse } from './download';
import {
  CHUNK_ROWS,
  csvChunks,
  exportFileName,
  FORMULA_START,
  geojsonChunks,
  type ExportMeta,
} from './export';
import { IncidentGrid } from './incident-grid';
import { useSettled } from '../use-settled';

/** How long the window must rest before the table follows it. */
export const TABLE_SETTLE_MS = 150;

/** The drawer (rendered while open). */
export function TableDrawer() {
  const open = useAppStore((s) => s.tableOpen);
  const ready = useAppStore((s) => s.data !== null && s.window !== null);
  if (!open || !ready) return null;
  return <TableBody />;
}

/** Follows the window (each step re-renders only this); the table gets the settled window. */
function TableBody() {
  const window = useSettled(
    useAppStore((s) => s.window!),
    TABLE_SETTLE_MS,
  );
  return <TableContent window={window} />;
}

const TableContent = memo(function TableContent({ window }: { window: DayWindow }) {
  const table = useAppStore((s) => s.data!.incidents);
  const countries = useAppStore((s) => s.countryColumn);
  const filtered = useAppStore((s) => s.filtered);
  const sort = useAppStore((s) => s.tableSort);
  const setSort = useAppStore((s) => s.setTableSort);
  const selection = useAppStore((s) => s.selection);
  const select = useAppStore((s) => s.select);
  const setOpen = useAppStore((s) => s.setTableOpen);
  const rows = useMemo(
    () => tableRows(table, window, filtered?.mask ?? null, sort),
    [table, window, filtered, sort],
  );
  const selectedRow =
    selection?.kind === 'incident' ? (rowOfId(table, selection.id) ?? null) : null;
  const onPick = useCallback(
    (row: number) => select({ kind: 'incident', id: idAt(table, row) }, { fly: true }),
    [table, select],
  );
  const what = `${plural(rows.length, 'incident')} in ${formatWindow(window)}${filtered ? ', filtered' : ''}`;

  return (
    <section
      id="incident-table-drawer"
      className="table-drawer"
      aria-labelledby="table-title"
      data-testid="table-drawer"
    >
      <div className="table-head">
        <h2 id="table-title">
          Incidents{' '}
          <span className="table-count" data-testid="table-count">
            {what}
          </span>
        </h2>
        <ExportButtons rows={rows} window={window} />
        <button
          type="button"
          className="close-button"
          aria-label="Close table"
          onClick={() => {
            setOpen(false);
            document.querySelector<HTMLElement>('[aria-controls="incident-table-drawer"]')?.focus();
          }}
        >
          ×
        </button>
      </div>
      <IncidentGrid
        table={table}
        rows={rows}
        sort={sort}
        onSort={setSort}
        selectedRow={selectedRow}
        onPick={onPick}
        countries={countries}
        caption={`Incidents: ${what}. Select a row to show it on the map.`}
        emptyText={
          filtered
            ? 'No incidents in this window match the filters.'
            : 'No incidents in this window.'
        }
      />
    </section>
  );
});

/** Export buttons: CSV and GeoJSON of the rows shown, with the window, filters and permalink. */
function ExportButtons({ rows, window }: { rows: Uint32Array; window: DayWindow }) {
  const store = useAppStoreApi();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (kind: 'csv' | 'geojson') => {
    if (busy) return;
    setBusy(kind === 'csv' ? 'CSV…' : 'GeoJSON…');
    try {
      const s = store.getState();
      const table = s.data!.incidents;
      const meta: ExportMeta = {
        title: s.data!.dataset?.title ?? null,
        caveat: s.data!.dataset?.caveat ?? null,
        window,
        filters: s.filters,
        sort: s.tableSort,
        // The rows are those of the settled window: so is the link.
        permalink: permalink({ ...s, window }),
        exportedAt: new Date().toISOString(),
      };
      const expected = Math.ceil(rows.length / CHUNK_ROWS) + 2;
      const progress = (share: number) =>
        setBusy(`${kind === 'csv' ? 'CSV' : 'GeoJSON'} ${Math.round(share * 100)}%`);
      const blob =
        kind === 'csv'
          ? await collect(
              csvChunks(table, rows, meta, await loadUnparse(FORMULA_START)),
              'text/csv;charset=utf-8',
              expected,
              progress,
            )
          : await collect(
              geojsonChunks(table, rows, meta),
              'application/geo+json',
              expected,
              progress,
            );
      download(blob, exportFileName(window, kind));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="table-actions" role="group" aria-label="Export the rows shown">
      <button type="button" onClick={() => void run('csv')} disabled={busy !== null}>
        Export CSV
      </button>
      <button type="button" onClick={() => void run('geojson')} disabled={busy !== null}>
        Export GeoJSON
      </button>
      <span className="muted" aria-live="polite">
        {busy ? `Preparing ${busy}` : rows.length > 100_000 ? `${fmt(rows.length)} rows` : ''}
      </span>
    </div>
  );
}
