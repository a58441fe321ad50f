import type { Context } from 'hono';
import type * as z from 'zod';
import { toFieldErrors } from '../../../contract';
import { DomainError } from '../errors';

/** Validates a request's query string by a zod schema; a bad parameter is a 400 naming it. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) {
    throw new DomainError('validation_failed', 'Invalid query parameters', {
      fields: toFieldErrors(result.error.issues),
    });
  }
  return result.data;
}
