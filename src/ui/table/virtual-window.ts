/**
 * Windowing for the incident table: which rows to render for a scroll position, and the spacer
 * heights around them. Rows have one fixed height. Browsers cap an element's height (about 17.9
 * million px in Firefox, 33.5 million in Chromium), so past `maxHeight` the scroll range is
 * compressed: the scrollbar maps linearly onto the rows instead of one pixel per pixel.
 */

/** Inputs: the number of rows, their height, the scroll position and the viewport height (px). */
export interface VirtualInput {
  total: number;
  rowHeight: number;
  scrollTop: number;
  viewport: number;
  overscan?: number;
  maxHeight?: number;
}

/** Rows [start, end) to render, with the spacer heights above and below them. */
export interface VirtualWindow {
  start: number;
  end: number;
  top: number;
  bottom: number;
  /** Full scroll height of the rows (≤ maxHeight). */
  height: number;
}

/** The default cap on the scroll height. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

function geometry(total: number, rowHeight: number, viewport: number, maxHeight: number) {
  const natural = total * rowHeight;
  const height = Math.min(natural, maxHeight);
  const maxScroll = Math.max(0, height - viewport);
  const maxFirst = Math.max(0, total - viewport / rowHeight);
  return { natural, height, maxScroll, maxFirst, compressed: natural > height };
}

/** The rows to render at a scroll position. */
export function virtualWindow({
  total,
  rowHeight,
  scrollTop,
  viewport,
  overscan = 6,
  maxHeight = MAX_SCROLL_HEIGHT,
}: VirtualInput): VirtualWindow {
  const g = geometry(total, rowHeight, viewport, maxHeight);
  const top0 = Math.min(Math.max(0, scrollTop), g.maxScroll);
  // Fractional index of the row at the top edge.
  const pos = g.compressed
    ? g.maxScroll > 0
      ? (top0 / g.maxScroll) * g.maxFirst
      : 0
    : top0 / rowHeight;
  const first = Math.min(Math.floor(pos), Math.max(0, total - 1));
  const offset = (pos - first) * rowHeight;
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + Math.ceil(viewport / rowHeight) + 1 + overscan);
  const top = Math.max(0, top0 - offset - (first - start) * rowHeight);
  const bottom = Math.max(0, g.height - top - (end - start) * rowHeight);
  return { start, end, top, bottom, height: g.height };
}

/** How a row off screen is brought in: `nearest` moves as little as possible, `center` mid-view. */
export type ScrollAlign = 'nearest' | 'center';

/**
 * The scroll position that brings a row fully into view, or null when it already is. With a
 * sticky header inside the scroller, pass the viewport minus the header: rows then start at 0.
 */
export function scrollTopFor(
  index: number,
  input: Omit<VirtualInput, 'overscan'> & { align?: ScrollAlign },
): number | null {
  const { total, rowHeight, viewport, scrollTop, align = 'nearest' } = input;
  const g = geometry(total, rowHeight, viewport, input.maxHeight ?? MAX_SCROLL_HEIGHT);
  if (g.compressed) {
    const w = virtualWindow({ ...input, overscan: 0 });
    const y = w.top + (index - w.start) * rowHeight;
    if (
      index >= w.start &&
      index < w.end &&
      y >= scrollTop &&
      y + rowHeight <= scrollTop + viewport
    )
      return null;
    // One row below the top edge (the fractional top row may be cut), or mid-view.
    const above = align === 'center' ? Math.floor(viewport / rowHeight / 2) : 1;
    const target = Math.max(0, index - above);
    return g.maxFirst > 0
      ? Math.round((Math.min(target, g.maxFirst) / g.maxFirst) * g.maxScroll)
      : 0;
  }
  const y = index * rowHeight;
  const below = y + rowHeight > scrollTop + viewport;
  if (align === 'center' && (y < scrollTop || below)) {
    const max = Math.max(0, g.height - viewport);
    return Math.min(max, Math.max(0, Math.round(y + rowHeight / 2 - viewport / 2)));
  }
  if (y < scrollTop) return y;
  if (below) return y + rowHeight - viewport;
  return null;
}
