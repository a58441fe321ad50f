import type { Logger } from 'pino';
import type { Delivery } from '../db/schema';
import { outgoingReminder } from '../desk/reminders';
import type { ReplyAddresses } from '../mail-replies/address';
import type { Mailer } from '../notifications/mailer';
import { FOLLOWER_EMAIL, REPORTER_SMS } from '../notifications/queue';
import { reportRow } from '../reports/read';
import type { SmsGateway } from '../sms/gateway';
import { reporterSms } from '../sms/news';
import type { Clock } from '../workflow/clock';
import { recordTransition } from '../workflow/transitions';
import { DeliveryError, type Destination } from './destination';
import { followerEmails } from './follower-email';
import { claimDue, delivered, failed, type LeaseOptions, settledUnsent, waitFor } from './lease';
import { Passes } from './passes';
import { outgoingAction, outgoingReport, type PayloadDeps } from './payload';
import { pollProgress } from './progress';
import { reporterEmail } from './reporter-email';
import type { Routing } from './routing';

export { retryDelay } from './lease';

export interface OutboxOptions extends LeaseOptions {
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
  batch: 256,
  concurrency: 64,
  pollIntervalMs: 60_000,
};

export interface OutboxDeps extends PayloadDeps {
  routing: Routing;
  /** Sends reporters' notifications; without one they wait in the outbox. */
  mailer?: Mailer;
  /** Gives each reporter's email its reply address, when the hub takes replies by email. */
  replyAddresses?: ReplyAddresses;
  /** The SMS gateways, for news to reporters who filed by SMS. */
  smsGateways?: ReadonlyMap<string, SmsGateway>;
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
export class OutboxWorker extends Passes {
  private readonly options: OutboxOptions;
  private claimedFullBatch = false;

  constructor(
    private readonly deps: OutboxDeps,
    options: Partial<OutboxOptions> = {},
  ) {
    super('outbox tick', deps);
    this.options = { ...DEFAULT_OUTBOX, ...options };
  }

  /** A pass that claimed a full batch left more behind it. */
  protected override backlogged(): boolean {
    return this.claimedFullBatch;
  }

