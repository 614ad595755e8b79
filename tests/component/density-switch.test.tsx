import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Legend } from '../../src/ui/legend';
import { renderWithData } from './render';

describe('Legend: points or density', () => {
  it('switches incidents between points and a heatmap, with a key for each', async () => {
    const { store } = await renderWithData(<Legend />);
    const points = screen.getByRole('radio', { name: 'points' });
    const density = screen.getByRole('radio', { name: 'density' });
    expect((points as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('town-level or approximate')).not.toBeNull();
    // Small data: no suggestion.
    expect(screen.queryByRole('button', { name: 'Show density' })).toBeNull();

    fireEvent.click(density);
    expect(store.getState().layers.density).toBe(true);
    expect((density as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('more incidents')).not.toBeNull();
    expect(screen.queryByText('town-level or approximate')).toBeNull();

    fireEvent.click(points);
    expect(store.getState().layers.density).toBe(false);
  });

  it('suggests the density view when many points overlap', async () => {
    const { store } = await renderWithData(<Legend />);
    const derived = store.getState().derived!;
    act(() =>
      store.setState({
        derived: { ...derived, spatial: { ...derived.spatial, rowOf: new Uint32Array(250_000) } },
      }),
    );
    expect(screen.getByRole('note').textContent).toContain(
      '250,000 located incidents: points overlap at this scale.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show density' }));
    expect(store.getState().layers.density).toBe(true);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
