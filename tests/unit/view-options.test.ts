import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW_OPTIONS,
  MAX_ORIGINS,
  parseOrigin,
  parseViewOptions,
  serializeViewOptions,
  type ViewOptions,
} from '../../src/state/url-view';

function parse(search: string) {
  const notices: string[] = [];
  const options = parseViewOptions(new URLSearchParams(search), (key, value, why) =>
    notices.push(`${key}=${value}: ${why}`),
  );
  return { options, notices };
}

describe('view options (theme, embed, controls, autoplay, origin)', () => {
  it('defaults: light, not embedded, time controls, no autoplay, no origins', () => {
    expect(parse('').options).toEqual(DEFAULT_VIEW_OPTIONS);
    expect(parse('?from=2024-01-01').notices).toEqual([]);
  });

  it('reads every key', () => {
    const { options, notices } = parse(
      '?theme=dark&embed=1&controls=none&autoplay=1&origin=https://news.example.org,http://localhost:8080',
    );
    expect(notices).toEqual([]);
    expect(options).toEqual({
      theme: 'dark',
      embed: true,
      controls: 'none',
      autoplay: true,
      origins: ['https://news.example.org', 'http://localhost:8080'],
    });
    expect(parse('?theme=auto').options.theme).toBe('auto');
    expect(parse('?controls=full').options.controls).toBe('full');
  });

  it('drops invalid values with a notice and keeps the default', () => {
    const { options, notices } = parse('?theme=sepia&embed=yes&controls=all&autoplay=true');
    expect(options).toEqual(DEFAULT_VIEW_OPTIONS);
    expect(notices).toEqual([
      'theme=sepia: expected one of light, dark, auto',
      'embed=yes: expected 1 or 0',
      'controls=all: expected one of none, time, full',
      'autoplay=true: expected 1 or 0',
    ]);
  });

  it('keeps only well-formed http(s) origins, normalized, at most five', () => {
    const { options, notices } = parse(
      '?origin=https://a.example,javascript:alert(1),https://b.example/path,ftp://c.example,HTTPS://D.Example:443/, https://a.example',
    );
    expect(options.origins).toEqual(['https://a.example', 'https://d.example']);
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatch(/^origin=javascript:alert\(1\): expected an http\(s\) origin/);

    const many = Array.from({ length: 7 }, (_, i) => `https://s${i}.example`).join(',');
    const capped = parse(`?origin=${many}`);
    expect(capped.options.origins).toHaveLength(MAX_ORIGINS);
    expect(capped.notices).toHaveLength(2);
    expect(capped.notices[0]).toMatch(/more than 5 origins/);

    expect(parse(`?origin=https://${'x'.repeat(200)}.example`).options.origins).toEqual([]);
  });

  it('parses one origin exactly: no path, query, credentials or other schemes', () => {
    expect(parseOrigin('https://news.example.org')).toBe('https://news.example.org');
    expect(parseOrigin('http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173');
    expect(parseOrigin('https://user@evil.example')).toBeNull();
    expect(parseOrigin('https://a.example?x=1')).toBeNull();
    expect(parseOrigin('null')).toBeNull();
    expect(parseOrigin('*')).toBeNull();
    expect(parseOrigin('')).toBeNull();
  });

  it('serializes non-defaults and leaves other keys alone', () => {
    const params = new URLSearchParams('from=2024-01-01&theme=dark&embed=1');
    serializeViewOptions(
      {
        theme: 'auto',
        embed: true,
        controls: 'none',
        autoplay: true,
        origins: ['https://a.example'],
      },
      params,
    );
    expect(params.toString()).toBe(
      'from=2024-01-01&theme=auto&embed=1&controls=none&autoplay=1&origin=https%3A%2F%2Fa.example',
    );
    serializeViewOptions(DEFAULT_VIEW_OPTIONS, params);
    expect(params.toString()).toBe('from=2024-01-01');
    // Round trip.
    const back = new URLSearchParams();
    const opts: ViewOptions = {
      theme: 'dark',
      embed: true,
      controls: 'full',
      autoplay: false,
      origins: [],
    };
    serializeViewOptions(opts, back);
    expect(parse(`?${back}`).options).toEqual({ ...opts, origins: [] });
  });
});
