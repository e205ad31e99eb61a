/**
 * The proxy model every fake Office.js object shares: actions queue until `context.sync()`, loaded
 * properties are readable only after it, *OrNullObject proxies learn whether they exist in order,
 * an API above the requirement set the fake Excel supports fails like Excel (ApiNotFound), and an
 * object is usable only inside the `Excel.run` that made it (InvalidRequestContext).
 */
import { FakeRichApiError } from "./fakeRichApiError";
import { FakeSheetState } from "./fakeSheetState";
import type { FakeWorkbookState } from "./fakeWorkbookState";

export const NULL = Symbol("null object");
const UNRESOLVED = Symbol("unresolved");
export type Target<T> = T | typeof NULL;

export interface QueuedAction {
  readonly path: string;
  readonly action: string;
  readonly args: unknown;
  /** Runs against the state inside sync(); a load returns what to hand back once the sync succeeds. */
  readonly run: () => LoadResult | undefined;
  /** Whether it changes the workbook (loads and queries do not). */
  readonly mutates?: true;
}

export interface LoadResult {
  readonly data: unknown;
  readonly commit: () => void;
}

/** What proxies need from their request context (FakeRequestContext implements it). */
export interface FakeContextLike {
  readonly excel: {
    readonly state: FakeWorkbookState;
    /** Throws ApiNotFound when `ExcelApi <version>` is above what this fake Excel supports. */
    requireApi(version: string, what: string): void;
  };
  /** Throws InvalidRequestContext once the context's `Excel.run` has finished. */
  enqueue(action: QueuedAction): void;
}

/**
 * Excel refuses an object made in another request context as an argument.
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (InvalidRequestContext)
 */
export function checkSameContext(context: FakeContextLike, argument: unknown): void {
  if (argument instanceof FakeClientObject && argument.context !== context) {
    throw new FakeRichApiError(
      "InvalidRequestContext",
      "Cannot use the object across different request contexts.",
    );
  }
}

/** What every proxy shares: lazy resolution, null objects, load/sync bookkeeping. */
export abstract class FakeClientObject<T> {
  // Made on the first load: most proxies are only ever written through.
  private loadedValues: Map<string, unknown> | undefined;
  private nullState: boolean | undefined;
  private target: Target<T> | typeof UNRESOLVED = UNRESOLVED;

  constructor(
    readonly context: FakeContextLike,
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
  /** The ExcelApi version every load of this object and every action on it needs. */
  protected get api(): string {
    return "1.1";
  }

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
        this.context.excel.requireApi(this.api, `${this.path}.load`);
        const target = this.resolve();
        if (target === NULL) return { data: null, commit: () => (this.nullState = true) };
        const data: Record<string, unknown> = {};
        for (const name of names) data[name] = this.readProperty(this.resolveExisting(), name);
        return {
          data,
          commit: () => {
            this.nullState = false;
            this.loadedValues ??= new Map();
            for (const name of names) this.loadedValues.set(name, data[name]);
          },
        };
      },
    });
    return this;
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type it loaded, as Office's typings do for each property.
  protected loaded<V>(property: string): V {
    if (this.loadedValues?.has(property) !== true) {
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
    this.loadedValues ??= new Map();
    this.loadedValues.set(property, value);
  }

  /**
   * The actions Excel lets through on a protected sheet: none by default, since a protected
   * sheet's cells, formats, tables, notes, charts and page set-up refuse every change. Objects
   * whose actions Excel allows there (renaming or hiding the sheet, freezing panes, protection
   * itself) say which, or "all".
   */
  protected get allowedOnProtectedSheet(): readonly string[] | "all" {
    return [];
  }

  /** Queues an action that changes the target; `api` overrides the object's requirement set. */
  protected act(action: string, args: unknown, apply: (target: T) => void, api = this.api): void {
    this.context.enqueue({
      path: this.path,
      action,
      args,
      mutates: true,
      run: () => {
        this.context.excel.requireApi(api, `${this.path}.${action}`);
        const target = this.resolveExisting();
        const allowed = this.allowedOnProtectedSheet;
        if (allowed !== "all" && !allowed.includes(action)) {
          refuseOnProtectedSheet(sheetOf(this.context.excel.state, target), `${this.path}.${action}`);
        }
        apply(target);
        return undefined;
      },
    });
  }

  /** Queues a method whose result (a ClientResult) is read after sync. */
  protected query<V>(action: string, api: string, compute: (target: T | null) => V): FakeClientResult<V> {
    const result = new FakeClientResult<V>(`${this.path}.${action}()`);
    this.context.enqueue({
      path: this.path,
      action,
      args: null,
      run: () => {
        this.context.excel.requireApi(api, `${this.path}.${action}`);
        const target = this.resolve();
        const value = compute(target === NULL ? null : this.resolveExisting());
        return {
          data: value,
          commit: () => {
            result.set(value);
          },
        };
      },
    });
    return result;
  }
}

