import type { ReportView } from '../../../contract';

/** Fired by `<lapor-tracker>` when a report has been looked up. */
export class LaporTrackedEvent extends Event {
  static readonly type = 'lapor-tracked';
  readonly detail: { trackingId: string; status: ReportView['status']; viewer: ReportView['viewer'] };

  constructor(view: ReportView) {
    super(LaporTrackedEvent.type, { bubbles: true, composed: true });
    this.detail = { trackingId: view.trackingId, status: view.status, viewer: view.viewer };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lapor-tracked': LaporTrackedEvent;
  }
}
