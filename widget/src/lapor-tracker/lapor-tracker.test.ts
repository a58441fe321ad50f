import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ReportView } from '../../../contract';
import type { LaporTrackedEvent } from '../events/lapor-tracked';
import '../index';
import { installFakeHub } from '../internal/fake-hub';
import type { LaporTracker } from './lapor-tracker';

const view: ReportView = {
  viewer: 'public',
  trackingId: 'LPR-0000-0000-0',
  kind: 'pengaduan',
  status: 'received',
  anonymous: false,
  confidential: false,
  institution: { id: 'smk-smak-makassar', name: 'SMK SMAK Makassar' },
  title: 'Pungutan liar saat daftar ulang',
  body: 'Wali murid diminta membayar tanpa kuitansi.',
  incidentDate: '2026-03-03',
  location: { text: 'Makassar' },
  createdAt: '2026-11-23T03:00:00.000Z',
  updatedAt: '2026-11-23T03:00:00.000Z',
  timeline: [{ at: '2026-11-23T03:00:00.000Z', type: 'status', actor: 'hub', status: 'received' }],
};

let hub: ReturnType<typeof installFakeHub>;
afterEach(() => hub?.restore());

const $ = <T extends Element>(el: LaporTracker, selector: string) => el.shadowRoot?.querySelector(selector) as T;

