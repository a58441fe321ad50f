import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Institution } from '../../../contract';
import { LatestRequest } from '../internal/latest-request';
import type { FormClient } from './form-client';

/** Pause in typing before the hub is asked, so a slow network carries one request per word, not per key. */
const SEARCH_DELAY_MS = 250;

/**
 * State of the institution combobox: what the visitor typed, the hub's
 * matches, the highlighted one and the one chosen. The directory can hold
 * every public body in the country, so it is searched on the hub.
 */
export class InstitutionSearch implements ReactiveController {
  query = '';
  options: Institution[] = [];
  active = -1;
  open = false;
  chosen?: Pick<Institution, 'id' | 'name'>;
  failed = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly requests = new LatestRequest();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => FormClient,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.requests.cancel();
  }

  /**
   * Back to the preset institution, or to an empty search. An institution
   * already known by name (the site's, from its configuration) is shown at
   * once, without asking the hub again: a round trip less on a slow network.
   */
  reset(id: string, known?: Pick<Institution, 'id' | 'name'>): void {
    if (id && known?.id === id) {
      this.choose(known);
      return;
    }
    this.chosen = undefined;
    this.type('');
    void this.preset(id);
  }

  /** Shows a preset institution by name. */
  async preset(id: string): Promise<void> {
    if (!id || this.chosen?.id === id) return;
    await this.request(async (signal) => {
      this.choose(await this.client().institution(id, signal));
    });
  }

  type(query: string): void {
    this.query = query;
    this.chosen = undefined;
    clearTimeout(this.timer);
    if (!query.trim()) {
      this.options = [];
      this.open = false;
    } else {
      this.timer = setTimeout(() => void this.search(query), SEARCH_DELAY_MS);
    }
    this.host.requestUpdate();
  }

  move(step: 1 | -1): void {
    if (!this.options.length) return;
    this.open = true;
    this.active = (this.active + step + this.options.length) % this.options.length;
    this.host.requestUpdate();
  }

  choose(institution: Pick<Institution, 'id' | 'name'> | undefined): void {
    if (!institution) return;
    this.chosen = institution;
    this.query = institution.name;
    this.close();
  }

  close(): void {
    this.open = false;
    this.active = -1;
    this.host.requestUpdate();
  }

  private async search(query: string) {
    await this.request(async (signal) => {
      this.options = await this.client().searchInstitutions(query.trim(), signal);
      this.active = -1;
      this.open = true;
    });
  }

  private async request(work: (signal: AbortSignal) => Promise<void>) {
    const outcome = await this.requests.run(work);
    if (outcome !== undefined) this.failed = !outcome;
    this.host.requestUpdate();
  }
}
