import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Where attachment bytes live; the database holds only their keys. */
export interface AttachmentStore {
  /** Stores the bytes durably under the given key before resolving. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  read(key: string): Promise<Readable | undefined>;
  remove(key: string): Promise<void>;
}

/**
 * Attachments as files in one folder. A file is written under a temporary
 * name, flushed to disk, then renamed, so a crash never leaves half a file
 * under a key the database names.
 */
export function folderStore(dir: string): AttachmentStore {
  const path = (key: string) => {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(key)) throw new Error('invalid attachment key');
    return join(dir, key);
  };
  let ready: Promise<unknown> | undefined;
  return {
    async put(key, bytes) {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      const target = path(key);
      const temporary = `${target}.partial`;
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    },
    async read(key) {
      const target = path(key);
      const found = await stat(target).catch(() => undefined);
      return found?.isFile() ? createReadStream(target) : undefined;
    },
    async remove(key) {
      await rm(path(key), { force: true });
    },
  };
}
