import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MonitorMap, MonitorStats, PublicReport } from '../../../contract/monitor';
import '../entries/lapor-monitor';
import { installFakeHub, type RecordedRequest } from '../internal/fake-hub';
import type { LaporMonitor } from './lapor-monitor';

const HUB = 'https://hub.example.id';
const DAY = 86_400_000;
/** Dates relative to the run's own day: the element counts a report's age from the visitor's clock. */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function report(n: number, extra: Partial<PublicReport> = {}): PublicReport {
  return {
    trackingId: `LPR-${String(n).padStart(4, '0')}-TEST`,
    kind: 'pengaduan',
    status: 'forwarded',
    title: `Pungutan di kantin sekolah ${n}`,
    excerpt: 'Siswa diminta membayar iuran tanpa dasar. Nomor pelapor [disamarkan].',
    institution: { id: 'smk-smak-makassar', name: 'SMK SMAK Makassar' },
    category: { id: 'pendidikan-kebudayaan', name: 'Pendidikan dan Kebudayaan' },
    region: { code: '73.71', name: 'Kota Makassar' },
    receivedAt: daysAgo(12),
    forwardedAt: daysAgo(10),
    deadline: { kind: 'follow_up', due: '2026-11-20', workingDaysLeft: -3, overdue: true },
    resolution: { kind: 'resolution', due: '2027-02-19', workingDaysLeft: 55, overdue: false },
    ...extra,
  };
}

const figures = {
  received: 40,
  forwarded: 30,
  answered: 24,
  finished: 12,
  answeredWithin5: 0.75,
  finishedWithin60: 0.4,
  medianDaysToResponse: 3.5,
};

const stats: MonitorStats = {
  scope: { institution: 'smk-smak-makassar' },
  totals: figures,
  overdue: 4,
  suppressed: false,
  months: [
    { month: '2026-10', suppressed: true },
    { month: '2026-11', ...figures, suppressed: false },
  ],
};

const byProvince: MonitorStats = {
  ...stats,
  places: [
    { region: { code: '73', name: 'Sulawesi Selatan' }, ...figures, overdue: 4, suppressed: false },
    { region: { code: '74', name: 'Sulawesi Tenggara' }, overdue: 0, suppressed: true },
  ],
};

const byRegency: MonitorStats = {
  ...stats,
  scope: { institution: 'smk-smak-makassar', region: '73' },
  places: [{ region: { code: '73.71', name: 'Kota Makassar' }, ...figures, overdue: 4, suppressed: false }],
};

const provincesMap: MonitorMap = {
  code: 'id',
  viewBox: '0 0 100 50',
  attribution: 'Batas wilayah: wilayah_boundaries, MIT License',
  regions: [
    { code: '73', name: 'Sulawesi Selatan', d: 'M10 10l20 0l0 20l-20 0z' },
    { code: '74', name: 'Sulawesi Tenggara', d: 'M40 10l20 0l0 20l-20 0z' },
    { code: '31', name: 'DKI Jakarta', d: 'M70 10l10 0l0 10l-10 0z' },
  ],
};

let hub: ReturnType<typeof installFakeHub>;
afterEach(() => hub?.restore());

