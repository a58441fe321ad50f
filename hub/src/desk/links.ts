import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { parseTrackingId } from '../../../contract';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Report } from '../db/schema';
import { DomainError } from '../errors';
import { signedByAny } from '../notifications/link-tokens';
import type { Keyring } from '../privacy/keyring';
import { findReport } from '../reports/views';

/**
 * How long a desk link opens the desk page: past the resolution deadline
 * (60 working days, about 12 weeks) and the closure after it, with room for
 * holidays. An older link asks the operator for a new one.
 */
export const DESK_LINK_TTL_MS = 150 * 24 * 60 * 60_000;
/** 128 bits of HMAC: a link cannot be guessed or altered. */
const MAC_DIGITS = 32;

/**
 * Links to a report's desk page (routes/desk.ts) for an institution with
 * no system of its own: `/desk/v1/<tracking id>.<issued, unix seconds>.<mac>`,
 * signed with a secret derived from the data key, valid for DESK_LINK_TTL_MS
 * and until the operator revokes the report's links (desk_link_revocations).
 * Nothing is stored per link, so the email that carries one can be sent
 * again and the operator can issue another at any time.
 */
export class DeskLinks {
  /** `secrets`: the current data key's first (it signs), then older keys' (links given before a rotation). */
  constructor(
    private readonly secrets: readonly string[],
    private readonly publicUrl: string,
  ) {}

  url(trackingId: string, issuedAt: Date): string {
    const token = `${trackingId.toLowerCase()}.${Math.floor(issuedAt.getTime() / 1000)}`;
    return `${this.publicUrl.replace(/\/$/, '')}/desk/v1/${token}.${mac(this.secrets[0] ?? '', token)}`;
  }

  /** The report a link opens, or a not_found DomainError for one forged, expired or revoked. */
  async open(db: Db, token: string, now: Date): Promise<Report> {
    const refused = new DomainError('not_found', 'This desk link is not valid: it may have expired or been revoked');
    const match = /^([a-z0-9-]+)\.(\d{1,12})\.([0-9a-f]+)$/.exec(token.toLowerCase());
    if (!match) throw refused;
    const [, id = '', issued = '', signature = ''] = match;
    const signed = signedByAny(this.secrets, signature, (secret) => mac(secret, `${id}.${issued}`));
    if (!signed) throw refused;
    const issuedAt = Number(issued) * 1000;
    if (issuedAt > now.getTime() + 60_000 || now.getTime() - issuedAt > DESK_LINK_TTL_MS) throw refused;
    const parsed = parseTrackingId(id);
    const report = parsed.ok ? await findReport(db, parsed.trackingId) : undefined;
    if (!report) throw refused;
    const { deskLinkRevocations } = db.$tables;
    const [revoked] = await db.select().from(deskLinkRevocations).where(eq(deskLinkRevocations.reportId, report.id));
    if (revoked && issuedAt <= revoked.revokedAt.getTime()) throw refused;
    return report;
  }

  /** A new link for the operator to give the desk: issued after any revocation, even one a moment ago. */
  async issue(db: Db, trackingId: string, now: Date): Promise<string> {
    const report = await findReport(db, trackingId);
    if (!report) throw new DomainError('not_found', 'No report has this Tracking ID');
    const { deskLinkRevocations } = db.$tables;
    const [revoked] = await db.select().from(deskLinkRevocations).where(eq(deskLinkRevocations.reportId, report.id));
    const after = revoked ? Math.floor(revoked.revokedAt.getTime() / 1000) * 1000 + 1000 : 0;
    return this.url(report.trackingId, new Date(Math.max(now.getTime(), after)));
  }
}

const mac = (secret: string, token: string) =>
  createHmac('sha256', secret).update(`desk-link:${token}`).digest('hex').slice(0, MAC_DIGITS);

/** Revokes every desk link of a report issued until now (the operator's command). */
export async function revokeDeskLinks(db: Db, trackingId: string, now: Date): Promise<void> {
  const report = await findReport(db, trackingId);
  if (!report) throw new DomainError('not_found', 'No report has this Tracking ID');
  const { deskLinkRevocations } = db.$tables;
  await db
    .insert(deskLinkRevocations)
    .values({ reportId: report.id, revokedAt: now })
    .onConflictDoUpdate({ target: deskLinkRevocations.reportId, set: { revokedAt: now } });
}

/** The hub's desk links, as the hub and the operator's commands both make them: under the hub's public address. */
export const deskLinksOf = (config: Pick<Config, 'publicUrl' | 'host' | 'port'>, keyring: Keyring) =>
  new DeskLinks(keyring.deriveSecrets('desk-link'), config.publicUrl ?? `http://${config.host}:${config.port}`);
