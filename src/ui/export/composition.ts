/**
 * The export's composition on a 2D canvas: title, the window in words and its counts on top, the
 * map with the legend beside it, the sources line, the caveat and the "data as of" stamp at the
 * bottom. Laid out in layout pixels and drawn at the preset's scale, so a slide (1920 × 1080 at
 * 1.5×) reads like the map on a 1280 px screen. Text is drawn with `fillText`: never markup.
 */
import type { LegendSection, Swatch } from './legend-model';

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

export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const INK = '#1d2430';
const MUTED = '#5b6573';
const LINE = '#d6dbe1';
const MARGIN = 20;
const TITLE = { size: 24, line: 30, lines: 2 };
const SUB = { size: 15, line: 20 };
const FOOT = { size: 12, line: 16 };
const LEGEND_WIDTH = 220;
const GAP = 16;

const font = (size: number, weight = 400) => `${weight} ${size}px ${FONT_STACK}`;

/** The layout size (output pixels divided by the scale). */
function layoutSize(size: OutputSize): { width: number; height: number } {
  return { width: size.width / size.scale, height: size.height / size.scale };
}

/**
 * Breaks text into at most `maxLines` lines of `maxWidth` (at the context's font); the last line
 * ends with "…" when text is left over. A word longer than a line is cut.
 */
export function wrapText(
  ctx: CanvasRenderingContext2D,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] {
  const fits = (s: string) => ctx.measureText(s).width <= maxWidth;
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) lines.push(line);
  const used = lines.join(' ').split(/\s+/).filter(Boolean).length;
  const leftOver = used < words.length || lines.some((l) => !fits(l));
  if (leftOver && lines.length) {
    let last = lines[lines.length - 1]!;
    while (last && !fits(`${last}…`)) last = [...last].slice(0, -1).join('').trimEnd();
    lines[lines.length - 1] = `${last}…`;
  }
  return lines.slice(0, maxLines);
}

