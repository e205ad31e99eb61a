import type { PanePhase } from "./messages/taskPaneMessages";

/**
 * How long the pane waits for one round trip before it gives up, in milliseconds, by phase. A
 * `context.sync()` that never returns is a known Excel on the web failure; without a limit the pane
 * would spin for ever. Reading and writing a large workbook on the web can take tens of seconds, so
 * those limits are generous; selecting a cell or saving settings is one small request.
 */
export const watchdogLimits: Readonly<Record<PanePhase, number>> = {
  loading: 60_000,
  reading: 120_000,
  writing: 120_000,
  selecting: 15_000,
  saving: 15_000,
};

/** A round trip that did not end within its limit. */
export class WatchdogTimeout extends Error {
  override readonly name = "WatchdogTimeout";
  readonly phase: PanePhase;
  readonly limitMs: number;

  constructor(phase: PanePhase, limitMs: number) {
    super(`No answer within ${Math.round(limitMs / 1000)} s (${phase}).`);
    this.phase = phase;
    this.limitMs = limitMs;
  }
}

/**
 * An action that failed, with the phase it was in: the pane says from it what was written and
 * what was not. `cause` is the host's error (a HostError), a WatchdogTimeout, or a bug.
 */
export class PaneFailure extends Error {
  override readonly name = "PaneFailure";
  readonly phase: PanePhase;

  constructor(phase: PanePhase, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.phase = phase;
  }
}

/**
 * Settles like `work`, or rejects with a WatchdogTimeout when `work` has not settled within `limitMs`.
 * The late result of `work` is dropped (it cannot be cancelled; `watchPort` makes a late write a no-op).
 *
 * @example
 * await withWatchdog(selectCell("监测数据", "C5"), "selecting", 15_000);
 */
export function withWatchdog<T>(work: Promise<T>, phase: PanePhase, limitMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new WatchdogTimeout(phase, limitMs));
    }, limitMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
