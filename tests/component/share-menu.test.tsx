/** The Share menu: Copy link (clipboard, or a selected field when refused) and Cite this view. */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialSource, setDataSource, sourceAfterImport } from '../../src/state/data-source';
import { ShareMenu } from '../../src/ui/share/share-menu';
import { renderWithData } from './render';

afterEach(() => {
  vi.unstubAllGlobals();
  setDataSource(initialSource());
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

  it('says, in the menu and when copied, that the link opens without the local file', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await renderWithData(<ShareMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    // The default data alone: no warning.
    expect(screen.queryByTestId('share-local-note')).toBeNull();

    act(() =>
      setDataSource(sourceAfterImport(initialSource(), 'mine <b>x</b>.csv', 'replace', 3, null)),
    );
    const note = screen.getByTestId('share-local-note');
    expect(note.textContent).toBe(
      'This link shows the default data, not mine <b>x</b>.csv: a local file cannot be shared by a link.',
    );
    expect(note.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(`Link copied. ${note.textContent}`),
    );
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('data=local'));
  });

  it('names the incidents URL a link opens with, and added files as left out', async () => {
    history.replaceState(null, '', '/?incidents=https://data.example/i.geojson');
    await renderWithData(<ShareMenu />);
    act(() =>
      setDataSource(
        sourceAfterImport(
          initialSource({ incidents: 'https://data.example/i.geojson' }),
          'a.csv',
          'add',
          2,
          null,
        ),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect(screen.getByTestId('share-local-note').textContent).toBe(
      'This link shows the incidents from https://data.example/i.geojson without a.csv: a local file cannot be shared by a link.',
    );
    history.replaceState(null, '', '/');
  });
});
