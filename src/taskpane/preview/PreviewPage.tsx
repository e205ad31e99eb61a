import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Tab,
  TabList,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Locale } from "../../core/locale";
import type { Plan } from "../../core/plan/planSchema";
import type { MemorySheet, MemoryWorkbook } from "../../hosts/memory/memoryWorkbook";
import { App } from "../App";
import { taskPaneMessages } from "../messages/taskPaneMessages";
import type { PaneChunks } from "../paneHost";
import { checkDataValidation, type DataValidationVerdict } from "./checkDataValidation";
import { parseTabSeparated, toEnteredValue } from "./enteredValue";
import { enterCells } from "./enterCells";
import { previewPaneHost } from "./previewHost";
import { type PreviewSheet, toPreviewSheet } from "./previewSheet";
import { addressOf, type CellPosition, positionOf, SheetGrid } from "./SheetGrid";

/** What the preview page shows and writes into. */
export interface PreviewPageProps {
  /** The language the page opens in (`?lang=`); the banner's link switches it in place. */
  readonly locale: Locale;
  /** The plan, loaded after the first paint (the pane's engine chunk). */
  readonly loadPlan: () => Promise<Plan>;
  /** The in-memory workbook the pane works on. */
  readonly book: MemoryWorkbook;
  readonly chunks: PaneChunks;
  /** Writes the workbook as .xlsx and offers it for download, named in `locale` (a chunk of its own). */
  readonly download: (book: MemoryWorkbook, locale: Locale) => Promise<void>;
  /** The add-in's version, which the pane shows. */
  readonly version: string;
}

/**
 * Wide windows put the grid and the pane side by side, each scrolling on its own inside the window
 * (as Excel's grid stays put while its task pane scrolls); narrow ones stack them and the page scrolls.
 */
const wide = "@media (min-width: 921px)";
const narrow = "@media (max-width: 920px)";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    [wide]: { height: "100vh", overflow: "hidden" },
  },
  banner: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: "#0E7C86",
    color: "#FFFFFF",
  },
  bannerText: { display: "flex", flexDirection: "column", minWidth: 0, flexBasis: "300px", flexGrow: 1 },
  bannerActions: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  // White in every state: Fluent's hover and pressed blues are unreadable on the banner's teal.
  bannerLink: {
    color: "#FFFFFF",
    ":hover": { color: "#FFFFFF" },
    ":hover:active": { color: "#FFFFFF" },
    ":active": { color: "#FFFFFF" },
  },
  body: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "stretch",
    flexGrow: 1,
    [wide]: { flexWrap: "nowrap", minHeight: 0 },
  },
  workbook: {
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: "560px",
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    // Wide: the grid fills the height left under the banner beside the pane; narrow (stacked): the
    // grid gets a fixed share of the window below the sheet tabs (SheetGrid), and the pane follows.
    [wide]: { minHeight: 0 },
    [narrow]: { height: "auto" },
  },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    minWidth: 0,
  },
  formulaBar: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    fontSize: tokens.fontSizeBase200,
  },
  nameBox: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  value: { minWidth: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  note: {
    gridColumnStart: 1,
    gridColumnEnd: 3,
    padding: tokens.spacingHorizontalXS,
    backgroundColor: "#FFF4CE",
    color: "#323130",
    overflowWrap: "anywhere",
  },
  pane: {
    flexGrow: 1,
    flexShrink: 0,
    flexBasis: "340px",
    maxWidth: "100%",
    minWidth: 0,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    [wide]: { flexGrow: 0, maxWidth: "420px", overflowY: "auto", overscrollBehavior: "contain" },
  },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalXXL },
  gridHint: { color: tokens.colorNeutralForeground3 },
});

/** Reads every visible sheet of the workbook for drawing. */
function visibleSheets(book: MemoryWorkbook): PreviewSheet[] {
  return book.sheetNames().flatMap((name) => {
    const sheet = book.sheet(name);
    const preview = sheet ? toPreviewSheet(sheet) : null;
    return preview ? [preview] : [];
  });
}

