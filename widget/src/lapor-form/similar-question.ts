import type { FormValues } from './form-values';

/** What the form asks the hub about: what is written, to whom, where and about what. */
export interface Question {
  institution: string;
  q: string;
  region: string;
  category: string;
}

/** Enough said to compare: a title and the chronology's first sentence. */
const ENOUGH = { title: 10, body: 40 };
/**
 * Whether the visitor's report may be compared with others yet: never one
 * marked *rahasia* (its words stay in the browser until it is sent, and then
 * go only to its institution), nor before an institution is chosen and
 * enough is written. Part of the form; the comparing is in its own chunk.
 */
export function comparable(values: FormValues): boolean {
  return (
    !values.confidential &&
    !!values.institutionId &&
    values.title.trim().length >= ENOUGH.title &&
    values.body.trim().length >= ENOUGH.body
  );
}
