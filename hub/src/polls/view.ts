import type { PollView } from '../../../contract/polls';
import type { Poll, Site } from '../db/schema';
import type { Directory } from '../directory/directory';
import { DomainError } from '../errors';
import { findPoll, pollView } from './polls';
import { resultsOf } from './results';
import { type VoteDeps, voteOf } from './votes';

export interface PollViewDeps extends VoteDeps {
  directory: Directory;
}

/**
 * The poll a request names, as a registered site may show it: a site shows
 * the polls of its own institution (and of the units under it) only.
 */
export async function pollForSite(deps: PollViewDeps, pollId: string, site: Site | undefined): Promise<Poll> {
  const poll = await findPoll(deps.db, pollId);
  if (site && !deps.directory.lineage(poll.institutionId).includes(site.institutionId)) {
    throw new DomainError('not_found', 'No poll of this site’s institution has this id');
  }
  return poll;
}

/** A poll as a visitor sees it: with the results once closed, and with their own vote if their device token is given. */
export async function visitorsView(
  deps: PollViewDeps,
  poll: Poll,
  device: string | undefined,
  now: Date,
): Promise<PollView> {
  const view = pollView(deps.directory, poll, now);
  const yourVote = device === undefined ? undefined : await voteOf(deps, poll.id, device);
  return {
    ...view,
    ...(yourVote && { yourVote }),
    ...(view.state === 'closed' && { results: await resultsOf(deps.db, poll, now) }),
  };
}
