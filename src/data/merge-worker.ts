/// <reference lib="webworker" />
/**
 * Web Worker: adds imported incidents to the current ones (mergeIncidentTables) and builds the
 * merged table's indexes and layer attributes, so adding a big file never freezes the page. The
 * current table arrives as a copy: the page keeps its own until the merge is applied.
 */
import { tableBuffers } from './incident-loader';
import { buildIncidentIndexesWire, indexesBuffers } from './incident-indexes';
import { mergeIncidentTables } from './merge-incidents';
import type { MergeRequest, MergeMessage } from './merge-in-worker';
// The map's point attributes are built here too, as the loader worker does.
import { buildIncidentPoints, pointsBuffers } from '../map/incident-points';

self.onmessage = (e: MessageEvent<MergeRequest>) => {
  const post = (m: MergeMessage, transfer: Transferable[] = []) =>
    self.postMessage(m, { transfer });
  try {
    const { current, added, file } = e.data;
    const { table, issues } = mergeIncidentTables(current, added, file);
    const indexes = buildIncidentIndexesWire(table);
    const points = buildIncidentPoints(table);
    post({ type: 'done', result: { table, issues, prebuilt: { indexes, points } } }, [
      ...tableBuffers(table),
      ...indexesBuffers(indexes),
      ...pointsBuffers(points),
    ]);
  } catch (err) {
    post({ type: 'error', reason: err instanceof Error ? err.message : String(err) });
  }
};
