import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { HostError, protectedSheetsOf, unprotectedSheetsOf } from "../hosts/hostError";
import type { PaneAction, TaskPaneMessages } from "./messages/taskPaneMessages";
import { type PaneFailure, WatchdogTimeout } from "./watchdog";

/**
 * What a failure means for the workbook, in the user's language, and whether that says it all:
 * a change made meanwhile and a protected sheet are told wholly in the pane's language (the host's
 * English message would add nothing but another language); anything else keeps the host's message.
 */
function meaningOf(
  failure: PaneFailure,
  action: PaneAction | null,
  text: TaskPaneMessages,
): { readonly meaning: string; readonly complete: boolean } {
  const cause = failure.cause;
  if (cause instanceof HostError && cause.code === "workbook_changed") {
    return { meaning: text.changedMeanwhile(action), complete: true };
  }
  const sheets = protectedSheetsOf(cause);
  if (sheets !== null && sheets.length > 0) return { meaning: text.sheetsProtected(sheets), complete: true };
  return { meaning: text.failedIn(failure.phase), complete: false };
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
  action = null,
  text,
  detailClassName,
  onRetry,
  onDismiss,
}: {
  readonly failure: PaneFailure;
  /** The action that failed, where one did (null: loading the add-in). */
  readonly action?: PaneAction | null;
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
  const { meaning, complete } = meaningOf(failure, action, text);
  // A unit's sheets the failed write left unprotected: said in the user's language, not only in the host's.
  const unprotected = unprotectedSheetsOf(cause);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {meaning}
        {unprotected.length > 0 ? ` ${text.protectionNotRestored(unprotected)}` : null}
        {cause instanceof WatchdogTimeout || complete ? null : (
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
