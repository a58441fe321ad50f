import { DEVICE_HEADER, type PollView, type VoteRecorded } from '../../../contract/polls';
import { HubClient } from '../internal/hub-client';

/** The poll element's calls: polls as a visitor sees them, and votes. */
export class PollClient extends HubClient {
  /** `site`: the registered website's key; the hub then shows that site's institution's polls only. */
  constructor(
    hub: string,
    private readonly site = '',
  ) {
    super(hub);
  }

  private headers(device?: string): Record<string, string> {
    return { ...(this.site && { 'X-Lapor-Site': this.site }), ...(device && { [DEVICE_HEADER]: device }) };
  }

  /** One poll, with this device's vote if it has one. */
  poll(id: string, device: string | undefined, signal?: AbortSignal): Promise<PollView> {
    return this.call(`polls/${encodeURIComponent(id)}`, { headers: this.headers(device), signal });
  }

  /** The site's open polls (the hub knows the site's institution), with this device's votes. */
  async openPolls(device: string | undefined, signal?: AbortSignal): Promise<PollView[]> {
    const { items } = await this.call<{ items: PollView[] }>('polls?state=open', { headers: this.headers(), signal });
    // The list carries no device's vote: each poll is asked for again with the token.
    return Promise.all(items.map((poll) => (device ? this.poll(poll.id, device, signal) : poll)));
  }

  vote(id: string, device: string, vote: { choice: number; comment?: string }, proof?: string): Promise<VoteRecorded> {
    return this.call(`polls/${encodeURIComponent(id)}/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...this.headers(device), ...(proof && { 'X-Altcha': proof }) },
      body: JSON.stringify(vote),
    });
  }
}
