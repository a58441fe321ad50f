import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Category, FieldError, Institution, ReportCreated } from '../../../contract';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_COUNT,
  type AttachmentProblem,
  attachmentProblem,
  extensionOf,
} from '../../../contract/attachments';
import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../../contract/limits';
import { findPersonalData, type PersonalDataKind } from '../../../contract/personal-data';
import { checkReport, INCIDENT_DATE_EARLIEST, REPORT_KINDS, type ReportKind } from '../../../contract/report-rules';
import { LaporErrorEvent } from '../events/lapor-error';
import { LaporSubmittedEvent } from '../events/lapor-submitted';
import { formatDate, formatSize } from '../internal/format';
import { HubError, underHub } from '../internal/hub-client';
import { LaporElement } from '../internal/lapor-element';
import { LatestRequest } from '../internal/latest-request';
import { getLocale } from '../internal/locale';
import {
  attachmentMessage,
  categoryNames,
  fieldMessage,
  hubErrorMessage,
  kindHelp,
  kindLabel,
} from '../internal/messages';
import { solveChallenge } from '../internal/proof-of-work';
import { isRefusedPage, refusedNotice, tellWebmaster } from '../internal/refused-page';
import { sharedStyles } from '../internal/shared.styles';
import { type DraftPlace, DraftStore, type PendingSend } from './draft';
import { FormClient } from './form-client';
import { CONTRACT_PATH, emptyValues, type FormField, type FormValues, toReportInput } from './form-values';
import { InstitutionSearch } from './institution-search';
import { formStyles } from './lapor-form.styles';
import { downloadReceipt, printReceipt } from './receipt-file';
import { RegionPicker } from './region-picker';
import { comparable } from './similar-question';
import type { SimilarReports } from './similar-reports';
import { similarTexts } from './similar-texts';

/** Seconds to wait before each automatic resend after a network failure. */
const RETRY_DELAYS = [3, 10, 30, 60];
const CHECKLIST_SIZE = 3;
/** Pause in typing after which the draft is saved. */
const DRAFT_DELAY_MS = 400;

type Sending = 'idle' | 'sending' | 'waiting' | 'failed';

interface ChosenFile {
  file: File;
  /** An object URL for an image's thumbnail, revoked when the file is removed. */
  preview?: string;
}

/**
 * An SP4N-LAPOR! report form: a visitor files a complaint, an aspiration or a
 * request for information with the hub, and receives a Tracking ID and a receipt.
 *
 * What the visitor types is kept as a draft in this browser until the hub
 * confirms the report, without their name and contact; for the life of the
 * tab only when anonim or rahasia is chosen, else for 7 days. A send that
 * fails for the network is retried with the same Idempotency-Key, so the hub
 * files it exactly once.
 *
 * @tagname lapor-form
 * @fires lapor-submitted - The hub accepted a report; `detail.trackingId` names it.
 * @fires lapor-error - A submission failed; `detail.code` and `detail.message` say why.
 * @csspart form - The form element.
 * @csspart field - Each field's wrapper.
 * @csspart field-error - A field's error message.
 * @csspart form-error - The message about the whole submission.
 * @csspart submit-button - The submit button.
 * @csspart success - The confirmation shown after submitting.
 * @csspart tracking-id - The Tracking ID in the confirmation.
 * @csspart receipt - The receipt in the confirmation.
 * @csspart tracker-link - The link into the tracker in the confirmation.
 * @csspart attachments - The list of chosen files.
 * @csspart upload-progress - The upload progress bar and its label.
 * @csspart retry-countdown - The countdown to the next automatic resend.
 * @csspart draft-notice - Where the draft is kept, with the button that forgets it.
 * @csspart institution-options - The institution combobox's list of matches.
 * @cssproperty --lapor-color-primary - Buttons, focus, accents and chosen options.
 * @cssproperty --lapor-color-on-primary - Text on primary-coloured buttons.
 * @cssproperty --lapor-color-text - Text.
 * @cssproperty --lapor-color-muted - Help text.
 * @cssproperty --lapor-color-surface - The element's background (transparent by default).
 * @cssproperty --lapor-color-input - Background of inputs and lists.
 * @cssproperty --lapor-color-border - Borders of inputs.
 * @cssproperty --lapor-color-error - Error text and invalid borders.
 * @cssproperty --lapor-color-notice - Background of error notices.
 * @cssproperty --lapor-color-info - Background of hints and restored-draft notices.
 * @cssproperty --lapor-color-focus - Focus outline.
 * @cssproperty --lapor-font-family - Text font; the page's by default.
 * @cssproperty --lapor-font-family-mono - Font of the Tracking ID and receipt.
 * @cssproperty --lapor-font-size - Base font size.
 * @cssproperty --lapor-radius - Corner radius of controls.
 * @cssproperty --lapor-max-width - Widest the element grows (40rem).
 */
export class LaporForm extends LaporElement {
  static override styles = [sharedStyles, formStyles];

