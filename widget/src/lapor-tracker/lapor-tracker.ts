import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AttachmentRef, ReportView, TimelineEntry } from '../../../contract';
import { parseTrackingId } from '../../../contract/tracking-id';
import { LaporTrackedEvent } from '../events/lapor-tracked';
import { formatDate, formatDateTime } from '../internal/format';
import { HubError, underHub } from '../internal/hub-client';
import { LaporElement } from '../internal/lapor-element';
import {
  categoryName,
  deadlineLabel,
  kindLabel,
  referenceLabel,
  statusLabel,
  trackingIdMessage,
  workingDaysLeft,
} from '../internal/messages';
import { isRefusedPage, tellWebmaster } from '../internal/refused-page';
import { saveFile } from '../internal/save-file';
import { sharedStyles } from '../internal/shared.styles';
import { trackerStyles } from './lapor-tracker.styles';
import { renderAttachments } from './report-attachments';
import { type ActionName, actionBody, renderReporterActions } from './reporter-actions';
import { TrackerClient } from './tracker-client';
import { trackerErrorMessage } from './tracker-messages';

/**
 * Looks a report up by its Tracking ID and shows where it stands. With the
 * receipt, the reporter sees the whole report, including what the public may not.
 *
 * A link ending in `#lapor=LPR-…` opens that report directly.
 *
 * @tagname lapor-tracker
 * @fires lapor-tracked - A report was found; `detail` names it, its status and the view shown.
 * @csspart form - The lookup form.
 * @csspart lookup-button - The lookup button.
 * @csspart report - The report found.
 * @csspart status - The report's current status.
 * @csspart duplicate-of - Where a report found to repeat an earlier one points to that one.
 * @csspart timeline - The list of the report's events.
 * @csspart reporter-actions - The reporter's reply, reopen and rating forms (with the receipt).
 * @csspart deadline - A deadline and the working days left; it has the class `overdue` once passed.
 * @csspart attachments - The list of attachments the viewer may open.
 * @csspart skeleton - The placeholder shown while a report loads.
 * @csspart problem - Why a report could not be shown: not found, too many requests, offline.
 * @csspart retry-button - Tries the lookup again after a network failure or a rate limit.
 * @cssproperty --lapor-color-primary - Buttons, focus, accents and the status.
 * @cssproperty --lapor-color-on-primary - Text on primary-coloured buttons.
 * @cssproperty --lapor-color-text - Text.
 * @cssproperty --lapor-color-muted - Help text and dates.
 * @cssproperty --lapor-color-border - Borders of inputs and the timeline.
 * @cssproperty --lapor-color-error - Error text.
 * @cssproperty --lapor-font-family - Text font; the page's by default.
 * @cssproperty --lapor-radius - Corner radius of controls.
 */
export class LaporTracker extends LaporElement {
  static override styles = [sharedStyles, trackerStyles];

  /** A Tracking ID to show at once. */
  @property({ attribute: 'tracking-id' }) trackingId = '';

  @state() private typedId = '';
  @state() private receipt = '';
  @state() private idError = '';
  @state() private problem?: HubError;
  @state() private attachmentError = '';
  @state() private loading = false;
  @state() private view?: ReportView;
  @state() private action = { busy: false, done: '', error: '' };

  @query('#tracking-id') private idInput?: HTMLInputElement;

  private abort?: AbortController;
  /** Whether the report being looked up was asked for by a link, and should be scrolled to and focused once shown. */
  private showWhenFound = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const fromLink = trackingIdInLink();
    if (!this.trackingId && fromLink) {
      this.trackingId = fromLink;
      this.showWhenFound = true;
    }
    window.addEventListener('online', this.onOnline);
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /**
   * A `#lapor=…` link followed on this page (the form's "Pantau laporan ini",
   * a link in an email opened in the same tab): look that report up, then
   * bring it into view and focus it, as a page load with the link would.
   */
  private readonly onHashChange = () => {
    const fromLink = trackingIdInLink();
    if (!fromLink) return;
    this.showWhenFound = true;
    if (fromLink === this.trackingId) void this.lookup();
    else this.trackingId = fromLink;
  };

