import { describe, expect, it } from 'vitest';
import { fetchJson } from '../../src/data/fetch-json';
import type { LoadProgress } from '../../src/data/load-progress';

describe('fetchJson', () => {
  it('reports bytes received by phase, then parses', async () => {
    const body = JSON.stringify({ big: 'x'.repeat(200_000) });
    const stream = new ReadableStream({
      start(c) {
        const bytes = new TextEncoder().encode(body);
        for (let i = 0; i < bytes.length; i += 65_536) c.enqueue(bytes.slice(i, i + 65_536));
        c.close();
      },
    });
    const seen: LoadProgress[] = [];
    const json = await fetchJson(
      'x',
      async () => new Response(stream, { headers: { 'Content-Length': String(body.length) } }),
      (p) => seen.push(p),
    );
    expect((json as { big: string }).big).toHaveLength(200_000);
    const fetches = seen.filter((p) => p.phase === 'fetch');
    expect(fetches.length).toBeGreaterThan(1);
    expect(fetches.at(-1)).toEqual({ phase: 'fetch', loaded: body.length, total: body.length });
    expect(seen.at(-1)!.phase).toBe('parse');
  });

  it('explains HTTP and JSON failures in one sentence', async () => {
    await expect(
      fetchJson('x', async () => new Response('', { status: 500, statusText: 'Server Error' })),
    ).rejects.toThrow('could not be fetched: HTTP 500 Server Error');
    await expect(fetchJson('x', async () => new Response('{'))).rejects.toThrow(
      /is not valid JSON/,
    );
    await expect(
      fetchJson('x', async () => Promise.reject(new TypeError('offline'))),
    ).rejects.toThrow(/could not be fetched: the network failed .*\(offline\)/);
  });
});