  /** The key the hub's operator gave this website; its presets apply where no attribute sets them. */
  @property() site = '';
  /** Preset institution id (*instansi tujuan*). */
  @property() institution = '';
  /** Preset category id, which the visitor may change. */
  @property() category = '';
  /** Preset classification. */
  @property() kind: ReportKind = 'pengaduan';
  /** Keeps the preset institution fixed instead of offering a choice. */
  @property({ type: Boolean, attribute: 'lock-institution' }) lockInstitution = false;
  /** Address of the page holding `<lapor-tracker>`; defaults to this page when it has one, else the hub's `/lacak/`. */
  @property({ attribute: 'tracker-url' }) trackerUrl = '';

  @state() private values: FormValues = emptyValues();
  @state() private checklist: boolean[] = Array(CHECKLIST_SIZE).fill(false);
  @state() private errors: Record<string, FieldError> = {};
  @state() private formError = '';
  /** The hub refuses this page's website: the form cannot work here, and says so instead of being filled in vain. */
  @state() private refusal?: HubError;
  @state() private sending: Sending = 'idle';
  @state() private retryIn = 0;
  @state() private created?: ReportCreated;
  @state() private categories: Category[] = [];
  @state() private restoredDraft = false;
  /** Where the draft is kept now, shown to the visitor with a way to forget it. */
  @state() private draftPlace?: DraftPlace;
  @state() private copied = '';
  @state() private personalDataDismissed = false;
  @state() private files: ChosenFile[] = [];
  @state() private fileProblems: { name: string; problem: AttachmentProblem | 'too_many' }[] = [];
  @state() private progress?: number;

  @query('form') private formEl?: HTMLFormElement;
  @query('.success') private successEl?: HTMLElement;

  private readonly regionPicker = new RegionPicker(this, () => this.client());
  private readonly institutionSearch = new InstitutionSearch(this, () => this.client());
  /** Similar reports, loaded once there is something to compare (similar-reports.ts). */
  private similar?: SimilarReports;
  private similarLoading?: Promise<void>;
  private attempted = false;
  /** The hub's proof-of-work puzzle, solved in the background from the visitor's first click in the form. */
  private proof?: Promise<string | undefined>;
  private proofRetried = false;
  /** The send not yet confirmed: its key, and what it sent (whole, in memory only). */
  private pending?: PendingSend & { payload: string };
  /** A pending send restored from a draft, whose key a retry of the same content reuses. */
  private restoredPending?: PendingSend;
  private drafts?: DraftStore;
  private draftTimer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setInterval>;
  private failures = 0;
  private readonly categoryRequest = new LatestRequest();
  private readonly siteRequest = new LatestRequest();
  /** The site's institution, named in its configuration. */
  private siteInstitution?: { id: string; name: string };
  private personalData: PersonalDataKind[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    void this.loadCategories();
    void this.loadSiteConfig();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    this.categoryRequest.cancel();
    this.siteRequest.cancel();
    this.stopRetryTimer();
    this.flushDraft();
    for (const { preview } of this.files) if (preview) URL.revokeObjectURL(preview);
  }

