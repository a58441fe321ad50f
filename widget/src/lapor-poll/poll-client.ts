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

  /**
   * The site's polls a visitor may still care about (the hub knows the site's
   * institution): the open ones, then up to three closed within `recentDays`,
   * with their results; each with this device's vote.
   */
  async sitePolls(device: string | undefined, now: Date, signal?: AbortSignal, recentDays = 30): Promise<PollView[]> {
    const list = (state: 'open' | 'closed') =>
      this.call<{ items: PollView[] }>(`polls?state=${state}`, { headers: this.headers(), signal });
    const [open, closed] = await Promise.all([list('open'), list('closed')]);
    const since = now.getTime() - recentDays * 86_400_000;
    const recent = closed.items.filter((poll) => Date.parse(poll.closesAt) >= since).slice(0, 3);
    // The lists carry no device's vote: each poll is asked for again with the token.
    return Promise.all([...open.items, ...recent].map((poll) => (device ? this.poll(poll.id, device, signal) : poll)));
  }

  vote(
    id: string,
    device: string,
    vote: { choice: number; comment?: string; email?: string },
    proof?: string,
  ): Promise<VoteRecorded> {
    return this.call(`polls/${encodeURIComponent(id)}/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...this.headers(device), ...(proof && { 'X-Altcha': proof }) },
      body: JSON.stringify(vote),
    });
  }
}