const $ = <T extends Element>(el: LaporMonitor, selector: string) => el.shadowRoot?.querySelector(selector) as T;
const $$ = (el: LaporMonitor, selector: string) => [...(el.shadowRoot?.querySelectorAll(selector) ?? [])];
const text = (el: Element | undefined | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A table row's cells, one space between each. */
const cells = (row: Element) => [...row.children].map(text).join(' ');
const publicCalls = (requests: RecordedRequest[], path: string) =>
  requests.filter((req) => req.url.pathname.endsWith(`/api/v1/public/${path}`));

/** A hub with two pages of published reports and the figures above. */
/** Answered, waiting on its reporter: the institution's own deadline left is the resolution's. */
const answered = report(2, {
  status: 'followed_up',
  deadline: { kind: 'auto_close', due: '2026-12-14', workingDaysLeft: 9, overdue: false },
});

function monitorHub(pages: PublicReport[][] = [[report(1), answered], [report(3)]]) {
  return installFakeHub((req) => {
    const path = req.url.pathname;
    if (path.endsWith('/public/reports')) {
      const q = req.url.searchParams.get('q');
      if (q === 'tidak ada') return { status: 200, body: { items: [] } };
      const page = req.url.searchParams.get('cursor') ? 1 : 0;
      return { status: 200, body: { items: pages[page], ...(page + 1 < pages.length && { next: 'cGFnZTI' }) } };
    }
    if (path.endsWith('/public/stats')) {
      const places = req.url.searchParams.get('places');
      return { status: 200, body: places === 'province' ? byProvince : places === 'regency' ? byRegency : stats };
    }
    if (path.endsWith('/public/map/id')) return { status: 200, body: provincesMap };
    if (path.endsWith('/regions/73'))
      return { status: 200, body: { code: '73', name: 'Sulawesi Selatan', level: 'province', path: [] } };
    return undefined;
  });
}

async function showTab(el: LaporMonitor, name: string) {
  const tab = $$(el, '[role=tab]').find((t) => text(t) === name) as HTMLButtonElement | undefined;
  if (!tab) throw new Error(`no tab ${name}`);
  tab.click();
  await el.updateComplete;
}

describe('<lapor-monitor>', () => {
  it("lists the site's published reports newest first, each with its status, place, age and deadline, linked to the tracker", async () => {
    hub = monitorHub();
    const el = await fixture<LaporMonitor>(html`<lapor-monitor hub=${HUB} site="school"></lapor-monitor>`);
    await waitUntil(() => $$(el, '[part=report]').length === 2, 'the first page is shown');
    expect(text($(el, 'h2'))).to.equal('Pemantauan laporan: SMK SMAK Makassar');
    const [call] = publicCalls(hub.requests, 'reports');
    expect(call?.url.searchParams.get('institution')).to.equal('smk-smak-makassar');
    expect(call?.url.searchParams.has('region')).to.equal(false, 'an empty filter is not sent');

    const first = $$(el, '[part=report]')[0] as HTMLElement;
    expect(text(first.querySelector('h3'))).to.equal('Pungutan di kantin sekolah 1');
    expect(first.querySelector('a')?.href).to.equal(`${HUB}/lacak/#lapor=LPR-0001-TEST`);
    expect(text(first.querySelector('.meta'))).to.equal(
      'Diteruskan ke instansi · Pengaduan · SMK SMAK Makassar · Kota Makassar · Pendidikan dan Kebudayaan',
    );
    expect(text(first.querySelector('.excerpt'))).to.contain('[disamarkan]');
    expect(text(first.querySelector('.dates'))).to.contain('(12 hari yang lalu)');
    const deadline = first.querySelector('[part=deadline]');
    expect(deadline?.classList.contains('overdue')).to.equal(true);
    expect(text(deadline)).to.equal('Batas tindak lanjut: Jumat, 20 November 2026 — terlambat 3 hari kerja');
    expect(text($(el, '[role=status]'))).to.equal('2 laporan ditampilkan.');
    const second = $$(el, '[part=report]')[1] as HTMLElement;
    expect(text(second.querySelector('[part=deadline]'))).to.equal(
      'Batas penyelesaian: Jumat, 19 Februari 2027 — 55 hari kerja lagi',
    );
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part=more-button]').click();
    await waitUntil(() => $$(el, '[part=report]').length === 3, 'the next page is added');
    expect(publicCalls(hub.requests, 'reports').at(-1)?.url.searchParams.get('cursor')).to.equal('cGFnZTI');
    expect($(el, '[part=more-button]')).to.equal(null, 'no button after the last page');
  });

  it('searches and filters with what the visitor chose, and says when nothing matches', async () => {
    hub = monitorHub();
    const el = await fixture<LaporMonitor>(
      html`<lapor-monitor hub=${HUB} institution="smk-smak-makassar" region="73.71" status="forwarded"></lapor-monitor>`,
    );
    await waitUntil(() => $$(el, '[part=report]').length === 2);
    const [preset] = publicCalls(hub.requests, 'reports');
    expect(preset?.url.searchParams.get('region')).to.equal('73.71');
    expect(preset?.url.searchParams.get('status')).to.equal('forwarded');
    expect($<HTMLSelectElement>(el, '#status').value).to.equal('forwarded');

    $<HTMLInputElement>(el, '#q').value = 'tidak ada';
    const kind = $<HTMLSelectElement>(el, '#kind');
    kind.value = 'aspirasi';
    $<HTMLFormElement>(el, 'form[role=search]').requestSubmit();
    await waitUntil(() => text($(el, '[role=status]')) === 'Tidak ada laporan yang cocok.', 'an empty result is told');
    const searched = publicCalls(hub.requests, 'reports').at(-1)?.url.searchParams;
    expect(searched?.get('q')).to.equal('tidak ada');
    expect(searched?.get('kind')).to.equal('aspirasi');
    expect(searched?.get('institution')).to.equal('smk-smak-makassar');
    expect($$(el, '[part=report]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the figures, each with what it counts, and by month with small months held back', async () => {
    hub = monitorHub();
    const el = await fixture<LaporMonitor>(
      html`<lapor-monitor hub=${HUB} institution="smk-smak-makassar"></lapor-monitor>`,
    );
    await waitUntil(() => $$(el, '[role=tab]').length === 3);
    expect(publicCalls(hub.requests, 'stats')).to.have.length(0, 'figures are asked for only when shown');
    // Keyboard: the arrow key moves to the next tab and selects it.
    $<HTMLButtonElement>(el, '#tab-reports').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => $$(el, '.figure').length === 8, 'the figures are shown');
    expect(el.shadowRoot?.activeElement?.id).to.equal('tab-figures');
    const figure = (label: string) => $$(el, '.figure').find((f) => text(f.querySelector('dt')) === label);
    expect(text(figure('Laporan diterima')?.querySelector('.value'))).to.equal('40');
    expect(text(figure('Ditanggapi dalam 5 hari kerja')?.querySelector('.value'))).to.equal('75%');
    expect(text(figure('Median hari kerja sampai tanggapan')?.querySelector('.value'))).to.equal('3,5');
    expect(text(figure('Terlambat hari ini')?.querySelector('.value'))).to.equal('4');
    for (const f of $$(el, '.figure')) expect(text(f.querySelector('.explanation')).length).to.be.greaterThan(30);
    const rows = $$(el, '[part=months] tbody tr').map(cells);
    expect(rows[0]).to.equal('November 2026 40 30 24 12 75% 40% 3,5');
    expect(rows[1]).to.equal('Oktober 2026 Kurang dari 5 laporan');
    await expect(el).to.be.accessible();
  });

  it('shows figures by province in a table, loads the map only when asked, and opens a province’s regencies', async () => {
    hub = monitorHub();
    const el = await fixture<LaporMonitor>(
      html`<lapor-monitor hub=${HUB} institution="smk-smak-makassar"></lapor-monitor>`,
    );
    await waitUntil(() => $$(el, '[role=tab]').length === 3);
    await showTab(el, 'Wilayah');
    await waitUntil(() => $$(el, '[part=places] tbody tr').length === 2, 'the provinces are listed');
    expect(publicCalls(hub.requests, 'stats').at(-1)?.url.searchParams.get('places')).to.equal('province');
    expect($$(el, '[part=places] tbody tr').map(cells)).to.deep.equal([
      'Sulawesi Selatan 40 30 75% 40% 3,5 4',
      'Sulawesi Tenggara Kurang dari 5 laporan 0',
    ]);
    expect(publicCalls(hub.requests, 'map/id')).to.have.length(0, 'no map until it is shown');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part=map-button]').click();
    await waitUntil(() => $$(el, '[part=map] path').length === 3, 'the map is drawn');
    expect($(el, '[part=map]').getAttribute('aria-hidden')).to.equal('true');
    expect($(el, '[part=map-button]').getAttribute('aria-expanded')).to.equal('true');
    const shade = (code: string) => $(el, `[part=map] path[data-code="${code}"]`).getAttribute('class');
    expect(shade('73')).to.equal('step-4');
    expect(shade('74')).to.equal('withheld');
    expect(shade('31')).to.equal('none');
    expect(text($(el, '[part=map] path[data-code="73"] title'))).to.equal('Sulawesi Selatan: 40');
    expect(text($(el, '.attribution'))).to.contain('MIT License');
    await expect(el).to.be.accessible();

    const province = $$(el, '[part=places] button').find((b) => text(b) === 'Sulawesi Selatan') as HTMLButtonElement;
    $<HTMLButtonElement>(el, '[part=map-button]').click();
    province.click();
    await waitUntil(() => text($(el, '[part=places] caption')) === 'Kabupaten dan kota di Sulawesi Selatan');
    const regency = publicCalls(hub.requests, 'stats').at(-1)?.url.searchParams;
    expect(regency?.get('places')).to.equal('regency');
    expect(regency?.get('region')).to.equal('73');
    expect($$(el, '[part=places] tbody tr').map(cells)).to.deep.equal(['Kota Makassar 40 30 75% 40% 3,5 4']);
    await expect(el).to.be.accessible();
  });

  it('speaks English when the page does', async () => {
    hub = monitorHub();
    const el = await fixture<LaporMonitor>(html`<lapor-monitor hub=${HUB} site="school" lang="en"></lapor-monitor>`);
    await waitUntil(() => text($(el, '[role=status]')) === '2 reports shown.', 'the list is in English');
    expect(text($(el, '[part=report] .meta'))).to.contain('Forwarded to the institution · Complaint');
    expect(text($(el, '[part=report] .dates'))).to.contain('(12 days ago)');
    await showTab(el, 'Figures');
    await waitUntil(() => $$(el, '.figure').length === 8);
    expect(text($(el, '.figure dt'))).to.equal('Reports received');
    await expect(el).to.be.accessible();
  });

  it('tells of a failure in the visitor’s language and tries again when asked', async () => {
    let online = false;
    hub = installFakeHub((req) => {
      if (!online) return 'network-error';
      if (req.url.pathname.endsWith('/public/reports')) return { status: 200, body: { items: [report(1)] } };
      return undefined;
    });
    const el = await fixture<LaporMonitor>(html`<lapor-monitor hub=${HUB}></lapor-monitor>`);
    await waitUntil(() => $(el, '[part=problem]'), 'the failure is told');
    expect(text($(el, '[part=problem]'))).to.contain('Tidak dapat terhubung');
    await expect(el).to.be.accessible();
    online = true;
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await waitUntil(() => $$(el, '[part=report]').length === 1, 'the list is shown after the retry');
  });

  it('says so when the page set it up with a filter the hub refuses', async () => {
    hub = installFakeHub((req) =>
      req.url.pathname.endsWith('/public/reports')
        ? {
            status: 400,
            body: {
              error: {
                code: 'validation_failed',
                message: 'Invalid',
                fields: { region: { code: 'invalid', message: 'x' } },
              },
            },
          }
        : undefined,
    );
    const el = await fixture<LaporMonitor>(html`<lapor-monitor hub=${HUB} region="Makassar"></lapor-monitor>`);
    await waitUntil(() => $(el, '[part=problem]'));
    expect(text($(el, '[part=problem] p'))).to.equal(
      'Pemantauan ini tidak dapat ditampilkan: pengaturannya di halaman ini tidak valid.',
    );
  });

  it('fits a 320 px screen: only the wide tables scroll, within their own region', async () => {
    hub = monitorHub();
    const el = await fixture<LaporMonitor>(
      html`<lapor-monitor hub=${HUB} site="school" style="display: block; width: 320px"></lapor-monitor>`,
    );
    const right = el.getBoundingClientRect().right;
    const overflowing = () =>
      $$(el, '*')
        .filter((part) => !part.closest('.table-scroll') || part.classList.contains('table-scroll'))
        .filter((part) => part.getBoundingClientRect().right > right + 0.5)
        .map((part) => part.outerHTML.slice(0, 60));
    await waitUntil(() => $$(el, '[part=report]').length === 2);
    expect($$(el, '*').length).to.be.greaterThan(20);
    expect(overflowing()).to.deep.equal([]);
    await showTab(el, 'Angka');
    await waitUntil(() => $(el, '[part=months]'));
    expect(overflowing()).to.deep.equal([]);
    await showTab(el, 'Wilayah');
    await waitUntil(() => $(el, '[part=places]'));
    $<HTMLButtonElement>(el, '[part=map-button]').click();
    await waitUntil(() => $$(el, '[part=map] path').length === 3);
    expect(overflowing()).to.deep.equal([]);
  });
});
