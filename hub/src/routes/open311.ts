import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { parseTrackingId } from '../../../contract/tracking-id';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { clientByKey, type Open311Client } from '../open311/clients';
import { type Open311Format, renderError, renderList, renderOne } from '../open311/documents';
import { Open311Invalid, reportOf } from '../open311/intake';
import { Open311Refusal, type RequestsQuery, serviceRequests } from '../open311/requests';
import { serviceDefinition, servicesOf } from '../open311/services';
import { serviceRequestUpdates } from '../open311/updates';
import { fileSubmission } from '../reports/file';
import type { ReportLimits } from './report-limits';

/** The specification this endpoint follows, as discovery documents name it. */
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When what this endpoint offers last changed. */
const CHANGESET = '2026-12-01T00:00:00Z';

/** The client whose API key came with a service request. */
export type Open311Authenticated = { Variables: { open311Client: Open311Client; open311Form: Record<string, string> } };

/** `name.json` or `name.xml`: each document's address ends in its format. */
const FILE = '{[^/]+\\.(?:json|xml)}';

function split(file: string): { name: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  return { name: file.slice(0, dot), format: file.slice(dot + 1) === 'xml' ? 'xml' : 'json' };
}

/**
 * Open311 GeoReport v2 at /open311/v2/ (open311/documents.ts): discovery,
 * our categories as services, their definitions, and published reports as
 * service requests, in JSON or XML. Limited like lookups; every refusal is
 * the specification's error document in the asked format.
 */
