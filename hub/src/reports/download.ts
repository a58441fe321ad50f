import type { Readable } from 'node:stream';
import type { AttachmentStore } from '../attachments/store';
import type { Db } from '../db/client';
import type { Attachment } from '../db/schema';
import { DomainError } from '../errors';
import type { Keyring } from '../privacy/keyring';
import type { Access } from './access';
import { attachmentContext } from './create';
import { findAttachment } from './views';

export interface Download {
  attachment: Attachment;
  /** The name the viewer knows the file by: the reporter's own, or `lampiran-N.ext` for the public. */
  name: string;
  /** The bytes as stored, or decrypted when they are sealed. */
  content: Readable | Uint8Array<ArrayBuffer>;
}

/** One attachment of a report, for a viewer who may see it: a confidential report's files are its reporter's alone. */
export async function downloadAttachment(
  { db, keyring, attachments }: { db: Db; keyring: Keyring; attachments: AttachmentStore },
  { report, viewer }: Access,
  publicId: string,
): Promise<Download> {
  const found = await findAttachment(db, keyring, report, publicId, viewer);
  if (!found) throw new DomainError('not_found', 'This report has no such attachment');
  if (report.confidential && viewer !== 'reporter') {
    throw new DomainError('invalid_receipt', 'A confidential report’s attachments need its receipt');
  }
  const { attachment, name } = found;
  const stream = await attachments.read(attachment.storageKey);
  if (!stream) throw new Error(`attachment ${attachment.id} is missing from the store`);
  if (!attachment.envelope) return { attachment, name, content: stream };
  const sealed = Buffer.concat(await stream.toArray());
  const content = new Uint8Array(
    keyring.decryptBytes(sealed, attachment.envelope, attachmentContext(attachment.publicId)),
  );
  return { attachment, name, content };
}
