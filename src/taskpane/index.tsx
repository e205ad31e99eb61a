/**
 * The task pane's entry and composition root inside Excel. It picks the language Office displays
 * and its theme, hands App the Office host (officePaneHost.ts: cells selected and settings kept
 * through Office.js, the workbook port and the engine loaded after the first paint), and registers
 * the ribbon's commands, which run in this same page (the manifest's shared runtime).
 */
import { createRoot } from "react-dom/client";
import { registerRibbonCommands } from "../commands/commands";
import { toLocale } from "../core/locale";
import { App } from "./App";
import { officePaneHost, officePaneTheme } from "./officePaneHost";
import { paneChunks } from "./paneChunks";
import { PaneRequests } from "./paneRequests";

const requests = new PaneRequests();

void Office.onReady(() => {
  registerRibbonCommands(requests);
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
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
    />,
  );
});
