import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { type AttachmentStore, checkedKey } from './store';

export interface S3StoreOptions {
  bucket: string;
  /** Put before every key, e.g. `lapor/`, to share a bucket. */
  prefix?: string;
  /** An S3-compatible server's address (MinIO, Ceph, a provider's); AWS S3 itself without it. */
  endpoint?: string;
  region?: string;
  /** Where incoming files are received and checked before they go to the bucket: a local folder. */
  staging: string;
  /** Credentials and the rest; by default the AWS SDK's own chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role). */
  client?: S3ClientConfig;
}

/**
 * Attachments in an S3 bucket that every hub process shares. A checked file
 * is uploaded whole (S3 makes an object visible only once it is complete),
 * then its staged copy is removed, so a key the database names never points
 * at half a file.
 */
export function s3Store(options: S3StoreOptions): AttachmentStore {
  // The SDK is loaded with the first file (about 20 MB of memory), not with every hub that keeps files on disk.
  let connected: Promise<S3> | undefined;
  const s3 = () => {
    connected ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: options.region ?? 'us-east-1',
        ...(options.endpoint && { endpoint: options.endpoint, forcePathStyle: true }),
        // Checksums only where S3 requires them: S3-compatible servers do not all take the SDK's newer ones.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...options.client,
      }),
    }));
    return connected;
  };
  const prefix = options.prefix ?? '';
  const Bucket = options.bucket;
  const Key = (key: string) => `${prefix}${checkedKey(key)}`;
  return {
    staging: options.staging,
    async putFile(key, source) {
      const { size } = await stat(source);
      const { sdk, client } = await s3();
      await client.send(
        new sdk.PutObjectCommand({ Bucket, Key: Key(key), Body: createReadStream(source), ContentLength: size }),
      );
      await rm(source, { force: true });
    },
    async read(key) {
      const { sdk, client } = await s3();
      try {
        const { Body } = await client.send(new sdk.GetObjectCommand({ Bucket, Key: Key(key) }));
        return Body instanceof Readable ? Body : undefined;
      } catch (error) {
        if (error instanceof sdk.NoSuchKey) return undefined;
        throw error;
      }
    },
    async remove(key) {
      const { sdk, client } = await s3();
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: Key(key) }));
    },
    async list() {
      const { sdk, client } = await s3();
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new sdk.ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key.slice(prefix.length));
        ContinuationToken = page.NextContinuationToken;
      } while (ContinuationToken);
      return keys;
    },
  };
}

interface S3 {
  sdk: typeof import('@aws-sdk/client-s3');
  client: import('@aws-sdk/client-s3').S3Client;
}
