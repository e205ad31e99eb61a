/** The error the fake Excel throws, shaped as Office.js throws its own. */

/** The error codes Office.js uses (OfficeExtension.ErrorCodes / Excel.ErrorCodes) that the fake raises. */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidReference"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ApiNotFound"
  | "InvalidRequestContext"
  | "ValueNotLoaded"
  | "AccessDenied"
  | "FormulaLengthExceedsLimit"
  | "MergedRangeConflict"
  | "GeneralException";

/** Shaped like OfficeExtension.Error: name "RichApi.Error", a code, a message. */
export class FakeRichApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: FakeErrorCode;
  constructor(code: FakeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
