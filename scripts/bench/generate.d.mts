// Type declarations for generate.mjs, so the TypeScript unit test can import it (tsconfig has
// allowJs: false). Keep in sync with the JSDoc in generate.mjs and synth-model.mjs.

export type IncidentType = 'drone' | 'rocket' | 'missile' | 'mixed' | 'unknown' | 'us_strike';

export interface Base {
  id: string;
  name: string;
  country: string;
  lng: number;
  lat: number;
  weight: number;
}

export interface GenerateOptions {
  n: number;
  seed: number;
  bases?: Base[];
  /** Also write null-valued properties (off by default: see generate.mjs). */
  allKeys?: boolean;
  chunk?: number;
}

export const GENERATOR_VERSION: number;
export const TYPES: readonly IncidentType[];
/** [west, south, east, north] */
export const REGION: readonly [number, number, number, number];
export const SPAN: {
  first: string;
  last: string;
  days: number;
  isoOf(day: number): string;
};

export function mulberry32(seed: number): () => number;
export function loadBases(path?: string): Base[];
export function incidentChunks(options: GenerateOptions): Generator<string, void, unknown>;
export function generateIncidents(options: GenerateOptions): string;
export function writeIncidentsFile(path: string, options: GenerateOptions): Promise<number>;
