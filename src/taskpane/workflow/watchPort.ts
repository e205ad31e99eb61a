import type { UpdatePlan, WorkbookPort } from "../../workbook/port";
import type { PaneStep } from "../messages/taskPaneMessages";
import { PaneFailure, WatchdogTimeout, watchdogLimits } from "../watchdog";

/** What the pane learns while a port call runs. */
export interface PortWatch {
  /** Called as the call moves from reading to working on what was read to writing. */
  readonly onStep: (step: PaneStep) => void;
  /** Limits per phase in milliseconds; the defaults are `watchdogLimits`. */
  readonly limits?: Partial<Record<"reading" | "writing", number>>;
}

/**
 * Wraps a WorkbookPort with a watchdog on every round trip and reports the step each call is in.
 * `update` (what generation and validation use) is watched in two phases: reading, until the
 * workbook layer gets the snapshot, and writing, once it has decided the batch. When a phase passes
 * its limit the call rejects with a PaneFailure whose cause is a WatchdogTimeout; if Excel answers
 * the read after that, the batch is dropped, so a late answer never writes behind the user's back.
 * Every other failure becomes a PaneFailure with the phase it happened in.
 *
 * @example
 * const watched = watchPort(port, { onStep: setStep });
 * await validateWorkbook(watched, plan, options);
 */
export function watchPort(port: WorkbookPort, watch: PortWatch): WorkbookPort {
  const readLimit = watch.limits?.reading ?? watchdogLimits.reading;
  const writeLimit = watch.limits?.writing ?? watchdogLimits.writing;

  function timed<T>(
    start: (phase: { current: "reading" | "writing"; gaveUp: boolean; restart: () => void }) => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const phase = {
        current: "reading" as "reading" | "writing",
        gaveUp: false,
        restart: () => {
          if (timer !== undefined) clearTimeout(timer);
          const limit = phase.current === "reading" ? readLimit : writeLimit;
          timer = setTimeout(() => {
            phase.gaveUp = true;
            reject(new PaneFailure(phase.current, new WatchdogTimeout(phase.current, limit)));
          }, limit);
        },
      };
      phase.restart();
      start(phase).then(
        (value) => {
          clearTimeout(timer);
          if (!phase.gaveUp) resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (!phase.gaveUp) reject(new PaneFailure(phase.current, error));
        },
      );
    });
  }

  return {
    features: port.features,
    read: (sheetNames, options) => {
      watch.onStep("reading");
      return timed(() => port.read(sheetNames, options));
    },
    write: (batch) => {
      watch.onStep("writing");
      return timed((phase) => {
        phase.current = "writing";
        phase.restart();
        return port.write(batch);
      });
    },
    update: <T>(
      sheetNames: readonly string[],
      options: Parameters<WorkbookPort["update"]>[1],
      plan: (snapshot: Parameters<Parameters<WorkbookPort["update"]>[2]>[0]) => UpdatePlan<T>,
    ) => {
      watch.onStep("reading");
      return timed((phase) =>
        port.update(sheetNames, options, (snapshot) => {
          const planned = plan(snapshot);
          // The pane stopped waiting: write nothing, whatever was planned.
          if (phase.gaveUp) return { batch: null, result: planned.result };
          if (planned.batch !== null) {
            phase.current = "writing";
            phase.restart();
            watch.onStep("writing");
          }
          return planned;
        }),
      );
    },
  };
}
