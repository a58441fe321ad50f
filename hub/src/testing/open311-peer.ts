import { Hono } from 'hono';
import { listen } from '../listen';

interface Request311 {
  service_request_id: string;
  token: string;
  service_code: string;
  description: string;
  address_string: string;
  email?: string;
  media_url?: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  updated_datetime: string;
  requested_datetime: string;
}

/**
 * A city's Open311 GeoReport v2 endpoint on loopback: it takes requests
 * (form-encoded, with an API key), answers with an id or, in token mode,
 * a token resolved later, and lets a test move them on.
 */
export async function startOpen311Peer(apiKey: string, { tokenMode = false } = {}) {
  const requests: Request311[] = [];
  let sequence = 700;
  const touch = (r: Request311) => {
    r.updated_datetime = new Date(Date.now() + requests.length).toISOString();
  };
  const app = new Hono()
    .post('/requests.json', async (c) => {
      const form = await c.req.parseBody();
      if (form.api_key !== apiKey) return c.json([{ code: 403, description: 'invalid api_key' }], 403);
      const now = new Date().toISOString();
      const request: Request311 = {
        service_request_id: String(++sequence),
        token: `t-${sequence}`,
        service_code: String(form.service_code),
        description: String(form.description),
        address_string: String(form.address_string ?? ''),
        ...(typeof form.email === 'string' && { email: form.email }),
        ...(typeof form.media_url === 'string' && { media_url: form.media_url }),
        status: 'open',
        status_notes: null,
        updated_datetime: now,
        requested_datetime: now,
      };
      requests.push(request);
      return c.json(tokenMode ? [{ token: request.token }] : [{ service_request_id: request.service_request_id }], 201);
    })
    .get('/requests.json', (c) => {
      const since = c.req.query('start_date') ?? '';
      return c.json(requests.filter((r) => r.requested_datetime >= since));
    })
    .get('/tokens/:token{.+\\.json}', (c) => {
      const token = c.req.param('token').replace(/\.json$/, '');
      const request = requests.find((r) => r.token === token);
      return c.json(request ? [{ token, service_request_id: request.service_request_id }] : []);
    })
    .get('/requests/:id{.+\\.json}', (c) => {
      const id = c.req.param('id').replace(/\.json$/, '');
      return c.json(requests.filter((r) => r.service_request_id === id));
    });
  const { port, close } = await listen(app.fetch);
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    requests,
    note(id: string, notes: string) {
      const r = requests.find((x) => x.service_request_id === id);
      if (r) {
        r.status_notes = notes;
        touch(r);
      }
    },
    closeRequest(id: string, notes: string) {
      const r = requests.find((x) => x.service_request_id === id);
      if (r) {
        r.status = 'closed';
        r.status_notes = notes;
        touch(r);
      }
    },
    close,
  };
}
