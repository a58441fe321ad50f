/**
 * Runs one request at a time for a piece of UI, cancelling the one before:
 * an answer to an old question (a slow search for "kem" after "kemenkes")
 * never overwrites the newer one.
 */
export class LatestRequest {
  private controller?: AbortController;

  /** Runs `work`; true when it finished and was not superseded, false when it failed. Superseded runs resolve to undefined. */
  async run(work: (signal: AbortSignal) => Promise<void>): Promise<boolean | undefined> {
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    try {
      await work(controller.signal);
      return controller.signal.aborted ? undefined : true;
    } catch {
      return controller.signal.aborted ? undefined : false;
    }
  }

  cancel(): void {
    this.controller?.abort();
  }
}
