import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { LoadingStatus } from '../../src/ui/status-panels';
import { StoreContext } from '../../src/ui/store-context';

describe('LoadingStatus', () => {
  it('shows the phase and bytes received while loading, with a working Cancel', () => {
    const store = createAppStore({});
    const onCancel = vi.fn();
    render(
      <StoreContext.Provider value={store}>
        <LoadingStatus onCancel={onCancel} />
      </StoreContext.Provider>,
    );
    expect(screen.queryByTestId('loading-status')).toBeNull();
    act(() =>
      store.getState().setProgress({ phase: 'fetch', loaded: 3 * 2 ** 20, total: 12 * 2 ** 20 }),
    );
    expect(screen.getByTestId('loading-status').textContent).toMatch(
      /Downloading incidents: 3\.0 of 12\.0 MB/,
    );
    act(() => store.getState().setProgress({ phase: 'validate', loaded: 0, total: null }));
    expect(screen.getByTestId('loading-status').textContent).toMatch(
      /Checking and indexing incidents/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
