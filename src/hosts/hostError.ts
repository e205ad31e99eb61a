/** Why a host operation failed. `switch` over it exhaustively. */
export type HostErrorCode =
  /** The file is missing, unreadable or unwritable. */
  | "file_unavailable"
  /** The file is not a readable .xlsx workbook. */
  | "not_a_workbook"
  /** Excel rejected a request (RichApi error, API not supported, workbook protected, …). */
  | "excel_rejected"
  /**
   * Someone changed the workbook between the host's read and its write (Excel does not lock a
   * workbook while an add-in works); nothing was written, and running again reads the new state.
   */
  | "workbook_changed"
  /**
   * A sheet the write would change is protected (Review → Protect Sheet); nothing was written.
   * The cause is a ProtectedSheets naming them (`protectedSheetsOf`).
   */
  | "sheet_protected"
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
  /**
   * Sheets the failed write had lifted the add-in's protection of and could not protect again
   * (see WriteBatch.reprotect): they stay unprotected until the next run. Read it with
   * `unprotectedSheetsOf`; empty for every other failure.
   */
  readonly unprotectedSheets: readonly string[];

  constructor(
    code: HostErrorCode,
    message: string,
    options?: { cause?: unknown; unprotectedSheets?: readonly string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.unprotectedSheets = options?.unprotectedSheets ?? [];
  }
}

/**
 * The sheets a failed write left unprotected because putting their protection back failed too
 * (empty: none, or not a HostError). Read by its field, so that a HostError made by another copy
 * of this module (the task pane's bundle and a test's import) is read alike.
 *
 * @example
 * unprotectedSheetsOf(error) // ["附件1 任务清单"]
 */
export function unprotectedSheetsOf(error: unknown): readonly string[] {
  if (!(error instanceof Error) || error.name !== "HostError" || !("unprotectedSheets" in error)) return [];
  const sheets: unknown = error.unprotectedSheets;
  return Array.isArray(sheets) && sheets.every((s) => typeof s === "string") ? sheets : [];
}

/**
 * The cause of a refusal to write into protected sheets: which sheets, so that a caller can name
 * them in the user's language instead of showing the host's English message.
 */
export class ProtectedSheets extends Error {
  override readonly name = "ProtectedSheets";
  readonly sheets: readonly string[];

  constructor(sheets: readonly string[], message: string) {
    super(message);
    this.sheets = sheets;
  }
}

/**
 * The sheets a host refused to write because they are protected, or null for any other error.
 * Recognises the cause by its name and its list, so that a cause made by another copy of this
 * module (the task pane's bundle and a test's import) is read alike.
 *
 * @example
 * protectedSheetsOf(error) // ["附件1 任务清单"]
 */
export function protectedSheetsOf(error: unknown): readonly string[] | null {
  const cause: unknown = error instanceof HostError ? error.cause : error;
  if (!(cause instanceof Error) || cause.name !== "ProtectedSheets" || !("sheets" in cause)) return null;
  const sheets: unknown = cause.sheets;
  return Array.isArray(sheets) && sheets.every((s) => typeof s === "string") ? sheets : null;
}

/**
 * Refuses a batch with table appends in a host that does not take them (`features.tableAppend`
 * false): the workbook layer asks only a host that says it can, so this is a caller's mistake.
 *
 * @example
 * refuseTableAppends(batch); // before the host changes anything
 */
export function refuseTableAppends(batch: { readonly appends?: readonly unknown[] }): void {
  if ((batch.appends ?? []).length > 0) {
    throw new HostError("excel_rejected", "This host does not append rows to a table in place.");
  }
}
