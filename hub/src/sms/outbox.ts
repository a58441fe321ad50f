import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import { maskPersonalData } from '../../../contract';
import type { Db, Tx } from '../db/client';
import type { SmsMessage } from '../db/schema';
import { DeliveryError } from '../outbox/destination';
import { type LeaseOptions, retryDelay } from '../outbox/lease';
import { Passes } from '../outbox/passes';
import { DEFAULT_OUTBOX } from '../outbox/worker';
import type { Keyring } from '../privacy/keyring';
import type { Clock } from '../workflow/clock';
import type { SmsGateway } from './gateway';

const context = (key: string) => `sms_outbox:${key}`;

/** Queues an SMS inside the transaction that decided it: the number and text sealed, sent by SmsSender. */
export async function queueSms(
  tx: Tx,
  keyring: Keyring,
  message: { gateway: string; to: string; text: string },
  now: Date,
): Promise<void> {
  const { smsOutbox } = tx.$tables;
  const key = randomUUID();
  await tx.insert(smsOutbox).values({
    key,
    gateway: message.gateway,
    recipient: keyring.encrypt(message.to, context(key)),
    text: keyring.encrypt(message.text, context(key)),
    state: 'pending',
    nextAttemptAt: now,
    createdAt: now,
  });
}

/** How long a gateway that is not configured (any more) is left before its messages are looked at again. */
const UNCONFIGURED_RECHECK_MS = 5 * 60_000;

/**
 * Sends the queued SMS: claims due messages with a lease (several hub
 * processes on PostgreSQL skip each other's), sends each through its
 * gateway, and clears the number and text once sent. A failed attempt is
 * retried with the outbox's backoff; after the outbox's attempts it waits
 * for the operator (`failed`, the error masked).
 */
export class SmsSender extends Passes {
  private readonly options: LeaseOptions;

  constructor(
    private readonly deps: {
      db: Db;
      keyring: Keyring;
      gateways: ReadonlyMap<string, SmsGateway>;
      logger?: Logger;
      clock?: Clock;
    },
    options: Partial<LeaseOptions> = {},
  ) {
    super('sms sending', deps);
    this.options = { ...DEFAULT_OUTBOX, batch: 64, ...options };
  }

  protected async work(now: Date): Promise<number> {
    let sent = 0;
    for (const message of await this.claim(now)) if (await this.attempt(message, now)) sent++;
    return sent;
  }

  private claim(now: Date): Promise<SmsMessage[]> {
    const { db } = this.deps;
    return db.transaction(async (tx) => {
      const { smsOutbox } = tx.$tables;
      const query = tx
        .select({ id: smsOutbox.id })
        .from(smsOutbox)
        .where(
          and(
            eq(smsOutbox.state, 'pending'),
            lte(smsOutbox.nextAttemptAt, now),
            or(isNull(smsOutbox.leaseUntil), lte(smsOutbox.leaseUntil, now)),
          ),
        )
        .orderBy(asc(smsOutbox.nextAttemptAt))
        .limit(this.options.batch);
      const due = (await (db.$dialect === 'postgres' ? query.for('update', { skipLocked: true }) : query)).map(
        (row) => row.id,
      );
      if (!due.length) return [];
      const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
      const claimed = await tx.update(smsOutbox).set({ leaseUntil }).where(inArray(smsOutbox.id, due)).returning();
      return claimed.sort((a, b) => a.id - b.id);
    });
  }

  private async attempt(message: SmsMessage, now: Date): Promise<boolean> {
    const { db, keyring, gateways, logger } = this.deps;
    const { smsOutbox } = db.$tables;
    const settle = (change: Partial<SmsMessage>) =>
      db.update(smsOutbox).set(change).where(eq(smsOutbox.id, message.id));
    const gateway = gateways.get(message.gateway);
    if (!gateway || !message.recipient || !message.text) {
      await settle({
        leaseUntil: null,
        lastError: `no SMS gateway named ${message.gateway} is configured`,
        nextAttemptAt: new Date(now.getTime() + UNCONFIGURED_RECHECK_MS),
      });
      return false;
    }
    try {
      await gateway.send({
        key: message.key,
        to: keyring.decrypt(message.recipient, context(message.key)),
        text: keyring.decrypt(message.text, context(message.key)),
      });
    } catch (error) {
      const attempts = message.attempts + 1;
      const retryable = !(error instanceof DeliveryError) || error.retryable;
      const parked = !retryable || attempts >= this.options.maxAttempts;
      await settle({
        attempts,
        leaseUntil: null,
        lastError: maskPersonalData((error as Error).message).slice(0, 500),
        state: parked ? 'failed' : 'pending',
        nextAttemptAt: new Date(now.getTime() + retryDelay(attempts, this.options)),
      });
      logger?.warn({ sms: message.id, gateway: message.gateway, attempts, parked }, 'sms not sent');
      return false;
    }
    // Sent: the number and what was said to it are no longer needed.
    await settle({
      state: 'sent',
      attempts: message.attempts + 1,
      leaseUntil: null,
      lastError: null,
      recipient: null,
      text: null,
      sentAt: now,
    });
    return true;
  }
}
