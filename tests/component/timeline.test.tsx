import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/ui/timeline';
import { isoToDay } from '../../src/time/days';
import { renderWithData } from './render';

describe('Timeline', () => {
  it('writes out the window, the counts apart, and the caveat', async () => {
    await renderWithData(<Timeline />);
    expect(screen.getByTestId('window-label').textContent).toBe('17 Oct 2023 – 2 Feb 2024');
    expect(screen.getByTestId('window-counts').textContent).toBe(
      '4 attacks · 2 U.S. strikes · 3 U.S. killed · 46 injured',
    );
    expect(screen.getByText(/Documented sample/)).toBeTruthy();
  });

  it('exposes both handles as labelled ARIA sliders', async () => {
    await renderWithData(<Timeline />);
    const start = screen.getByRole('slider', { name: 'Start date' });
    const end = screen.getByRole('slider', { name: 'End date' });
    expect(start.getAttribute('aria-valuetext')).toBe('17 Oct 2023');
    expect(end.getAttribute('aria-valuetext')).toBe('2 Feb 2024');
    expect(end.getAttribute('aria-valuemax')).toBe(String(isoToDay('2024-02-02')));
  });

  it('moves the window with the keyboard and updates label and counts', async () => {
    const { store } = await renderWithData(<Timeline />);
    const end = screen.getByRole('slider', { name: 'End date' });
    act(() => {
      fireEvent.keyDown(end, { key: 'ArrowLeft' });
    });
    expect(screen.getByTestId('window-label').textContent).toBe('17 Oct 2023 – 1 Feb 2024');
    expect(screen.getByTestId('window-counts').textContent).toMatch(/^4 attacks · 0 U.S. strikes/);
    act(() => {
      fireEvent.keyDown(end, { key: 'ArrowLeft', shiftKey: true });
    });
    expect(store.getState().window!.end).toBe(isoToDay('2024-01-25'));
    expect(screen.getByTestId('window-counts').textContent).toMatch(/^3 attacks/);
    const start = screen.getByRole('slider', { name: 'Start date' });
    act(() => {
      fireEvent.keyDown(start, { key: 'End' });
    });
    expect(screen.getByTestId('window-label').textContent).toBe('25 Jan 2024');
    act(() => {
      fireEvent.keyDown(start, { key: 'ArrowRight' });
    });
    expect(store.getState().window).toEqual({
      start: isoToDay('2024-01-25'),
      end: isoToDay('2024-01-25'),
    });
  });

  it('records the scrub-start and scrub-end marks around a step', async () => {
    performance.clearMeasures();
    await renderWithData(<Timeline />);
    act(() => {
      fireEvent.keyDown(screen.getByRole('slider', { name: 'End date' }), { key: 'PageDown' });
    });
    expect(performance.getEntriesByName('scrub', 'measure')).toHaveLength(1);
  });
});
