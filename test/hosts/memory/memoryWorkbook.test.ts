import { describePatchContract } from "../contract/patchContract";
import { describeWorkbookPortContract } from "../contract/workbookPortContract";
import { makeMemoryHarness } from "./memoryHarness";

describeWorkbookPortContract("memory", () => makeMemoryHarness());
describePatchContract("memory", () => makeMemoryHarness());
