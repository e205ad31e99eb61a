/**
 * The task pane's entry and composition root inside Excel: the one place in the pane that touches
 * the `Office` and `Excel` globals. It picks the Office.js host, the language Office displays and
 * the built-in plan, and hands App a `generate` function; App never sees Office.js.
 */
import { createRoot } from "react-dom/client";
import { toLocale } from "../core/locale";
import { liuzhou2023Plan } from "../core/plan/builtinPlans";
import { createOfficeWorkbookPort, requiredExcelApi } from "../hosts/excel/officeWorkbookPort";
import { HostError } from "../hosts/hostError";
import { generateWorkbook } from "../workbook/generateWorkbook";
import { App } from "./App";

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  // Office's display language, not the workbook's: the pane speaks the language of Excel's menus.
  const locale = toLocale(Office.context.displayLanguage);
  const port = createOfficeWorkbookPort((batch) => Excel.run(batch));
  const plan = liuzhou2023Plan;
  // Older Excel builds load the pane but lack print titles (ExcelApi 1.9): say so instead of failing midway.
  const supported = Office.context.requirements.isSetSupported("ExcelApi", requiredExcelApi);
  const generate = () =>
    supported
      ? generateWorkbook(port, plan, { locale })
      : Promise.reject(new HostError("api_unsupported", `ExcelApi ${requiredExcelApi}`));
  createRoot(container).render(
    <App locale={locale} planTitle={locale === "en-US" ? plan.titleEn : plan.title} generate={generate} />,
  );
});
