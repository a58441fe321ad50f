import { WORKING_DAYS } from '../../../contract';
import type { MonitorFacts } from './facts';

/** The counters of a scope and month, in monitor_counts' columns. */
export const COUNTERS = ['received', 'forwarded', 'answered', 'answeredInTime', 'finished', 'finishedInTime'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

/** An institution or a category (or neither), and a place, each `''` for all. */
export interface ScopeKey {
  institution: string;
  category: string;
  region: string;
}

/** The month of a scope's figures over all time, beside its months: a scope's totals are one row, not a sum. */
export const ALL_TIME = 'all';

/** Joins a key's parts; none of them (ids, codes, months, dates) holds a control character. */
const SEPARATOR = '\u001f';
const join = (...parts: (string | number)[]) => parts.join(SEPARATOR);
export const split = (key: string) => key.split(SEPARATOR);

/**
 * Changes to the aggregates, gathered over a batch of reports and written
 * once per key: a report's old contribution taken away and its new one
 * added, so recounting a report that did not change moves nothing.
 */
export class AggregateChanges {
  /** institution, category, region, month → counters. */
  readonly counts = new Map<string, Counts>();
  /** institution, category, region, month, days → reports. */
  readonly responseDays = new Map<string, number>();
  /** institution, category, region, time zone, day → reports. */
  readonly overdue = new Map<string, number>();

  /** Adds (sign 1) or takes away (sign -1) what `facts` counts in each of its scopes, for its month and all time. */
  add(facts: MonitorFacts, sign: 1 | -1): void {
    const counted = countsOf(facts);
    for (const scope of scopesOf(facts)) {
      const { institution, category, region } = scope;
      for (const month of [facts.month, ALL_TIME]) {
        const key = join(institution, category, region, month);
        const counts = this.counts.get(key) ?? zero();
        for (const counter of COUNTERS) counts[counter] += sign * counted[counter];
        this.counts.set(key, counts);
        if (facts.responseDays !== null) bump(this.responseDays, join(key, facts.responseDays), sign);
      }
      if (facts.overdueFrom !== null) {
        bump(this.overdue, join(institution, category, region, facts.timeZone, facts.overdueFrom), sign);
      }
    }
  }
}

function bump(map: Map<string, number>, key: string, by: number) {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Counters at nought. */
export const zero = (): Counts => ({
  received: 0,
  forwarded: 0,
  answered: 0,
  answeredInTime: 0,
  finished: 0,
  finishedInTime: 0,
});

function countsOf(facts: MonitorFacts): Counts {
  const answered = facts.responseDays !== null;
  return {
    received: 1,
    forwarded: facts.forwardedAt ? 1 : 0,
    answered: answered ? 1 : 0,
    answeredInTime: answered && (facts.responseDays ?? 0) <= WORKING_DAYS.followUp ? 1 : 0,
    finished: facts.finished ? 1 : 0,
    finishedInTime: facts.finishedInTime ? 1 : 0,
  };
}

/**
 * Every scope a report counts in: all reports, its institution's and its
 * category's, each for all of Indonesia, its province and its regency. Not an
 * institution's category: that cross would multiply the rows by the number
 * of categories for little a reader asks.
 */
export function scopesOf(facts: Pick<MonitorFacts, 'holder' | 'categoryId' | 'province' | 'regency'>): ScopeKey[] {
  const regions = [''];
  if (facts.province) regions.push(facts.province);
  if (facts.regency) regions.push(facts.regency);
  return regions.flatMap((region) => [
    { institution: '', category: '', region },
    { institution: facts.holder, category: '', region },
    ...(facts.categoryId ? [{ institution: '', category: facts.categoryId, region }] : []),
  ]);
}