/** What the cell's data validation says of text typed into it, as Excel would judge it. */
function checkTyped(
  book: MemoryWorkbook,
  sheet: MemorySheet,
  position: CellPosition,
  typed: string,
): DataValidationVerdict {
  const validation = sheet.validationAt(position.row, position.col);
  if (!validation) return { kind: "allowed" };
  return checkDataValidation(validation, toEnteredValue(typed), choicesOf(book, sheet, position));
}

/** The dropdown a cell's data validation offers: a list, or a range of the meta sheet (the points). */
function choicesOf(book: MemoryWorkbook, sheet: MemorySheet, { row, col }: CellPosition): string[] {
  const rule = sheet.validationAt(row, col)?.rule;
  if (!rule) return [];
  switch (rule.kind) {
    case "list":
      return [...rule.values];
    case "listRange": {
      const source = book.sheet(rule.sheet);
      if (!source) return [];
      return source
        .valuesOf(rule.rect)
        .flat()
        .filter((v): v is string => typeof v === "string" && v !== "");
    }
    case "decimal":
    case "wholeNumber":
    case "date":
      return [];
  }
}

/**
 * The browser preview: the real task pane, as in Excel, beside an editable grid of the in-memory
 * workbook (sheet tabs, a formula bar with the cell's address, value and note, Excel's keys), and
 * a download of the workbook as .xlsx. Nothing here needs Office.js or the network. Wide windows
 * put the pane to the right of the grid; narrow ones stack them, so nothing overlaps from 320 px.
 *
 * @example
 * <PreviewPage locale="zh-CN" loadPlan={loadPlan} book={new MemoryWorkbook()} chunks={paneChunks} download={download} version="0.1.0" />
 */
