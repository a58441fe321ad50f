import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PublicReport } from '../../../contract/monitor';
import '../index';
import { installFakeHub, type RecordedRequest } from '../internal/fake-hub';
import type { LaporForm } from './lapor-form';
import { firstSentences, type SimilarReports } from './similar-reports';

const earlier: PublicReport = {
  trackingId: 'LPR-7Q2M-4KXD-9',
  kind: 'pengaduan',
  status: 'forwarded',
  title: 'Pungutan liar saat daftar ulang',
  excerpt: 'Wali murid kelas X diminta membayar Rp250.000 tanpa kuitansi saat daftar ulang.',
  institution: { id: 'smk-smak-makassar', name: 'SMK SMAK Makassar' },
  region: { code: '73.71', name: 'Kota Makassar' },
  receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
  forwardedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
};

let hub: ReturnType<typeof installFakeHub>;
afterEach(() => hub?.restore());
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const $ = <T extends Element>(el: LaporForm, selector: string) => el.shadowRoot?.querySelector(selector) as T;
const asked = () => hub.requests.filter((req: RecordedRequest) => req.url.pathname.endsWith('/reports/similar'));
const similarOf = (el: LaporForm) => (el as unknown as { similar?: SimilarReports }).similar;

async function mount() {
  hub = installFakeHub((req) => {
    if (req.url.pathname.endsWith('/reports/similar')) return { status: 200, body: { items: [earlier] } };
    if (req.url.pathname.endsWith('/followers')) return { status: 202, body: { status: 'confirmation_sent' } };
    return undefined;
  });
  const el = await fixture<LaporForm>(html`
    <lapor-form hub="https://hub.example.id" institution="smk-smak-makassar"></lapor-form>
  `);
  await waitUntil(() => $<HTMLInputElement>(el, '#institutionId')?.value === 'SMK SMAK Makassar', 'preset shown');
  return el;
}

function type(el: LaporForm, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const TITLE = 'Uang daftar ulang tanpa kuitansi';
const BODY =
  'Kami disuruh membayar biaya daftar ulang dan tidak diberi bukti pembayaran. Bendahara bernama Sulastri menolak memberi kuitansi ketika ditanya.';

describe('similar reports in <lapor-form>', () => {
  it('asks once the visitor pauses, with the title and first sentences, and shows what is being handled without taking the focus', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, '#title').focus();
    await sendKeys({ type: 'Uang daftar' });
    type(el, 'title', TITLE);
    type(el, 'body', BODY);
    $<HTMLTextAreaElement>(el, '#body').focus();
    // Its code is fetched once there is something to compare, then the question waits for the pause.
    await waitUntil(() => similarOf(el)?.scheduled, 'a question waits for the pause');
    expect(asked()).to.have.length(0, 'nothing asked while typing');
    // The question waits for the visitor's pause (1.2 s), hence the longer wait.
    await waitUntil(() => $(el, '[part=similar]'), 'the suggestions are shown', { timeout: 4000 });
    expect(asked()).to.have.length(1, 'one question for all those keystrokes');
    const params = asked()[0]?.url.searchParams;
    expect(params?.get('institution')).to.equal('smk-smak-makassar');
    expect(params?.get('q')).to.equal(`${TITLE}. ${BODY}`);
    expect(el.shadowRoot?.activeElement?.id).to.equal('body', 'the focus stays where the visitor writes');
    expect($(el, 'p[role=status].visually-hidden')?.textContent?.trim()).to.equal('Laporan serupa: 1.');
    const item = $(el, '[part=similar-report]');
    expect(item.querySelector('summary')?.textContent?.trim()).to.equal(earlier.title);
    const day = new Intl.DateTimeFormat('id-ID', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(earlier.receivedAt));
    expect(item.textContent).to.contain(`Diteruskan ke instansi · ${day} · Kota Makassar`);
    expect(item.querySelector('a')?.getAttribute('href')).to.contain('#lapor=LPR-7Q2M-4KXD-9');
    await expect(el).to.be.accessible();

    // Following it by email instead: Enter asks the hub, never sends the visitor's own report.
    (item as HTMLDetailsElement).open = true;
    const address = $<HTMLInputElement>(el, '#follow-0');
    address.focus();
    await sendKeys({ type: 'warga.lain@example.id' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => item.querySelector('[part=follow] [role=status]')?.textContent?.trim(), 'the answer is said');
    expect(item.querySelector('[part=follow] [role=status]')?.textContent?.trim()).to.equal(
      'Konfirmasikan dari email kami.',
    );
    const followed = hub.requests.filter((req) => req.method === 'POST');
    expect(followed.map((req) => req.url.pathname)).to.deep.equal(['/api/v1/reports/LPR-7Q2M-4KXD-9/followers']);
    expect(followed[0]?.body).to.deep.equal({ email: 'warga.lain@example.id', locale: 'id' });
    expect(address.value).to.equal('', 'the address is not kept');
    const draft = Object.values({ ...localStorage }).join('');
    expect(draft).to.contain(TITLE, 'the draft is kept');
    expect(draft).not.to.contain('warga.lain', 'without the follower’s address');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part=different-button]').click();
    await el.updateComplete;
    expect($(el, '[part=similar]')).to.equal(null, 'put away');
    type(el, 'body', `${BODY} Sudah tiga kali terjadi.`);
    await el.updateComplete;
    expect(similarOf(el)?.scheduled).to.equal(false, 'and not asked again');
  });

  it('never sends the words of a report marked rahasia, and takes back what its words had found', async () => {
    const el = await mount();
    type(el, 'title', TITLE);
    type(el, 'body', BODY);
    await waitUntil(() => $(el, '[part=similar]'), 'suggestions for a report that is not confidential', {
      timeout: 4000,
    });
    expect(asked()).to.have.length(1);
    $<HTMLInputElement>(el, '#confidential').click();
    await el.updateComplete;
    expect($(el, '[part=similar]')).to.equal(null, 'what was found is taken back');
    type(el, 'body', `${BODY} Mohon ditindaklanjuti.`);
    type(el, 'title', `${TITLE} lagi`);
    await el.updateComplete;
    expect(similarOf(el)?.scheduled).to.equal(false, 'nothing waits to be asked');
    expect(asked()).to.have.length(1, 'nothing more was asked');
  });

  it('cuts the chronology after its first sentences', () => {
    expect(firstSentences('Satu. Dua.')).to.equal('Satu. Dua.');
    const long = `${'Kalimat pertama yang cukup panjang untuk diuji. '.repeat(8)}Akhir.`;
    const cut = firstSentences(long, 120);
    expect(cut.length).to.be.at.most(120);
    expect(cut.endsWith('.')).to.equal(true);
  });
});
