/**
 * Importing a local file: the real loader (on this thread) reads the e2e fixtures; replace and add
 * give the expected data, source and title; every failure leaves the store exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadIncidentsFromBlob } from '../../src/data/incident-loader';
import { idAt, incidentAt } from '../../src/data/incident-table';
import { loadAll } from '../../src/data/load-all';
import { FetchJsonError } from '../../src/data/fetch-json';
import {
  dataSource,
  describeSource,
  importedDataset,
  incidentFiles,
  initialSource,
  isLocalData,
  setDataSource,
  sourceAfterImport,
} from '../../src/state/data-source';
import { createAppStore } from '../../src/state/store';
import { ImportError, runImport, type FileLoader } from '../../src/ui/import/run-import';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, fakeFetch, URLS } from '../fixtures/sample-data';

const fixture = (name: string) =>
  new File([readFileSync(new URL(`../e2e/fixtures/${name}`, import.meta.url))], name);

/** The real loader, on this thread (the app runs the same code in a worker). */
const load: FileLoader = (file, { name, onProgress, signal: _s, ...options }) =>
  loadIncidentsFromBlob(file, name ?? (file as File).name, onProgress, options);

async function loadedStore() {
  const store = createAppStore({});
  store.getState().setData(await loadAll(URLS, fakeFetch(ALL_FILES)), {});
  return store;
}
const ids = (store: Awaited<ReturnType<typeof loadedStore>>) => {
  const t = store.getState().data!.incidents;
  return Array.from({ length: t.length }, (_, i) => idAt(t, i));
};

beforeEach(() => setDataSource(initialSource()));

describe('runImport', () => {
  it('replace: the file is the data, the window its span, the title and banner name it', async () => {
    const store = await loadedStore();
    const bases = store.getState().data!.bases;
    const summary = await runImport(
      store,
      { file: fixture('import-baghdad.csv'), mode: 'replace' },
      load,
    );
    expect(summary).toEqual({ file: 'import-baghdad.csv', added: 4, skipped: 1 });
    const s = store.getState();
    expect(ids(store)).toEqual(['BGD-1', 'BGD-2', 'BGD-3', 'BGD-4']);
    expect(incidentAt(s.data!.incidents, 3).type).toBe('us_strike');
    expect(s.data!.bases).toBe(bases);
    expect(s.window).toEqual({ start: isoToDay('2024-01-05'), end: isoToDay('2024-01-28') });
    expect(s.data!.dataset?.title).toBe('Imported data — import-baghdad.csv');
    expect(s.data!.dataset?.caveat).toBeNull();
    // The bases and the basemap are still the default ones: their credit stays.
    expect(s.data!.dataset?.attribution).toEqual(['Natural Earth']);
    expect(s.data!.annotations).toEqual([]);
    // The load report lists the file's rejected row.
    expect(
      s.data!.issues.some(
        (i) => i.file === 'import-baghdad.csv' && i.index === 6 && i.severity === 'error',
      ),
    ).toBe(true);
    expect(s.reportOpen).toBe(true);
    expect(describeSource(dataSource.getState())).toBe(
      'Showing data from import-baghdad.csv (local file, not shared by links).',
    );
    expect(isLocalData()).toBe(true);
  });

  it('add: merged beside the current incidents, clashing ids reported, title says "plus"', async () => {
    const store = await loadedStore();
    const before = ids(store);
    await runImport(store, { file: fixture('import-acled.csv'), mode: 'add' }, load);
    expect(ids(store).sort()).toEqual([...before, 'IRQ1001', 'IRQ1002', 'SYR2001'].sort());
    const s = store.getState();
    expect(s.data!.dataset?.title).toBe('Imported data — Test data plus import-acled.csv');
    expect(s.data!.dataset?.caveat).toMatch(/^Includes 3 incidents added from import-acled\.csv/);
    expect(describeSource(dataSource.getState())).toBe(
      'Default data plus import-acled.csv (local file, not shared by links).',
    );
    // ACLED types: a U.S. actor is a strike, missile/shelling is rocket, drone strike is drone.
    const t = s.data!.incidents;
    const typeOf = (id: string) => incidentAt(t, ids(store).indexOf(id)).type;
    expect([typeOf('IRQ1001'), typeOf('IRQ1002'), typeOf('SYR2001')]).toEqual([
      'us_strike',
      'rocket',
      'drone',
    ]);

    // The same file again adds nothing: refused, with the clashing ids listed; nothing changes.
    const data = s.data;
    const err = await runImport(store, { file: fixture('import-acled.csv'), mode: 'add' }, load)
      .then(() => null)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/added nothing: every one of its 3 incidents/);
    expect((err as ImportError).issues.map((i) => i.reason)).toContain(
      'duplicate id "IRQ1001" (already in the current data)',
    );
    expect(store.getState().data).toBe(data);
    // A second file added after the first: both named, the title does not stack.
    await runImport(store, { file: fixture('import-baghdad.csv'), mode: 'add' }, load);
    expect(store.getState().data!.dataset?.title).toBe(
      'Imported data — Test data plus import-acled.csv and import-baghdad.csv',
    );
  });

  it('a file without valid rows is refused with its problems; the data stays', async () => {
    const store = await loadedStore();
    const data = store.getState().data;
    const err = (await runImport(
      store,
      { file: fixture('import-broken.geojson'), mode: 'replace' },
      load,
    ).catch((e: unknown) => e)) as ImportError;
    expect(err.message).toBe(
      'import-broken.geojson has no valid incidents: 3 problems found (listed below).',
    );
    expect(err.issues.map((i) => i.field)).toEqual(['date', 'geometry.coordinates.0', 'type']);
    expect(store.getState().data).toBe(data);
    expect(dataSource.getState()).toEqual(initialSource());
  });

  it('an unreadable file and a cancelled load name the file and leave everything as it was', async () => {
    const store = await loadedStore();
    const data = store.getState().data;
    const truncated = (await runImport(
      store,
      {
        file: new File(['{"type": "FeatureCollection", "features": [{"type": "Fea'], 'cut.geojson'),
        mode: 'replace',
      },
      load,
    ).catch((e: unknown) => e)) as ImportError;
    expect(truncated.message).toMatch(/^cut\.geojson is not valid JSON \(/);
    const controller = new AbortController();
    controller.abort();
    const cancelling: FileLoader = () =>
      Promise.reject(new FetchJsonError('loading was cancelled'));
    const cancelled = (await runImport(
      store,
      { file: fixture('import-baghdad.csv'), mode: 'replace', signal: controller.signal },
      cancelling,
    ).catch((e: unknown) => e)) as ImportError;
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.message).toBe('Import cancelled: import-baghdad.csv was not loaded.');
    expect(store.getState().data).toBe(data);
  });

  it('a CSV with a chosen mapping loads with it', async () => {
    const store = await loadedStore();
    await runImport(
      store,
      {
        file: fixture('import-no-lat.csv'),
        mode: 'replace',
        mapping: {
          id: 'id',
          date: 'date',
          type: 'type',
          latitude: 'north',
          longitude: 'longitude',
        },
        format: 'generic',
      },
      load,
    );
    const t = store.getState().data!.incidents;
    expect(t.length).toBe(3);
    expect(incidentAt(t, 0).lat).toBeCloseTo(33.3);
  });
});

