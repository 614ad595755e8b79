/**
 * Date ticks for the timeline's axis, from d3-scale's UTC time scale (nice calendar steps for any
 * width), labelled compactly: "2024" at a new year, "Feb" at a new month, "5 Feb" otherwise.
 */
import { scaleUtc } from 'd3-scale';
import { utcMonth, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import type { DaySpan } from './window';

const MS_PER_DAY = 86_400_000;
const year = utcFormat('%Y');
const month = utcFormat('%b');
const day = utcFormat('%-d %b');

/** A tick: its epoch day and label. */
export interface DayTick {
  day: number;
  label: string;
}

/** The label of a tick date. */
export function tickLabel(date: Date): string {
  if (utcYear.floor(date).getTime() === date.getTime()) return year(date);
  if (utcMonth.floor(date).getTime() === date.getTime()) return month(date);
  return day(date);
}

/**
 * Ticks for the span across `widthPx`: about one per `spacingPx`, on whole days.
 * @param spacingPx room per label (labels are at most about six characters wide)
 */
export function dayTicks(span: DaySpan, widthPx: number, spacingPx = 70): DayTick[] {
  const scale = scaleUtc().domain([
    new Date(span.start * MS_PER_DAY),
    new Date(span.end * MS_PER_DAY),
  ]);
  const count = Math.max(2, Math.floor(widthPx / spacingPx));
  return scale
    .ticks(count)
    .filter((date) => date.getTime() % MS_PER_DAY === 0)
    .map((date) => ({ day: date.getTime() / MS_PER_DAY, label: tickLabel(date) }));
}
