import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIncidentTable } from '../../src/data/incident-columns';
import {
  buildIncidentIndexesWire,
  indexesBuffers,
  indexesFromWire,
} from '../../src/data/incident-indexes';
import { textAt } from '../../src/data/incident-table';
import { rowsAtPoint } from '../../src/geo/spatial-index';
import { windowSum } from '../../src/time/prefix-sums';
import { isoToDay } from '../../src/time/days';
import { INCIDENT_TYPES } from '../../src/data/types';

const STRIKE = INCIDENT_TYPES.indexOf('us_strike');

const { table } = buildIncidentTable(
  JSON.parse(readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8')),
  'incidents.geojson',
);

describe('incident indexes built in the worker and sent over', () => {
  // What the main thread gets: the wire form after a structured clone that moves the buffers.
  const wire = buildIncidentIndexesWire(table);
  const received = structuredClone(wire, { transfer: indexesBuffers(wire) });
  const ix = indexesFromWire(received);

  it('moves the buffers instead of copying them', () => {
    expect(wire.byBase.rows.byteLength).toBe(0);
    expect(wire.spatial.data.byteLength).toBe(0);
  });

  it('groups rows per base and per country exactly as a scan does', () => {
    for (const [field, map] of [
      ['base_id', ix.rowsByBase],
      ['country', ix.rowsByCountry],
    ] as const) {
      const expected = new Map<string, number[]>();
      for (let row = 0; row < table.length; row++) {
        const key = textAt(table, field, row);
        if (key !== null) expected.set(key, [...(expected.get(key) ?? []), row]);
      }
      expect(map).toEqual(expected);
    }
    expect(ix.rowsByBase.get('tower_22')!.length).toBeGreaterThan(0);
  });

  it('counts the window from prefix sums and finds stacked points with the KD-tree', () => {
    const w = { start: isoToDay('2024-01-28')!, end: isoToDay('2024-01-28')! };
    let attacks = 0;
    let killed = 0;
    for (let row = 0; row < table.length; row++) {
      if (table.day[row] !== w.start || table.typeIndex[row] === STRIKE) continue;
      attacks++;
      killed += Math.max(0, table.usKilled[row]!);
    }
    expect(windowSum(ix.attacks, w)).toBe(attacks);
    expect(windowSum(ix.usKilled, w)).toBe(killed);
    expect(killed).toBe(3);
    const row = ix.rowsByBase.get('tower_22')![0]!;
    const at = rowsAtPoint(ix.spatial, table.position[2 * row]!, table.position[2 * row + 1]!);
    expect(at).toContain(row);
  });
});
