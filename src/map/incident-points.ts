/**
 * Binary attributes for the incident layer, built ONCE per dataset. Scrubbing never touches
 * them: it only changes the layer's `filterRange`.
 */
import type { IncidentTable } from '../data/incident-table';
import { CONFIDENCE_LEVELS, COORD_PRECISIONS, INCIDENT_TYPES } from '../data/types';
import { TYPE_COLORS } from '../state/palette';

/** deck.gl binary data plus the table row of each drawn point. */
export interface IncidentPoints {
  /** Rows drawn, in draw order (incidents without a location are not drawn). */
  rowOf: Uint32Array;
  data: {
    length: number;
    attributes: {
      getPosition: { value: Float32Array; size: 2 };
      getFilterValue: { value: Float32Array; size: 2 };
      getFillColor: { value: Uint8Array; size: 4; normalized: true };
      getLineColor: { value: Uint8Array; size: 4; normalized: true };
      getLineWidth: { value: Float32Array; size: 1 };
    };
  };
  /** Epoch day that filter value 0 stands for (float32 keeps small offsets exact). */
  dayOrigin: number;
}

const STRIKE = INCIDENT_TYPES.indexOf('us_strike');
const CITY = COORD_PRECISIONS.indexOf('city');
const APPROXIMATE = COORD_PRECISIONS.indexOf('approximate');
const LOW = CONFIDENCE_LEVELS.indexOf('low');

/**
 * Encodes uncertainty in the mark: an exact site is a filled dot; a town-level or approximate
 * location is a hollow ring; a low-confidence report is drawn lighter.
 */
export function buildIncidentPoints(table: IncidentTable): IncidentPoints {
  // Plain loops over typed arrays, no per-row arrays: this runs on a million rows in the loader.
  let n = 0;
  for (let i = 0; i < table.length; i++) if (Number.isFinite(table.position[2 * i])) n++;
  const rows = new Uint32Array(n);
  const dayOrigin = table.span?.start ?? 0;
  const position = new Float32Array(n * 2);
  const filter = new Float32Array(n * 2);
  const fill = new Uint8Array(n * 4);
  const line = new Uint8Array(n * 4);
  const lineWidth = new Float32Array(n);
  const rgb = INCIDENT_TYPES.map((t) => TYPE_COLORS[t]);
  for (let row = 0, k = 0; row < table.length; row++) {
    const lng = table.position[2 * row]!;
    if (!Number.isFinite(lng)) continue;
    rows[k] = row;
    const type = table.typeIndex[row]!;
    position[2 * k] = lng;
    position[2 * k + 1] = table.position[2 * row + 1]!;
    filter[2 * k] = table.day[row]! - dayOrigin;
    filter[2 * k + 1] = type === STRIKE ? 1 : 0;
    const [red, green, blue] = rgb[type]!;
    const approximate = table.precision[row] === CITY || table.precision[row] === APPROXIMATE;
    const faint = table.confidence[row] === LOW ? 0.45 : 1;
    fill[4 * k] = red;
    fill[4 * k + 1] = green;
    fill[4 * k + 2] = blue;
    fill[4 * k + 3] = Math.round((approximate ? 40 : 235) * faint);
    line[4 * k] = approximate ? red : 30;
    line[4 * k + 1] = approximate ? green : 30;
    line[4 * k + 2] = approximate ? blue : 30;
    line[4 * k + 3] = Math.round((approximate ? 255 : 200) * faint);
    lineWidth[k] = approximate ? 2 : 1;
    k++;
  }
  return {
    rowOf: rows,
    dayOrigin,
    data: {
      length: n,
      attributes: {
        getPosition: { value: position, size: 2 },
        getFilterValue: { value: filter, size: 2 },
        getFillColor: { value: fill, size: 4, normalized: true },
        getLineColor: { value: line, size: 4, normalized: true },
        getLineWidth: { value: lineWidth, size: 1 },
      },
    },
  };
}

/** Filter value of the kind channel for points the filters hide: outside every kind range. */
export const HIDDEN_KIND = 2;

/**
 * The layer data with the filters applied: the same attribute objects (deck.gl keeps their GPU
 * buffers: positions and colours are not uploaded again) but a new filter-value array, in which
 * rows outside the mask get kind HIDDEN_KIND, so the existing [day, kind] filter range hides them
 * in the point and density shaders alike. Built once per filter change; null mask = unfiltered.
 */
export function maskedData(
  points: IncidentPoints,
  mask: Uint8Array | null,
): IncidentPoints['data'] {
  if (!mask) return points.data;
  const a = points.data.attributes;
  const values = a.getFilterValue.value.slice();
  const rowOf = points.rowOf;
  for (let k = 0; k < rowOf.length; k++) if (!mask[rowOf[k]!]) values[2 * k + 1] = HIDDEN_KIND;
  return {
    length: points.data.length,
    attributes: { ...a, getFilterValue: { value: values, size: 2 } },
  };
}

/** The typed arrays' buffers, to transfer from the loader worker rather than copy. */
export function pointsBuffers(p: IncidentPoints): ArrayBuffer[] {
  const a = p.data.attributes;
  return [
    p.rowOf,
    a.getPosition.value,
    a.getFilterValue.value,
    a.getFillColor.value,
    a.getLineColor.value,
    a.getLineWidth.value,
  ].map((x) => x.buffer as ArrayBuffer);
}
