import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { HostError } from "../hosts/hostError";
import type { TaskPaneMessages } from "./messages/taskPaneMessages";
import { type PaneFailure, WatchdogTimeout } from "./watchdog";

/** Whether Excel refused because the user typed while the add-in worked (the Office host's check). */
function changedMeanwhile(error: unknown): boolean {
  return (
    error instanceof HostError && error.cause instanceof Error && error.cause.name === "WorkbookChangedError"
  );
}

/**
 * A failure as the pane shows it: a title (the host's error code, the watchdog, or a bug), what was
 * written and what was not, the host's own message, and a retry.
 *
 * @example
 * <FailureBar failure={new PaneFailure("writing", new WatchdogTimeout("writing", 120_000))} text={text} detailClassName="" onRetry={retry} />
 */
export function FailureBar({
  failure,
  text,
  detailClassName,
  onRetry,
  onDismiss,
}: {
  readonly failure: PaneFailure;
  readonly text: TaskPaneMessages;
  readonly detailClassName: string;
  readonly onRetry: () => void;
  readonly onDismiss?: () => void;
}) {
  const cause = failure.cause;
  const title =
    cause instanceof WatchdogTimeout
      ? text.timeoutTitle(Math.round(cause.limitMs / 1000))
      : cause instanceof HostError
        ? text.hostErrorTitle(cause.code)
        : text.unexpectedErrorTitle;
  const meaning = changedMeanwhile(cause) ? text.changedMeanwhile : text.failedIn(failure.phase);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {meaning}
        {cause instanceof WatchdogTimeout ? null : (
          <Caption1 className={detailClassName}>{failure.message}</Caption1>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onRetry}>
          {text.retry}
        </Button>
        {onDismiss ? (
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            {text.dismiss}
          </Button>
        ) : null}
      </MessageBarActions>
    </MessageBar>
  );
}
