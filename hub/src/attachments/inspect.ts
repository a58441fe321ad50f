import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_MEDIA_TYPES, type AttachmentProblem, attachmentProblem } from '../../../contract/attachments';

export interface InspectedFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  size: number;
  sha256: string;
}

export type Inspection = { ok: true; file: InspectedFile } | { ok: false; problem: AttachmentProblem };

/**
 * Accepts a file only if its own bytes show an allowed type: a renamed
 * executable or an HTML page called `foto.jpg` is refused.
 */
export async function inspectAttachment(file: File): Promise<Inspection> {
  const problem = attachmentProblem(file);
  if (problem) return { ok: false, problem };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !ATTACHMENT_MEDIA_TYPES.has(detected.mime)) return { ok: false, problem: 'unsupported_type' };
  return {
    ok: true,
    file: {
      fileName: safeFileName(file.name),
      mediaType: detected.mime,
      bytes,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

/** The last path segment, without control characters, at most 200 characters, keeping the extension. */
export function safeFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (base.length <= 200) return base || 'lampiran';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}
