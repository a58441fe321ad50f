import { join } from 'node:path';
import S3rver from 's3rver';
import { s3Store } from '../attachments/s3-store';
import { type AttachmentStore, folderStore } from '../attachments/store';

export interface TestAttachments {
  store: AttachmentStore;
  close(): Promise<void>;
}

/**
 * Where one test keeps attachments: a folder in `dir`, or, with
 * HUB_TEST_S3 set, a bucket on an S3-protocol server (s3rver) of its own on
 * loopback, speaking to the hub's S3 store exactly as a real one would.
 */
export async function testAttachments(dir: string): Promise<TestAttachments> {
  if (!process.env.HUB_TEST_S3) return { store: folderStore(join(dir, 'attachments')), close: async () => {} };
  const bucket = 'lapor-attachments';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(dir, 's3'),
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    store: s3Store({
      bucket,
      prefix: 'reports/',
      endpoint: `http://127.0.0.1:${port}`,
      staging: join(dir, 'staging'),
      client: { credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
    }),
    close: () => server.close(),
  };
}
