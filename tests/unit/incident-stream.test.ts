import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIncidentTable } from '../../src/data/incident-columns';
import { readIncidentStream } from '../../src/data/incident-stream';
import { FeatureStreamScanner } from '../../src/data/feature-stream';
import { incidentAt, rowOfId } from '../../src/data/incident-table';

const defaultText = readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8');

/** A stream of the text's UTF-8 bytes in chunks of the given sizes (cycled). */
function streamOf(text: string, sizes: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(c) {
      let k = 0;
      for (let i = 0; i < bytes.length; k++) {
        const size = sizes[k % sizes.length]!;
        c.enqueue(bytes.slice(i, i + size));
        i += size;
      }
      c.close();
    },
  });
}

/** Loads text through the stream loader with tiny batches, so every feature boundary is a cut. */
function viaStream(text: string, sizes = [7, 64, 1, 3000], batchBytes = 300) {
  return readIncidentStream(streamOf(text, sizes), text.length, 'f.geojson', undefined, batchBytes);
}

/** A small deterministic random generator (tests must not be flaky). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const TRICKY_TEXT = [
  'plain',
  'quote " inside',
  'backslash \\ inside',
  'ends with backslash \\',
  '\\"',
  '},{"type":"Feature"',
  '"features":[',
  'ünïcødé — ✓ 🛰️ مرحبا',
  '',
  '   padded   ',
  'ends with a likely cut ,{',
];

function randomCollection(seed: number, n: number): object {
  const r = random(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    id: `F${i}`,
    geometry: r() < 0.05 ? null : { type: 'Point', coordinates: [36 + r() * 10, 29 + r() * 8] },
    properties: {
      id: `F${i}`,
      date: `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}`,
      type: pick(['drone', 'rocket', 'missile', 'us_strike', 'bogus']),
      target: pick(TRICKY_TEXT),
      description: pick(TRICKY_TEXT) + pick(TRICKY_TEXT),
      us_killed: pick([0, 1, null, -1, 2.5]),
      nested: { features: [{ a: pick(TRICKY_TEXT) }, { b: 1 }], deeper: [[[]]] },
      sources: [pick(['https://example.org/a', 'javascript:alert(1)', 'http://x.example/"q"'])],
    },
  }));
  return { type: 'FeatureCollection', name: 'x"]}', features, bbox: [1, 2, 3, 4] };
}

describe('streamed loading: same result as parsing the whole file', () => {
  it('loads the default data exactly as a whole-file parse does', async () => {
    const whole = buildIncidentTable(JSON.parse(defaultText), 'f.geojson');
    const streamed = await viaStream(defaultText);
    expect(streamed.table).toEqual(whole.table);
    expect(streamed.issues).toEqual(whole.issues);
  });

  it('agrees on random collections with tricky strings, in any chunking and layout', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const collection = randomCollection(seed, 120);
      const text = seed % 2 ? JSON.stringify(collection) : JSON.stringify(collection, null, 2);
      const whole = buildIncidentTable(JSON.parse(text), 'f.geojson');
      const sizes = [1 + seed, 13 * seed, 1, 4096];
      const streamed = await viaStream(text, sizes, 97 * seed);
      expect(streamed.table).toEqual(whole.table);
      expect(streamed.issues).toEqual(whole.issues);
      // Issues name the feature's index in the file, across batches.
      expect(whole.issues.some((i) => (i.index ?? 0) > 60)).toBe(true);
    }
  });

  it('reads a byte-order mark, an empty collection and members after the features', async () => {
    const empty = await viaStream('\uFEFF{"features": [], "type": "FeatureCollection"}');
    expect(empty.table.length).toBe(0);
    const after = await viaStream(
      '{"type":"FeatureCollection","features":[' +
        '{"type":"Feature","geometry":{"type":"Point","coordinates":[44,33]},' +
        '"properties":{"id":"a","date":"2024-01-02","type":"drone"}}' +
        '],"properties":{"features":"not these"}}',
    );
    expect(after.table.length).toBe(1);
  });

  it('reports broken files with the same kind of message as a whole parse', async () => {
    const good = JSON.stringify(randomCollection(1, 30));
    await expect(viaStream(good.slice(0, good.length - 40))).rejects.toThrow(
      /is not valid JSON \(the file ends too early/,
    );
    await expect(viaStream(good.replace('"Feature",', '"Feature",,'))).rejects.toThrow(
      /is not valid JSON/,
    );
    await expect(viaStream(good + ' {}')).rejects.toThrow(/is not valid JSON/);
    await expect(viaStream('<!doctype html><title>Not found</title>')).rejects.toThrow(
      /is not valid JSON/,
    );
    await expect(viaStream('[1, 2]')).rejects.toThrow(/not a GeoJSON FeatureCollection/);
    await expect(viaStream('{"type":"Topology","features":[]}')).rejects.toThrow(
      /not a GeoJSON FeatureCollection/,
    );
    await expect(viaStream('{"type":"FeatureCollection"}')).rejects.toThrow(
      /not a GeoJSON FeatureCollection/,
    );
  });

  it('cuts batches only between features, recovering from wrong guesses', () => {
    for (const [seed, chunk] of [
      [3, 5],
      [4, 4096],
    ] as const) {
      const text = JSON.stringify(randomCollection(seed, 80));
      const batches: unknown[][] = [];
      let refused = 0;
      const scanner = new FeatureStreamScanner(
        {
          batch: (b, exact) => {
            try {
              batches.push(JSON.parse(`[${new TextDecoder().decode(b)}]`));
              return true;
            } catch (e) {
              if (exact) throw e;
              refused++;
              return false;
            }
          },
        },
        200,
      );
      const bytes = new TextEncoder().encode(text);
      for (let i = 0; i < bytes.length; i += chunk) scanner.push(bytes.slice(i, i + chunk));
      expect(scanner.end().kind).toBe('split');
      expect(batches.flat()).toEqual(JSON.parse(text).features);
      expect(batches.length).toBeGreaterThan(3);
      // The nested arrays of objects and the strings ending in ",{" do mislead the guess.
      if (chunk > 1000) expect(refused).toBeGreaterThan(0);
    }
  });
});

describe('packed per-row text', () => {
  it('returns every id, note and source list across many chunks', () => {
    const n = 12_000;
    const features = Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [44, 33] },
      properties: {
        id: `id-${i}`,
        // Unsorted days: the rows are reordered, the text must follow them.
        date: `2024-01-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
        type: 'drone',
        description: i % 3 ? `note ${i} ✓` : null,
        sources: [`https://example.org/${i}`, `https://example.org/${i}/b`],
      },
    }));
    const { table } = buildIncidentTable({ type: 'FeatureCollection', features }, 'f');
    expect(table.packed.chunks.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (let row = 0; row < n; row++) {
      const r = incidentAt(table, row);
      const i = Number(r.id.slice(3));
      seen.add(r.id);
      expect(r.description).toBe(i % 3 ? `note ${i} ✓` : null);
      expect(r.sources).toEqual([`https://example.org/${i}`, `https://example.org/${i}/b`]);
      expect(rowOfId(table, r.id)).toBe(row);
    }
    expect(seen.size).toBe(n);
  });
});
