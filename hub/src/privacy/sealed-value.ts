import type { Keyring } from './keyring';

/**
 * For columns sealed after rows were first stored in them (file names,
 * timeline notes): a value is opened if it is sealed, and read as it is if
 * it was stored before; key rotation seals those as it re-seals the rest.
 */
export function openStored(keyring: Keyring, value: string, context: string): string {
  return keyring.isSealed(value) ? keyring.decrypt(value, context) : value;
}

/** The value sealed with the current key, or null when it already is. */
export function resealStored(keyring: Keyring, value: string, context: string): string | null {
  if (keyring.isSealed(value) && !keyring.isStale(value)) return null;
  return keyring.encrypt(openStored(keyring, value, context), context);
}
