/** Why a host operation failed. `switch` over it exhaustively. */
export type HostErrorCode =
  /** The file is missing, unreadable or unwritable. */
  | "file_unavailable"
  /** The file is not a readable .xlsx workbook. */
  | "not_a_workbook"
  /** Excel rejected a request (RichApi error, API not supported, workbook protected, …). */
  | "excel_rejected"
  /** A request could not be cut small enough for Excel's payload limit. */
  | "payload_too_large"
  /** The running Excel lacks the requirement set the add-in needs. */
  | "api_unsupported";

/**
 * The one error type hosts throw. It carries a code for the caller's `switch` and the original
 * error as `cause`, so the task pane and the CLI can say what happened without a stack trace.
 */
export class HostError extends Error {
  override readonly name = "HostError";
  readonly code: HostErrorCode;

  constructor(code: HostErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
