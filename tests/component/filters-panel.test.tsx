/**
 * The filters panel with the timeline: ticking values, the search (applied after a pause, or on
 * Enter), the casualties switch and Clear all change the counts line, the summary and the store.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FiltersPanel } from '../../src/ui/filters/filters-panel';
import { SEARCH_DEBOUNCE_MS } from '../../src/ui/filters/search-box';
import { SidePanel } from '../../src/ui/panels/side-panel';
import { Timeline } from '../../src/ui/timeline';
import { renderWithData } from './render';

const counts = () => screen.getByTestId('window-counts').textContent;

async function open(url = {}) {
  const view = await renderWithData(
    <>
      <FiltersPanel />
      <Timeline />
    </>,
    url,
  );
  act(() => view.store.getState().setFiltersOpen(true));
  return view;
}

afterEach(() => vi.useRealTimers());

describe('filters panel', () => {
  it('narrows the counts to the ticked types and names the filter under them', async () => {
    const { store } = await open();
    expect(counts()).toBe('4 attacks · 2 U.S. strikes · 3 U.S. killed · 46 injured');
    const types = screen.getByRole('group', { name: /Type/ });
    fireEvent.click(within(types).getByRole('checkbox', { name: /Drone/ }));
    expect(store.getState().filters.types).toEqual(['drone']);
    expect(counts()).toBe('2 attacks · 0 U.S. strikes · 3 U.S. killed · 44 injured');
    expect(screen.getByTestId('filter-summary').textContent).toMatch(/Type: Drone/);
    expect(screen.getByTestId('filters-match').textContent).toBe(
      '2 of 6 incidents match (all dates)',
    );
    fireEvent.click(within(types).getByRole('checkbox', { name: /U.S. strike/ }));
    expect(counts()).toMatch(/^2 attacks · 2 U.S. strikes/);
    fireEvent.click(within(types).getByRole('checkbox', { name: /Drone/ }));
    expect(counts()).toMatch(/^0 attacks · 2 U.S. strikes/);
  });

  it('lists the groups and countries in the data, and filters by them and by casualties', async () => {
    const { store } = await open();
    const groups = screen.getByRole('group', { name: /Claimed by/ });
    expect(within(groups).getAllByRole('checkbox')).toHaveLength(1);
    const countries = screen.getByRole('group', { name: /Country/ });
    fireEvent.click(within(countries).getByRole('checkbox', { name: /Iraq/ }));
    expect(store.getState().filters.countries).toEqual(['Iraq']);
    fireEvent.click(screen.getByRole('checkbox', { name: /Only incidents with U.S. killed/ }));
    expect(counts()).toBe('3 attacks · 0 U.S. strikes · 3 U.S. killed · 46 injured');
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(store.getState().filtered).toBeNull();
    expect(screen.queryByTestId('filter-summary')).toBeNull();
    expect(screen.getByRole('button', { name: 'Clear all' })).toHaveProperty('disabled', true);
  });

  it('searches after a pause in typing, or at once on Enter', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { store } = await open();
    const box = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: 'abu' } });
    expect(store.getState().filters.q).toBe('');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10));
    expect(store.getState().filters.q).toBe('abu');
    expect(counts()).toMatch(/^0 attacks · 1 U.S. strike /);
    fireEvent.change(box, { target: { value: '  bravo ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(store.getState().filters.q).toBe('bravo');
    expect(counts()).toMatch(/^1 attack · 0 U.S. strikes/);
    // Clearing elsewhere empties the field.
    act(() => store.getState().clearFilters());
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('closes with Escape and with its close button', async () => {
    const { store } = await open();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().filtersOpen).toBe(false);
    expect(screen.queryByTestId('filters-panel')).toBeNull();
    act(() => store.getState().setFiltersOpen(true));
    fireEvent.click(screen.getByRole('button', { name: 'Close filters' }));
    expect(screen.queryByTestId('filters-panel')).toBeNull();
  });
});

describe('panels under filters', () => {
  it('count only the incidents that pass, and say an incident is hidden', async () => {
    const { store } = await renderWithData(<SidePanel />, {
      select: { kind: 'base', id: 'alpha' },
      types: ['rocket'],
    });
    expect(screen.getByTestId('base-attack-count').textContent).toMatch(/^1 attack on this base/);
    expect(screen.getByTestId('filtered-note').textContent).toBe('Filtered: Type: Rocket');
    act(() => store.getState().clearFilters());
    expect(screen.getByTestId('base-attack-count').textContent).toMatch(/^2 attacks on this base/);
    act(() => store.getState().setFilters({ types: ['us_strike'] }));
    act(() => store.getState().select({ kind: 'incident', id: 'I1' }));
    expect(screen.getByTestId('hidden-by-filters')).toBeTruthy();
  });

  it('rank bases by the incidents that pass', async () => {
    const { store } = await renderWithData(<SidePanel />, { types: ['rocket'] });
    act(() => store.getState().setCompareOpen(true));
    const rows = within(screen.getByTestId('rank-table')).getAllByRole('row').slice(1);
    const alpha = rows.find((r) => r.textContent?.includes('Alpha Base'))!;
    expect(within(alpha).getAllByRole('cell')[2]!.textContent).toBe('1');
    const bravo = rows.find((r) => r.textContent?.includes('Bravo'))!;
    expect(within(bravo).getAllByRole('cell')[2]!.textContent).toBe('0');
  });
});
