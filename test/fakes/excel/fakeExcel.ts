/**
 * A faithful fake of the Office.js Excel API subset the Office host uses.
 *
 * Like Office.js: proxies queue operations until `context.sync()`; reading a property that was
 * not loaded and synced throws PropertyNotLoaded; a 2-D array whose shape differs from its range
 * throws InvalidArgument (a single value is applied to every cell); a failing action stops the
 * batch there, with the actions before it applied (Office batches are not transactions); each
 * request and response is measured as JSON and refused past the payload limit (5 MB, Excel on
 * the web's). The workbook it edits is `fake.state`, open to tests and harnesses.
 */
import {
  EXCEL_COLUMNS,
  EXCEL_ROWS,
  FakeRichApiError,
  FakeWorkbookState,
  countFilled,
  parseA1,
  splitSheet,
  type FakeSheetState,
  type FakeTable,
} from "./fakeWorkbookState";
import {
  FakeClientObject,
  NULL,
  checkSameContext,
  child,
  requiring,
  type FakeContextLike,
  type LoadResult,
  type QueuedAction,
  type Target,
} from "./fakeProxy";
import { FakeChartCollection } from "./fakeCharts";
import { FakeCommentCollection } from "./fakeComments";
import { FakeItemCollection } from "./fakeItemCollection";
import { FakeNoteCollection } from "./fakeNotes";
import { FakeRange, checkRect } from "./fakeRange";

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

/** UTF-8 length of a string, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** JSON size in UTF-8; every value measured here is JSON (loads of null objects give null). */
const jsonBytes = (value: unknown): number => utf8Length(JSON.stringify(value));

/**
 * The JSON Office.js sends for an action beside its arguments ({"Id":…,"ActionType":…,"Name":"…",
 * "ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}), and for an object path ({"Id":…,
 * "ObjectPathType":…,"Name":"…","ParentObjectPathId":…,"ArgumentInfo":{…}}), measured on
 * office.js's request body (ClientRequestBase.buildRequestMessageBodyAndRequestFlags).
 */
const ACTION_ENVELOPE_BYTES = 90;
const OBJECT_PATH_ENVELOPE_BYTES = 100;
/** {"ActionId":…,"Value":…} around each loaded value in a response. */
const RESULT_ENVELOPE_BYTES = 25;

/**
 * A proxy's object path as the segments Office sends one by one, each once per request:
 * 'worksheets.getItem("数据").getRangeByIndexes(3,0,10,32)' → its two prefixes.
 */
const pathPrefixes = new Map<string, readonly string[]>();
function prefixesOf(path: string): readonly string[] {
  let found = pathPrefixes.get(path);
  if (found === undefined) {
    const prefixes: string[] = [];
    let depth = 0;
    let quoted = false;
    for (let i = 0; i < path.length; i += 1) {
      const ch = path[i];
      if (ch === '"' && path[i - 1] !== "\\") quoted = !quoted;
      else if (!quoted && (ch === "(" || ch === "[")) depth += 1;
      else if (!quoted && (ch === ")" || ch === "]")) depth -= 1;
      else if (!quoted && depth === 0 && ch === ".") prefixes.push(path.slice(0, i));
    }
    prefixes.push(path);
    found = prefixes;
    pathPrefixes.set(path, found);
  }
  return found;
}

/**
 * A request's size as Office counts it: "the number of API calls, the number of objects, such as
 * Range objects, the length of the value to set or get" — each action with its arguments, and
 * each object path it uses, once, as JSON in UTF-8.
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 */
export function requestBytes(actions: readonly { path: string; action: string; args: unknown }[]): number {
  let bytes = 2;
  const paths = new Set<string>();
  for (const { path, action, args } of actions) {
    bytes += ACTION_ENVELOPE_BYTES + utf8Length(action) + (args === null ? 0 : jsonBytes(args));
    for (const prefix of prefixesOf(path)) {
      if (paths.has(prefix)) continue;
      paths.add(prefix);
      const dot = prefix.lastIndexOf(".", prefix.length - 1);
      bytes += OBJECT_PATH_ENVELOPE_BYTES + utf8Length(dot < 0 ? prefix : prefix.slice(dot + 1));
    }
  }
  return bytes;
}

