import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PollView } from '../../../contract/polls';
import '../entries/lapor-poll';
import type { LaporVotedEvent } from '../events/lapor-voted';
import { challenge, installFakeHub, type RecordedRequest } from '../internal/fake-hub';
import type { LaporPoll } from './lapor-poll';

const HUB = 'https://hub.example.id';

const open: PollView = {
  id: 'q3ZkT1xw0bVa',
  institution: { id: 'kemendikdasmen', name: 'Kementerian Pendidikan Dasar dan Menengah' },
  question: 'Setujukah Anda kurikulum baru diterapkan tahun depan?',
  explanation: 'Rencana implementasi: https://kurikulum.kemendikdasmen.go.id/rencana. <b>bukan markup</b>',
  kind: 'choice',
  options: ['Setuju', 'Tidak setuju', 'Belum tahu'],
  allowComment: true,
  publishComments: false,
  confirmByEmail: false,
  opensAt: '2026-12-01T01:00:00.000Z',
  closesAt: '2026-12-15T10:00:00.000Z',
  state: 'open',
};

const closed: PollView = {
  ...open,
  state: 'closed',
  yourVote: { choice: 2, confirmed: true },
  results: { votes: 8, counts: [5, 2, 1], countedAt: '2026-12-15T10:00:01.000Z', comments: 0 },
};

let hub: ReturnType<typeof installFakeHub>;
afterEach(() => {
  hub?.restore();
  localStorage.clear();
});

const $ = <T extends Element>(el: LaporPoll, selector: string) => el.shadowRoot?.querySelector(selector) as T;
const $$ = (el: LaporPoll, selector: string) => [...(el.shadowRoot?.querySelectorAll(selector) ?? [])];
const text = (el: Element | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A hub holding one poll and taking votes for it, as the real one answers (a change answered 200). */
function pollHub(poll: PollView) {
  let current = poll;
  return installFakeHub((req: RecordedRequest) => {
    if (req.url.pathname.endsWith(`/polls/${poll.id}`)) return { status: 200, body: current };
    if (req.url.pathname.endsWith(`/polls/${poll.id}/votes`) && req.method === 'POST') {
      const { choice, comment, email } = req.body as { choice: number; comment?: string; email?: string };
      const changed = current.yourVote !== undefined;
      const confirmed = !current.confirmByEmail || current.yourVote?.confirmed === true;
      if (!confirmed && !email)
        return {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'Email',
              fields: { email: { code: 'required', message: 'Email' } },
            },
          },
        };
      current = { ...current, yourVote: { choice, ...(comment && { comment }), confirmed } };
      return { status: confirmed ? (changed ? 200 : 201) : 202, body: { choice, changed, confirmed } };
    }
    return undefined;
  });
}

async function choose(el: LaporPoll, label: string) {
  const input = $$(el, '.answer')
    .find((answer) => text(answer) === label)
    ?.querySelector('input');
  if (!input) throw new Error(`no answer ${label}`);
  input.click();
  await el.updateComplete;
}

