import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSource, setDataSource, sourceAfterImport } from '../../src/state/data-source';
import { EmbedButton } from '../../src/ui/embed/embed-button';
import { isoToDay } from '../../src/time/days';
import { renderWithData } from './render';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
  history.replaceState(null, '', '/map/?from=2023-11-01&to=2023-11-30&theme=dark#map=5/33/42');
});
afterEach(() => {
  root.remove();
  setDataSource(initialSource());
});

async function openDialog() {
  const view = await renderWithData(<EmbedButton />, {
    from: isoToDay('2023-11-01')!,
    to: isoToDay('2023-11-30')!,
  });
  fireEvent.click(screen.getByRole('button', { name: 'Embed' }));
  const dialog = await screen.findByRole('dialog', { name: 'Embed this map' }, { timeout: 15_000 });
  const code = () => (within(dialog).getByTestId('embed-code') as HTMLTextAreaElement).value;
  /** The iframe src in the code, decoded. */
  const src = () => new URL(/src="([^"]+)"/.exec(code())![1]!.replace(/&amp;/g, '&'));
  return { ...view, dialog, code, src };
}

describe('Embed dialog', { timeout: 30_000 }, () => {
  it('builds responsive 16:9 code for the current view, with title and lazy loading', async () => {
    const { dialog, code, src } = await openDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // Passive effects of a lazy dialog may run just after it appears.
    await waitFor(() => expect(root.inert).toBe(true));
    expect(code()).toMatch(
      /^<div style="position:relative;width:100%;height:0;padding-top:56.25%">/,
    );
    expect(code()).toContain('title="Test data"');
    expect(code()).toContain('loading="lazy"');
    expect(code()).not.toMatch(/<script|javascript:/i);
    const url = src();
    expect(url.pathname).toBe('/map/');
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('from')).toBe('2023-11-01');
    expect(url.searchParams.get('to')).toBe('2023-11-30');
    // The dialog starts from the page's theme preference (light here, the default, so left out:
    // the page URL's own theme=dark is replaced); timeline controls are the default.
    expect(url.searchParams.has('theme')).toBe(false);
    expect(url.searchParams.has('controls')).toBe(false);
    expect(url.hash).toBe('#map=5/33/42');
  });

  it('changes the code with each preset and option', async () => {
    const { dialog, code, src } = await openDialog();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Responsive 4:3' }));
    expect(code()).toContain('padding-top:75%');

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Fixed size' }));
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Width' }), {
      target: { value: '640' },
    });
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Height' }), {
      target: { value: '99999' },
    });
    expect(code()).toMatch(/^<iframe src="[^"]+" title="Test data" loading="lazy"/);
    expect(code()).toContain('width="640" height="4000"');

    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Controls' }), {
      target: { value: 'none' },
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Theme' }), {
      target: { value: 'dark' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Play on load/ }));
    const origin = within(dialog).getByRole('textbox', { name: /Host page origin/ });
    fireEvent.change(origin, { target: { value: 'https://news.example.org' } });
    let url = src();
    expect(url.searchParams.get('controls')).toBe('none');
    expect(url.searchParams.get('theme')).toBe('dark');
    expect(url.searchParams.get('autoplay')).toBe('1');
    expect(url.searchParams.get('origin')).toBe('https://news.example.org');

    // A malformed origin is refused (said so) and left out.
    fireEvent.change(origin, { target: { value: 'news.example.org/page' } });
    expect(origin.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText(/Not an origin/)).not.toBeNull();
    url = src();
    expect(url.searchParams.has('origin')).toBe(false);

    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Controls' }), {
      target: { value: 'time' },
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Theme' }), {
      target: { value: 'light' },
    });
    expect(src().searchParams.has('controls')).toBe(false);
    expect(src().searchParams.has('theme')).toBe(false);

    // No story is open: none is presented unless asked for, then the default one from step 1.
    const story = within(dialog).getByRole('checkbox', { name: /Present the story/ });
    expect((story as HTMLInputElement).checked).toBe(false);
    expect(src().searchParams.has('story')).toBe(false);
    fireEvent.click(story);
    expect(src().searchParams.get('story')).toBe('campaign');
    expect(src().searchParams.has('step')).toBe(false);
  });

  it('shows a preview of the embed and closes on Escape', async () => {
    const { dialog, src } = await openDialog();
    const preview = within(dialog).getByTitle('Preview: Test data') as HTMLIFrameElement;
    expect(preview.src).toBe(src().toString());
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(root.inert).toBe(false);
  });

  it('warns, as text, that the embed shows the default data and not the local file', async () => {
    setDataSource(
      sourceAfterImport(
        sourceAfterImport(initialSource(), 'a.csv', 'replace', 2, null),
        'b.csv',
        'add',
        1,
        null,
      ),
    );
    const { dialog, code } = await openDialog();
    const note = within(dialog).getByTestId('embed-local-note');
    // The frame is not titled after the local file it will not show.
    expect(code()).toContain('title="Incident map"');
    expect(note.textContent).toBe(
      'This embed shows the default data, not a.csv and b.csv: local files cannot be embedded.',
    );
    act(() => setDataSource(initialSource()));
    expect(within(dialog).queryByTestId('embed-local-note')).toBeNull();
  });
});