/**
 * A failure to inject, counted from when it is set: the N-th `context.sync()` fails before Excel
 * applies anything (the request never arrived), or the N-th queued operation fails when Excel
 * reaches it (the operations before it stay applied, as in a real failing batch), or the first
 * operation `when` picks fails.
 */
export type FakeFault =
  | { readonly sync: number }
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
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
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

  /** Arms one failure (see FakeFault); it fires once, then the fake behaves again. */
  injectFault(fault: FakeFault): void {
    this.fault = { fault, syncsBefore: this.syncs.length, operationsBefore: this.operationCount };
  }

  /** Throws the injected failure where it is due. */
  private fireFault(at: { readonly sync?: number; readonly operation?: QueuedAction }): void {
    const armed = this.fault;
    if (armed === null) return;
    const { fault } = armed;
    const due =
      "sync" in fault
        ? at.sync !== undefined && at.sync - armed.syncsBefore === fault.sync
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
        if (error instanceof FakeRichApiError) throw error;
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

// ——————————————————————————————————————————— workbook ———————————————————————————————————————————

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;
  readonly functions: FakeFunctions;
  constructor(readonly context: FakeContextLike) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, "workbook.tables", () => ({
      state: context.excel.state,
      sheet: null,
    }));
    this.settings = new FakeSettingCollection(context, "workbook.settings", () => context.excel.state);
    this.functions = new FakeFunctions(context);
  }
}

/**
 * Worksheet functions evaluated by Excel without writing a cell (ExcelApi 1.2); the fake has COUNTA.
 * https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-counta-member(1)
 */
export class FakeFunctions {
  constructor(private readonly context: FakeContextLike) {}

  /** How many cells of the ranges are not empty. */
  countA(...values: FakeRange[]): FakeFunctionResult {
    for (const value of values) checkSameContext(this.context, value);
    return new FakeFunctionResult(this.context, "workbook.functions.countA()", () => {
      this.context.excel.requireApi("1.2", "functions.countA");
      let count = 0;
      for (const value of values) {
        const target = value.resolve();
        if (target === NULL) throw new FakeRichApiError("InvalidArgument", "COUNTA of a null object.");
        count += countFilled(target.sheet, target.rect);
      }
      return { value: count };
    });
  }
}

export class FakeFunctionResult extends FakeClientObject<{ value: number }> {
  protected readonly scalarProperties = ["value", "error"];
  protected override get api(): string {
    return "1.2";
  }
  protected readProperty(target: { value: number }, property: string): unknown {
    if (property === "value") return target.value;
    if (property === "error") return null;
    throw new FakeRichApiError(
      "InvalidArgument",
      `FunctionResult has no property '${property}' in this fake.`,
    );
  }
  get value(): number {
    return this.loaded("value");
  }
}

/**
 * Settings an add-in keeps in the workbook (ExcelApi 1.4): add (or replace) a key, find one.
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 */
export class FakeSettingCollection extends FakeClientObject<FakeWorkbookState> {
  protected readonly scalarProperties = [];
  protected override get api(): string {
    return "1.4";
  }
  protected readProperty(): unknown {
    return undefined;
  }

  add(key: string, value: unknown): FakeSettingProxy {
    this.act("add", [key, value], (state) => {
      if (key.length === 0) throw new FakeRichApiError("InvalidArgument", "A setting needs a key.");
      // Settings travel as JSON: a value that does not survive it is refused.
      state.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    });
    return this.getItemOrNullObject(key);
  }

