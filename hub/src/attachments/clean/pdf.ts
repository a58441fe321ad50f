import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EmbeddedCleaner } from './office';

const run = promisify(execFile);

/** Runs qpdf; exit code 3 is "done, with warnings" (a damaged but readable file), anything else fails. */
async function qpdf(args: string[]): Promise<void> {
  await run('qpdf', args).catch((error) => {
    if ((error as { code?: number }).code !== 3) throw error;
  });
}

/**
 * Rewrites a PDF with qpdf (a maintained PDF transformation tool, Debian's
 * `qpdf`, version 11 or newer): first a new document from its pages alone,
 * with no information dictionary (Author, Title, Creator, Producer), no
 * document XMP, no outline, no form or JavaScript and no earlier revision
 * (editing the metadata in place, as ExifTool does, only appends an update:
 * the original values stay in the file); then every image inside it, a
 * scanned page or a phone photo with its GPS position, goes through
 * `cleanEmbedded` and back in through qpdf's JSON stream files.
 */
export async function cleanPdf(path: string, cleanEmbedded: EmbeddedCleaner): Promise<void> {
  // Named like the upload, so the staging folder's clean-up takes them on every path.
  const rebuilt = `${path}.rebuilt`;
  const streams = `${path}.streams`;
  const objects = join(streams, 'objects.json');
  const out = `${path}.clean`;
  try {
    await qpdf(['--empty', '--pages', path, '1-z', '--', '--flatten-annotations=all', rebuilt]);
    await mkdir(streams, { mode: 0o700 });
    await qpdf([
      rebuilt,
      '--json-output=2',
      '--decode-level=none',
      '--json-stream-data=file',
      `--json-stream-prefix=${join(streams, 'stream')}`,
      objects,
    ]);
    for (const name of await readdir(streams)) {
      if (!name.startsWith('stream')) continue;
      const bytes = new Uint8Array(await readFile(join(streams, name)));
      const cleaned = await cleanEmbedded(bytes);
      if (cleaned !== bytes) await writeFile(join(streams, name), cleaned);
    }
    await qpdf([rebuilt, `--update-from-json=${objects}`, '--object-streams=generate', out]);
    await rename(out, path);
  } finally {
    await Promise.all([rebuilt, out, streams].map((leftover) => rm(leftover, { force: true, recursive: true })));
  }
}

/** Whether qpdf is installed, for the hub's start-up check. */
export async function canCleanPdf(): Promise<boolean> {
  return run('qpdf', ['--version']).then(
    () => true,
    () => false,
  );
}
