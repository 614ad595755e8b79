/** Writing an export: chunks gathered with pauses (the page stays responsive), then a Blob download. */
import type { Unparse } from './export';

/** Lets the browser breathe between chunks of a big export. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Collects the chunks into a Blob, yielding to the page every few chunks.
 * @param onProgress share of the chunks done (0–1), for a progress label
 */
export async function collect(
  chunks: Iterable<string>,
  type: string,
  expected: number,
  onProgress?: (share: number) => void,
): Promise<Blob> {
  const parts: string[] = [];
  for (const chunk of chunks) {
    parts.push(chunk);
    if (parts.length % 4 === 0) {
      onProgress?.(Math.min(1, parts.length / Math.max(1, expected)));
      await nextTask();
    }
  }
  return new Blob(parts, { type });
}

/** Saves a Blob as a file through an object URL (the CSP allows blob:); no server involved. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading it before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** papaparse's `unparse`, loaded on first export (kept out of the main bundle). */
export async function loadUnparse(formulaStart: RegExp): Promise<Unparse> {
  const mod = await import('papaparse');
  // A CommonJS module: its API is the default export under the bundler, the namespace elsewhere.
  const papa = mod.default ?? mod;
  return (rows) => papa.unparse(rows, { escapeFormulae: formulaStart, newline: '\r\n' });
}