  protected async work(now: Date): Promise<number> {
    let sent = 0;
    // A process that cannot send email leaves reporters' notifications to one that can (or to its own next start
    // with a mailer), rather than taking each up again every few minutes only to put it back.
    const { mailer, publicUrl } = this.deps;
    const claimed = await claimDue(this.deps.db, now, this.options, { withNotifications: !!mailer && !!publicUrl });
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
        for (const delivery of lane) if (await this.attempt(delivery, now)) sent++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, runner));
    await pollProgress(this.deps, now, this.options);
    return sent;
  }

  private async attempt(delivery: Delivery, now: Date): Promise<boolean> {
    const { db, routing } = this.deps;
    if (delivery.kind === 'notification') return this.attemptNotification(delivery, now);
    const destination = routing.destination(delivery.destination);
    if (!destination) {
      // Not a failure of the destination: the delivery waits, uncounted, until the operator configures it.
      const reason = `no destination named ${delivery.destination} is configured`;
      await waitFor(db, delivery, now, UNCONFIGURED_RECHECK_MS, reason);
      return false;
    }
    if (delivery.kind === 'reminder') return this.attemptReminder(delivery, destination, now);
    if (delivery.kind !== 'report') return this.attemptAction(delivery, destination, now);
    let externalRef: string | undefined;
    const sent = await this.sendOnce(delivery, now, async () => {
      ({ externalRef } = await destination.deliver(
        await outgoingReport(this.deps, delivery.reportId),
        delivery.idempotencyKey,
      ));
      return externalRef;
    });
    if (sent) await this.markSubmitted(delivery, externalRef, now);
    return sent;
  }

  /** A report that reached its destination has left the hub: `submitted`, with the destination's reference. */
  private async markSubmitted(delivery: Delivery, externalRef: string | undefined, now: Date): Promise<void> {
    const { db, keyring, logger } = this.deps;
    const report = await reportRow(db, delivery.reportId);
    if (report?.status === 'received') {
      await recordTransition(db, keyring, report.id, {
        to: 'submitted',
        actor: 'hub',
        ...(externalRef && { reference: externalRef }),
        at: now,
      });
    }
    logger?.info({ delivery: delivery.id, destination: delivery.destination }, 'delivered');
  }

  /** Runs one send and records its outcome: delivered (with the destination's reference, if `send` returns one), or failed. */
  private async sendOnce(delivery: Delivery, now: Date, send: () => Promise<unknown>): Promise<boolean> {
    const { db, logger } = this.deps;
    try {
      const result = await send();
      await delivered(db, delivery, now, typeof result === 'string' ? result : undefined);
      return true;
    } catch (error) {
      const { attempts, parked } = await failed(db, delivery, error, now, this.options);
      logger?.warn({ delivery: delivery.id, destination: delivery.destination, attempts, parked }, 'delivery failed');
      return false;
    }
  }

  /**
   * Passes on a reporter's action once the report itself has arrived (the
   * destination knows it by its reference only then); until then it waits,
   * uncounted.
   */
  private async attemptAction(delivery: Delivery, destination: Destination, now: Date): Promise<boolean> {
    const action = await outgoingAction(this.deps, delivery);
    if (!action) {
      await waitFor(this.deps.db, delivery, now, this.options.baseDelayMs);
      return false;
    }
    return this.sendOnce(delivery, now, async () => {
      if (!destination.deliverAction) throw new DeliveryError(`${destination.name} takes no reporter actions`, false);
      await destination.deliverAction(action, delivery.idempotencyKey);
    });
  }

  /** Tells a reporter who filed by SMS, through the gateway they wrote to. */
  private async attemptSms(delivery: Delivery, now: Date): Promise<boolean> {
    const { db, smsGateways } = this.deps;
    const news = await reporterSms(this.deps, delivery);
    if (!news) {
      await settledUnsent(db, delivery, now, 'not sent: the reporter stopped the news');
      return false;
    }
    const gateway = smsGateways?.get(news.gateway);
    if (!gateway) {
      await waitFor(db, delivery, now, UNCONFIGURED_RECHECK_MS, `no SMS gateway named ${news.gateway} is configured`);
      return false;
    }
    return this.sendOnce(delivery, now, () => gateway.send(news.sms));
  }

  /** Reminds a desk of deadlines about to fall due; a destination that takes none (reconfigured since) is settled. */
  private async attemptReminder(delivery: Delivery, destination: Destination, now: Date): Promise<boolean> {
    const reminder = await outgoingReminder(this.deps, delivery);
    if (!destination.remind || !reminder?.deadlines.length) {
      const reason = `not sent: ${destination.name} takes no reminders, or nothing is due`;
      await settledUnsent(this.deps.db, delivery, now, reason);
      return false;
    }
    const remind = destination.remind.bind(destination);
    return this.sendOnce(delivery, now, () => remind(reminder, delivery.idempotencyKey));
  }

  /** Emails the reporter (or the report's followers) about an event on the report. */
  private async attemptNotification(delivery: Delivery, now: Date): Promise<boolean> {
    const { db, mailer, publicUrl } = this.deps;
    if (delivery.destination === REPORTER_SMS) return this.attemptSms(delivery, now);
    if (!mailer || !publicUrl) {
      await waitFor(db, delivery, now, UNCONFIGURED_RECHECK_MS, 'no mailer is configured');
      return false;
    }
    if (delivery.destination === FOLLOWER_EMAIL) {
      const mails = await followerEmails({ ...this.deps, publicUrl }, delivery);
      return this.sendOnce(delivery, now, async () => {
        for (const mail of mails) await mailer.send(mail);
      });
    }
    const mail = await reporterEmail({ ...this.deps, publicUrl }, delivery);
    if (!mail) {
      // Opted out (or nothing to send) since it was queued.
      await settledUnsent(db, delivery, now, 'not sent: the reporter opted out');
      return false;
    }
    return this.sendOnce(delivery, now, () => mailer.send(mail));
  }
}
