import { define } from '../define';
import { LaporPoll } from '../lapor-poll/lapor-poll';

/** `lapor-poll.js`: the policy poll element alone, for an institution's pages. */
export { LaporVotedEvent } from '../events/lapor-voted';
export { LaporPoll };

define('lapor-poll', LaporPoll);
