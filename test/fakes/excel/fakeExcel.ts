/**
 * A faithful fake of the Office.js Excel API subset the Office host uses.
 *
 * Like Office.js: proxies queue operations until `context.sync()`; reading a property that was
 * not loaded and synced throws PropertyNotLoaded; a 2-D array whose shape differs from its range
 * throws InvalidArgument (a single value is applied to every cell); a failing action stops the
 * batch there, with the actions before it applied (Office batches are not transactions); each
 * request and response is measured as JSON and refused past the payload limit (5 MB, Excel on
 * the web's). The workbook it edits is `fake.state`, open to tests and harnesses.
 *
 * This file holds the application and its request contexts; each part of the API is in the file
 * named for it, as the Office host's concerns are (fakeWorksheet.ts, fakeTables.ts, fakeRange.ts,
 * fakeNotes.ts, fakeComments.ts, fakeCharts.ts, …; the README's Layout section lists them).
 */
import { UndeclaredFormulaError } from "./fakeFormulaResults";
import { FakeRichApiError } from "./fakeRichApiError";
import { RESULT_ENVELOPE_BYTES, jsonBytes, requestBytes } from "./fakePayload";
import type { FakeContextLike, LoadResult, QueuedAction } from "./fakeProxy";
import { FakeWorkbook } from "./fakeWorkbook";
import { FakeWorkbookState } from "./fakeWorkbookState";
import { maxOf } from "../../../src/core/arrays";

export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface FakeExcelOptions {
  /** Request and response limit in bytes; Excel on the web's 5 MB by default. */
  readonly payloadLimitBytes?: number;
  readonly sheetNames?: readonly string[];
  /**
   * The highest ExcelApi requirement set this Excel supports ("1.18" by default). An API from a
   * later set fails at sync with ApiNotFound, as in an older Excel.
   */
  readonly excelApi?: string;
  /** The workbook to open (a clone of another fake's, say); a new one with `sheetNames` by default. */
  readonly state?: FakeWorkbookState;
}

/** One context.sync() as the fake measured it. */
export interface FakeSyncRecord {
  readonly actions: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

/**
 * A failure to inject, counted from when it is set: the N-th `context.sync()` fails before Excel
 * applies anything (the request never arrived), or the N-th sync is applied whole and then fails
 * (`lostAnswer`: Excel did everything, but the answer never reached the add-in, as when Excel on
 * the web times a request out that it goes on to finish; nothing loaded arrives), or the N-th
 * queued operation fails when Excel reaches it (the operations before it stay applied, as in a
 * real failing batch), or the first operation `when` picks fails.
 */
export type FakeFault =
  | { readonly sync: number }
  | { readonly lostAnswer: number }
  | { readonly operation: number }
  | { readonly when: (operation: { readonly path: string; readonly action: string }) => boolean };

/** "1.9" < "1.13": requirement set versions compare number by number. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The fake Excel application: holds the workbook and runs batches like `Excel.run`.
 *
 * @example
 * const excel = new FakeExcel({ payloadLimitBytes: 1_000_000 });
 * await excel.run(async (context) => { context.workbook.worksheets.add("Data"); await context.sync(); });
 * excel.syncCount; // 1
 */
export class FakeExcel {
  readonly state: FakeWorkbookState;
  readonly payloadLimitBytes: number;
  readonly excelApi: string;
  readonly syncs: FakeSyncRecord[] = [];
  /** How many `Excel.run` batches have started. */
  runCount = 0;
  /** Operations Excel has run (loads included), over the fake's life. */
  operationCount = 0;
  /** Operations that changed the workbook, over the fake's life. */
  mutationCount = 0;
  private fault: {
    readonly fault: FakeFault;
    readonly syncsBefore: number;
    readonly operationsBefore: number;
  } | null = null;
  /** How many injected faults have fired. */
  faultsFired = 0;
  /** Every ExcelApi version an operation needed, with what needed it: which sets a host really uses. */
  readonly apiUses = new Map<string, Set<string>>();

  constructor(options: FakeExcelOptions = {}) {
    this.state = options.state ?? new FakeWorkbookState(options.sheetNames ?? ["Sheet1"]);
    this.payloadLimitBytes = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT_BYTES;
    this.excelApi = options.excelApi ?? "1.18";
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxRequestBytes(): number {
    return maxOf(
      this.syncs.map((s) => s.requestBytes),
      0,
    );
  }

  get maxResponseBytes(): number {
    return maxOf(
      this.syncs.map((s) => s.responseBytes),
      0,
    );
  }

  /**
   * `Office.context.requirements.isSetSupported` for this Excel.
   * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport
   */
  readonly isSetSupported = (name: string, minVersion = "1.1"): boolean => {
    if (name !== "ExcelApi") return false;
    let supported = this.supported.get(minVersion);
    if (supported === undefined) {
      supported = compareApiVersions(minVersion, this.excelApi) <= 0;
      this.supported.set(minVersion, supported);
    }
    return supported;
  };
  private readonly supported = new Map<string, boolean>();

  /**
   * An API of a later requirement set than this Excel's fails at sync.
   * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (ApiNotFound)
   */
  requireApi(version: string, what: string): void {
    const uses = this.apiUses.get(version) ?? new Set<string>();
    uses.add(what);
    this.apiUses.set(version, uses);
    if (!this.isSetSupported("ExcelApi", version)) {
      throw new FakeRichApiError(
        "ApiNotFound",
        `${what} is part of ExcelApi ${version}, which this Excel (ExcelApi ${this.excelApi}) lacks.`,
      );
    }
  }

  /** Like Excel.run: a fresh context per batch; what is still queued at the end is synced, as Office does. */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    this.runCount += 1;
    try {
      const result = await batch(context);
      if (context.pendingActions > 0) await context.sync();
      return result;
    } finally {
      context.close();
    }
  };

