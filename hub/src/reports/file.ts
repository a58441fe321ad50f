import type { FieldError, ReportCreated, ValidReport } from '../../../contract';
import { replayedSolution, type Solution, spendSolution } from '../abuse/proof-of-work';
import type { Site } from '../db/schema';
import type { Directory } from '../directory/directory';
import { DomainError } from '../errors';
import { enqueueDelivery } from '../outbox/queue';
import type { Routing } from '../outbox/routing';
import type { Regions } from '../regions/regions';
import { type Channel, fileReport, type ReportStorage, type Submission, type WithinReportTransaction } from './create';
import { IdempotencyKeyTaken, rememberAnswer, replayedAnswer, requestHash } from './idempotency';

export interface FilingDeps extends ReportStorage {
  directory: Directory;
  regions: Regions;
  routing: Routing;
}

export interface Filing {
  submission: Submission;
  /** The registered site the report came through, its origin already checked. */
  site?: Site;
  /** The proof of work that came with it, already checked (absent when the hub asks for none). */
  solution?: Solution;
  /** The client's Idempotency-Key, already checked for its form. */
  idempotencyKey?: string;
  /** How it came, when not through the widget's form. */
  channel?: Channel;
  /** More work that commits or rolls back with the report (the channel's own answer, say). */
  within?: WithinReportTransaction;
  now: Date;
}

/**
 * Files a report a visitor sent: refuses what a program filled in (the
 * honeypot), what the directory does not know and an institution a site is
 * locked away from; then stores the report, spends its proof of work,
 * queues its delivery where the routing sends it, and remembers the answer
 * for its Idempotency-Key, all in one transaction. A retry with the same key
 * and content, even one racing the first, gets the first answer and files
 * nothing (`replayed`).
 */
export async function fileSubmission(
  deps: FilingDeps,
  { submission, site, solution, idempotencyKey, channel, within, now }: Filing,
): Promise<{ created: ReportCreated; replayed: boolean }> {
  const { db, directory, routing } = deps;
  const { input } = submission;
  if (input.website) throw new DomainError('spam_suspected', 'This submission looks automated');
  checkDirectory(deps, input);
  if (site?.lockInstitution && input.institutionId !== site.institutionId) {
    throw new DomainError('validation_failed', 'The report has invalid fields', {
      fields: {
        institutionId: { code: 'site_institution', message: `This site files reports for ${site.institutionId} only` },
      },
    });
  }
  const key = idempotencyKey;
  const hash =
    key &&
    requestHash(
      input,
      submission.files.map((file) => file.sha256),
    );
  const earlier = key && hash ? await replayedAnswer(db, key, hash, now) : undefined;
  if (earlier) return { created: earlier, replayed: true };
  if (solution?.spent) throw replayedSolution();
  try {
    const created = await fileReport(deps, submission, {
      now,
      siteKey: site?.key,
      channel,
      within: async (tx, reportId, answer) => {
        if (solution) await spendSolution(tx, solution, now);
        const institutionPath = directory.lineage(input.institutionId);
        const destination = routing.destinationFor({ siteKey: site?.key ?? null, institutionPath });
        await enqueueDelivery(tx, reportId, destination, now);
        if (key && hash) await rememberAnswer(tx, key, hash, reportId, answer, now);
        await within?.(tx, reportId, answer);
      },
    });
    return { created, replayed: false };
  } catch (error) {
    // A retry raced the first submission and lost: nothing of it was kept; answer as the first was answered.
    if (!(error instanceof IdempotencyKeyTaken && key && hash)) throw error;
    const first = await replayedAnswer(db, key, hash, now);
    if (!first) throw error;
    return { created: first, replayed: true };
  }
}

/** A report must name an institution, category and region that exist. */
function checkDirectory({ directory, regions }: Pick<FilingDeps, 'directory' | 'regions'>, input: ValidReport) {
  const fields: Record<string, FieldError> = {};
  if (!directory.institution(input.institutionId)) {
    fields.institutionId = { code: 'unknown_institution', message: 'No institution has this id' };
  }
  if (input.categoryId && !directory.category(input.categoryId)) {
    fields.categoryId = { code: 'unknown_category', message: 'No category has this id' };
  }
  const regionCode = input.location.regionCode;
  if (regionCode && !regions.find(regionCode)) {
    fields['location.regionCode'] = { code: 'unknown_region', message: 'No region has this code' };
  }
  if (Object.keys(fields).length) {
    throw new DomainError('validation_failed', 'The report has invalid fields', { fields });
  }
}
