import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_RATE_LIMITS } from './abuse/rate-limits';
import { configFromEnv } from './config';

describe('configFromEnv', () => {
  it('has working defaults', () => {
    assert.deepEqual(configFromEnv({}), {
      port: 8787,
      host: '127.0.0.1',
      dataDir: resolve('data'),
      database: resolve('data/hub.sqlite'),
      attachments: { folder: resolve('data/attachments') },
      rateLimits: DEFAULT_RATE_LIMITS,
      trustedProxies: 0,
      powMaxNumber: 50_000,
      nationalDeskPort: 8788,
      clockSpeed: 1,
      mailFrom: 'SP4N-LAPOR! <no-reply@localhost>',
      outboxWorker: true,
      outboxConcurrency: 64,
      demo: true,
    });
  });

  it('runs the demo only on loopback, unless told', () => {
    assert.equal(configFromEnv({ HOST: '::1' }).demo, true);
    assert.equal(configFromEnv({ HOST: '0.0.0.0' }).demo, false);
    assert.equal(configFromEnv({ HOST: '0.0.0.0', DEMO: 'on' }).demo, true);
    assert.equal(configFromEnv({ DEMO: 'off' }).demo, false);
  });

  it('reads every setting', () => {
    const config = configFromEnv({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/lapor',
      RATE_LIMIT_REPORTS_PER_HOUR: '5',
      RATE_LIMIT_LOOKUPS_PER_MINUTE: '30',
      RATE_LIMIT_VOTES_PER_HOUR: '12',
      RATE_LIMIT_REPORTS_PER_HOUR_PER_SITE: '100',
      TRUST_PROXY: '1',
      OUTBOX_WORKER: 'off',
      OUTBOX_CONCURRENCY: '8',
    });
    assert.equal(config.port, 9000);
    assert.equal(config.dataDir, '/var/lib/lapor');
    assert.equal(config.database, '/var/lib/lapor/hub.sqlite');
    assert.deepEqual(config.rateLimits, {
      reportsPerHour: 5,
      reportsPerHourPerSite: 100,
      lookupsPerMinute: 30,
      votesPerHour: 12,
    });
    assert.equal(config.trustedProxies, 1);
    assert.equal(config.outboxWorker, false);
    assert.equal(config.outboxConcurrency, 8);
  });

  it('takes PostgreSQL, or another SQLite file, from DATABASE_URL', () => {
    const url = 'postgres://lapor:secret@db.internal:5432/lapor';
    assert.equal(configFromEnv({ DATABASE_URL: url }).database, url);
    assert.equal(configFromEnv({ DATABASE_URL: 'file:/srv/lapor/hub.sqlite' }).database, '/srv/lapor/hub.sqlite');
    assert.throws(() => configFromEnv({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  });

  it('keeps attachments in a folder of choice, or in an S3 bucket', () => {
    assert.deepEqual(configFromEnv({ ATTACHMENTS_DIR: '/mnt/shared/lapor' }).attachments, {
      folder: '/mnt/shared/lapor',
    });
    const s3 = { S3_BUCKET: 'lapor-lampiran', S3_ENDPOINT: 'https://s3.example.go.id', S3_REGION: 'id-jkt-1' };
    assert.deepEqual(configFromEnv(s3).attachments, {
      s3: { bucket: 'lapor-lampiran', endpoint: 'https://s3.example.go.id', region: 'id-jkt-1' },
    });
    assert.throws(() => configFromEnv({ S3_BUCKET: 'x' }), /S3_BUCKET/);
  });

  it('takes replies by email only to a reply domain', () => {
    const replies = configFromEnv({
      REPLY_DOMAIN: 'Balas.Lapor.Example.go.id',
      MAIL_INTAKE_PORT: '2525',
      HOST: '0.0.0.0',
      INBOUND_MAIL_TOKEN: 'token-layanan-surat-masuk-0123',
    });
    assert.equal(replies.replyDomain, 'balas.lapor.example.go.id');
    assert.deepEqual(replies.mailIntake, { port: 2525, host: '0.0.0.0' });
    assert.equal(replies.inboundMailToken, 'token-layanan-surat-masuk-0123');
    assert.equal(configFromEnv({}).mailIntake, undefined);
    assert.throws(() => configFromEnv({ MAIL_INTAKE_PORT: '2525' }), /REPLY_DOMAIN/);
    assert.throws(() => configFromEnv({ REPLY_DOMAIN: 'not a domain' }), /REPLY_DOMAIN/);
  });

  it('names every bad setting', () => {
    assert.throws(() => configFromEnv({ PORT: 'eighty', TRUST_PROXY: '-1' }), /PORT[\s\S]*TRUST_PROXY/);
    assert.throws(() => configFromEnv({ OUTBOX_CONCURRENCY: '0' }), /OUTBOX_CONCURRENCY/);
  });
});
