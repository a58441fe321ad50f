import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PublicReport } from '../../../contract/monitor';
import { HubError } from '../internal/hub-client';
import { LatestRequest } from '../internal/latest-request';
import type { FormClient } from './form-client';
import type { FormValues } from './form-values';
import { comparable, type Question } from './similar-question';
import type { SimilarTexts } from './similar-texts';

/** A pause in writing before the hub is asked: one question per thought, never one per keystroke. */
const PAUSE_MS = 1200;
/** The chronology's first sentences, up to about here. */
const FIRST_SENTENCES = 300;

/** The chronology's first sentences: cut after the last full stop before the limit, else at a word. */
export function firstSentences(body: string, max = FIRST_SENTENCES): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const stop = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return stop > max / 3 ? cut.slice(0, stop + 1) : cut.slice(0, cut.lastIndexOf(' ') + 1 || max).trim();
}

/** What the visitor's report is compared with: its title and first sentences, to whom, where and about what. */
function questionOf(values: FormValues): Question | undefined {
  if (!comparable(values)) return undefined;
  return {
    institution: values.institutionId,
    q: `${values.title.trim()}. ${firstSentences(values.body)}`,
    region: values.regionCode,
    category: values.categoryId,
  };
}

/**
 * "Laporan serupa": while the visitor writes, the published reports still
 * being handled at the same institution that say the same, so that they can
 * follow one instead of filing it twice. Shown beside the form, announced,
 * never taking the focus; "mine is different" puts it away for good.
 * Loaded by the form only once there is something to compare (its own
 * chunk: a page showing the form does not pay for it).
 */
export class SimilarReports implements ReactiveController {
  items: PublicReport[] = [];
  dismissed = false;
  /** Whether a question waits for the visitor's pause. */
  scheduled = false;
  private asked = '';
  private timer?: ReturnType<typeof setTimeout>;
  private readonly requests = new LatestRequest();
  /** Following a suggestion by email, per Tracking ID: the address typed (in memory only), and how it went. */
  private following: Record<string, { email: string; busy: boolean; done: boolean; error: string }> = {};

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => FormClient,
    private readonly trackerLink: (trackingId: string) => string,
    /** Asked at each render: the visitor may switch languages. */
    private readonly texts: () => SimilarTexts,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Follows the form as it changes: asks again after a pause when what would be asked changed. */
  consider(values: FormValues): void {
    if (this.dismissed) return;
    const question = questionOf(values);
    if (!question) {
      // Marked rahasia (or emptied): nothing in flight, nothing waiting, nothing shown from its words.
      this.stop();
      this.asked = '';
      if (this.items.length) {
        this.items = [];
        this.host.requestUpdate();
      }
      return;
    }
    const key = JSON.stringify(question);
    if (key === this.asked) return;
    clearTimeout(this.timer);
    this.scheduled = true;
    this.timer = setTimeout(() => {
      this.scheduled = false;
      this.asked = key;
      void this.requests.run(async (signal) => {
        const items = await this.client().similar(question, signal);
        if (signal.aborted) return;
        this.items = items;
        this.host.requestUpdate();
      });
    }, PAUSE_MS);
  }

  private stop() {
    clearTimeout(this.timer);
    this.scheduled = false;
    this.requests.cancel();
  }

  private dismiss() {
    this.stop();
    this.dismissed = true;
    this.items = [];
    this.host.requestUpdate();
  }

  private followState(trackingId: string) {
    return this.following[trackingId] ?? { email: '', busy: false, done: false, error: '' };
  }

  private setFollow(trackingId: string, change: Partial<ReturnType<SimilarReports['followState']>>) {
    this.following = { ...this.following, [trackingId]: { ...this.followState(trackingId), ...change } };
    this.host.requestUpdate();
  }

  /** Asks the hub to email this address about the report, after it confirms from a link. */
  private async followByEmail(trackingId: string) {
    const { email, busy } = this.followState(trackingId);
    if (busy) return;
    this.setFollow(trackingId, { busy: true, error: '' });
    try {
      await this.client().follow(trackingId, email.trim(), this.texts().locale);
      // The address is not kept once the hub has it.
      this.setFollow(trackingId, { busy: false, done: true, email: '' });
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      this.setFollow(trackingId, { busy: false, error: this.texts().error(error) });
    }
  }

  private renderFollow(trackingId: string, index: number) {
    const texts = this.texts();
    const state = this.followState(trackingId);
    const id = `follow-${index}`;
    return html`<div class="follow" part="follow">
      <label for=${id}>${texts.email}</label>
      <input id=${id} type="email" autocomplete="email" .value=${state.email}
        aria-describedby=${`${id}-said`}
        @input=${(event: Event) => this.setFollow(trackingId, { email: (event.target as HTMLInputElement).value })}
        @keydown=${(event: KeyboardEvent) => {
          // Enter here follows the report; it must not send the visitor's own report.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          void this.followByEmail(trackingId);
        }} />
      <button type="button" class="secondary" ?disabled=${state.busy} @click=${() => this.followByEmail(trackingId)}>
        ${texts.followByEmail}
      </button>
      <p id=${`${id}-said`} role="status" class=${state.error ? 'error' : 'help'}>
        ${state.error || (state.done ? texts.followed : '')}
      </p>
    </div>`;
  }

  /** What the form's live region says: how many were found (the region is the form's, so that it is always there). */
  announcement(): string {
    const count = this.items.length;
    if (!count) return '';
    return this.texts().found(count);
  }

  render() {
    if (!this.items.length) return nothing;
    const texts = this.texts();
    return html`<section part="similar" class="similar info" aria-labelledby="similar-heading">
      <h3 id="similar-heading">${texts.heading}</h3>
      <ul>
        ${this.items.map(
          (report, index) => html`<li>
            <details part="similar-report">
              <summary>${report.title}</summary>
              <p class="help">
                ${[texts.status(report.status), texts.age(report.receivedAt), report.region?.name]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p>${report.excerpt}</p>
              <a href=${this.trackerLink(report.trackingId)} target="_blank" rel="noopener">${texts.follow}</a>
              ${this.renderFollow(report.trackingId, index)}
            </details>
          </li>`,
        )}
      </ul>
      <button type="button" class="secondary" part="different-button" @click=${() => this.dismiss()}>
        ${texts.different}
      </button>
    </section>`;
  }
}
