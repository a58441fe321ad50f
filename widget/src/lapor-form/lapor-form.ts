import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  BODY_MAX_LENGTH,
  type Category,
  type FieldError,
  type Institution,
  REPORT_KINDS,
  type ReportCreated,
  type ReportKind,
  reportInputSchema,
  TITLE_MAX_LENGTH,
  toFieldErrors,
} from '../../../contract';
import { LaporSubmittedEvent } from '../events/lapor-submitted';
import { defaultHubUrl, HubClient, HubError } from '../internal/hub-client';
import { useLanguage } from '../internal/locale';
import { fieldMessage, hubErrorMessage, kindHelp, kindLabel } from '../internal/messages';
import { sharedStyles } from '../internal/shared.styles';
import { CONTRACT_PATH, type FormField, type FormValues, toReportInput } from './form-values';
import { formStyles } from './lapor-form.styles';

/**
 * An SP4N-LAPOR! report form: a visitor files a complaint, an aspiration or a
 * request for information with the hub, and receives a Tracking ID.
 *
 * The page's `lang` (or the element's own) picks Indonesian or English.
 *
 * @fires lapor-submitted - The hub accepted a report; `detail.trackingId` names it.
 * @csspart form - The form element.
 * @csspart field - Each field's wrapper.
 * @csspart submit-button - The submit button.
 * @csspart success - The confirmation shown after submitting.
 * @csspart tracking-id - The Tracking ID in the confirmation.
 * @csspart receipt - The receipt in the confirmation.
 * @cssproperty --lapor-color-primary - Buttons, focus and accents.
 * @cssproperty --lapor-color-error - Error text and invalid borders.
 * @cssproperty --lapor-font-family - Text font.
 * @cssproperty --lapor-radius - Corner radius of controls.
 */
export class LaporForm extends LitElement {
  static override styles = [sharedStyles, formStyles];

  /** Base URL of the hub; defaults to the hub the script was loaded from. */
  @property() hub = '';
  /** Preset institution id (`instansi tujuan`). */
  @property() institution = '';
  /** Preset category id. */
  @property() category = '';
  /** Preset classification. */
  @property() kind: ReportKind = 'pengaduan';
  /** Keeps the preset institution fixed instead of offering a choice. */
  @property({ type: Boolean, attribute: 'lock-institution', reflect: true }) lockInstitution = false;

  @state() private values: FormValues = emptyValues();
  @state() private errors: Record<string, FieldError> = {};
  @state() private formError = '';
  @state() private submitting = false;
  @state() private created?: ReportCreated;
  @state() private institutions: Institution[] = [];
  @state() private categories: Category[] = [];
  @state() private directoryFailed = false;

  @query('form') private formEl?: HTMLFormElement;
  @query('.success') private successEl?: HTMLElement;

