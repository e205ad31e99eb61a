/**
 * What every fake Office.js item collection shares (worksheets, tables, notes, charts): `items`
 * is readable only after load() and context.sync(), and load("items/name") fetches each item's
 * scalars in one action, the items arriving as proxies with those properties loaded. A collection
 * says what it holds, how an item's property reads, how an item's proxy is made, and what loading
 * the collection of a null object gives.
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load (collections)
 */
import { FakeRichApiError } from "./fakeRichApiError";
import { FakeClientObject, itemProperties } from "./fakeProxy";

/** An item proxy: the collection hands it over with what the load fetched. */
interface LoadableItem {
  setLoaded(property: string, value: unknown): void;
}

export abstract class FakeItemCollection<T, E, Item extends LoadableItem> extends FakeClientObject<T> {
  protected readonly scalarProperties = ["items"];
  private loadedItems: Item[] | undefined;

  /** The item properties a bare load() or load("items") fetches. */
  protected abstract readonly itemScalars: readonly string[];
  /**
   * The collection's elements now, in Excel's order, from inside sync(); null where the collection
   * belongs to a null object (see `nullItems`). May throw as Excel refuses.
   */
  protected abstract elements(): readonly E[] | null;
  /** One property of one element, read inside sync(). */
  protected abstract readItem(element: E, property: string): unknown;
  /** The proxy of the element at `index`, as `items[index]`. */
  protected abstract item(index: number, element: E): Item;
  /**
   * What `items` is after loading a null object's collection: no items, or still not loaded
   * (reading it throws PropertyNotLoaded).
   */
  protected get nullItems(): "none" | "unloaded" {
    return "none";
  }

  protected readProperty(): unknown {
    return undefined;
  }

  get items(): Item[] {
    if (this.loadedItems === undefined) {
      throw new FakeRichApiError(
        "PropertyNotLoaded",
        `${this.path}.items is not available. Call load() and context.sync() first.`,
      );
    }
    return this.loadedItems;
  }

  override load(properties?: string | string[]): this {
    const props = itemProperties(properties, this.itemScalars);
    this.context.enqueue({
      path: this.path,
      action: "load",
      args: properties ?? null,
      run: () => {
        this.context.excel.requireApi(this.api, `${this.path}.load`);
        const elements = this.elements();
        if (elements === null) {
          return {
            data: null,
            commit: () => {
              if (this.nullItems === "none") this.loadedItems = [];
              else this.setLoaded("items", null);
            },
          };
        }
        const data = elements.map((e) => Object.fromEntries(props.map((p) => [p, this.readItem(e, p)])));
        return {
          data,
          commit: () => {
            this.loadedItems = elements.map((element, i) => {
              const item = this.item(i, element);
              for (const p of props) item.setLoaded(p, data[i]![p]);
              return item;
            });
          },
        };
      },
    });
    return this;
  }
}
