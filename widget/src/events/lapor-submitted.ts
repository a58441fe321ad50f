import type { ReportCreated } from '../../../contract';

/** Fired by `<lapor-form>` when the hub has accepted a report. The receipt is not included. */
export class LaporSubmittedEvent extends Event {
  static readonly type = 'lapor-submitted';
  readonly detail: { trackingId: string; status: ReportCreated['status']; createdAt: string };

  constructor(created: ReportCreated) {
    super(LaporSubmittedEvent.type, { bubbles: true, composed: true });
    this.detail = { trackingId: created.trackingId, status: created.status, createdAt: created.createdAt };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lapor-submitted': LaporSubmittedEvent;
  }
}
