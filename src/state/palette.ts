/**
 * Colours and labels shared by the map and the legend (both read this; neither imports the
 * other). Colours are from the Okabe–Ito colour-blind-safe set; U.S. strikes are blue, attacks
 * on U.S. forces warm.
 */
import type { IncidentType } from '../data/types';

/** RGB per incident type. */
export const TYPE_COLORS: Record<IncidentType, [number, number, number]> = {
  drone: [230, 159, 0],
  rocket: [213, 94, 0],
  missile: [204, 121, 167],
  mixed: [140, 81, 10],
  unknown: [110, 110, 110],
  us_strike: [0, 114, 178],
};

/** Human label per incident type. */
export const TYPE_LABELS: Record<IncidentType, string> = {
  drone: 'Drone',
  rocket: 'Rocket',
  missile: 'Missile',
  mixed: 'Mixed / several',
  unknown: 'Unknown weapon',
  us_strike: 'U.S. strike',
};

/** CSS colour of an incident type. */
export function typeCss(type: IncidentType): string {
  return `rgb(${TYPE_COLORS[type].join(',')})`;
}

/** Force-level classes (U.S. troops): lower bounds and fill colours, light to dark. */
export const FORCE_CLASSES: { min: number; color: string }[] = [
  { min: 0, color: '#e5f2dc' },
  { min: 1000, color: '#c4e2b0' },
  { min: 2500, color: '#97cb83' },
  { min: 5000, color: '#62a85a' },
  { min: 10000, color: '#357a3a' },
];

/** Label of a force class, e.g. "1,000–2,499". */
export function forceClassLabel(i: number): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const cls = FORCE_CLASSES[i]!;
  const next = FORCE_CLASSES[i + 1];
  return next ? `${fmt(cls.min)}–${fmt(next.min - 1)}` : `${fmt(cls.min)} or more`;
}

/** Base symbol colours: active and inactive at the window's end. */
export const BASE_COLORS = { active: '#1b2a41', inactive: '#9aa3ad' };

/** Density (heatmap) colours, light to dark: ColorBrewer YlOrRd, sequential (more, darker). */
export const DENSITY_COLORS: readonly (readonly [number, number, number])[] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];
