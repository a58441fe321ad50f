import type { Category, Institution, Page, Region, ReportCreated, ReportInput, SiteConfig } from '../../../contract';
import type { PublicReport } from '../../../contract/monitor';
import { answer, HubClient, parseJson, unreachable } from '../internal/hub-client';
import type { Question } from './similar-question';

/** The form's calls: the site's presets, the directories, the proof-of-work puzzle, and sending the report. */
export class FormClient extends HubClient {
  /** `site`: the registered website's key, sent with each report so the hub can check where it came from. */
  constructor(
    hub: string,
    private readonly site = '',
  ) {
    super(hub);
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
        xhr.addEventListener(failure, () => reject(unreachable()));
      }
      xhr.send(form);
    });
  }

  /** Published reports still being handled at the institution that say what the visitor is writing (three at most). */
  async similar(question: Question, signal?: AbortSignal): Promise<PublicReport[]> {
    const params = new URLSearchParams(Object.entries(question).filter(([, value]) => value));
    return (await this.call<{ items: PublicReport[] }>(`reports/similar?${params}`, { signal })).items;
  }

  /** Asks the hub to email `email` about a published report once the address confirms (nothing is kept here). */
  follow(trackingId: string, email: string, locale: 'id' | 'en'): Promise<{ status: string }> {
    return this.call(`reports/${encodeURIComponent(trackingId)}/followers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, locale }),
    });
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
}
