import { describeWorkbookPortContract } from "../contract/workbookPortContract";
import { makeMemoryHarness } from "./memoryHarness";

describeWorkbookPortContract("memory", () => makeMemoryHarness());