  getItemOrNullObject(key: string): FakeSettingProxy {
    return new FakeSettingProxy(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`,
      child(this, (state) => (state.settings.has(key) ? { state, key } : NULL)),
      true,
    );
  }
}

export class FakeSettingProxy extends FakeClientObject<{ state: FakeWorkbookState; key: string }> {
  protected readonly scalarProperties = ["key", "value"];
  protected override get api(): string {
    return "1.4";
  }
  protected readProperty(
    { state, key }: { state: FakeWorkbookState; key: string },
    property: string,
  ): unknown {
    if (property === "key") return key;
    if (property === "value") return state.settings.get(key);
    throw new FakeRichApiError("InvalidArgument", `Setting has no property '${property}' in this fake.`);
  }
  get value(): unknown {
    return this.loaded("value");
  }
  delete(): void {
    this.act("delete", null, ({ state, key }) => {
      state.settings.delete(key);
    });
  }
}

export class FakeWorksheetCollection extends FakeItemCollection<
  FakeWorkbookState,
  FakeSheetState,
  FakeWorksheet
> {
  protected readonly itemScalars = FakeWorksheet.scalars;

  constructor(context: FakeContextLike) {
    super(context, "workbook.worksheets", () => context.excel.state);
  }

  protected elements(): FakeSheetState[] {
    return [...this.resolveExisting().sheets];
  }

  protected readItem(sheet: FakeSheetState, property: string): unknown {
    return readWorksheet(this.context.excel.state, sheet, property);
  }

  protected item(index: number, sheet: FakeSheetState): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets[${index}]`, () => sheet);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(name)})`, () => {
      const sheet = this.context.excel.state.sheetByName(name);
      if (sheet === undefined) throw new FakeRichApiError("ItemNotFound", `No sheet named “${name}”.`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      `worksheets.getItemOrNullObject(${JSON.stringify(name)})`,
      requiring(
        this.context,
        "1.4",
        "worksheets.getItemOrNullObject",
        () => this.context.excel.state.sheetByName(name) ?? NULL,
      ),
      true,
    );
  }

  add(name?: string): FakeWorksheet {
    let added: FakeSheetState | undefined;
    this.context.enqueue({
      path: this.path,
      action: "add",
      args: name ?? null,
      mutates: true,
      run: () => {
        added = this.context.excel.state.addSheet(name);
        return undefined;
      },
    });
    return new FakeWorksheet(this.context, `worksheets.add(${JSON.stringify(name ?? null)})`, () => {
      if (added === undefined) throw new FakeRichApiError("InvalidOperation", "The sheet was not added.");
      return added;
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const state = this.context.excel.state;
      const active = state.activeSheetId === null ? undefined : state.sheetById(state.activeSheetId);
      if (active === undefined) throw new FakeRichApiError("ItemNotFound", "No active sheet.");
      return active;
    });
  }
}

function readWorksheet(state: FakeWorkbookState, sheet: FakeSheetState, property: string): unknown {
  switch (property) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "position":
      return state.sheets.indexOf(sheet);
    case "visibility":
      return sheet.visibility;
    case "tabColor":
      return sheet.tabColor;
    default:
      throw new FakeRichApiError("InvalidArgument", `Worksheet has no property '${property}' in this fake.`);
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheetState> {
  static readonly scalars = ["name", "id", "position", "visibility", "tabColor"] as const;
  protected readonly scalarProperties = FakeWorksheet.scalars;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayoutProxy;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  readonly charts: FakeChartCollection;
  readonly protection: FakeWorksheetProtection;

  constructor(
    context: FakeContextLike,
    path: string,
    resolver: () => Target<FakeSheetState>,
    orNull = false,
  ) {
    super(context, path, resolver, orNull);
    this.tables = new FakeTableCollection(
      context,
      `${path}.tables`,
      child(this, (sheet) => ({ state: context.excel.state, sheet })),
    );
    this.freezePanes = new FakeFreezePanes(
      context,
      `${path}.freezePanes`,
      child(this, (sheet) => sheet),
    );
    this.pageLayout = new FakePageLayoutProxy(
      context,
      `${path}.pageLayout`,
      child(this, (sheet) => sheet),
    );
    this.notes = new FakeNoteCollection(
      context,
      `${path}.notes`,
      child(this, (sheet) => sheet),
    );
    this.comments = new FakeCommentCollection(
      context,
      `${path}.comments`,
      child(this, (sheet) => sheet),
    );
    this.charts = new FakeChartCollection(
      context,
      `${path}.charts`,
      child(this, (sheet) => sheet),
    );
    this.protection = new FakeWorksheetProtection(
      context,
      `${path}.protection`,
      child(this, (sheet) => sheet),
    );
  }

  protected readProperty(target: FakeSheetState, property: string): unknown {
    return readWorksheet(this.context.excel.state, target, property);
  }

  /**
   * Sheet protection guards the sheet's content; naming, moving, hiding, colouring the tab,
   * deleting and showing the sheet are the workbook's structure, which only workbook protection
   * guards (not modelled).
   */
  protected override get allowedOnProtectedSheet(): readonly string[] {
    return ["set name", "set position", "set visibility", "set tabColor", "activate", "delete"];
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.act("set name", value, (sheet) => {
      this.context.excel.state.checkSheetName(value, sheet);
      sheet.name = value;
    });
  }
  get id(): string {
    return this.loaded("id");
  }
  get position(): number {
    return this.loaded("position");
  }
  set position(value: number) {
    this.act("set position", value, (sheet) => {
      const sheets = this.context.excel.state.sheets;
      if (value < 0 || value >= sheets.length)
        throw new FakeRichApiError("InvalidArgument", "Position out of range.");
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(value: string) {
    this.act(
      "set visibility",
      value,
      (sheet) => {
        if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") {
          throw new FakeRichApiError("InvalidArgument", value);
        }
        this.context.excel.state.setVisibility(sheet, value);
      },
      "1.2",
    );
  }
  get tabColor(): string {
    return this.loaded("tabColor");
  }
  set tabColor(value: string) {
    this.act(
      "set tabColor",
      value,
      (sheet) => {
        if (value !== "" && !/^#[0-9A-Fa-f]{6}$/.test(value))
          throw new FakeRichApiError("InvalidArgument", `Colour “${value}”.`);
        sheet.tabColor = value.toUpperCase();
      },
      "1.7",
    );
  }

  activate(): void {
    this.act("activate", null, (sheet) => {
      this.context.excel.state.activate(sheet);
    });
  }

  delete(): void {
    this.act("delete", null, (sheet) => {
      this.context.excel.state.deleteSheet(sheet);
    });
  }

  /** No address: the whole sheet, as Office does. */
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getRange(${JSON.stringify(address ?? "")})`,
      child(this, (sheet) => {
        if (address === undefined || address === "")
          return { sheet, rect: { row: 0, col: 0, rowCount: EXCEL_ROWS, colCount: EXCEL_COLUMNS } };
        const { sheet: named, ref } = splitSheet(address);
        if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
          throw new FakeRichApiError("InvalidArgument", `“${address}” is on another sheet.`);
        }
        return { sheet, rect: parseA1(ref) };
      }),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const path = `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`;
    return new FakeRange(
      this.context,
      path,
      child(this, (sheet) => {
        this.context.excel.requireApi("1.7", "getRangeByIndexes");
        const rect = { row: startRow, col: startColumn, rowCount, colCount: columnCount };
        checkRect(rect);
        return { sheet, rect };
      }),
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRange(${valuesOnly})`,
      child(this, (sheet) => {
        // An empty sheet's used range is A1, as in Office.
        return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 } };
      }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      child(this, (sheet) => {
        this.context.excel.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        const rect = sheet.usedRect(valuesOnly);
        return rect === null ? NULL : { sheet, rect };
      }),
      true,
    );
  }
}

// ———————————————————————————————————————————— tables ————————————————————————————————————————————

interface TableScope {
  readonly state: FakeWorkbookState;
  /** null: the workbook's collection. */
  readonly sheet: FakeSheetState | null;
}

export class FakeTableCollection extends FakeItemCollection<TableScope, FakeTable, FakeTableProxy> {
  protected readonly itemScalars = FakeTableProxy.scalars;

  /** A null sheet's tables stay unloaded (the host reads only existing sheets' tables). */
  protected override get nullItems(): "unloaded" {
    return "unloaded";
  }

  protected elements(): FakeTable[] | null {
    const scope = this.resolve();
    if (scope === NULL) return null;
    return scope.state.tables.filter((t) => scope.sheet === null || t.sheetId === scope.sheet.id);
  }

  protected readItem(table: FakeTable, property: string): unknown {
    return readTable(table, property);
  }

  protected item(index: number, table: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, `${this.path}[${index}]`, () => table);
  }

  /**
   * A Range, or an address. Office documents an address without a sheet name as meaning the
   * *active* sheet, so the fake refuses one unless the collection's sheet is the active one.
   */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    let added: FakeTable | undefined;
    const label = typeof address === "string" ? address : "Range";
    checkSameContext(this.context, address);
    this.act("add", [label, hasHeaders], ({ state, sheet }) => {
      if (typeof address !== "string") {
        // A Range argument arrives in ExcelApi 1.3; before it, only an address.
        this.context.excel.requireApi("1.3", "tables.add(Range)");
        const { sheet: target, rect } = address.resolveExisting();
        if (sheet !== null && target !== sheet)
          throw new FakeRichApiError("InvalidArgument", "The range is on another sheet.");
        added = state.addTable(target, rect, hasHeaders);
        return;
      }
      const { sheet: named, ref } = splitSheet(address);
      const target = named === null ? state.activeSheet() : state.sheetByName(named);
      if (target === undefined) throw new FakeRichApiError("InvalidArgument", `No sheet for “${address}”.`);
      if (sheet !== null && target !== sheet)
        throw new FakeRichApiError(
          "InvalidArgument",
          `“${address}” is on another sheet (an address without a sheet name means the active sheet).`,
        );
      added = state.addTable(target, parseA1(ref), hasHeaders);
    });
    return new FakeTableProxy(this.context, `${this.path}.add(${JSON.stringify(label)})`, () => {
      if (added === undefined) throw new FakeRichApiError("InvalidOperation", "The table was not added.");
      return added;
    });
  }

  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(
      this.context,
      `${this.path}.getItem(${JSON.stringify(name)})`,
      child(this, (scope) => {
        const table = findTable(scope, name);
        if (table === undefined) throw new FakeRichApiError("ItemNotFound", `No table named “${name}”.`);
        return table;
      }),
    );
  }

  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`,
      child(this, (scope) => {
        this.context.excel.requireApi("1.4", "TableCollection.getItemOrNullObject");
        return findTable(scope, name) ?? NULL;
      }),
      true,
    );
  }
}

