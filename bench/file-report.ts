import { sampleReport } from '../hub/src/testing/sample-report';

/** Files one report through the API and answers its Tracking ID. */
export async function fileReport(hubUrl: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${hubUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(sampleReport),
  });
  if (res.status !== 201) throw new Error(`The hub answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { trackingId: string }).trackingId;
}
