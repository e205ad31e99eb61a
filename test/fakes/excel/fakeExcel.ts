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
  DEFAULT_COLUMN_WIDTH_POINTS,
  DEFAULT_ROW_HEIGHT_POINTS,
  EXCEL_COLUMNS,
  EXCEL_ROWS,
  FakeRichApiError,
  FakeWorkbookState,
  enterValue,
  key,
  parseA1,
  qualifiedAddress,
  splitSheet,
  type FakeSheetState,
  type FakeTable,
  type FakeValue,
  type FormatProp,
  type Rect,
} from "./fakeWorkbookState";

export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface FakeExcelOptions {
  /** Request and response limit in bytes; Excel on the web's 5 MB by default. */
  readonly payloadLimitBytes?: number;
  readonly sheetNames?: readonly string[];
}

/** One context.sync() as the fake measured it. */
export interface FakeSyncRecord {
  readonly actions: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

const NULL = Symbol("null object");
const UNRESOLVED = Symbol("unresolved");
type Target<T> = T | typeof NULL;

interface QueuedAction {
  readonly path: string;
  readonly action: string;
  readonly args: unknown;
  /** Runs against the state inside sync(); a load returns what to hand back once the sync succeeds. */
  readonly run: () => LoadResult | undefined;
}

interface LoadResult {
  readonly data: unknown;
  readonly commit: () => void;
}

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

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
  readonly syncs: FakeSyncRecord[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.state = new FakeWorkbookState(options.sheetNames ?? ["Sheet1"]);
    this.payloadLimitBytes = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT_BYTES;
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

  /** Like Excel.run: a fresh context per batch; what is still queued at the end is synced, as Office does. */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    const result = await batch(context);
    if (context.pendingActions > 0) await context.sync();
    return result;
  };

