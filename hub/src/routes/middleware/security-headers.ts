import { secureHeaders } from 'hono/secure-headers';

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
 * run or be framed. Set last, it keeps a route's own headers. Framing is
 * refused by `frame-ancestors` alone: were X-Frame-Options added here, it
 * would also land on the one page a site may frame (the form page, which
 * sets no X-Frame-Options of its own: it knows no list of origins).
 */
export const apiSecurity = () =>
  secureHeaders({
    ...PAGE_HEADERS,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: false,
    overwrite: false,
  });

/** For the hub's HTML pages (`/lacak/`, the demo site, the opt-out page). */
export const pageSecurity = () => secureHeaders({ ...PAGE_HEADERS, contentSecurityPolicy: PAGE_CSP });

/** For the API documentation: Swagger UI sets styles inline and draws icons as data: images. */
export const docsSecurity = () =>
  secureHeaders({ ...PAGE_HEADERS, contentSecurityPolicy: { ...PAGE_CSP, styleSrc: ["'self'", "'unsafe-inline'"] } });
