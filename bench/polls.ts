import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from '../hub/src/db/client';
import { syncBuiltinDirectory } from '../hub/src/directory/directory';
import { withMeasuredHub } from './hub-process';
import { type LoadFigures, load } from './load';

export interface PollFigures {
  /** Votes of distinct devices on one open poll, at 50 connections. */
  votes: LoadFigures;
  /** The closed poll with `counted` votes: its first answer (which counts them) and then answers under load. */
  counted: number;
  firstAnswerMs: number;
  results: LoadFigures;
  seedSeconds: number;
  peakRss: number;
}

const DAY = 86_400_000;

/**
 * Writes a poll into a hub's data folder before the hub starts: open from a
 * day ago for a year, or closed an hour ago with `votes` votes of distinct
 * devices spread over its three options (one prepared statement, large
 * transactions).
 */
async function seedPoll(dataDir: string, { closed, votes }: { closed: boolean; votes: number }): Promise<string> {
  const db = await openDatabase(join(dataDir, 'hub.sqlite'));
  await syncBuiltinDirectory(db);
  const sqlite = db.$sqlite;
  if (!sqlite) throw new Error('seeding writes a SQLite file');
  const id = randomBytes(9).toString('base64url');
  const now = Date.now();
  sqlite
    .prepare(
      `INSERT INTO polls (id, institution_id, question, explanation, kind, options, allow_comment, publish_comments,
         opens_at, closes_at, created_at, updated_at)
       VALUES (?, 'kemendikdasmen', 'Setujukah Anda kurikulum baru diterapkan tahun depan?', '', 'choice',
         '["Setuju","Tidak setuju","Belum tahu"]', 0, 0, ?, ?, ?, ?)`,
    )
    .run(id, now - DAY, closed ? now - DAY / 24 : now + 365 * DAY, now - 2 * DAY, now - 2 * DAY);
  const vote = sqlite.prepare(
    `INSERT INTO poll_votes (poll_id, device_hash, choice, changes, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)`,
  );
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) vote.run(id, `device-${i}`, 1 + (i % 3), now - DAY, now - DAY);
  });
  for (let from = 0; from < votes; from += 50_000) batch(from, Math.min(votes, from + 50_000));
  await db.$close();
  return id;
}

/**
 * Voting on one open poll, each request from a new device, at 50
 * connections; then a closed poll holding `counted` votes, its first answer
 * (the votes counted once) and its answers under load after.
 */
export async function measurePolls(seconds = 10, counted = 1_000_000): Promise<PollFigures> {
  const votes = await withMeasuredHub(
    (dataDir) => seedPoll(dataDir, { closed: false, votes: 0 }),
    async (hub, id) =>
      load(`${hub.url}/api/v1/polls/${id}/votes`, {
        method: 'POST',
        body: JSON.stringify({ choice: 2 }),
        headers: { 'Content-Type': 'application/json' },
        headersFor: () => ({ 'X-Lapor-Device': randomBytes(32).toString('base64url') }),
        seconds,
      }),
  );
  return withMeasuredHub(
    async (dataDir) => {
      const started = Date.now();
      const id = await seedPoll(dataDir, { closed: true, votes: counted });
      return { id, seedSeconds: (Date.now() - started) / 1000 };
    },
    async (hub, { id, seedSeconds }) => {
      const started = performance.now();
      const first = await fetch(`${hub.url}/api/v1/polls/${id}`);
      const body = (await first.json()) as { results?: { votes: number } };
      const firstAnswerMs = performance.now() - started;
      if (body.results?.votes !== counted)
        throw new Error(`the poll counted ${body.results?.votes} of ${counted} votes`);
      const results = await load(`${hub.url}/api/v1/polls/${id}`, { seconds });
      return { votes, counted, firstAnswerMs, results, seedSeconds, peakRss: hub.peakRss() };
    },
  );
}
