/**
 * The browser preview's entry (preview.html): the composition root that picks the in-memory host,
 * so people can see the product without Excel. `?lang=en-US` shows it in English; Chinese is the
 * default, as in the add-in.
 */
import { createRoot } from "react-dom/client";
import { defaultLocale, toLocale } from "../core/locale";
import { liuzhou2023Plan } from "../core/plan/builtinPlans";
import { MemoryWorkbook } from "../hosts/memory/memoryWorkbook";
import { PreviewPage } from "./preview/PreviewPage";

const container = document.getElementById("container");
if (!container) throw new Error("preview.html has no #container element");
const locale = toLocale(new URLSearchParams(window.location.search).get("lang") ?? defaultLocale);
document.documentElement.lang = locale;
createRoot(container).render(
  <PreviewPage locale={locale} plan={liuzhou2023Plan} book={new MemoryWorkbook()} />,
);
