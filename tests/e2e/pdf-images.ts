/**
 * The raster images of a PDF printed by Chromium (`page.pdf()`), so a test can look at what was
 * really printed of a canvas. Chromium (Skia) writes each image as an XObject with a direct
 * `/Length`: RGB pixels deflated (`/FlateDecode`), which are returned here re-encoded as a PNG,
 * or a JPEG (`/DCTDecode`), returned as it is. Both decode with `createImageBitmap` in a page.
 * Masks and other colour layouts are skipped.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** An image of the PDF: its size and an encoded file (PNG or JPEG) of its pixels. */
export interface PdfImage {
  width: number;
  height: number;
  file: Buffer;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG of `rgb` (rows of width × 3 bytes). */
function rgbPng(width: number, height: number, rgb: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The PDF's RGB and JPEG images, largest first. */
export function pdfImages(pdf: Buffer): PdfImage[] {
  const text = pdf.toString('latin1');
  const images: PdfImage[] = [];
  const objects = /\d+ 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let m = objects.exec(text); m; m = objects.exec(text)) {
    const dict = m[1]!;
    if (!/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1]);
    const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1]);
    const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1]);
    if (!width || !height || !length) continue;
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, start + length);
    if (/\/DCTDecode/.test(dict)) images.push({ width, height, file: Buffer.from(bytes) });
    else if (/\/FlateDecode/.test(dict) && /\/BitsPerComponent\s+8/.test(dict)) {
      const pixels = inflateSync(bytes);
      if (pixels.length === width * height * 3)
        images.push({ width, height, file: rgbPng(width, height, pixels) });
    }
  }
  return images.sort((a, b) => b.width * b.height - a.width * a.height);
}
