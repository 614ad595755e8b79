/**
 * The data after an import: a local file's incidents replace the current incidents, or are added
 * beside them (mergeIncidentTables), while bases and force levels stay. Pure: the current data is
 * never changed, so a rejected import leaves it exactly as it was.
 */
import type { IncidentsResult } from './incident-loader';
import { indexesFromWire } from './incident-indexes';
import type { LoadedData } from './load-all';
import type { MergeResult } from './merge-in-worker';
import type { DatasetInfo } from './types';

/** How the imported incidents are applied and described. */
export interface ImportPlan {
  /** The file's name (as in its load report). */
  file: string;
  mode: 'replace' | 'add';
  /** Names of the incident files shown now: replacing drops their report rows and failures. */
  shownFiles: readonly string[];
  /** The dataset description of the result (never the default one for other data). */
  dataset: DatasetInfo | null;
}

/**
 * The data after the import, and how many incidents the file brought onto the map. For `add`,
 * `merged` is the current and the file's incidents merged (merge-in-worker.ts).
 */
export function importedData(
  current: LoadedData,
  result: IncidentsResult,
  plan: ImportPlan,
  merged?: MergeResult,
): { data: LoadedData; added: number } {
  if (plan.mode === 'replace') {
    const replaced = new Set(plan.shownFiles);
    const data: LoadedData = {
      ...current,
      incidents: result.table,
      dataset: plan.dataset,
      // The default key events never mark other data.
      annotations: [],
      issues: [...current.issues.filter((i) => !replaced.has(i.file)), ...result.issues],
      failures: current.failures.filter((f) => !replaced.has(f.file)),
      timings: result.timings ?? null,
      prebuilt: result.prebuilt && {
        indexes: indexesFromWire(result.prebuilt.indexes),
        points: result.prebuilt.points,
      },
    };
    if (!data.prebuilt) delete data.prebuilt;
    return { data, added: result.table.length };
  }
  if (!merged) throw new Error('adding needs the merged incidents');
  // Without `prebuilt` (a merge on this thread) the store and the map adapter build them.
  const { prebuilt: _dropped, ...rest } = current;
  void _dropped;
  const data: LoadedData = {
    ...rest,
    incidents: merged.table,
    dataset: plan.dataset,
    issues: [...current.issues, ...result.issues, ...merged.issues],
    timings: result.timings ?? null,
    ...(merged.prebuilt
      ? {
          prebuilt: {
            indexes: indexesFromWire(merged.prebuilt.indexes),
            points: merged.prebuilt.points,
          },
        }
      : {}),
  };
  return { data, added: merged.table.length - current.incidents.length };
}
