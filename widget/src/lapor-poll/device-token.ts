/** Where the device's token is kept, per hub: the same browser is one device to each hub it votes through. */
const keyFor = (hub: string) => `lapor-poll-device:${new URL(hub, document.baseURI).origin}`;

/** Tokens of this page's life, where the browser keeps no storage (a private window that refuses it). */
const inMemory = new Map<string, string>();

/**
 * This browser's token for voting through `hub`: 32 random bytes, made once
 * and kept in the page's local storage. It holds no personal data and no
 * vote; the hub keeps only a keyed hash of it per poll. Where storage is
 * refused, the token lasts as long as the page.
 */
export function deviceToken(hub: string): string {
  const key = keyFor(hub);
  let token: string | null | undefined;
  try {
    token = localStorage.getItem(key);
  } catch {
    token = inMemory.get(key);
  }
  if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) return token;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  token = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  try {
    localStorage.setItem(key, token);
  } catch {
    inMemory.set(key, token);
  }
  return token;
}
