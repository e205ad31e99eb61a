import { registerRibbonCommands } from "../../src/commands/commands";
import { PaneRequests } from "../../src/taskpane/paneRequests";

/** Just enough of Office.js for the ribbon's function command, recording what it is asked. */
function fakeOffice() {
  const associated = new Map<string, (event: { completed: () => void }) => void>();
  const calls: string[] = [];
  const office = {
    actions: {
      associate: (name: string, handler: (event: { completed: () => void }) => void) => {
        associated.set(name, handler);
      },
    },
    addin: {
      showAsTaskpane: () => {
        calls.push("showAsTaskpane");
        return Promise.resolve();
      },
    },
  };
  return { office, associated, calls };
}

describe("the ribbon's 校验", () => {
  const original = (globalThis as { Office?: unknown }).Office;
  afterEach(() => {
    (globalThis as { Office?: unknown }).Office = original;
  });

  it("opens the pane, asks it to validate, and tells Office the command is done", () => {
    const { office, associated, calls } = fakeOffice();
    (globalThis as { Office?: unknown }).Office = office;
    const requests = new PaneRequests();
    const seen: string[] = [];
    requests.subscribe((request) => seen.push(request));
    registerRibbonCommands(requests);
    const handler = associated.get("validateFromRibbon");
    if (!handler) throw new Error("validateFromRibbon is not associated");
    let completed = 0;
    handler({ completed: () => (completed += 1) });
    expect(calls).toEqual(["showAsTaskpane"]);
    expect(seen).toEqual(["validate"]);
    expect(completed).toBe(1);
  });

  it("keeps a request made before the pane listens, and hands it over once", () => {
    const requests = new PaneRequests();
    requests.post("validate");
    const seen: string[] = [];
    const stop = requests.subscribe((request) => seen.push(request));
    stop();
    requests.subscribe((request) => seen.push(request));
    expect(seen).toEqual(["validate"]);
  });
});