export function PreviewPage({
  locale: initialLocale,
  loadPlan,
  book,
  chunks,
  download,
  version,
}: PreviewPageProps) {
  const styles = useStyles();
  // The language switches in place: reloading the page for `?lang=` would lose the workbook, which
  // lives only in this page's memory.
  const [locale, setLocale] = useState(initialLocale);
  const text = taskPaneMessages(locale);
  const [sheets, setSheets] = useState<PreviewSheet[]>(() => visibleSheets(book));
  const [selected, setSelected] = useState<string | null>(null);
  const [active, setActive] = useState<CellPosition>({ row: 0, col: 0 });
  // Counts the pane's selections: each one brings the keyboard to the grid.
  const [focusRequest, setFocusRequest] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  // F6 and Shift+F6 move between the sheet tabs, the grid and the pane, as in Excel: the grid keeps
  // Tab for moving right, so this is how a keyboard leaves it.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "F6") return;
      const regions = [
        document.querySelector<HTMLElement>('[role="tablist"] [role="tab"][aria-selected="true"]'),
        document.querySelector<HTMLElement>("input[data-editor]"),
        document.querySelector<HTMLElement>("aside button, aside a, aside [tabindex='0']"),
      ].filter((element): element is HTMLElement => element !== null);
      if (regions.length === 0) return;
      const current = regions.findIndex(
        (element) =>
          element === document.activeElement ||
          (element.closest("aside") !== null && element.closest("aside")?.contains(document.activeElement)),
      );
      const step = event.shiftKey ? -1 : 1;
      const next = regions[(current + step + regions.length) % regions.length];
      event.preventDefault();
      next?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  const redraw = useCallback(() => {
    setSheets(visibleSheets(book));
  }, [book]);
  // The sheet shown and its active cell, as the pane's import reads "the selection" (see previewPaneHost).
  const activeCellRef = useRef<{ sheet: string; row: number; col: number } | null>(null);

  const host = useMemo(
    () =>
      previewPaneHost(book, loadPlan, {
        onWritten: () => {
          redraw();
          // Show the sheet the add-in activates, as Excel would.
          if (book.activeSheet !== null) {
            setSelected(book.activeSheet);
            book.activeSheet = null;
          }
        },
        onSelect: (sheet, cell) => {
          setSelected(sheet);
          setActive(positionOf(cell) ?? { row: 0, col: 0 });
          setFocusRequest((n) => n + 1);
        },
        active: () => activeCellRef.current,
      }),
    [book, loadPlan, redraw],
  );

  const shown = sheets.find((sheet) => sheet.name === selected) ?? sheets[0];
  const memorySheet = shown ? book.sheet(shown.name) : undefined;
  const activeCell = shown?.rows[active.row]?.[active.col];
  activeCellRef.current = shown ? { sheet: shown.name, ...active } : null;
  const otherLocale: Locale = locale === "zh-CN" ? "en-US" : "zh-CN";

  const writeCells = (position: CellPosition, rows: readonly (readonly string[])[]) => {
    if (!memorySheet) return;
    enterCells(memorySheet, position.row, position.col, rows);
    redraw();
  };

  const onDownload = () => {
    setDownloading(true);
    setDownloadError(null);
    download(book, locale).then(
      () => {
        setDownloading(false);
      },
      (error: unknown) => {
        console.error(error);
        setDownloading(false);
        setDownloadError(error instanceof Error ? error.message : String(error));
      },
    );
  };

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div className={styles.page}>
        <header className={styles.banner}>
          <div className={styles.bannerText}>
            <Subtitle2>
              {text.appTitle} · {text.preview.banner}
            </Subtitle2>
            <Caption1>{text.preview.note}</Caption1>
          </div>
          <div className={styles.bannerActions}>
            <Button size="small" disabledFocusable={downloading || sheets.length === 0} onClick={onDownload}>
              {downloading ? text.preview.downloading : text.preview.download}
            </Button>
            <Link
              className={styles.bannerLink}
              href={`?lang=${otherLocale}`}
              lang={otherLocale}
              onClick={(event) => {
                // The address still says the language (a reload or a bookmark opens in it), but the
                // page stays, and with it the workbook.
                event.preventDefault();
                window.history.replaceState(window.history.state, "", `?lang=${otherLocale}`);
                document.documentElement.lang = otherLocale;
                setLocale(otherLocale);
              }}
            >
              {text.preview.otherLanguage}
            </Link>
          </div>
        </header>
        {downloadError === null ? null : (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{text.preview.downloadFailed}</MessageBarTitle>
              {downloadError}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.body}>
          <section className={styles.workbook} aria-label={text.preview.sheetTabs}>
            {shown && memorySheet ? (
              <>
                <TabList
                  className={styles.tabs}
                  size="small"
                  selectedValue={shown.name}
                  onTabSelect={(_, data) => {
                    setSelected(String(data.value));
                    setActive({ row: 0, col: 0 });
                  }}
                  aria-label={text.preview.sheetTabs}
                >
                  {sheets.map((sheet) => (
                    <Tab key={sheet.name} value={sheet.name}>
                      {sheet.name}
                    </Tab>
                  ))}
                </TabList>
                <div className={styles.formulaBar} aria-live="polite">
                  <span className={styles.nameBox} aria-label={text.preview.nameBox}>
                    {`${shown.name}!`}
                    {addressOf(active)}
                  </span>
                  <span className={styles.value} data-testid="formula-value">
                    {activeCell?.text ?? ""}
                  </span>
                  {activeCell?.note ? (
                    <span className={styles.note} data-testid="cell-note">
                      {text.preview.noteLine(activeCell.note)}
                    </span>
                  ) : null}
                </div>
                <Caption1 className={styles.gridHint}>{text.preview.gridHint}</Caption1>
                <SheetGrid
                  sheet={shown}
                  active={active}
                  onActivate={setActive}
                  onCommit={(position, typed) => {
                    writeCells(position, [[typed]]);
                  }}
                  onPaste={(position, pasted) => {
                    writeCells(position, parseTabSeparated(pasted));
                  }}
                  label={text.preview.gridLabel(shown.name)}
                  hint={text.preview.gridHint}
                  choicesAt={(position) => choicesOf(book, memorySheet, position)}
                  checkEntry={(position, typed) => checkTyped(book, memorySheet, position, typed)}
                  alertText={text.preview.validationAlert}
                  focusRequest={focusRequest}
                />
              </>
            ) : (
              <Body1 className={styles.empty}>{text.preview.emptyWorkbook}</Body1>
            )}
          </section>
          <aside className={styles.pane}>
            {/* A new pane per language, as Excel starts the add-in again in another display language:
                its last results were worded in the other one. The workbook and its settings stay. */}
            <App key={locale} locale={locale} host={host} chunks={chunks} version={version} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
