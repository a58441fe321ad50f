import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Region } from '../../../contract';
import { LatestRequest } from '../internal/latest-request';
import type { FormClient } from './form-client';

export interface RegionLevel {
  options: Region[];
  selected: string;
}

/**
 * The cascade of region choices (province → regency/city → district →
 * village), each level loaded from the hub when the one above is chosen, so
 * the 90,000 regions never travel to the visitor's phone.
 */
export class RegionPicker implements ReactiveController {
  levels: RegionLevel[] = [];
  failed = false;
  private readonly requests = new LatestRequest();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => FormClient,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.requests.cancel();
  }

  /** The most precise region chosen, or ''. */
  get code(): string {
    return this.levels.findLast((level) => level.selected)?.selected ?? '';
  }

  /** Loads the provinces and, for a restored draft, every level down to `code`. */
  async start(code = ''): Promise<void> {
    const parents = code ? code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.')) : [];
    const levels: RegionLevel[] = [];
    const loaded = await this.load(async (signal) => {
      for (const [i, parent] of ['', ...parents].entries()) {
        const options = await this.client().regions(parent || undefined, signal);
        if (!options.length) break;
        levels.push({ options, selected: parents[i] ?? '' });
      }
    });
    if (loaded) this.levels = levels;
    this.host.requestUpdate();
  }

  /**
   * Chooses `code` at `depth` (or clears it with ''), dropping the levels
   * below at once and then loading the next.
   */
  async choose(depth: number, code: string): Promise<void> {
    const levels = this.levels.slice(0, depth + 1);
    const level = levels[depth];
    if (!level) return;
    level.selected = code;
    this.levels = levels;
    this.host.requestUpdate();
    if (!code) return;
    let children: Region[] = [];
    const loaded = await this.load(async (signal) => {
      children = await this.client().regions(code, signal);
    });
    if (loaded && children.length) this.levels = [...levels, { options: children, selected: '' }];
    this.host.requestUpdate();
  }

  private async load(work: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
    const outcome = await this.requests.run(work);
    if (outcome !== undefined) this.failed = !outcome;
    return outcome === true;
  }
}
