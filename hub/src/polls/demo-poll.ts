import { pollInputSchema } from '../../../contract/requests';
import type { Db } from '../db/client';
import { createPoll, listPolls, type PollPlaces } from './polls';

const DAY = 86_400_000;

/**
 * The demo school's poll, for the demo site's poll page (demo/poll.html): put
 * on a hub in demo mode that has no poll yet, open from now for thirty days.
 */
export async function ensureDemoPoll(db: Db, places: PollPlaces, now: Date): Promise<string | undefined> {
  if ((await listPolls(db, { institutionId: 'smk-smak-makassar' }, now)).length) return undefined;
  const poll = await createPoll(
    db,
    places,
    pollInputSchema.parse({
      institutionId: 'smk-smak-makassar',
      question: 'Setujukah Anda jam masuk sekolah diundur menjadi pukul 07.30?',
      explanation:
        'Komite sekolah mengusulkan jam masuk pukul 07.30 agar siswa dari luar kota tidak terlambat. Suara Anda membantu sekolah memutuskan; hasilnya diumumkan setelah jajak pendapat ditutup.',
      kind: 'choice',
      options: ['Setuju', 'Tidak setuju', 'Setuju, bila jam pulang tidak berubah'],
      allowComment: true,
      publishComments: false,
      opensAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    }),
    now,
  );
  return poll.id;
}
