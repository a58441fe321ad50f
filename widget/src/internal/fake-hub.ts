/**
 * Test double for the hub's HTTP API: replaces `fetch` with a handler that
 * answers JSON and records every request, so widget tests can assert what the
 * widget sent. (The real hub is exercised by the end-to-end test.)
 */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  /** Files of a multipart request, sent through XMLHttpRequest. */
  files?: File[];
}

export type FakeHubHandler = (
  req: RecordedRequest,
) => { status: number; body: unknown; headers?: Record<string, string> } | 'network-error' | undefined;

export const institutions = [
  { id: 'kemenperin', name: 'Kementerian Perindustrian', type: 'kementerian' },
  { id: 'smk-smak-makassar', name: 'SMK SMAK Makassar', type: 'unit', parentId: 'kemenperin' },
];
export const categories = [{ id: 'pendidikan-kebudayaan', name: 'Pendidikan dan Kebudayaan' }];

/** A slice of the region tree: Sulawesi Selatan → Kota Makassar → Panakkukang → Karampuang. */
export const regions: Record<string, { code: string; name: string; level: string; parentCode?: string }[]> = {
  '': [
    { code: '73', name: 'Sulawesi Selatan', level: 'province' },
    { code: '74', name: 'Sulawesi Tenggara', level: 'province' },
  ],
  '73': [{ code: '73.71', name: 'Kota Makassar', level: 'regency', parentCode: '73' }],
  '73.71': [{ code: '73.71.07', name: 'Panakkukang', level: 'district', parentCode: '73.71' }],
  '73.71.07': [{ code: '73.71.07.1001', name: 'Karampuang', level: 'village', parentCode: '73.71.07' }],
  '73.71.07.1001': [],
};

/** A proof-of-work puzzle whose answer is 42: SHA-256("a1b2c3d4" + "42"). */
export const challenge = {
  algorithm: 'SHA-256',
  challenge: 'cb10a03b93197200a72e8d09e2a25faebbb77893fcf9bad5b31de01e5de580f0',
  maxnumber: 1000,
  salt: 'a1b2c3d4',
  signature: 'signed-by-the-hub',
};

/** The hub's read-only endpoints, answered from the data above. */
const ROUTES: [RegExp, (url: URL) => { status: number; body: unknown }][] = [
  [
    /\/institutions$/,
    (url) => {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      return { status: 200, body: { items: institutions.filter((i) => i.name.toLowerCase().includes(q)) } };
    },
  ],
  [/\/institutions\/[^/]+$/, (url) => institutionById(url.pathname.split('/').pop() ?? '')],
  [/\/categories$/, () => ({ status: 200, body: { items: categories } })],
  [/\/challenge$/, () => ({ status: 200, body: challenge })],
  [
    /\/sites\/school\/config$/,
    () => ({
      status: 200,
      body: {
        key: 'school',
        name: 'SMK SMAK Makassar',
        institution: { id: 'smk-smak-makassar', name: 'SMK SMAK Makassar' },
        category: categories[0],
        lockInstitution: true,
      },
    }),
  ],
  [/\/regions$/, (url) => ({ status: 200, body: { items: regions[url.searchParams.get('parent') ?? ''] ?? [] } })],
];

const notFound = { status: 404, body: { error: { code: 'not_found', message: 'Not found' } } };

function institutionById(id: string) {
  const institution = institutions.find((i) => i.id === decodeURIComponent(id));
  return institution ? { status: 200, body: institution } : notFound;
}

export function installFakeHub(handler: FakeHubHandler = () => undefined) {
  const originalFetch = window.fetch;
  const OriginalXhr = window.XMLHttpRequest;
  const requests: RecordedRequest[] = [];
  const respond = (req: RecordedRequest): NonNullable<ReturnType<FakeHubHandler>> => {
    requests.push(req);
    const route = ROUTES.find(([pattern]) => pattern.test(req.url.pathname));
    return handler(req) ?? route?.[1](req.url) ?? notFound;
  };

  window.fetch = async (input, init = {}) => {
    const text = typeof init.body === 'string' ? init.body : undefined;
    const answer = respond({
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: text && JSON.parse(text),
    });
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  };

  /** Enough of XMLHttpRequest for the widget's multipart upload: halfway for a while, then done. */
  class FakeXhr extends EventTarget {
    readonly upload = new EventTarget();
    status = 0;
    responseText = '';
    private request = { method: 'GET', url: '', headers: new Headers() };
    open(method: string, url: string | URL) {
      this.request = { method, url: String(url), headers: new Headers() };
    }
    setRequestHeader(name: string, value: string) {
      this.request.headers.set(name, value);
    }
    send(body: FormData) {
      const report = body.get('report');
      const req: RecordedRequest = {
        ...this.request,
        url: new URL(this.request.url),
        body: typeof report === 'string' ? JSON.parse(report) : undefined,
        files: body.getAll('attachments') as File[],
      };
      const progress = (loaded: number) =>
        this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total: 100 }));
      setTimeout(() => progress(50));
      setTimeout(() => {
        progress(100);
        const answer = respond(req);
        if (answer === 'network-error') {
          this.dispatchEvent(new ProgressEvent('error'));
          return;
        }
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.dispatchEvent(new ProgressEvent('load'));
      }, 200);
    }
  }
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;

  return {
    requests,
    restore() {
      window.fetch = originalFetch;
      window.XMLHttpRequest = OriginalXhr;
    },
  };
}
