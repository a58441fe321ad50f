import { type Delivered, DeliveryError, type Destination, type OutgoingReport, retryableStatus } from './destination';
import { signedHeaders } from './signature';

export interface WebhookOptions {
  name: string;
  url: string;
  /** Signs each delivery (HMAC-SHA256 over timestamp and body) and what the institution sends back. */
  secret: string;
  timeoutMs?: number;
}

/**
 * An institution's own complaint system: each report as a signed JSON POST.
 * 2xx is delivered (a `reference` in the answer is kept), 409 means the
 * system already has it, which also counts as delivered.
 */
export function webhookDestination({ name, url, secret, timeoutMs = 15_000 }: WebhookOptions): Destination {
  return {
    name,
    inboundSecret: secret,
    async deliver(report: OutgoingReport, idempotencyKey: string): Promise<Delivered> {
      const body = JSON.stringify({ type: 'report', report });
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': idempotencyKey,
            ...signedHeaders(secret, body),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new DeliveryError(`${name} could not be reached: ${(error as Error).message}`, true);
      }
      const answer = (await res.json().catch(() => ({}))) as { reference?: unknown };
      const externalRef = typeof answer.reference === 'string' ? answer.reference : undefined;
      if (res.ok || res.status === 409) return externalRef ? { externalRef } : {};
      throw new DeliveryError(`${name} answered ${res.status}`, retryableStatus(res.status));
    },
  };
}
