import { XMLBuilder } from 'fast-xml-parser';
import type { Context } from 'hono';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the
 * documents the hub serves at /open311/v2/, each in JSON or XML as the
 * address's extension asks. The specification requires XML and names each
 * list's root and item (`services`/`service`, `service_requests`/`request`,
 * `errors`/`error`); JSON is the same lists as arrays.
 */
export type Open311Format = 'json' | 'xml';

/** A category as a service: the same for every jurisdiction (an institution takes reports of any category). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** A published report as a service request: its public fields only, as public monitoring shows them. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  /** When the institution's running deadline falls: the end of its last working day, in its time zone. */
  expected_datetime: string;
  /** The regency or city and province: never the reporter's own words of where. */
  address: string;
  /** The region's code (Kepmendagri), e.g. `73.71`. */
  address_id: string;
  zipcode: string;
  media_url: string;
}

/** An entry of a published report's public timeline (the servicerequestupdates extension). */
export interface Open311Update {
  update_id: string;
  service_request_id: string;
  /** The report's status once this happened. */
  status: 'open' | 'closed';
  updated_datetime: string;
  description: string;
  media_url: string;
}

export interface Open311Error {
  code: number;
  description: string;
}

/** Each list's root and item in XML. */
const XML_NAMES = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  updates: ['service_request_updates', 'request_update'],
  errors: ['errors', 'error'],
} as const;

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/** A list in the asked format: a JSON array, or its XML root holding an element per item. */
export function renderList(
  c: Context,
  format: Open311Format,
  kind: keyof typeof XML_NAMES,
  items: object[],
  status: 200 | 201 | 400 | 403 | 404 | 429 = 200,
): Response {
  if (format === 'json') return c.json(items, status);
  const [root, item] = XML_NAMES[kind];
  return xml(c, { [root]: { [item]: items.map(forXml) } }, status);
}

/** One document (a service definition, discovery) in the asked format; in XML, under `root`. */
export function renderOne(c: Context, format: Open311Format, root: string, document: object): Response {
  if (format === 'json') return c.json(document, 200);
  return xml(c, { [root]: forXml(document) }, 200);
}

/** An error document, as the specification has them: a list of code and description. */
export function renderError(c: Context, format: Open311Format, status: 400 | 403 | 404 | 429, description: string) {
  return renderList(c, format, 'errors', [{ code: status, description }], status);
}

function xml(c: Context, document: object, status: number): Response {
  c.header('Content-Type', 'text/xml; charset=utf-8');
  return c.body(`<?xml version="1.0" encoding="utf-8"?>${builder.build(document)}`, status as 200);
}

/**
 * Nested lists in XML: the specification wraps them in a plural element
 * (`attributes`/`attribute`, `values`/`value`, `endpoints`/`endpoint`,
 * `formats`/`format`); booleans as `true`/`false`.
 */
function forXml(value: object): object {
  const WRAPPED: Record<string, string> = {
    attributes: 'attribute',
    values: 'value',
    endpoints: 'endpoint',
    formats: 'format',
  };
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const wrapped = WRAPPED[key];
      if (Array.isArray(inner)) {
        const items = inner.map((item) => (typeof item === 'object' && item ? forXml(item) : item));
        return [key, wrapped ? { [wrapped]: items } : items];
      }
      if (typeof inner === 'boolean') return [key, String(inner)];
      return [key, inner];
    }),
  );
}
