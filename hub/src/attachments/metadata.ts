import { ExifTool } from 'exiftool-vendored';

/**
 * Media whose metadata ExifTool can remove. A phone photo's EXIF and XMP
 * carry the place it was taken (GPS), the device and often the owner's name:
 * enough to unmask an anonymous reporter.
 */
const STRIPPABLE = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'video/mp4',
  'video/quicktime',
  'video/3gpp',
]);

let tool: ExifTool | undefined;

export function canStripMetadata(mediaType: string): boolean {
  return STRIPPABLE.has(mediaType);
}

/**
 * Removes all metadata from the file in place, keeping only the orientation
 * (without it, photos turn sideways). Throws if the file cannot be read as
 * its type.
 */
export async function stripMetadata(path: string): Promise<void> {
  tool ??= new ExifTool({ maxProcs: 2 });
  await tool.deleteAllTags(path, { retain: ['Orientation'] });
}

/** Stops the ExifTool processes, at shutdown. */
export async function closeMetadataStripper(): Promise<void> {
  await tool?.end();
  tool = undefined;
}
