import { describe, expect, it } from 'vitest';
import { buildIncidentTable } from '../../src/data/incident-columns';
import { idAt, incidentAt, type IncidentTable } from '../../src/data/incident-table';
import { mergeIncidentTables } from '../../src/data/merge-incidents';
import { incidentFeature, incidentsFile } from '../fixtures/sample-data';

const TODAY = 30_000;
const table = (features: unknown[]) =>
  buildIncidentTable({ type: 'FeatureCollection', features }, 'x', { today: TODAY }).table;
const all = (t: IncidentTable) => Array.from({ length: t.length }, (_, i) => incidentAt(t, i));

describe('adding imported incidents to the current ones', () => {
  it('gives the table a single file of both would give, minus duplicate ids', () => {
    const current = table(incidentsFile.features);
    const extra = [
      incidentFeature('N1', '2023-12-01', 'missile', [40, 34], { target: 'New', us_killed: 2 }),
      incidentFeature('I3', '2024-03-01', 'drone', [40, 34]),
      incidentFeature('N2', '2023-10-17', 'rocket', null),
    ];
    const added = table(extra);
    const { table: merged, issues } = mergeIncidentTables(current, added, 'new.csv', (r) => r + 2);
    const expected = table([...incidentsFile.features, extra[0], extra[2]]);
    expect(all(merged)).toEqual(all(expected));
    expect(merged.span).toEqual(expected.span);
    expect(Array.from({ length: merged.length }, (_, i) => idAt(merged, i))).toContain('N1');
    expect(issues).toEqual([
      {
        file: 'new.csv',
        index: 4, // I3 is row 2 of the added table (sorted by day)
        field: 'id',
        reason: 'duplicate id "I3" (already in the current data)',
        severity: 'error',
      },
    ]);
  });

  it('adds to an empty table and adds nothing to a full one', () => {
    const some = table(incidentsFile.features);
    const empty = table([]);
    expect(all(mergeIncidentTables(empty, some, 'a').table)).toEqual(all(some));
    expect(all(mergeIncidentTables(some, empty, 'a').table)).toEqual(all(some));
    expect(mergeIncidentTables(empty, empty, 'a').table.span).toBeNull();
  });
});
