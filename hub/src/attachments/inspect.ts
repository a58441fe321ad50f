import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import {
  ATTACHMENT_MEDIA_TYPES,
  type AttachmentProblem,
  attachmentProblem,
  extensionOf,
} from '../../../contract/attachments';
import { canRemoveMetadata, removeMetadata } from './metadata';
import type { StagedFile } from './staging';

/** A staged file that passed every check, with its metadata removed. */
export interface InspectedFile {
  fileName: string;
  mediaType: string;
  path: string;
  size: number;
  sha256: string;
}

export type Inspection = { ok: true; file: InspectedFile } | { ok: false; problem: AttachmentProblem };

/**
 * Accepts a file only if its own bytes show an allowed type (a renamed
 * executable or an HTML page called `foto.jpg` is refused) whose metadata
 * the hub can remove, then removes it before anything else sees the file.
 */
export async function inspectAttachment(staged: StagedFile): Promise<Inspection> {
  if (staged.truncated) return { ok: false, problem: 'too_big' };
  const problem = attachmentProblem(staged);
  if (problem) return { ok: false, problem };
  // Loaded with the first attachment (file-type holds every signature it knows): JSON filings never need it.
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(staged.path);
  if (!detected || !ATTACHMENT_MEDIA_TYPES.has(detected.mime) || !canRemoveMetadata(detected.mime)) {
    return { ok: false, problem: 'unsupported_type' };
  }
  // ExifTool picks its writer by extension, so the file is named for what its bytes are.
  const path = `${staged.path.replace(/\.partial$/, '')}.${detected.ext}`;
  await rename(staged.path, path);
  staged.path = path;
  try {
    await removeMetadata(path, detected.mime);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const { size, sha256 } = await digest(path);
  return { ok: true, file: { fileName: safeFileName(staged.name), mediaType: detected.mime, path, size, sha256 } };
}

async function digest(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(createReadStream(path), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      size += chunk.length;
      hash.update(chunk);
    }
  });
  return { size, sha256: hash.digest('hex') };
}

/** The last path segment, without control characters, at most 200 characters, keeping the extension. */
export function safeFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (base.length <= 200) return base || 'lampiran';
  const ext = extensionOf(base);
  const suffix = ext && ext.length < 10 ? `.${ext}` : '';
  return base.slice(0, 200 - suffix.length) + suffix;
}
