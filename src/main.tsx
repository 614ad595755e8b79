/** Entry: read the URL into the initial state, mount the app, load the data. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { hasWebGl2 } from './app/webgl';
import { DEFAULT_DATA_URLS, loadAll, type DataUrls, type LoadedData } from './data/load-all';
import { mergeInWorker } from './data/merge-in-worker';
import { retryFailed, type RetryOptions } from './data/retry-load';
import { loadIncidentsInWorker } from './data/worker-loader';
import {
  dataSource,
  importedDataset,
  initialSource,
  setDataSource,
  sourceAfterRetry,
  type DataSource,
} from './state/data-source';
import { createAppStore } from './state/store';
import { parseUrl } from './state/url-schema';
import { startUrlSync } from './state/url-sync';
import { themeStore } from './state/theme';
import { startBridge } from './embed/bridge';
import { loadEmbedOrigins } from './embed/embed-config';
import { StoreContext } from './ui/store-context';
import './ui/styles.css';

const { state: urlState, view: viewOptions, notices } = parseUrl(location.search);
if (urlState.data === 'local')
  notices.push(
    'This link was made with data from a local file, which links cannot carry: the map shows the data it can load.',
  );
const store = createAppStore(urlState, notices);
// The banner names any data other than the default; imports update this (src/ui/import).
setDataSource(initialSource(urlState));
// The theme (and, through url-sync, `theme=` in the address) follows the header switch.
themeStore(viewOptions.theme);

// Other incident data brings its own metadata or none: the default caveat never labels it.
const urls: DataUrls = {
  incidents: urlState.incidents ?? DEFAULT_DATA_URLS.incidents,
  bases: urlState.bases ?? DEFAULT_DATA_URLS.bases,
  forces: urlState.forces ?? DEFAULT_DATA_URLS.forces,
  dataset: urlState.incidents ? null : DEFAULT_DATA_URLS.dataset,
};

let loading: AbortController | null = null;

/**
 * Retry: only the files that failed are fetched again; the rest of the data on the map stays,
 * incidents imported from a local file included (Retry used to reload everything and drop them).
 */
async function retry(
  current: LoadedData,
  options: RetryOptions,
): Promise<{ data: LoadedData; source: DataSource } | null> {
  const before = dataSource.getState();
  const result = await retryFailed(current, urls, (url, init) => fetch(url, init), {
    ...options,
    merge: mergeInWorker,
    localName: before.files.join(', '),
  });
  // An import applied meanwhile: retry again on top of it rather than drop it.
  if (store.getState().data !== current) return null;
  const source = sourceAfterRetry(before, result);
  // Local data is never shown under the origin's own title (data-source.ts).
  const data = source.files.length
    ? { ...result.data, dataset: importedDataset(source) }
    : result.data;
  return { data, source };
}

async function load(): Promise<void> {
  loading?.abort();
  const controller = (loading = new AbortController());
  const shown = store.getState().data;
  store.getState().setLoading();
  const options: RetryOptions = {
    loadIncidents: loadIncidentsInWorker,
    onProgress: (p) => store.getState().setProgress(p),
    signal: controller.signal,
  };
  let data: LoadedData;
  let source = initialSource(urlState);
  if (shown?.failures.length) {
    const retried = await retry(shown, options);
    if (controller !== loading) return;
    if (!retried) return void load();
    ({ data, source } = retried);
  } else {
    // The init carries the abort signal, so a request that times out is stopped, not abandoned.
    data = await loadAll(urls, (url, init) => fetch(url, init), options);
  }
  if (controller !== loading) return;
  performance.mark('incidents-loaded');
  // Phase timings for the benchmark (npm run bench) and anyone profiling a big file.
  (window as unknown as { __incidentLoadTimes?: unknown }).__incidentLoadTimes = data.timings;
  const current = store.getState();
  // A retry keeps the window and selection the user has now.
  const view = current.window
    ? { ...urlState, from: current.window.start, to: current.window.end }
    : urlState;
  current.setData(data, view);
  setDataSource(source);
  // Parsed, validated, indexed and handed to the layer (the benchmark's ready_ms ends here).
  if (data.failures.every((f) => f.url !== urls.incidents)) performance.mark('incidents-ready');
  if (viewOptions.autoplay) {
    // Refused under prefers-reduced-motion (the store checks); read it now rather than rely on
    // the timeline's hook having run.
    const reduced = matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    store.getState().setReducedMotion(reduced);
    store.getState().play({ auto: true });
  }
}

startUrlSync(store, {
  incidents: urlState.incidents,
  bases: urlState.bases,
  forces: urlState.forces,
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App
        webgl={hasWebGl2()}
        view={viewOptions}
        onRetry={() => void load()}
        onCancel={() => loading?.abort()}
      />
    </StoreContext.Provider>
  </StrictMode>,
);

void load();

// The postMessage API for host pages, when the map is in a frame: allowed origins are those of
// embed-config.json and of `origin=`. The bridge listens from now on (a host's first command often
// comes from the frame's load event) and holds messages until the config has been read.
if (window.parent !== window) {
  startBridge(store, {
    origins: loadEmbedOrigins().then((configured) => [
      ...new Set([...configured, ...viewOptions.origins]),
    ]),
  });
}
