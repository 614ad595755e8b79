import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Chooser } from '../../src/ui/map-overlays';
import { SidePanel } from '../../src/ui/panels/side-panel';
import { renderWithData } from './render';

describe('Chooser', () => {
  it('lists every base and incident under a click and opens the one picked', async () => {
    const { store } = await renderWithData(<Chooser />);
    act(() =>
      store.getState().setChooser({
        x: 100,
        y: 100,
        width: 800,
        height: 600,
        more: 0,
        items: [
          { kind: 'base', id: 'alpha' },
          { kind: 'incident', id: 'I1' },
          { kind: 'incident', id: 'I2' },
        ],
      }),
    );
    const buttons = screen
      .getAllByRole('button')
      .filter((b) => b.className.includes('chooser-item'));
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Base: Alpha Base',
      '17 Oct 2023 · Drone · Alpha Base',
      '18 Oct 2023 · Rocket · Alpha Base',
    ]);
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.click(buttons[2]!);
    expect(store.getState().selection).toEqual({ kind: 'incident', id: 'I2' });
    expect(screen.queryByTestId('chooser')).toBeNull();
  });

  it('closes with Escape without closing the open panel', async () => {
    const { store } = await renderWithData(
      <>
        <SidePanel />
        <Chooser />
      </>,
      { select: { kind: 'base', id: 'alpha' } },
    );
    act(() =>
      store.getState().setChooser({
        x: 1,
        y: 1,
        width: 800,
        height: 600,
        more: 0,
        items: [
          { kind: 'base', id: 'bravo' },
          { kind: 'base', id: 'charlie' },
        ],
      }),
    );
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('chooser')).toBeNull();
    expect(screen.getByTestId('side-panel')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('side-panel')).toBeNull();
  });
});
