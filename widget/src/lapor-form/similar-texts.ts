import { msg, str } from '@lit/localize';
import type { ReportStatus } from '../../../contract/status';
import { formatAge } from '../internal/format';

/**
 * The similar-reports panel's words and formats, in the visitor's language.
 * They live with the form, not in the panel's own chunk: a chunk that
 * reached @lit/localize would have it split into a third file, one more
 * request for every page that shows the form.
 */
export const similarTexts = () => ({
  found: (count: number) => msg(str`Laporan serupa: ${count}.`),
  heading: msg('Sudah dilaporkan?'),
  help: msg('Sedang ditangani instansi. Bila sama, pantau saja; bila berbeda, lanjutkan.'),
  follow: msg('Pantau laporan ini'),
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
  age: (iso: string) => formatAge(iso, new Date()),
});

export type SimilarTexts = ReturnType<typeof similarTexts>;
