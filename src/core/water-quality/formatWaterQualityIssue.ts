import type { Locale } from "../locale";
import { enUSMessages } from "./messages/en-US";
import { zhCNMessages } from "./messages/zh-CN";
import type { WaterQualityIssue } from "./waterQualityIssue";

/**
 * The human message of an issue in the user's language.
 *
 * @example
 * formatWaterQualityIssue({ code: "empty_class", severity: "error" }, "en-US") // "The water class is empty."
 */
export function formatWaterQualityIssue(issue: WaterQualityIssue, locale: Locale): string {
  const messages = locale === "zh-CN" ? zhCNMessages : enUSMessages;
  return messages[issue.code](issue);
}
