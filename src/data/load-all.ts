/**
 * Loads the four data files independently: a file that fails is reported as a failure and the
 * others still load. Rows that fail validation are reported and skipped.
 */
import { fetchJson, type FetchLike, type FetchOptions } from './fetch-json';
import { emptyIncidentTable } from './incident-columns';
import type { IncidentTable } from './incident-table';
import { indexesFromWire, type IncidentIndexes } from './incident-indexes';
import type { IncidentPoints } from '../map/incident-points';
import type { IncidentsLoader, IncidentsResult } from './incident-loader';
import type { ProgressListener } from './load-progress';
import { buildBases } from './load-bases';
import { issue, type FileFailure, type LoadIssue } from './load-report';
import { buildForces } from './load-forces';
import { datasetFile } from './schemas';
import type { Base, DatasetInfo, ForceLevels } from './types';

/** Where each data file is fetched from. `dataset` is null for data that brings no metadata. */
export interface DataUrls {
  incidents: string;
  bases: string;
  forces: string;
  dataset: string | null;
}

/** The default files, relative to the page so the app works under any path. */
export const DEFAULT_DATA_URLS: DataUrls = {
  incidents: 'data/incidents.geojson',
  bases: 'data/bases.geojson',
  forces: 'data/force-levels.json',
  dataset: 'data/dataset.json',
};

/** Everything the app loaded, with what it rejected. */
export interface LoadedData {
  incidents: IncidentTable;
  bases: Base[];
  forces: ForceLevels;
  dataset: DatasetInfo | null;
  issues: LoadIssue[];
  failures: FileFailure[];
  /** Time spent per phase loading the incidents (for the benchmark), when known. */
  timings: IncidentsResult['timings'] | null;
  /** Incident indexes and layer attributes the loader worker built, when it did. */
  prebuilt?: { indexes: IncidentIndexes; points: IncidentPoints };
}

const EMPTY_FORCES: ForceLevels = { countries: [], sites: [], regions: [] };

function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}

/** How the incidents file is loaded (in a worker in the app), with progress and cancel. */
export interface IncidentsOptions extends FetchOptions {
  loadIncidents?: IncidentsLoader;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

/** Loads all data files; never throws. Incidents load with `options.loadIncidents` (default: on this thread). */
export async function loadAll(
  urls: DataUrls,
  fetchFn: FetchLike,
  options: IncidentsOptions = {},
): Promise<LoadedData> {
  // Loaded on demand: the app passes its worker loader, so the CSV parser stays out of the page.
  const loadIncidents: IncidentsLoader =
    options.loadIncidents ??
    (async (...args) => {
      const { incidentsLoaderHere } = await import('./incident-loader');
      return incidentsLoaderHere(fetchFn, options)(...args);
    });
  const issues: LoadIssue[] = [];
  const failures: FileFailure[] = [];
  let timings: LoadedData['timings'] = null;
  let prebuilt: LoadedData['prebuilt'];

  async function load<T>(
    url: string,
    parse: (json: unknown, file: string) => T,
  ): Promise<T | null> {
    const file = fileName(url);
    try {
      return parse(await fetchJson(url, fetchFn, undefined, options), file);
    } catch (e) {
      failures.push({ file, url, reason: e instanceof Error ? e.message : String(e) });
      return null;
    }
  }

  performance.mark('incidents-fetch');
  const [incidents, bases, forces, dataset] = await Promise.all([
    loadIncidents(
      urls.incidents,
      fileName(urls.incidents),
      options.onProgress,
      options.signal,
    ).then(
      (built) => {
        timings = built.timings ?? null;
        issues.push(...built.issues);
        if (built.prebuilt) {
          prebuilt = {
            indexes: indexesFromWire(built.prebuilt.indexes),
            points: built.prebuilt.points,
          };
        }
        return built.table;
      },
      (e: unknown) => {
        const reason = e instanceof Error ? e.message : String(e);
        failures.push({ file: fileName(urls.incidents), url: urls.incidents, reason });
        return null;
      },
    ),
    load(urls.bases, (json, file) => {
      const built = buildBases(json, file);
      issues.push(...built.issues);
      return built.bases;
    }),
    load(urls.forces, (json, file) => {
      const built = buildForces(json, file);
      issues.push(...built.issues);
      return built.forces;
    }),
    urls.dataset
      ? load(urls.dataset, (json, file) => parseWhole(datasetFile, json, file, issues))
      : null,
  ]);

  return {
    incidents: incidents ?? emptyIncidentTable(),
    bases: bases ?? [],
    forces: forces ?? EMPTY_FORCES,
    dataset,
    issues,
    failures,
    timings,
    ...(prebuilt && incidents ? { prebuilt } : {}),
  };
}

/** Parses a small whole-file JSON; a schema failure rejects the file, naming the first problems. */
function parseWhole<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  json: unknown,
  file: string,
  issues: LoadIssue[],
): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const e of parsed.error.issues.slice(0, 20)) {
    issues.push(issue(file, null, e.path.map(String).join('.') || null, e.message));
  }
  throw new Error('does not match the expected format (details in the load report)');
}
