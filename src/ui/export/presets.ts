/**
 * Output sizes. `scale` is output pixels per layout pixel: the composition (and the map, through
 * its pixel ratio) is laid out at width / scale, so type and marks keep a readable size at every
 * preset, as on a screen of that layout width.
 */
import type { OutputSize } from './composition';

/** A PNG preset. */
export interface PngPreset extends OutputSize {
  id: 'slide' | 'web' | 'a4';
  label: string;
}

/** 297 × 210 mm at 150 dpi. */
const A4_150 = { width: Math.round((297 / 25.4) * 150), height: Math.round((210 / 25.4) * 150) };

export const PNG_PRESETS: readonly PngPreset[] = [
  { id: 'slide', label: 'Slide, 1920 × 1080', width: 1920, height: 1080, scale: 1.5 },
  { id: 'web', label: 'Web, 1200 × 675', width: 1200, height: 675, scale: 1 },
  {
    id: 'a4',
    label: `A4 landscape, 150 dpi (${A4_150.width} × ${A4_150.height})`,
    ...A4_150,
    scale: 1.5,
  },
];

/** The video's frame size. */
export const VIDEO_SIZE: OutputSize = { width: 1280, height: 720, scale: 1 };
