import { msg, str } from '@lit/localize';
import type { ReportStatus } from '../../../contract/status';
import { formatDate } from '../internal/format';
import { getLocale } from '../internal/locale';
import { hubErrorMessage } from '../internal/messages';

/**
 * The similar-reports panel's words and formats, in the visitor's language.
 * They live with the form, not in the panel's own chunk: a chunk that
 * reached @lit/localize would have it split into a third file, one more
 * request for every page that shows the form.
 */
export const similarTexts = () => ({
  found: (count: number) => msg(str`Laporan serupa: ${count}.`),
  heading: msg('Sudah dilaporkan?'),
  follow: msg('Pantau laporan ini'),
  email: msg('Email'),
  followByEmail: msg('Kabari saya'),
  followed: msg('Konfirmasikan dari email kami.'),
  error: hubErrorMessage,
  locale: (getLocale() === 'en' ? 'en' : 'id') as 'id' | 'en',
  different: msg('Laporan saya berbeda'),
  // Only the statuses of a report still being handled (the hub suggests no other), in statusLabel's words:
  // the form carries no label it cannot show.
  status: (status: ReportStatus) =>
    ({
      followed_up: msg('Ditindaklanjuti'),
      reopened: msg('Dibuka kembali'),
      held: msg('Ditunda'),
      not_authority: msg('Bukan wewenang instansi'),
    })[status as 'held'] ?? msg('Diteruskan ke instansi'),
  // The day it came in (its age, in the date format the form already has).
  age: (iso: string) => formatDate(iso.slice(0, 10)),
});

export type SimilarTexts = ReturnType<typeof similarTexts>;