  /** @internal Executes one request. */
  async execute(actions: readonly QueuedAction[]): Promise<void> {
    const requestBytes = actions.reduce(
      (sum, a) => sum + jsonBytes({ p: a.path, a: a.action, v: a.args }) + 1,
      2,
    );
    const record = { actions: actions.length, requestBytes, responseBytes: 0 };
    this.syncs.push(record);
    await Promise.resolve();
    if (requestBytes > this.payloadLimitBytes) {
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload (${requestBytes} bytes) exceeds the ${this.payloadLimitBytes}-byte limit.`,
      );
    }
    const results: LoadResult[] = [];
    for (const action of actions) {
      try {
        const result = action.run();
        if (result !== undefined) results.push(result);
      } catch (error) {
        if (error instanceof FakeRichApiError) throw error;
        throw new FakeRichApiError("InvalidArgument", `${action.action}: ${String(error)}`);
      }
    }
    const responseBytes = results.reduce((sum, r) => sum + jsonBytes(r.data) + 1, 2);
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

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: QueuedAction[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  /** @internal */
  enqueue(action: QueuedAction): void {
    this.queue.push(action);
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    await this.excel.execute(actions);
  }
}

// ————————————————————————————————————————— proxy base ———————————————————————————————————————————

/** What every proxy shares: lazy resolution, null objects, load/sync bookkeeping. */
abstract class FakeClientObject<T> {
  private readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private target: Target<T> | typeof UNRESOLVED = UNRESOLVED;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly path: string,
    private readonly resolver: () => Target<T>,
    orNull = false,
  ) {
    // An *OrNullObject proxy learns whether it exists when its getter action runs, in order.
    if (orNull) {
      context.enqueue({
        path,
        action: "resolve",
        args: null,
        run: () => {
          const exists = this.resolve() !== NULL;
          return { data: exists, commit: () => (this.nullState = !exists) };
        },
      });
    }
  }

  /** The scalar properties a bare load() fetches. */
  protected abstract readonly scalarProperties: readonly string[];
  /** Reads one property from the state inside sync(). */
  protected abstract readProperty(target: T, property: string): unknown;

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeRichApiError(
        "PropertyNotLoaded",
        `isNullObject of ${this.path} is known only after context.sync().`,
      );
    }
    return this.nullState;
  }

  /** @internal Resolves once, the first time an action needs it; later actions see the same object. */
  resolve(): Target<T> {
    if (this.target === UNRESOLVED) this.target = this.resolver();
    return this.target;
  }

  /** @internal */
  resolveExisting(): T {
    const target = this.resolve();
    if (target === NULL) throw new FakeRichApiError("InvalidOperation", `${this.path} is a null object.`);
    if (isDeletedSheet(target)) throw new FakeRichApiError("ItemNotFound", `${this.path} was deleted.`);
    return target;
  }

  load(properties?: string | string[]): this {
    const names = normaliseLoad(properties, this.scalarProperties);
    this.context.enqueue({
      path: this.path,
      action: "load",
      args: names,
      run: () => {
        const target = this.resolve();
        if (target === NULL) return { data: null, commit: () => (this.nullState = true) };
        const data: Record<string, unknown> = {};
        for (const name of names) data[name] = this.readProperty(this.resolveExisting(), name);
        return {
          data,
          commit: () => {
            this.nullState = false;
            for (const name of names) this.loadedValues.set(name, data[name]);
          },
        };
      },
    });
    return this;
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type it loaded, as Office's typings do for each property.
  protected loaded<V>(property: string): V {
    if (!this.loadedValues.has(property)) {
      throw new FakeRichApiError(
        "PropertyNotLoaded",
        `The property '${property}' of ${this.path} is not available. Call load() and context.sync() before reading it.`,
      );
    }
    return this.loadedValues.get(property) as V;
  }

  /** @internal Used by collections to hand out items that arrive loaded. */
  setLoaded(property: string, value: unknown): void {
    this.nullState = false;
    this.loadedValues.set(property, value);
  }

  protected act(action: string, args: unknown, apply: (target: T) => void): void {
    this.context.enqueue({
      path: this.path,
      action,
      args,
      run: () => {
        apply(this.resolveExisting());
        return undefined;
      },
    });
  }
}

function isDeletedSheet(target: unknown): boolean {
  return typeof target === "object" && target !== null && "deleted" in target && target.deleted === true;
}

function normaliseLoad(properties: string | string[] | undefined, scalars: readonly string[]): string[] {
  if (properties === undefined) return [...scalars];
  const list = Array.isArray(properties) ? properties : properties.split(",");
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

function child<P, C>(parent: FakeClientObject<P>, navigate: (target: P) => Target<C>): () => Target<C> {
  return () => {
    const target = parent.resolve();
    return target === NULL ? NULL : navigate(parent.resolveExisting());
  };
}

// ——————————————————————————————————————————— workbook ———————————————————————————————————————————

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, "workbook.tables", () => ({
      state: context.excel.state,
      sheet: null,
    }));
  }
}

export class FakeWorksheetCollection extends FakeClientObject<FakeWorkbookState> {
  protected readonly scalarProperties = ["items"];
  private loadedItems: FakeWorksheet[] | undefined;

  constructor(context: FakeRequestContext) {
    super(context, "workbook.worksheets", () => context.excel.state);
  }

  get items(): FakeWorksheet[] {
    if (this.loadedItems === undefined) {
      throw new FakeRichApiError(
        "PropertyNotLoaded",
        "worksheets.items is not available. Call load() and context.sync() first.",
      );
    }
    return this.loadedItems;
  }

  override load(properties?: string | string[]): this {
    const itemProps = itemProperties(properties, FakeWorksheet.scalars);
    this.context.enqueue({
      path: this.path,
      action: "load",
      args: properties ?? null,
      run: () => {
        const state = this.resolveExisting();
        const sheets = [...state.sheets];
        const data = sheets.map((s) =>
          Object.fromEntries(itemProps.map((p) => [p, readWorksheet(state, s, p)])),
        );
        return {
          data,
          commit: () => {
            this.loadedItems = sheets.map((sheet, i) => {
              const item = new FakeWorksheet(this.context, `worksheets[${i}]`, () => sheet);
              for (const p of itemProps) item.setLoaded(p, data[i]![p]);
              return item;
            });
          },
        };
      },
    });
    return this;
  }

  protected readProperty(): unknown {
    return undefined;
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
      () => this.context.excel.state.sheetByName(name) ?? NULL,
      true,
    );
  }

  add(name?: string): FakeWorksheet {
    let added: FakeSheetState | undefined;
    this.context.enqueue({
      path: this.path,
      action: "add",
      args: name ?? null,
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

/** "items/name" → ["name"]; "items" or nothing → every scalar. */
function itemProperties(properties: string | string[] | undefined, scalars: readonly string[]): string[] {
  if (properties === undefined) return [...scalars];
  const list = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim());
  if (list.includes("items")) return [...scalars];
  const props = list.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
  return props.length > 0 ? props : [...scalars];
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

  constructor(
    context: FakeRequestContext,
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
  }

  protected readProperty(target: FakeSheetState, property: string): unknown {
    return readWorksheet(this.context.excel.state, target, property);
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
    this.act("set visibility", value, (sheet) => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") {
        throw new FakeRichApiError("InvalidArgument", value);
      }
      this.context.excel.state.setVisibility(sheet, value);
    });
  }
  get tabColor(): string {
    return this.loaded("tabColor");
  }
  set tabColor(value: string) {
    this.act("set tabColor", value, (sheet) => {
      if (value !== "" && !/^#[0-9A-Fa-f]{6}$/.test(value))
        throw new FakeRichApiError("InvalidArgument", `Colour “${value}”.`);
      sheet.tabColor = value.toUpperCase();
    });
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
        const rect = sheet.usedRect(valuesOnly);
        return rect === null ? NULL : { sheet, rect };
      }),
      true,
    );
  }
}

function checkRect(rect: Rect): void {
  if (
    rect.row < 0 ||
    rect.col < 0 ||
    rect.rowCount < 1 ||
    rect.colCount < 1 ||
    rect.row + rect.rowCount > EXCEL_ROWS ||
    rect.col + rect.colCount > EXCEL_COLUMNS
  ) {
    throw new FakeRichApiError("InvalidArgument", `Range ${JSON.stringify(rect)} lies outside the grid.`);
  }
}

// ———————————————————————————————————————————— ranges ————————————————————————————————————————————

interface RangeTarget {
  readonly sheet: FakeSheetState;
  readonly rect: Rect;
}

function cellsOf(rect: Rect, fill: (row: number, col: number) => unknown): unknown[][] {
  return Array.from({ length: rect.rowCount }, (_, r) =>
    Array.from({ length: rect.colCount }, (_, c) => fill(rect.row + r, rect.col + c)),
  );
}

/** Office's rule for 2-D inputs: exactly the range's shape, or one value for every cell. */
function eachInput(
  rect: Rect,
  input: unknown,
  property: string,
  apply: (row: number, col: number, value: unknown) => void,
): void {
  if (!Array.isArray(input)) {
    for (let r = 0; r < rect.rowCount; r += 1)
      for (let c = 0; c < rect.colCount; c += 1) apply(rect.row + r, rect.col + c, input);
    return;
  }
  const rows = input as unknown[];
  const shapeOk =
    rows.length === rect.rowCount && rows.every((row) => Array.isArray(row) && row.length === rect.colCount);
  if (!shapeOk) {
    const got = `${rows.length}×${Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : "?"}`;
    throw new FakeRichApiError(
      "InvalidArgument",
      `The number of rows or columns in the input array for ${property} (${got}) doesn't match the size or dimensions of the range (${rect.rowCount}×${rect.colCount}).`,
    );
  }
  rows.forEach((row, r) => {
    (row as unknown[]).forEach((value, c) => {
      apply(rect.row + r, rect.col + c, value);
    });
  });
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "values",
    "numberFormat",
  ];
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormats;

  constructor(
    context: FakeRequestContext,
    path: string,
    resolver: () => Target<RangeTarget>,
    orNull = false,
  ) {
    super(context, path, resolver, orNull);
    this.format = new FakeRangeFormat(
      context,
      `${path}.format`,
      child(this, (t) => t),
    );
    this.dataValidation = new FakeDataValidation(
      context,
      `${path}.dataValidation`,
      child(this, (t) => t),
    );
    this.conditionalFormats = new FakeConditionalFormats(
      context,
      `${path}.conditionalFormats`,
      child(this, (t) => t),
    );
  }

  protected readProperty({ sheet, rect }: RangeTarget, property: string): unknown {
    switch (property) {
      case "address":
        return qualifiedAddress(sheet.name, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.colCount;
      case "values":
        guardHugeRead(rect);
        return cellsOf(rect, (r, c) => sheet.valueAt(r, c));
      case "formulas":
        guardHugeRead(rect);
        return cellsOf(rect, (r, c) => sheet.formulas.get(key(r, c)) ?? sheet.valueAt(r, c));
      case "numberFormat":
        guardHugeRead(rect);
        return cellsOf(rect, (r, c) => sheet.formatAt(r, c, "numberFormat"));
      default:
        throw new FakeRichApiError("InvalidArgument", `Range has no property '${property}' in this fake.`);
    }
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }

  get values(): FakeValue[][] {
    return this.loaded("values");
  }
  /** null in the array leaves that cell as it is, as Office does; text is typed as Excel types it. */
  set values(input: unknown) {
    this.act("set values", input, ({ sheet, rect }) => {
      eachInput(rect, input, "values", (r, c, value) => {
        if (value === null || value === undefined) return;
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
          throw new FakeRichApiError(
            "InvalidArgument",
            `Cell value ${JSON.stringify(value)} is not text, a number or a boolean.`,
          );
        }
        const k = key(r, c);
        if (typeof value === "string" && value.startsWith("=") && value.length > 1) {
          sheet.formulas.set(k, value);
          sheet.values.delete(k);
          return;
        }
        sheet.formulas.delete(k);
        const stored = enterValue(value, sheet.formatAt(r, c, "numberFormat"));
        if (stored === "") sheet.values.delete(k);
        else sheet.values.set(k, stored);
      });
    });
  }

  get formulas(): FakeValue[][] {
    return this.loaded("formulas");
  }
  set formulas(input: unknown) {
    this.values = input;
  }

  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.act("set numberFormat", input, ({ sheet, rect }) => {
      if (!Array.isArray(input)) {
        if (typeof input !== "string")
          throw new FakeRichApiError("InvalidArgument", "A number format is text.");
        sheet.setFormat(rect, "numberFormat", input);
        return;
      }
      eachInput(rect, input, "numberFormat", (r, c, value) => {
        if (value === null) return;
        if (typeof value !== "string")
          throw new FakeRichApiError("InvalidArgument", "A number format is text.");
        sheet.setFormat({ row: r, col: c, rowCount: 1, colCount: 1 }, "numberFormat", value);
      });
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.act("clear", applyTo, ({ sheet, rect }) => {
      if (applyTo === "All" || applyTo === "Contents") sheet.clearContents(rect);
      if (applyTo === "All" || applyTo === "Formats") sheet.clearFormats(rect);
    });
  }
}

