import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { POLL_LIMITS, type PollView } from '../../../contract/polls';
import { LaporVotedEvent } from '../events/lapor-voted';
import { HubError } from '../internal/hub-client';
import { LaporElement } from '../internal/lapor-element';
import { solveChallenge } from '../internal/proof-of-work';
import { sharedStyles } from '../internal/shared.styles';
import { tableStyles } from '../internal/table.styles';
import { deviceToken } from './device-token';
import { pollStyles } from './lapor-poll.styles';
import { linkedText } from './linked-text';
import { PollClient } from './poll-client';
import { answersOf, pollErrorMessage, whenLine } from './poll-messages';
import { renderResults } from './poll-results';

/** What the visitor is doing with one poll. */
interface Ballot {
  choice?: number;
  comment: string;
  /** Where the poll asks for it: where the confirmation link goes. Never kept. */
  email: string;
  /** Showing the choices again to change a vote already cast. */
  changing: boolean;
  busy: boolean;
  error: string;
  /** What the last vote did, announced once. */
  done: '' | 'voted' | 'changed' | 'emailed';
}

const freshBallot = (): Ballot => ({ comment: '', email: '', changing: false, busy: false, error: '', done: '' });

/**
 * A policy poll (opini kebijakan) of an institution: the question, its
 * answers and, once it closes, the results. `poll="…"` shows one poll;
 * `site="…"` shows the registered site's open polls, and those closed in the
 * last thirty days with their results. A visitor votes once
 * per poll from this browser and may change the vote until the poll closes.
 *
 * @tagname lapor-poll
 * @fires lapor-voted - The hub took a vote; `detail` names the poll, the choice and whether it replaced an earlier one.
 * @csspart poll - One poll.
 * @csspart question - The poll's question.
 * @csspart explanation - The institution's explanation.
 * @csspart vote-button - Sends the vote.
 * @csspart change-button - Shows the answers again to change a vote.
 * @csspart your-vote - What this browser voted.
 * @csspart results - A closed poll's results: a chart and the table of its numbers.
 * @csspart results-table - The table of results.
 * @csspart skeleton - The placeholder shown while polls load.
 * @csspart problem - Why polls could not be shown.
 * @csspart retry-button - Tries loading again.
 * @cssproperty --lapor-color-primary - Buttons, focus, accents and the bars of results.
 * @cssproperty --lapor-color-on-primary - Text on primary-coloured buttons.
 * @cssproperty --lapor-color-text - Text.
 * @cssproperty --lapor-color-muted - Help text and dates.
 * @cssproperty --lapor-color-border - Borders and the bars' track.
 * @cssproperty --lapor-color-error - Error text.
 * @cssproperty --lapor-font-family - Text font; the page's by default.
 * @cssproperty --lapor-radius - Corner radius of controls.
 */
export class LaporPoll extends LaporElement {
  static override styles = [sharedStyles, tableStyles, pollStyles];

  /** One poll to show, by its id. */
  @property() poll = '';
  /** A registered website's key: shows that site's open polls, and its recently closed ones with their results. */
  @property() site = '';

  @state() private polls: PollView[] = [];
  @state() private loading = false;
  @state() private problem?: HubError;
  @state() private ballots: Record<string, Ballot> = {};

  private abort?: AbortController;
  /** A proof of work solved ahead, from the visitor's first touch of a poll; each vote spends one. */
  private proof?: Promise<string | undefined>;