describe('data source', () => {
  it('names every file and what they replaced or joined', () => {
    const url = initialSource({ incidents: 'https://example.org/x.geojson' });
    const added = sourceAfterImport(url, 'a.csv', 'add', 3, null);
    expect(describeSource(added)).toBe(
      'Showing incidents from https://example.org/x.geojson plus a.csv (local file, not shared by links).',
    );
    const two = sourceAfterImport(added, 'b.geojson', 'add', 2, null);
    expect(describeSource(two)).toBe(
      'Showing incidents from https://example.org/x.geojson plus a.csv and b.geojson (local files, not shared by links).',
    );
    expect(importedDataset(two).title).toBe(
      'Imported data — https://example.org/x.geojson plus a.csv and b.geojson',
    );
    expect(importedDataset(two).caveat).toMatch(
      /^Includes 5 incidents added from a\.csv and b\.geojson/,
    );
    const replaced = sourceAfterImport(two, 'c.csv', 'replace', 9, null);
    expect(describeSource(replaced)).toBe(
      'Showing data from c.csv (local file, not shared by links).',
    );
    expect(incidentFiles(two, 'data/incidents.geojson')).toEqual([
      'x.geojson',
      'a.csv',
      'b.geojson',
    ]);
    expect(incidentFiles(replaced, 'data/incidents.geojson')).toEqual(['c.csv']);
    expect(incidentFiles(initialSource(), 'data/incidents.geojson')).toEqual(['incidents.geojson']);
  });

  it('names URL data and says nothing for the default', () => {
    expect(describeSource(initialSource())).toBeNull();
    expect(describeSource(initialSource({ incidents: 'https://example.org/x.geojson' }))).toBe(
      'Showing incidents from https://example.org/x.geojson.',
    );
    expect(describeSource(initialSource({ bases: 'b.geojson', forces: 'f.json' }))).toBe(
      'Bases from b.geojson. Force levels from f.json.',
    );
  });
});
