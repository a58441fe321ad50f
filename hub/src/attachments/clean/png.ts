import { readFile, writeFile } from 'node:fs/promises';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The chunks a picture needs to look as it did (pixels, palette,
 * transparency, colour space, pixel size, animation). Everything else goes:
 * text (tEXt, zTXt, iTXt), EXIF (eXIf), edit time (tIME), ICC profiles (whose
 * name is free text), and any private chunk an app invents, which no
 * metadata tool knows to remove.
 */
const KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'sBIT',
  'bKGD',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

/**
 * Rewrites a PNG with only the chunks in KEPT, each copied whole (CRC
 * included). An allow-list, a few lines over the format's own framing, is
 * sturdier here than a metadata tool's deny-list. Throws on a file that is
 * not a well-formed PNG.
 */
export async function cleanPng(path: string): Promise<void> {
  const bytes = await readFile(path);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const kept: Buffer[] = [SIGNATURE];
  let offset = 8;
  let ended = false;
  while (!ended) {
    if (offset + 12 > bytes.length) throw new Error('PNG chunk runs past the end');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new Error('PNG chunk runs past the end');
    if (KEPT.has(type)) kept.push(bytes.subarray(offset, end));
    ended = type === 'IEND';
    offset = end;
  }
  await writeFile(path, Buffer.concat(kept));
}
