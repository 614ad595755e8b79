/**
 * The incident table drawer: a real table with headers and sort state, rows of the window and the
 * filters, selection both ways, keyboard use, virtualization at scale, hostile text as text, and
 * the CSV export of what it shows.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoToDay } from '../../src/time/days';
import { TableDrawer } from '../../src/ui/table/table-drawer';
import { ALL_FILES, ALPHA, incidentFeature, incidentsFile } from '../fixtures/sample-data';
import { renderWithData } from './render';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** The ids of the rendered body rows, in order. */
const ids = () =>
  [...document.querySelectorAll<HTMLElement>('tbody tr[data-id]')].map((r) => r.dataset.id);

afterEach(() => vi.restoreAllMocks());

describe('incident table', () => {
  it('is a table with column headers, the sort state and one row per incident in the window', async () => {
    await renderWithData(<TableDrawer />, { table: true });
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent?.replace(/[▲▼]/g, '').trim())).toEqual([
      'Date',
      'Type',
      'Target',
      'Country',
      'Claimed by',
      'U.S. killed / injured',
      'Confidence',
    ]);
    expect(headers[0]!.getAttribute('aria-sort')).toBe('ascending');
    expect(headers[2]!.getAttribute('aria-sort')).toBe('none');
    expect(table.getAttribute('aria-rowcount')).toBe('7');
    expect(ids()).toEqual(['I1', 'I2', 'I6', 'I3', 'I4', 'I5']);
    expect(screen.getByTestId('table-count').textContent).toBe(
      '6 incidents in 17 Oct 2023 – 2 Feb 2024',
    );
    const i6 = document.querySelector('tr[data-id="I6"]')!;
    expect(i6.textContent).toContain('(no location)');
    expect(within(table).getAllByRole('row')[1]!.getAttribute('aria-rowindex')).toBe('2');
  });

  it('sorts by a column header, and back the other way', async () => {
    const { store } = await renderWithData(<TableDrawer />, { table: true });
    fireEvent.click(screen.getByRole('button', { name: /Target/ }));
    expect(store.getState().tableSort).toEqual({ key: 'target', desc: false });
    expect(screen.getByRole('columnheader', { name: /Target/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(ids()).toEqual(['I4', 'I5', 'I1', 'I2', 'I3', 'I6']);
    fireEvent.click(screen.getByRole('button', { name: /Target/ }));
    expect(ids()).toEqual(['I6', 'I3', 'I2', 'I1', 'I5', 'I4']);
    fireEvent.click(screen.getByRole('button', { name: /killed/ }));
    expect(store.getState().tableSort).toEqual({ key: 'casualties', desc: true });
    expect(ids().slice(0, 3)).toEqual(['I3', 'I1', 'I2']);
  });

  it('follows the filters and the window once it settles', async () => {
    const { store } = await renderWithData(<TableDrawer />, { table: true, types: ['us_strike'] });
    expect(ids()).toEqual(['I4', 'I5']);
    expect(screen.getByTestId('table-count').textContent).toMatch(/^2 incidents in .*, filtered$/);
    act(() => store.getState().clearFilters());
    expect(ids()).toHaveLength(6);
    act(() =>
      store.getState().setWindow({ start: isoToDay('2023-10-17')!, end: isoToDay('2023-10-31')! }),
    );
    await waitFor(() => expect(ids()).toEqual(['I1', 'I2']));
    act(() => store.getState().setFilters({ types: ['missile'] }));
    expect(ids()).toEqual([]);
    expect(screen.getByText('No incidents in this window match the filters.')).toBeTruthy();
  });

  it('selects and flies to the incident of a clicked row; a map selection highlights its row', async () => {
    const { store } = await renderWithData(<TableDrawer />, { table: true });
    fireEvent.click(screen.getByText('Abu Kamal'));
    expect(store.getState().selection).toEqual({ kind: 'incident', id: 'I4' });
    expect(store.getState().flyTo).toEqual({ kind: 'incident', id: 'I4' });
    const row = document.querySelector('tr[data-id="I4"]')!;
    expect(row.getAttribute('aria-current')).toBe('true');
    act(() => store.getState().select({ kind: 'incident', id: 'I2' }));
    expect(document.querySelector('tr[data-id="I2"]')!.getAttribute('aria-current')).toBe('true');
    expect(row.getAttribute('aria-current')).toBeNull();
  });

  it('moves between rows with the keyboard and selects with Enter', async () => {
    const { store } = await renderWithData(<TableDrawer />, { table: true });
    const rows = () => [...document.querySelectorAll<HTMLElement>('tbody tr[data-id]')];
    expect(rows().filter((r) => r.tabIndex === 0)).toHaveLength(1);
    rows()[0]!.focus();
    fireEvent.keyDown(rows()[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows()[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('I5');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(store.getState().selection).toEqual({ kind: 'incident', id: 'I5' });
    expect(
      rows()
        .filter((r) => r.tabIndex === 0)
        .map((r) => r.dataset.id),
    ).toEqual(['I5']);
  });

  it('renders only the rows in view of a large window, and others as it scrolls', async () => {
    const features = Array.from({ length: 5000 }, (_, i) =>
      incidentFeature(`B${String(i).padStart(4, '0')}`, '2024-01-01', 'drone', ALPHA),
    );
    const files = { ...ALL_FILES, 'i.geojson': { ...incidentsFile, features } };
    await renderWithData(<TableDrawer />, { table: true }, files);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('5001');
    const shown = ids();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0]).toBe('B0000');
    const scroller = screen.getByTestId('table-scroll');
    scroller.scrollTop = 30 * 2500;
    fireEvent.scroll(scroller);
    const after = ids();
    expect(after.length).toBeLessThan(40);
    expect(after).toContain('B2500');
    expect(after).not.toContain('B0000');
  });

  it('renders hostile text from the data as text', async () => {
    const files = {
      ...ALL_FILES,
      'i.geojson': {
        ...incidentsFile,
        features: [incidentFeature('H1', '2024-01-01', 'drone', ALPHA, { target: HOSTILE })],
      },
    };
    const { container } = await renderWithData(<TableDrawer />, { table: true }, files);
    expect(screen.getByRole('table').textContent).toContain(HOSTILE);
    expect(container.querySelector('img')).toBeNull();
  });

  it('exports the rows it shows as CSV, with the window, filters and permalink', async () => {
    let saved: Blob | null = null;
    let name = '';
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      name = this.download;
    });
    await renderWithData(<TableDrawer />, {
      table: true,
      types: ['drone', 'us_strike'],
      sort: { key: 'date', desc: true },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).not.toBeNull());
    expect(name).toBe('incidents-2023-10-17-to-2024-02-02.csv');
    const text = await saved!.text();
    const lines = text.split('\r\n');
    expect(lines).toContain('# Filters: types=drone,us_strike');
    expect(lines).toContain('# Order: date descending');
    const link = lines.find((l) => l.startsWith('# Permalink: '))!.slice('# Permalink: '.length);
    const params = new URL(link).searchParams;
    expect(params.get('types')).toBe('drone,us_strike');
    expect(params.get('sort')).toBe('-date');
    expect(params.get('table')).toBe('1');
    const body = lines.filter((l) => !l.startsWith('#')).join('\n');
    const records = Papa.parse<string[]>(body.trim()).data;
    expect(records.slice(1).map((r) => r[0])).toEqual(['I5', 'I4', 'I3', 'I1']);
  });
});
