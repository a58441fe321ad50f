import { createReadStream } from 'node:fs';
import { chmod, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Where attachment bytes live; the database holds only their keys. */
export interface AttachmentStore {
  /** A local folder where incoming files are received before they are checked. */
  readonly staging: string;
  /** Takes the checked file at `path` (in `staging`) durably into the store under `key`. */
  putFile(key: string, path: string): Promise<void>;
  read(key: string): Promise<Readable | undefined>;
  remove(key: string): Promise<void>;
  /** Every key held: for checking the store against the database. */
  list(): Promise<string[]>;
}

/** Keys are the hub's own random ids; anything else is refused before it reaches a path or a bucket. */
export function checkedKey(key: string): string {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(key)) throw new Error('invalid attachment key');
  return key;
}

/**
 * Attachments as files in one folder, received in its `.staging` subfolder on
 * the same disk: a checked file is flushed to disk, then renamed into place,
 * so a key the database names never points at half a file.
 */
export function folderStore(dir: string): AttachmentStore {
  const path = (key: string) => join(dir, checkedKey(key));
  return {
    staging: join(dir, '.staging'),
    async putFile(key, source) {
      // Tools that rewrote the file (ExifTool, qpdf) made it with the process's default mode.
      await chmod(source, 0o600);
      const file = await open(source, 'r');
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(source, path(key));
    },
    async read(key) {
      const target = path(key);
      const found = await stat(target).catch(() => undefined);
      return found?.isFile() ? createReadStream(target) : undefined;
    },
    async remove(key) {
      await rm(path(key), { force: true });
    },
    async list() {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    },
  };
}
