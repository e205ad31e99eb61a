import { liuzhou2023Plan as plan } from "../../../src/core/plan/builtinPlans";
import { isOwnBook } from "../../../src/workbook/exchange/isOwnBook";
import { cityBook, edited, returned, setScope, typeTask } from "./returnedBooks";

/*
 * The city's own workbook given back to merge as a return — the same file picked again, or a copy —
 * is refused by the CLI and the pane alike: both ask isOwnBook (through mergeReturns).
 */

const filled = async (): Promise<Uint8Array> =>
  edited(await cityBook(), (book) => {
    typeTask(book, 5, "进展情况", "已完成管网排查 12 公里");
    typeTask(book, 7, "完成状态", "推进中");
  });

describe("telling the city's own workbook from a unit's return", () => {
  it("knows a copy under another name by its contents", async () => {
    const bytes = await filled();
    const city = await returned("柳州市.xlsx", bytes);
    const copy = await returned("D:/收到/柳州市 - 副本.xlsx", bytes);
    expect(isOwnBook(plan, { file: "柳州市.xlsx", snapshot: city.snapshot }, copy)).toBe(true);
    expect(isOwnBook(plan, { file: null, snapshot: city.snapshot }, copy)).toBe(true);
  });

  it("knows the file itself by its name, though the open workbook was changed since it was saved", async () => {
    const city = await returned("柳州市.xlsx", await filled());
    const saved = await returned("C:\\局\\柳州市.XLSX", await cityBook());
    expect(isOwnBook(plan, { file: "柳州市.xlsx", snapshot: city.snapshot }, saved)).toBe(true);
    // Without the name, a workbook holding other values is a return of its own.
    expect(isOwnBook(plan, { file: null, snapshot: city.snapshot }, saved)).toBe(false);
  });

  it("never takes a unit's workbook for the city's, even one that changes nothing or bears its name", async () => {
    const bytes = await filled();
    const city = await returned("柳州市.xlsx", bytes);
    const unit = await returned(
      "柳州市.xlsx",
      await edited(bytes, (book) => {
        setScope(book, "柳江区");
      }),
    );
    expect(isOwnBook(plan, { file: "柳州市.xlsx", snapshot: city.snapshot }, unit)).toBe(false);
  });

  it("takes a workbook that differs in one entry for a return", async () => {
    const bytes = await filled();
    const city = await returned("柳州市.xlsx", bytes);
    const other = await returned(
      "别的.xlsx",
      await edited(bytes, (book) => {
        typeTask(book, 7, "完成状态", "已完成");
      }),
    );
    expect(isOwnBook(plan, { file: "柳州市.xlsx", snapshot: city.snapshot }, other)).toBe(false);
  });
});
