import type { FormValues } from './form-values';

/** What the form keeps in localStorage between visits: the text, and the key of a send still pending. */
export interface Draft {
  values: FormValues;
  /** Set while a submission has not been confirmed, so a retry after a reload cannot file twice. */
  pending?: { idempotencyKey: string; payload: string };
  savedAt: string;
}

const PREFIX = 'lapor-draft:';

/**
 * A visitor's unsent report, per hub and institution. Storage can be missing
 * or full (private windows, quotas): then the form simply works without drafts.
 */
export class DraftStore {
  private readonly key: string;

  constructor(hub: string, institution: string) {
    this.key = `${PREFIX}${hub}|${institution}`;
  }

  load(): Draft | undefined {
    try {
      const raw = localStorage.getItem(this.key);
      const draft = raw ? (JSON.parse(raw) as Draft) : undefined;
      return draft && typeof draft.values === 'object' ? draft : undefined;
    } catch {
      return undefined;
    }
  }

  save(draft: Omit<Draft, 'savedAt'>): void {
    try {
      localStorage.setItem(this.key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    } catch {
      // Quota exceeded or storage disabled: nothing to keep the draft in.
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Storage disabled: there is no draft to clear.
    }
  }
}
