/** "Cite this view": the plain-text and BibTeX citations name the exact view. */
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/state/filters';
import { isoToDay } from '../../src/time/days';
import {
  citationBibtex,
  citationText,
  longDate,
  windowInWords,
  type CitationInput,
} from '../../src/ui/share/citation';

const base: CitationInput = {
  title: 'Attacks on U.S. forces',
  asOf: '2024-10-01',
  source: null,
  window: { start: isoToDay('2023-11-01')!, end: isoToDay('2023-12-31')! },
  mode: 'range',
  spanDays: 30,
  filters: { ...NO_FILTERS, types: ['drone', 'rocket'], casualties: true },
  url: 'https://example.org/map/?from=2023-11-01&to=2023-12-31&types=drone,rocket#map=6/33/42',
  accessed: new Date('2026-11-25T23:30:00Z'),
};

describe('citation', () => {
  it('plain text: title, as-of, window and filters in words, access date (UTC, long and ISO), link', () => {
    expect(citationText(base)).toBe(
      'Attacks on U.S. forces. Dataset as of 1 October 2024. View: 1 Nov 2023 – 31 Dec 2023, ' +
        'filters: Type: Drone, Rocket; With U.S. casualties. Accessed 25 November 2026 (2026-11-25). ' +
        base.url,
    );
  });

  it('names the window mode and says "no filters"', () => {
    const text = citationText({ ...base, mode: 'window', spanDays: 7, filters: NO_FILTERS });
    expect(text).toContain('(moving 7-day window), no filters.');
    expect(windowInWords({ start: 5, end: 5 }, 'range', 30)).toBe('6 Jan 1970');
    expect(longDate(isoToDay('2024-01-28')!)).toBe('28 January 2024');
  });

  it('names the other data source instead of the default dataset', () => {
    const text = citationText({
      ...base,
      title: null,
      asOf: null,
      source: 'https://x.org/i.geojson',
    });
    expect(text).toMatch(/^Incident data from https:\/\/x\.org\/i\.geojson\. Data file as loaded/);
    expect(text).not.toContain('Attacks on U.S. forces');
    expect(citationBibtex({ ...base, source: 'https://x.org/i.geojson' })).toContain(
      'title = {{Incident data from https://x.org/i.geojson}}',
    );
  });

  it('BibTeX @misc with the link, access date and escaped text', () => {
    const bib = citationBibtex({ ...base, title: 'A & B {100%} #1_x' });
    expect(bib.split('\n')[0]).toBe('@misc{incidentmap-2026-11-25,');
    expect(bib).toContain('title = {{A \\& B \\{100\\%\\} \\#1\\_x}},');
    expect(bib).toContain('year = {2024},');
    expect(bib).toContain(`url = {${base.url}},`);
    expect(bib).toContain('urldate = {2026-11-25},');
    expect(bib).toMatch(/note = \{Dataset as of 1 October 2024\. View: 1 Nov 2023 – 31 Dec 2023/);
    expect(bib.trim().endsWith('}')).toBe(true);
  });
});
