import { Writable } from 'node:stream';
import { createLogger } from '../logging';

/** A logger whose lines land in an array. */
export function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(sink), lines };
}