  /** The workbooks `createWorkbook` opened, as their .xlsx bytes, in order. */
  readonly createdWorkbooks: Uint8Array[] = [];

  /**
   * `Excel.createWorkbook(base64)` (ExcelApi 1.8): opens a new workbook from an .xlsx file's
   * base64. Fails as Excel does where the set is missing (ApiNotFound), past the request payload
   * limit (RequestPayloadSizeLimitExceeded, the base64 being the request's argument), and on text
   * that is not base64 of a zip package (InvalidArgument). The opened file's bytes are kept for a
   * test to read back.
   * https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)
   */
  readonly createWorkbook = (base64: string): Promise<void> => {
    try {
      this.requireApi("1.8", "Excel.createWorkbook");
      if (base64.length > this.payloadLimitBytes) {
        throw new FakeRichApiError(
          "RequestPayloadSizeLimitExceeded",
          `Excel.createWorkbook: ${base64.length} bytes pass the ${this.payloadLimitBytes}-byte payload limit.`,
        );
      }
      if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(base64) || base64.length % 4 !== 0) {
        throw new FakeRichApiError("InvalidArgument", "Excel.createWorkbook: the text is not base64.");
      }
      const bytes = new Uint8Array(Buffer.from(base64, "base64"));
      // An .xlsx is a zip package: it starts with a local file header, "PK\x03\x04".
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
        throw new FakeRichApiError("InvalidArgument", "Excel.createWorkbook: the file is not a workbook.");
      }
      this.createdWorkbooks.push(bytes);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  /** Arms one failure (see FakeFault); it fires once, then the fake behaves again. */
  injectFault(fault: FakeFault): void {
    this.fault = { fault, syncsBefore: this.syncs.length, operationsBefore: this.operationCount };
  }

  /** Throws the injected failure where it is due. */
  private fireFault(at: {
    readonly sync?: number;
    readonly answer?: number;
    readonly operation?: QueuedAction;
  }): void {
    const armed = this.fault;
    if (armed === null) return;
    const { fault } = armed;
    const due =
      "sync" in fault
        ? at.sync !== undefined && at.sync - armed.syncsBefore === fault.sync
        : "lostAnswer" in fault
          ? at.answer !== undefined && at.answer - armed.syncsBefore === fault.lostAnswer
          : at.operation !== undefined &&
            ("operation" in fault
              ? this.operationCount - armed.operationsBefore === fault.operation
              : fault.when(at.operation));
    if (!due) return;
    this.fault = null;
    this.faultsFired += 1;
    throw new FakeRichApiError(
      "GeneralException",
      at.sync !== undefined
        ? `Injected failure of sync ${at.sync}.`
        : at.answer !== undefined
          ? `Injected loss of the answer to sync ${at.answer}: Excel applied it, the add-in never heard.`
          : `Injected failure of ${at.operation?.action}.`,
    );
  }

  /** @internal Executes one request. */
  async execute(actions: readonly QueuedAction[]): Promise<void> {
    const record = { actions: actions.length, requestBytes: requestBytes(actions), responseBytes: 0 };
    this.syncs.push(record);
    await Promise.resolve();
    this.fireFault({ sync: this.syncs.length });
    if (record.requestBytes > this.payloadLimitBytes) {
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload (${record.requestBytes} bytes) exceeds the ${this.payloadLimitBytes}-byte limit.`,
      );
    }
    const results: LoadResult[] = [];
    for (const action of actions) {
      this.operationCount += 1;
      this.fireFault({ operation: action });
      if (action.mutates === true) this.mutationCount += 1;
      try {
        const result = action.run();
        if (result !== undefined) results.push(result);
      } catch (error) {
        // A test's own mistake (an undeclared formula read) is no refusal of Excel's: passed on as it is.
        if (error instanceof FakeRichApiError || error instanceof UndeclaredFormulaError) throw error;
        throw new FakeRichApiError("InvalidArgument", `${action.action}: ${String(error)}`);
      }
    }
    const responseBytes = results.reduce((sum, r) => sum + RESULT_ENVELOPE_BYTES + jsonBytes(r.data), 14);
    this.syncs[this.syncs.length - 1] = { ...record, responseBytes };
    if (responseBytes > this.payloadLimitBytes) {
      throw new FakeRichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload (${responseBytes} bytes) exceeds the ${this.payloadLimitBytes}-byte limit.`,
      );
    }
    // Everything is applied; the answer may still be lost on its way back (nothing loaded arrives).
    this.fireFault({ answer: this.syncs.length });
    for (const result of results) result.commit();
  }
}

export class FakeRequestContext implements FakeContextLike {
  readonly workbook: FakeWorkbook;
  private queue: QueuedAction[] = [];
  private closed = false;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  /**
   * @internal Queues an action. Objects belong to the `Excel.run` that made them: after it ends,
   * using one fails.
   * https://learn.microsoft.com/javascript/api/office/officeextension.trackedobjects (objects outside the ".run" batch)
   */
  enqueue(action: QueuedAction): void {
    if (this.closed) {
      throw new FakeRichApiError(
        "InvalidRequestContext",
        `${action.path}.${action.action}: the object's Excel.run has finished.`,
      );
    }
    this.queue.push(action);
  }

  /** @internal Called when the context's Excel.run ends. */
  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    if (this.closed) {
      throw new FakeRichApiError("InvalidRequestContext", "sync() after the Excel.run ended.");
    }
    const actions = this.queue;
    this.queue = [];
    await this.excel.execute(actions);
  }
}
