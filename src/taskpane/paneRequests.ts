/** What the ribbon asks of the pane. */
export type PaneRequest = "validate";

/**
 * The way from the ribbon's commands to the pane when both run in one shared runtime: the
 * command posts a request, the pane acts on it as on a click of its own button (so a request while
 * an action runs does nothing). A request posted before the pane has mounted waits for it.
 *
 * @example
 * const requests = new PaneRequests();
 * requests.post("validate");
 */
export class PaneRequests {
  private listener: ((request: PaneRequest) => void) | null = null;
  private waiting: PaneRequest | null = null;

  post(request: PaneRequest): void {
    if (this.listener) this.listener(request);
    else this.waiting = request;
  }

  /** Listens for requests; returns the function that stops listening. */
  subscribe(listener: (request: PaneRequest) => void): () => void {
    this.listener = listener;
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting !== null) listener(waiting);
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }
}
