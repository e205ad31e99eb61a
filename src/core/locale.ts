/** The languages the product speaks. zh-CN is the default everywhere (sheets, task pane, messages). */
export type Locale = "zh-CN" | "en-US";

export const defaultLocale: Locale = "zh-CN";

/** A text in every supported language. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * Picks the product language from a BCP 47 tag such as Office's display language or `--lang`.
 *
 * @example
 * toLocale("en-GB") // "en-US"
 * toLocale("zh-TW") // "zh-CN"
 */
export function toLocale(tag: string | undefined | null): Locale {
  const lower = (tag ?? "").trim().toLowerCase();
  return lower === "en" || lower.startsWith("en-") ? "en-US" : "zh-CN";
}
