import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
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
 * Every file in `dir` whose name starts with one of `stems`: a staged file
 * under each name it took (`.partial`, then its type's extension) and
 * whatever a tool left beside it (a backup, a temporary copy).
 */
async function removeStems(dir: string, stems: readonly string[]): Promise<void> {
  if (!stems.length) return;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => stems.some((stem) => name.startsWith(stem)))
      .map((name) => rm(join(dir, name), { force: true, recursive: true })),
  );
}

/** Older than any upload can take: a file left this long in staging belongs to a request that ended badly. */
export const STAGING_MAX_AGE_MS = 15 * 60_000;

/**
 * Removes what a crashed or killed hub left in staging: files older than
 * STAGING_MAX_AGE_MS (younger ones may be another hub process's uploads
 * in flight, when several share the folder). Run at start-up and now and
 * then while the hub runs; returns how many files it removed.
 */
export async function sweepStaging(dir: string, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs >= STAGING_MAX_AGE_MS) {
      await rm(path, { force: true, recursive: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Streams a multipart body into `dir`: each file to its own randomly named
 * file, cut off past 2 MB, never more than the allowed number kept. Nothing
 * is held whole in memory, and a malformed body rejects with the files
 * removed. File names are read as UTF-8, as browsers send them.
 */
export async function stageMultipart(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  dir: string,
): Promise<StagedMultipart> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stems: string[] = [];
  const staged: StagedMultipart = {
    reportTooLong: false,
    files: [],
    tooManyFiles: false,
    unexpected: [],
    discard: () => removeStems(dir, stems),
  };
  const writes: Promise<void>[] = [];
  const parser = busboy({
    headers: { 'content-type': contentType },
    defParamCharset: 'utf8',
    limits: {
      // busboy calls a file that reaches the limit truncated: one byte more tells a file of exactly 2 MB from a longer one.
      fileSize: ATTACHMENT_MAX_BYTES + 1,
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
    const stem = randomBytes(16).toString('hex');
    stems.push(stem);
    const file: StagedFile = {
      name: info.filename ?? '',
      path: join(dir, `${stem}.partial`),
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
