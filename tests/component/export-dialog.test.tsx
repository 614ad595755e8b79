import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportButton } from '../../src/ui/export/export-button';
import type { OpenMap } from '../../src/ui/export/render';
import { renderWithData } from './render';

const openMap: OpenMap = vi.fn(async () => {
  throw new Error('no map in jsdom');
});

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
  // jsdom has no 2D canvas: say so quietly instead of logging "not implemented".
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  root.remove();
  vi.restoreAllMocks();
});

async function openDialog() {
  const view = await renderWithData(<ExportButton openMap={openMap} />);
  fireEvent.click(screen.getByRole('button', { name: 'Export' }));
  const dialog = await screen.findByRole('dialog', { name: 'Export' });
  return { ...view, dialog };
}

describe('Export dialog', () => {
  it('opens as a modal dialog with the title field focused, the dataset title and a length limit', async () => {
    const { dialog, store } = await openDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const title = within(dialog).getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
    expect(document.activeElement).toBe(title);
    expect(title.value).toBe('Test data');
    expect(title.maxLength).toBe(120);
    expect(root.inert).toBe(true);
    expect(store.getState().playing).toBe(false);
    for (const name of [/Slide, 1920 × 1080/, /Web, 1200 × 675/, /A4 landscape, 150 dpi/])
      expect(within(dialog).getByRole('radio', { name })).not.toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Download PNG' })).not.toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Print…' })).not.toBeNull();
  });

  it('pauses playback when it opens', async () => {
    const view = await renderWithData(<ExportButton openMap={openMap} />);
    act(() => view.store.getState().play());
    expect(view.store.getState().playing).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByRole('dialog');
    expect(view.store.getState().playing).toBe(false);
  });

  it('closes on Escape and on its close button, giving focus back to the Export button', async () => {
    const { dialog } = await openDialog();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(root.inert).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export' }));

    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const again = await screen.findByRole('dialog');
    fireEvent.click(within(again).getByRole('button', { name: 'Close export' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps Tab inside the dialog', async () => {
    const { dialog } = await openDialog();
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button, input, select')].filter(
      (el) => !(el as HTMLButtonElement).disabled,
    );
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('offers the current window for the video and tells how many frames it makes', async () => {
    const { dialog } = await openDialog();
    const from = within(dialog).getByLabelText('From') as HTMLInputElement;
    const to = within(dialog).getByLabelText('To') as HTMLInputElement;
    // The sample data's span: 17 Oct 2023 to 2 Feb 2024 (109 days).
    expect([from.value, to.value]).toEqual(['2023-10-17', '2024-02-02']);
    expect(dialog.textContent).toContain('109 frames, 10.9 s of video.');
    fireEvent.change(within(dialog).getByLabelText('Each frame'), { target: { value: '7' } });
    expect(dialog.textContent).toContain('17 frames, 1.7 s of video.');
    fireEvent.change(within(dialog).getByLabelText('Frame rate'), { target: { value: '5' } });
    expect(dialog.textContent).toContain('17 frames, 3.4 s of video.');
  });

  it('refuses dates outside the data or in the wrong order', async () => {
    const { dialog } = await openDialog();
    const record = within(dialog).getByRole('button', { name: 'Record video' });
    fireEvent.change(within(dialog).getByLabelText('From'), { target: { value: '2024-01-30' } });
    fireEvent.change(within(dialog).getByLabelText('To'), { target: { value: '2024-01-20' } });
    expect(dialog.textContent).toContain('The start must not be after the end.');
    expect((record as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('From'), { target: { value: '2020-01-01' } });
    expect(dialog.textContent).toContain('Dates must lie between 2023-10-17 and 2024-02-02.');
    expect((record as HTMLButtonElement).disabled).toBe(true);
  });

  it('reports a failed export in its status line and can be tried again', async () => {
    const { dialog } = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download PNG' }));
    const status = within(dialog).getByRole('status');
    await vi.waitFor(() => expect(status.textContent).toMatch(/^Export failed: /));
    expect(
      (within(dialog).getByRole('button', { name: 'Download PNG' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record video' }));
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        'Export failed: This browser cannot record video (no WebCodecs or MediaRecorder).',
      ),
    );
  });
});
