/**
 * Printing the composition: the A4 preset is rendered like the PNG, put in a print-only sheet
 * (`.print-sheet`, shown by the print stylesheet instead of the app) and the browser's print
 * dialog is opened. The sheet goes away after printing. Printing the page without the dialog
 * (Ctrl+P) uses the print stylesheet's own layout of the live page (styles.css, "Export").
 */
import type { AppState } from '../../state/store';
import { PNG_PRESETS } from './presets';
import { canvasToPng, renderComposition, type OpenMap } from './render';

const SHEET_CLASS = 'print-sheet';
const BODY_FLAG = 'has-print-sheet';

/** Removes the print sheet, if any. */
export function removePrintSheet(): void {
  for (const el of document.querySelectorAll(`.${SHEET_CLASS}`)) {
    const img = el.querySelector('img');
    if (img?.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
    el.remove();
  }
  document.body.classList.remove(BODY_FLAG);
}

/** Puts an image of the composition in a print-only sheet; resolves once it is decoded. */
export async function showPrintSheet(png: Blob, title: string): Promise<HTMLImageElement> {
  removePrintSheet();
  const sheet = document.createElement('div');
  sheet.className = SHEET_CLASS;
  const img = document.createElement('img');
  img.alt = title;
  img.src = URL.createObjectURL(png);
  sheet.append(img);
  document.body.append(sheet);
  document.body.classList.add(BODY_FLAG);
  await img.decode();
  return img;
}

/** Renders the A4 composition and opens the print dialog with it. */
export async function printComposition(
  openMap: OpenMap,
  state: AppState,
  title: string,
  signal: AbortSignal,
): Promise<void> {
  const a4 = PNG_PRESETS.find((p) => p.id === 'a4')!;
  const canvas = await renderComposition(openMap, state, a4, title);
  if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
  await showPrintSheet(await canvasToPng(canvas), title);
  window.addEventListener('afterprint', removePrintSheet, { once: true });
  window.print();
}
