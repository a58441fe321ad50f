import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { PublicReportPage } from '../../../contract/monitor';
import { forwardReport } from '../testing/published';
import { postJson, sampleReport, testApp, testCalendar, testKeyring } from '../testing/test-app';
import { projectMarked } from './projector';

let hub: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  hub = await testApp();
});
after(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});

const NAMES = ['Siti Rahmawati', 'Budi Santoso', 'Made Wirawan', 'Yohana Kambu'];

interface Filed {
  trackingId: string;
  anonymous: boolean;
  confidential: boolean;
  forwarded: boolean;
  /** What the public must never read of this report. */
  secrets: string[];
  /** A word of its text that the public may read, if it is published. */
  marker: string;
}

const report = fc.record({
  name: fc.constantFrom(...NAMES),
  nik: fc.stringMatching(/^73[0-9]{14}$/),
  phone: fc.stringMatching(/^08[1-9][0-9]{8}$/),
  user: fc.stringMatching(/^[a-z]{4,10}$/),
  anonymous: fc.boolean(),
  confidential: fc.boolean(),
  forwarded: fc.boolean(),
});

type Input = typeof report extends fc.Arbitrary<infer T> ? T : never;

/** Letters for a number (0 → `a`, 27 → `bb`): each reporter's name its own, so one cannot be found in another's report. */
const letters = (n: number): string =>
  (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));

async function fileOne(input: Input, serial: number): Promise<Filed> {
  const name = input.name
    .split(' ')
    .map((part) => `${part}${letters(serial)}`)
    .join(' ');
  const email = `${input.user}@contoh.id`;
  const marker = `penanda${letters(serial)}`;
  const res = await postJson(hub.app, '/api/v1/reports', {
    ...sampleReport,
    title: `Pungutan ${marker} di sekolah, hubungi ${input.phone}`,
    body: `Saya ${name} (NIK ${input.nik}, ${email}) diminta membayar tanpa kuitansi. ${marker}`,
    anonymous: input.anonymous,
    confidential: input.confidential,
    reporter: { name, email, phone: input.phone },
  });
  assert.equal(res.status, 201, await res.clone().text());
  const { trackingId } = await res.json();
  if (input.forwarded) {
    const { reports } = hub.db.$tables;
    const [row] = await hub.db.select({ id: reports.id }).from(reports).where(eq(reports.trackingId, trackingId));
    await forwardReport(hub, row?.id ?? 0);
  }
  const identity = input.anonymous ? [name, ...name.split(' ')] : [];
  return {
    trackingId,
    anonymous: input.anonymous,
    confidential: input.confidential,
    forwarded: input.forwarded,
    marker,
    // Personal data is masked for everyone; an anonymous reporter's name too; a confidential report shows nothing.
    secrets: [input.nik, input.phone, email, ...identity, ...(input.confidential ? [marker, trackingId] : [])],
  };
}

/** Everything the public can read: every page of the list, both exports, the feed, the figures, a search for each marker. */
async function everythingPublic(filed: Filed[]): Promise<string> {
  const texts: string[] = [];
  let cursor: string | undefined;
  do {
    const page: PublicReportPage = await (
      await hub.app.request(`/api/v1/public/reports?limit=50${cursor ? `&cursor=${cursor}` : ''}`)
    ).json();
    texts.push(JSON.stringify(page));
    cursor = page.next;
  } while (cursor);
  for (const path of [
    'reports.csv',
    'reports.json',
    'feed.atom',
    'stats?places=province',
    'stats?places=regency&region=73',
  ]) {
    const res = await hub.app.request(`/api/v1/public/${path}`);
    assert.equal(res.status, 200);
    texts.push(await res.text());
  }
  for (const { marker } of filed)
    texts.push(await (await hub.app.request(`/api/v1/public/reports?q=${marker}`)).text());
  return texts.join('\n');
}

const ONE: Input = {
  name: 'Siti Rahmawati',
  nik: '7371010101900001',
  phone: '081234567890',
  user: 'siti',
  anonymous: false,
  confidential: false,
  forwarded: false,
};

describe('public monitoring never shows', () => {
  it('a confidential or unforwarded report, an anonymous reporter, or unmasked personal data', async () => {
    const filed: Filed[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(report, { minLength: 1, maxLength: 4 }), async (batch) => {
        for (const input of batch) filed.push(await fileOne(input, filed.length));
        const deps = { db: hub.db, directory: hub.directory, calendar: testCalendar, keyring: testKeyring };
        while ((await projectMarked(deps, hub.clock())) > 0);
        const shown = await everythingPublic(filed);
        for (const one of filed) {
          const published = one.forwarded && !one.confidential;
          // What is published is there to be searched: an empty answer would prove nothing.
          if (published) assert.ok(shown.includes(one.trackingId) && shown.includes(one.marker), one.trackingId);
          else assert.ok(!shown.includes(one.trackingId), `${one.trackingId} is not published`);
          for (const secret of one.secrets)
            assert.ok(!shown.includes(secret), `${secret} (${one.trackingId}) is shown`);
        }
      }),
      {
        numRuns: 10,
        // Run first, so that each case surely meets its check whatever is drawn after.
        examples: [
          [
            [
              { ...ONE, anonymous: true, confidential: false, forwarded: true },
              { ...ONE, anonymous: false, confidential: true, forwarded: true },
              { ...ONE, anonymous: true, confidential: false, forwarded: false },
            ],
          ],
        ],
      },
    );
    assert.ok(
      filed.some((one) => one.forwarded && !one.confidential && one.anonymous),
      'an anonymous one was published',
    );
  });
});
