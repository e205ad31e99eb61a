/**
 * What the task pane's page shows when it is not inside Excel: opened in a browser (Office.js is
 * ready, but no Office application hosts the page) or without Office.js at all (its source could not
 * be reached). Both languages, since outside Office there is no display language to follow; plain
 * DOM and text only, so that the notice needs neither React nor the engine.
 */
import { enUS } from "./messages/en-US";
import { zhCN } from "./messages/zh-CN";

/** Why the pane cannot run here. */
export type OutsideOfficeReason = "no_office_host" | "office_js_missing";

/**
 * Fills `container` with the notice, in Chinese and then English, and the add-in's version.
 *
 * @example
 * showOutsideOffice(document.getElementById("container")!, "no_office_host", "0.1.0");
 */
export function showOutsideOffice(
  container: HTMLElement,
  reason: OutsideOfficeReason,
  version: string,
): void {
  const doc = container.ownerDocument;
  const main = doc.createElement("main");
  main.setAttribute("role", "alert");
  main.style.fontFamily = "'Microsoft YaHei', 'Segoe UI', sans-serif";
  main.style.padding = "16px";
  main.style.lineHeight = "1.6";
  for (const [lang, messages] of [
    ["zh-CN", zhCN.outsideOffice],
    ["en-US", enUS.outsideOffice],
  ] as const) {
    const section = doc.createElement("section");
    section.lang = lang;
    const title = doc.createElement("h1");
    title.style.fontSize = "18px";
    title.textContent = messages.title;
    const body = doc.createElement("p");
    body.textContent = reason === "office_js_missing" ? messages.officeJsMissing : messages.openInExcel;
    const versionLine = doc.createElement("p");
    versionLine.style.color = "#605e5c";
    versionLine.textContent = messages.version(version);
    section.append(title, body, versionLine);
    main.append(section);
  }
  container.replaceChildren(main);
}
