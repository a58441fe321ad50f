import { define } from '../define';
import { LaporMonitor } from '../lapor-monitor/lapor-monitor';

/** `lapor-monitor.js`: public monitoring alone, for an institution's transparency page. */
export { LaporMonitor };

define('lapor-monitor', LaporMonitor);
