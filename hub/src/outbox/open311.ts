import {
  type Delivered,
  DeliveryError,
  type Destination,
  type InboundEvent,
  type OutgoingReport,
  retryableStatus,
} from './destination';
import { type Answer, type Exchange, exchange } from './http-client';

/**
 * An institution's Open311 GeoReport v2 endpoint. Each report becomes a
 * service request (`POST requests.json`, form-encoded), whose
 * `service_request_id` is kept (or, when the endpoint answers with a token,
 * found later through `tokens/{token}.json`); its progress is read back
 * from `requests/{id}.json`.
 *
 * Open311 knows only `open` and `closed`. Accepted by the institution's own
 * system, a report is taken as verified and forwarded to it; a change of
 * `status_notes` is the institution's response, and `closed` with notes is
 * its follow-up (the hub then closes it after 10 working days unless the
 * reporter answers). GeoReport requests are usually public, so a
 * confidential report is not sent unless `allowConfidential` is set.
 */
export interface Open311Options {
  name: string;
  /** The endpoint's base, e.g. `https://311.example.go.id/open311/v2/`. */
  endpoint: string;
  apiKey: string;
  jurisdictionId?: string;
  /** Our category id → the endpoint's `service_code`. */
  serviceCodes?: Record<string, string>;
  defaultServiceCode: string;
  allowConfidential?: boolean;
  timeoutMs?: number;
}

interface ServiceRequest {
  service_request_id?: string;
  token?: string;
  status?: 'open' | 'closed';
  status_notes?: string | null;
  updated_datetime?: string | null;
  description?: string;
}

const TOKEN_PREFIX = 'token:';

export function open311Destination(options: Open311Options): Destination {
  const { name, endpoint, apiKey, jurisdictionId, serviceCodes = {}, defaultServiceCode, timeoutMs = 15_000 } = options;
  const url = (path: string, query: Record<string, string> = {}) => {
    const target = new URL(path, endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
    for (const [key, value] of Object.entries({
      ...query,
      ...(jurisdictionId && { jurisdiction_id: jurisdictionId }),
    })) {
      target.searchParams.set(key, value);
    }
    return target;
  };
  const call = async (
    target: URL,
    init: Omit<Exchange, 'timeoutMs'> = { method: 'GET' },
  ): Promise<ServiceRequest[]> => {
    let res: Answer;
    try {
      res = await exchange(target, { ...init, timeoutMs });
    } catch (error) {
      throw new DeliveryError(`${name} could not be reached: ${(error as Error).message}`, true);
    }
    if (!res.ok) throw new DeliveryError(`${name} answered ${res.status}`, retryableStatus(res.status));
    const body = res.json<unknown>([]);
    return Array.isArray(body) ? body : [];
  };
  /** Our Tracking ID opens every description, so a request already made can be found again. */
  const marker = (trackingId: string) => `[${trackingId}]`;

  return {
    name,
    async deliver(report: OutgoingReport): Promise<Delivered> {
      if (report.confidential && !options.allowConfidential) {
        throw new DeliveryError(`${name} is a public Open311 endpoint; a confidential report is not sent there`, false);
      }
      // Open311 has no idempotency key: look for the request a lost answer may have created.
      const since = new Date(Date.parse(report.createdAt) - 60 * 60_000).toISOString();
      const existing = (await call(url('requests.json', { start_date: since }))).find((r) =>
        r.description?.startsWith(marker(report.trackingId)),
      );
      if (existing?.service_request_id) return { externalRef: existing.service_request_id };
      const mediaUrl = report.attachments.find((a) => a.mediaType.startsWith('image/') && a.url)?.url;
      const form = new URLSearchParams({
        api_key: apiKey,
        service_code: (report.category && serviceCodes[report.category.id]) || defaultServiceCode,
        description: `${marker(report.trackingId)} ${report.title}\n\n${report.body}`,
        address_string: [report.location.text, report.location.regionName].filter(Boolean).join(', '),
        ...(jurisdictionId && { jurisdiction_id: jurisdictionId }),
        ...(!report.anonymous && report.reporter?.email && { email: report.reporter.email }),
        ...(!report.anonymous && report.reporter?.name && { first_name: report.reporter.name }),
        ...(!report.anonymous && report.reporter?.phone && { phone: report.reporter.phone }),
        // GeoReport takes one picture: the first image that may be seen publicly.
        ...(mediaUrl && { media_url: mediaUrl }),
      });
      const [created] = await call(url('requests.json'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      if (created?.service_request_id) return { externalRef: created.service_request_id };
      if (created?.token) return { externalRef: `${TOKEN_PREFIX}${created.token}` };
      throw new DeliveryError(`${name} answered without a service request id or token`, true);
    },
    async poll(externalRef, cursor) {
      // The cursor holds the request id (once a token has turned into one) and the last state seen.
      const seen = cursor
        ? (JSON.parse(cursor) as { id?: string; updated?: string; status?: string; notes?: string })
        : {};
      let id = seen.id ?? (externalRef.startsWith(TOKEN_PREFIX) ? undefined : externalRef);
      if (!id) {
        const [resolved] = await call(url(`tokens/${encodeURIComponent(externalRef.slice(TOKEN_PREFIX.length))}.json`));
        id = resolved?.service_request_id;
        if (!id) return { events: [], cursor };
      }
      const [request] = await call(url(`requests/${encodeURIComponent(id)}.json`));
      if (!request) return { events: [], cursor: JSON.stringify({ ...seen, id }) };
      const events: InboundEvent[] = [];
      const at = request.updated_datetime ?? new Date().toISOString();
      const event = (suffix: string, e: Omit<InboundEvent, 'eventId' | 'report' | 'at'>) =>
        events.push({ ...e, eventId: `${id}:${suffix}`, report: externalRef, at });
      if (!seen.status) {
        event('accepted:verified', {
          type: 'status',
          status: 'verified',
          note: `Diterima sistem pengaduan instansi (Open311 ${id})`,
        });
        event('accepted:forwarded', { type: 'status', status: 'forwarded' });
      }
      const notes = request.status_notes ?? undefined;
      if (request.status === 'closed' && seen.status !== 'closed') {
        event(`closed:${at}`, { type: 'status', status: 'followed_up', ...(notes && { note: notes }) });
      } else if (notes && notes !== seen.notes) {
        event(`notes:${at}`, { type: 'message', note: notes });
      }
      return { events, cursor: JSON.stringify({ id, updated: at, status: request.status, notes }) };
    },
  };
}
