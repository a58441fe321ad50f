import {
  type Delivered,
  DeliveryError,
  type Destination,
  type OutgoingAction,
  type OutgoingReport,
  retryableStatus,
} from './destination';
import { type Answer, exchange } from './http-client';
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
  /** Posts one signed message; 2xx and 409 (already had it) are delivered. */
  const post = async (message: object, idempotencyKey: string): Promise<{ reference?: unknown }> => {
    const body = JSON.stringify(message);
    let res: Answer;
    try {
      res = await exchange(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': idempotencyKey,
          ...signedHeaders(secret, body),
        },
        body,
        timeoutMs,
      });
    } catch (error) {
      throw new DeliveryError(`${name} could not be reached: ${(error as Error).message}`, true);
    }
    const answer = res.json<{ reference?: unknown }>({});
    if (res.ok || res.status === 409) return answer;
    throw new DeliveryError(`${name} answered ${res.status}`, retryableStatus(res.status));
  };
  return {
    name,
    inboundSecret: secret,
    async deliver(report: OutgoingReport, idempotencyKey: string): Promise<Delivered> {
      const { reference } = await post({ type: 'report', report }, idempotencyKey);
      return typeof reference === 'string' ? { externalRef: reference } : {};
    },
    async deliverAction(action: OutgoingAction, idempotencyKey: string): Promise<void> {
      await post({ type: action.kind, action }, idempotencyKey);
    },
  };
}
