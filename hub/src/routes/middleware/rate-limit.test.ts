import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import type { PowChallenge } from '../../../../contract';
import { rateLimitKey } from '../../abuse/client-address';
import type { ProofOfWork } from '../../abuse/proof-of-work';
import { addSite } from '../../sites/sites';
import { postJson, sampleReport, testApp } from '../../testing/test-app';

let hub: Awaited<ReturnType<typeof testApp>> | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

const from = (address: string) => ({ 'X-Forwarded-For': `203.0.113.9, ${address}` });

describe('rate limits', () => {
  it('refuse the report over the hourly limit with 429 and Retry-After, per address', async () => {
    hub = await testApp({
      rateLimits: { reportsPerHour: 2, reportsPerHourPerSite: 100, lookupsPerMinute: 100, votesPerHour: 100 },
      trustedProxies: 1,
    });
    for (let i = 0; i < 2; i++) {
      assert.equal((await postJson(hub.app, '/api/v1/reports', sampleReport, from('198.51.100.1'))).status, 201);
    }
    const refused = await postJson(hub.app, '/api/v1/reports', sampleReport, from('198.51.100.1'));
    assert.equal(refused.status, 429);
    assert.equal((await refused.json()).error.code, 'rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`);

    const other = await postJson(hub.app, '/api/v1/reports', sampleReport, from('198.51.100.2'));
    assert.equal(other.status, 201, 'another address is not affected');
  });

  it('count across hub processes on one PostgreSQL database', {
    skip: !process.env.HUB_TEST_POSTGRES && 'a SQLite hub is one process and counts in memory',
  }, async () => {
    const limits = { reportsPerHour: 100, reportsPerHourPerSite: 100, lookupsPerMinute: 3, votesPerHour: 3 };
    hub = await testApp({ rateLimits: limits, trustedProxies: 1 });
    const other = await testApp({ rateLimits: limits, trustedProxies: 1, sameDatabaseAs: hub });
    try {
      const statuses: number[] = [];
      for (const app of [hub.app, other.app, hub.app, other.app]) {
        statuses.push((await app.request('/api/v1/reports/LPR-0000-0000-0', { headers: from('198.51.100.4') })).status);
      }
      assert.deepEqual(statuses, [404, 404, 404, 429]);
    } finally {
      await other.close();
    }
  });

  it('limit lookups, so Tracking IDs cannot be enumerated, whether they exist or not', async () => {
    hub = await testApp({
      rateLimits: { reportsPerHour: 100, reportsPerHourPerSite: 100, lookupsPerMinute: 3, votesPerHour: 3 },
      trustedProxies: 1,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await hub.app.request('/api/v1/reports/LPR-0000-0000-0', { headers: from('198.51.100.3') });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [404, 404, 404, 429]);
  });

  it('limit the reports one website passes on, whatever the addresses', async () => {
    hub = await testApp({
      rateLimits: { reportsPerHour: 100, reportsPerHourPerSite: 2, lookupsPerMinute: 100, votesPerHour: 100 },
      trustedProxies: 1,
    });
    const { key } = await addSite(hub.db, {
      name: 'SMK',
      origins: ['https://smk.example.sch.id'],
      institutionId: 'smk-smak-makassar',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await postJson(hub.app, '/api/v1/reports', sampleReport, {
        ...from(`198.51.100.${10 + i}`),
        'X-Lapor-Site': key,
      });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [201, 201, 429]);
    const direct = await postJson(hub.app, '/api/v1/reports', sampleReport, from('198.51.100.20'));
    assert.equal(direct.status, 201, 'reports without the site are not counted against it');
  });

  it('count against a site only what it really passed on: junk sent with its public key shuts nothing', async () => {
    const pow: ProofOfWork = { maxNumber: 500, ttlMs: 60_000, secret: 'test-secret' };
    hub = await testApp({
      rateLimits: { reportsPerHour: 1000, reportsPerHourPerSite: 2, lookupsPerMinute: 100, votesPerHour: 100 },
      trustedProxies: 1,
      proofOfWork: pow,
    });
    const { key } = await addSite(hub.db, {
      name: 'SMK',
      origins: ['https://smk.example.sch.id'],
      institutionId: 'smk-smak-makassar',
    });
    const { app } = hub;
    const send = (body: object, headers: Record<string, string>) =>
      postJson(app, '/api/v1/reports', body, { ...from('198.51.100.66'), 'X-Lapor-Site': key, ...headers });
    const solved = async () => {
      const challenge: PowChallenge = await (await app.request('/api/v1/challenge')).json();
      const found = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
        .promise;
      return Buffer.from(JSON.stringify({ ...challenge, number: found?.number })).toString('base64');
    };
    const junk: number[] = [];
    for (let i = 0; i < 5; i++) junk.push((await send(sampleReport, {})).status);
    for (let i = 0; i < 5; i++)
      junk.push((await send(sampleReport, { Origin: 'https://evil.example', 'X-Altcha': await solved() })).status);
    for (let i = 0; i < 5; i++)
      junk.push((await send({ ...sampleReport, title: 'x' }, { 'X-Altcha': await solved() })).status);
    assert.deepEqual(junk, [...Array(5).fill(403), ...Array(5).fill(403), ...Array(5).fill(400)]);

    const real: number[] = [];
    for (let i = 0; i < 3; i++) real.push((await send(sampleReport, { 'X-Altcha': await solved() })).status);
    assert.deepEqual(real, [201, 201, 429], 'the site’s own limit still holds for reports it passed on');
  });

  it('count an IPv6 client by its /64 network, and an IPv4-mapped address as IPv4', () => {
    assert.equal(rateLimitKey('2001:db8:1234:5678:aaaa:bbbb:cccc:dddd'), '2001:db8:1234:5678::/64');
    assert.equal(rateLimitKey('2001:db8:1234:5678::1'), '2001:db8:1234:5678::/64');
    assert.equal(rateLimitKey('2001:0db8:1234:5678:ffff::'), '2001:db8:1234:5678::/64');
    assert.notEqual(rateLimitKey('2001:db8:1234:5679::1'), rateLimitKey('2001:db8:1234:5678::1'));
    assert.equal(rateLimitKey('::ffff:198.51.100.7'), '198.51.100.7');
    assert.equal(rateLimitKey('198.51.100.7'), '198.51.100.7');
  });

  it('refuse a second address of the same IPv6 /64 once the first used the limit', async () => {
    hub = await testApp({
      rateLimits: { reportsPerHour: 100, reportsPerHourPerSite: 100, lookupsPerMinute: 1, votesPerHour: 1 },
      trustedProxies: 1,
    });
    const lookup = (address: string) => hub?.app.request('/api/v1/reports/LPR-0000-0000-0', { headers: from(address) });
    assert.equal((await lookup('2001:db8:aa:1::1'))?.status, 404);
    assert.equal((await lookup('2001:db8:aa:1:ffff:1:2:3'))?.status, 429);
    assert.equal((await lookup('2001:db8:aa:2::1'))?.status, 404, 'another network is not affected');
  });

  it('key on the address the trusted proxy saw, not on what the client claims', async () => {
    hub = await testApp({
      rateLimits: { reportsPerHour: 100, reportsPerHourPerSite: 100, lookupsPerMinute: 1, votesPerHour: 1 },
      trustedProxies: 1,
    });
    const lookup = (forwarded: string) =>
      hub?.app.request('/api/v1/reports/LPR-0000-0000-0', { headers: { 'X-Forwarded-For': forwarded } });
    assert.equal((await lookup('1.1.1.1, 198.51.100.4'))?.status, 404);
    assert.equal((await lookup('2.2.2.2, 198.51.100.4'))?.status, 429);
  });
});
