import { define } from '../define';
import { LaporTracker } from '../lapor-tracker/lapor-tracker';

/** `lapor-tracker.js`: the tracker alone, for status pages. */
export { LaporTrackedEvent } from '../events/lapor-tracked';
export { LaporTracker };

define('lapor-tracker', LaporTracker);
