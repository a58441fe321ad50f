import * as z from 'zod';
import { BODY_MAX_LENGTH } from './limits';
import { REGION_CODE, STORABLE_TEXT } from './report-rules';
import { REPORT_STATUSES } from './status';

/**
 * What the hub's routes accept besides a report (report.ts): a reporter's
 * actions, query strings and a destination's events. The routes are declared
 * with these schemas, validate by them and document them; like
 * responses.ts, this file is not re-exported by index.ts, so the widget
 * carries none of it.
 */
const storable = (max: number) => z.string().trim().max(max).regex(STORABLE_TEXT);

export const commentSchema = z
  .object({ text: storable(BODY_MAX_LENGTH).min(1) })
  .meta({ id: 'Comment', description: 'More information or a question from the reporter.' });

export const reopenSchema = z
  .object({ reason: storable(BODY_MAX_LENGTH).min(10) })
  .meta({ id: 'Reopen', description: 'Why the follow-up did not settle the matter.' });

export const ratingSchema = z
  .object({ score: z.number().int().min(1).max(5), remark: storable(1000).optional() })
  .meta({ id: 'Rating', description: "The reporter's rating of the follow-up, 1 to 5." });

const pagination = {
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: 'Page size, 1–500.' }),
  offset: z.coerce.number().int().min(0).default(0).meta({ description: 'Items to skip.' }),
};

export const institutionQuerySchema = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'Words that the name or id must hold.' }),
  ...pagination,
});

export const regionQuerySchema = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'Words that the name must hold.' }),
  parent: z.string().regex(REGION_CODE).optional().meta({ description: 'A region code such as 73.71.' }),
  ...pagination,
});

export const inboundEventSchema = z
  .object({
    eventId: z
      .string()
      .min(1)
      .max(200)
      .regex(STORABLE_TEXT)
      .meta({ description: 'Unique per event, for replay protection.' }),
    report: z
      .string()
      .min(1)
      .max(200)
      .regex(STORABLE_TEXT)
      .meta({ description: "Our Tracking ID or the destination's own reference." }),
    type: z.enum(['status', 'message']),
    status: z.enum(REPORT_STATUSES).optional().meta({ description: 'For a status event.' }),
    note: z
      .string()
      .max(5000)
      .regex(STORABLE_TEXT)
      .optional()
      .meta({ description: 'A response or the reason for the change.' }),
    at: z.iso.datetime({ offset: true }).optional(),
    institution: z.string().min(1).max(300).regex(STORABLE_TEXT).optional().meta({
      description:
        "For a forwarding to another institution: our directory's id for it, or its name when it is not in the directory.",
    }),
  })
  .meta({ id: 'DestinationEvent', description: 'A status change or a response, from where a report went.' });
