import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { cleanOfficeDocument, type EmbeddedCleaner } from './clean/office';
import { cleanPdf } from './clean/pdf';
import { cleanPng } from './clean/png';

let tool: ExifTool | undefined;

/**
 * Removes every tag ExifTool knows (EXIF, XMP, IPTC, GPS, maker notes,
 * QuickTime user data and keys), keeping only the orientation (without it,
 * photos turn sideways), and overwrites the file: by default ExifTool keeps
 * the original beside it as `…_original`, metadata and all.
 */
async function exifTool(path: string): Promise<void> {
  // Loaded with the first file that needs it: a hub that receives none keeps its memory.
  tool ??= new (await import('exiftool-vendored')).ExifTool({ maxProcs: 2 });
  await tool.write(path, {}, { writeArgs: ['-all=', '-Orientation<Orientation', '-overwrite_original'] });
}

/**
 * How each accepted type loses the metadata that can unmask a reporter: a
 * phone photo's place (GPS) and device, a document's author and who last
 * saved it, a video's recording place. A type without a cleaner here is not
 * accepted at all (legacy Office files and WebM, which no maintained tool
 * here can rewrite).
 */
const CLEANERS: Record<string, (path: string) => Promise<void>> = {
  // Inside office documents too: images of kinds no report accepts on its own.
  'image/tiff': exifTool,
  'image/gif': exifTool,
  'image/jpeg': exifTool,
  'image/webp': exifTool,
  'image/heic': exifTool,
  'image/png': cleanPng,
  'video/mp4': exifTool,
  'video/quicktime': exifTool,
  'video/3gpp': exifTool,
  'application/pdf': (path) => cleanPdf(path, embeddedImages(path)),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': officeDocument,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': officeDocument,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': officeDocument,
  'application/vnd.oasis.opendocument.text': officeDocument,
  'application/vnd.oasis.opendocument.spreadsheet': officeDocument,
};

function officeDocument(path: string): Promise<void> {
  return cleanOfficeDocument(path, embeddedImages(path));
}

/**
 * Cleans the images inside the document at `path` (a photo pasted into a
 * letter, a scanned page in a PDF) as attached ones are, each written beside
 * the document in the same private folder for the time it takes.
 */
function embeddedImages(path: string): EmbeddedCleaner {
  return async (bytes) => {
    const { fileTypeFromBuffer } = await import('file-type');
    const type = await fileTypeFromBuffer(bytes);
    const clean = type && !type.mime.startsWith('application/') ? CLEANERS[type.mime] : undefined;
    if (!type || !clean) return bytes;
    // Named like the document, so the staging folder's clean-up takes it on every path.
    const embedded = join(dirname(path), `${basename(path)}.embedded-${randomBytes(4).toString('hex')}.${type.ext}`);
    try {
      await writeFile(embedded, bytes, { mode: 0o600 });
      await clean(embedded);
      return new Uint8Array(await readFile(embedded));
    } finally {
      await rm(embedded, { force: true });
    }
  };
}

export function canRemoveMetadata(mediaType: string): boolean {
  return mediaType in CLEANERS;
}

/**
 * Rewrites the file in place without its metadata. Throws if the file cannot
 * be read as its type, or if its type has no cleaner.
 */
export async function removeMetadata(path: string, mediaType: string): Promise<void> {
  const clean = CLEANERS[mediaType];
  if (!clean) throw new Error(`no metadata cleaner for ${mediaType}`);
  await clean(path);
}

/** Stops the ExifTool processes, at shutdown. */
export async function closeMetadataStripper(): Promise<void> {
  await tool?.end();
  tool = undefined;
}
