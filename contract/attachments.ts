import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT } from './limits';

/**
 * What a report may carry as evidence: images, PDF, office documents and
 * short video (SP4N-LAPOR! takes "gambar, dokumen, dan video"), by the file
 * extension a visitor's device gives and the media type the hub finds in the
 * file's own bytes. The hub trusts only the bytes. Only types whose metadata
 * the hub can remove are here: legacy Office files (.doc, .xls, .ppt) and
 * WebM video carry their author in ways no maintained tool can rewrite, so
 * they are refused rather than passed on with it.
 */
export const ATTACHMENT_TYPES = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
} as const satisfies Record<string, string>;

export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_MEDIA_TYPES: ReadonlySet<string> = new Set(Object.values(ATTACHMENT_TYPES));

/** For `<input type=file accept>`. */
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** `damaged`: the file claims an allowed type but cannot be read as one. */
export type AttachmentProblem = 'too_big' | 'empty' | 'unsupported_type' | 'too_many' | 'damaged';

/** What is wrong with a file by its name and size (before its bytes are read), if anything. */
export function attachmentProblem(file: { name: string; size: number }): AttachmentProblem | undefined {
  if (!(extensionOf(file.name) in ATTACHMENT_TYPES)) return 'unsupported_type';
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'too_big';
  return undefined;
}

export { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT };
