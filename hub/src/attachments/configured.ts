import { join } from 'node:path';
import type { Config } from '../config';
import { s3Store } from './s3-store';
import { type AttachmentStore, folderStore } from './store';

/** The attachment store the settings name: S3 receives files in DATA_DIR/staging first, on the local disk. */
export function configuredStore(config: Pick<Config, 'attachments' | 'dataDir'>): AttachmentStore {
  const where = config.attachments;
  return 's3' in where ? s3Store({ ...where.s3, staging: join(config.dataDir, 'staging') }) : folderStore(where.folder);
}
