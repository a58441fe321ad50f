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
}

export type FakeHubHandler = (req: RecordedRequest) => { status: number; body: unknown } | 'network-error' | undefined;

export const institutions = [
  { id: 'kemenperin', name: 'Kementerian Perindustrian', type: 'kementerian' },
  { id: 'smk-smak-makassar', name: 'SMK SMAK Makassar', type: 'unit', parentId: 'kemenperin' },
];
export const categories = [{ id: 'pendidikan-kebudayaan', name: 'Pendidikan dan Kebudayaan' }];

export function installFakeHub(handler: FakeHubHandler = () => undefined) {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  window.fetch = async (input, init = {}) => {
    const url = new URL(String(input));
    const text = typeof init.body === 'string' ? init.body : undefined;
    const req = {
      method: init.method ?? 'GET',
      url,
      headers: new Headers(init.headers),
      body: text && JSON.parse(text),
    };
    requests.push(req);
    const answer =
      handler(req) ??
      (url.pathname.endsWith('/institutions')
        ? { status: 200, body: { items: institutions } }
        : url.pathname.endsWith('/categories')
          ? { status: 200, body: { items: categories } }
          : { status: 404, body: { error: { code: 'not_found', message: 'Not found' } } });
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return {
    requests,
    restore() {
      window.fetch = original;
    },
  };
}
