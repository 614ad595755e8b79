/**
 * Where the data on the map came from: the default files, data URLs (`incidents=`, `bases=`,
 * `forces=`), or local files the user imported (replacing or added beside the incidents). The
 * banner, the header title and the URL read it, so data other than the default is never shown
 * under the default dataset's name. A small store of its own: the app store's API stays as it is.
 */
import { createStore } from 'zustand/vanilla';
import type { DatasetInfo } from '../data/types';

/** The incidents the page opened with, before any import. */
export type DataOrigin = { kind: 'default' } | { kind: 'url'; url: string };

/** How an imported file's incidents were applied. */
export type ImportMode = 'replace' | 'add';

/** What the map shows. */
export interface DataSource {
  /** The incidents the page opened with; null once a local file replaced them. */
  origin: DataOrigin | null;
  /** Local files whose incidents are shown, in the order they were opened. */
  files: string[];
  /** `bases=` and `forces=` URLs, when the page was opened with them. */
  bases: string | null;
  forces: string | null;
  /** The dataset description of the origin (kept so added files never stack their titles). */
  originDataset: DatasetInfo | null;
  /** Incidents the added files brought in (add mode). */
  added: number;
}

/** The data URLs of the page's address. */
export interface DataUrlParams {
  incidents?: string;
  bases?: string;
  forces?: string;
}

/** The source of a page opened with these data URLs (none: the default data). */
export function initialSource(urls: DataUrlParams = {}): DataSource {
  return {
    origin: urls.incidents ? { kind: 'url', url: urls.incidents } : { kind: 'default' },
    files: [],
    bases: urls.bases ?? null,
    forces: urls.forces ?? null,
    originDataset: null,
    added: 0,
  };
}

/**
 * The source after importing `file` with `count` incidents (replace: the file alone; add: beside
 * what is shown). `shownDataset` is the dataset description on the map before the import.
 */
export function sourceAfterImport(
  s: DataSource,
  file: string,
  mode: ImportMode,
  count: number,
  shownDataset: DatasetInfo | null,
): DataSource {
  // Before the first import the dataset shown is the origin's own.
  const originDataset = s.files.length === 0 ? shownDataset : s.originDataset;
  return mode === 'replace'
    ? { ...s, origin: null, files: [file], originDataset, added: count }
    : { ...s, files: [...s.files, file], originDataset, added: s.added + count };
}

/**
 * The source after Retry fetched the page's own files again under local files: the origin's
 * dataset description when its file loaded this time, and how many incidents the added files
 * still bring once the origin's incidents are back (ids they share with those are skipped).
 */
export function sourceAfterRetry(
  s: DataSource,
  retry: { dataset?: DatasetInfo; localAdded?: number },
): DataSource {
  if (s.files.length === 0) return s;
  return {
    ...s,
    originDataset: retry.dataset ?? s.originDataset,
    added: retry.localAdded ?? s.added,
  };
}

/** The file name at the end of a URL or path. */
function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}

/**
 * Names of the incident files shown (as the load report names them): the origin's file, unless a
 * local file replaced it, then the local files. `defaultFile` is the default incidents file's path.
 */
export function incidentFiles(s: DataSource, defaultFile: string): string[] {
  const origin = s.origin ? [fileName(s.origin.kind === 'url' ? s.origin.url : defaultFile)] : [];
  return [...origin, ...s.files];
}

/** Whether the map shows exactly the default data. */
export function isDefaultSource(s: DataSource): boolean {
  return s.origin?.kind === 'default' && s.files.length === 0 && !s.bases && !s.forces;
}

/** "a.csv", "a.csv and b.csv", "a.csv, b.csv and c.csv". */
function names(list: readonly string[]): string {
  return list.length <= 1
    ? (list[0] ?? '')
    : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/**
 * The banner's sentence, or null for the default data. Names every non-default source and says
 * that local files cannot be shared by link.
 */
export function describeSource(s: DataSource): string | null {
  if (isDefaultSource(s)) return null;
  const parts: string[] = [];
  const local =
    s.files.length === 1
      ? '(local file, not shared by links)'
      : '(local files, not shared by links)';
  if (s.files.length && s.origin === null) {
    parts.push(`Showing data from ${names(s.files)} ${local}`);
  } else if (s.files.length && s.origin?.kind === 'default') {
    parts.push(`Default data plus ${names(s.files)} ${local}`);
  } else if (s.files.length && s.origin?.kind === 'url') {
    parts.push(`Showing incidents from ${s.origin.url} plus ${names(s.files)} ${local}`);
  } else if (s.origin?.kind === 'url') {
    parts.push(`Showing incidents from ${s.origin.url}`);
  }
  if (s.bases) parts.push(`Bases from ${s.bases}`);
  if (s.forces) parts.push(`Force levels from ${s.forces}`);
  return `${parts.join('. ')}.`;
}

/**
 * The warning for a link or an embed of the view while local files are shown (null otherwise):
 * an address carries data URLs, never a local file, so it opens the page's own data.
 * `incidentsUrl` is the link's `incidents=` (null: the default data).
 */
export function localDataWarning(
  s: DataSource,
  what: 'link' | 'embed',
  incidentsUrl: string | null,
): string | null {
  if (s.files.length === 0) return null;
  const opens = incidentsUrl ? `the incidents from ${incidentsUrl}` : 'the default data';
  // Added files leave the page's own incidents on the map; replacing ones do not.
  const shows = s.origin ? `${opens} without ${names(s.files)}` : `${opens}, not ${names(s.files)}`;
  const local = s.files.length === 1 ? 'a local file' : 'local files';
  return what === 'link'
    ? `This link shows ${shows}: ${local} cannot be shared by a link.`
    : `This embed shows ${shows}: ${local} cannot be embedded.`;
}

/** The `incidents=` of a link (null: none, the default data). */
export function linkedIncidents(link: string): string | null {
  try {
    return new URL(link, 'http://x/').searchParams.get('incidents');
  } catch {
    return null;
  }
}

/**
 * The dataset description of the data after an import: the imported data is never shown under
 * the default dataset's title or caveat. Replace: a description of the file alone. Add: the
 * origin's description, retitled and with a caveat naming the added files.
 */
export function importedDataset(s: DataSource): DatasetInfo {
  const files = names(s.files);
  const plain: DatasetInfo = {
    title: `Imported data — ${files}`,
    description: `Incidents from ${s.files.length === 1 ? 'the local file' : 'the local files'} ${files}, opened in this browser. This map's authors have not checked them.`,
    as_of: null,
    caveat: null,
    // Bases and force levels stay: so does the credit for them (and for the basemap).
    attribution: s.originDataset?.attribution ?? [],
    sources: [],
    official_counts: [],
  };
  if (s.origin === null) return plain;
  const origin = s.originDataset;
  const base = origin?.title ?? (s.origin.kind === 'url' ? s.origin.url : 'default data');
  const added = `Includes ${s.added.toLocaleString('en-US')} incidents added from ${files} (local, not checked by this map's authors).`;
  return {
    ...(origin ?? plain),
    title: `Imported data — ${base} plus ${files}`,
    caveat: origin?.caveat ? `${added} The original data: ${origin.caveat}` : added,
  };
}

/** The current source (one per page). */
export const dataSource = createStore<DataSource>(() => initialSource());

/** Records what the map shows now. */
export function setDataSource(s: DataSource): void {
  dataSource.setState(s, true);
}

/** Whether the map shows data from a local file (which a link cannot carry). */
export function isLocalData(): boolean {
  return dataSource.getState().files.length > 0;
}
