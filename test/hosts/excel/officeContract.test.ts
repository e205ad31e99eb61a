import { describeWorkbookPortContract } from "../contract/workbookPortContract";
import { createOfficeHarness } from "./officeHarness";

describeWorkbookPortContract("Office.js (fake Excel)", () => createOfficeHarness());
