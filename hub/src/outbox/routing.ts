import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import type { ReplyAddresses } from '../mail-replies/address';
import type { Mailer } from '../notifications/mailer';
import type { Destination } from './destination';
import { emailDestination } from './email';
import { laporDestination } from './lapor';
import { open311Destination } from './open311';
import { webhookDestination } from './webhook';

/** Where reports go when no route names anything else. */
export const DEFAULT_DESTINATION = 'lapor';

const destinationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('webhook'), name: z.string().min(1), url: z.url(), secret: z.string().min(16) }),
  z.object({ type: z.literal('email'), name: z.string().min(1), to: z.email() }),
  z.object({
    type: z.literal('open311'),
    name: z.string().min(1),
    endpoint: z.url(),
    apiKey: z.string().min(1),
    jurisdictionId: z.string().optional(),
    serviceCodes: z.record(z.string(), z.string()).optional(),
    defaultServiceCode: z.string().min(1),
    allowConfidential: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('lapor'),
    name: z.string().min(1),
    baseUrl: z.url(),
    token: z.string().min(1),
    institutionCodes: z.record(z.string(), z.string()).optional(),
  }),
]);

/** `DATA_DIR/destinations.json`, edited by the operator. */
export const routingFile = z.object({
  destinations: z.array(destinationSchema).default([]),
  /** First match wins: a site's route, then its institution's, then the institution's parents'. */
  routes: z
    .array(
      z.union([
        z.object({ site: z.string().min(1), destination: z.string().min(1) }),
        z.object({ institution: z.string().min(1), destination: z.string().min(1) }),
      ]),
    )
    .default([]),
  default: z.string().min(1).default(DEFAULT_DESTINATION),
});
export type RoutingFile = z.infer<typeof routingFile>;

export interface Routing {
  destination(name: string): Destination | undefined;
  /** The destination for a report from `siteKey` to an institution (given with its parents, nearest first). */
  destinationFor(report: { siteKey: string | null; institutionPath: readonly string[] }): string;
  /** The destinations that are asked for progress, rather than pushing it. */
  pollable(): string[];
  /** The destinations that take reminders of deadlines (institutions' own desks by email). */
  remindable(): string[];
}

export function createRouting(
  config: RoutingFile,
  extra: readonly Destination[] = [],
  {
    mailer,
    replyAddresses,
    deskLink,
  }: { mailer?: Mailer; replyAddresses?: ReplyAddresses; deskLink?: (trackingId: string) => string } = {},
): Routing {
  const destinations = new Map<string, Destination>(extra.map((d) => [d.name, d]));
  for (const d of config.destinations) {
    if (d.type === 'webhook') destinations.set(d.name, webhookDestination(d));
    else if (d.type === 'lapor') destinations.set(d.name, laporDestination(d));
    else if (d.type === 'open311') destinations.set(d.name, open311Destination(d));
    // Without a mailer, an email destination is left out, and its reports wait as for any unconfigured one.
    else if (mailer) {
      const replyTo = replyAddresses && ((trackingId: string) => replyAddresses.address(trackingId, 'desk'));
      destinations.set(
        d.name,
        emailDestination({ ...d, mailer, ...(replyTo && { replyTo }), ...(deskLink && { deskLink }) }),
      );
    }
  }
  return {
    destination: (name) => destinations.get(name),
    pollable: () => [...destinations.values()].filter((d) => d.poll).map((d) => d.name),
    remindable: () => [...destinations.values()].filter((d) => d.remind).map((d) => d.name),
    destinationFor({ siteKey, institutionPath }) {
      const bySite = config.routes.find((r) => 'site' in r && r.site === siteKey);
      if (bySite) return bySite.destination;
      for (const institution of institutionPath) {
        const route = config.routes.find((r) => 'institution' in r && r.institution === institution);
        if (route) return route.destination;
      }
      return config.default;
    },
  };
}

export function loadRoutingFile(path: string): RoutingFile {
  return routingFile.parse(existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {});
}
