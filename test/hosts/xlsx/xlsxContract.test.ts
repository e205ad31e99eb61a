import { describePatchContract } from "../contract/patchContract";
import { describeWorkbookPortContract } from "../contract/workbookPortContract";
import { makeXlsxHarness } from "./xlsxHarness";

// Every probe reads the whole generated workbook back from bytes (a second or two on a busy CI
// machine), so this file allows more than Jest's default five seconds per test.
jest.setTimeout(30_000);

// The xlsx host against the contract every host passes, each probe reading the file's bytes back.
describeWorkbookPortContract("xlsx", () => makeXlsxHarness());
describePatchContract("xlsx", () => makeXlsxHarness());
