import { msg, str } from '@lit/localize';
import { initialState, Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MonitorScope, PublicReport } from '../../../contract/monitor';
import { REPORT_KINDS, type ReportKind } from '../../../contract/report-rules';
import type { ReportStatus } from '../../../contract/status';
import { formatAge, formatDate, formatDay } from '../internal/format';
import { HubError, underHub } from '../internal/hub-client';
import { LaporElement } from '../internal/lapor-element';
import { categoryName, deadlineLabel, kindLabel, statusLabel, workingDaysLeft } from '../internal/messages';
import { sharedStyles } from '../internal/shared.styles';
import { tableStyles } from '../internal/table.styles';
import { monitorStyles } from './lapor-monitor.styles';
import { MonitorClient, type ReportFilters } from './monitor-client';
import { renderMonths, renderTotals } from './monitor-figures';
import { type FigureKey, figureLabel, monitorErrorMessage } from './monitor-messages';
import { renderMap, renderPlaces, SHADES } from './monitor-places';

type View = 'reports' | 'figures' | 'places';
const VIEWS: View[] = ['reports', 'figures', 'places'];

/** The statuses a published report can have: it has been forwarded at least once. */
const PUBLISHED_STATUSES: ReportStatus[] = [
  'forwarded',
  'followed_up',
  'finished',
  'reopened',
  'held',
  'not_authority',
  'archived',
];

/** The scope the element shows: its institution (named) once a site key has been looked up. */
interface Scope {
  institution: string;
  name: string;
}

/**
 * Public monitoring: the reports an institution, a place or a topic received
 * that SP4N-LAPOR! would publish (forwarded at least once, never a
 * confidential one, never a reporter, text masked), how the institution kept
 * its deadlines, and where the reports came from, as a table and a map.
 *
 * @tagname lapor-monitor
 * @csspart tabs - The three views' tab list.
 * @csspart search - The list's search and filters.
 * @csspart report - One published report in the list.
 * @csspart deadline - A report's running deadline; it has the class `overdue` once passed.
 * @csspart more-button - Loads the next reports.
 * @csspart figures - The scope's figures, each with what it counts.
 * @csspart months - The table of figures by month.
 * @csspart places - The table of figures by province or regency.
 * @csspart map - The shaded map (hidden from screen readers: the places table holds its numbers).
 * @csspart map-button - Shows or hides the map.
 * @csspart problem - Why something could not be shown.
 * @csspart retry-button - Tries loading again.
 * @cssproperty --lapor-color-primary - Buttons, focus, accents and the map's darkest shade.
 * @cssproperty --lapor-color-on-primary - Text on primary-coloured buttons.
 * @cssproperty --lapor-color-text - Text.
 * @cssproperty --lapor-color-muted - Help text, dates and explanations.
 * @cssproperty --lapor-color-border - Borders, and regions without reports on the map.
 * @cssproperty --lapor-color-error - Overdue deadlines and errors.
 * @cssproperty --lapor-font-family - Text font; the page's by default.
 * @cssproperty --lapor-radius - Corner radius of controls.
 */
export class LaporMonitor extends LaporElement {
  static override styles = [sharedStyles, tableStyles, monitorStyles];

  /** A registered website's key: shows its institution's reports. */
  @property() site = '';
  /** An institution's id in the hub's directory (the one that holds the reports now). */
  @property() institution = '';
  /** A province (`73`) or a regency or city (`73.71`). */
  @property() region = '';
  /** A category's id. */
  @property() category = '';
  /** Only reports of this kind at first: `pengaduan`, `aspirasi` or `informasi`. */
  @property() kind: ReportKind | '' = '';
  /** Only reports in this status at first, e.g. `finished`. */
  @property() status: ReportStatus | '' = '';
  /** Address of the page holding `<lapor-tracker>`; defaults to the hub's `/lacak/`. */
  @property({ attribute: 'tracker-url' }) trackerUrl = '';

  @state() private view: View = 'reports';
  /** The list's filters as the visitor last sent them. */
  @state() private filters: { q: string; kind: string; status: string } = { q: '', kind: '', status: '' };
  /** Reports after the first page, loaded by "more". */
  @state() private more: PublicReport[] = [];
  @state() private next?: string;
  @state() private loadingMore = false;
  @state() private moreProblem?: HubError;
  /** The province whose regencies the places view shows; '' for the provinces. */
  @state() private province = '';
  @state() private provinceName = '';
  @state() private shaded: FigureKey = 'received';
  @state() private mapShown = false;

