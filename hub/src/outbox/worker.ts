import { and, asc, eq, inArray, isNotNull, isNull, lte, notInArray, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import { maskPersonalData } from '../../../contract';
import { type Delivery, deliveries, reportEvents, reports } from '../db/schema';
import { DomainError } from '../errors';
import type { Mailer } from '../notifications/mailer';
import { notificationMail, optOutToken } from '../notifications/message';
import { openNote } from '../privacy/sealed-notes';
import { openReport } from '../privacy/sealed-report';
import { contactOf, sentTo } from '../reports/read';
import { type Clock, realClock } from '../workflow/clock';
import { recordTransition } from '../workflow/transitions';
import { DeliveryError, type Destination, type OutgoingAction } from './destination';
import { applyInboundEvent } from './inbound';
import { outgoingReport, outgoingText, type PayloadDeps } from './payload';
import type { Routing } from './routing';

export interface OutboxOptions {
  /** After this many failed attempts a delivery waits for the operator. */
  maxAttempts: number;
  /** The first retry's delay; each later one doubles it, up to `maxDelayMs`, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a worker holds a claimed delivery before another may take it over. */
  leaseMs: number;
  /** Deliveries a worker claims at once. */
  batch: number;
  /** Reports whose deliveries are sent side by side; one report's deliveries always go one after another. */
  concurrency: number;
  /** How often a polled destination is asked for a delivered report's progress. */
  pollIntervalMs: number;
}

/** How often a delivery to a destination that is not configured looks again. */
const UNCONFIGURED_RECHECK_MS = 5 * 60_000;

export const DEFAULT_OUTBOX: OutboxOptions = {
  maxAttempts: 10,
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60_000,
  leaseMs: 60_000,
  batch: 100,
  concurrency: 8,
  pollIntervalMs: 60_000,
};

/** Exponential backoff with full jitter: spreads retries so a recovering destination is not flooded. */
export function retryDelay(
  attempt: number,
  options: Pick<OutboxOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface OutboxDeps extends PayloadDeps {
  routing: Routing;
  /** Sends reporters' notifications; without one they wait in the outbox. */
  mailer?: Mailer;
  logger?: Logger;
  /** What the worker takes for now, for when deliveries are due and when things happened (default: real time). */
  clock?: Clock;
}

/**
 * Delivers the outbox: claims due deliveries with a lease (so several
 * workers, or a restarted one, never send the same thing at the same time),
 * sends each with its idempotency key, and records the outcome. A crash
 * between sending and recording leaves the delivery to be sent again with
 * the same key, which the destination recognises: delivered exactly once.
 */
export class OutboxWorker {
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<number>;
  private readonly options: OutboxOptions;

  constructor(
    private readonly deps: OutboxDeps,
    options: Partial<OutboxOptions> = {},
  ) {
    this.options = { ...DEFAULT_OUTBOX, ...options };
  }

  /**
   * Works the outbox every `intervalMs` until stopped; while a backlog lasts
   * (a pass claimed a full batch), the next pass starts at once, so a
   * backlog drains as fast as the destinations answer rather than one batch
   * a second.
   */
  start(intervalMs = 1000): void {
    const loop = async () => {
      await this.tick().catch((error) => this.deps.logger?.error({ err: error }, 'outbox tick failed'));
      if (!this.claimedFullBatch) for (const resolve of this.idleWaiters.splice(0)) resolve();
      this.timer = setTimeout(loop, this.claimedFullBatch ? 0 : intervalMs);
      this.timer.unref?.();
    };
    void loop();
  }
  private claimedFullBatch = false;
  private readonly idleWaiters: (() => void)[] = [];

  /** Resolves when the started worker next finishes a pass that left no full batch behind: the backlog is worked off. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass: sends every due delivery it can claim. Returns how many it delivered. */
  tick(now = (this.deps.clock ?? realClock)()): Promise<number> {
    this.running = this.work(now);
    return this.running;
  }

  private async work(now: Date): Promise<number> {
    let delivered = 0;
    const claimed = await this.claim(now);
    this.claimedFullBatch = claimed.length >= this.options.batch;
    // One lane per report, in the order queued (the report before the reporter's actions on it);
    // the lanes run side by side, so one slow destination does not hold up the rest.
    const lanes = new Map<number, Delivery[]>();
    for (const delivery of claimed) {
      const lane = lanes.get(delivery.reportId);
      if (lane) lane.push(delivery);
      else lanes.set(delivery.reportId, [delivery]);
    }
    const queue = [...lanes.values()];
    const runner = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const delivery of lane) if (await this.attempt(delivery, now)) delivered++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, runner));
    await this.pollProgress(now);
    return delivered;
  }

  /** Asks destinations that do not push their progress what became of the reports they have. */
  private async pollProgress(now: Date): Promise<void> {
    const { db, routing, logger } = this.deps;
    // Only reports at destinations that are polled: the others would fill every batch and never leave it.
    const pollable = routing.pollable();
    if (!pollable.length) return;
    const due = await db
      .select({ delivery: deliveries })
      .from(deliveries)
      .innerJoin(reports, eq(deliveries.reportId, reports.id))
      .where(
        and(
          eq(deliveries.kind, 'report'),
          inArray(deliveries.destination, pollable),
          eq(deliveries.state, 'delivered'),
          isNotNull(deliveries.externalRef),
          notInArray(reports.status, ['finished', 'archived']),
          or(isNull(deliveries.nextPollAt), lte(deliveries.nextPollAt, now)),
        ),
      )
      .limit(this.options.batch);
    for (const { delivery } of due) {
      const destination = routing.destination(delivery.destination);
      if (!destination?.poll || !delivery.externalRef) continue;
      let cursor = delivery.pollCursor;
      try {
        const result = await destination.poll(delivery.externalRef, cursor);
        for (const event of result.events) {
          try {
            await applyInboundEvent(db, delivery.destination, event, {
              keyring: this.deps.keyring,
              now,
              impossibleTime: 'clamp',
            });
          } catch (error) {
            // A repeat or a move the workflow refuses: noted, and the poll moves past it.
            if (!(error instanceof DomainError)) throw error;
            logger?.warn({ delivery: delivery.id, code: error.code }, 'polled event not applied');
          }
        }
        cursor = result.cursor;
      } catch (error) {
        logger?.warn({ delivery: delivery.id, err: error }, 'poll failed');
      }
      await db
        .update(deliveries)
        .set({ pollCursor: cursor, nextPollAt: new Date(now.getTime() + this.options.pollIntervalMs) })
        .where(eq(deliveries.id, delivery.id));
    }
  }

  /**
   * Leases a batch of due deliveries to this worker. On PostgreSQL several
   * hub processes claim at once, each skipping the rows another is claiming;
   * SQLite's write transaction holds the whole file, so claims there take
   * turns.
   */
  private claim(now: Date): Promise<Delivery[]> {
    const { db } = this.deps;
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
    return db.transaction(async (tx) => {
      const query = tx
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.state, 'pending'),
            lte(deliveries.nextAttemptAt, now),
            or(isNull(deliveries.leaseUntil), lte(deliveries.leaseUntil, now)),
          ),
        )
        .orderBy(asc(deliveries.nextAttemptAt))
        .limit(this.options.batch);
      const due = (await (db.$dialect === 'postgres' ? query.for('update', { skipLocked: true }) : query)).map(
        (row) => row.id,
      );
      if (!due.length) return [];
      const claimed = await tx.update(deliveries).set({ leaseUntil }).where(inArray(deliveries.id, due)).returning();
      // In the order they were queued: a report before the reporter's actions on it.
      return claimed.sort((a, b) => a.id - b.id);
    });
  }

  private async attempt(delivery: Delivery, now: Date): Promise<boolean> {
    const { db, routing, logger } = this.deps;
    if (delivery.kind === 'notification') return this.attemptNotification(delivery, now);
    const destination = routing.destination(delivery.destination);
    if (!destination) {
      // Not a failure of the destination: the delivery waits, uncounted, until the operator configures it.
      await this.settle(delivery, {
        leaseUntil: null,
        lastError: `no destination named ${delivery.destination} is configured`,
        nextAttemptAt: new Date(now.getTime() + UNCONFIGURED_RECHECK_MS),
      });
      return false;
    }
    if (delivery.kind !== 'report') return this.attemptAction(delivery, destination, now);
    let externalRef: string | undefined;
    const sent = await this.sendOnce(delivery, now, async () => {
      ({ externalRef } = await destination.deliver(
        await outgoingReport(this.deps, delivery.reportId),
        delivery.idempotencyKey,
      ));
      return externalRef;
    });
    if (!sent) return false;
    const [report] = await db.select().from(reports).where(eq(reports.id, delivery.reportId));
    if (report?.status === 'received') {
      const note = externalRef ? `Nomor laporan di ${delivery.destination}: ${externalRef}` : undefined;
      await recordTransition(db, this.deps.keyring, report.id, { to: 'submitted', actor: 'hub', note, at: now });
    }
    logger?.info({ delivery: delivery.id, destination: delivery.destination }, 'delivered');
    return true;
  }

  /** Runs one send and records its outcome: delivered (with the destination's reference, if `send` returns one), or failed. */
  private async sendOnce(delivery: Delivery, now: Date, send: () => Promise<unknown>): Promise<boolean> {
    try {
      const result = await send();
      const externalRef = typeof result === 'string' ? result : undefined;
      await this.settle(delivery, {
        state: 'delivered',
        deliveredAt: now,
        leaseUntil: null,
        lastError: null,
        attempts: delivery.attempts + 1,
        ...(externalRef && { externalRef }),
      });
      return true;
    } catch (error) {
      await this.failed(delivery, error, now);
      return false;
    }
  }

  private async settle(delivery: Delivery, change: Partial<Delivery>): Promise<void> {
    await this.deps.db.update(deliveries).set(change).where(eq(deliveries.id, delivery.id));
  }

  /** Schedules the next attempt with backoff, or parks the delivery for the operator. */
  private async failed(delivery: Delivery, error: unknown, now: Date): Promise<void> {
    const attempts = delivery.attempts + 1;
    const retryable = !(error instanceof DeliveryError) || error.retryable;
    const parked = !retryable || attempts >= this.options.maxAttempts;
    await this.settle(delivery, {
      attempts,
      leaseUntil: null,
      // Mail servers quote the recipient (`550 <andi@…>: no such user`): kept for the operator, masked.
      lastError: maskPersonalData((error as Error).message).slice(0, 500),
      state: parked ? 'needs_attention' : 'pending',
      nextAttemptAt: new Date(now.getTime() + retryDelay(attempts, this.options)),
    });
    this.deps.logger?.warn(
      { delivery: delivery.id, destination: delivery.destination, attempts, parked },
      'delivery failed',
    );
  }

  /**
   * Passes on a reporter's action once the report itself has arrived (the
   * destination knows it by its reference only then); until then it waits,
   * uncounted.
   */
  private async attemptAction(delivery: Delivery, destination: Destination, now: Date): Promise<boolean> {
    const { db } = this.deps;
    const [report] = await db
      .select()
      .from(deliveries)
      .where(
        and(
          eq(deliveries.reportId, delivery.reportId),
          eq(deliveries.kind, 'report'),
          eq(deliveries.destination, delivery.destination),
        ),
      );
    const event = await this.eventOf(delivery);
    if (report?.state !== 'delivered' || !event) {
      await this.settle(delivery, {
        leaseUntil: null,
        nextAttemptAt: new Date(now.getTime() + this.options.baseDelayMs),
      });
      return false;
    }
    const [sealed] = await db.select().from(reports).where(eq(reports.id, delivery.reportId));
    const action: OutgoingAction = {
      kind: delivery.kind as OutgoingAction['kind'],
      trackingId: sealed?.trackingId ?? '',
      ...(report.externalRef && { externalRef: report.externalRef }),
      ...(event.note && sealed && { text: outgoingText(this.deps.keyring, sealed, event.note) }),
      ...(event.rating && { rating: event.rating }),
      at: event.at.toISOString(),
    };
    return this.sendOnce(delivery, now, async () => {
      if (!destination.deliverAction) throw new DeliveryError(`${destination.name} takes no reporter actions`, false);
      await destination.deliverAction(action, delivery.idempotencyKey);
    });
  }

  /** Emails the reporter about an event; the receipt never goes in an email. */
  private async attemptNotification(delivery: Delivery, now: Date): Promise<boolean> {
    const { db, keyring, mailer, publicUrl } = this.deps;
    if (!mailer || !publicUrl) {
      await this.settle(delivery, {
        leaseUntil: null,
        lastError: 'no mailer is configured',
        nextAttemptAt: new Date(now.getTime() + UNCONFIGURED_RECHECK_MS),
      });
      return false;
    }
    const [sealed] = await db.select().from(reports).where(eq(reports.id, delivery.reportId));
    const event = await this.eventOf(delivery);
    const email = sealed && contactOf(openReport(keyring, sealed))?.email;
    if (!sealed || !event || !email || !sealed.notify) {
      // Opted out (or nothing to send) since it was queued: settled without sending.
      await this.settle(delivery, {
        state: 'delivered',
        deliveredAt: now,
        leaseUntil: null,
        lastError: 'not sent: the reporter opted out',
      });
      return false;
    }
    const base = publicUrl.replace(/\/$/, '');
    const token = optOutToken(keyring.deriveSecret('opt-out'), sealed.trackingId);
    const optOutUrl = `${base}/api/v1/notifications/opt-out?report=${encodeURIComponent(sealed.trackingId)}&token=${token}`;
    const sent = await sentTo(db, this.deps.routing, sealed.id);
    const mail = notificationMail({
      locale: sealed.locale,
      ...(sent && { sentTo: sent }),
      trackingId: sealed.trackingId,
      // A confidential report's email says nothing of its content.
      event: { ...event, note: sealed.confidential ? null : openNote(keyring, sealed.trackingId, event.note) },
      trackerUrl: `${base}/lacak/#lapor=${encodeURIComponent(sealed.trackingId)}`,
      optOutUrl,
    });
    return this.sendOnce(delivery, now, () =>
      mailer.send({
        to: email,
        ...mail,
        messageId: `<${delivery.idempotencyKey}@lapor-embed>`,
        headers: { 'List-Unsubscribe': `<${optOutUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      }),
    );
  }

  /** The timeline event an action or a notification passes on. */
  private async eventOf(delivery: Delivery) {
    if (!delivery.eventId) return undefined;
    const [event] = await this.deps.db.select().from(reportEvents).where(eq(reportEvents.id, delivery.eventId));
    return event;
  }
}
