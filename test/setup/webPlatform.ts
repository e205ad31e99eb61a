// jsdom leaves out TextEncoder and TextDecoder, which every browser the pane runs in has (and
// modules such as xmlTagScanner.ts create at load): give the jsdom tests Node's, which have full ICU.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

if (typeof globalThis.TextEncoder === "undefined")
  Object.assign(globalThis, { TextEncoder: NodeTextEncoder });
if (typeof globalThis.TextDecoder === "undefined")
  Object.assign(globalThis, { TextDecoder: NodeTextDecoder });
