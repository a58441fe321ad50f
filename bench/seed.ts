import { join } from 'node:path';
import { encodeTrackingId } from '../contract/tracking-id';
import { openDatabase } from '../hub/src/db/client';
import { syncBuiltinDirectory } from '../hub/src/directory/directory';
import { sampleReport } from '../hub/src/testing/sample-report';

/**
 * Fills a hub's data folder with `count` received reports, as fast as SQLite
 * takes them (one prepared statement, large transactions): a million in
 * seconds. Each is a public report with no reporter contact, its `received`
 * event and a pending delivery, the rows a lookup reads. Tracking IDs come
 * from a counter spread over the 40-bit space, so they are valid and distinct.
 * Answers a sample of the Tracking IDs, spread over the whole range.
 */
export async function seedReports(dataDir: string, count: number, sampleSize = 1000): Promise<string[]> {
  const db = await openDatabase(join(dataDir, 'hub.sqlite'));
  await syncBuiltinDirectory(db);
  const sqlite = db.$sqlite;
  if (!sqlite) throw new Error('seeding writes a SQLite file');
  const insertReport = sqlite.prepare(
    `INSERT INTO reports (tracking_id, receipt_hash, kind, title, body, incident_date, location_text, region_code,
       institution_id, category_id, anonymous, confidential, status, locale, notify, created_at, updated_at)
     VALUES (?, ?, 'pengaduan', ?, ?, ?, ?, ?, ?, ?, 0, 0, 'submitted', 'id', 1, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO report_events (report_id, at, type, actor, status) VALUES (?, ?, 'status', 'hub', 'received')`,
  );
  const insertDelivery = sqlite.prepare(
    `INSERT INTO deliveries (report_id, destination, kind, idempotency_key, state, attempts, next_attempt_at, created_at)
     VALUES (?, 'sink', 'report', ?, 'delivered', 1, ?, ?)`,
  );
  const sample: string[] = [];
  const every = Math.max(1, Math.floor(count / sampleSize));
  const start = Date.now() - count * 1000;
  const bytes = Buffer.alloc(5);
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      // An odd multiplier walks the 40-bit space without repeating.
      bytes.writeUIntBE((i * 0x9e3779b1 + 0x5bd1e995) % 2 ** 40, 0, 5);
      const trackingId = encodeTrackingId(bytes);
      if (i % every === 0 && sample.length < sampleSize) sample.push(trackingId);
      const at = start + i * 1000;
      const { lastInsertRowid } = insertReport.run(
        trackingId,
        'seeded-report-without-a-receipt',
        sampleReport.title,
        sampleReport.body,
        sampleReport.incidentDate,
        sampleReport.location.text,
        sampleReport.location.regionCode,
        sampleReport.institutionId,
        sampleReport.categoryId,
        at,
        at,
      );
      insertEvent.run(lastInsertRowid, at);
      insertDelivery.run(lastInsertRowid, `seed-${i}`, at, at);
    }
  });
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await db.$close();
  return sample;
}
