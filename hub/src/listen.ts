import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** Serves `fetch` and resolves once listening, with the port it got (0 asks for any free one). */
export async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port = 0,
  hostname = '127.0.0.1',
) {
  const server = serve({ fetch, port, hostname });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
