import { secureHeaders } from 'hono/secure-headers';
import { defaultHeaders } from './default-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * Security headers for everything the hub serves (Hono's secure-headers
 * middleware). The hub's pages are where receipts are typed (`/lacak/`) and
 * where a reporter stops emails: no other site may frame them, no script but
 * the hub's own runs in them, and no address leaks to another site through
 * the Referer. None of them needs a camera, a microphone or the visitor's
 * location.
 */
export const PAGE_HEADERS: SecureHeadersOptions = {
  referrerPolicy: 'no-referrer',
  permissionsPolicy: { camera: false, microphone: false, geolocation: false, payment: false, usb: false },
  // The widget bundle and the API are meant to be used from other sites' pages.
  crossOriginResourcePolicy: 'cross-origin',
  crossOriginOpenerPolicy: 'same-origin',
};

/** A page of the hub's own: its scripts, styles and API only; images also from the visitor's own files. */
export const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * For answers that are data (JSON, the widget bundle): nothing in them may
 * run or be framed. What Hono's secure-headers middleware sets for
 * PAGE_HEADERS with this policy (a test holds the two together), written
 * out so that they can be set as defaults (default-headers.ts) under a
 * route's own. Framing is refused by `frame-ancestors` alone: were
 * X-Frame-Options added here, it would also land on the one page a site
 * may frame (the form page, which sets no X-Frame-Options of its own: it
 * knows no list of origins).
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** The same policy through Hono's middleware, against which API_HEADERS is checked. */
export const API_POLICY: SecureHeadersOptions = {
  ...PAGE_HEADERS,
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: false,
};

export const apiSecurity = () => defaultHeaders(API_HEADERS);

/** For the hub's HTML pages (`/lacak/`, the demo site, the opt-out page). */
export const pageSecurity = () => secureHeaders({ ...PAGE_HEADERS, contentSecurityPolicy: PAGE_CSP });

/** For the API documentation: Swagger UI sets styles inline and draws icons as data: images. */
export const docsSecurity = () =>
  secureHeaders({ ...PAGE_HEADERS, contentSecurityPolicy: { ...PAGE_CSP, styleSrc: ["'self'", "'unsafe-inline'"] } });
