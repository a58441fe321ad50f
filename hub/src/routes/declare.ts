import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type * as z from 'zod';
import { toFieldErrors } from '../../../contract';
import { errorSchema } from '../../../contract/responses';
import { DomainError } from '../errors';
import type { ERROR_STATUS } from './error-status';

/**
 * What every route module builds on: routes are declared once with
 * `createRoute` (request and response schemas from `contract/`), validated
 * by those schemas, and the OpenAPI document is generated from the same
 * declarations (app.ts). A request that fails validation becomes a
 * DomainError, answered by the app's one error funnel like any other.
 */
function invalidRequest(result: { success: true } | { success: false; target: string; error: z.ZodError }) {
  if (result.success) return;
  const what = result.target === 'query' ? 'The query string' : 'The request';
  throw new DomainError('validation_failed', `${what} has invalid fields`, {
    fields: toFieldErrors(result.error.issues),
  });
}

/** A group of routes, validated by their declarations. */
export const routes = <E extends Env = Env>() =>
  new OpenAPIHono<E>({ defaultHook: (result) => invalidRequest(result) });

type Status = (typeof ERROR_STATUS)[keyof typeof ERROR_STATUS];

/** A JSON answer, for a route's `responses`. */
export const answer = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The error answers a route may give, by status, each the error body; `why` names the codes. */
export function failures<S extends Status>(why: Partial<Record<S, string>>) {
  return Object.fromEntries(Object.entries(why).map(([status, text]) => [status, answer(text as string, errorSchema)]));
}

/** What any public route may answer besides its own: a foreign website, or too many requests. */
export const PUBLIC_FAILURES = {
  403: 'A browser request from a website not registered with this hub (`origin_not_allowed`).',
  429: 'Too many requests from this address (`rate_limited`); see `Retry-After`.',
} as const;