function findTable(scope: TableScope, name: string): FakeTable | undefined {
  return scope.state.tables.find(
    (t) =>
      t.name.toLowerCase() === name.toLowerCase() && (scope.sheet === null || t.sheetId === scope.sheet.id),
  );
}

function readTable(table: FakeTable, property: string): unknown {
  switch (property) {
    case "name":
      return table.name;
    case "id":
      return table.id;
    case "style":
      return table.style;
    case "showFilterButton":
      return table.showFilterButton;
    case "showHeaders":
      return true;
    default:
      throw new FakeRichApiError("InvalidArgument", `Table has no property '${property}' in this fake.`);
  }
}

export class FakeTableProxy extends FakeClientObject<FakeTable> {
  static readonly scalars = ["name", "id", "style", "showFilterButton", "showHeaders"] as const;
  protected readonly scalarProperties = FakeTableProxy.scalars;

  protected readProperty(target: FakeTable, property: string): unknown {
    return readTable(target, property);
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.act("set name", value, (table) => {
      this.context.excel.state.checkTableName(value, table);
      table.name = value;
    });
  }
  get style(): string {
    return this.loaded("style");
  }
  set style(value: string) {
    this.act("set style", value, (table) => {
      this.context.excel.state.checkTableStyle(value);
      table.style = value;
    });
  }
  get showFilterButton(): boolean {
    return this.loaded("showFilterButton");
  }
  set showFilterButton(value: boolean) {
    this.act(
      "set showFilterButton",
      value,
      (table) => {
        table.showFilterButton = value;
      },
      "1.3",
    );
  }

