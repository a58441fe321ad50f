import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import * as z from 'zod';
import { monitorStatsQuerySchema, openDataQuerySchema, publicReportsQuerySchema } from '../../../contract/requests';
import { monitorMapSchema, monitorStatsSchema, publicReportPageSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { publicFeed } from '../monitor/feed';
import { publicReports } from '../monitor/list';
import { openData as openDataOf } from '../monitor/open-data';
import { statsOf } from '../monitor/stats';
import { HUB_DATA } from '../paths';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';
import type { ReportLimits } from './report-limits';

const tags = ['public monitoring'];

/**
 * Figures follow the reports within a second or so, and everyone gets the
 * same answer: a minute in a cache (the browser's, a proxy's) costs nothing
 * a visitor would notice and spares the hub a crowd's refreshes.
 */
const CACHE = 'public, max-age=60';

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/reports',
  operationId: 'listPublicReports',
  summary: 'Published reports, newest first',
  description:
    'Reports forwarded by the national workflow (or the destination’s desk) at least once, never a confidential one, never their reporter, text masked as in the public view. Browsers from registered sites get CORS; requests without an Origin read freely.',
  request: { query: publicReportsQuerySchema },
  responses: {
    200: answer('A page of published reports.', publicReportPageSchema),
    ...failures({ 400: 'An invalid filter or cursor (`validation_failed`).', ...PUBLIC_FAILURES }),
  },
});

const statsRoute = createRoute({
  tags,
  method: 'get',
  path: '/stats',
  operationId: 'getPublicStats',
  summary: "A scope's figures by month of receipt, and by place",
  description:
    'Counted as events arrive, with the deadlines the tracker shows. A scope, month or place with fewer than 5 reports is not broken down.',
  request: { query: monitorStatsQuerySchema },
  responses: {
    200: answer('The figures.', monitorStatsSchema),
    ...failures({ 400: 'An invalid scope (`validation_failed`).', ...PUBLIC_FAILURES }),
  },
});

const openData = {
  tags,
  method: 'get',
  description:
    'The same reports and exclusions as the list, newest first, streamed (UTF-8). README, under Open data, describes the columns.',
  request: { query: openDataQuerySchema },
} as const;
const openDataFailures = failures({ 400: 'An invalid filter (`validation_failed`).', ...PUBLIC_FAILURES });

const csvRoute = createRoute({
  ...openData,
  path: '/reports.csv',
  operationId: 'publicReportsCsv',
  summary: 'Every published report in the filters, as CSV (open data)',
  responses: {
    200: { description: 'A header row, then one row per report.', content: { 'text/csv': { schema: z.string() } } },
    ...openDataFailures,
  },
});

const jsonRoute = createRoute({
  ...openData,
  path: '/reports.json',
  operationId: 'publicReportsJson',
  summary: 'Every published report in the filters, as JSON (open data)',
  responses: {
    200: {
      description: '{"items": [PublicReport, …]}',
      // Written as it streams, so described by reference rather than checked by a schema.
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { items: { type: 'array', items: { $ref: '#/components/schemas/PublicReport' } } },
          },
        },
      },
    },
    ...openDataFailures,
  },
});

const feedRoute = createRoute({
  tags,
  method: 'get',
  path: '/feed.atom',
  operationId: 'publicReportsFeed',
  summary: 'An Atom feed of the newest published reports of an institution, a place or a category',
  request: { query: openDataQuerySchema },
  responses: {
    200: {
      description: 'Atom 1.0: the 50 newest published reports in the filters, each linking to the tracker.',
      content: { 'application/atom+xml': { schema: z.string() } },
    },
    ...openDataFailures,
  },
});

const mapRoute = createRoute({
  tags,
  method: 'get',
  path: '/map/{code}',
  operationId: 'getPublicMap',
  summary: "The monitoring map's boundaries: the provinces, or one province's regencies and cities",
  description:
    'Projected and simplified outlines as SVG paths, shipped with the hub (no tile server). Derived from cahyadsn/wilayah_boundaries (MIT License); the answer carries the attribution to show.',
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^(id|\d{2})$/, { message: '`id` or a province code' })
        .meta({ description: '`id` for the provinces, or a province (`73`) for its regencies and cities.' }),
    }),
  },
  responses: {
    200: answer('The shapes.', monitorMapSchema),
    ...failures({ 400: 'Not a map code.', 404: 'No such province.', ...PUBLIC_FAILURES }),
  },
});

/** Boundaries change with a decree and a hub upgrade: a day in a cache is safe. */
const MAP_CACHE = 'public, max-age=86400';

/** Public monitoring: what SP4N-LAPOR! would publish, and how institutions kept their deadlines. */
export function publicRoutes(deps: ResolvedDeps, limits: ReportLimits) {
  const { clock, db, publicAnswers } = deps;
  return routes()
    .openapi({ ...listRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const query = c.req.valid('query');
      const now = clock();
      const page = await publicAnswers.get(db, now, `list ${JSON.stringify(query)}`, () =>
        publicReports(deps, query, now),
      );
      c.header('Cache-Control', CACHE);
      return c.json(page, 200);
    })
    .openapi({ ...statsRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const { places, ...scope } = c.req.valid('query');
      const now = clock();
      const stats = await publicAnswers.get(db, now, `stats ${JSON.stringify(c.req.valid('query'))}`, () =>
        statsOf(deps, scope, now, places),
      );
      c.header('Cache-Control', CACHE);
      return c.json(stats, 200);
    })
    .openapi({ ...csvRoute, middleware: [limits.lookupsPerAddress] }, async (c) =>
      c.body(openDataOf(deps, c.req.valid('query'), 'csv', clock()), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="laporan-publik.csv"',
        'Cache-Control': CACHE,
      }),
    )
    .openapi({ ...feedRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const filters = c.req.valid('query');
      const now = clock();
      const hub = `${deps.publicUrl ?? new URL(c.req.url).origin}/`;
      // The feed's own address from what was validated, not from whatever else the query held.
      const query = new URLSearchParams(
        Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]),
      );
      const self = new URL(`api/v1/public/feed.atom${query.size ? `?${query}` : ''}`, hub).href;
      const atom = await publicAnswers.get(db, now, `feed ${self}`, async () => ({
        text: await publicFeed(deps, filters, { hub, self, now }),
      }));
      return c.body(atom.text, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': CACHE });
    })
    .openapi(mapRoute, async (c) => {
      const { code } = c.req.valid('param');
      const text = await readFile(join(HUB_DATA, 'map', `${code}.json`), 'utf8').catch(() => {
        throw new DomainError('not_found', 'No map has this code');
      });
      // Written as it was shipped (checked against the schema by the tests), not parsed and written again.
      return c.body(text, 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': MAP_CACHE,
      }) as unknown as TypedResponse<never, 200, 'json'>;
    })
    .openapi({ ...jsonRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const body = openDataOf(deps, c.req.valid('query'), 'json', clock());
      const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': CACHE };
      // Streamed JSON: Hono's types expect JSON answers from c.json, which would hold the whole export in memory.
      return c.body(body, 200, headers) as unknown as TypedResponse<never, 200, 'json'>;
    });
}
