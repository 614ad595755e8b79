import { describe, expect, it } from 'vitest';
import { clampSize, embedUrl, escapeAttr, iframeCode } from '../../src/embed/embed-code';

const PERMALINK =
  'https://maps.example.org/incidents/?from=2024-01-01&to=2024-01-31&types=drone,rocket&embed=1&controls=full&origin=https://old.example#map=5/33/42';

describe('embed code', () => {
  it('turns the permalink into the embed URL, replacing old embed keys', () => {
    const url = new URL(
      embedUrl(PERMALINK, { controls: 'time', theme: 'light', autoplay: false, origin: null }),
    );
    expect(url.origin + url.pathname).toBe('https://maps.example.org/incidents/');
    expect(url.searchParams.get('from')).toBe('2024-01-01');
    expect(url.searchParams.get('types')).toBe('drone,rocket');
    expect(url.searchParams.get('embed')).toBe('1');
    for (const key of ['controls', 'origin', 'autoplay', 'theme'])
      expect(url.searchParams.has(key)).toBe(false);
    expect(url.hash).toBe('#map=5/33/42');
    const full = new URL(
      embedUrl(PERMALINK, {
        controls: 'none',
        theme: 'auto',
        autoplay: true,
        origin: 'https://news.example.org',
      }),
    );
    expect(full.searchParams.get('controls')).toBe('none');
    expect(full.searchParams.get('theme')).toBe('auto');
    expect(full.searchParams.get('autoplay')).toBe('1');
    expect(full.searchParams.get('origin')).toBe('https://news.example.org');
    expect(full.search).toContain('types=drone,rocket');
  });

  it('adds, keeps or removes the story the frame presents', () => {
    const none = { controls: 'time', theme: 'light', autoplay: false, origin: null } as const;
    const onStep = 'https://m.example/?from=2024-01-28&to=2024-01-28&story=campaign&step=3';
    const keep = new URL(embedUrl(onStep, { ...none, story: 'campaign' })).searchParams;
    expect([keep.get('story'), keep.get('step')]).toEqual(['campaign', '3']);
    const kept = new URL(embedUrl(onStep, none)).searchParams;
    expect([kept.get('story'), kept.get('step')]).toEqual(['campaign', '3']);
    const removed = new URL(embedUrl(onStep, { ...none, story: null })).searchParams;
    expect([removed.has('story'), removed.has('step')]).toEqual([false, false]);
    expect(removed.get('from')).toBe('2024-01-28');
    const added = new URL(embedUrl(PERMALINK, { ...none, story: 'campaign' })).searchParams;
    expect([added.get('story'), added.has('step')]).toEqual(['campaign', false]);
  });

  it('writes responsive and fixed code with escaped attributes and no script', () => {
    const url = 'https://m.example/?a=1&b="x"';
    const responsive = iframeCode(url, { kind: 'responsive', ratio: '16:9' }, 'A <b> & "c"');
    expect(responsive).toBe(
      '<div style="position:relative;width:100%;height:0;padding-top:56.25%">\n' +
        '  <iframe src="https://m.example/?a=1&amp;b=&quot;x&quot;" title="A &lt;b&gt; &amp; &quot;c&quot;" loading="lazy" allow="fullscreen" referrerpolicy="strict-origin-when-cross-origin" style="position:absolute;top:0;left:0;width:100%;height:100%;border:0"></iframe>\n' +
        '</div>',
    );
    expect(iframeCode(url, { kind: 'responsive', ratio: '4:3' }, 't')).toContain('padding-top:75%');
    const fixed = iframeCode(url, { kind: 'fixed', width: 640.4, height: 10 }, 't');
    expect(fixed).toMatch(
      /^<iframe src=.* width="640" height="200" style="border:0;max-width:100%"><\/iframe>$/,
    );
    expect(fixed).not.toMatch(/<script/);
  });

  it('clamps sizes and escapes', () => {
    expect(clampSize(NaN)).toBe(200);
    expect(clampSize(99999)).toBe(4000);
    expect(escapeAttr('<&">')).toBe('&lt;&amp;&quot;&gt;');
  });
});