  private attempted = false;
  private directoryAbort?: AbortController;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void useLanguage(this.closest('[lang]')?.getAttribute('lang'));
    void this.loadDirectory();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.directoryAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kind') && REPORT_KINDS.includes(this.kind)) this.values = { ...this.values, kind: this.kind };
    if (changed.has('institution')) this.values = { ...this.values, institutionId: this.institution };
    if (changed.has('category')) this.values = { ...this.values, categoryId: this.category };
  }

  protected override render() {
    return this.created ? this.renderSuccess(this.created) : this.renderForm();
  }

  private renderForm() {
    const v = this.values;
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput}>
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
        ${this.textField('incidentDate', msg('Tanggal kejadian'), { type: 'date', max: localToday() })}
        ${this.textField('locationText', msg('Lokasi kejadian'), {
          help: msg('Semakin spesifik semakin baik, misalnya nama kantor, jalan, dan kota.'),
        })}
        ${this.renderInstitution()} ${this.renderCategory()}

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
          <p class="help">${msg(
            'Untuk mengabari Anda tentang perkembangan laporan. Pada laporan anonim, kontak ini tidak pernah ditampilkan kepada instansi maupun publik.',
          )}</p>
          ${this.textField('name', msg('Nama'), { autocomplete: 'name' })}
          ${this.textField('email', msg('Email'), { type: 'email', autocomplete: 'email' })}
          ${this.textField('phone', msg('Nomor telepon'), { type: 'tel', autocomplete: 'tel' })}
        </fieldset>

        ${this.formError ? html`<p class="notice" role="alert" part="form-error">${this.formError}</p>` : nothing}
        <div class="actions">
          <button type="submit" part="submit-button" ?disabled=${this.submitting} aria-busy=${this.submitting}>
            ${this.submitting ? msg('Mengirim…') : msg('Kirim laporan')}
          </button>
        </div>
      </form>
    `;
  }

  private renderInstitution(): TemplateResult {
    const preset = this.institutions.find((i) => i.id === this.institution);
    if (this.institution && (this.lockInstitution || this.directoryFailed)) {
      return html`<div class="field" part="field">
        <span class="label" id="institution-label">${msg('Instansi tujuan')}</span>
        <p class="fixed" aria-labelledby="institution-label">${preset?.name ?? this.institution}</p>
        ${this.errorFor('institutionId')}
      </div>`;
    }
    return this.selectField(
      'institutionId',
      msg('Instansi tujuan'),
      this.institutions,
      msg('Pilih instansi yang berwenang'),
    );
  }

  private renderCategory(): TemplateResult | typeof nothing {
    if (!this.categories.length) return nothing;
    return this.selectField('categoryId', msg('Kategori (opsional)'), this.categories, msg('Tanpa kategori'));
  }

  private renderSuccess(created: ReportCreated) {
    return html`
      <section class="success" part="success" tabindex="-1" aria-labelledby="success-title">
        <h2 id="success-title">${msg('Laporan Anda telah diterima')}</h2>
        <p>${msg('Tracking ID laporan Anda:')}</p>
        <p class="code" part="tracking-id">${created.trackingId}</p>
        <p>${msg('Gunakan Tracking ID ini untuk memantau perkembangan laporan.')}</p>
        <p>${msg('Kode bukti:')}</p>
        <p class="code" part="receipt">${created.receipt}</p>
        <p class="help">${msg(
          'Simpan kode bukti ini sekarang: kode ini hanya ditampilkan sekali. Dengan kode ini Anda dapat melihat laporan lengkap Anda dan menanggapinya.',
        )}</p>
        <div class="actions">
          <button type="button" class="secondary" @click=${this.reset}>${msg('Buat laporan lain')}</button>
        </div>
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
      max?: string;
      autocomplete?: string;
    } = {},
  ) {
    const value = this.values[name];
    const invalid = Boolean(this.errors[CONTRACT_PATH[name]]);
    const describedBy = [
      options.help && `${name}-help`,
      invalid && `${name}-error`,
      options.multiline && `${name}-count`,
    ]
      .filter(Boolean)
      .join(' ');
    const control = options.multiline
      ? html`<textarea id=${name} name=${name} .value=${value} maxlength=${options.maxlength ?? nothing}
          aria-invalid=${invalid} aria-describedby=${describedBy || nothing}></textarea>`
      : html`<input id=${name} name=${name} type=${options.type ?? 'text'} .value=${value}
          maxlength=${options.maxlength ?? nothing} max=${options.max ?? nothing}
          autocomplete=${options.autocomplete ?? nothing} aria-invalid=${invalid}
          aria-describedby=${describedBy || nothing} />`;
    return html`<div class="field" part="field">
      <label for=${name}>${label}</label>
      ${options.help ? html`<p class="help" id="${name}-help">${options.help}</p>` : nothing} ${control}
      ${
        options.multiline
          ? html`<p class="help counter" id="${name}-count">
            ${msg(str`${value.length} dari ${options.maxlength ?? 0} karakter`)}
          </p>`
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

  private async loadDirectory() {
    this.directoryAbort?.abort();
    const abort = new AbortController();
    this.directoryAbort = abort;
    try {
      const client = this.client();
      const [institutions, categories] = await Promise.all([
        client.institutions(abort.signal),
        client.categories(abort.signal),
      ]);
      this.institutions = institutions;
      this.categories = categories;
      this.directoryFailed = false;
    } catch {
      if (!abort.signal.aborted) this.directoryFailed = true;
    }
  }

  private client() {
    return new HubClient(this.hub || defaultHubUrl());
  }

  private onInput(event: Event) {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const name = target.name as keyof FormValues;
    if (!(name in this.values)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    this.values = { ...this.values, [name]: value };
    if (this.attempted) this.errors = this.validate();
  }

  private validate(): Record<string, FieldError> {
    const result = reportInputSchema.safeParse(toReportInput(this.values));
    return result.success ? {} : toFieldErrors(result.error.issues);
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.submitting) return;
    this.attempted = true;
    this.formError = '';
    this.errors = this.validate();
    if (Object.keys(this.errors).length) {
      this.formError = msg('Beberapa isian perlu diperbaiki.');
      await this.focusFirstError();
      return;
    }
    this.submitting = true;
    try {
      const created = await this.client().submitReport(toReportInput(this.values));
      this.created = created;
      this.dispatchEvent(new LaporSubmittedEvent(created));
      await this.updateComplete;
      this.successEl?.focus();
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      this.errors = error.fields;
      this.formError = hubErrorMessage(error);
      if (Object.keys(error.fields).length) await this.focusFirstError();
    } finally {
      this.submitting = false;
    }
  }

  private async focusFirstError() {
    await this.updateComplete;
    this.formEl?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private reset() {
    this.created = undefined;
    this.attempted = false;
    this.errors = {};
    this.values = { ...emptyValues(), kind: this.kind, institutionId: this.institution, categoryId: this.category };
  }
}

function emptyValues(): FormValues {
  return {
    kind: 'pengaduan',
    title: '',
    body: '',
    incidentDate: '',
    locationText: '',
    institutionId: '',
    categoryId: '',
    anonymous: false,
    confidential: false,
    name: '',
    email: '',
    phone: '',
  };
}

/** The visitor's own calendar date, for the date picker's upper bound. */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

declare global {
  interface HTMLElementTagNameMap {
    'lapor-form': LaporForm;
  }
}
