/**
 * Loads the data files independently: a file that fails is reported as a failure and the
 * others still load. Rows that fail validation are reported and skipped. The timeline's key
 * events (annotations) are optional: when they cannot be loaded the load report says so and the
 * timeline simply has no marks.
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
import { parseAnnotations, type Annotation } from './annotations';
import type { Base, DatasetInfo, ForceLevels } from './types';

/** Where each data file is fetched from. `dataset` is null for data that brings no metadata. */
export interface DataUrls {
  incidents: string;
  bases: string;
  forces: string;
  dataset: string | null;
  /**
   * Key events for the timeline. Omitted: the default file when `dataset` is the default dataset
   * file, otherwise none (other data is never marked with the default events).
   */
  annotations?: string | null;
}

/** The default files, relative to the page so the app works under any path. */
export const DEFAULT_DATA_URLS: DataUrls = {
  incidents: 'data/incidents.geojson',
  bases: 'data/bases.geojson',
  forces: 'data/force-levels.json',
  dataset: 'data/dataset.json',
  annotations: 'data/annotations.json',
};

/** Everything the app loaded, with what it rejected. */
export interface LoadedData {
  incidents: IncidentTable;
  bases: Base[];
  forces: ForceLevels;
  dataset: DatasetInfo | null;
  /** Key events for the timeline, sorted by date (empty when none were loaded). */
  annotations: Annotation[];
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

  const annotationsUrl =
    urls.annotations !== undefined
      ? urls.annotations
      : urls.dataset === DEFAULT_DATA_URLS.dataset
        ? DEFAULT_DATA_URLS.annotations!
        : null;

  performance.mark('incidents-fetch');
  const [incidents, bases, forces, dataset, annotations] = await Promise.all([
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
    annotationsUrl ? loadAnnotations(annotationsUrl, fetchFn, issues) : [],
  ]);

  return {
    incidents: incidents ?? emptyIncidentTable(),
    bases: bases ?? [],
    forces: forces ?? EMPTY_FORCES,
    dataset,
    annotations,
    issues,
    failures,
    timings,
    ...(prebuilt && incidents ? { prebuilt } : {}),
  };
}

/** Loads the optional key events; any failure becomes a warning and no events (never a failed load). */
async function loadAnnotations(
  url: string,
  fetchFn: FetchLike,
  issues: LoadIssue[],
): Promise<Annotation[]> {
  const file = fileName(url);
  try {
    const parsed = parseAnnotations(await fetchJson(url, fetchFn), file);
    issues.push(...parsed.issues);
    return parsed.annotations;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    issues.push(issue(file, null, null, `no key events on the timeline: ${reason}`, 'warning'));
    return [];
  }
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