  private client() {
    return new MonitorClient(this.hubUrl());
  }

  private readonly scope = new Task(this, {
    args: () => [this.site, this.institution, this.hub] as const,
    task: async ([site, institution], { signal }): Promise<Scope> => {
      if (site) {
        const config = await this.client().siteConfig(site, signal);
        return { institution: config.institution.id, name: config.institution.name };
      }
      if (!institution) return { institution: '', name: '' };
      return { institution, name: (await this.client().institution(institution, signal)).name };
    },
  });

  private readonly reports = new Task(this, {
    args: () =>
      [
        this.scope.value?.institution,
        this.region,
        this.category,
        this.filters.q,
        this.filters.kind,
        this.filters.status,
        this.view === 'reports',
      ] as const,
    task: async ([institution, region, category, q, kind, status, shown], { signal }) => {
      if (institution === undefined || !shown) return initialState;
      const filters = { institution, region, category, q, kind, status } as ReportFilters;
      const page = await this.client().reports(filters, undefined, signal);
      this.more = [];
      this.next = page.next;
      this.moreProblem = undefined;
      return page.items;
    },
  });

  private readonly stats = new Task(this, {
    args: () => [...this.figuresScope(), this.view === 'figures'] as const,
    task: async ([institution, region, category, shown], { signal }) => {
      if (institution === undefined || !shown) return initialState;
      return this.client().stats({ institution, region, category }, undefined, signal);
    },
  });

  private readonly places = new Task(this, {
    args: () => [this.figuresScope()[0], this.figuresScope()[2], this.province, this.view === 'places'] as const,
    task: async ([institution, category, province, shown], { signal }) => {
      if (institution === undefined || !shown) return initialState;
      const scope: MonitorScope = { institution, category, ...(province && { region: province }) };
      const [stats, name] = await Promise.all([
        this.client().stats(scope, province ? 'regency' : 'province', signal),
        province && !this.provinceName
          ? this.client()
              .region(province, signal)
              .then((r) => r.name)
          : undefined,
      ]);
      if (name) this.provinceName = name;
      return stats;
    },
  });

  private readonly map = new Task(this, {
    args: () => [this.mapShown && this.view === 'places', this.province || 'id', this.hub] as const,
    task: async ([shown, code], { signal }) => (shown ? this.client().map(code, signal) : initialState),
  });

