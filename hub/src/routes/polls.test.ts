import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import fc from 'fast-check';
import type * as z from 'zod';
import type { PollView } from '../../../contract/polls';
import type { pollInputSchema } from '../../../contract/requests';
import { pollViewSchema } from '../../../contract/responses';
import { smtpMailer } from '../notifications/mailer';
import { addSite } from '../sites/sites';
import { startSmtpPeer } from '../testing/smtp-peer';
import { postJson, testApp } from '../testing/test-app';
import { TEST_NOW, type TestClock, testClock } from '../testing/test-clock';

type PollInput = z.input<typeof pollInputSchema>;

const ADMIN = { Authorization: 'Bearer operator-token' };
const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.parse(TEST_NOW) + offsetMs).toISOString();
const device = () => randomBytes(32).toString('base64url');

/** A choice poll of Kemendikbud that opens in an hour and closes a day later. */
const curriculum: PollInput = {
  institutionId: 'kemendikdasmen',
  question: 'Setujukah Anda kurikulum baru diterapkan tahun depan?',
  explanation: 'Rencana implementasi: https://kurikulum.kemendikdasmen.go.id/',
  kind: 'choice',
  options: ['Setuju', 'Tidak setuju', 'Belum tahu'],
  allowComment: true,
  publishComments: true,
  opensAt: at(HOUR),
  closesAt: at(25 * HOUR),
};

let hub: Awaited<ReturnType<typeof testApp>>;
let clock: TestClock;
beforeEach(async () => {
  clock = testClock();
  hub = await testApp({ adminToken: 'operator-token', clock });
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});

