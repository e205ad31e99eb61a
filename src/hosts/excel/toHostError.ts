/**
 * Error translation: every failure leaves the Office host as a HostError (a code the task pane
 * can act on, Excel's own error as the cause), and Office's error codes are read in one place.
 */
import { HostError } from "../hostError";
import { requiredExcelApi } from "./requirementSets";

/** The message of whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Office's error code ("ItemNotFound", "ResponsePayloadSizeLimitExceeded", …), where the error has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = error.code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Every failure leaves this host as a HostError with Excel's own error as the cause. */
export function toHostError(error: unknown, operation: "read" | "write"): HostError {
  if (error instanceof HostError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return new HostError("payload_too_large", `Excel refused the ${operation} as too large: ${detail}`, {
      cause: error,
    });
  }
  if (code === "ApiNotFound") {
    return new HostError(
      "api_unsupported",
      `This Excel lacks an API the add-in needs (ExcelApi ${requiredExcelApi}): ${detail}`,
      {
        cause: error,
      },
    );
  }
  return new HostError("excel_rejected", `Excel rejected the ${operation}: ${detail}`, { cause: error });
}
