/**
 * The export's composition on a 2D canvas: title, the window in words and its counts on top, the
 * map with the legend beside it, the sources line, the caveat and the "data as of" stamp at the
 * bottom. Laid out in layout pixels and drawn at the preset's scale, so a slide (1920 × 1080 at
 * 1.5×) reads like the map on a 1280 px screen. Text is drawn with `fillText`: never markup.
 */
import { fitLine, font, INK, LINE, MUTED, wrapText } from './canvas-text';
import { drawLegend } from './legend-canvas';
import type { LegendSection } from './legend-model';

/** An output size: pixels of the file, and output pixels per layout pixel. */
export interface OutputSize {
  width: number;
  height: number;
  scale: number;
}

/** The words of one frame. `overlay` (video) burns the window's end date into the map. */
export interface CompositionText {
  title: string;
  windowText: string;
  countsText: string;
  sources: string;
  asOf: string;
  caveat: string | null;
  overlay?: { date: string; detail: string } | null;
}

/** A rectangle in layout pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where everything goes; fixed for a whole video so the map keeps its size. */
export interface Plan {
  size: OutputSize;
  titleLines: string[];
  footLines: { sources: string[]; caveat: string[] };
  map: Rect;
  legend: Rect;
}

const MARGIN = 20;
const TITLE = { size: 24, line: 30, lines: 2 };
const SUB = { size: 15, line: 20 };
const FOOT = { size: 12, line: 16 };
const LEGEND_WIDTH = 220;
const GAP = 16;

/** The layout size (output pixels divided by the scale). */
function layoutSize(size: OutputSize): { width: number; height: number } {
  return { width: size.width / size.scale, height: size.height / size.scale };
}

/** Lays the composition out for a size: the map gets what the text and the legend leave. */
export function planComposition(
  ctx: CanvasRenderingContext2D,
  size: OutputSize,
  text: CompositionText,
): Plan {
  const { width, height } = layoutSize(size);
  const inner = width - 2 * MARGIN;
  ctx.font = font(TITLE.size, 700);
  const titleLines = wrapText(ctx, text.title, inner, TITLE.lines);
  ctx.font = font(FOOT.size);
  const asOfWidth = ctx.measureText(text.asOf).width + GAP;
  const sources = wrapText(ctx, text.sources, inner - asOfWidth, 2);
  const caveat = text.caveat ? wrapText(ctx, text.caveat, inner, 2) : [];
  const top = MARGIN + titleLines.length * TITLE.line + 4 + 2 * SUB.line + 12;
  const footer = 10 + (sources.length + caveat.length) * FOOT.line + MARGIN - 4;
  const mapHeight = Math.max(80, Math.floor(height - top - footer));
  const mapWidth = Math.floor(inner - LEGEND_WIDTH - GAP);
  return {
    size,
    titleLines,
    footLines: { sources, caveat },
    map: { x: MARGIN, y: top, width: mapWidth, height: mapHeight },
    legend: { x: MARGIN + mapWidth + GAP, y: top, width: LEGEND_WIDTH, height: mapHeight },
  };
}

/** The burned-in date of a video frame, at the map's lower left. */
function drawOverlay(
  ctx: CanvasRenderingContext2D,
  map: Rect,
  o: { date: string; detail: string },
) {
  ctx.save();
  ctx.font = font(30, 700);
  const w1 = ctx.measureText(o.date).width;
  ctx.font = font(13);
  const w2 = ctx.measureText(o.detail).width;
  const w = Math.min(map.width - 24, Math.max(w1, w2) + 24);
  const h = 66;
  const x = map.x + 12;
  const y = map.y + map.height - h - 12;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.strokeStyle = LINE;
  ctx.fillRect(x, y, w, h);
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = INK;
  ctx.font = font(30, 700);
  ctx.fillText(o.date, x + 12, y + 36);
  ctx.fillStyle = MUTED;
  ctx.font = font(13);
  ctx.fillText(fitLine(ctx, o.detail, w - 24), x + 12, y + 56);
  ctx.restore();
}

/** Draws a whole frame: text, the map image (drawn at the map box), the legend, the footer. */
export function drawComposition(
  ctx: CanvasRenderingContext2D,
  plan: Plan,
  text: CompositionText,
  legend: LegendSection[],
  mapImage: CanvasImageSource | null,
): void {
  const { width, height } = layoutSize(plan.size);
  const inner = width - 2 * MARGIN;
  ctx.save();
  ctx.setTransform(plan.size.scale, 0, 0, plan.size.scale, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';

  let y = MARGIN;
  ctx.fillStyle = INK;
  ctx.font = font(TITLE.size, 700);
  for (const line of plan.titleLines) {
    ctx.fillText(line, MARGIN, y + TITLE.size);
    y += TITLE.line;
  }
  y += 4;
  ctx.font = font(SUB.size, 600);
  ctx.fillText(fitLine(ctx, text.windowText, inner), MARGIN, y + SUB.size);
  y += SUB.line;
  ctx.font = font(SUB.size);
  ctx.fillStyle = MUTED;
  ctx.fillText(fitLine(ctx, text.countsText, inner), MARGIN, y + SUB.size);

  const m = plan.map;
  ctx.fillStyle = '#c9dde8';
  ctx.fillRect(m.x, m.y, m.width, m.height);
  if (mapImage) ctx.drawImage(mapImage, m.x, m.y, m.width, m.height);
  ctx.strokeStyle = LINE;
  ctx.lineWidth = 1;
  ctx.strokeRect(m.x - 0.5, m.y - 0.5, m.width + 1, m.height + 1);
  if (text.overlay) drawOverlay(ctx, m, text.overlay);
  drawLegend(ctx, plan.legend, legend);

  y = m.y + m.height + 10;
  ctx.font = font(FOOT.size);
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'right';
  ctx.fillText(text.asOf, width - MARGIN, y + FOOT.size);
  ctx.textAlign = 'left';
  for (const line of [...plan.footLines.sources, ...plan.footLines.caveat]) {
    ctx.fillText(line, MARGIN, y + FOOT.size);
    y += FOOT.line;
  }
  ctx.restore();
}
