import { createServer, type Server } from 'node:http';

/**
 * A webhook destination that keeps what it received: each report's
 * deliveries by Idempotency-Key. Like the webhook contract asks of a real
 * destination, a key it has seen is answered 409 and not taken again, so a
 * report counts as delivered once per distinct key; re-sends with the same
 * key (after a crash between sending and recording) are counted apart.
 * `down` makes it answer 503, as a destination in an outage.
 */
export class WebhookSink {
  /** Tracking ID → the distinct Idempotency-Keys its report arrived with. */
  readonly reports = new Map<string, Set<string>>();
  /** Tracking ID → when its report first arrived (`Date.now()`). */
  readonly arrivedAt = new Map<string, number>();
  resent = 0;
  down = false;
  private server?: Server;
  port = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        if (this.down) {
          res.writeHead(503).end();
          return;
        }
        const key = String(req.headers['idempotency-key'] ?? '');
        const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          type: string;
          report?: { trackingId: string };
        };
        const trackingId = message.report?.trackingId;
        if (message.type !== 'report' || !trackingId) {
          res.writeHead(202).end();
          return;
        }
        const keys = this.reports.get(trackingId) ?? new Set<string>();
        this.reports.set(trackingId, keys);
        if (keys.has(key)) {
          this.resent++;
          res.writeHead(409).end();
          return;
        }
        keys.add(key);
        if (!this.arrivedAt.has(trackingId)) this.arrivedAt.set(trackingId, Date.now());
        res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ reference: trackingId }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Reports that arrived under more than one key: real duplicates, which must never happen. */
  duplicates(): string[] {
    return [...this.reports].filter(([, keys]) => keys.size > 1).map(([id]) => id);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
