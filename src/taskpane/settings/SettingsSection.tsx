import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type SyntheticEvent } from "react";
import type { Locale } from "../../core/locale";
import { FailureBar } from "../FailureBar";
import type { TaskPaneMessages } from "../messages/taskPaneMessages";
import type { StoredSettings } from "../paneHost";
import { PaneFailure } from "../watchdog";
import { readDay } from "./readDay";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  detail: { display: "block", marginTop: tokens.spacingVerticalXS },
  input: { maxWidth: "100%" },
});

type LanguageChoice = "office" | Locale;

export interface SettingsSectionProps {
  readonly id: string;
  readonly text: TaskPaneMessages;
  readonly stored: StoredSettings;
  readonly today: string;
  readonly readPublishedOn: () => Promise<string | null>;
  readonly busy: boolean;
  /** Saves; `publishedOn` undefined when it did not change. Rejects with a PaneFailure. */
  readonly onSave: (settings: StoredSettings, publishedOn: string | null | undefined) => Promise<void>;
}

/**
 * The workbook's settings: the as-of day (today unless set), the plan's publication date (task
 * 44's deadline) and the language. The first and the last are kept in the workbook through the
 * host's settings store; the publication date lives in the workbook's meta sheet, so saving a new
 * one generates the plan sheets again (entries kept) and 附件1 shows task 44's deadline.
 *
 * @example
 * <SettingsSection id="wp-settings" text={text} stored={stored} today="2023-06-30" readPublishedOn={read} busy={false} onSave={save} />
 */
export function SettingsSection({
  id,
  text,
  stored,
  today,
  readPublishedOn,
  busy,
  onSave,
}: SettingsSectionProps) {
  const styles = useStyles();
  const [useToday, setUseToday] = useState(stored.asOf === null);
  const [asOf, setAsOf] = useState(stored.asOf ?? today);
  const [language, setLanguage] = useState<LanguageChoice>(stored.language ?? "office");
  const [publishedOn, setPublishedOn] = useState("");
  const [storedPublishedOn, setStoredPublishedOn] = useState<string | null>(null);
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [failure, setFailure] = useState<PaneFailure | null>(null);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    let live = true;
    readPublishedOn().then(
      (day) => {
        if (!live) return;
        setStoredPublishedOn(day);
        setPublishedOn(day ?? "");
      },
      (error: unknown) => {
        console.error(error);
      },
    );
    return () => {
      live = false;
    };
  }, [readPublishedOn]);

  const asOfDay = readDay(asOf);
  const publishedDay = publishedOn.trim() === "" ? null : readDay(publishedOn);
  const asOfValid = useToday || asOfDay !== null;
  const publishedValid = publishedOn.trim() === "" || publishedDay !== null;

  const save = (event?: SyntheticEvent) => {
    event?.preventDefault();
    setTried(true);
    if (!asOfValid || !publishedValid || busy || status === "saving") return;
    const next: StoredSettings = {
      asOf: useToday ? null : asOfDay,
      language: language === "office" ? null : language,
    };
    const published = publishedDay;
    setStatus("saving");
    setFailure(null);
    onSave(next, published === storedPublishedOn ? undefined : published).then(
      () => {
        setStoredPublishedOn(published);
        setStatus("saved");
      },
      (error: unknown) => {
        setStatus("idle");
        setFailure(error instanceof PaneFailure ? error : new PaneFailure("saving", error));
      },
    );
  };

  // Days are typed year first, as in the sheets ("2023-06-30"), in both languages. A date input
  // would draw the browser's own format instead: month/day/year in a Chinese pane on an English
  // browser or Windows.
  const dayInput = {
    className: styles.input,
    type: "text",
    inputMode: "numeric",
    autoComplete: "off",
    placeholder: text.settings.dayPlaceholder,
  } as const;

  return (
    <form id={id} className={styles.form} onSubmit={save} aria-labelledby={`${id}-heading`} noValidate>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {text.settings.heading}
      </Subtitle2>
      <Caption1 className={styles.hint}>{text.settings.storedInWorkbook}</Caption1>
      <Field
        label={text.settings.asOf}
        hint={text.settings.asOfHint}
        {...(tried && !asOfValid ? { validationMessage: text.settings.badDate } : {})}
      >
        <Input
          {...dayInput}
          value={useToday ? today : asOf}
          disabled={useToday}
          onChange={(_, data) => {
            setAsOf(data.value);
            setStatus("idle");
          }}
          onBlur={() => {
            if (asOfDay !== null) setAsOf(asOfDay);
          }}
        />
      </Field>
      <Checkbox
        label={text.settings.useToday}
        checked={useToday}
        onChange={(_, data) => {
          setUseToday(data.checked === true);
          setStatus("idle");
        }}
      />
      <Field
        label={text.settings.publishedOn}
        hint={text.settings.publishedOnHint}
        {...(tried && !publishedValid ? { validationMessage: text.settings.badDate } : {})}
      >
        <Input
          {...dayInput}
          value={publishedOn}
          onChange={(_, data) => {
            setPublishedOn(data.value);
            setStatus("idle");
          }}
          onBlur={() => {
            if (publishedDay !== null) setPublishedOn(publishedDay);
          }}
        />
      </Field>
      <Field label={text.settings.language}>
        <Select
          value={language}
          onChange={(_, data) => {
            setLanguage(data.value as LanguageChoice);
            setStatus("idle");
          }}
        >
          <option value="office">{text.settings.languageOffice}</option>
          <option value="zh-CN">{text.settings.languageZh}</option>
          <option value="en-US">{text.settings.languageEn}</option>
        </Select>
      </Field>
      <div>
        <Button type="submit" appearance="secondary" disabledFocusable={busy || status === "saving"}>
          {text.settings.save}
        </Button>
      </div>
      {status === "saved" ? (
        <MessageBar intent="success">
          <MessageBarBody>{text.settings.saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {failure ? (
        <FailureBar
          failure={failure}
          text={text}
          detailClassName={styles.detail}
          onRetry={() => {
            save();
          }}
          onDismiss={() => {
            setFailure(null);
          }}
        />
      ) : null}
    </form>
  );
}