  /** Back online after a lookup failed for want of a network: try again without being asked. */
  private readonly onOnline = () => {
    if (this.problem?.code === 'network') void this.lookup();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('trackingId') && this.trackingId) {
      this.typedId = this.trackingId;
      void this.lookup();
    }
  }

  protected override render() {
    return html`
      <form part="form" novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="tracking-id">${msg('Tracking ID')}</label>
          <input id="tracking-id" name="trackingId" .value=${this.typedId} autocomplete="off" spellcheck="false"
            autocapitalize="characters" placeholder="LPR-XXXX-XXXX-X" aria-invalid=${Boolean(this.idError)}
            aria-describedby=${this.idError ? 'tracking-id-error' : nothing}
            @input=${(e: Event) => {
              this.typedId = (e.target as HTMLInputElement).value;
            }} />
          ${this.idError ? html`<p class="error" id="tracking-id-error">${this.idError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="receipt">${msg('Kode bukti (opsional)')}</label>
          <p class="help" id="receipt-help">${msg('Isi bila Anda pelapornya, untuk melihat laporan lengkap Anda.')}</p>
          <input id="receipt" name="receipt" .value=${this.receipt} autocomplete="off" spellcheck="false"
            aria-describedby="receipt-help" @input=${(e: Event) => {
              this.receipt = (e.target as HTMLInputElement).value;
            }} />
        </div>
        <div class="field">
          <label for="receipt-file">${msg('Atau muat berkas bukti laporan yang Anda simpan')}</label>
          <input id="receipt-file" type="file" accept=".txt,text/plain" @change=${this.loadReceiptFile} />
        </div>
        <button type="submit" part="lookup-button" ?disabled=${this.loading}>${msg('Lihat status')}</button>
      </form>
      <div aria-live="polite" aria-busy=${this.loading}>
        ${
          this.loading
            ? html`<p class="visually-hidden">${msg('Memuat laporan…')}</p>
                <div class="skeleton" part="skeleton" aria-hidden="true">
                  <div></div><div></div><div></div><div></div><div></div>
                </div>`
            : nothing
        }
        ${this.problem ? this.renderProblem(this.problem) : nothing}
        ${this.view && !this.loading ? this.renderReport(this.view) : nothing}
      </div>
    `;
  }

  private renderReport(view: ReportView) {
    return html`
      <article class="report" part="report" aria-labelledby="report-title">
        <h2 id="report-title" tabindex="-1">${view.title ?? msg('Laporan rahasia')}</h2>
        ${
          view.duplicateOf
            ? html`<p class="info" part="duplicate-of">
                ${msg('Laporan ini sama dengan laporan yang lebih dulu masuk; yang itu yang ditangani.')}
                <a href=${`#lapor=${encodeURIComponent(view.duplicateOf)}`}>${msg(str`Lihat laporan ${view.duplicateOf}`)}</a>
              </p>`
            : nothing
        }
        <dl>
          <dt>${msg('Tracking ID')}</dt>
          <dd class="code">${view.trackingId}</dd>
          <dt>${msg('Status')}</dt>
          <dd part="status" class="status">${statusLabel(view.status, view.sentTo)}</dd>
          ${[view.deadline, view.resolution].map((deadline) =>
            deadline
              ? html`<dt>${deadlineLabel(deadline.kind)}</dt>
                  <dd part="deadline" class=${deadline.overdue ? 'overdue' : ''}>
                    ${formatDate(deadline.due)} — ${workingDaysLeft(deadline)}
                  </dd>`
              : nothing,
          )}
          <dt>${msg('Klasifikasi')}</dt>
          <dd>${kindLabel(view.kind)}</dd>
          <dt>${msg('Instansi')}</dt>
          <dd>${view.institution.name}</dd>
          ${view.category ? html`<dt>${msg('Kategori')}</dt><dd>${categoryName(view.category)}</dd>` : nothing}
          ${view.incidentDate ? html`<dt>${msg('Tanggal kejadian')}</dt><dd>${formatDate(view.incidentDate)}</dd>` : nothing}
          ${view.location ? html`<dt>${msg('Lokasi kejadian')}</dt><dd>${view.location.text}</dd>` : nothing}
          ${view.reporter?.name ? html`<dt>${msg('Pelapor')}</dt><dd>${view.reporter.name}</dd>` : nothing}
        </dl>
        ${view.body ? html`<p class="body">${view.body}</p>` : nothing}
        ${
          view.confidential && view.viewer === 'public'
            ? html`<p class="help">${msg('Isi laporan ini dirahasiakan; hanya perkembangannya yang ditampilkan.')}</p>`
            : nothing
        }
        ${renderAttachments(view, this.client(), (ref) => void this.openAttachment(ref))}
        ${this.attachmentError ? html`<p class="notice" role="alert">${this.attachmentError}</p>` : nothing}
        <h3>${msg('Riwayat')}</h3>
        <ol class="timeline" part="timeline">
          ${view.timeline.map((entry) => this.renderEntry(entry, view.sentTo))}
        </ol>
        ${renderReporterActions(view, this.action, (action, form) => void this.act(action, form))}
      </article>
    `;
  }

  /**
   * Why no report is shown, and what the visitor can do: correct the ID, wait
   * out a rate limit, or reconnect (offline, the lookup reruns by itself).
   */
  private renderProblem(problem: HubError) {
    const offline = problem.code === 'network' && !navigator.onLine;
    const retry = problem.retryable || problem.code === 'rate_limited';
    return html`<div class="notice" part="problem" role="alert" tabindex="-1">
      <p>
        ${
          offline
            ? msg('Perangkat Anda sedang offline. Status laporan akan dimuat begitu koneksi kembali.')
            : trackerErrorMessage(problem)
        }
      </p>
      ${
        problem.code === 'origin_not_allowed'
          ? html`<p><a href=${this.hubTrackerLink()}>${msg('Lacak laporan di halaman hub')}</a></p>`
          : nothing
      }
      ${
        problem.code === 'not_found'
          ? html`<p>${msg('Periksa Tracking ID pada bukti laporan Anda; laporan yang baru dikirim langsung dapat dicari.')}</p>`
          : nothing
      }
      ${
        retry && !offline
          ? html`<button type="button" class="secondary" part="retry-button" @click=${() => void this.lookup()}>
            ${msg('Coba lagi')}
          </button>`
          : nothing
      }
    </div>`;
  }

  /** Fetches a confidential report's attachment with the receipt and hands it to the browser. */
  private async openAttachment(ref: AttachmentRef) {
    this.attachmentError = '';
    try {
      saveFile(await this.client().attachment(ref, receiptAsTyped(this.receipt)), ref.name);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      this.attachmentError = trackerErrorMessage(error);
    }
  }

  /** The hub's own tracker page, for the report asked about: where a visitor can look when this page cannot. */
  private hubTrackerLink(): string {
    const page = underHub(this.hubUrl(), 'lacak/');
    page.hash = `lapor=${encodeURIComponent(this.typedId.trim())}`;
    return page.href;
  }

  private client(): TrackerClient {
    return new TrackerClient(this.hubUrl());
  }

  private renderEntry(entry: TimelineEntry, sentTo: ReportView['sentTo']) {
    const what = entry.status
      ? statusLabel(entry.status, sentTo)
      : entry.type === 'duplicate'
        ? msg(str`Sama dengan laporan ${entry.reference ?? ''}`)
        : entry.type === 'rating'
          ? msg(str`Penilaian pelapor: ${entry.rating ?? 0} dari 5`)
          : entry.actor === 'reporter'
            ? msg('Balasan pelapor')
            : msg('Tanggapan');
    return html`<li>
      <time datetime=${entry.at}>${formatDateTime(entry.at)}</time>
      <span>${what}${entry.institution ? `: ${entry.institution.name}` : ''}</span>
      ${entry.reference && entry.type !== 'duplicate' ? html`<p>${referenceLabel(entry.reference, sentTo)}</p>` : nothing}
      ${entry.note ? html`<p>${entry.note}</p>` : nothing}
    </li>`;
  }

  /** Sends a reporter's action with the receipt, shows the report as it now stands, and says what happened. */
  private async act(action: ActionName, form: HTMLFormElement) {
    if (!this.view) return;
    this.action = { busy: true, done: '', error: '' };
    try {
      this.view = await this.client().act(
        this.view.trackingId,
        receiptAsTyped(this.receipt),
        action,
        actionBody(action, form),
      );
      const done = {
        comments: msg('Balasan Anda telah dikirim dan diteruskan ke instansi.'),
        reopen: msg('Laporan Anda dibuka kembali dan diteruskan ke instansi.'),
        rating: msg('Terima kasih atas penilaian Anda.'),
      };
      this.action = { busy: false, done: done[action], error: '' };
      form.reset();
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      this.action = { busy: false, done: '', error: trackerErrorMessage(error) };
    }
  }

  /**
   * Reads the receipt file the form offered for download: its Tracking ID and
   * receipt fill the fields, and the report opens. Nothing of it is stored.
   */
  private async loadReceiptFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const text = (await input.files?.[0]?.text()) ?? '';
    input.value = '';
    const trackingId = /LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/.exec(text)?.[0];
    const receipt = /(?:^|\s)([A-Za-z0-9_-]{43})(?:\s|$)/.exec(text)?.[1];
    if (!trackingId || !receipt) {
      this.idError = msg('Berkas ini bukan berkas bukti laporan.');
      return;
    }
    this.typedId = trackingId;
    this.receipt = receipt;
    await this.lookup();
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.lookup();
  }

  private async lookup() {
    this.problem = undefined;
    this.attachmentError = '';
    const typed = this.typedId.trim();
    const parsed = typed ? parseTrackingId(typed) : ({ ok: false, reason: 'empty' } as const);
    if (!parsed.ok) {
      this.showWhenFound = false; // focusing the ID's field below brings it into view
      this.idError = trackingIdMessage(parsed.reason);
      this.view = undefined;
      await this.updateComplete;
      this.idInput?.focus();
      return;
    }
    this.idError = '';
    this.typedId = parsed.trackingId;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.loading = true;
    try {
      this.view = await this.client().report(
        parsed.trackingId,
        receiptAsTyped(this.receipt) || undefined,
        abort.signal,
      );
      this.dispatchEvent(new LaporTrackedEvent(this.view));
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!(error instanceof HubError)) throw error;
      if (isRefusedPage(error)) tellWebmaster('lapor-tracker', this.hubUrl(), '');
      this.view = undefined;
      this.problem = error;
    } finally {
      if (this.abort === abort) this.loading = false;
    }
    if (this.showWhenFound) await this.bringIntoView();
  }

  /** Scrolls to the report and focuses its title (or, when it was not found, to why). */
  private async bringIntoView() {
    this.showWhenFound = false;
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>('#report-title, [part=problem]');
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }
}

/** A receipt as typed or pasted: copied from the grouped confirmation, it may hold spaces and line breaks between groups. */
function receiptAsTyped(receipt: string): string {
  return receipt.replace(/\s+/g, '');
}

/** The Tracking ID a `#lapor=LPR-…` link names, if the page's address ends in one. */
function trackingIdInLink(): string | undefined {
  const fromLink = /^#lapor=([^&]+)/.exec(window.location.hash)?.[1];
  if (!fromLink) return undefined;
  try {
    return decodeURIComponent(fromLink);
  } catch {
    return fromLink; // a malformed escape: the lookup says the ID is wrong
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lapor-tracker': LaporTracker;
  }
}
