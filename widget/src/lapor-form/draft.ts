import type { FormValues } from './form-values';

/** The reporter's identity: never written to the browser's storage, where the embedding site's scripts and the next person at a shared computer could read it. */
const IDENTITY = ['name', 'email', 'phone', 'website'] as const;
export type DraftValues = Omit<FormValues, (typeof IDENTITY)[number]>;

/** A send not yet confirmed: its key, so a retry after a reload cannot file twice, and what it sent (without identity). */
export interface PendingSend {
  idempotencyKey: string;
  content: string;
}

/** What the form keeps between visits: the text, and the send still pending. */
export interface Draft {
  values: DraftValues;
  pending?: PendingSend;
  savedAt: string;
}

/** Where a draft is kept now, for the notice that tells the visitor. */
export type DraftPlace = { where: 'tab' } | { where: 'browser'; until: Date };

/** A draft left longer than this is forgotten: a report is written in days, not months. */
export const DRAFT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const PREFIX = 'lapor-draft:';

/** The browser's storage, if this page may use it (a sandboxed frame or a strict privacy setting throws on access). */
function storage(kind: 'local' | 'session'): Storage | undefined {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return undefined;
  }
}

export function withoutIdentity(values: FormValues): DraftValues {
  const kept: Partial<FormValues> = { ...values };
  for (const field of IDENTITY) delete kept[field];
  return kept as DraftValues;
}

/**
 * A visitor's unsent report, per hub and institution, without their name or
 * contact. A report marked anonim or rahasia is kept in sessionStorage, for
 * the life of the tab; any other in localStorage, for DRAFT_LIFETIME_MS.
 * Storage can be missing or full (private windows, quotas): then the form
 * simply works without drafts.
 */
export class DraftStore {
  private readonly key: string;

  constructor(
    hub: string,
    institution: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = `${PREFIX}${hub}|${institution}`;
  }

  load(): Draft | undefined {
    const draft = this.read(storage('session')) ?? this.read(storage('local'));
    if (draft && this.place(draft)?.where === 'browser' && this.expired(draft)) {
      this.clear();
      return undefined;
    }
    return draft;
  }

  /** Keeps the draft where its anonim and rahasia choices allow, and says where. */
  save(values: FormValues, pending?: PendingSend): DraftPlace | undefined {
    const draft: Draft = {
      values: withoutIdentity(values),
      ...(pending && { pending }),
      savedAt: this.now().toISOString(),
    };
    const sensitive = values.anonymous || values.confidential;
    const [keep, drop] = sensitive ? [storage('session'), storage('local')] : [storage('local'), storage('session')];
    try {
      drop?.removeItem(this.key);
      if (!keep) return undefined;
      keep.setItem(this.key, JSON.stringify(draft));
      return this.place(draft);
    } catch {
      // Quota exceeded or storage disabled: nothing to keep the draft in.
      return undefined;
    }
  }

  clear(): void {
    for (const kept of [storage('local'), storage('session')]) {
      try {
        kept?.removeItem(this.key);
      } catch {
        // Storage disabled: there is no draft to clear.
      }
    }
  }

  /** Where a loaded or saved draft lives. */
  place(draft: Draft): DraftPlace | undefined {
    if (draft.values.anonymous || draft.values.confidential) return { where: 'tab' };
    return { where: 'browser', until: new Date(Date.parse(draft.savedAt) + DRAFT_LIFETIME_MS) };
  }

  private expired(draft: Draft): boolean {
    const saved = Date.parse(draft.savedAt);
    return !(saved <= this.now().getTime() && this.now().getTime() - saved < DRAFT_LIFETIME_MS);
  }

  private read(kept: Storage | undefined): Draft | undefined {
    try {
      const raw = kept?.getItem(this.key);
      const draft = raw ? (JSON.parse(raw) as Draft) : undefined;
      return draft && typeof draft.values === 'object' ? draft : undefined;
    } catch {
      return undefined;
    }
  }
}
