import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { previewCsv } from '../../src/data/csv-import';
import type { ColumnMapping, CsvFormat } from '../../src/data/csv-columns';
import { FetchJsonError } from '../../src/data/fetch-json';
import { mergeHere } from '../../src/data/merge-in-worker';
import { readIncidents } from '../../src/data/read-incidents';
import { initialSource, setDataSource } from '../../src/state/data-source';
import { ImportButton } from '../../src/ui/import/import-button';
import { MappingStep } from '../../src/ui/import/mapping-step';
import type { FileLoader } from '../../src/ui/import/run-import';
import { SourceBanner } from '../../src/ui/import/source-banner';
import { renderWithData } from './render';

const fixtureText = (name: string) =>
  readFileSync(path.resolve('tests/e2e/fixtures', name), 'utf8');
const fixture = (name: string) => new File([fixtureText(name)], name);

/** The real loader on this thread (jsdom's File has no stream(): its text is streamed instead). */
const realLoader: FileLoader = async (file, { name, onProgress, signal: _s, ...options }) =>
  readIncidents(
    new Response(await file.text()).body!,
    file.size,
    name ?? (file as File).name,
    onProgress,
    options,
  );

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
  setDataSource(initialSource());
});
afterEach(() => root.remove());

describe('the column-mapping step', () => {
  function renderStep(name: string) {
    const preview = previewCsv(fixtureText(name));
    const onChange = vi.fn<(m: ColumnMapping, f: CsvFormat) => void>();
    const view = render(
      <MappingStep
        preview={preview}
        fileName={name}
        mapping={preview.mapping}
        format={preview.format}
        onChange={onChange}
      />,
    );
    return { ...view, onChange, preview };
  }

  it('shows what was detected, the first rows as text and the detected mapping', () => {
    renderStep('import-baghdad.csv');
    expect(screen.getByText(/Detected:/).textContent).toBe(
      'Detected: CSV, separated by comma, 10 columns.',
    );
    const table = screen.getByRole('region', { name: 'First rows of import-baghdad.csv' });
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(within(table).getByText('Baghdad airport')).not.toBeNull();
    const lat = screen.getByRole('combobox', { name: 'Latitude (required)' }) as HTMLSelectElement;
    expect(lat.value).toBe('latitude');
    expect(lat.required).toBe(true);
    expect(lat.getAttribute('aria-invalid')).toBeNull();
    expect(
      (screen.getByRole('listbox', { name: 'Sources (links)' }) as HTMLSelectElement).value,
    ).toBe('source_url');
  });

  it('flags a required field with no column and passes a changed mapping on', () => {
    const { onChange, preview } = renderStep('import-no-lat.csv');
    const lat = screen.getByRole('combobox', { name: 'Latitude (required)' }) as HTMLSelectElement;
    expect(lat.value).toBe('');
    expect(lat.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(lat.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /^Missing: no column found/,
    );
    fireEvent.change(lat, { target: { value: 'north' } });
    expect(onChange).toHaveBeenCalledWith({ ...preview.mapping, latitude: 'north' }, 'generic');
  });

  it('reads an ACLED export as such: its event types are mapped, not chosen', () => {
    renderStep('import-acled.csv');
    expect(screen.getByText(/Detected:/).textContent).toMatch(/^Detected: ACLED export/);
    expect(screen.queryByRole('combobox', { name: 'Type' })).toBeNull();
    expect(screen.getByText(/From ACLED.s sub_event_type and actor1/)).not.toBeNull();
    expect(
      (screen.getByRole('combobox', { name: 'Date (required)' }) as HTMLSelectElement).value,
    ).toBe('event_date');
  });
});

describe('the import dialog', { timeout: 30_000 }, () => {
  async function openDialog(load: FileLoader) {
    const view = await renderWithData(
      <>
        <ImportButton load={load} merge={mergeHere} />
        <SourceBanner />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import data' }, { timeout: 15_000 });
    return { ...view, dialog };
  }
  const choose = async (dialog: HTMLElement, file: File) => {
    fireEvent.change(within(dialog).getByLabelText('Choose a file'), {
      target: { files: [file] },
    });
    await within(dialog).findByText(file.name);
  };

  it('is a modal dialog; Escape closes it and focus returns to the Import button', async () => {
    const { dialog } = await openDialog(realLoader);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await waitFor(() => expect(root.inert).toBe(true));
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Choose a file'));
    expect(
      (within(dialog).getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(root.inert).toBe(false);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import' })),
    );
  });

  it('imports a CSV: the data is replaced, the dialog closes, the banner names the file', async () => {
    const { dialog, store } = await openDialog(realLoader);
    await choose(dialog, fixture('import-baghdad.csv'));
    await within(dialog).findByText(/Detected:/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(store.getState().data!.incidents.length).toBe(4);
    expect(screen.getByRole('status', { name: 'Data source' }).textContent).toBe(
      'Showing data from import-baghdad.csv (local file, not shared by links).',
    );
  });

  it('shows progress with Cancel; cancelling keeps the data and says so', async () => {
    let progress: ((p: { phase: 'fetch'; loaded: number; total: number }) => void) | undefined;
    const load: FileLoader = (_file, { onProgress, signal }) =>
      new Promise((_resolve, reject) => {
        progress = onProgress;
        signal!.addEventListener('abort', () =>
          reject(new FetchJsonError('loading was cancelled')),
        );
      });
    const { dialog, store } = await openDialog(load);
    const data = store.getState().data;
    await choose(dialog, fixture('import-broken.geojson'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(progress).toBeDefined());
    act(() => progress!({ phase: 'fetch', loaded: 1_048_576, total: 4_194_304 }));
    expect(within(dialog).getByText('Reading 1.0 of 4.0 MB (25%)')).not.toBeNull();
    const bar = within(dialog).getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('value')).toBe('1048576');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    const outcome = await within(dialog).findByTestId('import-error');
    expect(outcome.getAttribute('role')).toBe('status');
    expect(outcome.textContent).toBe(
      'Cancelled. Import cancelled: import-broken.geojson was not loaded. The map still shows the previous data.',
    );
    expect(store.getState().data).toBe(data);
    expect(screen.queryByRole('status', { name: 'Data source' })).toBeNull();
  });

  it('a file the loader rejects: an alert names the file and the cause; nothing changes', async () => {
    const load: FileLoader = () =>
      Promise.reject(new FetchJsonError('is not valid JSON (the file ends too early)'));
    const { dialog, store } = await openDialog(load);
    const data = store.getState().data;
    await choose(dialog, new File(['{"type":'], 'cut.geojson'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(
      'Not imported. cut.geojson is not valid JSON (the file ends too early). The map still shows the previous data.',
    );
    expect(store.getState().data).toBe(data);
  });

  it('a GeoJSON with no valid rows lists its problems', async () => {
    const { dialog } = await openDialog(realLoader);
    await choose(dialog, fixture('import-broken.geojson'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getAllByRole('row')).toHaveLength(4);
    expect(within(alert).getByRole('button', { name: 'Download the list (CSV)' })).not.toBeNull();
  });
});