  delete(): void {
    this.act("delete", null, (table) => {
      this.context.excel.state.removeTable(table, false);
    });
  }

  /** ExcelApi 1.13: the table takes the new range; see FakeWorkbookState.resizeTable for Excel's rules. */
  resize(newRange: string | FakeRange): void {
    checkSameContext(this.context, newRange);
    this.act(
      "resize",
      typeof newRange === "string" ? newRange : "Range",
      (table) => {
        const state = this.context.excel.state;
        const sheet = state.sheetById(table.sheetId);
        if (sheet === undefined) throw new FakeRichApiError("ItemNotFound", "The table's sheet is gone.");
        if (typeof newRange === "string") {
          const { sheet: named, ref } = splitSheet(newRange);
          const on = named === null ? sheet : state.sheetByName(named);
          if (on === undefined) throw new FakeRichApiError("InvalidArgument", `No sheet for “${newRange}”.`);
          state.resizeTable(table, on, parseA1(ref));
        } else {
          const { sheet: on, rect } = newRange.resolveExisting();
          state.resizeTable(table, on, rect);
        }
      },
      "1.13",
    );
  }

  convertToRange(): FakeRange {
    this.act(
      "convertToRange",
      null,
      (table) => {
        this.context.excel.state.removeTable(table, true);
      },
      "1.2",
    );
    return this.getRange();
  }

  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getRange()`,
      child(this, (table) => {
        const sheet = this.context.excel.state.sheetById(table.sheetId);
        if (sheet === undefined) throw new FakeRichApiError("ItemNotFound", "The table's sheet is gone.");
        return { sheet, rect: table.rect };
      }),
    );
  }
}

// ——————————————————————————————————————————— protection ———————————————————————————————————————————

/**
 * Worksheet.protection (ExcelApi 1.2): whether the sheet is protected, and protect/unprotect
 * without a password. While protected, Excel refuses changes to the sheet (see
 * refuseOnProtectedSheet in fakeProxy.ts).
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
 */
export class FakeWorksheetProtection extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = ["protected"];
  protected override get api(): string {
    return "1.2";
  }
  protected readProperty(sheet: FakeSheetState, property: string): unknown {
    if (property === "protected") return sheet.protected;
    throw new FakeRichApiError(
      "InvalidArgument",
      `WorksheetProtection has no property '${property}' in this fake.`,
    );
  }
  protected override get allowedOnProtectedSheet(): "all" {
    return "all";
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  /** Fails on a sheet already protected, as Excel does. */
  protect(): void {
    this.act("protect", null, (sheet) => {
      if (sheet.protected)
        throw new FakeRichApiError("InvalidOperation", `“${sheet.name}” is already protected.`);
      sheet.protected = true;
    });
  }
  unprotect(): void {
    this.act("unprotect", null, (sheet) => {
      sheet.protected = false;
    });
  }
}

// ———————————————————————————————————————— freeze, print ——————————————————————————————————————————

class FakeFreezePanes extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = [];
  protected override get api(): string {
    return "1.7";
  }
  /** Freezing panes belongs to the window (View → Freeze Panes), which sheet protection leaves alone. */
  protected override get allowedOnProtectedSheet(): "all" {
    return "all";
  }
  protected readProperty(): unknown {
    return undefined;
  }

  freezeRows(count = 1): void {
    this.act("freezeRows", count, (sheet) => {
      if (count < 0 || count >= EXCEL_ROWS)
        throw new FakeRichApiError("InvalidArgument", `freezeRows(${count}).`);
      sheet.freeze = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.act("freezeColumns", count, (sheet) => {
      if (count < 0 || count >= EXCEL_COLUMNS)
        throw new FakeRichApiError("InvalidArgument", `freezeColumns(${count}).`);
      sheet.freeze = { rows: 0, columns: count };
    });
  }

  /** The range is the frozen top-left block: its bottom-right cell decides the split. */
  freezeAt(frozenRange: string | FakeRange): void {
    const address = typeof frozenRange === "string" ? frozenRange : null;
    checkSameContext(this.context, frozenRange);
    this.act("freezeAt", address ?? "(range)", (sheet) => {
      const rect =
        address !== null
          ? parseA1(splitSheet(address).ref)
          : frozenRange instanceof FakeRange
            ? frozenRange.resolveExisting().rect
            : null;
      if (rect === null) throw new FakeRichApiError("InvalidArgument", "freezeAt needs a range.");
      sheet.freeze = { rows: rect.row + rect.rowCount, columns: rect.col + rect.colCount };
    });
  }

  unfreeze(): void {
    this.act("unfreeze", null, (sheet) => {
      sheet.freeze = { rows: 0, columns: 0 };
    });
  }

  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getLocationOrNullObject()`,
      child(this, (sheet) => {
        const { rows, columns } = sheet.freeze;
        if (rows === 0 && columns === 0) return NULL;
        return {
          sheet,
          rect: {
            row: 0,
            col: 0,
            rowCount: rows === 0 ? EXCEL_ROWS : rows,
            colCount: columns === 0 ? EXCEL_COLUMNS : columns,
          },
        };
      }),
      true,
    );
  }
}

