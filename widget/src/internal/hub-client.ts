import type { ErrorBody, FieldError, PowChallenge } from '../../../contract';
import type { LaporErrorCode } from '../events/lapor-error';

/** Why a call to the hub failed: an error code of the hub's, or `network` when it could not be reached. */
export class HubError extends Error {
  constructor(
    readonly code: LaporErrorCode,
    message: string,
    readonly status = 0,
    readonly fields: Record<string, FieldError> = {},
    /** Seconds the hub asked to wait before trying again (a rate limit's `Retry-After`). */
    readonly retryAfter = 0,
  ) {
    super(message);
    this.name = 'HubError';
  }

  /** Whether sending the same request again may succeed: the network failed or the hub had a passing fault. */
  get retryable(): boolean {
    return this.code === 'network' || this.status >= 500;
  }
}

/**
 * The bundle is served by the hub at `/widget/lapor.js`, so without a `hub`
 * attribute the widget talks to the hub it was loaded from.
 */
export function defaultHubUrl(): string {
  // Through a variable: bundlers rewrite `new URL('…', import.meta.url)` as an asset reference.
  const bundleUrl = import.meta.url;
  return new URL('../', bundleUrl).href;
}

/** An address under the hub: `path` resolved against its base URL taken as a folder, with or without its final slash. */
export function underHub(hub: string, path: string): URL {
  return new URL(path, new URL(hub, document.baseURI).href.replace(/\/?$/, '/'));
}

/**
 * A thin typed client of the hub's `/api/v1`. Each element extends it with
 * the calls it makes (lapor-form/form-client.ts, lapor-tracker/tracker-client.ts),
 * so a page holding one element does not carry the other's.
 */
export class HubClient {
  protected readonly base: string;

  constructor(hub: string) {
    this.base = underHub(hub, 'api/v1/').href;
  }

  /** A request to the hub; a failure to reach it is a HubError `network`, unless the caller aborted it. */
  protected async send(url: string | URL, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw unreachable();
    }
  }

  /** A call answered with JSON: the data, or the hub's error as a HubError. */
  protected async call<T>(path: string, init: RequestInit): Promise<T> {
    return this.read<T>(await this.send(new URL(path, this.base), init));
  }

  /** A proof-of-work puzzle (for a report or a vote), or null when the hub asks for none. */
  async challenge(signal?: AbortSignal): Promise<PowChallenge | null> {
    try {
      return await this.call<PowChallenge>('challenge', { signal });
    } catch (error) {
      if (error instanceof HubError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /** An answer's JSON as data, or the hub's error as a HubError. */
  protected async read<T>(res: Response): Promise<T> {
    return answer<T>(res.status, await res.json().catch(() => undefined), res.headers.get('Retry-After'));
  }
}

/** The hub could not be reached: no answer came at all. */
export const unreachable = () => new HubError('network', 'The hub could not be reached');

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The hub's answer as data, or its error as a HubError. */
export function answer<T>(status: number, body: unknown, retryAfter?: string | null): T {
  if (status >= 200 && status < 300 && body !== undefined) return body as T;
  const error = (body as ErrorBody | undefined)?.error;
  throw new HubError(
    error?.code ?? 'internal_error',
    error?.message ?? `The hub answered ${status}`,
    status,
    error?.fields,
    Number(retryAfter) || 0,
  );
}
