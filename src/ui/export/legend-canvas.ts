/** The legend drawn on the export's canvas, from the legend model (legend-model.ts). */
import { fitLine, font, INK, LINE, MUTED, wrapText } from './canvas-text';
import type { Rect } from './composition';
import type { LegendSection, Swatch } from './legend-model';

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
export function drawLegend(ctx: CanvasRenderingContext2D, box: Rect, sections: LegendSection[]) {
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
