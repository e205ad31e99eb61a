import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { TaskPaneMessages } from "../messages/taskPaneMessages";
import type { DataValidationVerdict } from "./checkDataValidation";

const useStyles = makeStyles({
  message: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  question: { display: "block", marginTop: tokens.spacingVerticalS },
});

export interface ValidationAlertProps {
  /** The refusal shown; null: the alert is closed. */
  readonly refusal: Extract<DataValidationVerdict, { kind: "refused" }> | null;
  readonly text: TaskPaneMessages["preview"]["validationAlert"];
  /** Back to editing the cell with what was typed (stop: 重试; warning: 否). */
  readonly onRetry: () => void;
  /** The entry is dropped; the cell keeps its value (取消). */
  readonly onCancel: () => void;
  /** The value goes in after all (warning only: 是). */
  readonly onAccept: () => void;
}

/**
 * Excel's data validation alert: the rule's own title and message (written into the workbook in
 * its language), with Excel's buttons in the user's. A stop rule offers 重试 and 取消; a warning
 * asks 是否继续？ with 是, 否 and 取消. Escape cancels, as in Excel.
 *
 * @example
 * <ValidationAlert refusal={refusal} text={text.preview.validationAlert} onRetry={edit} onCancel={drop} onAccept={write} />
 */
export function ValidationAlert({ refusal, text, onRetry, onCancel, onAccept }: ValidationAlertProps) {
  const styles = useStyles();
  return (
    <Dialog
      open={refusal !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface data-validation-alert={refusal?.style}>
        <DialogBody>
          <DialogTitle>{refusal?.title}</DialogTitle>
          <DialogContent>
            <span className={styles.message}>{refusal?.message}</span>
            {refusal?.style === "warning" ? (
              <span className={styles.question}>{text.continueQuestion}</span>
            ) : null}
          </DialogContent>
          <DialogActions>
            {refusal?.style === "warning" ? (
              <>
                <Button appearance="primary" onClick={onAccept}>
                  {text.yes}
                </Button>
                <Button onClick={onRetry}>{text.no}</Button>
              </>
            ) : (
              <Button appearance="primary" onClick={onRetry}>
                {text.retry}
              </Button>
            )}
            <Button onClick={onCancel}>{text.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
