import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { RankMemory, rankSimilar, sqliteReader } from './similar-ranking';
import type { RankRequest, RankResponse } from './similar-thread';

/**
 * The worker thread that ranks similar reports (similar-thread.ts starts
 * it): its own read-only connection to the hub's SQLite file, which WAL
 * lets read beside the hub's writes, and its own memory of stems.
 */
const port = parentPort;
if (!port) throw new Error('similar-worker.ts runs as a worker thread');
const sqlite = new Database((workerData as { path: string }).path, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const reader = sqliteReader(sqlite);
const memory = new RankMemory();

port.on('message', async ({ id, query, family, scan }: RankRequest) => {
  let answer: RankResponse;
  try {
    // One read transaction: one snapshot of the database for the whole ranking, taken once rather than per read.
    // (Every read answers at once, so no other message's ranking starts before this one ends.)
    sqlite.exec('begin');
    try {
      answer = { id, ranked: await rankSimilar(reader, memory, query, family, scan) };
    } finally {
      if (sqlite.inTransaction) sqlite.exec('commit');
    }
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
