import { DeliveryError, retryableStatus } from '../outbox/destination';
import { type Answer, type Exchange, exchange } from '../outbox/http-client';

/** An SMS the hub took in, as every gateway format reads into. */
export interface InboundSms {
  /** The gateway's own id for the message (or its webhook event): a retried webhook carries the same. */
  id: string;
  from: string;
  /** The number it was sent to, where the gateway says (one account may hold several). */
  to?: string;
}

/** The request a gateway's webhook made, as its signature covers it. */
export interface GatewayRequest {
  /** The address the gateway posted to, as it knows it (behind a proxy: the hub's public address). */
  url: string;
  headers: Headers;
  body: string;
}

/** An SMS to send: `key` is ours, stable across retries. */
export interface OutgoingSms {
  key: string;
  to: string;
  text: string;
}

/** Where messages to a gateway's number are filed. */
export interface SmsTarget {
  institutionId: string;
  categoryId?: string;
}

/**
 * One SMS gateway in the format it speaks (formats/): how its webhook is
 * authenticated and read, what it is answered, and how the hub sends
 * through it.
 */
export interface SmsGateway {
  readonly name: string;
  /**
   * The incoming message in a request, once its signature or token holds;
   * null for an event that is not one (a delivery report, a ping). Throws
   * SmsRefusal for a request that is not the gateway's or cannot be read.
   */
  receive(request: GatewayRequest, now: Date): (InboundSms & { text: string }) | null;
  /** What the gateway is answered once a message is taken (Twilio wants an empty TwiML document). */
  readonly acknowledgement: { body: string; contentType: string };
  send(message: OutgoingSms): Promise<void>;
  target(to: string | undefined): SmsTarget;
}

/** A webhook request refused: not signed by the gateway (401), or not a message the format knows (400). */
export class SmsRefusal extends Error {
  constructor(
    readonly status: 400 | 401,
    message: string,
  ) {
    super(message);
    this.name = 'SmsRefusal';
  }
}

/**
 * One request to a gateway's send API: 2xx is sent, and 409 (it already has
 * a message with this id: an earlier attempt went through) too; anything
 * else is a DeliveryError that says whether to retry.
 */
export async function sendRequest(gateway: string, url: string, request: Exchange): Promise<Answer> {
  let res: Answer;
  try {
    res = await exchange(url, request);
  } catch (error) {
    throw new DeliveryError(`${gateway} could not be reached: ${(error as Error).message}`, true);
  }
  if (!res.ok && res.status !== 409)
    throw new DeliveryError(`${gateway} answered ${res.status}`, retryableStatus(res.status));
  return res;
}

/** A header, or undefined. */
export const header = (headers: Headers, name: string) => headers.get(name) ?? undefined;

/** The fields of a JSON object body, or a refusal. */
export function jsonBody(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {}
  throw new SmsRefusal(400, 'The body is not a JSON object');
}
