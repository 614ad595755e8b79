/** Text formatting shared by the panels. */
import { formatDay } from '../time/days';
import type { DayWindow } from '../time/window';

/** "17 Oct 2023 – 28 Jan 2024", or one date for a one-day window. */
export function formatWindow(w: DayWindow): string {
  return w.start === w.end ? formatDay(w.start) : `${formatDay(w.start)} – ${formatDay(w.end)}`;
}

/** "3 attacks", "1 attack". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Number with thousands separators. */
export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Human form of a partial date: "2024", "Jun 2024", "7 Jun 2024". */
export function formatPartialDate(text: string): string {
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const [y, m, d] = text.split('-');
  if (d) return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
  if (m) return `${months[Number(m) - 1]} ${y}`;
  return y ?? text;
}

/** U.S. casualties in words, or null when none are known. */
export function casualtyText(killed: number | null, injured: number | null): string | null {
  const parts: string[] = [];
  if (killed) parts.push(`${fmt(killed)} U.S. killed`);
  if (injured) parts.push(`${fmt(injured)} injured`);
  return parts.length ? parts.join(', ') : null;
}
