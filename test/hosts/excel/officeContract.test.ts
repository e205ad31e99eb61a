import { describePatchContract } from "../contract/patchContract";
import { describeWorkbookPortContract } from "../contract/workbookPortContract";
import { createOfficeHarness } from "./officeHarness";

describeWorkbookPortContract("Office.js (fake Excel)", () => createOfficeHarness());
describePatchContract("Office.js (fake Excel)", () => createOfficeHarness());
