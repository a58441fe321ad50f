import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LaporSubmittedEvent } from '../events/lapor-submitted';
import '../index';
import type { ReportCreated } from '../../../contract';
import { challenge, type FakeHubHandler, installFakeHub } from '../internal/fake-hub';
import { useLanguage } from '../internal/locale';
import type { LaporForm } from './lapor-form';
import { receiptText } from './receipt-file';

const created = {
  trackingId: 'LPR-0000-0000-0',
  receipt: 'r3c31pt-s3cr3t-0123456789abcdefghijklmnopqrstu',
  status: 'received',
  createdAt: '2026-11-23T03:00:00.000Z',
};

let hub: ReturnType<typeof installFakeHub>;
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(async () => {
  hub?.restore();
  await useLanguage('id');
});

async function mount(answer?: FakeHubHandler) {
  hub = installFakeHub(answer);
  const el = await fixture<LaporForm>(html`
    <lapor-form hub="https://hub.example.id" institution="smk-smak-makassar" category="pendidikan-kebudayaan"></lapor-form>
  `);
  await waitUntil(() => $<HTMLInputElement>(el, '#institutionId')?.value === 'SMK SMAK Makassar', 'preset shown');
  await waitUntil(() => $(el, '#categoryId'), 'categories loaded');
  return el;
}

const $ = <T extends Element>(el: LaporForm, selector: string) => el.shadowRoot?.querySelector(selector) as T;

