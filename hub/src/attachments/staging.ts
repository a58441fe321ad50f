import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT, JSON_BODY_MAX_BYTES } from '../../../contract';

/** A file received from a multipart body, on disk, not yet checked. */
export interface StagedFile {
  name: string;
  path: string;
  size: number;
  /** The file was longer than the per-file limit; only the first bytes were kept. */
  truncated: boolean;
}

export interface StagedMultipart {
  /** The `report` field, if sent. */
  report?: string;
  reportTooLong: boolean;
  files: StagedFile[];
  /** More files were sent than a report may carry; those past the limit were not kept. */
  tooManyFiles: boolean;
  /** Parts other than `report` and `attachments`. */
  unexpected: string[];
  /** Removes every staged file. */
  discard(): Promise<void>;
}

/**
 * Streams a multipart body into `dir`: each file to its own randomly named
 * file, cut off past 2 MB, never more than the allowed number kept. Nothing
 * is held whole in memory, and a malformed body rejects with the files removed.
 */
export async function stageMultipart(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  dir: string,
): Promise<StagedMultipart> {
  await mkdir(dir, { recursive: true });
  const staged: StagedMultipart = {
    reportTooLong: false,
    files: [],
    tooManyFiles: false,
    unexpected: [],
    discard: () => Promise.all(staged.files.map((f) => rm(f.path, { force: true }))).then(() => undefined),
  };
  const writes: Promise<void>[] = [];
  const parser = busboy({
    headers: { 'content-type': contentType },
    limits: {
      fileSize: ATTACHMENT_MAX_BYTES,
      files: ATTACHMENT_MAX_COUNT,
      fieldSize: JSON_BODY_MAX_BYTES,
      fields: 10,
      parts: ATTACHMENT_MAX_COUNT + 10,
    },
  });
  parser.on('field', (name, value, info) => {
    if (name !== 'report') staged.unexpected.push(name);
    else {
      staged.report = value;
      staged.reportTooLong = info.valueTruncated;
    }
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'attachments') {
      staged.unexpected.push(name);
      stream.resume();
      return;
    }
    const file: StagedFile = {
      name: info.filename ?? '',
      path: join(dir, `${randomBytes(16).toString('hex')}.partial`),
      size: 0,
      truncated: false,
    };
    staged.files.push(file);
    stream.on('data', (chunk: Buffer) => {
      file.size += chunk.length;
    });
    stream.on('limit', () => {
      file.truncated = true;
    });
    writes.push(pipeline(stream, createWriteStream(file.path, { mode: 0o600 })));
  });
  parser.on('filesLimit', () => {
    staged.tooManyFiles = true;
  });
  try {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), parser);
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes);
    await staged.discard();
    throw error;
  }
  return staged;
}
