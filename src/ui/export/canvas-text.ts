/** Text on the export's canvas: the font, the colours, and breaking text into lines that fit. */

/** The app's font stack (styles.css), so exports read like the page. */
export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/** Text, secondary text and rule colours (the page's --ink, --muted and --line). */
export const INK = '#1d2430';
export const MUTED = '#5b6573';
export const LINE = '#d6dbe1';

/** A canvas font at a size (layout pixels) and weight. */
export const font = (size: number, weight = 400) => `${weight} ${size}px ${FONT_STACK}`;

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
export function fitLine(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  return wrapText(ctx, text.replace(/\s+/g, ' '), maxWidth, 1)[0] ?? '';
}
