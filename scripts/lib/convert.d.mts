// Type declarations for convert.mjs (and the modules it re-exports), so TypeScript tests can
// import it (tsconfig has allowJs: false). Keep in sync with the JSDoc in scripts/lib/*.mjs.

export type CsvRow = Record<string, string>;
export interface Log {
  warnings: string[];
  info: string[];
}

export type Confidence = 'high' | 'medium' | 'low';
export type CoordPrecision = 'exact_site' | 'city' | 'approximate' | 'none';
export type IncidentType = 'drone' | 'rocket' | 'missile' | 'mixed' | 'unknown' | 'us_strike';
export interface Point {
  type: 'Point';
  coordinates: [number, number];
}

export interface IncidentProperties {
  id: string;
  date: string;
  date_note: string | null;
  type: IncidentType;
  weapon: string | null;
  target: string | null;
  base_id: string | null;
  country: string | null;
  claimed_by: string | null;
  claimed_by_group: string;
  us_killed: number | null;
  us_injured: number | null;
  casualty_note: string | null;
  other_casualties: string | null;
  description: string | null;
  confidence: Confidence;
  coord_precision: CoordPrecision;
  sources: string[];
}
export interface IncidentFeature {
  type: 'Feature';
  id: string;
  geometry: Point | null;
  properties: IncidentProperties;
}
export interface IncidentCollection {
  type: 'FeatureCollection';
  features: IncidentFeature[];
}

export interface BaseProperties {
  id: string;
  name: string | null;
  alt_names: string[];
  country: string | null;
  description: string | null;
  active_from: string | null;
  active_until: string | null;
  status_note: string | null;
  coord_precision: CoordPrecision;
  coord_source: string | null;
  sources: string[];
}
export interface BaseFeature {
  type: 'Feature';
  id: string;
  geometry: Point | null;
  properties: BaseProperties;
}
export interface BaseCollection {
  type: 'FeatureCollection';
  features: BaseFeature[];
}

export interface Figure {
  as_of: string;
  value: number;
  figure_type: string | null;
  confidence: Confidence;
  source: string | null;
  note: string | null;
}
export interface Context {
  as_of_text: string | null;
  value: number | null;
  value_text: string | null;
  figure_type: string | null;
  confidence: Confidence;
  source: string | null;
  note: string | null;
}
export interface CountryLevels {
  iso3: string;
  name: string;
  series: Figure[];
  context: Context[];
}
export interface SiteLevels {
  base_id: string | null;
  name: string;
  series: Figure[];
  context: Context[];
}
export interface RegionLevels {
  name: string;
  context: Context[];
}
export interface ForceLevels {
  countries: CountryLevels[];
  sites: SiteLevels[];
  regions: RegionLevels[];
}

export interface OfficialCount {
  as_of: string;
  attacks: number;
  injured: number | null;
  note: string | null;
  source: string;
  url: string | null;
}
export interface SourceRef {
  label: string;
  url: string;
}
export interface Dataset {
  title: string;
  description: string;
  as_of: string;
  caveat: string;
  attribution: string[];
  sources: SourceRef[];
  official_counts: OfficialCount[];
}

// common.mjs
export function createLog(): Log;
export function parseCsv(text: string, log?: Log, name?: string): CsvRow[];
export function blankToNull(value: string | undefined | null): string | null;
export function isHttpUrl(value: string | null | undefined): boolean;
export function uniq<T>(values: T[]): T[];
export function isPartialIsoDate(value: string | null | undefined): boolean;
export function isIsoDate(value: string | null | undefined): boolean;
export function parseAsOf(
  text: string | null | undefined,
): { date: string; rest: string | null } | null;
export function periodStart(date: string): string;
export function toJson(value: unknown): string;

// fields.mjs
export const INCIDENT_TYPES: IncidentType[];
export const CONFIDENCE_LEVELS: Confidence[];
export const COORD_PRECISIONS: CoordPrecision[];
export function pointFrom(
  lat: string | undefined,
  lng: string | undefined,
  log: Log,
  context: string,
): Point | null;
export function oneOf(
  raw: string | undefined,
  allowed: string[],
  fallback: string,
  log: Log,
  label: string,
): string;
export function precisionFor(
  raw: string | undefined,
  geometry: Point | null,
  log: Log,
  context: string,
): string;
export function filterSources(
  urls: Array<string | null | undefined>,
  log?: Log,
  context?: string,
): string[];
export function compareStrings(a: string, b: string): number;

// incidents.mjs
export function stripParentheticals(text: string): string;
export function parseCasualty(raw: string | null | undefined): {
  value: number | null;
  note: string | null;
};
export function normalizeClaimGroup(claimedBy: string | null | undefined, type: string): string;
export function convertIncidents(
  rows: CsvRow[],
  options?: { log?: Log; baseIds?: Set<string> },
): IncidentCollection;

// bases.mjs
export function splitAltNames(text: string | null | undefined): string[];
export function extractUrls(text: string | null | undefined): string[];
export function convertBases(rows: CsvRow[], options?: { log?: Log }): BaseCollection;

// force-levels.mjs
export const COUNTRY_ISO3: Record<string, string>;
export const SITE_BASE_IDS: Record<string, string>;
export function siteKey(name: string): string;
export function matchSite(siteName: string, bases: BaseCollection): string | null;
export function parseTroops(text: string | null | undefined): number | null;
export function convertForceLevels(
  rows: CsvRow[],
  options?: { bases?: BaseCollection; log?: Log },
): ForceLevels;

// dataset.mjs
export const TITLE: string;
export const DESCRIPTION: string;
export const ATTRIBUTION: string[];
export const MAIN_SOURCES: SourceRef[];
export const COUNT_URLS: Record<string, string>;
export function parseCountDate(
  text: string,
): { date: string; range: boolean; approximate: boolean } | null;
export function parseOfficialCounts(notesMd: string, options?: { log?: Log }): OfficialCount[];
export function researchAsOf(researchLog: string): string | null;
export function buildDataset(input: {
  incidents: IncidentCollection;
  notesMd?: string;
  researchLog?: string;
  log?: Log;
}): Dataset;

// convert.mjs
export const OUTPUT_FILES: string[];
export interface ConvertInput {
  incidentsCsv: string;
  basesCsv: string;
  forceLevelsCsv: string;
  notesMd?: string;
  researchLog?: string;
}
export interface ConvertResult {
  files: Record<string, string>;
  data: {
    incidents: IncidentCollection;
    bases: BaseCollection;
    forceLevels: ForceLevels;
    dataset: Dataset;
  };
  rowsIn: { incidentRows: number; baseRows: number; forceLevelRows: number };
  warnings: string[];
  info: string[];
}
export function convertAll(input: ConvertInput): ConvertResult;
