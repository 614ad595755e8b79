/**
 * The words of an export: title, the window, its counts, the sources line, the "data as of"
 * stamp and the file name. Everything here is plain text: the composition draws it with
 * `fillText`, so text from data files can never become markup.
 */
import type { DatasetInfo } from '../../data/types';
import type { Derived } from '../../state/derived';
import { windowCounts } from '../../state/selectors';
import { dayToIso, formatDay, isoToDay } from '../../time/days';
import { windowLength, type DayWindow } from '../../time/window';
import { fmt, formatWindow, plural } from '../format';

/** Longest title an export takes (characters); longer input is cut. */
export const MAX_TITLE_LENGTH = 120;

/** Title used when the data brings none. */
export const FALLBACK_TITLE = 'Incident map';

/** A title as drawn: control characters and runs of spaces collapsed, trimmed, length-bounded. */
export function cleanTitle(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return [...flat].slice(0, MAX_TITLE_LENGTH).join('');
}

/** The default title: the dataset's, else a generic one. */
export function defaultTitle(dataset: DatasetInfo | null): string {
  return cleanTitle(dataset?.title ?? '') || FALLBACK_TITLE;
}

/** "17 Oct 2023 – 28 Jan 2024 (104 days)". */
export function windowWords(w: DayWindow): string {
  const days = windowLength(w);
  return `${formatWindow(w)} (${plural(days, 'day')})`;
}

/**
 * "95 attacks · 12 U.S. strikes · 3 U.S. killed · 41 injured" (as the counts line on screen).
 * With filters on, the filtered prefix sums and the filters named after the counts.
 */
export function countsWords(
  prefixes: Pick<Derived, 'attacks' | 'strikes' | 'usKilled' | 'usInjured'>,
  w: DayWindow,
  filters: string[] = [],
): string {
  const c = windowCounts(prefixes, w);
  return [
    plural(c.attacks, 'attack'),
    plural(c.strikes, 'U.S. strike'),
    `${fmt(c.usKilled)} U.S. killed`,
    `${fmt(c.usInjured)} injured`,
    ...(filters.length ? [`Filtered: ${filters.join('; ')}`] : []),
  ].join(' · ');
}

/** A source's short name: its label up to the first comma, colon or parenthesis. */
export function shortSource(label: string): string {
  const cut = label.split(/[,:(]/)[0]!.trim();
  return cut || label.trim();
}

/** "Sources: CENTCOM press release; Reuters …; Basemap: Natural Earth" (duplicates dropped). */
export function sourcesLine(dataset: DatasetInfo | null): string {
  const names = [...new Set((dataset?.sources ?? []).map((s) => shortSource(s.label)))].filter(
    Boolean,
  );
  const data = names.length ? names.join('; ') : "each incident's own sources";
  return `Sources: ${data}. Basemap: Natural Earth.`;
}

/** "Data as of 24 Nov 2026", or the export date when the data states none. */
export function asOfLine(dataset: DatasetInfo | null, today: Date = new Date()): string {
  const day = dataset?.as_of ? isoToDay(dataset.as_of) : null;
  if (day !== null) return `Data as of ${formatDay(day)}`;
  return `Exported ${formatDay(Math.floor(today.getTime() / 86_400_000))}`;
}

/** The caveat of the dataset (the default data: "documented sample; official counts are higher"). */
export function caveatLine(dataset: DatasetInfo | null): string | null {
  return dataset?.caveat?.trim() || null;
}

/** "incident-map_2023-10-17_2024-01-28_slide.png". */
export function exportFileName(w: DayWindow | null, suffix: string, ext: string): string {
  const span = w ? `_${dayToIso(w.start)}_${dayToIso(w.end)}` : '';
  return `incident-map${span}_${suffix}.${ext}`;
}
