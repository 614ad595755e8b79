/**
 * Retry after a load with failed files: only the files that failed are fetched again, and put
 * into the data on the map in place of what was missing. Everything else stays as it is, above
 * all incidents imported from a local file (which no address can bring back). Never throws: a
 * file that fails again is a failure again.
 */
import { fetchJson, type FetchLike } from './fetch-json';
import { indexesFromWire } from './incident-indexes';
import type { IncidentsLoader, IncidentsResult } from './incident-loader';
import { type DataUrls, type IncidentsOptions, type LoadedData } from './load-all';
import { buildBases } from './load-bases';
import { buildForces } from './load-forces';
import { issue, type FileFailure, type LoadIssue } from './load-report';
import { mergeHere, type IncidentsMerger } from './merge-in-worker';
import { datasetFile } from './schemas';
import type { DatasetInfo } from './types';

/** The data files a retry can fetch again. */
export type DataFile = 'incidents' | 'bases' | 'forces' | 'dataset';

const FILES: readonly DataFile[] = ['incidents', 'bases', 'forces', 'dataset'];

/** How a retry loads and merges. */
export interface RetryOptions extends IncidentsOptions {
  loadIncidents: IncidentsLoader;
  /** Puts incidents added from local files after the retried ones (default: on this thread). */
  merge?: IncidentsMerger;
  /** The local files whose incidents are on the map, as named in issues about clashing ids. */
  localName?: string;
}

/** The data after a retry, and what it changed. */
export interface RetryResult {
  data: LoadedData;
  /** The files that were fetched again. */
  retried: DataFile[];
  /** The dataset description, when its file was retried and loaded this time. */
  dataset?: DatasetInfo;
  /** How many incidents the local files add once the retried incidents are under them. */
  localAdded?: number;
}

function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The data files (by kind) among the failures of `data`. */
export function failedFiles(data: LoadedData, urls: DataUrls): DataFile[] {
  return FILES.filter((k) => {
    const url = urls[k];
    return url !== null && data.failures.some((f) => f.url === url);
  });
}

/**
 * Fetches the failed files of `current` again and returns the data with them in place. Incidents
 * already on the map (added from local files while the page's own incidents were missing) are
 * kept, after the retried ones, as an import with Add would have put them.
 */
export async function retryFailed(
  current: LoadedData,
  urls: DataUrls,
  fetchFn: FetchLike,
  options: RetryOptions,
): Promise<RetryResult> {
  const retried = failedFiles(current, urls);
  const retriedUrls = new Set(retried.map((k) => urls[k]));
  const retriedNames = new Set(retried.map((k) => fileName(urls[k]!)));
  const issues: LoadIssue[] = current.issues.filter((i) => !retriedNames.has(i.file));
  const failures: FileFailure[] = current.failures.filter((f) => !retriedUrls.has(f.url));
  const data: LoadedData = { ...current, issues, failures };
  const result: RetryResult = { data, retried };

  async function attempt<T>(kind: DataFile, load: (url: string, file: string) => Promise<T>) {
    const url = urls[kind]!;
    try {
      return await load(url, fileName(url));
    } catch (e) {
      failures.push({ file: fileName(url), url, reason: reasonOf(e) });
      return null;
    }
  }
  const json = (url: string) => fetchJson(url, fetchFn, undefined, options);

  await Promise.all(
    retried.map((kind) => {
      switch (kind) {
        case 'bases':
          return attempt(kind, async (url, file) => {
            const built = buildBases(await json(url), file);
            issues.push(...built.issues);
            data.bases = built.bases;
          });
        case 'forces':
          return attempt(kind, async (url, file) => {
            const built = buildForces(await json(url), file);
            issues.push(...built.issues);
            data.forces = built.forces;
          });
        case 'dataset':
          return attempt(kind, async (url, file) => {
            const dataset = parseDataset(await json(url), file, issues);
            data.dataset = dataset;
            result.dataset = dataset;
          });
        case 'incidents':
          return attempt(kind, async (url, file) => {
            const loaded = await options.loadIncidents(
              url,
              file,
              options.onProgress,
              options.signal,
            );
            issues.push(...loaded.issues);
            await putIncidents(result, current, loaded, options);
          });
      }
    }),
  );
  return result;
}

/** The retried incidents in `result.data`, with those already on the map added after them. */
async function putIncidents(
  result: RetryResult,
  current: LoadedData,
  loaded: IncidentsResult,
  options: RetryOptions,
): Promise<void> {
  const data = result.data;
  data.timings = loaded.timings ?? null;
  if (current.incidents.length === 0) {
    data.incidents = loaded.table;
    if (loaded.prebuilt) {
      data.prebuilt = {
        indexes: indexesFromWire(loaded.prebuilt.indexes),
        points: loaded.prebuilt.points,
      };
    } else delete data.prebuilt;
    return;
  }
  const merge = options.merge ?? mergeHere;
  const name = options.localName ?? 'imported file';
  const merged = await merge(loaded.table, current.incidents, name, options.signal);
  data.incidents = merged.table;
  data.issues.push(...merged.issues);
  if (merged.prebuilt) {
    data.prebuilt = {
      indexes: indexesFromWire(merged.prebuilt.indexes),
      points: merged.prebuilt.points,
    };
  } else delete data.prebuilt;
  result.localAdded = merged.table.length - loaded.table.length;
}

/** The dataset description; a file that does not match is a failure, its first problems issues. */
function parseDataset(json: unknown, file: string, issues: LoadIssue[]): DatasetInfo {
  const parsed = datasetFile.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const e of parsed.error.issues.slice(0, 20)) {
    issues.push(issue(file, null, e.path.map(String).join('.') || null, e.message));
  }
  throw new Error('does not match the expected format (details in the load report)');
}
