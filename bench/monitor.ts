import { join } from 'node:path';
import { encodeTrackingId } from '../contract/tracking-id';
import { openDatabase } from '../hub/src/db/client';
import type { Report, ReportEvent } from '../hub/src/db/schema';
import { createDirectory, syncBuiltinDirectory } from '../hub/src/directory/directory';
import { AggregateChanges } from '../hub/src/monitor/contributions';
import { monitorFacts, publicText } from '../hub/src/monitor/facts';
import { writeChanges } from '../hub/src/monitor/projector';
import { holderWord, searchRowid, tidySearchIndex } from '../hub/src/monitor/search';
import { FILED, LATER } from '../hub/src/monitor/similar-pairs';
import { wordsOf } from '../hub/src/monitor/words';
import { createKeyring } from '../hub/src/privacy/keyring';
import { loadRegions } from '../hub/src/regions/regions';
import { createCalendar, loadDecrees } from '../hub/src/workflow/calendar';
import { timeZoneOf } from '../hub/src/workflow/deadlines';
import { type RunningProcess, withMeasuredHub } from './hub-process';
import { type LoadFigures, load } from './load';

const DAY = 86_400_000;

/** One institution holds every seventh report: its published ones are the 100,000-row export at a million. */
export const FOCUS = 'smk-smak-makassar';

/** Public-service complaints of the kinds SP4N-LAPOR! receives, for text to search. */
const COMMON = [
  ['Jalan rusak berlubang', 'Jalan utama rusak berlubang dan membahayakan pengendara motor setiap hujan.'],
  ['Pungli pembuatan KTP', 'Petugas kecamatan meminta uang tambahan untuk mempercepat pembuatan KTP elektronik.'],
  [
    'Puskesmas tutup di jam layanan',
    'Puskesmas sering tutup sebelum jam layanan berakhir, pasien pulang tanpa diperiksa.',
  ],
  ['Guru jarang masuk kelas', 'Guru mata pelajaran jarang masuk kelas sehingga siswa belajar sendiri.'],
  ['Sampah menumpuk di pasar', 'Sampah di pasar tidak diangkut selama seminggu dan menimbulkan bau.'],
  ['Lampu jalan mati', 'Lampu penerangan jalan mati sejak sebulan, rawan kejahatan pada malam hari.'],
  ['Bantuan sosial tidak tepat sasaran', 'Bantuan sosial diterima warga mampu sementara warga miskin tidak terdaftar.'],
  ['Antrean BPJS terlalu lama', 'Antrean pendaftaran BPJS Kesehatan di rumah sakit berlangsung lebih dari lima jam.'],
] as const;

/** Those, and the 200 of the labelled set for similar reports: enough kinds of text for rare and common words. */
const TOPICS: (readonly [string, string])[] = [
  ...COMMON,
  ...[...FILED, ...LATER].map((report) => [report.title, report.body] as const),
];

/**
 * Fills a data folder with `count` reports over the last two years as public
 * monitoring would hold them: spread over the directory's institutions (every
 * seventh to FOCUS), their regencies (nine in ten from the institution's own)
 * and the categories; four in five forwarded, three in five answered, one in
 * five finished by the institution and two closed by the hub after an
 * unanswered follow-up (as the hub would have), one in seventeen
 * confidential. Their monitor rows, search index and aggregates are derived
 * by the projector's own functions (once for each day, stage and time zone,
 * which is all that sets a report's dates), so the hub starts with nothing to
 * catch up.
 */
