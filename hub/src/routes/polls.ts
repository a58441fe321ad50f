import { createRoute } from '@hono/zod-openapi';
import { html } from 'hono/html';
import * as z from 'zod';
import { DEVICE_HEADER } from '../../../contract/polls';
import { pollQuerySchema, voteInputSchema } from '../../../contract/requests';
import { pollListSchema, pollViewSchema, voteRecordedSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { confirmationTarget, confirmVote } from '../polls/confirmation';
import { publishedComments, resultsCsv } from '../polls/export';
import { listPolls } from '../polls/polls';
import { resultsOf } from '../polls/results';
import { pollForSite, visitorsView } from '../polls/view';
import { castVote } from '../polls/votes';
import { type Admitted, admission, siteOfRequest } from './admission';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';
import { pageSecurity } from './middleware/security-headers';
import type { ReportLimits } from './report-limits';

const siteHeader = z.string().optional().meta({
  description: "A registered website's key: it is shown its own institution's polls only.",
});
const deviceHeader = z.string().meta({
  description: 'The device’s token (43 characters of base64url), which the poll element makes once and keeps.',
});
const pollParams = z.object({
  pollId: z.string().max(64).meta({ description: 'The poll’s id.', example: 'q3ZkT1xw0bVa' }),
});
const tags = ['polls'];

const listPollsRoute = createRoute({
  tags,
  method: 'get',
  path: '/',
  operationId: 'listPolls',
  summary: "An institution's polls",
  request: { query: pollQuerySchema, headers: z.object({ 'x-lapor-site': siteHeader }) },
  responses: {
    200: answer(
      'Up to 100 polls: open and scheduled ones closing soonest first, closed ones latest first.',
      pollListSchema,
    ),
    ...failures({ 400: 'Neither an institution nor a site, or an unknown site key.', ...PUBLIC_FAILURES }),
  },
});

const getPollRoute = createRoute({
  tags,
  method: 'get',
  path: '/{pollId}',
  operationId: 'getPoll',
  summary: 'A poll, with its results once closed',
  request: {
    params: pollParams,
    headers: z.object({ 'x-lapor-device': deviceHeader.optional(), 'x-lapor-site': siteHeader }),
  },
  responses: {
    200: answer('The poll; `yourVote` with a device token, `results` once it has closed.', pollViewSchema),
    ...failures({ 400: 'A malformed device token.', 404: 'No such poll (for this site).', ...PUBLIC_FAILURES }),
  },
});

const castVoteRoute = createRoute({
  tags,
  method: 'post',
  path: '/{pollId}/votes',
  operationId: 'castVote',
  summary: "Vote, or change this device's vote, while the poll is open",
  request: {
    params: pollParams,
    headers: z.object({
      // Checked by the vote itself, so that a missing token is named as such (`invalid_device`).
      'x-lapor-device': deviceHeader.optional().meta({ description: 'Required: the device’s token.' }),
      'x-altcha': z.string().optional().meta({ description: 'A solved proof of work, as for filing a report.' }),
      'x-lapor-site': siteHeader,
    }),
    body: { required: true, content: { 'application/json': { schema: voteInputSchema } } },
  },
  responses: {
    201: answer('Counted (once the poll closes).', voteRecordedSchema),
    200: answer("This device's earlier vote was replaced.", voteRecordedSchema),
    202: answer(
      'Waiting: it counts once confirmed from the link just emailed (a poll with `confirmByEmail`).',
      voteRecordedSchema,
    ),
    ...failures({
      400: 'Invalid fields (an email address where the poll asks for one), or a missing or malformed device token (`invalid_device`).',
      403: 'No, a wrong or a used proof of work, or a website not registered.',
      404: 'No such poll (for this site).',
      409: 'The poll is not open (`poll_not_open`), or the email address already voted in it (`already_voted`).',
      429: PUBLIC_FAILURES[429],
      503: 'The confirmation email could not be sent (`email_unavailable`); nothing was kept.',
    }),
  },
});

const resultsCsvRoute = createRoute({
  tags,
  method: 'get',
  path: '/{pollId}/results.csv',
  operationId: 'getPollResultsCsv',
  summary: "A closed poll's counts as CSV",
  request: { params: pollParams, headers: z.object({ 'x-lapor-site': siteHeader }) },
  responses: {
    200: { description: 'answer,label,votes per answer (UTF-8).', content: { 'text/csv': { schema: z.string() } } },
    ...failures({ 404: 'No such poll.', 409: 'Still open (`poll_not_closed`).', ...PUBLIC_FAILURES }),
  },
});

const commentsRoute = createRoute({
  tags,
  method: 'get',
  path: '/{pollId}/comments',
  operationId: 'getPollComments',
  summary: "A closed poll's comments, personal data masked, if its institution publishes them",
  request: {
    params: pollParams,
    query: z.object({
      format: z.enum(['csv', 'json']).default('json').meta({ description: 'csv or json (the default).' }),
    }),
    headers: z.object({ 'x-lapor-site': siteHeader }),
  },
  responses: {
    200: {
      description: 'answer,label,comment per comment (CSV), or {items: [{answer, label, comment}]} (JSON).',
      content: {
        'text/csv': { schema: z.string() },
        'application/json': {
          schema: z.object({
            items: z.array(z.object({ answer: z.number().int(), label: z.string(), comment: z.string() })),
          }),
        },
      },
    },
    ...failures({
      404: 'No such poll, or its comments are not published.',
      409: 'Still open (`poll_not_closed`).',
      ...PUBLIC_FAILURES,
    }),
  },
});

const confirmLink = z.object({ token: z.string().max(100).meta({ description: 'From the emailed link.' }) });
const page = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const showConfirmation = createRoute({
  tags,
  method: 'get',
  path: '/{pollId}/confirm',
  operationId: 'showVoteConfirmation',
  summary: 'The link in a vote’s confirmation email: a page with a button',
  request: { params: pollParams, query: confirmLink },
  responses: {
    200: page('The page.'),
    ...failures({ 404: 'Not a valid link, or already used.', 409: 'The poll has closed (`poll_not_open`).' }),
  },
});

const confirmVoteRoute = createRoute({
  tags,
  method: 'post',
  path: '/{pollId}/confirm',
  operationId: 'confirmVote',
  summary: 'Count the vote the emailed link names',
  request: { params: pollParams, query: confirmLink },
  responses: {
    200: page('Counted.'),
    ...failures({ 404: 'Not a valid link, or already used.', 409: 'The poll has closed (`poll_not_open`).' }),
  },
});

/** Policy polls: reading them, voting, and a closed poll's results. */
export function pollRoutes(deps: ResolvedDeps, limits: ReportLimits) {
  const { db, clock, selfOrigins } = deps;
  const app = routes<Admitted>();
  app.use('*', async function siteOfPollRequest(c, next) {
    // Votes are admitted with their proof of work below; every other poll request only names its site.
    if (c.req.method === 'GET') c.set('site', await siteOfRequest(c, db, selfOrigins));
    await next();
  });
  // Opening the link shows a button, so a mail scanner that follows links confirms nothing.
  app.use('/:pollId/confirm', pageSecurity());
  return app
    .openapi(showConfirmation, async (c) => {
      const question = await confirmationTarget(db, c.req.valid('param').pollId, c.req.valid('query').token, clock());
      return c.html(confirmPage(question), 200);
    })
    .openapi(confirmVoteRoute, async (c) => {
      const question = await confirmVote(db, c.req.valid('param').pollId, c.req.valid('query').token, clock());
      return c.html(confirmedPage(question), 200);
    })
    .openapi({ ...listPollsRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const site = c.get('site');
      const { institution, state } = c.req.valid('query');
      const institutionId = site?.institutionId ?? institution;
      if (!institutionId) throw new DomainError('validation_failed', 'Name an institution, or send a site key');
      if (site && institution && institution !== site.institutionId) return c.json({ items: [] }, 200);
      const now = clock();
      const polls = await listPolls(db, { institutionId, ...(state && { state }) }, now);
      c.header('Cache-Control', 'no-cache');
      return c.json({ items: await Promise.all(polls.map((poll) => visitorsView(deps, poll, undefined, now))) }, 200);
    })
    .openapi({ ...getPollRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const poll = await pollForSite(deps, c.req.valid('param').pollId, c.get('site'));
      const device = c.req.header(DEVICE_HEADER);
      // An answer holding this device's vote is for this device only.
      c.header('Cache-Control', device === undefined ? 'no-cache' : 'private, no-store');
      c.header('Vary', DEVICE_HEADER);
      return c.json(await visitorsView(deps, poll, device, clock()), 200);
    })
    .openapi({ ...castVoteRoute, middleware: [limits.votesPerAddress, admission(deps)] }, async (c) => {
      const poll = await pollForSite(deps, c.req.valid('param').pollId, c.get('site'));
      const device = c.req.header(DEVICE_HEADER);
      const base = deps.publicUrl ?? new URL(c.req.url).origin;
      const recorded = await castVote(deps, poll.id, device, c.req.valid('json'), clock(), {
        solution: c.get('solution'),
        confirmation: {
          mailer: deps.mailer,
          link: (pollId, token) => `${base}/api/v1/polls/${encodeURIComponent(pollId)}/confirm?token=${token}`,
        },
      });
      c.header('Cache-Control', 'no-store');
      if (!recorded.confirmed) return c.json(recorded, 202);
      return c.json(recorded, recorded.changed ? 200 : 201);
    })
    .openapi({ ...resultsCsvRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const poll = await pollForSite(deps, c.req.valid('param').pollId, c.get('site'));
      const results = await resultsOf(db, poll, clock());
      return c.body(resultsCsv(poll, results), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="poll-${poll.id}-results.csv"`,
      });
    })
    .openapi({ ...commentsRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const { format } = c.req.valid('query');
      const poll = await pollForSite(deps, c.req.valid('param').pollId, c.get('site'));
      const body = publishedComments(deps, poll, format, clock());
      return c.body(body, 200, {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
        ...(format === 'csv' && { 'Content-Disposition': `attachment; filename="poll-${poll.id}-comments.csv"` }),
      });
    });
}

const confirmPage = (question: string) => html`<!doctype html>
  <html lang="id">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Konfirmasi suara Anda</title>
    </head>
    <body>
      <h1>Konfirmasi suara Anda / Confirm your vote</h1>
      <p>Jajak pendapat / Poll: ${question}</p>
      <form method="post">
        <button>Hitung suara saya / Count my vote</button>
      </form>
    </body>
  </html>`;

const confirmedPage = (question: string) => html`<!doctype html>
  <html lang="id">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Suara Anda dihitung</title>
    </head>
    <body>
      <h1>Terima kasih: suara Anda dihitung. Thank you: your vote counts.</h1>
      <p>${question}</p>
      <p>Hasilnya diumumkan setelah jajak pendapat ditutup. The results are published once the poll closes.</p>
    </body>
  </html>`;
