// @ts-check
/**
 * Pure conversion of the reference CSVs into the app's default datasets (no file I/O).
 * `scripts/build-data.mjs` reads the inputs, calls {@link convertAll} and writes `files`.
 * Types: see convert.d.mts.
 * @module
 */
import { createLog, parseCsv, toJson } from './common.mjs';
import { convertBases } from './bases.mjs';
import { buildDataset } from './dataset.mjs';
import { convertForceLevels } from './force-levels.mjs';
import { convertIncidents } from './incidents.mjs';

export * from './common.mjs';
export * from './fields.mjs';
export * from './incidents.mjs';
export * from './bases.mjs';
export * from './force-levels.mjs';
export * from './dataset.mjs';

/** Output file names (inside `data/`), in the order they are written. */
export const OUTPUT_FILES = [
  'incidents.geojson',
  'bases.geojson',
  'force-levels.json',
  'dataset.json',
];

/**
 * @typedef {object} ConvertInput
 * @property {string} incidentsCsv  text of incidents.csv
 * @property {string} basesCsv  text of bases.csv
 * @property {string} forceLevelsCsv  text of force_levels.csv
 * @property {string} [notesMd]  text of notes.md (official counts)
 * @property {string} [researchLog]  text of research_log.md (dataset as_of)
 *
 * @typedef {object} ConvertResult
 * @property {Record<string, string>} files  output file name → exact file content
 * @property {{ incidents: import('./incidents.mjs').IncidentCollection, bases: import('./bases.mjs').BaseCollection, forceLevels: import('./force-levels.mjs').ForceLevels, dataset: import('./dataset.mjs').Dataset }} data
 * @property {{ incidentRows: number, baseRows: number, forceLevelRows: number }} rowsIn
 * @property {string[]} warnings
 * @property {string[]} info
 */

/**
 * Convert all reference inputs. Deterministic: the same input gives byte-identical `files`.
 * @param {ConvertInput} input
 * @returns {ConvertResult}
 */
export function convertAll({
  incidentsCsv,
  basesCsv,
  forceLevelsCsv,
  notesMd = '',
  researchLog = '',
}) {
  const log = createLog();
  const incidentRows = parseCsv(incidentsCsv, log, 'incidents.csv');
  const baseRows = parseCsv(basesCsv, log, 'bases.csv');
  const forceRows = parseCsv(forceLevelsCsv, log, 'force_levels.csv');

  const bases = convertBases(baseRows, { log });
  const baseIds = new Set(bases.features.map((f) => f.id));
  const incidents = convertIncidents(incidentRows, { log, baseIds });
  const forceLevels = convertForceLevels(forceRows, { bases, log });
  const dataset = buildDataset({ incidents, notesMd, researchLog, log });

  return {
    files: {
      'incidents.geojson': toJson(incidents),
      'bases.geojson': toJson(bases),
      'force-levels.json': toJson(forceLevels),
      'dataset.json': toJson(dataset),
    },
    data: { incidents, bases, forceLevels, dataset },
    rowsIn: {
      incidentRows: incidentRows.length,
      baseRows: baseRows.length,
      forceLevelRows: forceRows.length,
    },
    warnings: log.warnings,
    info: log.info,
  };
}
