import { Feed } from 'feed';
import type { PublicReport } from '../../../contract/monitor';
import { type ListDeps, type PublicFilters, publicReport, publishedRows } from './list';

/** Entries in a feed: a reader polling it now and then sees what came in meanwhile. */
const ENTRIES = 50;

/** How a status reads in a feed's entry, in Indonesian as the hub's public pages are. */
const STATUS_WORDS: Record<PublicReport['status'], string> = {
  received: 'diterima',
  submitted: 'dikirim ke SP4N-LAPOR!',
  verified: 'diverifikasi',
  forwarded: 'diteruskan ke instansi',
  followed_up: 'ditindaklanjuti',
  finished: 'selesai',
  held: 'ditunda',
  not_authority: 'bukan kewenangan instansi',
  archived: 'diarsipkan',
  reopened: 'dibuka kembali',
};

/**
 * An Atom feed of the newest published reports of an institution, a place or
 * a category, for people who follow one in a feed reader: the list's rows,
 * so the list's exclusions hold; each entry links to the tracker's public
 * view. Written by the `feed` library (escaping and the format are its
 * business).
 */
export async function publicFeed(
  deps: ListDeps,
  filters: PublicFilters,
  { hub, self, now }: { hub: string; self: string; now: Date },
): Promise<string> {
  const { rows } = await publishedRows(deps.db, filters, ENTRIES);
  const reports = rows.map((row) => ({ report: publicReport(deps, row, now), changedAt: row.changedAt }));
  const feed = new Feed({
    id: self,
    link: new URL('lacak/', hub).href,
    title: `Laporan publik: ${scopeName(deps, filters)}`,
    description: 'Laporan yang telah diteruskan kepada instansi berwenang, tanpa identitas pelapor.',
    language: 'id',
    // An empty feed was last updated now, as far as its reader can know.
    updated:
      reports.reduce<Date | undefined>(
        (latest, { changedAt }) => (latest && latest > changedAt ? latest : changedAt),
        undefined,
      ) ?? now,
    feedLinks: { atom: self },
    author: { name: new URL(hub).host },
    copyright: '',
    generator: false,
  });
  for (const { report, changedAt } of reports) {
    const link = new URL(`lacak/#lapor=${report.trackingId}`, hub).href;
    const deadline = report.deadline
      ? ` Tenggat ${report.deadline.due}${report.deadline.overdue ? ' (terlambat)' : ''}.`
      : '';
    feed.addItem({
      id: link,
      link,
      title: `${report.title} (${STATUS_WORDS[report.status]})`,
      date: changedAt,
      published: new Date(report.receivedAt),
      description: `${report.trackingId} · ${report.institution.name}${report.region ? ` · ${report.region.name}` : ''}. ${report.excerpt}${deadline}`,
      ...(report.category && { category: [{ name: report.category.name, term: report.category.id }] }),
    });
  }
  return feed.atom1();
}

function scopeName({ directory, regions }: ListDeps, filters: PublicFilters): string {
  const parts = [
    filters.institution && (directory.institution(filters.institution)?.name ?? filters.institution),
    filters.category && (directory.category(filters.category)?.name ?? filters.category),
    filters.region && (regions.find(filters.region)?.name ?? filters.region),
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Indonesia';
}
