/**
 * The ribbon's function file (FunctionFile in manifest.xml). Both ribbon buttons, 显示任务窗格 and
 * 校验, open the task pane (ShowTaskpane), so no command function is associated yet; the Validate
 * command's function arrives with the validate workflow (issue V1) and is registered here with
 * `Office.actions.associate`.
 *
 * Office still loads this page for the add-in's commands, and it must call Office.onReady so that
 * Office knows the function file is ready.
 */
void Office.onReady();