/** Cuts one line to `maxWidth` with an ellipsis. */
function fitLine(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  return wrapText(ctx, text.replace(/\s+/g, ' '), maxWidth, 1)[0] ?? '';
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

function drawSwatch(ctx: CanvasRenderingContext2D, s: Swatch, x: number, cy: number, k: number) {
  const r = 5.5 * k;
  const cx = x + 8 * k;
  ctx.save();
  ctx.lineWidth = k;
  switch (s.kind) {
    case 'dot':
    case 'faint':
      ctx.globalAlpha = s.kind === 'faint' ? 0.4 : 1;
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
      ctx.fillStyle = s.color;
      ctx.fill();
      ctx.strokeStyle = 'rgba(30,30,30,0.8)';
      ctx.stroke();
      break;
    case 'ring':
      ctx.beginPath();
      ctx.arc(cx, cy, r - k, 0, 2 * Math.PI);
      ctx.lineWidth = 2 * k;
      ctx.strokeStyle = s.color;
      ctx.stroke();
      break;
    case 'box':
    case 'box-stale':
      ctx.fillStyle = s.color;
      ctx.fillRect(x, cy - r, 16 * k, 2 * r);
      if (s.kind === 'box-stale') {
        ctx.beginPath();
        ctx.rect(x, cy - r, 16 * k, 2 * r);
        ctx.clip();
        ctx.strokeStyle = 'rgba(90, 60, 10, 0.55)';
        for (let o = -2 * r; o < 16 * k; o += 4 * k) {
          ctx.moveTo(x + o, cy + r);
          ctx.lineTo(x + o + 2 * r, cy - r);
        }
        ctx.stroke();
      }
      ctx.strokeStyle = 'rgba(0,0,0,0.15)';
      ctx.strokeRect(x, cy - r, 16 * k, 2 * r);
      break;
    case 'box-none':
      ctx.setLineDash([2 * k, 2 * k]);
      ctx.strokeStyle = '#9aa3ad';
      ctx.strokeRect(x + 0.5, cy - r + 0.5, 16 * k - 1, 2 * r - 1);
      break;
    case 'base':
      ctx.globalAlpha = s.opacity;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(cx - r - 1.5 * k, cy - r - 1.5 * k, 2 * r + 3 * k, 2 * r + 3 * k);
      ctx.fillStyle = s.color;
      ctx.fillRect(cx - r, cy - r, 2 * r, 2 * r);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(cx - r / 2, cy - r / 2, r, r);
      break;
    case 'ramp': {
      const w = 90 * k;
      const g = ctx.createLinearGradient(x, 0, x + w, 0);
      s.colors.forEach((c, i) => g.addColorStop(i / (s.colors.length - 1), c));
      ctx.fillStyle = g;
      ctx.fillRect(x, cy - r, w, 2 * r);
      break;
    }
  }
  ctx.restore();
}

/** The legend's text broken into lines at font factor k, and the height it takes. */
function measureLegend(
  ctx: CanvasRenderingContext2D,
  box: Rect,
  sections: LegendSection[],
  k: number,
): { items: string[][][]; notes: string[][]; height: number } {
  const pad = 10;
  let height = 30 * k;
  ctx.font = font(12.5 * k);
  const items = sections.map((s) =>
    s.items.map((item) => {
      const left = item.swatch.kind === 'ramp' ? 98 * k : 24 * k;
      return wrapText(ctx, item.label, box.width - 2 * pad - left, 2);
    }),
  );
  ctx.font = font(11 * k);
  const notes = sections.map((s) => (s.note ? wrapText(ctx, s.note, box.width - 2 * pad, 2) : []));
  sections.forEach((_, i) => {
    const lines = items[i]!.reduce((n, l) => n + l.length, 0);
    height += 19 * k + lines * 17 * k + notes[i]!.length * 14 * k + 8 * k;
  });
  return { items, notes, height };
}

/** Draws the legend into its box, shrinking the type (down to 70 %) until it fits. */
function drawLegend(ctx: CanvasRenderingContext2D, box: Rect, sections: LegendSection[]) {
  const pad = 10;
  let k = 1;
  let m = measureLegend(ctx, box, sections, k);
  while (k > 0.7 && m.height > box.height) {
    k -= 0.05;
    m = measureLegend(ctx, box, sections, k);
  }
  const height = Math.min(box.height, m.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.width, box.height);
  ctx.clip();
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = LINE;
  ctx.lineWidth = 1;
  ctx.fillRect(box.x, box.y, box.width, height);
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, height - 1);
  ctx.textBaseline = 'middle';
  let y = box.y + 12 * k;
  ctx.fillStyle = MUTED;
  ctx.font = font(11 * k, 700);
  ctx.fillText('LEGEND', box.x + pad, y + 5 * k);
  y += 18 * k;
  sections.forEach((s, i) => {
    ctx.fillStyle = INK;
    ctx.font = font(13 * k, 700);
    ctx.fillText(fitLine(ctx, s.title, box.width - 2 * pad), box.x + pad, y + 9 * k);
    y += 19 * k;
    ctx.font = font(12.5 * k);
    s.items.forEach((item, j) => {
      drawSwatch(ctx, item.swatch, box.x + pad, y + 8.5 * k, k);
      const left = item.swatch.kind === 'ramp' ? 98 * k : 24 * k;
      ctx.fillStyle = INK;
      for (const line of m.items[i]![j]!) {
        ctx.fillText(line, box.x + pad + left, y + 8.5 * k);
        y += 17 * k;
      }
    });
    ctx.font = font(11 * k);
    ctx.fillStyle = MUTED;
    for (const line of m.notes[i]!) {
      ctx.fillText(line, box.x + pad, y + 7 * k);
      y += 14 * k;
    }
    y += 8 * k;
  });
  ctx.restore();
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
