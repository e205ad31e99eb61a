/**
 * The task pane's entry and composition root inside Excel. It picks the language Office displays
 * and its theme, hands App the Office host (officePaneHost.ts: cells selected and settings kept
 * through Office.js, the workbook port and the engine loaded after the first paint), and registers
 * the ribbon's commands, which run in this same page (the manifest's shared runtime).
 */
import { createRoot } from "react-dom/client";
import { appVersion as version } from "./appVersion";
import { registerRibbonCommands } from "../commands/commands";
import { toLocale } from "../core/locale";
import { App } from "./App";
import { officePaneHost, officePaneTheme } from "./officePaneHost";
import { showOutsideOffice } from "./outsideOffice";
import { paneChunks } from "./paneChunks";
import { PaneRequests } from "./paneRequests";

const requests = new PaneRequests();

function paneContainer(): HTMLElement {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  return container;
}

// Office.js missing (its script could not be fetched): say so rather than fail on `Office`.
if (typeof Office === "undefined") {
  showOutsideOffice(paneContainer(), "office_js_missing", version);
} else {
  void Office.onReady((info) => {
    // Opened in a browser: Office.js is ready but no Office application hosts the page, and says so
    // with a null host (its types do not admit it).
    const host = info.host as Office.HostType | null | undefined;
    if (!host) {
      showOutsideOffice(paneContainer(), "no_office_host", version);
      return;
    }
    startPane();
  });
}

function startPane(): void {
  registerRibbonCommands(requests);
  const container = paneContainer();
  // Office's display language, not the workbook's: the pane speaks the language of Excel's menus
  // until the workbook's settings choose one.
  const locale = toLocale(Office.context.displayLanguage);
  document.documentElement.lang = locale;
  createRoot(container).render(
    <App
      locale={locale}
      host={officePaneHost()}
      chunks={paneChunks}
      theme={officePaneTheme()}
      requests={requests}
      version={version}
    />,
  );
}