  /** `changed` is untyped here because it also names private state. */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('kind') && REPORT_KINDS.includes(this.kind)) this.values = { ...this.values, kind: this.kind };
    if (changed.has('institution')) this.values = { ...this.values, institutionId: this.institution };
    if (changed.has('category')) this.values = { ...this.values, categoryId: this.category };
    if (changed.has('hub') || changed.has('institution')) this.restoreDraft();
    if (changed.has('institution') && this.hasUpdated) {
      this.institutionSearch.reset(this.values.institutionId, this.siteInstitution);
    }
    if (changed.has('values')) {
      const { title, body, locationText } = this.values;
      this.personalData = findPersonalData(`${title}\n${body}\n${locationText}`);
      if (!this.created) this.followSimilar();
    }
  }

  protected override firstUpdated(): void {
    void this.regionPicker.start(this.values.regionCode);
    void this.institutionSearch.preset(this.values.institutionId);
  }

  protected override render() {
    if (this.created) return this.renderSuccess(this.created);
    if (this.refusal) {
      return refusedNotice(this.refusal, {
        href: this.hostedFormLink(),
        label: msg('Buat laporan di halaman pengaduan hub'),
      });
    }
    return this.renderForm();
  }

  private renderForm() {
    const v = this.values;
    const busy = this.sending === 'sending' || this.sending === 'waiting';
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput}
        @focusin=${this.prepareProof}>
        ${
          this.restoredDraft
            ? html`<div class="info" role="status">
              <p>${msg('Draf laporan Anda sebelumnya telah dipulihkan.')}</p>
              <button type="button" class="secondary" @click=${this.discardDraft}>${msg('Hapus draf')}</button>
            </div>`
            : nothing
        }
        <fieldset part="field">
          <legend>${msg('Klasifikasi laporan')}</legend>
          <div class="choices">
            ${REPORT_KINDS.map(
              (kind) => html`
                <div class="choice">
                  <input type="radio" id="kind-${kind}" name="kind" .value=${kind} .checked=${v.kind === kind}
                    aria-describedby="kind-${kind}-help" />
                  <label for="kind-${kind}">${kindLabel(kind)}</label>
                  <p class="help" id="kind-${kind}-help">${kindHelp(kind)}</p>
                </div>
              `,
            )}
          </div>
        </fieldset>

        ${this.textField('title', msg('Judul laporan'), {
          help: msg('Inti permasalahan dalam satu kalimat.'),
          maxlength: TITLE_MAX_LENGTH,
        })}
        ${this.textField('body', msg('Isi laporan'), {
          help: msg(
            'Ceritakan kronologinya: apa yang terjadi, kapan, di mana, dan siapa yang terlibat. Gunakan bahasa yang baik; laporan berisi ujaran kebencian atau SARA tidak diproses.',
          ),
          multiline: true,
          maxlength: BODY_MAX_LENGTH,
        })}
        <p class="visually-hidden" role="status">${this.similar?.announcement() ?? ''}</p>
        ${this.similar?.render() ?? nothing}
        ${this.textField('incidentDate', msg('Tanggal kejadian'), {
          type: 'date',
          min: INCIDENT_DATE_EARLIEST,
          max: localToday(),
        })}
        ${this.textField('locationText', msg('Lokasi kejadian'), {
          help: msg('Semakin spesifik semakin baik, misalnya nama kantor, jalan, dan kota.'),
        })}
        ${this.renderRegion()} ${this.renderInstitution()} ${this.renderCategory()} ${this.renderAttachments()}
        ${this.renderPersonalDataHint()}
        ${this.toggle(
          'anonymous',
          msg('Anonim'),
          msg(
            'Nama dan kontak Anda tidak ditampilkan kepada pihak terlapor maupun publik. Hanya Anda (dengan kode bukti) dan pengelola yang dapat melihatnya.',
          ),
        )}
        ${this.toggle(
          'confidential',
          msg('Rahasia'),
          msg(
            'Isi laporan tidak ditampilkan kepada publik; hanya Anda dan instansi yang berwenang yang dapat membacanya. Pilih ini bila laporan memuat data pribadi seperti NIK.',
          ),
        )}

        <fieldset part="field">
          <legend>${msg('Kontak (opsional)')}</legend>
          <p class="help">
            ${msg(
              'Untuk mengabari Anda tentang perkembangan laporan. Email dan telepon tidak pernah ditampilkan kepada publik; pada laporan anonim, juga tidak kepada instansi.',
            )}
          </p>
          ${this.textField('name', msg('Nama'), {
            autocomplete: 'name',
            help: msg('Nama Anda ditampilkan kepada publik bersama laporan, kecuali Anda memilih Anonim atau Rahasia.'),
          })}
          ${this.textField('email', msg('Email'), { type: 'email', autocomplete: 'email' })}
          ${this.textField('phone', msg('Nomor telepon'), { type: 'tel', autocomplete: 'tel' })}
        </fieldset>

        ${this.renderChecklist()}

        <div class="honeypot" aria-hidden="true">
          <label for="website">Website</label>
          <input id="website" name="website" tabindex="-1" autocomplete="off" .value=${v.website} />
        </div>

        ${
          this.progress !== undefined && this.sending === 'sending'
            ? html`<div class="field" part="upload-progress">
              <label for="upload-progress">${msg('Mengunggah lampiran')}</label>
              <progress id="upload-progress" max="100" .value=${Math.round(this.progress * 100)}></progress>
              <span class="help">${Math.round(this.progress * 100)}%</span>
            </div>`
            : nothing
        }
        <div role="status" aria-live="polite">
          ${this.formError ? html`<p class="notice" part="form-error">${this.formError}</p>` : nothing}
        </div>
        ${
          this.sending === 'waiting'
            ? html`<p class="help" part="retry-countdown">${msg(str`Mencoba lagi dalam ${this.retryIn} detik.`)}</p>`
            : nothing
        }
        <div class="actions">
          <button type="submit" part="submit-button" ?disabled=${this.sending === 'sending'} aria-busy=${busy}>
            ${
              this.sending === 'sending'
                ? msg('Mengirim…')
                : this.sending === 'idle'
                  ? msg('Kirim laporan')
                  : msg('Kirim sekarang')
            }
          </button>
        </div>
        ${this.renderDraftPlace()}
      </form>
    `;
  }

  /** Says that a draft is kept, where and until when, without the visitor's name and contact; one click forgets it. */
  private renderDraftPlace() {
    const place = this.draftPlace;
    if (!place) return nothing;
    const where =
      place.where === 'tab'
        ? msg('Draf laporan ini disimpan di tab ini saja, tanpa nama dan kontak Anda, dan hilang saat tab ditutup.')
        : msg(
            str`Draf laporan ini disimpan di peramban ini, tanpa nama dan kontak Anda, sampai ${formatDate(localDateOf(place.until))}.`,
          );
    return html`<div class="draft-note" part="draft-notice">
      <p class="help">${where}</p>
      <button type="button" class="secondary" @click=${this.discardDraft}>${msg('Lupakan draf')}</button>
    </div>`;
  }

  private renderRegion() {
    const labels = [msg('Provinsi'), msg('Kabupaten/Kota'), msg('Kecamatan'), msg('Kelurahan/Desa')];
    const invalid = Boolean(this.errors['location.regionCode']);
    return html`<fieldset part="field" aria-describedby="region-help">
      <legend>${msg('Wilayah kejadian (opsional)')}</legend>
      <p class="help" id="region-help">${msg('Pilih sampai tingkat yang Anda ketahui.')}</p>
      ${this.regionPicker.levels.map(
        (level, depth) => html`<div class="field">
          <label for="region-${depth}">${labels[depth]}</label>
          <select id="region-${depth}" name="region-${depth}" aria-invalid=${invalid}
            @change=${(e: Event) => this.onRegion(depth, (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!level.selected}>${msg('Pilih')}</option>
            ${level.options.map(
              (region) =>
                html`<option value=${region.code} ?selected=${region.code === level.selected}>${region.name}</option>`,
            )}
          </select>
        </div>`,
      )}
      ${this.regionPicker.failed ? html`<p class="help">${msg('Daftar wilayah tidak dapat dimuat saat ini.')}</p>` : nothing}
      ${this.errorFor('regionCode')}
    </fieldset>`;
  }

  private renderInstitution(): TemplateResult {
    const search = this.institutionSearch;
    if (this.institution && this.lockInstitution) {
      return html`<div class="field" part="field">
        <span class="label" id="institution-label">${msg('Instansi tujuan')}</span>
        <p class="fixed" aria-labelledby="institution-label">${search.chosen?.name ?? this.institution}</p>
        ${this.errorFor('institutionId')}
      </div>`;
    }
    const invalid = Boolean(this.errors.institutionId);
    const describedBy = `institutionId-help${invalid ? ' institutionId-error' : ''}`;
    return html`<div class="field combobox" part="field" @focusout=${this.onInstitutionFocusOut}>
      <label for="institutionId">${msg('Instansi tujuan')}</label>
      <p class="help" id="institutionId-help">${msg('Ketik nama instansi yang berwenang, lalu pilih dari daftar.')}</p>
      <input id="institutionId" name="institution-search" role="combobox" autocomplete="off" aria-autocomplete="list"
        aria-expanded=${search.open} aria-controls="institution-options"
        aria-activedescendant=${search.active >= 0 ? `institution-option-${search.active}` : nothing}
        .value=${search.query} aria-invalid=${invalid} aria-describedby=${describedBy}
        @input=${this.onInstitutionInput} @keydown=${this.onInstitutionKey} />
      <ul role="listbox" id="institution-options" part="institution-options" aria-label=${msg('Instansi')} ?hidden=${!search.open}>
        ${search.options.map(
          (institution, n) => html`<li role="option" id="institution-option-${n}" aria-selected=${n === search.active}
            @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.pickInstitution(institution)}>
            ${institution.name}
          </li>`,
        )}
        ${
          search.open && !search.options.length
            ? html`<li role="option" aria-disabled="true" aria-selected="false">${msg('Tidak ada instansi yang cocok.')}</li>`
            : nothing
        }
      </ul>
      ${search.failed ? html`<p class="help">${msg('Daftar instansi tidak dapat dimuat saat ini.')}</p>` : nothing}
      ${this.errorFor('institutionId')}
    </div>`;
  }

  private renderCategory(): TemplateResult | typeof nothing {
    if (!this.categories.length) return nothing;
    const categories = categoryNames(this.categories);
    return this.selectField('categoryId', msg('Kategori (opsional)'), categories, msg('Tanpa kategori'));
  }

  private renderAttachments() {
    const invalid = this.fileProblems.length > 0;
    const full = this.files.length >= ATTACHMENT_MAX_COUNT;
    return html`<div class="field" part="field">
      <label for="attachments">${msg('Lampiran (opsional)')}</label>
      <p class="help" id="attachments-help">
        ${msg(str`Foto, PDF, dokumen Office, atau video pendek sebagai bukti; paling besar 2 MB per berkas, paling banyak ${ATTACHMENT_MAX_COUNT} berkas.`)}
      </p>
      <input type="file" id="attachments" multiple accept=${ATTACHMENT_ACCEPT} ?disabled=${full}
        aria-invalid=${invalid} aria-describedby="attachments-help${invalid ? ' attachments-error' : ''}"
        @change=${this.onFiles} />
      ${
        this.files.length
          ? html`<ul class="files" part="attachments">
            ${this.files.map(
              ({ file, preview }, i) => html`<li>
                ${
                  preview
                    ? html`<img src=${preview} alt="" width="48" height="48" />`
                    : html`<span class="file-type" aria-hidden="true">${extensionOf(file.name).toUpperCase()}</span>`
                }
                <span class="file-name">${file.name}</span>
                <span class="help">${formatSize(file.size)}</span>
                <button type="button" class="secondary" aria-label=${msg(str`Hapus lampiran ${file.name}`)}
                  @click=${() => this.removeFile(i)}>${msg('Hapus')}</button>
              </li>`,
            )}
          </ul>`
          : nothing
      }
      ${
        invalid
          ? html`<ul class="error" id="attachments-error" part="field-error">
            ${this.fileProblems.map(({ name, problem }) => html`<li>${attachmentMessage(name, problem)}</li>`)}
          </ul>`
          : nothing
      }
    </div>`;
  }

  private renderPersonalDataHint(): TemplateResult | typeof nothing {
    const { anonymous, confidential } = this.values;
    if (!this.personalData.length || (anonymous && confidential) || this.personalDataDismissed) return nothing;
    const labels = { nik: msg('NIK'), phone: msg('nomor telepon'), email: msg('alamat email') };
    const found = this.personalData.map((kind) => labels[kind]).join(', ');
    return html`<div class="info" role="status">
      <p>
        ${msg(str`Laporan Anda tampaknya memuat data pribadi (${found}). Sebaiknya pilih Anonim dan Rahasia agar data tersebut tidak terlihat oleh publik.`)}
      </p>
      <div class="actions">
        <button type="button" @click=${this.protectPersonalData}>${msg('Pilih Anonim dan Rahasia')}</button>
        <button type="button" class="secondary" @click=${() => {
          this.personalDataDismissed = true;
        }}>${msg('Abaikan')}</button>
      </div>
    </div>`;
  }

  private renderChecklist() {
    const statements = [
      msg('Laporan saya berkaitan dengan pelayanan publik atau kinerja pemerintah.'),
      msg('Laporan saya bukan ujaran kebencian, SARA, atau caci maki.'),
      msg('Laporan ini belum pernah saya sampaikan dan tidak sedang dalam proses penanganan.'),
    ];
    const invalid = Boolean(this.errors.checklist);
    return html`<fieldset class="checklist" part="field" aria-describedby=${invalid ? 'checklist-error' : nothing}>
      <legend>${msg('Sebelum mengirim, pastikan:')}</legend>
      ${statements.map(
        (text, i) => html`<div class="choice">
          <input type="checkbox" id="checklist-${i}" name="checklist" .checked=${this.checklist[i] ?? false}
            aria-invalid=${invalid && !this.checklist[i]} @change=${(e: Event) => this.onChecklist(i, e)} />
          <label for="checklist-${i}">${text}</label>
        </div>`,
      )}
      ${
        invalid
          ? html`<p class="error" id="checklist-error" part="field-error">${msg('Centang ketiga pernyataan ini sebelum mengirim.')}</p>`
          : nothing
      }
    </fieldset>`;
  }

  private renderSuccess(created: ReportCreated) {
    const trackerLink = this.trackerLink(created.trackingId);
    return html`
      <section class="success" part="success" tabindex="-1" aria-labelledby="success-title">
        <h2 id="success-title">${msg('Laporan Anda telah diterima')}</h2>
        <dl>
          <dt>${msg('Tracking ID')}</dt>
          <dd>
            <span class="code whole" part="tracking-id">${created.trackingId}</span>
            <button type="button" class="secondary" @click=${() => this.copy(created.trackingId, 'tracking-id')}>
              ${msg('Salin Tracking ID')}
            </button>
          </dd>
          <dt>${msg('Kode bukti')}</dt>
          <dd>
            <span class="code grouped" part="receipt">${inGroups(created.receipt).map((group) => html`<span>${group}</span>`)}</span>
            <button type="button" class="secondary" @click=${() => this.copy(created.receipt, 'receipt')}>
              ${msg('Salin kode bukti')}
            </button>
          </dd>
        </dl>
        <p>${msg('Gunakan Tracking ID ini untuk memantau perkembangan laporan.')}</p>
        <p class="help">
          ${msg(
            'Simpan kode bukti ini sekarang: kode ini hanya ditampilkan sekali. Dengan kode ini Anda dapat melihat laporan lengkap Anda dan menanggapinya.',
          )}
        </p>
        <p class="copied" role="status">${this.copied}</p>
        <div class="actions">
          <button type="button" @click=${() => downloadReceipt(created, trackerLink)}>${msg('Simpan bukti laporan')}</button>
          <button type="button" class="secondary" @click=${() => printReceipt(created, trackerLink)}>${msg('Cetak')}</button>
          <a href=${trackerLink} part="tracker-link">${msg('Pantau laporan ini')}</a>
        </div>
        <p>
          <button type="button" class="secondary" @click=${this.reset}>${msg('Buat laporan lain')}</button>
        </p>
      </section>
    `;
  }

  private textField(
    name: Exclude<FormField, 'kind' | 'institutionId' | 'categoryId'>,
    label: string,
    options: {
      help?: string;
      type?: string;
      multiline?: boolean;
      maxlength?: number;
      min?: string;
      max?: string;
      autocomplete?: string;
    } = {},
  ) {
    const value = this.values[name];
    const invalid = Boolean(this.errors[CONTRACT_PATH[name]]);
    const describedBy = [
      options.help && `${name}-help`,
      options.multiline && `${name}-count`,
      invalid && `${name}-error`,
    ]
      .filter(Boolean)
      .join(' ');
    const control = options.multiline
      ? html`<textarea id=${name} name=${name} .value=${value} maxlength=${options.maxlength ?? nothing}
          aria-invalid=${invalid} aria-describedby=${describedBy || nothing}></textarea>`
      : html`<input id=${name} name=${name} type=${options.type ?? 'text'} .value=${value}
          maxlength=${options.maxlength ?? nothing} min=${options.min ?? nothing} max=${options.max ?? nothing}
          autocomplete=${options.autocomplete ?? nothing} aria-invalid=${invalid}
          aria-describedby=${describedBy || nothing} />`;
    return html`<div class="field" part="field">
      <label for=${name}>${label}</label>
      ${options.help ? html`<p class="help" id="${name}-help">${options.help}</p>` : nothing} ${control}
      ${
        options.multiline
          ? html`<p class="help counter" id="${name}-count">${msg(str`${value.length} dari ${options.maxlength ?? 0} karakter`)}</p>`
          : nothing
      }
      ${this.errorFor(name)}
    </div>`;
  }

  private selectField(
    name: 'institutionId' | 'categoryId',
    label: string,
    items: readonly { id: string; name: string }[],
    placeholder: string,
  ) {
    const value = this.values[name];
    const invalid = Boolean(this.errors[CONTRACT_PATH[name]]);
    const unlisted = value && !items.some((i) => i.id === value);
    return html`<div class="field" part="field">
      <label for=${name}>${label}</label>
      <select id=${name} name=${name} aria-invalid=${invalid} aria-describedby=${invalid ? `${name}-error` : nothing}>
        <option value="" ?selected=${!value}>${placeholder}</option>
        ${unlisted ? html`<option value=${value} selected>${value}</option>` : nothing}
        ${items.map((i) => html`<option value=${i.id} ?selected=${i.id === value}>${i.name}</option>`)}
      </select>
      ${this.errorFor(name)}
    </div>`;
  }

  private toggle(name: 'anonymous' | 'confidential', label: string, help: string) {
    return html`<div class="field" part="field">
      <div class="choice">
        <input type="checkbox" id=${name} name=${name} .checked=${this.values[name]} aria-describedby="${name}-help" />
        <label for=${name}>${label}</label>
        <p class="help" id="${name}-help">${help}</p>
      </div>
    </div>`;
  }

  private errorFor(name: FormField) {
    const path = CONTRACT_PATH[name];
    const error = this.errors[path];
    if (!error) return nothing;
    const empty = String(this.values[name as keyof FormValues] ?? '').trim() === '';
    return html`<p class="error" id="${name}-error" part="field-error">${fieldMessage(path, error, empty)}</p>`;
  }

  private client(): FormClient {
    return new FormClient(this.hubUrl(), this.site);
  }

  /** Applies the site's presets to whatever the page's attributes leave open. */
  private async loadSiteConfig() {
    if (!this.site) return;
    await this.siteRequest.run(async (signal) => {
      const config = await this.client().siteConfig(signal);
      this.siteInstitution = config.institution;
      if (!this.institution) {
        this.institution = config.institution.id;
        this.lockInstitution ||= config.lockInstitution;
      }
      if (!this.category && config.category) this.category = config.category.id;
    });
  }

  private async loadCategories() {
    await this.categoryRequest.run(async (signal) => {
      this.categories = await this.client()
        .categories(signal)
        .catch((error) => this.refusedIf(error));
    });
  }

  private onInstitutionInput(event: Event) {
    this.institutionSearch.type((event.target as HTMLInputElement).value);
    this.setInstitution('');
  }

  private onInstitutionKey(event: KeyboardEvent) {
    const search = this.institutionSearch;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      search.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && search.open) {
      event.preventDefault(); // choosing, not submitting the form
      this.pickInstitution(
        search.options[search.active] ?? (search.options.length === 1 ? search.options[0] : undefined),
      );
    } else if (event.key === 'Escape' && search.open) {
      event.preventDefault();
      search.close();
    }
  }

  private onInstitutionFocusOut(event: FocusEvent) {
    const within = event.relatedTarget instanceof Node && (event.currentTarget as Node).contains(event.relatedTarget);
    if (!within) this.institutionSearch.close();
  }

  private pickInstitution(institution: Institution | undefined) {
    if (!institution) return;
    this.institutionSearch.choose(institution);
    this.setInstitution(institution.id);
  }

  private setInstitution(id: string) {
    this.values = { ...this.values, institutionId: id };
    if (this.attempted) this.errors = this.validate();
    this.scheduleDraft();
  }

  /**
   * Asks for similar reports as the visitor writes: the panel's code is
   * fetched the first time there is something to compare (never for a
   * report marked rahasia, whose words are never sent to be compared).
   */
  private followSimilar() {
    if (this.similar) {
      this.similar.consider(this.values);
      return;
    }
    if (this.similarLoading || !comparable(this.values)) return;
    this.similarLoading = import('./similar-reports')
      .then(({ SimilarReports }) => {
        this.similar = new SimilarReports(
          this,
          () => this.client(),
          (trackingId) => this.trackerLink(trackingId),
          similarTexts,
        );
        // The values as they are now: the visitor may have ticked Rahasia meanwhile.
        this.similar.consider(this.values);
      })
      // Offline: the next change tries again. Similar reports are a help, never a condition of sending.
      .catch(() => {
        this.similarLoading = undefined;
      });
  }

  /** The configured tracker page, else this page if it has a tracker, else the hub's own tracker page. */
  private trackerLink(trackingId: string): string {
    const hash = `#lapor=${encodeURIComponent(trackingId)}`;
    if (this.trackerUrl) return new URL(hash, new URL(this.trackerUrl, document.baseURI)).href;
    if (document.querySelector('lapor-tracker')) return new URL(hash, window.location.href).href;
    return new URL(`lacak/${hash}`, new URL(this.hubUrl(), document.baseURI)).href;
  }

  private onInput(event: Event) {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const name = target.name as keyof FormValues;
    if (!(name in this.values)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    this.values = { ...this.values, [name]: value };
    if (this.attempted) this.errors = this.validate();
    this.scheduleDraft();
  }

  private onRegion(depth: number, code: string) {
    // The choice counts at once; the next level's options load behind it.
    void this.regionPicker.choose(depth, code);
    this.values = { ...this.values, regionCode: this.regionPicker.code };
    if (this.attempted) this.errors = this.validate();
    this.scheduleDraft();
  }

  private onFiles(event: Event) {
    const input = event.target as HTMLInputElement;
    const problems: typeof this.fileProblems = [];
    const added: ChosenFile[] = [];
    for (const file of input.files ?? []) {
      const problem = attachmentProblem(file);
      if (problem) problems.push({ name: file.name, problem });
      else if (this.files.length + added.length >= ATTACHMENT_MAX_COUNT)
        problems.push({ name: file.name, problem: 'too_many' });
      else added.push({ file, preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined });
    }
    this.files = [...this.files, ...added];
    this.fileProblems = problems;
    input.value = ''; // lets the same file be chosen again after removing it
  }

  private removeFile(index: number) {
    const [removed] = this.files.splice(index, 1);
    if (removed?.preview) URL.revokeObjectURL(removed.preview);
    this.files = [...this.files];
    this.fileProblems = [];
    this.renderRoot.querySelector<HTMLInputElement>('#attachments')?.focus();
  }

  private onChecklist(index: number, event: Event) {
    this.checklist = this.checklist.map((checked, i) =>
      i === index ? (event.target as HTMLInputElement).checked : checked,
    );
    if (this.attempted) this.errors = this.validate();
  }

  private protectPersonalData() {
    this.values = { ...this.values, anonymous: true, confidential: true };
    this.scheduleDraft();
  }

  private validate(): Record<string, FieldError> {
    const errors = checkReport(toReportInput(this.values));
    if (this.checklist.some((checked) => !checked)) errors.checklist = { code: 'unchecked', message: 'unchecked' };
    return errors;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.sending === 'sending') return;
    this.attempted = true;
    this.errors = this.validate();
    if (Object.keys(this.errors).length) {
      this.fail(new HubError('validation_failed', 'invalid fields'));
      await this.focusFirstError();
      return;
    }
    this.failures = 0;
    this.proofRetried = false;
    await this.send();
  }

  private prepareProof() {
    this.proof ??= this.solveProof();
  }

  private async solveProof(): Promise<string | undefined> {
    try {
      const challenge = await this.client().challenge();
      return challenge ? await solveChallenge(challenge) : undefined;
    } catch {
      return undefined; // the send itself will say what is wrong with the connection
    }
  }

  private readonly onOnline = () => {
    if (this.sending === 'waiting' || this.sending === 'failed') void this.send();
  };

  /** Sends the report; a retry of unchanged content reuses the Idempotency-Key so the hub files it once. */
  private async send(): Promise<void> {
    this.stopRetryTimer();
    // The reporter's language, for the emails the hub will send them.
    const report = { ...toReportInput(this.values), locale: getLocale() as 'id' | 'en' };
    const files = this.files.map(({ file }) => file);
    const fileList = files.map((f) => [f.name, f.size, f.lastModified]);
    const payload = JSON.stringify([report, fileList]);
    if (this.pending?.payload !== payload) {
      // After a reload, the name and contact are typed again: the same content resends under the same key.
      const content = JSON.stringify([{ ...report, reporter: undefined }, fileList]);
      const idempotencyKey =
        this.restoredPending?.content === content ? this.restoredPending.idempotencyKey : newIdempotencyKey();
      this.pending = { idempotencyKey, content, payload };
      this.restoredPending = undefined;
    }
    const { idempotencyKey } = this.pending;
    this.flushDraft();
    this.sending = 'sending';
    this.formError = '';
    try {
      this.prepareProof();
      const proof = await this.proof;
      this.progress = files.length ? 0 : undefined;
      const created = await this.client().submitReport(report, idempotencyKey, {
        proof,
        files,
        onProgress: (fraction) => {
          this.progress = fraction;
        },
      });
      await this.succeed(created);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      this.progress = undefined;
      if (error.code.startsWith('challenge_')) {
        // The puzzle expired, was used, or could not be fetched: solve a new one and send again, once.
        this.proof = undefined;
        if (!this.proofRetried) {
          this.proofRetried = true;
          return this.send();
        }
      }
      this.fail(error);
      if (error.retryable) {
        this.scheduleRetry();
      } else {
        this.sending = 'idle';
        this.errors = error.fields;
        this.fileProblems = Object.entries(error.fields)
          .filter(([path]) => path.startsWith('attachments'))
          .map(([path, { code }]) => ({
            name: this.files[Number(path.split('.')[1])]?.file.name ?? '',
            problem: code as AttachmentProblem,
          }));
        if (Object.keys(error.fields).length) await this.focusFirstError();
      }
    }
  }

  private async succeed(created: ReportCreated) {
    this.progress = undefined;
    this.proof = undefined;
    this.drafts?.clear();
    this.draftPlace = undefined;
    this.pending = undefined;
    this.restoredPending = undefined;
    this.sending = 'idle';
    this.restoredDraft = false;
    this.created = created;
    this.dispatchEvent(new LaporSubmittedEvent(created));
    await this.updateComplete;
    this.successEl?.focus();
  }

  /** Rethrows `error`, after turning the form into a notice when it says the hub refuses this page. */
  private refusedIf(error: unknown): never {
    if (isRefusedPage(error)) {
      tellWebmaster('lapor-form', this.hubUrl(), this.site);
      this.refusal = error;
    }
    throw error;
  }

  /** The hub's own form page, preset like this form: where a visitor can report when this page cannot. */
  private hostedFormLink(): string {
    const link = underHub(this.hubUrl(), 'lapor/');
    const presets = { site: this.site, institution: this.institution, category: this.category };
    for (const [name, value] of Object.entries(presets)) if (value) link.searchParams.set(name, value);
    return link.href;
  }

  private fail(error: HubError) {
    if (isRefusedPage(error)) tellWebmaster('lapor-form', this.hubUrl(), this.site);
    const message = hubErrorMessage(error);
    this.formError = message;
    this.dispatchEvent(new LaporErrorEvent(error.code, message));
  }

  private scheduleRetry() {
    const delay = RETRY_DELAYS[this.failures];
    this.failures++;
    if (delay === undefined) {
      this.sending = 'failed';
      this.formError = msg(
        'Laporan belum terkirim dan tersimpan sebagai draf di perangkat ini. Kirim lagi saat koneksi pulih.',
      );
      return;
    }
    this.sending = 'waiting';
    this.retryIn = delay;
    this.formError = msg('Laporan belum terkirim karena koneksi bermasalah; isian Anda aman dan akan dikirim ulang.');
    this.retryTimer = setInterval(() => {
      this.retryIn--;
      if (this.retryIn <= 0) void this.send();
    }, 1000);
  }

  private stopRetryTimer() {
    clearInterval(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async focusFirstError() {
    await this.updateComplete;
    this.formEl?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async copy(text: string, what: 'tracking-id' | 'receipt') {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = what === 'receipt' ? msg('Kode bukti disalin.') : msg('Tracking ID disalin.');
    } catch {
      this.copied = msg('Tidak dapat menyalin; pilih teksnya lalu salin secara manual.');
    }
  }

  private restoreDraft() {
    this.drafts = new DraftStore(this.hubUrl(), this.institution);
    const draft = this.drafts.load();
    if (!draft || this.created) return;
    this.values = {
      ...emptyValues(),
      ...draft.values,
      ...(this.lockInstitution && { institutionId: this.institution }),
    };
    this.restoredPending = draft.pending;
    this.draftPlace = this.drafts.place(draft);
    this.restoredDraft = true;
  }

  private scheduleDraft() {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flushDraft(), DRAFT_DELAY_MS);
  }

  private flushDraft() {
    clearTimeout(this.draftTimer);
    if (this.created) return;
    const { title, body, locationText, incidentDate } = this.values;
    const typed = [title, body, locationText, incidentDate].some((text) => text.trim());
    const pending = this.pending ?? this.restoredPending;
    if (typed || pending) {
      this.draftPlace = this.drafts?.save(
        this.values,
        pending && { idempotencyKey: pending.idempotencyKey, content: pending.content },
      );
    }
  }

  private discardDraft() {
    this.drafts?.clear();
    this.draftPlace = undefined;
    this.pending = undefined;
    this.restoredPending = undefined;
    this.restoredDraft = false;
    this.values = this.presetValues();
    void this.regionPicker.start();
    this.institutionSearch.reset(this.institution);
  }

  private reset() {
    this.created = undefined;
    this.attempted = false;
    this.errors = {};
    this.formError = '';
    this.copied = '';
    this.checklist = Array(CHECKLIST_SIZE).fill(false);
    this.personalDataDismissed = false;
    for (const { preview } of this.files) if (preview) URL.revokeObjectURL(preview);
    this.files = [];
    this.fileProblems = [];
    this.values = this.presetValues();
    void this.regionPicker.start();
  }

  private presetValues(): FormValues {
    return { ...emptyValues(), kind: this.kind, institutionId: this.institution, categoryId: this.category };
  }
}

/**
 * The receipt in groups of four, for a person copying it by hand: a line may
 * break between groups, never inside one (a break at one of its hyphens reads
 * as part of the code). Copied by selection, the groups join without spaces.
 */
function inGroups(code: string): string[] {
  return code.match(/.{1,4}/g) ?? [];
}

/** 128 random bits; `crypto.randomUUID` would need a secure context, which not every institution's site is. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The visitor's own calendar date, for the date picker's upper bound. */
function localToday(): string {
  return localDateOf(new Date());
}

/** The calendar date of an instant where the visitor is. */
function localDateOf(instant: Date): string {
  return new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

declare global {
  interface HTMLElementTagNameMap {
    'lapor-form': LaporForm;
  }
}