export async function seedMonitored(dataDir: string, count: number): Promise<number> {
  const started = Date.now();
  const db = await openDatabase(join(dataDir, 'hub.sqlite'));
  await syncBuiltinDirectory(db);
  const sqlite = db.$sqlite;
  if (!sqlite) throw new Error('seeding writes a SQLite file');
  const directory = await createDirectory(db);
  const regions = await loadRegions();
  const deps = {
    directory,
    calendar: createCalendar(loadDecrees()),
    keyring: createKeyring(new Map([['b', Buffer.alloc(32, 1)]])),
  };
  const institutions = (sqlite.prepare('SELECT id FROM institutions ORDER BY id').all() as { id: string }[]).map(
    (row) => row.id,
  );
  const categories = (sqlite.prepare('SELECT id FROM categories ORDER BY id').all() as { id: string }[]).map(
    (row) => row.id,
  );
  const regencies = regions
    .children()
    .flatMap((province) => regions.children(province.code).map((regency) => regency.code));

  const home = new Map(institutions.map((id, k) => [id, regencies[(k * 7919) % regencies.length]]));
  const insertReport = sqlite.prepare(
    `INSERT INTO reports (tracking_id, receipt_hash, kind, title, body, incident_date, location_text, region_code,
       institution_id, category_id, anonymous, confidential, status, locale, notify, created_at, updated_at)
     VALUES (?, 'seeded-report-without-a-receipt', 'pengaduan', ?, ?, '2026-01-05', 'Jl. Merdeka', ?, ?, ?, 0, ?, ?, 'id', 1, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO report_events (report_id, at, type, actor, status) VALUES (?, ?, 'status', ?, ?)`,
  );
  const insertRow = sqlite.prepare(
    `INSERT INTO monitor_reports (report_id, dirty, published, indexed, tracking_id, kind, status, holder, category_id, region_code,
       province, regency, title, excerpt, received_at, changed_at, month, time_zone, forwarded_at, response_days, finished,
       finished_in_time, deadline_kind, deadline_due, resolution_due, overdue_from)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertWords = sqlite.prepare('INSERT INTO monitor_search (rowid, title, body, holder) VALUES (?, ?, ?, ?)');
  // Each text's stems once (the hub's own normaliser), and how many reports hold each stem, as the index counts.
  const stems = new Map<string, { title: string; body: string; distinct: string[] }>();
  const termReports = new Map<string, number>();
  const stemsOf = (title: string, body: string) => {
    let found = stems.get(title + body);
    if (!found) {
      const [t, b] = [wordsOf(title), wordsOf(body)];
      found = { title: t.join(' '), body: b.join(' '), distinct: [...new Set([...t, ...b])] };
      stems.set(title + body, found);
    }
    return found;
  };
  const changes = new AggregateChanges();
  const now = Date.now();
  // Each report 09:00–09:50 in Jakarta (an hour later in Makassar, two in Jayapura) of its day: one local day
  // in every zone, so reports of one day, stage and zone share their deadlines, derived once for all of them.
  const start = Math.floor((now - 730 * DAY) / DAY) * DAY + 2 * 3_600_000;
  const derived = new Map<string, ReturnType<typeof monitorFacts>>();
  const texts = TOPICS.map(([title, body]) =>
    publicText(deps.keyring, { title, body, anonymous: false, confidential: false, reporterName: null } as Report),
  );
  const bytes = Buffer.alloc(5);
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      bytes.writeUIntBE((i * 0x9e3779b1 + 0x5bd1e995) % 2 ** 40, 0, 5);
      const trackingId = encodeTrackingId(bytes);
      const day = Math.floor((i * 730) / count);
      const offset = (i % 3000) * 1000;
      const topic = i % TOPICS.length;
      const [title, body] = TOPICS[topic] ?? COMMON[0];
      // Four in five forwarded, three answered, one finished; the same among FOCUS's seventh.
      const stage = (i + Math.floor(i / 10)) % 5;
      const institutionId = i % 7 === 3 ? FOCUS : (institutions[(i * 13) % institutions.length] ?? FOCUS);
      const timeZone = timeZoneOf(directory, institutionId);
      // The day's timeline at 09:00 Jakarta time; this report's is `offset` later.
      const base = start + day * DAY;
      const timeline: Pick<ReportEvent, 'at' | 'type' | 'actor' | 'status' | 'institution'>[] = [
        { at: new Date(base), type: 'status', actor: 'hub', status: 'received', institution: null },
      ];
      const add = (days: number, actor: ReportEvent['actor'], status: ReportEvent['status']) => {
        const at = base + days * DAY;
        if (at + 3_600_000 <= now)
          timeline.push({ at: new Date(at), type: 'status', actor, status, institution: null });
      };
      if (stage !== 0) add(1, 'national', 'forwarded');
      if (stage !== 0 && stage !== 4) add(1 + (i % 9), 'institution', 'followed_up');
      if (stage === 1) add(25, 'institution', 'finished');
      // The hub closes a follow-up left unanswered for 10 working days, as it would have by now.
      else if (stage === 2 || stage === 3) add(1 + (i % 9) + 16, 'hub', 'finished');
      const status = timeline.at(-1)?.status ?? 'received';
      const key = `${day}|${stage}|${i % 9}|${timeZone}`;
      let shape = derived.get(key);
      if (!shape) {
        const template = {
          trackingId,
          kind: 'pengaduan',
          institutionId,
          status,
          confidential: true,
          createdAt: new Date(base),
        };
        shape = monitorFacts(deps, template as Report, timeline, new Date(now));
        derived.set(key, shape);
      }
      const confidential = i % 17 === 0;
      // Nine in ten from the institution's own regency, as a school's or an office's public mostly is.
      const regionCode = (i % 10 === 7 ? regencies[(i * 7) % regencies.length] : home.get(institutionId)) ?? null;
      const categoryId = categories[i % categories.length] ?? null;
      const later = (at: Date | null) => (at ? at.getTime() + offset : null);
      const published = shape.forwardedAt !== null && !confidential;
      const text = published ? texts[topic] : undefined;
      const facts = {
        ...shape,
        published,
        trackingId,
        holder: institutionId,
        categoryId,
        regionCode,
        province: regionCode ? regionCode.slice(0, 2) : null,
        regency: regionCode && regionCode.length >= 5 ? regionCode.slice(0, 5) : null,
        title: text?.title ?? null,
        excerpt: text?.excerpt ?? null,
      };
      const createdAt = base + offset;
      const { lastInsertRowid } = insertReport.run(
        trackingId,
        title,
        body,
        regionCode,
        institutionId,
        categoryId,
        confidential ? 1 : 0,
        status,
        createdAt,
        later(shape.changedAt),
      );
      for (const event of timeline)
        insertEvent.run(lastInsertRowid, event.at.getTime() + offset, event.actor, event.status);
      insertRow.run(
        lastInsertRowid,
        published ? 1 : 0,
        published ? 1 : 0,
        trackingId,
        facts.kind,
        facts.status,
        facts.holder,
        facts.categoryId,
        facts.regionCode,
        facts.province,
        facts.regency,
        facts.title,
        facts.excerpt,
        createdAt,
        later(facts.changedAt),
        facts.month,
        facts.timeZone,
        later(facts.forwardedAt),
        facts.responseDays,
        facts.finished ? 1 : 0,
        facts.finishedInTime ? 1 : 0,
        facts.deadlineKind,
        facts.deadlineDue,
        facts.resolutionDue,
        facts.overdueFrom,
      );
      if (text) {
        const words = stemsOf(text.title, text.body);
        insertWords.run(searchRowid(Number(lastInsertRowid)), words.title, words.body, holderWord(facts.holder));
        for (const term of ['', ...words.distinct]) termReports.set(term, (termReports.get(term) ?? 0) + 1);
      }
      changes.add(facts, 1);
    }
  });
  // The search index as a hub holds it in the morning: everything before today merged by the night's tidying
  // (monitor/search.ts), and today's reports indexed one by one since, as a projector's passes do when
  // reports come a minute apart (a segment each, merged only four at a time).
  const today = count - Math.ceil(count / 730);
  for (let from = 0; from < today; from += 50_000) batch(from, Math.min(today, from + 50_000));
  while (await tidySearchIndex(db));
  for (let i = today; i < count; i++) batch(i, i + 1);
  await db.transaction((tx) => writeChanges(db, tx, changes));
  const insertTerm = sqlite.prepare('INSERT INTO monitor_terms (term, reports) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (const [term, reports] of termReports) insertTerm.run(term, reports);
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await db.$close();
  return (Date.now() - started) / 1000;
}

export interface MonitorFigures {
  stored: number;
  seedSeconds: number;
  /** Each public list and figures request at 50 connections, by what it asks. */
  loads: { what: string; figures: LoadFigures }[];
  /** The open-data CSV of FOCUS's reports: rows, seconds, and how much the hub's resident memory grew. */
  export: { rows: number; seconds: number; rssGrowth: number };
  /** Open311's GET requests (1,000 service requests over 90 days): the slowest of five, by what it asks. */
  open311: { what: string; requests: number; slowestMs: number; medianMs: number }[];
  peakRss: number;
}

/** Two instants `from` and `to` days ago, of one now. */
function daysAgo(from: number, to: number): [string, string] {
  const now = Date.now();
  return [new Date(now - from * DAY).toISOString(), new Date(now - to * DAY).toISOString()];
}

/** Open311 GET requests as a 311 dashboard polls them: the newest 1,000 of a 90-day window. */
const OPEN311_QUERIES: [string, () => string][] = [
  ['the last 90 days, JSON', () => '/open311/v2/requests.json'],
  ['the last 90 days, XML', () => '/open311/v2/requests.xml'],
  ["an institution's, open only", () => `/open311/v2/requests.json?jurisdiction_id=${FOCUS}&status=open`],
  ['what happened in the last 90 days (servicerequestupdates)', () => '/open311/v2/servicerequestupdates.json'],
  [
    'a window a year back',
    () => {
      const [start, end] = daysAgo(455, 365);
      return `/open311/v2/requests.json?start_date=${start}&end_date=${end}`;
    },
  ],
];

/** Each Open311 query five times in a row: how many it answered, its slowest and median time. */
async function measureOpen311(hub: RunningProcess): Promise<MonitorFigures['open311']> {
  const figures = [];
  for (const [what, path] of OPEN311_QUERIES) {
    const times: number[] = [];
    let requests = 0;
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      const res = await fetch(`${hub.url}${path()}`);
      const text = await res.text();
      times.push(performance.now() - started);
      if (!res.ok) throw new Error(`${path()} answered ${res.status}: ${text.slice(0, 200)}`);
      requests = (text.match(/service_request_id/g) ?? []).length / (text.startsWith('<') ? 2 : 1);
    }
    times.sort((a, b) => a - b);
    figures.push({ what, requests, slowestMs: times[4] ?? 0, medianMs: times[2] ?? 0 });
  }
  return figures;
}

const QUERIES: [string, string][] = [
  ['the newest published reports', '/api/v1/public/reports'],
  ["an institution's", `/api/v1/public/reports?institution=${FOCUS}`],
  ["a province's", '/api/v1/public/reports?region=73'],
  ['a search for two words', '/api/v1/public/reports?q=jalan%20rusak'],
  ["a page deep in an institution's", ''],
  ['the national figures by province', '/api/v1/public/stats?places=province'],
  ["an institution's figures", `/api/v1/public/stats?institution=${FOCUS}`],
  ["a province's figures by regency", '/api/v1/public/stats?region=73&places=regency'],
];

/**
 * What visitors write as the form asks for similar reports: one of the
 * labelled set's later reports, cut after a random number of words (the
 * form asks as the visitor pauses), at the school or at its ministry (which
 * looks at the school too): thousands of different texts, as a crowd's are.
 */
function similarPath(): string {
  const later = LATER[Math.floor(Math.random() * LATER.length)] ?? LATER[0];
  const words = `${later?.title}. ${later?.body}`.split(' ');
  const text = words.slice(0, 6 + Math.floor(Math.random() * (words.length - 5))).join(' ');
  const institution = Math.random() < 0.5 ? FOCUS : 'kemenperin';
  return `/api/v1/reports/similar?institution=${institution}&q=${encodeURIComponent(text)}`;
}

/** The public list, figures and open data over `stored` reports. */
export async function measureMonitor(seconds: number, stored: number): Promise<MonitorFigures> {
  return withMeasuredHub(
    (dataDir) => seedMonitored(dataDir, stored),
    async (hub: RunningProcess, seedSeconds) => {
      const deep = await cursorDeepIn(hub, `/api/v1/public/reports?institution=${FOCUS}&limit=50`, 20);
      const loads = [];
      for (const [what, path] of QUERIES) {
        const figures = await load(`${hub.url}${path || deep}`, { seconds, warmUpSeconds: 1 });
        loads.push({ what, figures });
      }
      loads.push({
        what: 'similar reports to what visitors write, a different text each time',
        figures: await load(hub.url, { seconds, warmUpSeconds: 1, path: similarPath }),
      });
      const open311 = await measureOpen311(hub);
      const before = hub.rss();
      const started = performance.now();
      const res = await fetch(`${hub.url}/api/v1/public/reports.csv?institution=${FOCUS}`);
      let rows = -1;
      let growth = 0;
      const decoder = new TextDecoder();
      for await (const chunk of res.body ?? []) {
        rows += (decoder.decode(chunk as Uint8Array, { stream: true }).match(/\r\n/g) ?? []).length;
        growth = Math.max(growth, hub.rss() - before);
      }
      return {
        stored,
        seedSeconds,
        loads,
        export: { rows, seconds: (performance.now() - started) / 1000, rssGrowth: growth },
        open311,
        peakRss: hub.peakRss(),
      };
    },
  );
}

/** The address of page `pages` of a list, reached by following its cursor. */
async function cursorDeepIn(hub: RunningProcess, path: string, pages: number): Promise<string> {
  let next: string | undefined;
  for (let page = 0; page < pages; page++) {
    const res = await fetch(`${hub.url}${path}${next ? `&cursor=${next}` : ''}`);
    next = ((await res.json()) as { next?: string }).next;
    if (!next) break;
  }
  return `${path}${next ? `&cursor=${next}` : ''}`;
}
