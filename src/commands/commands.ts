/**
 * The ribbon's commands. They run in the task pane's page: the manifest gives the add-in one shared
 * runtime (see its comments), so 校验 on the Home tab can open the pane and run the same validation
 * the pane's button runs, and the issues appear in the pane, where a click selects each cell.
 */
import type { PaneRequests } from "../taskpane/paneRequests";

/**
 * Associates the manifest's FunctionName `validateFromRibbon` with validating through the pane.
 * Call it once Office is ready, before anything else can fail.
 *
 * @example
 * registerRibbonCommands(requests);
 */
export function registerRibbonCommands(requests: PaneRequests): void {
  Office.actions.associate("validateFromRibbon", (event: Office.AddinCommands.Event) => {
    // Show the pane on the results; validation runs whether or not the pane could be shown.
    Office.addin.showAsTaskpane().then(
      () => undefined,
      (error: unknown) => {
        console.error(error);
      },
    );
    requests.post("validate");
    // The pane shows progress and results; the ribbon's "working" indicator need not wait for them.
    event.completed();
  });
}