describe('<lapor-poll>', () => {
  it('shows an open poll, takes a vote with a proof of work and this browser’s token, and says so', async () => {
    hub = pollHub(open);
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${open.id}></lapor-poll>`);
    await waitUntil(() => $(el, '[part=question]'), 'the poll is shown');
    expect(text($(el, '[part=question]'))).to.equal(open.question);
    const link = $<HTMLAnchorElement>(el, '[part=explanation] a');
    expect(link.href).to.equal('https://kurikulum.kemendikdasmen.go.id/rencana');
    expect(link.rel).to.equal('noopener noreferrer');
    expect($(el, '[part=explanation] b'), 'the institution’s text is text, not markup').to.be.null;
    expect($$(el, 'input[type=radio]')).to.have.length(3);
    await expect(el).to.be.accessible();

    await choose(el, 'Tidak setuju');
    ($(el, 'textarea') as HTMLTextAreaElement).value = 'Guru perlu pelatihan dulu.';
    $(el, 'textarea').dispatchEvent(new Event('input'));
    const voted = oneEvent(el, 'lapor-voted') as Promise<LaporVotedEvent>;
    $<HTMLButtonElement>(el, '[part=vote-button]').click();
    expect((await voted).detail).to.deep.equal({ pollId: open.id, choice: 2, changed: false });
    await el.updateComplete;

    const sent = hub.requests.find((req) => req.method === 'POST');
    expect(sent?.body).to.deep.equal({ choice: 2, comment: 'Guru perlu pelatihan dulu.' });
    expect(sent?.headers.get('x-lapor-device')).to.match(/^[A-Za-z0-9_-]{43}$/);
    const proof = JSON.parse(atob(sent?.headers.get('x-altcha') ?? ''));
    expect(proof).to.include({ number: 42, signature: challenge.signature });
    const status = $<HTMLElement>(el, '[part=your-vote]');
    expect(text(status)).to.contain('Terima kasih, suara Anda telah diterima.');
    expect(text(status)).to.contain('Pilihan Anda: Tidak setuju.');
    expect(el.shadowRoot?.activeElement, 'focus moves to what happened').to.equal(status);
    expect($(el, 'form'), 'the answers give way to the vote cast').to.be.null;
    await expect(el).to.be.accessible();
  });

  it('lets the same browser change its vote, with its earlier choice and comment in place', async () => {
    hub = pollHub(open);
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${open.id}></lapor-poll>`);
    await waitUntil(() => $(el, '[part=question]'));
    await choose(el, 'Setuju');
    $<HTMLButtonElement>(el, '[part=vote-button]').click();
    await waitUntil(() => $(el, '[part=change-button]'), 'the vote is taken');
    const first = hub.requests.find((req) => req.method === 'POST')?.headers.get('x-lapor-device');

    // Reloaded: the poll comes back with this browser's vote, known to the hub by the kept token.
    el.remove();
    const again = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${open.id}></lapor-poll>`);
    await waitUntil(() => $(again, '[part=change-button]'), 'the earlier vote is shown');
    const reload = hub.requests.filter((req) => req.method === 'GET').at(-1);
    expect(reload?.headers.get('x-lapor-device'), 'the same token after a reload').to.equal(first);
    expect(text($(again, '[part=your-vote]'))).to.contain('Pilihan Anda: Setuju.');
    $<HTMLButtonElement>(again, '[part=change-button]').click();
    await again.updateComplete;
    expect($<HTMLInputElement>(again, 'input[type=radio]:checked').value).to.equal('1');
    await expect(again).to.be.accessible();

    await choose(again, 'Belum tahu');
    const voted = oneEvent(again, 'lapor-voted') as Promise<LaporVotedEvent>;
    $<HTMLButtonElement>(again, '[part=vote-button]').click();
    expect((await voted).detail.changed).to.be.true;
    await again.updateComplete;
    expect(text($(again, '[part=your-vote]'))).to.contain('Pilihan Anda telah diubah.');
    expect(text($(again, '[part=your-vote]'))).to.contain('Pilihan Anda: Belum tahu.');
    await expect(again).to.be.accessible();
  });

  it('can be answered with the keyboard alone', async () => {
    hub = pollHub({ ...open, allowComment: false });
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${open.id}></lapor-poll>`);
    await waitUntil(() => $(el, '[part=question]'));
    const voted = oneEvent(el, 'lapor-voted') as Promise<LaporVotedEvent>;
    // Into the answers (past the explanation's link), down to the second, to the button, and send.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.getAttribute('type')).to.equal('radio');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.equal('vote-button');
    await sendKeys({ press: 'Enter' });
    expect((await voted).detail.choice).to.equal(2);
  });

  it('asks for an email where the poll confirms votes by email, never keeps it, and says the vote waits', async () => {
    hub = pollHub({ ...open, confirmByEmail: true, allowComment: false });
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${open.id}></lapor-poll>`);
    await waitUntil(() => $(el, 'input[type=email]'), 'the address is asked for');
    await expect(el).to.be.accessible();
    await choose(el, 'Setuju');
    $<HTMLButtonElement>(el, '[part=vote-button]').click();
    await el.updateComplete;
    expect(text($(el, '.error'))).to.contain('alamat email');
    expect(hub.requests.filter((req) => req.method === 'POST')).to.have.length(0);

    const input = $<HTMLInputElement>(el, 'input[type=email]');
    input.value = 'ani@example.com';
    input.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '[part=vote-button]').click();
    await waitUntil(() => $(el, '[part=change-button]'), 'the vote is taken');
    expect(hub.requests.find((req) => req.method === 'POST')?.body).to.deep.equal({
      choice: 1,
      email: 'ani@example.com',
    });
    const status = text($(el, '[part=your-vote]'));
    expect(status).to.contain('Kami mengirim tautan konfirmasi ke email Anda.');
    expect(status).to.contain('baru dihitung setelah Anda membuka tautan');
    const kept = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(kept).to.contain('lapor-poll-device', 'the search reads the storage the token is in');
    expect(kept).not.to.contain('ani@example.com');
    await expect(el).to.be.accessible();
  });

  it('asks for an answer before sending, and says why a vote was refused', async () => {
    hub = installFakeHub((req) =>
      req.method === 'POST'
        ? { status: 409, body: { error: { code: 'poll_not_open', message: 'This poll has closed' } } }
        : req.url.pathname.endsWith(`/polls/${open.id}`)
          ? { status: 200, body: open }
          : undefined,
    );
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${open.id}></lapor-poll>`);
    await waitUntil(() => $(el, '[part=vote-button]'));
    $<HTMLButtonElement>(el, '[part=vote-button]').click();
    await el.updateComplete;
    expect(text($(el, '.error'))).to.equal('Pilih salah satu jawaban.');
    expect(hub.requests.filter((req) => req.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();

    await choose(el, 'Setuju');
    $<HTMLButtonElement>(el, '[part=vote-button]').click();
    await waitUntil(() => text($(el, '.error')).includes('tidak sedang menerima suara'), 'the refusal is told');
    await expect(el).to.be.accessible();
  });

  it('shows a closed poll’s results as a table beside the chart, this browser’s choice marked', async () => {
    hub = installFakeHub(() => ({ status: 200, body: closed }));
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${closed.id}></lapor-poll>`);
    await waitUntil(() => $(el, '[part=results-table]'), 'the results are shown');
    expect($(el, '.chart').getAttribute('aria-hidden')).to.equal('true');
    const rows = $$(el, 'tbody tr').map((row) => [...row.children].map(text));
    expect(rows).to.deep.equal([
      ['Setuju', '5', '62.5 %'],
      ['Tidak setuju (pilihan Anda)', '2', '25 %'],
      ['Belum tahu', '1', '12.5 %'],
    ]);
    expect(text($(el, '[part=results]'))).to.contain('8 suara.');
    expect($$(el, 'rect.fill').map((bar) => bar.getAttribute('width'))).to.deep.equal(['62.5', '25', '12.5']);
    expect($(el, 'form'), 'a closed poll takes no vote').to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows a poll not yet open, with when it opens, and no answers to choose', async () => {
    hub = installFakeHub(() => ({ status: 200, body: { ...open, state: 'scheduled' } }));
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${open.id}></lapor-poll>`);
    await waitUntil(() => $(el, '[part=question]'));
    expect(text($(el, '.muted'))).to.match(/Dibuka .+, ditutup .+\./);
    expect($(el, 'form')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows a site’s open polls (not one closed long ago), a scale poll with its five levels, in English', async () => {
    const scale: PollView = {
      ...open,
      id: 'sKala000001',
      question: 'Sekolah lima hari membantu siswa belajar.',
      kind: 'scale',
      options: [],
      allowComment: false,
    };
    hub = installFakeHub((req) => {
      if (req.url.pathname.endsWith('/polls') && req.url.searchParams.get('state') === 'open') {
        return { status: 200, body: { items: [open, scale] } };
      }
      if (req.url.pathname.endsWith('/polls') && req.url.searchParams.get('state') === 'closed') {
        // Closed a year ago: too long ago to show.
        return {
          status: 200,
          body: { items: [{ ...closed, id: 'lama0000001', closesAt: '2025-11-01T00:00:00.000Z' }] },
        };
      }
      const poll = [open, scale].find((p) => req.url.pathname.endsWith(`/polls/${p.id}`));
      return poll ? { status: 200, body: poll } : undefined;
    });
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} site="school" lang="en"></lapor-poll>`);
    await waitUntil(() => $$(el, '[part=poll]').length === 2, 'both polls are shown');
    expect(hub.requests[0]?.headers.get('x-lapor-site')).to.equal('school');
    const levels = $$(el, '[part=poll]')[1]?.querySelectorAll('.answer') ?? [];
    await waitUntil(() => text(levels[0]) === 'Strongly disagree', 'the levels are in English');
    expect([...levels].map(text)).to.deep.equal([
      'Strongly disagree',
      'Disagree',
      'Neutral',
      'Agree',
      'Strongly agree',
    ]);
    expect(text($(el, '[part=vote-button]'))).to.equal('Send my choice');
    await expect(el).to.be.accessible();
  });

  it('tells of a network failure and tries again when asked', async () => {
    let online = false;
    hub = installFakeHub(() => (online ? { status: 200, body: open } : 'network-error'));
    const el = await fixture<LaporPoll>(html`<lapor-poll hub=${HUB} poll=${open.id}></lapor-poll>`);
    await waitUntil(() => $(el, '[part=problem]'), 'the failure is told');
    expect(text($(el, '[part=problem]'))).to.contain('Tidak dapat terhubung');
    await expect(el).to.be.accessible();
    online = true;
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await waitUntil(() => $(el, '[part=question]'), 'the poll is shown after the retry');
  });

  it('fits a 320 px screen: nothing wider than the element', async () => {
    hub = installFakeHub(() => ({ status: 200, body: closed }));
    const el = await fixture<LaporPoll>(
      html`<lapor-poll hub=${HUB} poll=${closed.id} style="display: block; width: 320px"></lapor-poll>`,
    );
    await waitUntil(() => $(el, '[part=results-table]'));
    const parts = $$(el, '[part=poll] *');
    expect(parts.length).to.be.greaterThan(10);
    const right = el.getBoundingClientRect().right;
    const wider = parts.filter((part) => part.getBoundingClientRect().right > right + 0.5);
    expect(wider.map((part) => part.outerHTML.slice(0, 60))).to.deep.equal([]);
  });
});
