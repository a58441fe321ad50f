import { createCipheriv, createDecipheriv, randomBytes as drawKey, hkdfSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from './random';

/**
 * Field encryption for personal data at rest: AES-256-GCM with a random
 * 96-bit nonce per value. Each value is bound to where it belongs (its
 * column and report) as associated data, so a ciphertext copied into another
 * row does not decrypt. Values carry the id of their key, so keys can be
 * rotated: the first key encrypts, every listed key decrypts.
 */
export interface Keyring {
  readonly currentId: string;
  encrypt(plaintext: string, context: string): string;
  decrypt(sealed: string, context: string): string;
  /** Whether a stored value was sealed with a key other than the current one. */
  isStale(sealed: string): boolean;
  /** Whether a stored value is sealed at all (values stored before a column was sealed are not). */
  isSealed(value: string): boolean;
  /** Encrypts bytes (an attachment) with the current key; the result carries its key id, nonce and tag. */
  encryptBytes(plaintext: Uint8Array, context: string): { sealed: Buffer; envelope: string };
  decryptBytes(sealed: Uint8Array, envelope: string, context: string): Buffer;
  /** A secret for another purpose (named by `label`), derived from the current key. */
  deriveSecret(label: string): string;
  /**
   * The same secret from every key, the current key's first: what was
   * signed before a rotation (a link in an email, a reply address) still
   * checks against the older key's.
   */
  deriveSecrets(label: string): string[];
}

const PREFIX = 'enc1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `id:base64key[,id:base64key…]`, the current key first; each key is 32 random bytes. */
export function parseKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [id, encoded] = entry.split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || !KEY_ID.test(id) || key.length !== 32) {
      throw new Error('each data key is "id:base64" with a short id and 32 bytes of key (openssl rand -base64 32)');
    }
    if (keys.has(id)) throw new Error(`data key id ${id} is listed twice`);
    keys.set(id, key);
  }
  if (!keys.size) throw new Error('no data key given');
  return keys;
}

export function createKeyring(keys: Map<string, Buffer>): Keyring {
  const [currentId] = keys.keys();
  if (!currentId) throw new Error('no data key given');
  const keyFor = (id: string) => {
    const key = keys.get(id);
    if (!key) throw new Error(`a value is sealed with data key "${id}", which is not configured`);
    return key;
  };
  const derive = (id: string, label: string) =>
    Buffer.from(hkdfSync('sha256', keyFor(id), 'lapor-embed', label, 32)).toString('base64url');
  return {
    currentId,
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(currentId), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        PREFIX,
        currentId,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    decrypt(sealed, context) {
      const [prefix, id, iv, tag, body] = sealed.split('.');
      if (prefix !== PREFIX || !id || iv === undefined || tag === undefined || body === undefined) {
        throw new Error('not an encrypted value');
      }
      const decipher = createDecipheriv('aes-256-gcm', keyFor(id), Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    isStale(sealed) {
      return sealed.split('.')[1] !== currentId;
    },
    isSealed(value) {
      const parts = value.split('.');
      return parts.length === 5 && parts[0] === PREFIX;
    },
    encryptBytes(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(currentId), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const envelope = [PREFIX, currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(
        '.',
      );
      return { sealed, envelope };
    },
    decryptBytes(sealed, envelope, context) {
      const [prefix, id, iv, tag] = envelope.split('.');
      if (prefix !== PREFIX || !id || iv === undefined || tag === undefined)
        throw new Error('not an encryption envelope');
      const decipher = createDecipheriv('aes-256-gcm', keyFor(id), Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(sealed), decipher.final()]);
    },
    deriveSecret(label) {
      return derive(currentId, label);
    },
    deriveSecrets(label) {
      return [currentId, ...[...keys.keys()].filter((id) => id !== currentId)].map((id) => derive(id, label));
    },
  };
}

/**
 * The data keys from `LAPOR_DATA_KEYS`, or else from `keyFile`, which is
 * created with a new random key when missing (for a demo or a first run).
 */
export function loadKeyring(env: NodeJS.ProcessEnv, keyFile: string): { keyring: Keyring; createdFile: boolean } {
  if (env.LAPOR_DATA_KEYS) return { keyring: createKeyring(parseKeys(env.LAPOR_DATA_KEYS)), createdFile: false };
  let createdFile = false;
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `local:${drawKey(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    createdFile = true;
  }
  chmodSync(keyFile, 0o600);
  return { keyring: createKeyring(parseKeys(readFileSync(keyFile, 'utf8'))), createdFile };
}
