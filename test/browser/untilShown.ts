import type { Locator } from "playwright-core";

/**
 * Waits for `target` in a pane section, and fails at once — with what the pane says — when the
 * section shows why it stopped instead: its failure bar (FailureBar, `role="alert"`) or its problem
 * bar (ProblemBar, titled `problemTitle`). A wait for a result that will never come would otherwise
 * sit out its whole timeout and then say only that the result did not appear.
 *
 * @example
 * await untilShown(merge, merge.getByRole("list", { name: "合并预览" }), "无法合并");
 */
export async function untilShown(
  section: Locator,
  target: Locator,
  problemTitle: string,
  timeout = 60_000,
): Promise<void> {
  const stopped = section.getByRole("alert").or(section.getByText(problemTitle, { exact: true }));
  await target.or(stopped).first().waitFor({ timeout });
  if ((await stopped.count()) > 0 && (await target.count()) === 0) {
    const said = (await section.innerText()).replace(/\s+/gu, " ").trim();
    throw new Error(`The pane stopped instead of showing the result: ${said}`);
  }
}
