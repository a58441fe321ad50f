import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PublicReport } from '../../../contract/monitor';
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
  follow(values: FormValues): void {
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
      <p class="help">${texts.help}</p>
      <ul>
        ${this.items.map(
          (report) => html`<li>
            <details part="similar-report">
              <summary>${report.title}</summary>
              <p class="help">
                ${[texts.status(report.status), texts.age(report.receivedAt), report.region?.name]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p>${report.excerpt}</p>
              <a href=${this.trackerLink(report.trackingId)} target="_blank" rel="noopener">${texts.follow}</a>
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
