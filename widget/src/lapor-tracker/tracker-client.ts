import type { AttachmentRef, ReportView } from '../../../contract';
import { HubClient } from '../internal/hub-client';
import type { ActionName } from './reporter-actions';

/** The tracker's calls: a report as the viewer may see it, the reporter's actions, and attachments. */
export class TrackerClient extends HubClient {
  report(trackingId: string, receipt?: string, signal?: AbortSignal): Promise<ReportView> {
    return this.call(`reports/${encodeURIComponent(trackingId)}`, {
      headers: receipt ? { Authorization: `Receipt ${receipt}` } : {},
      signal,
    });
  }

  /** A reporter's action on their report; answers the reporter's view. */
  act(trackingId: string, receipt: string, action: ActionName, body: object): Promise<ReportView> {
    return this.call(`reports/${encodeURIComponent(trackingId)}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Receipt ${receipt}` },
      body: JSON.stringify(body),
    });
  }

  /** Where an attachment of a report is served: its `url` is a path under the hub's `/api/v1/`. */
  attachmentUrl(ref: AttachmentRef): string {
    return new URL(ref.url.replace(/^\/api\/v1\//, ''), this.base).href;
  }

  /**
   * An attachment of a confidential report, fetched with the receipt: a link
   * cannot carry the receipt, and putting it in the URL would leave it in
   * histories and logs.
   */
  async attachment(ref: AttachmentRef, receipt: string): Promise<Blob> {
    const res = await this.send(this.attachmentUrl(ref), { headers: { Authorization: `Receipt ${receipt}` } });
    if (!res.ok) await this.read(res);
    return res.blob();
  }
}
