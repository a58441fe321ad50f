import { ATTACHMENT_TYPES } from '../../../contract/attachments';
import type { Attachment } from '../db/schema';
import type { Keyring } from './keyring';
import { openStored, resealStored } from './sealed-value';

/**
 * A file's name is the reporter's data: phones and scanners name files after
 * people (`KTP_7371…_Andi_Pratama.pdf`). The original is sealed at rest and
 * shown to the reporter alone (and to the institution when the reporter is
 * not anonymous); everyone else sees a neutral name.
 */
const context = (publicId: string) => `attachments.fileName:${publicId}`;

export function sealFileName(keyring: Keyring, name: string, publicId: string): string {
  return keyring.encrypt(name, context(publicId));
}

/** The original name; a row stored before names were sealed (see `npm run hub -- keys rotate`) is read as it is. */
export function openFileName(keyring: Keyring, attachment: Pick<Attachment, 'fileName' | 'publicId'>): string {
  return openStored(keyring, attachment.fileName, context(attachment.publicId));
}

/** The name sealed with the current key, or null when it already is. */
export function resealFileName(keyring: Keyring, attachment: Pick<Attachment, 'fileName' | 'publicId'>): string | null {
  return resealStored(keyring, attachment.fileName, context(attachment.publicId));
}

const EXTENSION_OF = new Map<string, string>();
for (const [ext, mediaType] of Object.entries(ATTACHMENT_TYPES))
  if (!EXTENSION_OF.has(mediaType)) EXTENSION_OF.set(mediaType, ext);

/** `lampiran-1.pdf`: the name the public and the recipients of an anonymous report see. */
export function neutralFileName(index: number, mediaType: string): string {
  const ext = EXTENSION_OF.get(mediaType);
  return `lampiran-${index + 1}${ext ? `.${ext}` : ''}`;
}