  /**
   * The figures' scope: [institution, region, category]. Figures are kept for
   * an institution or a category, not both: with both, the institution's.
   */
  private figuresScope() {
    const institution = this.scope.value?.institution;
    return [institution, this.region, institution ? '' : this.category] as const;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('kind') || changed.has('status')) {
      this.filters = { ...this.filters, kind: this.kind, status: this.status };
    }
    if (changed.has('region')) {
      this.province = this.region.slice(0, 2);
      this.provinceName = '';
    }
  }

  private trackerLink(trackingId: string): string {
    const hash = `#lapor=${encodeURIComponent(trackingId)}`;
    if (this.trackerUrl) return new URL(hash, new URL(this.trackerUrl, document.baseURI)).href;
    return underHub(this.hubUrl(), `lacak/${hash}`).href;
  }

  private async loadMore() {
    const scope = this.scope.value;
    if (!this.next || !scope) return;
    this.loadingMore = true;
    this.moreProblem = undefined;
    try {
      const filters = { institution: scope.institution, region: this.region, category: this.category, ...this.filters };
      const page = await this.client().reports(filters as ReportFilters, this.next);
      this.more = [...this.more, ...page.items];
      this.next = page.next;
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      this.moreProblem = error;
    } finally {
      this.loadingMore = false;
    }
  }

  private search(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.filters = {
      q: String(form.get('q') ?? '').trim(),
      kind: String(form.get('kind') ?? ''),
      status: String(form.get('status') ?? ''),
    };
  }

  private openProvince(code: string, name: string) {
    this.province = code;
    this.provinceName = name;
  }

  /** Arrow keys, Home and End move between tabs, as the ARIA tabs pattern has it. */
  private onTabKey(event: KeyboardEvent) {
    const index = VIEWS.indexOf(this.view);
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: VIEWS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.view = VIEWS[(to + VIEWS.length) % VIEWS.length] as View;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.view}`)?.focus());
  }

  protected override render() {
    const labels: Record<View, string> = {
      reports: msg('Laporan'),
      figures: msg('Angka'),
      places: msg('Wilayah'),
    };
    const name = this.scope.value?.name;
    return html`
      <h2>${name ? msg(str`Pemantauan laporan: ${name}`) : msg('Pemantauan laporan')}</h2>
      <p class="muted">
        ${msg('Laporan yang sudah diverifikasi dan diteruskan ke instansi berwenang. Laporan rahasia tidak ditampilkan, identitas pelapor tidak pernah ditampilkan.')}
      </p>
      ${this.scope.render({
        pending: () => html`<p class="muted" aria-busy="true">${msg('Memuat…')}</p>`,
        error: (error) => this.problem(error, () => this.scope.run()),
        complete: () => html`
          <div role="tablist" part="tabs" class="tabs" aria-label=${msg('Tampilan pemantauan')} @keydown=${this.onTabKey}>
            ${VIEWS.map(
              (view) => html`<button role="tab" id=${`tab-${view}`} aria-controls=${`panel-${view}`}
                aria-selected=${this.view === view ? 'true' : 'false'} tabindex=${this.view === view ? 0 : -1}
                @click=${() => {
                  this.view = view;
                }}>${labels[view]}</button>`,
            )}
          </div>
          <div role="tabpanel" id=${`panel-${this.view}`} aria-labelledby=${`tab-${this.view}`} class="panel">
            ${{ reports: () => this.renderReports(), figures: () => this.renderFigures(), places: () => this.renderPlaces() }[this.view]()}
          </div>
        `,
      })}
    `;
  }

  private problem(error: unknown, retry: () => unknown) {
    if (!(error instanceof HubError)) throw error;
    return html`<div part="problem" class="problem" role="alert">
      <p>${monitorErrorMessage(error)}</p>
      <button part="retry-button" class="secondary" @click=${retry}>${msg('Coba lagi')}</button>
    </div>`;
  }

  private renderSearch() {
    return html`<form role="search" part="search" class="search" @submit=${this.search}>
      <div class="field">
        <label for="q">${msg('Cari laporan')}</label>
        <input id="q" name="q" type="search" maxlength="200" .value=${this.filters.q} />
      </div>
      ${this.renderFilter('status', msg('Status'), msg('Semua status'), PUBLISHED_STATUSES, (s) => statusLabel(s))}
      ${this.renderFilter('kind', msg('Jenis'), msg('Semua jenis'), REPORT_KINDS, kindLabel)}
      <button type="submit">${msg('Cari')}</button>
    </form>`;
  }

  /** A select of the list's filters: every value, and first the choice of all. */
  private renderFilter<T extends string>(
    name: 'status' | 'kind',
    label: string,
    all: string,
    values: readonly T[],
    labelOf: (value: T) => string,
  ) {
    const chosen = this.filters[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <select id=${name} name=${name}>
        <option value="" ?selected=${!chosen}>${all}</option>
        ${values.map((value) => html`<option value=${value} ?selected=${chosen === value}>${labelOf(value)}</option>`)}
      </select>
    </div>`;
  }

  private renderReports() {
    return html`
      ${this.renderSearch()}
      ${this.reports.render({
        initial: () => nothing,
        pending: () => html`<p class="muted" aria-busy="true">${msg('Memuat laporan…')}</p>`,
        error: (error) => this.problem(error, () => this.reports.run()),
        complete: (first) => {
          const items = [...first, ...this.more];
          const count = items.length;
          return html`
            <p role="status" class="muted">
              ${count ? (count === 1 ? msg('1 laporan ditampilkan.') : msg(str`${count} laporan ditampilkan.`)) : msg('Tidak ada laporan yang cocok.')}
            </p>
            <ol class="reports">${items.map((report) => this.renderReport(report))}</ol>
            ${this.moreProblem ? this.problem(this.moreProblem, () => this.loadMore()) : nothing}
            ${
              this.next
                ? html`<button part="more-button" class="secondary" ?disabled=${this.loadingMore} @click=${this.loadMore}>
                    ${this.loadingMore ? msg('Memuat…') : msg('Tampilkan laporan berikutnya')}
                  </button>`
                : nothing
            }
          `;
        },
      })}
    `;
  }

  private renderReport(report: PublicReport) {
    // The institution's deadline: while a report waits on its reporter (auto_close), the resolution's.
    const deadline =
      report.deadline?.kind === 'auto_close'
        ? (report.resolution ?? report.deadline)
        : (report.deadline ?? report.resolution);
    const where = [report.institution.name, report.region?.name, report.category && categoryName(report.category)];
    return html`<li part="report" class="report">
      <h3><a href=${this.trackerLink(report.trackingId)}>${report.title}</a></h3>
      <p class="meta">
        <span class="status">${statusLabel(report.status)}</span> · ${kindLabel(report.kind)} ·
        ${where.filter(Boolean).join(' · ')}
      </p>
      <p class="excerpt">${report.excerpt}</p>
      <p class="dates">
        ${msg(str`Diterima ${formatDay(report.receivedAt)} (${formatAge(report.receivedAt, new Date())})`)}
        ${
          deadline
            ? html`<br /><span part="deadline" class=${deadline.overdue ? 'overdue' : ''}>${deadlineLabel(deadline.kind)}:
                ${formatDate(deadline.due)} — ${workingDaysLeft(deadline)}</span>`
            : nothing
        }
      </p>
    </li>`;
  }

  private renderFigures() {
    return this.stats.render({
      initial: () => nothing,
      pending: () => html`<p class="muted" aria-busy="true">${msg('Memuat angka…')}</p>`,
      error: (error) => this.problem(error, () => this.stats.run()),
      complete: (stats) => html`
        ${
          this.category && this.scope.value?.institution
            ? html`<p class="muted">${msg('Angka ini untuk semua kategori laporan di instansi ini.')}</p>`
            : nothing
        }
        ${renderTotals(stats)}
        ${
          stats.suppressed
            ? html`<p class="info">${msg('Kurang dari 5 laporan: angka tidak dirinci per bulan atau wilayah, agar pelapor tidak dapat dikenali.')}</p>`
            : renderMonths(stats)
        }
      `,
    });
  }

  private renderPlaces() {
    const atProvince = !!this.province;
    return html`
      ${
        atProvince && !this.region
          ? html`<button class="link" @click=${() => this.openProvince('', '')}>${msg('← Semua provinsi')}</button>`
          : nothing
      }
      ${this.places.render({
        initial: () => nothing,
        pending: () => html`<p class="muted" aria-busy="true">${msg('Memuat angka wilayah…')}</p>`,
        error: (error) => this.problem(error, () => this.places.run()),
        complete: (stats) => {
          const places = stats.places ?? [];
          const open = atProvince ? undefined : (code: string, name: string) => this.openProvince(code, name);
          const caption = atProvince ? msg(str`Kabupaten dan kota di ${this.provinceName}`) : msg('Per provinsi');
          if (stats.suppressed) {
            return html`<p class="info">${msg('Kurang dari 5 laporan: angka tidak dirinci per wilayah, agar pelapor tidak dapat dikenali.')}</p>`;
          }
          return html`
            ${this.renderPlaceControls()}
            ${
              this.mapShown
                ? this.map.render({
                    pending: () => html`<p class="muted" aria-busy="true">${msg('Memuat peta…')}</p>`,
                    error: (error) => this.problem(error, () => this.map.run()),
                    complete: (map) =>
                      renderMap(
                        map,
                        places,
                        this.shaded,
                        open && ((code) => open(code, map.regions.find((r) => r.code === code)?.name ?? code)),
                      ),
                  })
                : nothing
            }
            ${renderPlaces(places, caption, open)}
          `;
        },
      })}
    `;
  }

  private renderPlaceControls() {
    return html`<div class="place-controls">
        <div class="field">
          <label for="shade">${msg('Warnai peta menurut')}</label>
          <select id="shade" @change=${(e: Event) => {
            this.shaded = (e.target as HTMLSelectElement).value as FigureKey;
          }}>
            ${SHADES.map((key) => html`<option value=${key} ?selected=${this.shaded === key}>${figureLabel(key)}</option>`)}
          </select>
        </div>
        <button part="map-button" class="secondary" aria-expanded=${this.mapShown ? 'true' : 'false'}
          @click=${() => {
            this.mapShown = !this.mapShown;
          }}>
          ${this.mapShown ? msg('Sembunyikan peta') : msg('Tampilkan peta')}
        </button>
      </div>`;
  }
}
