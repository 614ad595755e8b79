/**
 * "Cite this view": a citation of the exact view, as plain text (Chicago-like) and as BibTeX
 * (@misc). Pure: the caller passes the dataset metadata, the view, the permalink and the date.
 * Everything is text; nothing from the data becomes markup.
 */
import type { Filters } from '../../state/filters';
import type { DayWindow } from '../../time/window';
import type { WindowMode } from '../../time/window-modes';
import { dayToIso, formatDay, isoToDay } from '../../time/days';
import { describeFilters } from '../filters/filter-text';

/** What a citation names. */
export interface CitationInput {
  /** The dataset's title (data/dataset.json); null for other data. */
  title: string | null;
  /** The dataset's as-of date (YYYY-MM-DD), or null. */
  asOf: string | null;
  /** The incidents URL when the data is not the default (an `incidents=` link), else null. */
  source: string | null;
  window: DayWindow;
  mode: WindowMode;
  spanDays: number;
  filters: Filters;
  /** The permalink of the view. */
  url: string;
  /** When the view was accessed (its UTC day is used). */
  accessed: Date;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "25 November 2026" (UTC). */
export function longDate(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The window in words, with its mode. */
export function windowInWords(w: DayWindow, mode: WindowMode, spanDays: number): string {
  const range =
    w.start === w.end ? formatDay(w.start) : `${formatDay(w.start)} – ${formatDay(w.end)}`;
  if (mode === 'cumulative') return `${range} (cumulative, everything up to ${formatDay(w.end)})`;
  if (mode === 'window') return `${range} (moving ${spanDays}-day window)`;
  return range;
}

/** The filters in words, or "no filters". */
export function filtersInWords(f: Filters): string {
  const parts = describeFilters(f);
  return parts.length ? `filters: ${parts.join('; ')}` : 'no filters';
}

/** The parts both forms share. */
function parts(c: CitationInput) {
  const accessedDay = Math.floor(c.accessed.getTime() / 86_400_000);
  const asOfDay = c.asOf ? isoToDay(c.asOf) : null;
  return {
    title: c.source ? `Incident data from ${c.source}` : (c.title ?? 'Incident map'),
    asOf: asOfDay === null ? null : longDate(asOfDay),
    view: `${windowInWords(c.window, c.mode, c.spanDays)}, ${filtersInWords(c.filters)}`,
    accessedIso: dayToIso(accessedDay),
    accessedLong: longDate(accessedDay),
  };
}

/** "Title. Dataset as of D. View: window, filters. Accessed D (ISO). <url>" */
export function citationText(c: CitationInput): string {
  const p = parts(c);
  const asOf = c.source
    ? 'Data file as loaded (not the default dataset).'
    : p.asOf
      ? `Dataset as of ${p.asOf}.`
      : 'Dataset date not stated.';
  return `${p.title}. ${asOf} View: ${p.view}. Accessed ${p.accessedLong} (${p.accessedIso}). ${c.url}`;
}

/** Escapes BibTeX's special characters in a field's text. */
function bib(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash ')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde ')
    .replace(/\^/g, '\\textasciicircum ');
}

/** The same citation as a BibTeX @misc entry. */
export function citationBibtex(c: CitationInput): string {
  const p = parts(c);
  const year = (c.source ? null : c.asOf?.slice(0, 4)) ?? p.accessedIso.slice(0, 4);
  const note = [
    c.source
      ? 'Data file as loaded (not the default dataset)'
      : p.asOf && `Dataset as of ${p.asOf}`,
    `View: ${p.view}`,
    `Accessed ${p.accessedLong}`,
  ]
    .filter(Boolean)
    .join('. ');
  // Braces and spaces never appear raw in a URL field (they would end it or break it).
  const url = c.url.replace(/[{}\s]/g, encodeURIComponent);
  return [
    `@misc{incidentmap-${p.accessedIso},`,
    `  title = {{${bib(p.title)}}},`,
    `  year = {${year}},`,
    `  url = {${url}},`,
    `  urldate = {${p.accessedIso}},`,
    `  note = {${bib(note)}}`,
    '}',
  ].join('\n');
}