function type(el: LaporForm, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function fillValid(el: LaporForm) {
  type(el, 'title', 'Pungutan liar saat daftar ulang');
  type(el, 'body', 'Saat daftar ulang, wali murid diminta membayar Rp250.000 tanpa kuitansi resmi.');
  type(el, 'incidentDate', '2026-03-03');
  type(el, 'locationText', 'Ruang Tata Usaha, SMK SMAK Makassar');
  for (const box of el.shadowRoot?.querySelectorAll<HTMLInputElement>('[name=checklist]') ?? []) box.click();
}

async function submit(el: LaporForm) {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await el.updateComplete;
}

const posts = () => hub.requests.filter((r) => r.method === 'POST');

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chooseFiles(el: LaporForm, files: File[]) {
  const input = $<HTMLInputElement>(el, '#attachments');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('<lapor-form>', () => {
  it('labels every required field and preselects the preset institution and category', async () => {
    const el = await mount();
    for (const id of ['title', 'body', 'incidentDate', 'locationText', 'institutionId', 'categoryId']) {
      expect($(el, `label[for=${id}]`), id).to.exist;
    }
    expect($(el, '#institutionId').getAttribute('role')).to.equal('combobox');
    expect($<HTMLSelectElement>(el, '#categoryId').value).to.equal('pendidikan-kebudayaan');
    await expect(el).to.be.accessible();
  });

  it('shows each missing field’s error, focuses the first, and sends nothing', async () => {
    const el = await mount();
    await submit(el);
    await el.updateComplete;
    expect($(el, '#title-error').textContent).to.contain('Wajib diisi');
    expect($(el, '#body-error')).to.exist;
    expect($(el, '#incidentDate-error')).to.exist;
    expect($(el, '#locationText-error')).to.exist;
    expect($(el, '#title').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#title').getAttribute('aria-describedby')).to.contain('title-error');
    expect(el.shadowRoot?.activeElement?.id).to.equal('title');
    expect($(el, '[part=form-error]').textContent).to.contain('perlu diperbaiki');
    expect($(el, '#checklist-error')).to.exist;
    expect(posts()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends the honeypot only when a program filled it', async () => {
    const el = await mount((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    fillValid(el);
    type(el, 'website', 'http://spam.example');
    await submit(el);
    await waitUntil(() => posts().length === 1);
    expect((posts()[0]?.body as { website?: string } | undefined)?.website).to.equal('http://spam.example');
  });

  it('clears an error as soon as the field is put right', async () => {
    const el = await mount();
    await submit(el);
    type(el, 'title', 'Pungutan liar saat daftar ulang');
    await el.updateComplete;
    expect($(el, '#title-error')).to.be.null;
    expect($(el, '#body-error')).to.exist;
  });

  it('refuses an incident date in the future', async () => {
    const el = await mount();
    fillValid(el);
    type(el, 'incidentDate', '2999-01-01');
    await submit(el);
    expect($(el, '#incidentDate-error').textContent).to.contain('tidak boleh setelah hari ini');
    expect(posts()).to.have.length(0);
  });

  it('sends the report as the contract has it and shows the Tracking ID and receipt', async () => {
    const el = await mount((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    fillValid(el);
    $<HTMLInputElement>(el, '#anonymous').click();
    const submitted = oneEvent(el, 'lapor-submitted') as Promise<LaporSubmittedEvent>;
    await submit(el);
    const event = await submitted;
    expect(event.detail).to.deep.equal({
      trackingId: created.trackingId,
      status: 'received',
      createdAt: created.createdAt,
    });
    expect(JSON.stringify(event.detail)).not.to.contain(created.receipt);

    const [post] = posts();
    expect(post?.url.href).to.equal('https://hub.example.id/api/v1/reports');
    expect(post?.headers.get('idempotency-key')).to.match(/^[0-9a-f]{32}$/);
    const proof = JSON.parse(atob(post?.headers.get('x-altcha') ?? ''));
    expect(proof).to.deep.equal({
      algorithm: 'SHA-256',
      challenge: challenge.challenge,
      number: 42,
      salt: challenge.salt,
      signature: challenge.signature,
    });
    expect(post?.body).to.deep.equal({
      kind: 'pengaduan',
      title: 'Pungutan liar saat daftar ulang',
      body: 'Saat daftar ulang, wali murid diminta membayar Rp250.000 tanpa kuitansi resmi.',
      incidentDate: '2026-03-03',
      location: { text: 'Ruang Tata Usaha, SMK SMAK Makassar' },
      institutionId: 'smk-smak-makassar',
      categoryId: 'pendidikan-kebudayaan',
      anonymous: true,
      confidential: false,
      locale: 'id',
    });
    await el.updateComplete;
    expect($(el, '[part=tracking-id]').textContent).to.equal(created.trackingId);
    expect($(el, '[part=receipt]').textContent).to.equal(created.receipt);
    expect($<HTMLAnchorElement>(el, '[part=tracker-link]').href).to.equal(
      `https://hub.example.id/lacak/#lapor=${created.trackingId}`,
      "without a tracker on the page, the hub's tracker page",
    );
    expect(el.shadowRoot?.activeElement).to.equal($(el, '[part=success]'));
    await expect(el).to.be.accessible();
    expect(localStorage.length).to.equal(0);
  });

  it('keeps each group of the receipt on one line on a phone, and says visibly what was copied', async () => {
    const el = await mount((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    el.style.cssText = 'display: block; width: 320px';
    fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part=receipt]'), 'filed');
    const groups = [...$(el, '[part=receipt]').children];
    expect(groups.map((g) => g.textContent).join('')).to.equal(created.receipt);
    expect(groups.length).to.be.greaterThan(1);
    const lines = new Set(groups.map((g) => Math.round(g.getBoundingClientRect().top)));
    expect(lines.size, 'the receipt wraps at 320 px').to.be.greaterThan(1);
    const linesOf = (node: Node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getClientRects().length;
    };
    for (const group of groups) expect(linesOf(group), group.textContent ?? '').to.equal(1);
    expect(linesOf($(el, '[part=tracking-id]'))).to.equal(1);

    const clipboard = navigator.clipboard;
    const copiedTexts: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copiedTexts.push(text) },
    });
    try {
      const copyReceipt = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
        b.textContent?.includes('Salin kode bukti'),
      );
      copyReceipt?.click();
      await waitUntil(() => $(el, '.copied').textContent, 'confirmed');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
    expect(copiedTexts).to.deep.equal([created.receipt]);
    expect($(el, '.copied').textContent).to.equal('Kode bukti disalin.');
    expect($<HTMLElement>(el, '.copied').offsetHeight, 'shown, not only announced').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('on a page the hub does not know, says plainly it cannot send from here, and tells the webmaster what to register', async () => {
    hub = installFakeHub(() => ({
      status: 403,
      body: { error: { code: 'origin_not_allowed', message: 'The website is not registered with this hub' } },
    }));
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    let el: LaporForm;
    try {
      el = await fixture<LaporForm>(
        html`<lapor-form hub="https://hub.example.id" institution="smk-smak-makassar" category="kesehatan"></lapor-form>`,
      );
      await waitUntil(() => $(el, '[part=problem]'), 'the refusal shown');
    } finally {
      console.error = consoleError;
    }
    expect($(el, '[part=problem]').textContent).to.contain('belum didaftarkan pada hub pengaduan');
    expect($(el, 'form'), 'no form to fill in vain').to.be.null;
    expect($<HTMLAnchorElement>(el, '[part=problem] a').href).to.equal(
      'https://hub.example.id/lapor/?institution=smk-smak-makassar&category=kesehatan',
    );
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain(`--origin ${window.location.origin}`);
    expect(logged[0]).to.contain('npm run hub -- site add');
    await expect(el).to.be.accessible();
  });

  it('solves a new puzzle and sends again when the hub refuses the proof of work', async () => {
    let refusals = 1;
    const el = await mount((req) => {
      if (req.method !== 'POST') return undefined;
      if (refusals-- > 0) {
        return {
          status: 403,
          body: { error: { code: 'challenge_replayed', message: 'This solution was already used' } },
        };
      }
      return { status: 201, body: created };
    });
    fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part=tracking-id]'), 'filed on the second try');
    expect(posts()).to.have.length(2);
    expect(hub.requests.filter((r) => r.url.pathname.endsWith('/challenge'))).to.have.length(2);
  });

  it('puts the hub’s field errors back at their fields', async () => {
    const el = await mount((req) =>
      req.method === 'POST'
        ? {
            status: 400,
            body: {
              error: {
                code: 'validation_failed',
                message: 'The report has invalid fields',
                fields: { categoryId: { code: 'unknown_category', message: 'No category has this id' } },
              },
            },
          }
        : undefined,
    );
    fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '#categoryId-error'));
    expect($(el, '#categoryId-error').textContent).to.contain('Kategori ini tidak dikenal');
    expect(el.shadowRoot?.activeElement?.id).to.equal('categoryId');
  });

  it('keeps what the visitor typed when the network fails', async () => {
    const el = await mount((req) => (req.method === 'POST' ? 'network-error' : undefined));
    fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part=form-error]'));
    expect($(el, '[part=form-error]').textContent).to.contain('koneksi bermasalah');
    expect($(el, '[part=retry-countdown]').textContent).to.contain('3 detik');
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Pungutan liar saat daftar ulang');
    expect($<HTMLButtonElement>(el, 'button[type=submit]').disabled).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('resends with the same Idempotency-Key after a network failure, so the hub files it once', async () => {
    let fail = true;
    const el = await mount((req) => {
      if (req.method !== 'POST') return undefined;
      if (fail) return 'network-error';
      return { status: 201, body: created };
    });
    fillValid(el);
    const errors: string[] = [];
    el.addEventListener('lapor-error', (e) => errors.push(e.detail.code));
    await submit(el);
    await waitUntil(() => $(el, '[part=retry-countdown]'));
    expect(errors).to.deep.equal(['network']);
    fail = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => $(el, '[part=tracking-id]'), 'sent once back online');
    const [first, second] = posts();
    expect(posts()).to.have.length(2);
    expect(second?.headers.get('idempotency-key')).to.equal(first?.headers.get('idempotency-key'));
  });

  it('keeps a draft while the visitor types and restores it on return, with the pending key', async () => {
    const el = await mount((req) => (req.method === 'POST' ? 'network-error' : undefined));
    fillValid(el);
    type(el, 'email', 'andi@example.id');
    await submit(el);
    await waitUntil(() => $(el, '[part=retry-countdown]'));
    const key = posts()[0]?.headers.get('idempotency-key');
    el.remove();
    hub.restore();

    const again = await mount((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    expect($<HTMLInputElement>(again, '#title').value).to.equal('Pungutan liar saat daftar ulang');
    expect($(again, '.info').textContent).to.contain('dipulihkan');
    expect(JSON.stringify({ ...localStorage })).not.to.contain(
      'andi@example.id',
      'the pending send is kept without it',
    );
    type(again, 'email', 'andi@example.id');
    for (const box of again.shadowRoot?.querySelectorAll<HTMLInputElement>('[name=checklist]') ?? []) box.click();
    await submit(again);
    await waitUntil(() => $(again, '[part=tracking-id]'));
    expect(posts()[0]?.headers.get('idempotency-key')).to.equal(key);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('lapor-draft:'))).to.have.length(0);
  });

  it('keeps no name or contact in the browser, and an anonim or rahasia report only for the tab', async () => {
    const el = await mount();
    fillValid(el);
    type(el, 'name', 'Andi Pratama');
    type(el, 'email', 'andi@example.id');
    type(el, 'phone', '0812 3456 7890');
    el.remove();
    const drafts = (storage: Storage) => Object.keys(storage).filter((k) => k.startsWith('lapor-draft:'));
    const [key] = drafts(localStorage);
    const kept = localStorage.getItem(key ?? '') ?? '';
    expect(kept).to.contain('Pungutan liar saat daftar ulang');
    for (const identity of ['Andi', 'andi@example.id', '3456']) expect(kept).not.to.contain(identity);
    expect(drafts(sessionStorage)).to.have.length(0);

    const again = await mount();
    expect($<HTMLInputElement>(again, '#title').value).to.equal('Pungutan liar saat daftar ulang');
    expect($<HTMLInputElement>(again, '#name').value).to.equal('');
    $<HTMLInputElement>(again, '#anonymous').click();
    again.remove();
    expect(drafts(localStorage)).to.have.length(0, 'an anonymous report leaves nothing that outlives the tab');
    expect(drafts(sessionStorage)).to.have.length(1);
    expect(sessionStorage.getItem(drafts(sessionStorage)[0] ?? '')).to.contain('Pungutan liar');
  });

  it('forgets a draft after seven days', async () => {
    const el = await mount();
    type(el, 'title', 'Draf yang sudah lama');
    el.remove();
    const [key = ''] = Object.keys(localStorage).filter((k) => k.startsWith('lapor-draft:'));
    const draft = JSON.parse(localStorage.getItem(key) ?? '{}');
    localStorage.setItem(
      key,
      JSON.stringify({ ...draft, savedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() }),
    );
    const again = await mount();
    expect($<HTMLInputElement>(again, '#title').value).to.equal('');
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('says that a draft is kept, where and until when, and forgets it in one click', async () => {
    const el = await mount();
    type(el, 'title', 'Draf yang ingin dilupakan');
    await waitUntil(() => $(el, '[part=draft-notice]'), 'the draft notice');
    expect($(el, '[part=draft-notice]').textContent).to.contain('disimpan di peramban ini');
    expect($(el, '[part=draft-notice]').textContent).to.contain('tanpa nama dan kontak Anda');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=draft-notice] button').click();
    await el.updateComplete;
    expect($(el, '[part=draft-notice]')).to.equal(null);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('lapor-draft:'))).to.have.length(0);
    $<HTMLInputElement>(el, '#confidential').click();
    type(el, 'title', 'Laporan rahasia');
    await waitUntil(() => $(el, '[part=draft-notice]'), 'the draft notice');
    expect($(el, '[part=draft-notice]').textContent).to.contain('di tab ini saja');
  });

  it('discards a restored draft on request', async () => {
    const el = await mount();
    type(el, 'title', 'Draf yang tidak jadi dikirim');
    el.remove();
    const again = await mount();
    $<HTMLButtonElement>(again, '.info button').click();
    await again.updateComplete;
    expect($<HTMLInputElement>(again, '#title').value).to.equal('');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('lapor-draft:'))).to.have.length(0);
  });

  it('suggests anonim and rahasia when the text holds personal data', async () => {
    const el = await mount();
    type(el, 'body', 'Saya, NIK 7371012304850001, diminta membayar di loket.');
    await el.updateComplete;
    const hint = $(el, '.info');
    expect(hint.textContent).to.contain('NIK');
    await expect(el).to.be.accessible();
    hint.querySelector('button')?.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#anonymous').checked).to.be.true;
    expect($<HTMLInputElement>(el, '#confidential').checked).to.be.true;
    expect($(el, '.info')).to.be.null;
  });

  it('checks chosen files before upload, previews images, and lets the visitor remove them', async () => {
    const el = await mount();
    chooseFiles(el, [
      new File([PNG], 'kuitansi.png', { type: 'image/png' }),
      new File(['MZ'], 'program.exe'),
      new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'video-besar.mp4', { type: 'video/mp4' }),
      new File(['%PDF-1.4'], 'surat.pdf', { type: 'application/pdf' }),
    ]);
    await el.updateComplete;
    const names = [...(el.shadowRoot?.querySelectorAll('.file-name') ?? [])].map((n) => n.textContent);
    expect(names).to.deep.equal(['kuitansi.png', 'surat.pdf']);
    expect($(el, '[part=attachments] img')).to.exist;
    const problems = $(el, '#attachments-error').textContent ?? '';
    expect(problems).to.contain('program.exe: jenis berkas ini tidak diterima');
    expect(problems).to.contain('video-besar.mp4: lebih besar dari 2 MB');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part=attachments] button[aria-label="Hapus lampiran kuitansi.png"]').click();
    await el.updateComplete;
    expect(el.shadowRoot?.querySelectorAll('.file-name')).to.have.length(1);
    expect(el.shadowRoot?.activeElement?.id).to.equal('attachments');
  });

  it('uploads files as multipart with a progress bar', async () => {
    const el = await mount((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    fillValid(el);
    chooseFiles(el, [new File([PNG], 'kuitansi.png', { type: 'image/png' })]);
    await submit(el);
    await waitUntil(() => $<HTMLProgressElement>(el, 'progress')?.value === 50, 'upload halfway');
    await expect(el).to.be.accessible();
    await waitUntil(() => $(el, '[part=tracking-id]'));
    const [post] = posts();
    expect(post?.files?.map((f) => f.name)).to.deep.equal(['kuitansi.png']);
    expect((post?.body as { title?: string } | undefined)?.title).to.equal('Pungutan liar saat daftar ulang');
    expect(post?.headers.get('idempotency-key')).to.match(/^[0-9a-f]{32}$/);
  });

  it('finds an institution by typing, chosen with the keyboard', async () => {
    hub = installFakeHub((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    const el = await fixture<LaporForm>(html`<lapor-form hub="https://hub.example.id"></lapor-form>`);
    const input = $<HTMLInputElement>(el, '#institutionId');
    input.focus();
    type(el, 'institutionId', 'perin');
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'options shown');
    expect($(el, '#institution-options').textContent).to.contain('Kementerian Perindustrian');
    await expect(el).to.be.accessible();
    const key = (k: string) =>
      input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    key('ArrowDown');
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('institution-option-0');
    key('Enter');
    await el.updateComplete;
    expect(input.value).to.equal('Kementerian Perindustrian');
    expect(input.getAttribute('aria-expanded')).to.equal('false');

    fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part=tracking-id]'));
    expect((posts()[0]?.body as { institutionId?: string } | undefined)?.institutionId).to.equal('kemenperin');
  });

  it('asks for an institution chosen from the list', async () => {
    hub = installFakeHub();
    const el = await fixture<LaporForm>(html`<lapor-form hub="https://hub.example.id"></lapor-form>`);
    await waitUntil(() => $(el, '#categoryId'), 'categories loaded');
    fillValid(el);
    type(el, 'institutionId', 'Dinas yang tidak ada');
    await submit(el);
    expect($(el, '#institutionId-error').textContent).to.contain('Pilih instansi tujuan dari daftar');
    expect(posts()).to.have.length(0);
  });

  it('narrows the region level by level and sends the most precise one', async () => {
    const el = await mount((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    const choose = async (depth: number, code: string) => {
      await waitUntil(() => $(el, `#region-${depth} option[value="${code}"]`), `region ${code} offered`);
      const select = $<HTMLSelectElement>(el, `#region-${depth}`);
      select.value = code;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    };
    await waitUntil(() => $(el, '#region-0 option[value="73"]'), 'provinces offered');
    expect(el.shadowRoot?.querySelectorAll('select[id^=region-]')).to.have.length(1, 'only the provinces at first');
    await choose(0, '73');
    await choose(1, '73.71');
    await choose(2, '73.71.07');
    await choose(3, '73.71.07.1001');
    expect($(el, 'label[for=region-3]').textContent).to.equal('Kelurahan/Desa');
    await expect(el).to.be.accessible();

    await choose(0, '74');
    await waitUntil(() => !$(el, '#region-1'), 'lower levels cleared');
    await choose(0, '73');
    await choose(1, '73.71');
    fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part=tracking-id]'));
    expect((posts()[0]?.body as { location?: { regionCode?: string } } | undefined)?.location?.regionCode).to.equal(
      '73.71',
    );
  });

  it('links the success screen to the tracker and offers the receipt as a file', async () => {
    const el = await mount((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    el.trackerUrl = 'https://sekolah.example.sch.id/lacak';
    fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part=tracker-link]'));
    const link = `https://sekolah.example.sch.id/lacak#lapor=${created.trackingId}`;
    expect($<HTMLAnchorElement>(el, '[part=tracker-link]').href).to.equal(link);
    const text = receiptText(created as ReportCreated, link);
    expect(text).to.contain(created.trackingId);
    expect(text).to.contain(created.receipt);
    expect(text).to.contain(link);
  });

  it('takes its presets from a registered site and names the site with each report', async () => {
    hub = installFakeHub((req) => (req.method === 'POST' ? { status: 201, body: created } : undefined));
    const el = await fixture<LaporForm>(html`<lapor-form hub="https://hub.example.id" site="school"></lapor-form>`);
    await waitUntil(() => $(el, '.fixed')?.textContent === 'SMK SMAK Makassar', 'locked institution from the site');
    await waitUntil(() => $<HTMLSelectElement>(el, '#categoryId')?.value === 'pendidikan-kebudayaan', 'site category');
    const asked = hub.requests.map((r) => r.url.pathname);
    expect(asked).to.include('/api/v1/sites/school/config');
    expect(
      asked.filter((path) => path.startsWith('/api/v1/institutions')),
      'the site names its institution: no second round trip for it',
    ).to.deep.equal([]);
    fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part=tracking-id]'));
    const [post] = posts();
    expect(post?.headers.get('x-lapor-site')).to.equal('school');
    expect((post?.body as { institutionId?: string } | undefined)?.institutionId).to.equal('smk-smak-makassar');
  });

  it('follows its own lang attribute', async () => {
    hub = installFakeHub();
    const el = await fixture<LaporForm>(html`<lapor-form lang="en" hub="https://hub.example.id"></lapor-form>`);
    await waitUntil(() => $(el, 'label[for=title]')?.textContent === 'Report title', 'English labels');
  });

  it('speaks English on an English page', async () => {
    hub = installFakeHub();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><lapor-form hub="https://hub.example.id"></lapor-form></div>`,
    );
    const el = wrapper.querySelector('lapor-form') as LaporForm;
    await waitUntil(() => $(el, 'label[for=title]')?.textContent === 'Report title', 'English labels');
    await submit(el);
    expect($(el, '#title-error').textContent).to.contain('Required');
  });
});