const PAPER_SIZES = ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"];

class FakePageLayoutProxy extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = ["orientation", "paperSize", "zoom", "printGridlines"];
  protected override get api(): string {
    return "1.9";
  }

  protected readProperty(sheet: FakeSheetState, property: string): unknown {
    switch (property) {
      case "orientation":
        return sheet.page.orientation;
      case "paperSize":
        return sheet.page.paperSize;
      case "zoom":
        return { ...sheet.page.zoom };
      case "printGridlines":
        return sheet.page.printGridlines;
      default:
        throw new FakeRichApiError(
          "InvalidArgument",
          `PageLayout has no property '${property}' in this fake.`,
        );
    }
  }

  get orientation(): string {
    return this.loaded("orientation");
  }
  set orientation(value: string) {
    this.act("set orientation", value, (sheet) => {
      if (value !== "Portrait" && value !== "Landscape") throw new FakeRichApiError("InvalidArgument", value);
      sheet.page.orientation = value;
    });
  }
  get paperSize(): string {
    return this.loaded("paperSize");
  }
  set paperSize(value: string) {
    this.act("set paperSize", value, (sheet) => {
      if (!PAPER_SIZES.includes(value)) throw new FakeRichApiError("InvalidArgument", `Paper ${value}.`);
      sheet.page.paperSize = value;
    });
  }
  get zoom(): FakeWorkbookState["sheets"][number]["page"]["zoom"] {
    return this.loaded("zoom");
  }
  /**
   * PageLayoutZoomOptions documents a scale of 10–400 and page counts to fit (or null); the fake
   * refuses anything else, 0 pages included (Office documents no meaning for it).
   * https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions
   */
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.act("set zoom", value, (sheet) => {
      // What arrives is whatever the caller's JavaScript sent, not what the typings promise.
      for (const [option, given] of Object.entries(value as Record<string, unknown>)) {
        if (given === null || given === undefined) continue;
        if (option === "scale") {
          if (typeof given !== "number" || given < 10 || given > 400)
            throw new FakeRichApiError("InvalidArgument", "Scale 10–400.");
        } else if (option === "horizontalFitToPages" || option === "verticalFitToPages") {
          if (typeof given !== "number" || !Number.isInteger(given) || given < 1 || given > 32767) {
            throw new FakeRichApiError(
              "InvalidArgument",
              `${option} ${JSON.stringify(given)}: a number of pages, 1 or more.`,
            );
          }
        } else {
          throw new FakeRichApiError("InvalidArgument", `Zoom has no option “${option}”.`);
        }
      }
      sheet.page.zoom = { ...value };
    });
  }

  get printGridlines(): boolean {
    return this.loaded("printGridlines");
  }
  set printGridlines(value: boolean) {
    this.act("set printGridlines", value, (sheet) => {
      if (typeof value !== "boolean") throw new FakeRichApiError("InvalidArgument", String(value));
      sheet.page.printGridlines = value;
    });
  }

  /** Whole columns only, e.g. "$A:$B". */
  setPrintTitleColumns(columns: string): void {
    this.act("setPrintTitleColumns", columns, (sheet) => {
      const match = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(columns);
      if (!match)
        throw new FakeRichApiError("InvalidArgument", `Print titles need whole columns: ${columns}.`);
      sheet.page.printTitleColumns = `$${match[1] ?? ""}:$${match[2] ?? ""}`;
    });
  }

  /** Whole rows only, e.g. "$3:$3" or "3:4". */
  setPrintTitleRows(rows: string): void {
    this.act("setPrintTitleRows", rows, (sheet) => {
      const rect = parseA1(rows);
      if (rect.col !== 0 || rect.colCount !== EXCEL_COLUMNS)
        throw new FakeRichApiError("InvalidArgument", `Print titles need whole rows: ${rows}.`);
      sheet.page.printTitleRows = `$${rect.row + 1}:$${rect.row + rect.rowCount}`;
    });
  }
}
