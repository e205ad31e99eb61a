import type { LocalizedText } from "../../core/locale";

/** A1 of an appendix sheet: "附件 1 2023 年重点工作任务清单" as printed, or the English given. */
export function appendixTitle(
  appendix: { readonly label: string; readonly title: string },
  english: { readonly "en-US": string },
): LocalizedText {
  return { "zh-CN": `${appendix.label}\u3000${appendix.title}`, "en-US": english["en-US"] };
}

const legend: LocalizedText = {
  "zh-CN":
    "蓝色表头、灰底列为计划内容（由插件生成，请勿修改）；棕色表头、黄底列为填报列。再次生成时保留已填报的内容。",
  "en-US":
    "Blue headers and grey cells are the plan (written by the add-in; do not edit). Brown headers and yellow cells are for your entries, which are kept when the sheets are generated again.",
};

/** A2 of an appendix sheet: the legend, then the appendix's own 注 (kept in Chinese, as printed). */
export function legendNote(appendixNote: string | null): LocalizedText {
  if (appendixNote === null) return legend;
  return {
    "zh-CN": `${legend["zh-CN"]}${appendixNote}`,
    "en-US": `${legend["en-US"]} Source note: ${appendixNote}`,
  };
}
