/** The Share menu: Copy link (clipboard, or a selected field when refused) and Cite this view. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareMenu } from '../../src/ui/share/share-menu';
import { renderWithData } from './render';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ShareMenu', () => {
  it('copies the permalink and says so in a live region', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await renderWithData(<ShareMenu />, { types: ['drone'] });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Link copied'));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('types=drone'));
  });

  it('shows the link in a selected read-only field when the clipboard is refused', async () => {
    const writeText = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await renderWithData(<ShareMenu />, { q: 'tower' });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByLabelText<HTMLInputElement>('Link to this view');
    expect(field.readOnly).toBe(true);
    expect(field.value).toContain('q=tower');
    expect(screen.getByRole('status').textContent).toMatch(/clipboard was refused/);
  });

  it('opens the citation with the dataset title and the permalink, as text', async () => {
    await renderWithData(<ShareMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cite this view' }));
    const text = screen.getByLabelText<HTMLTextAreaElement>('Citation').value;
    expect(text).toMatch(
      /^Test data\. Dataset as of 1 October 2024\. View: 17 Oct 2023 – 2 Feb 2024/,
    );
    expect(text).toContain('from=2023-10-17&to=2024-02-02');
    expect(screen.getByLabelText<HTMLTextAreaElement>('BibTeX').value).toMatch(/^@misc\{/);
    fireEvent.click(screen.getByRole('button', { name: 'Close citation' }));
    expect(screen.queryByTestId('cite-dialog')).toBeNull();
  });
});
