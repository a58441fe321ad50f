import type { Context } from 'hono';
import * as z from 'zod';
import type { Db } from '../db/client';
import { type Access, accessReport } from '../reports/access';

const RECEIPT_AUTH = /^Receipt\s+(\S+)\s*$/i;

/** The Tracking ID in a report's address. */
export const trackingIdParams = z.object({
  trackingId: z.string().meta({
    description: 'The Tracking ID, e.g. LPR-7K3M-9Q2X-T; case, spaces and dashes do not matter.',
    example: 'LPR-7K3M-9Q2X-T',
  }),
});

/** Shown to the public, or with `Authorization: Receipt <receipt>` to the reporter. */
export const publicOrReporter: Record<string, string[]>[] = [{}, { receipt: [] }];

/**
 * The report a request names and who is asking, by the `Authorization:
 * Receipt …` header. Answers for one viewer must not be cached for another.
 */
export async function viewerOf(c: Context, db: Db, trackingId: string): Promise<Access> {
  const authorization = c.req.header('authorization');
  const access = await accessReport(
    db,
    trackingId,
    authorization === undefined ? undefined : (RECEIPT_AUTH.exec(authorization)?.[1] ?? ''),
  );
  c.header('Vary', 'Authorization');
  c.header('Cache-Control', access.viewer === 'public' ? 'no-cache' : 'no-store');
  return access;
}
