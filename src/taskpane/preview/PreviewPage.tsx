import {
  Body1,
  Caption1,
  FluentProvider,
  Link,
  makeStyles,
  Subtitle2,
  Tab,
  TabList,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import type { MemoryWorkbook } from "../../hosts/memory/memoryWorkbook";
import { generateWorkbook, type GenerateOutcome } from "../../workbook/generateWorkbook";
import { App } from "../App";
import { taskPaneMessages } from "../messages/taskPaneMessages";
import { type PreviewSheet, toPreviewSheet } from "./previewSheet";
import { SheetTable } from "./SheetTable";

/** What the preview page shows and writes into. */
export interface PreviewPageProps {
  readonly locale: Locale;
  readonly plan: Plan;
  /** The in-memory workbook the pane generates into. */
  readonly book: MemoryWorkbook;
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  banner: {
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: "#0E7C86",
    color: "#FFFFFF",
  },
  bannerLink: { color: "#FFFFFF", marginLeft: "auto" },
  body: {
    display: "flex",
    alignItems: "flex-start",
    flexGrow: 1,
  },
  workbook: {
    flexGrow: 1,
    flexBasis: "600px",
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  pane: {
    flexBasis: "340px",
    flexShrink: 0,
    alignSelf: "stretch",
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalXXL },
});

/** Reads every visible sheet of the workbook for drawing. */
function visibleSheets(book: MemoryWorkbook): PreviewSheet[] {
  return book.sheetNames().flatMap((name) => {
    const sheet = book.sheet(name);
    const preview = sheet ? toPreviewSheet(sheet) : null;
    return preview ? [preview] : [];
  });
}

/**
 * The browser preview: the real task pane on the right, as in Excel, writing into an in-memory
 * workbook whose sheets are drawn on the left with Excel-like sheet tabs. Nothing here needs
 * Office.js or the network.
 *
 * @example
 * <PreviewPage locale="zh-CN" plan={liuzhou2023Plan} book={new MemoryWorkbook()} />
 */
export function PreviewPage({ locale, plan, book }: PreviewPageProps) {
  const styles = useStyles();
  const text = taskPaneMessages(locale);
  const [sheets, setSheets] = useState<PreviewSheet[]>(() => visibleSheets(book));
  const [selected, setSelected] = useState<string | null>(null);

  const generate = useCallback(async (): Promise<GenerateOutcome> => {
    const outcome = await generateWorkbook(book.port, plan, { locale });
    setSheets(visibleSheets(book));
    // Show the sheet the add-in activates, as Excel would.
    if (book.activeSheet !== null) setSelected(book.activeSheet);
    return outcome;
  }, [book, plan, locale]);

  const shown = sheets.find((sheet) => sheet.name === selected) ?? sheets[0];
  const otherLocale: Locale = locale === "zh-CN" ? "en-US" : "zh-CN";

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div className={styles.page}>
        <header className={styles.banner}>
          <Subtitle2>
            {text.appTitle} · {text.preview.banner}
          </Subtitle2>
          <Caption1>{text.preview.note}</Caption1>
          <Link className={styles.bannerLink} href={`?lang=${otherLocale}`}>
            {text.preview.otherLanguage}
          </Link>
        </header>
        <div className={styles.body}>
          <section className={styles.workbook} aria-label={text.preview.sheetTabs}>
            {shown ? (
              <>
                <TabList
                  size="small"
                  selectedValue={shown.name}
                  onTabSelect={(_, data) => {
                    setSelected(String(data.value));
                  }}
                  aria-label={text.preview.sheetTabs}
                >
                  {sheets.map((sheet) => (
                    <Tab key={sheet.name} value={sheet.name}>
                      {sheet.name}
                    </Tab>
                  ))}
                </TabList>
                <SheetTable sheet={shown} />
              </>
            ) : (
              <Body1 className={styles.empty}>{text.preview.emptyWorkbook}</Body1>
            )}
          </section>
          <aside className={styles.pane}>
            <App
              locale={locale}
              planTitle={locale === "en-US" ? plan.titleEn : plan.title}
              generate={generate}
            />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
