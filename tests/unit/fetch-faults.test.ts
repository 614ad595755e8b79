/** Faults fetching a data file: each gives one sentence that follows the file's name. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson, fetchOk, withIdleTimeout } from '../../src/data/fetch-json';
import { incidentsLoaderHere } from '../../src/data/incident-loader';
import { loadAll } from '../../src/data/load-all';
import { csvCell, issuesToCsv, issue } from '../../src/data/load-report';
import { ALL_FILES, fakeFetch, URLS } from '../fixtures/sample-data';

afterEach(() => vi.useRealTimers());

/** A fetch that never answers until aborted (then rejects like the browser). */
const hangingFetch = (url: string, init?: { signal?: AbortSignal }) =>
  new Promise<Response>((_, reject) => {
    init?.signal?.addEventListener('abort', () =>
      reject(new DOMException(`aborted ${url}`, 'AbortError')),
    );
  });

/** A body that sends `first` and then stalls. */
function stallingBody(first: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(first));
    },
  });
}

const HTML = '<!DOCTYPE html>\n<html><head><title>Welcome to our site</title></head></html>';

describe('fetch faults', () => {
  it('times out after 15 s without an answer, aborting the request', async () => {
    vi.useFakeTimers();
    let aborted = false;
    const p = fetchOk('x.json', (url, init) => {
      init?.signal?.addEventListener('abort', () => (aborted = true));
      return hangingFetch(url, init);
    });
    const check = expect(p).rejects.toThrow('did not answer within 15 s (timed out)');
    await vi.advanceTimersByTimeAsync(14_999);
    expect(aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await check;
    expect(aborted).toBe(true);
  });

  it('takes an injected timeout, also for a download that stalls', async () => {
    await expect(fetchOk('x.json', hangingFetch, { timeoutMs: 20 })).rejects.toThrow(
      'did not answer within 20 ms (timed out)',
    );
    const stalled = async () => new Response(stallingBody('{"type":'));
    await expect(fetchJson('x.json', stalled, undefined, { timeoutMs: 30 })).rejects.toThrow(
      /stopped sending data for 30 ms \(timed out\)/,
    );
    await expect(
      incidentsLoaderHere(stalled, { timeoutMs: 30 })('i.geojson', 'i.geojson'),
    ).rejects.toThrow(/stopped sending data/);
  });

  it('the stall timer restarts with every chunk', async () => {
    let n = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(c) {
        await new Promise((r) => setTimeout(r, 15));
        if (n++ < 4) c.enqueue(new Uint8Array([0x20]));
        else c.close();
      },
    });
    const text = await new Response(withIdleTimeout(slow, 60)).text();
    expect(text).toBe('    ');
  });

  it('names a network failure, and CORS for another origin', async () => {
    const refuse = async () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(fetchOk('data/x.json', refuse)).rejects.toThrow(
      'could not be fetched: the network failed or the server refused the connection (Failed to fetch)',
    );
    vi.stubGlobal('location', new URL('https://map.example/app/'));
    try {
      await expect(fetchOk('https://other.example/x.json', refuse)).rejects.toThrow(
        /the other site does not allow .* \(CORS: it must send Access-Control-Allow-Origin\)/,
      );
      await expect(fetchOk('data/x.json', refuse)).rejects.toThrow(/server refused/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('recognises an HTML page where JSON was expected, for every file', async () => {
    const html = async () => new Response(HTML, { headers: { 'Content-Type': 'text/html' } });
    const reason =
      'returned an HTML page, not JSON (its title is "Welcome to our site": a wrong URL, or a server that answers missing files with a web page)';
    await expect(fetchJson('b.geojson', html)).rejects.toThrow(reason);
    await expect(incidentsLoaderHere(html)('i.geojson', 'i.geojson')).rejects.toThrow(reason);
    const data = await loadAll(URLS, async (url) =>
      url === 'b.geojson' || url === 'i.geojson' ? html() : fakeFetch(ALL_FILES)(url),
    );
    expect(data.failures.map((f) => [f.file, f.reason]).sort()).toEqual([
      ['b.geojson', reason],
      ['i.geojson', reason],
    ]);
    // The other files still load.
    expect(data.forces.countries).toHaveLength(1);
  });
});

describe('load report as CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    for (const s of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s)[0]).not.toBe(s[0]);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('a,b\nc')).toBe('"a,b\nc"');
  });

  it('has one line per issue with file, index, field, severity and reason', () => {
    const csv = issuesToCsv([
      issue('x.csv', 3, 'date (column "when")', 'must be a calendar date, not "=1+1"'),
      issue('x.csv', null, null, 'no location', 'warning'),
    ]);
    expect(csv).toBe(
      '\uFEFFfile,index,field,severity,reason\r\n' +
        'x.csv,3,"date (column ""when"")",error,"must be a calendar date, not ""=1+1"""\r\n' +
        'x.csv,,,warning,no location\r\n',
    );
  });
});
