import type { ErrorCode } from '../../../contract';

/** Why a submission failed: an error code of the hub's, or `network` when the hub could not be reached. */
export type LaporErrorCode = ErrorCode | 'network';

/** Fired by `<lapor-form>` when a submission fails; `detail.message` is what the visitor was shown. */
export class LaporErrorEvent extends Event {
  static readonly type = 'lapor-error';
  readonly detail: { code: LaporErrorCode; message: string };

  constructor(code: LaporErrorCode, message: string) {
    super(LaporErrorEvent.type, { bubbles: true, composed: true });
    this.detail = { code, message };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lapor-error': LaporErrorEvent;
  }
}
