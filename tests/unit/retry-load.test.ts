import { describe, expect, it } from 'vitest';
import { buildIncidentTable } from '../../src/data/incident-columns';
import { incidentsLoaderHere } from '../../src/data/incident-loader';
import { idAt, type IncidentTable } from '../../src/data/incident-table';
import { loadAll, type LoadedData } from '../../src/data/load-all';
import { failedFiles, retryFailed } from '../../src/data/retry-load';
import { initialSource, sourceAfterImport, sourceAfterRetry } from '../../src/state/data-source';
import {
  ALL_FILES,
  ALPHA,
  datasetFile,
  fakeFetch,
  incidentFeature,
  URLS,
} from '../fixtures/sample-data';

/** The sample files without some of them. */
const without = (...urls: string[]) =>
  Object.fromEntries(Object.entries(ALL_FILES).filter(([url]) => !urls.includes(url)));

const ids = (t: IncidentTable) => Array.from({ length: t.length }, (_, i) => idAt(t, i));

/** A fetch serving `files` that records what was asked of it. */
function recordingFetch(files: Record<string, unknown>) {
  const asked: string[] = [];
  const inner = fakeFetch(files);
  const fetchFn = (url: string) => {
    asked.push(url);
    return inner(url);
  };
  return { fetchFn, asked };
}

/** A local file's incidents, as an import would have put them on the map. */
const localTable = buildIncidentTable(
  {
    type: 'FeatureCollection',
    features: [
      incidentFeature('L1', '2024-03-01', 'rocket', ALPHA),
      incidentFeature('I1', '2024-03-02', 'drone', ALPHA),
    ],
  },
  'mine.csv',
).table;

const retryWith = (current: LoadedData, files: Record<string, unknown>) => {
  const { fetchFn, asked } = recordingFetch(files);
  const done = retryFailed(current, URLS, fetchFn, {
    loadIncidents: incidentsLoaderHere(fetchFn),
    localName: 'mine.csv',
  });
  return { done, asked };
};

describe('Retry after failed files', () => {
  it('fetches only the failed files and keeps imported incidents on the map', async () => {
    const loaded = await loadAll(URLS, fakeFetch(without('b.geojson', 'f.json')));
    expect(failedFiles(loaded, URLS)).toEqual(['bases', 'forces']);
    // The user then replaced the incidents with a local file.
    const imported: LoadedData = {
      ...loaded,
      incidents: localTable,
      issues: [{ file: 'mine.csv', index: 3, field: 'date', reason: 'bad', severity: 'error' }],
    };

    const { done, asked } = retryWith(imported, ALL_FILES);
    const { data, retried } = await done;
    expect(retried).toEqual(['bases', 'forces']);
    expect(asked.sort()).toEqual(['b.geojson', 'f.json']);
    expect(data.incidents).toBe(localTable);
    expect(data.bases.map((b) => b.id)).toEqual(['alpha', 'bravo', 'charlie']);
    expect(data.forces.countries.map((c) => c.iso3)).toEqual(['IRQ']);
    expect(data.failures).toEqual([]);
    expect(data.issues.filter((i) => i.file === 'mine.csv')).toHaveLength(1);
  });

  it('a file that fails again stays a failure; the others are put in place', async () => {
    const loaded = await loadAll(URLS, fakeFetch({ 'i.geojson': ALL_FILES['i.geojson'] }));
    const { done } = retryWith(loaded, { ...ALL_FILES, 'f.json': '{ not json' });
    const { data, dataset } = await done;
    expect(data.failures.map((f) => f.file)).toEqual(['f.json']);
    expect(data.failures[0]!.reason).toMatch(/not valid JSON/);
    expect(data.bases).toHaveLength(3);
    expect(dataset?.title).toBe(datasetFile.title);
    expect(data.dataset?.title).toBe(datasetFile.title);
    expect(data.incidents).toBe(loaded.incidents);
  });

  it('retried incidents come first and the ones added from a local file follow', async () => {
    const loaded = await loadAll(URLS, fakeFetch(without('i.geojson')));
    expect(failedFiles(loaded, URLS)).toEqual(['incidents']);
    // Add put the local file's incidents beside the (missing) page incidents.
    const added: LoadedData = { ...loaded, incidents: localTable };

    const { done, asked } = retryWith(added, ALL_FILES);
    const { data, localAdded } = await done;
    expect(asked).toEqual(['i.geojson']);
    expect(data.failures).toEqual([]);
    // I1 is in both: the page's own row is kept and the local one reported.
    expect(ids(data.incidents)).toEqual(['I1', 'I2', 'I6', 'I3', 'I4', 'I5', 'L1']);
    expect(localAdded).toBe(1);
    expect(data.issues).toContainEqual(
      expect.objectContaining({ file: 'mine.csv', field: 'id', severity: 'error' }),
    );

    // The banner's source now counts what the file still adds.
    const before = sourceAfterImport(initialSource(), 'mine.csv', 'add', 2, null);
    const after = sourceAfterRetry(before, { dataset: datasetFile, localAdded });
    expect(after).toMatchObject({ files: ['mine.csv'], added: 1, originDataset: datasetFile });
    expect(sourceAfterRetry(initialSource(), { localAdded: 5 })).toEqual(initialSource());
  });

  it('with nothing imported, a retried incidents file is the table', async () => {
    const loaded = await loadAll(URLS, fakeFetch(without('i.geojson')));
    const { done } = retryWith(loaded, ALL_FILES);
    const { data, localAdded } = await done;
    expect(ids(data.incidents)).toEqual(['I1', 'I2', 'I6', 'I3', 'I4', 'I5']);
    expect(localAdded).toBeUndefined();
    expect(data.bases).toBe(loaded.bases);
  });
});