export function open311Routes(deps: ResolvedDeps, limits: ReportLimits) {
  const { db, directory, clock } = deps;
  const app = new Hono<Open311Authenticated>();
  app.get('/*', limits.lookupsPerAddress);

  /** The form posted (Open311 posts application/x-www-form-urlencoded), and the client its api_key names. */
  const authenticated = createMiddleware<Open311Authenticated>(async (c, next) => {
    const { name } = split(c.req.param('file') ?? '');
    if (name !== 'requests') throw new Open311Refusal(404, `There is no ${name} to post to`);
    const body = await c.req.parseBody().catch(() => {
      throw new Open311Refusal(400, 'The body is not a form (application/x-www-form-urlencoded)');
    });
    // Some clients put jurisdiction_id (or the key) in the address: the form's own fields come first.
    const form: Record<string, string> = {
      ...c.req.query(),
      ...Object.fromEntries(
        Object.entries(body).flatMap(([field, value]) => (typeof value === 'string' ? [[field, value]] : [])),
      ),
    };
    const client = form.api_key ? await clientByKey(db, form.api_key) : undefined;
    if (!client) throw new Open311Refusal(403, form.api_key ? 'api_key is not valid' : 'api_key is required');
    c.set('open311Client', client);
    c.set('open311Form', form);
    await next();
  });

  app.post(`/:file${FILE}`, authenticated, limits.reportsPerOpen311Client, async (c) => {
    const { format } = split(c.req.param('file'));
    const client = c.get('open311Client');
    const input = reportOf(c.get('open311Form'));
    if (client.institutionId && !directory.family(client.institutionId).includes(input.institutionId)) {
      throw new Open311Refusal(
        403,
        `jurisdiction_id: this client files for ${client.institutionId} and the institutions under it only`,
      );
    }
    const { created } = await fileSubmission(deps, {
      submission: { input, files: [], discard: async () => {} },
      channel: { name: 'open311', source: client.name },
      now: clock(),
    });
    const notice = input.anonymous ? 'Anonim: identitas pelapor dirahasiakan.' : '';
    return renderList(
      c,
      format,
      'requests',
      [{ service_request_id: created.trackingId, service_notice: notice, account_id: '' }],
      201,
    );
  });

  app.get(`/:file${FILE}`, async (c) => {
    const { name, format } = split(c.req.param('file'));
    if (name === 'discovery') return renderOne(c, format, 'discovery', discovery(c, deps.publicUrl));
    if (name === 'services') {
      jurisdictionOf(c);
      return renderList(c, format, 'services', servicesOf(await directory.categories()));
    }
    if (name === 'requests') return renderList(c, format, 'requests', await requests(c));
    if (name === 'servicerequestupdates') {
      const updates = await serviceRequestUpdates(deps, { ...scopeOf(c), ...windowOf(c) }, clock());
      return renderList(c, format, 'updates', updates);
    }
    throw new Open311Refusal(404, `There is no ${name} document`);
  });

  app.get(`/services/:file${FILE}`, async (c) => {
    const { name, format } = split(c.req.param('file'));
    jurisdictionOf(c);
    const category = directory.category(name);
    if (!category) throw new Open311Refusal(404, `service_code ${name} is not a service of this hub`);
    return renderOne(c, format, 'service_definition', serviceDefinition(category));
  });

  app.get(`/requests/:file${FILE}`, async (c) => {
    const { name, format } = split(c.req.param('file'));
    const parsed = parseTrackingId(name);
    const found = parsed.ok ? await serviceRequests(deps, { ids: [parsed.trackingId] }, clock()) : [];
    if (!found.length) throw new Open311Refusal(404, `No public service request ${name}`);
    return renderList(c, format, 'requests', found);
  });

  app.onError((error, c) => {
    const format = formatOf(c);
    if (error instanceof Open311Refusal) return renderError(c, format, error.status, error.message);
    if (error instanceof Open311Invalid) return renderList(c, format, 'errors', error.errors, 400);
    // What the filing itself refused (an institution or category the directory does not know), named as posted.
    if (error instanceof DomainError && error.code === 'validation_failed' && error.fields) {
      return renderList(c, format, 'errors', new Open311Invalid(error.fields).errors, 400);
    }
    if (error instanceof DomainError && error.code === 'rate_limited') {
      return renderError(c, format, 429, error.message);
    }
    throw error;
  });
  app.notFound((c) => renderError(c, formatOf(c), 404, 'There is nothing at this address'));

  /** GET requests' filters, as the specification names them. */
  function requests(c: Context) {
    const query: RequestsQuery = { ...scopeOf(c), ...windowOf(c) };
    const ids = c.req.query('service_request_id');
    if (ids) {
      query.ids = ids.split(',').flatMap((id) => {
        const parsed = parseTrackingId(id.trim());
        return parsed.ok ? [parsed.trackingId] : [];
      });
    }
    const status = c.req.query('status');
    if (status) {
      const statuses = status.split(',').map((s) => s.trim());
      if (statuses.some((s) => s !== 'open' && s !== 'closed')) {
        throw new Open311Refusal(400, 'status is open, closed or both, comma-separated');
      }
      query.statuses = statuses as ('open' | 'closed')[];
    }
    return serviceRequests(deps, query, clock());
  }

  /** A service and a jurisdiction, where asked. */
  function scopeOf(c: Context): Pick<RequestsQuery, 'serviceCode' | 'jurisdiction'> {
    const code = c.req.query('service_code');
    const jurisdiction = jurisdictionOf(c);
    return { ...(code && { serviceCode: code }), ...(jurisdiction && { jurisdiction }) };
  }

  /** start_date and end_date, W3C dates and times, where asked. */
  function windowOf(c: Context): Pick<RequestsQuery, 'start' | 'end'> {
    const window: Pick<RequestsQuery, 'start' | 'end'> = {};
    for (const [field, key] of [
      ['start_date', 'start'],
      ['end_date', 'end'],
    ] as const) {
      const value = c.req.query(field);
      if (!value) continue;
      const date = new Date(value);
      if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
        throw new Open311Refusal(400, `${field} is not a W3C date and time (e.g. 2026-11-30T00:00:00+07:00)`);
      }
      window[key] = date;
    }
    return window;
  }

  /** A jurisdiction is an institution of the hub's directory; none means all of them. */
  function jurisdictionOf(c: Context): string | undefined {
    const id = c.req.query('jurisdiction_id');
    if (id && !directory.institution(id)) {
      throw new Open311Refusal(404, `jurisdiction_id ${id} is not an institution of this hub`);
    }
    return id || undefined;
  }

  return app;
}

/** The format asked for by the address's extension; JSON where it says none. */
function formatOf(c: Context): Open311Format {
  return new URL(c.req.url).pathname.endsWith('.xml') ? 'xml' : 'json';
}

function discovery(c: Context, publicUrl: string | undefined) {
  const base = publicUrl ?? new URL(c.req.url).origin;
  return {
    changeset: CHANGESET,
    contact: `${base}/`,
    key_service: 'API keys are issued by the operator of this hub (npm run hub -- open311 add).',
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${base}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}
