import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SidePanel } from '../../src/ui/panels/side-panel';
import { ErrorPanel, LoadReport } from '../../src/ui/status-panels';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, incidentFeature, incidentsFile, ALPHA } from '../fixtures/sample-data';
import { renderWithData } from './render';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('base panel', () => {
  it('shows the base, its status, and the attacks on it inside the window', async () => {
    const { store } = await renderWithData(<SidePanel />, {
      select: { kind: 'base', id: 'alpha' },
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Alpha Base');
    expect(screen.getByTestId('base-attack-count').textContent).toMatch(
      /^2 attacks on this base · 6 injured/,
    );
    expect(screen.getByText(/Inactive on 2 Feb 2024/)).toBeTruthy();
    expect(screen.getByText(/2,500 U.S. troops/)).toBeTruthy();
    act(() =>
      store.getState().setWindow({ start: isoToDay('2023-10-18')!, end: isoToDay('2023-12-01')! }),
    );
    expect(screen.getByTestId('base-attack-count').textContent).toMatch(/^1 attack on this base/);
    expect(screen.getByText(/Active on 1 Dec 2023/)).toBeTruthy();
  });

  it('selects an incident from its list and names a co-located base', async () => {
    const { store } = await renderWithData(<SidePanel />, {
      select: { kind: 'base', id: 'bravo' },
    });
    expect(screen.getByText(/Shares its map point with/).textContent).toMatch(/Charlie/);
    expect(screen.getByText(/350 U.S. troops/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /28 Jan 2024/ }));
    expect(store.getState().selection).toEqual({ kind: 'incident', id: 'I3' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('28 Jan 2024: Bravo');
  });

  it('closes with Escape and with the close button', async () => {
    const { store } = await renderWithData(<SidePanel />, {
      select: { kind: 'base', id: 'alpha' },
    });
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().selection).toBeNull();
    expect(screen.queryByTestId('side-panel')).toBeNull();
    act(() => store.getState().select({ kind: 'incident', id: 'I1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close panel' }));
    expect(screen.queryByTestId('side-panel')).toBeNull();
  });
});

describe('incident panel', () => {
  it('renders hostile data as text and links only http(s) sources', async () => {
    const files = {
      ...ALL_FILES,
      'i.geojson': {
        ...incidentsFile,
        features: [
          incidentFeature('H1', '2024-01-01', 'drone', ALPHA, {
            target: HOSTILE,
            description: HOSTILE,
            // A javascript: source would make the row invalid (the loader rejects it): the
            // panel still gets hostile text everywhere else.
            weapon: 'javascript:alert(1)',
            sources: ['https://example.org/real'],
          }),
        ],
      },
    };
    const { container } = await renderWithData(
      <SidePanel />,
      { select: { kind: 'incident', id: 'H1' } },
      files,
    );
    const panel = screen.getByTestId('side-panel');
    expect(panel.textContent).toContain(HOSTILE);
    expect(container.querySelector('img')).toBeNull();
    const links = within(panel).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/real']);
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
  });

  it('shows date, type, casualties, confidence and precision', async () => {
    await renderWithData(<SidePanel />, { select: { kind: 'incident', id: 'I6' } });
    const panel = screen.getByTestId('side-panel');
    expect(panel.textContent).toContain('10 Jan 2024: somewhere');
    expect(panel.textContent).toContain('not reported killed, not reported injured');
    expect(panel.textContent).toContain('no location (not on the map)');
    expect(panel.textContent).toMatch(/high: U\.S\. official/);
  });
});

describe('load report and error panel', () => {
  it('lists skipped rows with file, index, field and reason, and can be dismissed', async () => {
    const files = {
      ...ALL_FILES,
      'i.geojson': {
        ...incidentsFile,
        features: [...incidentsFile.features, incidentFeature('X', '2024-13-01', 'drone', ALPHA)],
      },
    };
    await renderWithData(<LoadReport />, {}, files);
    const report = screen.getByTestId('load-report');
    // Warnings: I6 has no location; the sample bases have no coord_precision.
    expect(report.textContent).toMatch(/1 row skipped, 4 warnings/);
    const row = within(report).getByText('date').closest('tr')!;
    expect(row.textContent).toContain('i.geojson');
    expect(row.textContent).toContain('6');
    expect(row.textContent).toMatch(/skipped: must be a calendar date/);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss load report' }));
    expect(screen.queryByTestId('load-report')).toBeNull();
  });

  it('names files that failed to load and retries on demand', async () => {
    const onRetry = vi.fn();
    await renderWithData(
      <ErrorPanel onRetry={onRetry} />,
      {},
      { ...ALL_FILES, 'f.json': undefined as never, 'i.geojson': '{' },
    );
    const panel = screen.getByTestId('error-panel');
    expect(panel.textContent).toMatch(/i\.geojson is not valid JSON/);
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
