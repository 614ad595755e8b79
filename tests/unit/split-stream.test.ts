import { describe, expect, it } from 'vitest';
import { FeaturePartReader, readIncidentStream } from '../../src/data/incident-stream';
import { packedAt, PLAIN_FIELDS, type IncidentTable } from '../../src/data/incident-table';
import type { SplitReading } from '../../src/data/split-stream';

const TODAY = 19_800;

/** A stream of the text's UTF-8 bytes in chunks of the given sizes (cycled). */
function streamOf(text: string, sizes: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(c) {
      for (let i = 0, k = 0; i < bytes.length; k++) {
        const size = sizes[k % sizes.length]!;
        c.enqueue(bytes.slice(i, i + size));
        i += size;
      }
      c.close();
    },
  });
}

/** The second worker, in this thread: same reader, results cloned as a transfer would. */
function inProcess(text: string, sizes: number[]) {
  const stats = { spawned: 0, cancelled: 0, restarts: 0 };
  const split: SplitReading = {
    minBytes: 0,
    spawn(file, options, batchBytes) {
      stats.spawned++;
      const reader = new FeaturePartReader(file, options, batchBytes || undefined);
      let failed = false;
      return {
        push(bytes) {
          if (failed) return;
          try {
            reader.push(bytes.slice());
          } catch {
            failed = true;
          }
        },
        async end() {
          await Promise.resolve();
          const read = failed ? null : reader.end();
          return read && structuredClone(read);
        },
        cancel() {
          stats.cancelled++;
        },
      };
    },
    restart: async () => {
      stats.restarts++;
      return streamOf(text, sizes);
    },
  };
  return { split, stats };
}

function read(text: string, sizes: number[], batchBytes: number, split?: SplitReading) {
  const bytes = new TextEncoder().encode(text).length;
  return readIncidentStream(
    streamOf(text, sizes),
    bytes,
    'f.geojson',
    undefined,
    batchBytes,
    { today: TODAY },
    split,
  );
}

/** The table without its packed text's layout, and each row's packed values. */
function comparable(t: IncidentTable) {
  const plain = new Set<string>(PLAIN_FIELDS);
  return {
    ...t,
    packed: null,
    text: Object.fromEntries(Object.entries(t.text).filter(([f]) => !plain.has(f))),
    values: PLAIN_FIELDS.map((f) =>
      Array.from(t.text[f], (k) => (k < 0 ? null : packedAt(t.packed, k))),
    ),
  };
}

/** A deterministic collection with duplicates across the middle, bad rows and warnings. */
function collection(n: number, description: (i: number) => string = (i) => `event ${i}`) {
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    geometry: i % 41 === 5 ? null : { type: 'Point', coordinates: [40 + (i % 7), 30 + (i % 5)] },
    properties: {
      // Ids repeat across the file (a later copy is a duplicate); some rows are invalid.
      id: i % 97 === 3 ? `F${i - 50}` : `F${i}`,
      date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      type: i % 53 === 7 ? 'bogus' : ['drone', 'rocket', 'missile', 'us_strike'][i % 4],
      target: ['Ain al-Asad', 'al-Tanf', 'Erbil', 'Tower 22'][i % 4],
      coord_precision: i % 13 === 0 ? undefined : 'exact_site',
      description: description(i),
      sources: [`https://example.org/${i}`],
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features, name: 'x' });
}

describe('a big file read in two parts at once gives the one-part result', () => {
  for (const [label, sizes, batchBytes] of [
    ['large chunks', [65536], 4096],
    ['ragged chunks', [7, 1500, 3, 64], 2048],
  ] as const) {
    it(`splits at a cut between features (${label})`, async () => {
      const text = collection(900);
      const whole = await read(text, [...sizes], batchBytes);
      const { split, stats } = inProcess(text, [...sizes]);
      const parts = await read(text, [...sizes], batchBytes, split);
      expect(stats).toEqual({ spawned: 1, cancelled: 0, restarts: 0 });
      expect(comparable(parts.table)).toEqual(comparable(whole.table));
      expect(parts.issues).toEqual(whole.issues);
      expect(whole.issues.map((i) => i.reason).join('\n')).toMatch(/duplicate id/);
    });
  }

  it('reads the file again in one part when the cut falls inside a feature', async () => {
    // Each feature holds a long array of objects (`},{"`) and strings ending in `,{`: the first
    // likely cut after the middle is inside a feature.
    const text = collection(300, (i) => `${i},{`).replace(
      /"properties":\{/g,
      `"properties":{"extra":${JSON.stringify(Array.from({ length: 300 }, (_, k) => ({ k })))},`,
    );
    const sizes = [4096];
    const whole = await read(text, sizes, 8192);
    const { split, stats } = inProcess(text, sizes);
    const parts = await read(text, sizes, 8192, split);
    expect(stats.restarts).toBe(1);
    expect(parts.table).toEqual(whole.table);
    expect(parts.issues).toEqual(whole.issues);
  });

  it('gives the one-part error for a file broken in its second part', async () => {
    const text = collection(600);
    const truncated = text.slice(0, text.length - 300);
    const { split, stats } = inProcess(truncated, [4096]);
    await expect(read(truncated, [4096], 4096, split)).rejects.toThrow(
      /is not valid JSON \(the file ends too early/,
    );
    expect(stats.restarts).toBe(1);
    const broken = text.replace(/"F550"/, '"F550",,');
    const again = inProcess(broken, [4096]);
    await expect(read(broken, [4096], 4096, again.split)).rejects.toThrow(/is not valid JSON/);
  });

  it('leaves small files in one part', async () => {
    const text = collection(50);
    const { split, stats } = inProcess(text, [4096]);
    await read(text, [4096], 4096, { ...split, minBytes: 1 << 20 });
    expect(stats.spawned).toBe(0);
  });
});
