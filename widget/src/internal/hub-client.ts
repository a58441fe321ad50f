import type {
  Category,
  ErrorBody,
  FieldError,
  Institution,
  Page,
  PowChallenge,
  Region,
  ReportCreated,
  ReportInput,
  ReportView,
  SiteConfig,
} from '../../../contract';
import type { LaporErrorCode } from '../events/lapor-error';

/** Why a call to the hub failed: an error code of the hub's, or `network` when it could not be reached. */
export class HubError extends Error {
  constructor(
    readonly code: LaporErrorCode,
    message: string,
    readonly status = 0,
    readonly fields: Record<string, FieldError> = {},
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

/** A thin typed client of the hub's `/api/v1`. */
export class HubClient {
  private readonly base: string;

  /** `site`: the registered website's key, sent with each report so the hub can check where it came from. */
  constructor(
    hub: string,
    private readonly site = '',
  ) {
    this.base = new URL('api/v1/', new URL(hub, document.baseURI).href.replace(/\/?$/, '/')).href;
  }

  /**
   * Sends a report; the same `idempotencyKey` on a retry can never file it
   * twice. With files it goes as multipart through XMLHttpRequest, the one
   * browser API that reports upload progress.
   */
  submitReport(
    report: ReportInput,
    idempotencyKey: string,
    options: { files?: readonly File[]; onProgress?: (fraction: number) => void; proof?: string } = {},
  ): Promise<ReportCreated> {
    const { files = [], onProgress, proof } = options;
    const headers = { 'Idempotency-Key': idempotencyKey, ...this.siteHeader(), ...(proof && { 'X-Altcha': proof }) };
    if (!files.length) {
      return this.call('reports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(report),
      });
    }
    const form = new FormData();
    form.set('report', JSON.stringify(report));
    for (const file of files) form.append('attachments', file);
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', new URL('reports', this.base));
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) onProgress?.(e.loaded / e.total);
      });
      xhr.addEventListener('load', () => {
        try {
          resolve(answer<ReportCreated>(xhr.status, parseJson(xhr.responseText)));
        } catch (error) {
          reject(error);
        }
      });
      for (const failure of ['error', 'timeout', 'abort']) {
        xhr.addEventListener(failure, () => reject(new HubError('network', 'The hub could not be reached')));
      }
      xhr.send(form);
    });
  }

  report(trackingId: string, receipt?: string, signal?: AbortSignal): Promise<ReportView> {
    return this.call(`reports/${encodeURIComponent(trackingId)}`, {
      headers: receipt ? { Authorization: `Receipt ${receipt}` } : {},
      signal,
    });
  }

  /** A reporter's action on their report (`comments`, `reopen`, `rating`); answers the reporter's view. */
  act(
    trackingId: string,
    receipt: string,
    action: 'comments' | 'reopen' | 'rating',
    body: object,
  ): Promise<ReportView> {
    return this.call(`reports/${encodeURIComponent(trackingId)}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Receipt ${receipt}` },
      body: JSON.stringify(body),
    });
  }

  /** A proof-of-work puzzle, or null when the hub asks for none. */
  async challenge(signal?: AbortSignal): Promise<PowChallenge | null> {
    try {
      return await this.call<PowChallenge>('challenge', { signal });
    } catch (error) {
      if (error instanceof HubError && error.code === 'not_found') return null;
      throw error;
    }
  }

  siteConfig(signal?: AbortSignal): Promise<SiteConfig> {
    return this.call(`sites/${encodeURIComponent(this.site)}/config`, { signal });
  }

  private siteHeader(): Record<string, string> {
    return this.site ? { 'X-Lapor-Site': this.site } : {};
  }

  /** Institutions matching `query`, the best first. */
  async searchInstitutions(query: string, signal?: AbortSignal): Promise<Institution[]> {
    const params = new URLSearchParams({ q: query, limit: '20' });
    return (await this.call<Page<Institution>>(`institutions?${params}`, { signal })).items;
  }

  institution(id: string, signal?: AbortSignal): Promise<Institution> {
    return this.call(`institutions/${encodeURIComponent(id)}`, { signal });
  }

  /** The regions directly under `parent`, or the provinces. */
  async regions(parent?: string, signal?: AbortSignal): Promise<Region[]> {
    const query = new URLSearchParams({ limit: '500', ...(parent && { parent }) });
    return (await this.call<Page<Region>>(`regions?${query}`, { signal })).items;
  }

  async categories(signal?: AbortSignal): Promise<Category[]> {
    return (await this.call<{ items: Category[] }>('categories', { signal })).items;
  }

  private async call<T>(path: string, init: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.base), init);
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new HubError('network', 'The hub could not be reached');
    }
    return answer<T>(res.status, await res.json().catch(() => undefined));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The hub's answer as data, or its error as a HubError. */
function answer<T>(status: number, body: unknown): T {
  if (status >= 200 && status < 300 && body !== undefined) return body as T;
  const error = (body as ErrorBody | undefined)?.error;
  throw new HubError(
    error?.code ?? 'internal_error',
    error?.message ?? `The hub answered ${status}`,
    status,
    error?.fields,
  );
}
