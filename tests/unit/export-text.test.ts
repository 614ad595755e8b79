import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import type { DatasetInfo } from '../../src/data/types';
import { createAppStore } from '../../src/state/store';
import { DEFAULT_LAYERS, LAYER_IDS, type LayerId } from '../../src/state/url-schema';
import { isoToDay } from '../../src/time/days';
import {
  asOfLine,
  caveatLine,
  cleanTitle,
  countsWords,
  defaultTitle,
  exportFileName,
  FALLBACK_TITLE,
  MAX_TITLE_LENGTH,
  shortSource,
  sourcesLine,
  windowWords,
} from '../../src/ui/export/captions';
import { legendSections } from '../../src/ui/export/legend-model';
import { PNG_PRESETS, VIDEO_SIZE } from '../../src/ui/export/presets';
import { ALL_FILES, fakeFetch, URLS } from '../fixtures/sample-data';

const d = (iso: string) => isoToDay(iso)!;

const dataset: DatasetInfo = {
  title: 'Attacks on U.S. forces',
  description: null,
  as_of: '2026-11-24',
  caveat: '  Documented sample; official counts are higher.  ',
  attribution: [],
  sources: [
    { label: 'CENTCOM press release, 25 Dec 2023: strikes', url: 'https://example.org/1' },
    { label: 'Reuters timeline of major attacks (28 Jan 2024)', url: null },
    { label: 'Wikipedia: Attacks on US bases', url: null },
    { label: 'Wikipedia: another page', url: null },
  ],
  official_counts: [],
};

function layers(on: LayerId[]): Record<LayerId, boolean> {
  return Object.fromEntries(LAYER_IDS.map((id) => [id, on.includes(id)])) as Record<
    LayerId,
    boolean
  >;
}

describe('export captions', () => {
  it('bounds and flattens the title: no control characters or line breaks, at most 120 characters', () => {
    expect(cleanTitle('  A\n\ttitle\u0007 here  ')).toBe('A title here');
    const long = 'x'.repeat(500);
    expect(cleanTitle(long)).toHaveLength(MAX_TITLE_LENGTH);
    expect(cleanTitle('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it("defaults the title to the dataset's, or a generic one", () => {
    expect(defaultTitle(dataset)).toBe('Attacks on U.S. forces');
    expect(defaultTitle(null)).toBe(FALLBACK_TITLE);
    expect(defaultTitle({ ...dataset, title: '   ' })).toBe(FALLBACK_TITLE);
  });

  it('puts the window in words, both ends inclusive', () => {
    expect(windowWords({ start: d('2023-10-17'), end: d('2024-01-28') })).toBe(
      '17 Oct 2023 – 28 Jan 2024 (104 days)',
    );
    expect(windowWords({ start: d('2024-01-28'), end: d('2024-01-28') })).toBe(
      '28 Jan 2024 (1 day)',
    );
  });

  it('counts attacks and strikes apart, casualties from attacks only (as on screen)', async () => {
    const store = createAppStore({});
    store.getState().setData(await loadAll(URLS, fakeFetch(ALL_FILES)), {});
    const derived = store.getState().derived!;
    expect(countsWords(derived, { start: d('2023-10-17'), end: d('2024-02-02') })).toBe(
      '4 attacks · 2 U.S. strikes · 3 U.S. killed · 46 injured',
    );
    expect(countsWords(derived, { start: d('2024-01-28'), end: d('2024-01-28') })).toBe(
      '1 attack · 0 U.S. strikes · 3 U.S. killed · 40 injured',
    );
  });

  it('shortens sources to their names, without duplicates, and credits the basemap', () => {
    expect(shortSource('CENTCOM press release, 25 Dec 2023: strikes')).toBe(
      'CENTCOM press release',
    );
    expect(sourcesLine(dataset)).toBe(
      'Sources: CENTCOM press release; Reuters timeline of major attacks; Wikipedia. Basemap: Natural Earth.',
    );
    expect(sourcesLine(null)).toBe("Sources: each incident's own sources. Basemap: Natural Earth.");
  });

  it('stamps the data date, or the export date when the data has none', () => {
    expect(asOfLine(dataset)).toBe('Data as of 24 Nov 2026');
    expect(asOfLine(null, new Date('2025-03-04T12:00:00Z'))).toBe('Exported 4 Mar 2025');
    expect(caveatLine(dataset)).toBe('Documented sample; official counts are higher.');
    expect(caveatLine(null)).toBeNull();
  });

  it('names files after the window and the preset', () => {
    expect(exportFileName({ start: d('2023-10-17'), end: d('2024-01-28') }, 'slide', 'png')).toBe(
      'incident-map_2023-10-17_2024-01-28_slide.png',
    );
    expect(exportFileName(null, '10fps', 'webm')).toBe('incident-map_10fps.webm');
  });
});

describe('export presets', () => {
  it('are a 1920 × 1080 slide, a 1200 × 675 web image and A4 landscape at 150 dpi', () => {
    expect(PNG_PRESETS.map((p) => [p.id, p.width, p.height])).toEqual([
      ['slide', 1920, 1080],
      ['web', 1200, 675],
      ['a4', 1754, 1240],
    ]);
    expect(VIDEO_SIZE).toMatchObject({ width: 1280, height: 720 });
  });
});

describe('export legend', () => {
  it('lists the entries of the layers that are on, as the legend on screen does', () => {
    const all = legendSections(layers([...DEFAULT_LAYERS]), d('2024-01-28'));
    expect(all.map((s) => s.title)).toEqual([
      'Attacks on U.S. forces',
      'U.S. strikes',
      'Location and confidence',
      'Bases',
      'U.S. troops per country',
    ]);
    expect(all[0]!.items.map((i) => i.label)).toEqual([
      'Drone',
      'Rocket',
      'Missile',
      'Mixed / several',
      'Unknown weapon',
    ]);
    expect(all[0]!.items[0]!.swatch).toEqual({ kind: 'dot', color: 'rgb(230,159,0)' });
    expect(all[4]!.note).toBe('Figure in force on 28 Jan 2024.');
  });

  it('shows the density ramp instead of the marks in density view, and drops layers that are off', () => {
    const dens = legendSections(layers(['strikes', 'density']), null);
    expect(dens.map((s) => s.title)).toEqual(['U.S. strikes', 'Incident density']);
    expect(dens[1]!.items[0]!.swatch.kind).toBe('ramp');
    expect(legendSections(layers([]), null)).toEqual([]);
  });
});