async function create(poll: PollInput = curriculum): Promise<PollView> {
  const res = await postJson(hub.app, '/api/v1/admin/polls', poll, ADMIN);
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

function vote(pollId: string, token: string, body: object) {
  return postJson(hub.app, `/api/v1/polls/${pollId}/votes`, body, { 'X-Lapor-Device': token });
}

async function view(pollId: string, token?: string, app = hub.app): Promise<PollView> {
  const res = await app.request(`/api/v1/polls/${pollId}`, { headers: token ? { 'X-Lapor-Device': token } : {} });
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
}

describe('policy polls', () => {
  it('take votes only while open, one per device, changeable until the close', async () => {
    const poll = await create();
    assert.equal(poll.state, 'scheduled');
    const [ani, budi, citra] = [device(), device(), device()];
    const early = await vote(poll.id, ani, { choice: 1 });
    assert.equal(early.status, 409);
    assert.equal((await early.json()).error.code, 'poll_not_open');

    clock.set(at(2 * HOUR));
    assert.equal((await vote(poll.id, ani, { choice: 1 })).status, 201);
    assert.equal((await vote(poll.id, budi, { choice: 2, comment: 'Guru belum dilatih.' })).status, 201);
    assert.equal((await vote(poll.id, citra, { choice: 2 })).status, 201);
    const changed = await vote(poll.id, citra, { choice: 3 });
    assert.equal(changed.status, 200, 'a second vote from one device replaces its first');
    assert.deepEqual(await changed.json(), { choice: 3, changed: true, confirmed: true });
    assert.deepEqual((await view(poll.id, budi)).yourVote, {
      choice: 2,
      comment: 'Guru belum dilatih.',
      confirmed: true,
    });
    assert.equal((await view(poll.id)).yourVote, undefined);

    clock.set(at(25 * HOUR));
    const late = await vote(poll.id, ani, { choice: 2 });
    assert.equal(late.status, 409, 'the vote is refused from the closing instant on');
    const closed = await view(poll.id, ani);
    assert.ok(pollViewSchema.strict().safeParse(closed).success, 'the answer is as the API document says');
    assert.equal(closed.state, 'closed');
    assert.deepEqual(closed.yourVote, { choice: 1, confirmed: true });
    assert.deepEqual(
      { votes: closed.results?.votes, counts: closed.results?.counts, comments: closed.results?.comments },
      { votes: 3, counts: [1, 1, 1], comments: 1 },
    );
  });

  it('refuse a vote without a device token, for an answer not offered, or a comment not allowed', async () => {
    const poll = await create({ ...curriculum, allowComment: false, publishComments: false });
    clock.set(at(2 * HOUR));
    const cases: [Record<string, string>, object, string][] = [
      [{}, { choice: 1 }, 'invalid_device'],
      [{ 'X-Lapor-Device': 'short' }, { choice: 1 }, 'invalid_device'],
      [{ 'X-Lapor-Device': device() }, { choice: 4 }, 'validation_failed'],
      [{ 'X-Lapor-Device': device() }, { choice: 0 }, 'validation_failed'],
      [{ 'X-Lapor-Device': device() }, { choice: 1, comment: 'Setuju sekali' }, 'validation_failed'],
    ];
    for (const [headers, body, code] of cases) {
      const res = await postJson(hub.app, `/api/v1/polls/${poll.id}/votes`, body, headers);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal((await res.json()).error.code, code, JSON.stringify(body));
    }
    clock.set(at(25 * HOUR));
    assert.equal((await view(poll.id)).results?.votes, 0, 'none of them was counted');
  });

  it('keep every count sealed until the close, on every route, whatever was asked before', async () => {
    const poll = await create({ ...curriculum, opensAt: at(-HOUR) });
    const devices = [device(), device(), device(), device()];
    const voted = new Set<number>();
    /** Every answer about the poll that anyone may ask for while it is open, the operator included. */
    const everyAnswer = async (token: string) =>
      Promise.all([
        hub.app.request(`/api/v1/polls/${poll.id}`),
        hub.app.request(`/api/v1/polls/${poll.id}`, { headers: { 'X-Lapor-Device': token } }),
        hub.app.request('/api/v1/polls?institution=kemendikdasmen'),
        hub.app.request('/api/v1/polls?institution=kemendikdasmen&state=open'),
        hub.app.request(`/api/v1/polls/${poll.id}/results.csv`),
        hub.app.request(`/api/v1/polls/${poll.id}/comments?format=csv`),
        hub.app.request(`/api/v1/polls/${poll.id}/comments?format=json`),
        hub.app.request('/api/v1/admin/polls', { headers: ADMIN }),
      ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ who: fc.nat(devices.length - 1), choice: fc.integer({ min: 1, max: 3 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (votes) => {
          for (const { who, choice } of votes) {
            const res = await vote(poll.id, devices[who] ?? '', { choice });
            assert.ok(res.status === 200 || res.status === 201, await res.text());
            voted.add(who);
          }
          const answers = await everyAnswer(devices[0] ?? '');
          for (const res of answers) {
            const text = await res.text();
            assert.ok(text.length > 0, 'an answer was given');
            if (res.status === 200) {
              assert.ok(text.includes(poll.id), 'the answer is about the poll');
              assert.doesNotMatch(text, /"results"|"counts"|"votes"/, text);
            } else {
              assert.equal(res.status, 409, text);
              assert.equal(JSON.parse(text).error.code, 'poll_not_closed');
            }
          }
        },
      ),
      { numRuns: 15 },
    );
    clock.set(at(25 * HOUR));
    const closed = await view(poll.id);
    assert.ok(voted.size >= 1);
    assert.equal(closed.results?.votes, voted.size, 'after the close, one vote per device that voted');
    assert.equal(
      closed.results?.counts.reduce((sum, n) => sum + n),
      voted.size,
    );
  });

  it('export a closed poll’s counts, and its comments masked only when published', async () => {
    const poll = await create({ ...curriculum, opensAt: at(-HOUR) });
    const unpublished = await create({ ...curriculum, opensAt: at(-HOUR), publishComments: false });
    for (const id of [poll.id, unpublished.id]) {
      await vote(id, device(), { choice: 1, comment: 'Hubungi saya di budi@example.com atau 081234567890' });
      await vote(id, device(), { choice: 3, comment: '=HYPERLINK("http://evil.example")' });
      await vote(id, device(), { choice: 3 });
    }
    clock.set(at(25 * HOUR));
    const csv = await (await hub.app.request(`/api/v1/polls/${poll.id}/results.csv`)).text();
    assert.equal(csv, 'answer,label,votes\r\n1,Setuju,1\r\n2,Tidak setuju,0\r\n3,Belum tahu,2\r\n');

    const json = await (await hub.app.request(`/api/v1/polls/${poll.id}/comments`)).json();
    assert.equal(json.items.length, 2);
    const texts = json.items.map((item: { comment: string }) => item.comment).join('\n');
    assert.match(texts, /Hubungi saya/, 'the comment is there');
    assert.doesNotMatch(texts, /budi@example\.com|081234567890/, 'with its personal data masked');
    const commentsCsv = await (await hub.app.request(`/api/v1/polls/${poll.id}/comments?format=csv`)).text();
    assert.match(commentsCsv, /^answer,label,comment\r\n/);
    assert.match(commentsCsv, /'=HYPERLINK/, 'a formula is escaped for spreadsheets');

    const hidden = await hub.app.request(`/api/v1/polls/${unpublished.id}/comments`);
    assert.equal(hidden.status, 404, 'an institution that does not publish comments keeps them');
    assert.equal((await view(unpublished.id)).results?.comments, 2, 'though their number is shown');
  });

  it('seal comments at rest: the text is in no byte under the data folder, nor in its column', async () => {
    const poll = await create({ ...curriculum, opensAt: at(-HOUR) });
    const marker = 'Komentar-rahasia-7Q2X';
    assert.equal((await vote(poll.id, device(), { choice: 2, comment: `${marker} dari orang tua murid` })).status, 201);
    const { pollVotes } = hub.db.$tables;
    const [row] = await hub.db.select({ comment: pollVotes.comment }).from(pollVotes);
    assert.match(row?.comment ?? '', /^enc1\./, 'the stored comment is sealed');
    if (hub.db.$sqlite) {
      hub.db.$sqlite.pragma('wal_checkpoint(PASSIVE)');
      const bytes = readdirSync(hub.dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => readFileSync(join(entry.parentPath, entry.name)));
      const all = Buffer.concat(bytes);
      assert.ok(all.includes(poll.question), 'the search finds the poll’s own (public) question');
      assert.ok(!all.includes(marker), 'but not the comment');
    }
  });

  it('are changed only before they open, and closed early by the operator', async () => {
    const poll = await create();
    const edited = await hub.app.request(`/api/v1/admin/polls/${poll.id}`, {
      method: 'PUT',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...curriculum, question: 'Setujukah Anda kurikulum baru diterapkan bertahap?' }),
    });
    assert.equal(edited.status, 200, await edited.clone().text());
    assert.match((await edited.json()).question, /bertahap/);

    clock.set(at(2 * HOUR));
    await vote(poll.id, device(), { choice: 2 });
    const late = await hub.app.request(`/api/v1/admin/polls/${poll.id}`, {
      method: 'PUT',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify(curriculum),
    });
    assert.equal(late.status, 409);
    assert.equal((await late.json()).error.code, 'poll_already_open');

    const closed = await hub.app.request(`/api/v1/admin/polls/${poll.id}/close`, { method: 'POST', headers: ADMIN });
    assert.equal(closed.status, 200);
    const body: PollView = await closed.json();
    assert.equal(body.state, 'closed');
    assert.deepEqual(body.results?.counts, [0, 1, 0]);
    assert.equal((await vote(poll.id, device(), { choice: 1 })).status, 409, 'no vote after an early close');
  });

  it('are refused when malformed, with every field at fault', async () => {
    const res = await postJson(
      hub.app,
      '/api/v1/admin/polls',
      { ...curriculum, options: ['Satu'], closesAt: curriculum.opensAt, publishComments: true, allowComment: false },
      ADMIN,
    );
    assert.equal(res.status, 400);
    const { error } = await res.json();
    assert.deepEqual(Object.keys(error.fields).sort(), ['closesAt', 'options', 'publishComments']);
    const unknown = await postJson(
      hub.app,
      '/api/v1/admin/polls',
      { ...curriculum, institutionId: 'tidak-ada', regionCode: '99.99' },
      ADMIN,
    );
    assert.equal(unknown.status, 400);
    assert.deepEqual(Object.keys((await unknown.json()).error.fields).sort(), ['institutionId', 'regionCode']);
    const placed = await postJson(hub.app, '/api/v1/admin/polls', { ...curriculum, regionCode: '73.71' }, ADMIN);
    assert.equal(placed.status, 201, 'Kota Makassar is a region');
    assert.equal((await placed.json()).regionCode, '73.71');
  });
});

describe('policy polls on a guarded hub', () => {
  it('ask a proof of work of every vote, and limit votes per address', async () => {
    const guarded = await testApp({
      adminToken: 'operator-token',
      proofOfWork: { maxNumber: 2000, ttlMs: 60_000, secret: 'test-secret' },
      rateLimits: { reportsPerHour: 100, reportsPerHourPerSite: 100, lookupsPerMinute: 100, votesPerHour: 3 },
    });
    try {
      const created = await postJson(guarded.app, '/api/v1/admin/polls', { ...curriculum, opensAt: at(-HOUR) }, ADMIN);
      const { id } = await created.json();
      const solved = async () => {
        const challenge = await (await guarded.app.request('/api/v1/challenge')).json();
        const solution = await solveChallenge(
          challenge.challenge,
          challenge.salt,
          challenge.algorithm,
          challenge.maxnumber,
        ).promise;
        assert.ok(solution);
        return Buffer.from(JSON.stringify({ ...challenge, number: solution.number })).toString('base64');
      };
      const cast = (altcha?: string) =>
        postJson(
          guarded.app,
          `/api/v1/polls/${id}/votes`,
          { choice: 1 },
          {
            'X-Lapor-Device': device(),
            ...(altcha && { 'X-Altcha': altcha }),
          },
        );
      const bare = await cast();
      assert.equal(bare.status, 403);
      assert.equal((await bare.json()).error.code, 'challenge_required');
      const solution = await solved();
      assert.equal((await cast(solution)).status, 201);
      const replayed = await cast(solution);
      assert.equal((await replayed.json()).error.code, 'challenge_replayed', 'one solution casts one vote');
      const fourth = await cast(await solved());
      assert.equal(fourth.status, 429, 'the fourth attempt from one address within the hour, refused ones counted');
      assert.equal((await fourth.json()).error.code, 'rate_limited');
    } finally {
      await guarded.close();
    }
  });
});

describe('policy polls on a registered site', () => {
  it('show a site its own institution’s polls only', async () => {
    const site = await addSite(hub.db, {
      name: 'SMK Negeri 1',
      origins: ['https://smkn1.sch.id'],
      institutionId: 'kemendikdasmen',
    });
    const own = await create({ ...curriculum, opensAt: at(-HOUR) });
    const other = await create({ ...curriculum, institutionId: 'kemenkes', opensAt: at(-HOUR) });
    const fromSite = { 'X-Lapor-Site': site.key, Origin: 'https://smkn1.sch.id' };
    const listed = await (await hub.app.request('/api/v1/polls?institution=kemenkes', { headers: fromSite })).json();
    assert.deepEqual(listed.items, [], 'another institution’s list is empty for the site');
    const mine = await (await hub.app.request('/api/v1/polls', { headers: fromSite })).json();
    assert.deepEqual(
      mine.items.map((poll: PollView) => poll.id),
      [own.id],
    );
    assert.equal((await hub.app.request(`/api/v1/polls/${own.id}`, { headers: fromSite })).status, 200);
    assert.equal((await hub.app.request(`/api/v1/polls/${other.id}`, { headers: fromSite })).status, 404);
    const foreignVote = await postJson(
      hub.app,
      `/api/v1/polls/${other.id}/votes`,
      { choice: 1 },
      {
        ...fromSite,
        'X-Lapor-Device': device(),
      },
    );
    assert.equal(foreignVote.status, 404, 'nor may it take votes for another');
    assert.equal((await hub.app.request(`/api/v1/polls/${other.id}`)).status, 200, 'which anyone may see elsewhere');
  });
});

describe('policy polls on two hub processes', () => {
  it('count one vote per device, exactly, however the votes and the close race', async () => {
    // On SQLite a second hub in this process would wait on the file's lock inside the event loop both share: one hub then.
    const other =
      hub.db.$dialect === 'postgres'
        ? await testApp({ adminToken: 'operator-token', clock, sameDatabaseAs: hub })
        : hub;
    try {
      const poll = await create({ ...curriculum, opensAt: at(-HOUR) });
      const devices = Array.from({ length: 40 }, device);
      // Every device votes twice at once, once through each hub, with different answers: one of the two must win.
      const cast = (app: typeof hub.app, token: string, choice: number) =>
        postJson(app, `/api/v1/polls/${poll.id}/votes`, { choice }, { 'X-Lapor-Device': token });
      const answers = await Promise.all(
        devices.flatMap((token, index) => [
          cast(hub.app, token, 1 + (index % 3)),
          cast(other.app, token, 1 + ((index + 1) % 3)),
        ]),
      );
      const statuses = answers.map((res) => res.status).sort();
      assert.deepEqual(
        [statuses.filter((s) => s === 201).length, statuses.filter((s) => s === 200).length],
        [devices.length, devices.length],
        'each device: one first vote, one change',
      );
      // The close on one hub races late votes on the other: each vote is either counted or refused, never lost.
      clock.set(at(2 * HOUR));
      const late = Array.from({ length: 10 }, () => cast(other.app, device(), 3));
      const closing = hub.app.request(`/api/v1/admin/polls/${poll.id}/close`, { method: 'POST', headers: ADMIN });
      const [closed, ...lateAnswers] = await Promise.all([closing, ...late]);
      assert.equal(closed.status, 200);
      for (const res of lateAnswers) assert.ok([201, 409].includes(res.status), String(res.status));
      const counted = lateAnswers.filter((res) => res.status === 201).length;
      const results = (await view(poll.id)).results;
      assert.equal(results?.votes, devices.length + counted, 'one vote per device; a late vote counted if accepted');
      const fromOther = await (await other.app.request(`/api/v1/polls/${poll.id}`)).json();
      assert.deepEqual(fromOther.results, results, 'both hubs show the counts stored once');
    } finally {
      if (other !== hub) await other.close();
    }
  });
});

describe('policy polls that ask for confirmation by email', () => {
  it('count a vote once confirmed from the emailed link, one vote per address, the address never stored', async () => {
    const smtp = await startSmtpPeer();
    const confirming = await testApp({
      adminToken: 'operator-token',
      clock,
      mailer: smtpMailer(smtp.url, 'Hub LAPOR <lapor@example.go.id>'),
    });
    try {
      const created = await postJson(
        confirming.app,
        '/api/v1/admin/polls',
        { ...curriculum, opensAt: at(-HOUR), confirmByEmail: true },
        ADMIN,
      );
      const { id } = await created.json();
      const castBy = (token: string, body: object) =>
        postJson(confirming.app, `/api/v1/polls/${id}/votes`, body, { 'X-Lapor-Device': token });
      const [ani, budi] = [device(), device()];

      const missing = await castBy(ani, { choice: 1 });
      assert.equal(missing.status, 400);
      assert.ok((await missing.json()).error.fields.email, 'the address is asked for');

      const waiting = await castBy(ani, { choice: 1, email: 'Ani.Wijaya@Example.com ' });
      assert.equal(waiting.status, 202);
      assert.deepEqual(await waiting.json(), { choice: 1, changed: false, confirmed: false });
      assert.equal(smtp.messages.length, 1);
      const mail = smtp.messages[0];
      assert.equal((mail?.to && 'text' in mail.to ? mail.to.text : '').toLowerCase(), 'ani.wijaya@example.com');
      const link = /https?:\/\/\S+\/confirm\?token=[\w-]+/.exec(mail?.text ?? '')?.[0] ?? '';
      assert.ok(link, mail?.text);

      const same = await castBy(budi, { choice: 2, email: 'ani.wijaya@example.com' });
      assert.equal(same.status, 409, 'the same address from another device, in another case');
      assert.equal((await same.json()).error.code, 'already_voted');

      // Opening the link confirms nothing (a mail scanner follows links); the page's button does, once.
      const path = link.replace(/^https?:\/\/[^/]+/, '');
      const page = await confirming.app.request(path);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post">/);
      assert.equal((await view(id, ani, confirming.app)).yourVote?.confirmed, false);
      const confirmed = await confirming.app.request(path, { method: 'POST' });
      assert.equal(confirmed.status, 200);
      assert.match(await confirmed.text(), /suara Anda dihitung/);
      assert.equal((await confirming.app.request(path, { method: 'POST' })).status, 404, 'the link works once');
      assert.equal((await view(id, ani, confirming.app)).yourVote?.confirmed, true);
      const changed = await castBy(ani, { choice: 3 });
      assert.deepEqual(await changed.json(), { choice: 3, changed: true, confirmed: true }, 'a confirmed vote changes');
      assert.equal(smtp.messages.length, 1, 'without another email');

      // An address the mail server refuses: nothing waits for a link that never came.
      smtp.refused.add('salah@example.com');
      const refused = await castBy(budi, { choice: 2, email: 'salah@example.com' });
      assert.equal(refused.status, 503);
      assert.equal((await refused.json()).error.code, 'email_unavailable');
      assert.equal((await view(id, budi, confirming.app)).yourVote, undefined);
      // Waiting, never confirmed: not counted.
      assert.equal((await castBy(device(), { choice: 2, email: 'citra@example.com' })).status, 202);

      const { pollVotes } = confirming.db.$tables;
      const rows = await confirming.db.select().from(pollVotes);
      assert.equal(rows.length, 2);
      assert.ok(
        rows.every((row) => row.emailHash && row.emailHash.length > 20),
        'each vote has its address’s hash',
      );
      const stored = JSON.stringify(rows);
      for (const address of ['ani.wijaya', 'Ani.Wijaya', 'citra@example.com', 'salah@example.com']) {
        assert.ok(!stored.includes(address), `${address} is not stored`);
      }

      clock.set(at(25 * HOUR));
      const results = (await view(id, undefined, confirming.app)).results;
      assert.deepEqual(results?.counts, [0, 0, 1], 'only the confirmed vote counts');
    } finally {
      await confirming.close();
      await smtp.close();
    }
  });
});