/** OfficeExtension.ClientResult: a method's value, readable after the sync that ran it. */
export class FakeClientResult<V> {
  private settled = false;
  private result: V | undefined;
  constructor(private readonly path: string) {}

  get value(): V {
    if (!this.settled) {
      throw new FakeRichApiError("ValueNotLoaded", `${this.path} has no value before context.sync().`);
    }
    return this.result as V;
  }

  /** @internal */
  set(value: V): void {
    this.result = value;
    this.settled = true;
  }
}

/**
 * Excel refuses a change to a protected sheet (Review → Protect Sheet, default options: users may
 * only select cells), and so does Office.js: the request fails at that action, the actions before
 * it stay applied. The code is Excel's AccessDenied ("You cannot perform the requested operation").
 * https://support.microsoft.com/office/protect-a-worksheet-3179efdb-1285-4d49-a9c3-f4ca36276de6
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (AccessDenied)
 */
export function refuseOnProtectedSheet(sheet: FakeSheetState | undefined, what: string): void {
  if (sheet?.protected === true) {
    throw new FakeRichApiError(
      "AccessDenied",
      `${what}: the sheet “${sheet.name}” is protected. You cannot perform the requested operation.`,
    );
  }
}

/** The sheet an action's target lies on: the sheet itself, a range's, a note's, a chart's, a table's. */
function sheetOf(state: FakeWorkbookState, target: unknown): FakeSheetState | undefined {
  if (target instanceof FakeSheetState) return target;
  if (typeof target !== "object" || target === null) return undefined;
  if ("sheet" in target && target.sheet instanceof FakeSheetState) return target.sheet;
  if ("sheetId" in target && typeof target.sheetId === "string") return state.sheetById(target.sheetId);
  return undefined;
}

export function isDeletedSheet(target: unknown): boolean {
  return typeof target === "object" && target !== null && "deleted" in target && target.deleted === true;
}

function normaliseLoad(properties: string | string[] | undefined, scalars: readonly string[]): string[] {
  if (properties === undefined) return [...scalars];
  const list = Array.isArray(properties) ? properties : properties.split(",");
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** "items/name" → ["name"]; "items" or nothing → every scalar. */
export function itemProperties(
  properties: string | string[] | undefined,
  scalars: readonly string[],
): string[] {
  if (properties === undefined) return [...scalars];
  const list = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim());
  if (list.includes("items")) return [...scalars];
  const props = list.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
  return props.length > 0 ? props : [...scalars];
}

/** A child proxy's resolver: null when the parent is null, the parent's target navigated otherwise. */
export function child<P, C>(
  parent: FakeClientObject<P>,
  navigate: (target: P) => Target<C>,
): () => Target<C> {
  return () => {
    const target = parent.resolve();
    return target === NULL ? NULL : navigate(parent.resolveExisting());
  };
}

/** A resolver that first checks the requirement set of the method that made the object. */
export function requiring<C>(
  context: FakeContextLike,
  api: string,
  what: string,
  resolver: () => Target<C>,
): () => Target<C> {
  return () => {
    context.excel.requireApi(api, what);
    return resolver();
  };
}
