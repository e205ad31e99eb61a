/**
 * The browser preview's entry (preview.html): the composition root that picks the in-memory host,
 * so people can see and try the product without Excel. `?lang=en-US` shows it in English; Chinese
 * is the default, as in the add-in. The plan and the engine, and the .xlsx writer, load as chunks
 * after the first paint.
 */
import { createRoot } from "react-dom/client";
import { appVersion as version } from "./appVersion";
import { defaultLocale, toLocale } from "../core/locale";
import { MemoryWorkbook } from "../hosts/memory/memoryWorkbook";
import { paneChunks } from "./paneChunks";
import { PreviewPage } from "./preview/PreviewPage";

const container = document.getElementById("container");
if (!container) throw new Error("preview.html has no #container element");
const locale = toLocale(new URLSearchParams(window.location.search).get("lang") ?? defaultLocale);
document.documentElement.lang = locale;

const loadPlan = () =>
  import(/* webpackChunkName: "preview-engine" */ "../core/plan/builtinPlans.js").then(
    (m) => m.liuzhou2023Plan,
  );

createRoot(container).render(
  <PreviewPage
    locale={locale}
    loadPlan={loadPlan}
    book={new MemoryWorkbook()}
    chunks={paneChunks}
    version={version}
    download={async (book, language) => {
      const [{ downloadWorkbook }, plan] = await Promise.all([
        import(/* webpackChunkName: "preview-xlsx" */ "./preview/downloadXlsx.js"),
        loadPlan(),
      ]);
      await downloadWorkbook(book, `${language === "en-US" ? plan.titleEn : plan.title}.xlsx`);
    }}
  />,
);
