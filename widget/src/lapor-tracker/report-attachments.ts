import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { AttachmentRef, ReportView } from '../../../contract';
import { formatSize } from '../internal/format';
import type { TrackerClient } from './tracker-client';

/**
 * The attachments the hub let this viewer see. Those of a public report are
 * plain links; a confidential report's are fetched with the receipt (which no
 * link can carry) and handed to the browser as a download.
 */
export function renderAttachments(view: ReportView, client: TrackerClient, open: (ref: AttachmentRef) => void) {
  if (!view.attachments?.length) return nothing;
  return html`<h3>${msg('Lampiran')}</h3>
    <ul class="attachments" part="attachments">
      ${view.attachments.map(
        (ref) => html`<li>
          ${
            view.confidential
              ? html`<button type="button" class="link" @click=${() => open(ref)}>${ref.name}</button>`
              : html`<a href=${client.attachmentUrl(ref)} download=${ref.name}>${ref.name}</a>`
          }
          <span class="help">${formatSize(ref.size)}</span>
        </li>`,
      )}
    </ul>`;
}
