/** Fired by `<lapor-poll>` when the hub has taken a vote; `changed` when it replaced this device's earlier one. */
export class LaporVotedEvent extends Event {
  static readonly type = 'lapor-voted';
  readonly detail: { pollId: string; choice: number; changed: boolean };

  constructor(pollId: string, choice: number, changed: boolean) {
    super(LaporVotedEvent.type, { bubbles: true, composed: true });
    this.detail = { pollId, choice, changed };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lapor-voted': LaporVotedEvent;
  }
}
