/// <reference lib="webworker" />
/**
 * The second loader worker: reads the second part of a big GeoJSON file (see split-stream.ts)
 * from the bytes the first worker forwards, and hands back its rows, unsorted, to be absorbed.
 */
import { partBuffers } from './incident-column-store';
import { FeaturePartReader } from './incident-stream';
import type { PartRequest, PartResponse } from './part-worker-client';

let reader: FeaturePartReader | null = null;
let failed = false;

const post = (m: PartResponse, transfer: Transferable[] = []) => self.postMessage(m, { transfer });

self.onmessage = (e: MessageEvent<PartRequest>) => {
  const m = e.data;
  if (m.type === 'start') {
    reader = new FeaturePartReader(m.file, m.options, m.batchBytes || undefined);
    return;
  }
  if (failed || !reader) return;
  try {
    if (m.type === 'bytes') {
      reader.push(m.bytes);
      return;
    }
    const read = reader.end();
    if (!read) post({ type: 'failed' });
    else
      post({ type: 'part', read }, [...partBuffers(read.part), read.suffix.buffer as ArrayBuffer]);
  } catch {
    // The first worker reads the file again in one part and reports the problem itself.
    failed = true;
    post({ type: 'failed' });
  }
};
