/** A closed poll's counts as stored: `counts[i]` for option (or level) `i + 1`. */
export interface StoredPollResults {
  votes: number;
  counts: number[];
  comments: number;
}