async function lookUp(el: LaporTracker, trackingId: string, receipt = '') {
  for (const [id, value] of [
    ['tracking-id', trackingId],
    ['receipt', receipt],
  ] as const) {
    const input = $<HTMLInputElement>(el, `#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await el.updateComplete;
}

/** The same report as its reporter sees it once the institution has followed it up. */
const followedUp: ReportView = {
  ...view,
  viewer: 'reporter',
  status: 'followed_up',
  timeline: [
    ...view.timeline,
    {
      at: '2026-11-24T03:00:00.000Z',
      type: 'status',
      actor: 'institution',
      status: 'followed_up',
      note: 'Biaya dikembalikan.',
    },
  ],
};

describe('<lapor-tracker>', () => {
  it('catches a mistyped Tracking ID without asking the hub', async () => {
    hub = installFakeHub();
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, 'LPR-0000-0000-1');
    expect($(el, '#tracking-id-error').textContent).to.contain('salah ketik');
    expect($(el, '#tracking-id').getAttribute('aria-invalid')).to.equal('true');
    expect(hub.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows where a loosely typed report stands and fires lapor-tracked', async () => {
    hub = installFakeHub((req) =>
      req.url.pathname.endsWith('/reports/LPR-0000-0000-0') ? { status: 200, body: view } : undefined,
    );
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    const tracked = oneEvent(el, 'lapor-tracked') as Promise<LaporTrackedEvent>;
    await lookUp(el, ' lpr 0000 oooo 0 ');
    expect((await tracked).detail).to.deep.equal({ trackingId: view.trackingId, status: 'received', viewer: 'public' });
    await el.updateComplete;
    expect($(el, '[part=status]').textContent).to.contain('Diterima');
    expect($(el, '#report-title').textContent).to.equal(view.title);
    expect($(el, '[part=timeline]').textContent).to.contain('Diterima');
    expect(hub.requests[0]?.headers.has('authorization')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('says where a sent report went: SP4N-LAPOR!, or the institution’s own desk', async () => {
    const sent = (sentTo: ReportView['sentTo']): ReportView => ({
      ...view,
      status: 'submitted',
      ...(sentTo && { sentTo }),
      timeline: [...view.timeline, { at: view.createdAt, type: 'status', actor: 'hub', status: 'submitted' }],
    });
    for (const [sentTo, label] of [
      ['institution', 'Dikirim ke instansi tujuan'],
      ['sp4n-lapor', 'Dikirim ke SP4N-LAPOR!'],
    ] as const) {
      hub = installFakeHub(() => ({ status: 200, body: sent(sentTo) }));
      const el = await fixture<LaporTracker>(
        html`<lapor-tracker hub="https://hub.example.id" tracking-id=${view.trackingId}></lapor-tracker>`,
      );
      await waitUntil(() => $(el, '[part=status]'), 'the report is shown');
      expect($(el, '[part=status]').textContent).to.equal(label);
      expect($(el, '[part=timeline]').textContent).to.contain(label);
      hub.restore();
    }
  });

  it('shows the deadline in working days, and marks an overdue one plainly', async () => {
    const withDeadlines: ReportView = {
      ...view,
      status: 'forwarded',
      institution: { id: 'disdik-sulsel', name: 'Dinas Pendidikan Provinsi Sulawesi Selatan' },
      timeline: [
        ...view.timeline,
        {
          at: '2026-11-24T03:00:00.000Z',
          type: 'status',
          actor: 'national',
          status: 'forwarded',
          institution: { id: 'disdik-sulsel', name: 'Dinas Pendidikan Provinsi Sulawesi Selatan' },
        },
      ],
      deadline: { kind: 'follow_up', due: '2026-11-27', workingDaysLeft: 3, overdue: false },
      resolution: { kind: 'resolution', due: '2027-02-19', workingDaysLeft: -2, overdue: true },
    };
    hub = installFakeHub(() => ({ status: 200, body: withDeadlines }));
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, view.trackingId);
    await waitUntil(() => $(el, '[part=deadline]'));
    const [followUp, resolution] = el.shadowRoot?.querySelectorAll('[part=deadline]') ?? [];
    expect(followUp?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Jumat, 27 November 2026 — 3 hari kerja lagi');
    expect(resolution?.classList.contains('overdue')).to.be.true;
    expect(resolution?.textContent).to.contain('terlambat 2 hari kerja');
    expect($(el, 'dl').textContent).to.contain('Batas tindak lanjut');
    expect($(el, '[part=timeline]').textContent).to.contain('Diteruskan ke instansi: Dinas Pendidikan Provinsi');
    await expect(el).to.be.accessible();
  });

  it('sends the receipt for the reporter’s own view, without the spaces and line breaks a copy by hand brings', async () => {
    for (const [typed, sent] of [
      ['  the-receipt ', 'the-receipt'],
      [' r3c3 1pt-\ns3cr 3t ', 'r3c31pt-s3cr3t'], // copied from the confirmation's groups
    ]) {
      hub = installFakeHub(() => ({ status: 200, body: { ...view, viewer: 'reporter' } }));
      const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
      await lookUp(el, view.trackingId, typed);
      await waitUntil(() => $(el, '[part=report]'));
      expect(hub.requests[0]?.headers.get('authorization')).to.equal(`Receipt ${sent}`);
      hub.restore();
    }
  });

  it('lets the reporter reply, reopen and rate, with the receipt, and explains a refusal', async () => {
    hub = installFakeHub((req) => {
      if (req.method === 'GET') return { status: 200, body: followedUp };
      if (req.url.pathname.endsWith('/comments')) {
        const note = (req.body as { text: string }).text;
        return {
          status: 201,
          body: {
            ...followedUp,
            timeline: [
              ...followedUp.timeline,
              { at: '2026-11-25T03:00:00.000Z', type: 'message', actor: 'reporter', note },
            ],
          },
        };
      }
      if (req.url.pathname.endsWith('/reopen')) {
        return { status: 409, body: { error: { code: 'reopen_window_closed', message: 'Too late' } } };
      }
      return undefined;
    });
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, view.trackingId, 'the-receipt');
    await waitUntil(() => $(el, '[part=reporter-actions]'));
    expect(el.shadowRoot?.querySelectorAll('[part=reporter-actions] form')).to.have.length(
      3,
      'reply, reopen and rating',
    );
    await expect(el).to.be.accessible();

    const comment = $<HTMLTextAreaElement>(el, '#comment');
    comment.value = 'Kuitansi resmi tetap tidak diberikan.';
    (comment.form as HTMLFormElement).requestSubmit();
    await waitUntil(() => $(el, '[part=reporter-actions] .info'), 'confirmed');
    const post = hub.requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('authorization')).to.equal('Receipt the-receipt');
    expect(post?.body).to.deep.equal({ text: 'Kuitansi resmi tetap tidak diberikan.' });
    expect($(el, '[part=timeline]').textContent).to.contain('Balasan pelapor');
    await expect(el).to.be.accessible();

    const reason = $<HTMLTextAreaElement>(el, '#reason');
    reason.value = 'Pungutan masih diminta minggu ini.';
    (reason.form as HTMLFormElement).requestSubmit();
    await waitUntil(() => $(el, '[part=reporter-actions] .notice'), 'refusal explained');
    expect($(el, '[part=reporter-actions] .notice').textContent).to.contain('10 hari kerja');
    await expect(el).to.be.accessible();
  });

  it('offers no rating while a report the reporter reopened waits for its next follow-up, and says which end is good', async () => {
    const reopened: ReportView = {
      ...followedUp,
      status: 'reopened',
      timeline: [
        ...followedUp.timeline,
        { at: '2026-11-25T03:00:00.000Z', type: 'status', actor: 'reporter', status: 'reopened' },
      ],
    };
    hub = installFakeHub((req) => ({
      status: req.method === 'GET' ? 200 : 201,
      body: req.method === 'GET' ? followedUp : reopened,
    }));
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, view.trackingId, 'the-receipt');
    await waitUntil(() => $(el, '[name=score]'), 'rating offered after the follow-up');
    expect($(el, '#scale-help').textContent).to.equal('1 = sangat tidak puas, 5 = sangat puas');
    await expect(el).to.be.accessible();

    const reason = $<HTMLTextAreaElement>(el, '#reason');
    reason.value = 'Pungutan masih diminta minggu ini.';
    (reason.form as HTMLFormElement).requestSubmit();
    await waitUntil(() => $(el, '[part=reporter-actions] .info'), 'reopened');
    expect($(el, '[part=reporter-actions] form')).to.exist;
    expect($(el, '[name=score]')).to.be.null;
  });

  it('follows a #lapor= link opened on its page, and brings the report into view and focus', async () => {
    const other = { ...view, trackingId: 'LPR-0000-0001-Y', title: 'Jalan rusak di depan sekolah' };
    hub = installFakeHub((req) =>
      req.url.pathname.endsWith(other.trackingId) ? { status: 200, body: other } : { status: 200, body: view },
    );
    const el = await fixture<LaporTracker>(
      html`<div style="margin-top: 3000px"><lapor-tracker hub="https://hub.example.id"></lapor-tracker></div>`,
    ).then((wrapper) => wrapper.querySelector('lapor-tracker') as LaporTracker);
    const before = window.location.href;
    try {
      const tracked = oneEvent(el, 'lapor-tracked');
      window.location.hash = `#lapor=${other.trackingId}`;
      await tracked;
      await waitUntil(() => el.shadowRoot?.activeElement?.id === 'report-title', 'focused');
      expect($(el, '#report-title').textContent).to.equal(other.title);
      const top = $(el, '#report-title').getBoundingClientRect().top;
      expect(top).to.be.within(0, window.innerHeight);
      expect($<HTMLInputElement>(el, '#tracking-id').value).to.equal(other.trackingId);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('points a report found to repeat an earlier one to that one, which opens on a click', async () => {
    const original = { ...view, trackingId: 'LPR-0000-0001-Y', title: 'Pungutan daftar ulang, laporan pertama' };
    const repeat: ReportView = {
      ...view,
      duplicateOf: original.trackingId,
      timeline: [
        ...view.timeline,
        { at: '2026-11-25T03:00:00.000Z', type: 'duplicate', actor: 'national', reference: original.trackingId },
      ],
    };
    hub = installFakeHub((req) =>
      req.url.pathname.endsWith(original.trackingId) ? { status: 200, body: original } : { status: 200, body: repeat },
    );
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, view.trackingId);
    await waitUntil(() => $(el, '[part=duplicate-of]'), 'the pointer is shown');
    expect($(el, '[part=duplicate-of]').textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      `Laporan ini sama dengan laporan yang lebih dulu masuk; yang itu yang ditangani. Lihat laporan ${original.trackingId}`,
    );
    expect($(el, '[part=timeline] li:last-child').textContent).to.contain(`Sama dengan laporan ${original.trackingId}`);
    await expect(el).to.be.accessible();
    const before = window.location.href;
    try {
      const tracked = oneEvent(el, 'lapor-tracked');
      $<HTMLAnchorElement>(el, '[part=duplicate-of] a').click();
      await tracked;
      await waitUntil(() => $(el, '#report-title')?.textContent === original.title, 'the original is shown');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('on a page the hub does not know, says so and links to the hub’s own tracker page', async () => {
    hub = installFakeHub(() => ({
      status: 403,
      body: { error: { code: 'origin_not_allowed', message: 'The website is not registered with this hub' } },
    }));
    const consoleError = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
      await lookUp(el, view.trackingId);
      await waitUntil(() => $(el, '[part=problem]'), 'refusal shown');
      expect($(el, '[part=problem]').textContent).to.contain('belum didaftarkan pada hub pengaduan');
      expect($<HTMLAnchorElement>(el, '[part=problem] a').href).to.equal(
        `https://hub.example.id/lacak/#lapor=${view.trackingId}`,
      );
      expect($(el, '[part=retry-button]')).to.be.null;
      await expect(el).to.be.accessible();
    } finally {
      console.error = consoleError;
    }
    expect(logged.join('\n')).to.contain(`--origin ${window.location.origin}`);
  });

  it('opens the reporter’s view from the receipt file the form offered', async () => {
    hub = installFakeHub(() => ({ status: 200, body: { ...view, viewer: 'reporter' } }));
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    const receipt = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f'; // 43 characters, as every receipt
    const file = new File(
      [`Bukti laporan SP4N-LAPOR!\n\nTracking ID: ${view.trackingId}\nKode bukti: ${receipt}\nDikirim: 23 Nov 2026\n`],
      'laporan.txt',
      { type: 'text/plain' },
    );
    const input = $<HTMLInputElement>(el, '#receipt-file');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => $(el, '[part=report]'), 'opened');
    expect(hub.requests[0]?.headers.get('authorization')).to.equal(`Receipt ${receipt}`);
    expect(Object.keys(localStorage).some((k) => localStorage.getItem(k)?.includes(receipt))).to.be.false;
    expect(window.location.href).not.to.contain(receipt);
  });

  it('offers no actions in the public view', async () => {
    hub = installFakeHub(() => ({ status: 200, body: view }));
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, view.trackingId);
    await waitUntil(() => $(el, '[part=report]'));
    expect($(el, '[part=reporter-actions]')).to.be.null;
  });

  it('says plainly when no report has the Tracking ID', async () => {
    hub = installFakeHub();
    const el = await fixture<LaporTracker>(
      html`<lapor-tracker hub="https://hub.example.id" tracking-id="LPR-0000-0000-0"></lapor-tracker>`,
    );
    await waitUntil(() => $(el, '[part=problem]'));
    expect($(el, '[part=problem]').textContent).to.contain('tidak ditemukan');
    expect($(el, '[part=retry-button]'), 'retrying cannot help').to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while the report loads, and only the report once it has', async () => {
    let answer = (_: Response) => {};
    const originalFetch = window.fetch;
    window.fetch = () => new Promise<Response>((resolve) => (answer = resolve));
    try {
      const el = await fixture<LaporTracker>(
        html`<lapor-tracker hub="https://hub.example.id" tracking-id=${view.trackingId}></lapor-tracker>`,
      );
      expect($(el, '[part=skeleton]')).not.to.be.null;
      expect($(el, '[aria-busy]').getAttribute('aria-busy')).to.equal('true');
      expect($<HTMLButtonElement>(el, 'button[type=submit]').disabled).to.be.true;
      await expect(el).to.be.accessible();
      answer(new Response(JSON.stringify(view), { headers: { 'Content-Type': 'application/json' } }));
      await waitUntil(() => $(el, '[part=report]'), 'loaded');
      expect($(el, '[part=skeleton]')).to.be.null;
    } finally {
      window.fetch = originalFetch;
    }
  });

  it('says how long to wait when the hub is asked too often, and offers to try again', async () => {
    let limited = true;
    hub = installFakeHub(() =>
      limited
        ? {
            status: 429,
            body: { error: { code: 'rate_limited', message: 'Too many requests' } },
            headers: { 'Retry-After': '42' },
          }
        : { status: 200, body: view },
    );
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, view.trackingId);
    await waitUntil(() => $(el, '[part=problem]'));
    expect($(el, '[part=problem]').textContent).to.contain('Coba lagi dalam 42 detik');
    await expect(el).to.be.accessible();
    limited = false;
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await waitUntil(() => $(el, '[part=report]'), 'shown after the retry');
    expect($(el, '[part=problem]')).to.be.null;
  });

  it('tells an offline visitor so, and looks the report up again once back online', async () => {
    let online = false;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    try {
      hub = installFakeHub(() => (online ? { status: 200, body: view } : 'network-error'));
      const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
      await lookUp(el, view.trackingId);
      await waitUntil(() => $(el, '[part=problem]'));
      expect($(el, '[part=problem]').textContent).to.contain('offline');
      await expect(el).to.be.accessible();
      online = true;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => $(el, '[part=report]'), 'looked up again by itself');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('offers a retry when the hub cannot be reached though the device is online', async () => {
    hub = installFakeHub(() => 'network-error');
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, view.trackingId);
    await waitUntil(() => $(el, '[part=problem]'));
    expect($(el, '[part=problem]').textContent).to.contain('Periksa koneksi internet');
    expect($(el, '[part=retry-button]')).not.to.be.null;
    await expect(el).to.be.accessible();
  });

  it('links a public report’s attachments to the hub', async () => {
    const withFiles: ReportView = {
      ...view,
      attachments: [
        {
          id: 'a1',
          name: 'kuitansi.jpg',
          mediaType: 'image/jpeg',
          size: 204_800,
          url: `/api/v1/reports/${view.trackingId}/attachments/a1`,
        },
      ],
    };
    hub = installFakeHub(() => ({ status: 200, body: withFiles }));
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id/lapor/"></lapor-tracker>`);
    await lookUp(el, view.trackingId);
    await waitUntil(() => $(el, '[part=attachments]'));
    const link = $<HTMLAnchorElement>(el, '[part=attachments] a');
    expect(link.href).to.equal(`https://hub.example.id/lapor/api/v1/reports/${view.trackingId}/attachments/a1`);
    expect(link.textContent).to.equal('kuitansi.jpg');
    expect($(el, '[part=attachments]').textContent).to.contain('200 KB');
    await expect(el).to.be.accessible();
  });

  it('fetches a confidential report’s attachment with the receipt, and explains a refusal', async () => {
    const confidential: ReportView = {
      ...view,
      viewer: 'reporter',
      confidential: true,
      attachments: [
        {
          id: 'a1',
          name: 'bukti.pdf',
          mediaType: 'application/pdf',
          size: 1000,
          url: '/api/v1/reports/x/attachments/a1',
        },
      ],
    };
    let refuse = false;
    hub = installFakeHub((req) => {
      if (!req.url.pathname.endsWith('/attachments/a1')) return { status: 200, body: confidential };
      return refuse
        ? { status: 401, body: { error: { code: 'invalid_receipt', message: 'No' } } }
        : { status: 200, body: 'the file' };
    });
    const el = await fixture<LaporTracker>(html`<lapor-tracker hub="https://hub.example.id"></lapor-tracker>`);
    await lookUp(el, view.trackingId, 'the-receipt');
    await waitUntil(() => $(el, '[part=attachments]'));
    expect($(el, '[part=attachments] a'), 'no link, which could not carry the receipt').to.be.null;
    const open = $<HTMLButtonElement>(el, '[part=attachments] button');
    open.click();
    await waitUntil(() => hub.requests.length === 2);
    expect(hub.requests[1]?.headers.get('authorization')).to.equal('Receipt the-receipt');
    refuse = true;
    open.click();
    await waitUntil(() => $(el, '.report [role=alert]'), 'refusal explained');
    expect($(el, '.report [role=alert]').textContent).to.contain('Kode bukti tidak cocok');
    await expect(el).to.be.accessible();
  });

  it('speaks English, deadlines, states, categories and the destination’s number included', async () => {
    const forwarded: ReportView = {
      ...view,
      status: 'forwarded',
      sentTo: 'sp4n-lapor',
      category: { id: 'pendidikan-kebudayaan', name: 'Pendidikan dan Kebudayaan' },
      deadline: { kind: 'follow_up', due: '2026-11-27', workingDaysLeft: 3, overdue: false },
      timeline: [
        ...view.timeline,
        { at: '2026-11-23T04:00:00.000Z', type: 'status', actor: 'hub', status: 'submitted', reference: '2026003' },
      ],
    };
    hub = installFakeHub(() => ({ status: 200, body: forwarded }));
    const el = await fixture<LaporTracker>(
      html`<lapor-tracker lang="en" hub="https://hub.example.id" tracking-id=${view.trackingId}></lapor-tracker>`,
    );
    await waitUntil(() => $(el, '[part=deadline]')?.textContent?.includes('working days left'), 'English deadline');
    expect($(el, '[part=deadline]').textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Friday, 27 November 2026 — 3 working days left',
    );
    expect($(el, '[part=status]').textContent).to.equal('Forwarded to the institution');
    expect($(el, 'dl').textContent).to.contain('Education and Culture');
    expect($(el, '[part=timeline]').textContent).to.contain('Report number at SP4N-LAPOR!: 2026003');
    expect($(el, '.report').textContent).not.to.contain('Pendidikan');
    await expect(el).to.be.accessible();
  });
});