  private client() {
    return new PollClient(this.hubUrl(), this.site);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('poll') || changed.has('site') || changed.has('hub')) && (this.poll || this.site))
      void this.load();
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.loading = true;
    this.problem = undefined;
    const device = deviceToken(this.hubUrl());
    try {
      const polls = this.poll
        ? [await this.client().poll(this.poll, device, abort.signal)]
        : await this.client().sitePolls(device, new Date(), abort.signal);
      if (abort.signal.aborted) return;
      this.polls = polls;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!(error instanceof HubError)) throw error;
      this.problem = error;
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  private ballot(id: string): Ballot {
    return this.ballots[id] ?? freshBallot();
  }

  private setBallot(id: string, change: Partial<Ballot>) {
    this.ballots = { ...this.ballots, [id]: { ...this.ballot(id), ...change } };
  }

  /** Solving starts when the visitor first touches a poll, so it is usually done before they send. */
  private prepareProof() {
    this.proof ??= this.client()
      .challenge()
      .then((challenge) => (challenge ? solveChallenge(challenge) : undefined))
      .catch(() => undefined);
  }

  private async vote(poll: PollView, event: SubmitEvent, retried = false): Promise<void> {
    event.preventDefault();
    const ballot = this.ballot(poll.id);
    const choice = ballot.choice ?? poll.yourVote?.choice;
    if (!choice) {
      this.setBallot(poll.id, { error: msg('Pilih salah satu jawaban.') });
      return;
    }
    const comment = ballot.comment.trim();
    const email = ballot.email.trim();
    const confirmed = poll.yourVote?.confirmed === true;
    if (poll.confirmByEmail && !confirmed && !email) {
      this.setBallot(poll.id, { error: msg('Isi alamat email Anda untuk menerima tautan konfirmasi.') });
      return;
    }
    this.setBallot(poll.id, { busy: true, error: '', done: '' });
    try {
      this.prepareProof();
      const proof = await this.proof;
      this.proof = undefined;
      const device = deviceToken(this.hubUrl());
      const vote = { choice, ...(comment && { comment }), ...(poll.confirmByEmail && !confirmed && { email }) };
      const recorded = await this.client().vote(poll.id, device, vote, proof);
      this.polls = this.polls.map((p) =>
        p.id === poll.id
          ? { ...p, yourVote: { choice, ...(comment && { comment }), confirmed: recorded.confirmed } }
          : p,
      );
      this.setBallot(poll.id, {
        ...freshBallot(),
        done: !recorded.confirmed ? 'emailed' : recorded.changed ? 'changed' : 'voted',
      });
      this.dispatchEvent(new LaporVotedEvent(poll.id, choice, recorded.changed));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#voted-${poll.id}`)?.focus();
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      this.proof = undefined;
      // The puzzle expired or was used: solve a new one and send again, once.
      if (error.code.startsWith('challenge_') && !retried) return this.vote(poll, event, true);
      this.setBallot(poll.id, { busy: false, error: pollErrorMessage(error) });
      // Closed meanwhile: show what it now is (its results, once counted).
      if (error.code === 'poll_not_open') void this.load();
    }
  }

  protected override render() {
    if (this.loading && !this.polls.length) {
      return html`<div part="skeleton" class="skeleton" aria-busy="true">${msg('Memuat jajak pendapat…')}</div>`;
    }
    if (this.problem) {
      return html`<div part="problem" class="problem" role="alert">
        <p>${pollErrorMessage(this.problem)}</p>
        <button part="retry-button" @click=${() => this.load()}>${msg('Coba lagi')}</button>
      </div>`;
    }
    if (!this.polls.length) return html`<p class="muted">${msg('Tidak ada jajak pendapat yang sedang dibuka.')}</p>`;
    return this.polls.map((poll) => this.renderPoll(poll));
  }

  private renderPoll(poll: PollView) {
    const headingId = `question-${poll.id}`;
    return html`
      <section part="poll" class="poll" aria-labelledby=${headingId} @focusin=${() => poll.state === 'open' && this.prepareProof()}>
        <h2 part="question" id=${headingId}>${poll.question}</h2>
        <p class="muted">${poll.institution.name} · ${whenLine(poll)}</p>
        ${poll.explanation ? html`<p part="explanation" class="explanation">${linkedText(poll.explanation)}</p>` : nothing}
        ${poll.state === 'open' ? this.renderOpen(poll) : nothing}
        ${poll.state === 'closed' ? renderResults(poll) : nothing}
      </section>
    `;
  }

  private renderOpen(poll: PollView) {
    const ballot = this.ballot(poll.id);
    const answers = answersOf(poll);
    const yours = poll.yourVote;
    const done = {
      changed: msg('Pilihan Anda telah diubah.'),
      voted: msg('Terima kasih, suara Anda telah diterima.'),
      emailed: msg('Kami mengirim tautan konfirmasi ke email Anda.'),
      '': '',
    };
    // One text, its sentences joined here: the build's template minifier drops whitespace between bindings.
    const sentences = [
      done[ballot.done],
      yours ? msg(str`Pilihan Anda: ${answers[yours.choice - 1] ?? ''}.`) : '',
      yours && !yours.confirmed
        ? msg('Suara Anda baru dihitung setelah Anda membuka tautan di email itu dan menekan tombol konfirmasi.')
        : '',
      yours ? msg('Anda dapat mengubahnya sampai jajak pendapat ditutup; hasilnya diumumkan setelah ditutup.') : '',
    ];
    const announced = html`<p id=${`voted-${poll.id}`} tabindex="-1" part="your-vote" class="your-vote" role="status">${sentences.filter(Boolean).join(' ')}</p>`;
    if (yours && !ballot.changing) {
      return html`${announced}
        <button part="change-button" class="secondary" @click=${() => this.setBallot(poll.id, { changing: true, done: '', comment: yours.comment ?? '' })}>
          ${msg('Ubah pilihan')}
        </button>`;
    }
    const chosen = ballot.choice ?? yours?.choice;
    const errorId = `error-${poll.id}`;
    return html`
      ${yours ? announced : nothing}
      <form novalidate @submit=${(event: SubmitEvent) => this.vote(poll, event)}>
        <fieldset aria-describedby=${ballot.error ? errorId : nothing}>
          <legend>${msg('Jawaban Anda')}</legend>
          ${answers.map(
            (label, index) => html`<label class="answer">
              <input type="radio" name=${`choice-${poll.id}`} .value=${String(index + 1)} .checked=${chosen === index + 1}
                @change=${() => this.setBallot(poll.id, { choice: index + 1, error: '' })} />
              ${label}
            </label>`,
          )}
        </fieldset>
        ${
          poll.allowComment
            ? html`<div class="field">
                <label for=${`comment-${poll.id}`}>${msg('Komentar (opsional)')}</label>
                <p class="help" id=${`comment-help-${poll.id}`}>
                  ${poll.publishComments ? msg('Komentar dapat diumumkan bersama hasilnya, tanpa data pribadi.') : msg('Komentar hanya dibaca oleh instansi.')}
                </p>
                <textarea id=${`comment-${poll.id}`} maxlength=${POLL_LIMITS.comment[1]} aria-describedby=${`comment-help-${poll.id}`}
                  .value=${ballot.comment} @input=${(e: Event) => this.setBallot(poll.id, { comment: (e.target as HTMLTextAreaElement).value })}></textarea>
              </div>`
            : nothing
        }
        ${
          poll.confirmByEmail && !yours?.confirmed
            ? html`<div class="field">
                <label for=${`email-${poll.id}`}>${msg('Email Anda')}</label>
                <p class="help" id=${`email-help-${poll.id}`}>
                  ${msg('Suara dihitung setelah Anda mengonfirmasinya dari tautan yang kami kirim. Satu alamat, satu suara; alamatnya tidak disimpan.')}
                </p>
                <input id=${`email-${poll.id}`} type="email" autocomplete="email" required
                  aria-describedby=${`email-help-${poll.id}`} .value=${ballot.email}
                  @input=${(e: Event) => this.setBallot(poll.id, { email: (e.target as HTMLInputElement).value })} />
              </div>`
            : nothing
        }
        ${ballot.error ? html`<p class="error" id=${errorId} role="alert">${ballot.error}</p>` : nothing}
        <button type="submit" part="vote-button" ?disabled=${ballot.busy}>
          ${ballot.busy ? msg('Mengirim…') : yours ? msg('Simpan pilihan baru') : msg('Kirim pilihan')}
        </button>
      </form>
    `;
  }
}
