/** Progress of loading the incidents file, reported by phase. */

/** Named loading phases: download, JSON parse, then validation and normalization. */
export type LoadPhase = 'fetch' | 'parse' | 'validate';

/** Where loading is: bytes received so far (and the total when the server says it). */
export interface LoadProgress {
  phase: LoadPhase;
  loaded: number;
  total: number | null;
}

/** Receives progress reports. */
export type ProgressListener = (p: LoadProgress) => void;
