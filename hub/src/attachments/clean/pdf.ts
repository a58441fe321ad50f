import { execFile } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Rewrites a PDF from its pages alone with qpdf (a maintained PDF
 * transformation tool, Debian's `qpdf`): a new document with no information
 * dictionary (Author, Title, Creator, Producer), no document XMP, no
 * outline, no form or JavaScript, and no earlier revision. Editing the
 * metadata in place, as ExifTool does, only appends an update; the original
 * values stay in the file and can be restored.
 */
export async function cleanPdf(path: string): Promise<void> {
  const out = `${path}.clean`;
  try {
    // Exit code 3 is "done, with warnings" (a damaged but readable file); anything else fails.
    await run('qpdf', [
      '--empty',
      '--pages',
      path,
      '1-z',
      '--',
      '--flatten-annotations=all',
      '--object-streams=generate',
      out,
    ]).catch((error) => {
      if ((error as { code?: number }).code !== 3) throw error;
    });
    await rename(out, path);
  } finally {
    await rm(out, { force: true });
  }
}

/** Whether qpdf is installed, for the hub's start-up check. */
export async function canCleanPdf(): Promise<boolean> {
  return run('qpdf', ['--version']).then(
    () => true,
    () => false,
  );
}
