import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { listen } from '../listen';
import type { Destination } from '../outbox/destination';
import { laporDestination } from '../outbox/lapor';
import { createNationalDesk } from './national-desk';

/**
 * For the demo, when no destinations are configured: runs the local
 * national desk beside the hub and connects the `lapor` destination to it,
 * saying plainly in the log that it is a stand-in.
 */
export async function startNationalDesk(config: Config, logger: Logger): Promise<Destination> {
  const token = randomBytes(16).toString('hex');
  const desk = createNationalDesk({ token });
  const { server, port } = await listen(desk.app.fetch, config.nationalDeskPort, config.host);
  const url = `http://${config.host}:${port}`;
  logger.warn(
    `DEMO: no destinations.json, so reports go to a local stand-in for SP4N-LAPOR! at ${url}/ (not the national system). ` +
      'Move reports through verification, disposition and follow-up there and watch the tracker follow.',
  );
  server.unref();
  return laporDestination({ name: 'lapor', baseUrl: `${url}/api/`, token });
}