/** A response of a whole sheet would be gigabytes; Office would refuse it, and so does the fake, early. */
function guardHugeRead(rect: Rect): void {
  if (rect.rowCount * rect.colCount > 5_000_000) {
    throw new FakeRichApiError(
      "ResponsePayloadSizeLimitExceeded",
      `Reading ${rect.rowCount}×${rect.colCount} cells passes the response limit.`,
    );
  }
}

class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = [
    "columnWidth",
    "rowHeight",
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
  ];
  readonly fill: FakeFormatPart;
  readonly font: FakeFormatPart;

  constructor(context: FakeRequestContext, path: string, resolver: () => Target<RangeTarget>) {
    super(context, path, resolver);
    this.fill = new FakeFormatPart(
      context,
      `${path}.fill`,
      child(this, (t) => t),
      { color: "fill" },
    );
    this.font = new FakeFormatPart(
      context,
      `${path}.font`,
      child(this, (t) => t),
      { color: "fontColor", bold: "bold", size: "fontSize" },
    );
  }

  protected readProperty({ sheet, rect }: RangeTarget, property: string): unknown {
    switch (property) {
      case "columnWidth":
        return uniform(
          range(rect.col, rect.colCount).map((c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_POINTS),
        );
      case "rowHeight":
        return uniform(
          range(rect.row, Math.min(rect.rowCount, 10_000)).map(
            (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT_POINTS,
          ),
        );
      case "wrapText":
      case "horizontalAlignment":
      case "verticalAlignment":
        return uniform(cellsOf(rect, (r, c) => sheet.formatAt(r, c, property)).flat());
      default:
        throw new FakeRichApiError(
          "InvalidArgument",
          `RangeFormat has no property '${property}' in this fake.`,
        );
    }
  }

  private setCellFormat(prop: FormatProp, value: unknown, allowed?: readonly string[]): void {
    this.act(`set ${prop}`, value, ({ sheet, rect }) => {
      if (allowed !== undefined && !allowed.includes(String(value))) {
        throw new FakeRichApiError("InvalidArgument", `${String(value)} is not a valid ${prop}.`);
      }
      sheet.setFormat(rect, prop, value);
    });
  }

  set wrapText(value: boolean) {
    this.setCellFormat("wrapText", value);
  }
  set horizontalAlignment(value: string) {
    this.setCellFormat("horizontalAlignment", value, [
      "General",
      "Left",
      "Center",
      "Right",
      "Fill",
      "Justify",
      "CenterAcrossSelection",
      "Distributed",
    ]);
  }
  set verticalAlignment(value: string) {
    this.setCellFormat("verticalAlignment", value, ["Top", "Center", "Bottom", "Justify", "Distributed"]);
  }
  /** null where the columns differ, as Office reports it (typed number, as Office's typings do). */
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  /** Points, as Office takes them; Excel allows up to 255 characters ≈ 1,790 pt. */
  set columnWidth(points: number) {
    this.act("set columnWidth", points, ({ sheet, rect }) => {
      if (!(points >= 0 && points <= 1790))
        throw new FakeRichApiError("InvalidArgument", `Column width ${points} pt.`);
      for (const c of range(rect.col, rect.colCount)) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    return this.loaded("rowHeight");
  }
  /** Points; Excel allows 0–409. */
  set rowHeight(points: number) {
    this.act("set rowHeight", points, ({ sheet, rect }) => {
      if (!(points >= 0 && points <= 409))
        throw new FakeRichApiError("InvalidArgument", `Row height ${points} pt.`);
      for (const r of range(rect.row, rect.rowCount)) sheet.rowHeights.set(r, points);
    });
  }
  set useStandardWidth(value: boolean) {
    this.act("set useStandardWidth", value, ({ sheet, rect }) => {
      if (!value) return;
      for (const c of [...sheet.columnWidths.keys()])
        if (c >= rect.col && c < rect.col + rect.colCount) sheet.columnWidths.delete(c);
    });
  }
  set useStandardHeight(value: boolean) {
    this.act("set useStandardHeight", value, ({ sheet, rect }) => {
      if (!value) return;
      for (const r of [...sheet.rowHeights.keys()])
        if (r >= rect.row && r < rect.row + rect.rowCount) sheet.rowHeights.delete(r);
    });
  }
}

/** fill (color) and font (color, bold, size): properties that map one-to-one onto cell formats. */
class FakeFormatPart extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties: readonly string[];

  constructor(
    context: FakeRequestContext,
    path: string,
    resolver: () => Target<RangeTarget>,
    private readonly props: Record<string, FormatProp>,
  ) {
    super(context, path, resolver);
    this.scalarProperties = Object.keys(props);
    for (const [property, prop] of Object.entries(props)) {
      Object.defineProperty(this, property, {
        get: (): unknown => this.loaded(property),
        set: (value: unknown) => {
          this.act(`set ${prop}`, value, ({ sheet, rect }) => {
            if (
              (prop === "fill" || prop === "fontColor") &&
              !(typeof value === "string" && /^#[0-9A-Fa-f]{6}$/.test(value))
            ) {
              throw new FakeRichApiError(
                "InvalidArgument",
                `Colour “${String(value)}” (the fake takes #RRGGBB only).`,
              );
            }
            sheet.setFormat(rect, prop, typeof value === "string" ? value.toUpperCase() : value);
          });
        },
      });
    }
  }

  protected readProperty({ sheet, rect }: RangeTarget, property: string): unknown {
    const prop = this.props[property];
    if (prop === undefined)
      throw new FakeRichApiError("InvalidArgument", `No property '${property}' in this fake.`);
    return uniform(cellsOf(rect, (r, c) => sheet.formatAt(r, c, prop)).flat());
  }

  // Declared for TypeScript; defineProperty above supplies them.
  declare color: string;
  declare bold: boolean;
  declare size: number;
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}

/** Office reports a format property of a mixed range as null. */
function uniform(values: readonly unknown[]): unknown {
  const first = values[0];
  return values.every((v) => v === first) ? first : null;
}

class FakeDataValidation extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = ["rule", "errorAlert"];

  protected readProperty({ sheet, rect }: RangeTarget, property: string): unknown {
    const v = sheet.validationAt(rect.row, rect.col);
    if (property === "rule") return v?.rule ?? {};
    if (property === "errorAlert") return v?.errorAlert ?? null;
    throw new FakeRichApiError(
      "InvalidArgument",
      `DataValidation has no property '${property}' in this fake.`,
    );
  }

  set rule(rule: Record<string, unknown>) {
    this.act("set rule", rule, ({ sheet, rect }) => {
      checkValidationRule(rule, this.context.excel.state);
      sheet.validations.push({ rect, rule, errorAlert: null });
    });
  }

  set errorAlert(alert: { showAlert: boolean; style: string; title: string; message: string }) {
    this.act("set errorAlert", alert, ({ sheet, rect }) => {
      // Excel's limits: a title of 32 characters, a message of 255.
      if (alert.title.length > 32)
        throw new FakeRichApiError(
          "InvalidArgument",
          `Error alert title longer than 32 characters: “${alert.title}”.`,
        );
      if (alert.message.length > 255)
        throw new FakeRichApiError("InvalidArgument", "Error alert message longer than 255 characters.");
      if (!["Stop", "Warning", "Information"].includes(alert.style))
        throw new FakeRichApiError("InvalidArgument", alert.style);
      const v = sheet.validationAt(rect.row, rect.col);
      if (v === null) throw new FakeRichApiError("InvalidOperation", "Set a rule before its error alert.");
      v.errorAlert = { ...alert };
    });
  }

  clear(): void {
    this.act("clear", null, ({ sheet, rect }) => {
      sheet.validations.push({ rect, rule: null, errorAlert: null });
    });
  }
}

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

/** The checks Excel makes on a rule: one kind, known operator, ordered bounds, a list source within 255 characters. */
function checkValidationRule(rule: Record<string, unknown>, state: FakeWorkbookState): void {
  const kinds = Object.keys(rule);
  if (kinds.length !== 1)
    throw new FakeRichApiError("InvalidArgument", "A validation rule has exactly one kind.");
  const kind = kinds[0]!;
  const body = rule[kind] as Record<string, unknown>;
  switch (kind) {
    case "list": {
      const source = body["source"];
      if (typeof source !== "string" || source.length === 0)
        throw new FakeRichApiError("InvalidArgument", "A list needs a source.");
      if (source.startsWith("=")) {
        const { sheet } = splitSheet(source.slice(1));
        if (sheet !== null && state.sheetByName(sheet) === undefined) {
          throw new FakeRichApiError("InvalidReference", `The list source “${source}” names no sheet.`);
        }
      } else if (source.length > 255) {
        throw new FakeRichApiError(
          "InvalidArgument",
          `A list source is at most 255 characters (got ${source.length}).`,
        );
      }
      return;
    }
    case "decimal":
    case "wholeNumber":
    case "date": {
      const operator = String(body["operator"]);
      if (!OPERATORS.includes(operator))
        throw new FakeRichApiError("InvalidArgument", `Operator ${operator}.`);
      const toNumber = (f: unknown): number =>
        typeof f === "number" ? f : kind === "date" ? (serialOf(String(f)) ?? NaN) : Number(f);
      const first = toNumber(body["formula1"]);
      if (Number.isNaN(first))
        throw new FakeRichApiError("InvalidArgument", `formula1 ${String(body["formula1"])}.`);
      if (operator === "Between" || operator === "NotBetween") {
        const second = toNumber(body["formula2"]);
        if (Number.isNaN(second)) throw new FakeRichApiError("InvalidArgument", "Between needs formula2.");
        if (second < first)
          throw new FakeRichApiError("InvalidArgument", "The maximum must be at least the minimum.");
      }
      return;
    }
    default:
      throw new FakeRichApiError("InvalidArgument", `Validation kind ${kind} is not in this fake.`);
  }
}

function serialOf(text: string): number | null {
  const stored = enterValue(text, "General");
  return typeof stored === "number" ? stored : null;
}

class FakeConditionalFormats extends FakeClientObject<RangeTarget> {
  protected readonly scalarProperties = [];
  protected readProperty(): unknown {
    return undefined;
  }
  clearAll(): void {
    this.act("clearAll", null, ({ sheet, rect }) => {
      for (let i = sheet.conditionalFormats.length - 1; i >= 0; i -= 1) {
        const cf = sheet.conditionalFormats[i]!;
        if (
          cf.row >= rect.row &&
          cf.col >= rect.col &&
          cf.row + cf.rowCount <= rect.row + rect.rowCount &&
          cf.col + cf.colCount <= rect.col + rect.colCount
        ) {
          sheet.conditionalFormats.splice(i, 1);
        }
      }
    });
  }
}

// ———————————————————————————————————————————— tables ————————————————————————————————————————————

interface TableScope {
  readonly state: FakeWorkbookState;
  /** null: the workbook's collection. */
  readonly sheet: FakeSheetState | null;
}

export class FakeTableCollection extends FakeClientObject<TableScope> {
  protected readonly scalarProperties = ["items"];
  private loadedItems: FakeTableProxy[] | undefined;

  protected readProperty(): unknown {
    return undefined;
  }

  get items(): FakeTableProxy[] {
    if (this.loadedItems === undefined) {
      throw new FakeRichApiError(
        "PropertyNotLoaded",
        `${this.path}.items is not available. Call load() and context.sync() first.`,
      );
    }
    return this.loadedItems;
  }

  override load(properties?: string | string[]): this {
    const props = itemProperties(properties, FakeTableProxy.scalars);
    this.context.enqueue({
      path: this.path,
      action: "load",
      args: properties ?? null,
      run: () => {
        const scope = this.resolve();
        if (scope === NULL) {
          return {
            data: null,
            commit: () => {
              this.setLoaded("items", null);
            },
          };
        }
        const tables = scope.state.tables.filter((t) => scope.sheet === null || t.sheetId === scope.sheet.id);
        const data = tables.map((t) => Object.fromEntries(props.map((p) => [p, readTable(t, p)])));
        return {
          data,
          commit: () => {
            this.loadedItems = tables.map((table, i) => {
              const item = new FakeTableProxy(this.context, `${this.path}[${i}]`, () => table);
              for (const p of props) item.setLoaded(p, data[i]![p]);
              return item;
            });
          },
        };
      },
    });
    return this;
  }

  /**
   * A Range, or an address. Office documents an address without a sheet name as meaning the
   * *active* sheet, so the fake refuses one unless the collection's sheet is the active one.
   */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    let added: FakeTable | undefined;
    const label = typeof address === "string" ? address : "Range";
    this.act("add", [label, hasHeaders], ({ state, sheet }) => {
      if (typeof address !== "string") {
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
      child(this, (scope) => findTable(scope, name) ?? NULL),
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
    this.act("set showFilterButton", value, (table) => {
      table.showFilterButton = value;
    });
  }

  delete(): void {
    this.act("delete", null, (table) => {
      this.context.excel.state.removeTable(table, false);
    });
  }

  convertToRange(): FakeRange {
    this.act("convertToRange", null, (table) => {
      this.context.excel.state.removeTable(table, true);
    });
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

// ———————————————————————————————————————— freeze, print ——————————————————————————————————————————

class FakeFreezePanes extends FakeClientObject<FakeSheetState> {
  protected readonly scalarProperties = [];
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
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.act("set zoom", value, (sheet) => {
      if (value.scale !== undefined && (value.scale < 10 || value.scale > 400))
        throw new FakeRichApiError("InvalidArgument", "Scale 10–400.");
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
