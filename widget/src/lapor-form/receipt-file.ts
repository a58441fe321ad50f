import { msg, str } from '@lit/localize';
import type { ReportCreated } from '../../../contract';
import { formatDateTime } from '../internal/format';
import { saveFile } from '../internal/save-file';

/** The receipt as a short text the reporter keeps: what it is, the two codes, where to track, and when. */
export function receiptText(created: ReportCreated, trackerUrl: string): string {
  return [
    msg('Bukti laporan SP4N-LAPOR!'),
    '',
    `${msg('Tracking ID')}: ${created.trackingId}`,
    `${msg('Kode bukti')}: ${created.receipt}`,
    `${msg('Dikirim')}: ${formatDateTime(created.createdAt)}`,
    `${msg('Pantau laporan')}: ${trackerUrl}`,
    '',
    msg(
      'Simpan berkas ini di tempat yang aman. Siapa pun yang memegang kode bukti dapat melihat laporan lengkap Anda dan menanggapinya atas nama Anda.',
    ),
    '',
  ].join('\n');
}

/** Offers the receipt as a download, `laporan-LPR-….txt`. */
export function downloadReceipt(created: ReportCreated, trackerUrl: string): void {
  saveFile(
    new Blob([receiptText(created, trackerUrl)], { type: 'text/plain;charset=utf-8' }),
    msg(str`laporan-${created.trackingId}.txt`),
  );
}

/**
 * Prints the receipt alone, not the whole page: it is laid out in a hidden
 * frame and printed from there. The frame holds no script, so a strict
 * Content-Security-Policy on the page does not stand in the way.
 */
export function printReceipt(created: ReportCreated, trackerUrl: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;opacity:0';
  document.body.append(frame);
  const doc = frame.contentDocument;
  if (!doc || !frame.contentWindow) {
    frame.remove();
    return;
  }
  const pre = doc.createElement('pre');
  pre.textContent = receiptText(created, trackerUrl);
  pre.style.cssText = 'font:12pt/1.5 monospace;white-space:pre-wrap';
  doc.body.append(pre);
  frame.contentWindow.addEventListener('afterprint', () => frame.remove(), { once: true });
  frame.contentWindow.focus();
  frame.contentWindow.print();
}
