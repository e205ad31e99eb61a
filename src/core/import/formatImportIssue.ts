import type { Locale } from "../locale";
import { clipQuotedInput } from "../validation/clipQuotedInput";
import type { ImportIssue } from "./importIssue";
import { enUSMessages } from "./messages/en-US";
import { zhCNMessages } from "./messages/zh-CN";

/**
 * The message of an import problem in the user's language, without its row (the report says the
 * row). What a cell holds is quoted cut short, as validation quotes it.
 *
 * @example
 * formatImportIssue({ code: "missing_point", row: 12 }, "en-US") // "The point's name is empty; not imported."
 */
export function formatImportIssue(issue: ImportIssue, locale: Locale): string {
  const clipped: ImportIssue = {
    ...issue,
    ...(issue.input === undefined ? {} : { input: clipQuotedInput(issue.input) }),
    ...(issue.waterQuality?.input === undefined
      ? {}
      : { waterQuality: { ...issue.waterQuality, input: clipQuotedInput(issue.waterQuality.input) } }),
  };
  return (locale === "zh-CN" ? zhCNMessages : enUSMessages)[issue.code](clipped);
}
