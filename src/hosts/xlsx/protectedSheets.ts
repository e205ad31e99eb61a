import type { Protection, Worksheet } from "exceljs";
import { HostError, ProtectedSheets } from "../hostError";
import { worksheetNames } from "./surveyPackage";
import { deflatedEntry, inflateEntry, readZip, writeZip, type ZipEntry } from "./zipArchive";

/**
 * Refuses a write into sheets protected in Excel (Review → Protect Sheet) WITH a password: only
 * the user who knows it may lift it, so the add-in fails there, as Excel does; this host would
 * instead rewrite the sheet without its protection, unseen. A protection without a password (a
 * unit's workbook from `water-plan split`: plan columns locked against mistakes, no security) is
 * lifted around the write and put back as it was (see keepProtection), so a unit can validate,
 * generate again and import into its own workbook. Call it before anything is written, so that
 * the workbook stays as it was. `hasPassword` says what the file's own element says (ExcelJS keeps
 * a legacy `password` hash nowhere).
 *
 * @example
 * assertNoPassword([workbook.getWorksheet("附件1 任务清单")], () => true); // throws HostError "sheet_protected"
 */
export function assertNoPassword(
  sheets: readonly Worksheet[],
  hasPassword: (sheet: Worksheet) => boolean,
): void {
  const names = [
    ...new Set(sheets.filter((sheet) => isProtected(sheet) && hasPassword(sheet)).map((s) => s.name)),
  ];
  if (names.length === 0) return;
  const quoted = names.map((name) => `"${name}"`).join(", ");
  const message =
    names.length === 1
      ? `The sheet ${quoted} is protected (Review → Unprotect Sheet in Excel); nothing was written. Unprotect it and try again.`
      : `The sheets ${quoted} are protected (Review → Unprotect Sheet in Excel); nothing was written. Unprotect them and try again.`;
  throw new HostError("sheet_protected", message, { cause: new ProtectedSheets(names, message) });
}

/** A sheet's protection as it was before the host wrote the sheet anew: its options and unlocked cells. */
export interface KeptProtection {
  /** ExcelJS's model of `<sheetProtection>` (the options; no password: those sheets are refused). */
  readonly model: Readonly<Record<string, unknown>>;
  /** The cells unlocked for users ("D5"), as the sheet had them. */
  readonly unlocked: readonly string[];
}

/**
 * The protection of a sheet about to be removed and written again from a layout, or null when it
 * has none. Patches need nothing of the kind: ExcelJS writes into a protected sheet as into any
 * other, and a cell's style (its `locked` flag with it) is kept under a new value or fill.
 *
 * @example
 * const kept = keepProtection(old); // … the sheet rendered anew …
 * if (kept !== null) restoreProtection(rendered, kept, layout.protection !== undefined);
 */
export function keepProtection(sheet: Worksheet): KeptProtection | null {
  const model = protectionOf(sheet);
  if (model?.sheet !== true) return null;
  const unlocked: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      // A cell with no protection of its own has none in ExcelJS, whatever its typings say: locked.
      if ((cell.protection as Partial<Protection> | undefined)?.locked === false) unlocked.push(cell.address);
    });
  });
  return { model: { ...model }, unlocked };
}

/**
 * Puts a kept protection back on the sheet written in its place: the same options, and the same
 * unlocked cells unless the layout unlocked its own (a unit's workbook generated again: its entry
 * cells, which follow its rows).
 *
 * @example
 * restoreProtection(rendered, kept, false);
 */
export function restoreProtection(sheet: Worksheet, kept: KeptProtection, layoutUnlocked: boolean): void {
  if (!layoutUnlocked) {
    for (const address of kept.unlocked) {
      const cell = sheet.getCell(address);
      // eslint-disable-next-line office-addins/call-sync-before-read -- an ExcelJS cell, not an Office.js proxy (the rule keys on the name getCell)
      cell.protection = { ...(cell.protection as Partial<Protection> | undefined), locked: false };
    }
  }
  (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection = { ...kept.model };
}

/** ExcelJS keeps a loaded `<sheetProtection sheet="1">` as `sheetProtection`, outside its typings. */
function protectionOf(sheet: Worksheet): { sheet?: boolean; hashValue?: string } | null {
  const { sheetProtection } = sheet as unknown as {
    sheetProtection?: { sheet?: boolean; hashValue?: string } | null;
  };
  return sheetProtection ?? null;
}

function isProtected(sheet: Worksheet): boolean {
  return protectionOf(sheet)?.sheet === true;
}

/**
 * Whether ExcelJS's model of the sheet's protection holds a password hash (one set in this
 * process, or a file's `hashValue` with its algorithm).
 *
 * @example
 * modelHasPassword(sheet) // true after sheet.protect("机密123")
 */
export function modelHasPassword(sheet: Worksheet): boolean {
  const hash = protectionOf(sheet)?.hashValue;
  return typeof hash === "string" && hash !== "";
}

/**
 * The package with each sheet's legacy password hash (`password="CC3D"`, by lower-case sheet
 * name) written back into its `<sheetProtection>`, which ExcelJS saves without it: a sheet a user
 * protected with a password stays so when the host saves the workbook (the host never writes
 * into such a sheet, see assertNoPassword). A sheet no longer protected, or with a hash of its
 * own, is left as it is.
 *
 * @example
 * const saved = withLegacyPasswords(await workbook.xlsx.writeBuffer(), new Map([["附件1 任务清单", "CC3D"]]));
 */
export function withLegacyPasswords(bytes: Uint8Array, passwords: ReadonlyMap<string, string>): Uint8Array {
  if (passwords.size === 0) return bytes;
  const entries = readZip(bytes);
  const names = worksheetNames(entries);
  let changed = false;
  const written: ZipEntry[] = [];
  for (const entry of entries) {
    const password = passwords.get(names.get(entry.name)?.toLowerCase() ?? "");
    const xml = password === undefined ? null : new TextDecoder().decode(inflateEntry(entry));
    const element = xml === null ? undefined : /<sheetProtection\b[^>]*>/u.exec(xml)?.[0];
    if (
      password === undefined ||
      xml === null ||
      element === undefined ||
      /\s(?:password|hashValue)=/u.test(element)
    ) {
      written.push(entry);
      continue;
    }
    const escaped = password.replace(/&/gu, "&amp;").replace(/"/gu, "&quot;").replace(/</gu, "&lt;");
    const restored = xml.replace(
      element,
      element.replace("<sheetProtection", `<sheetProtection password="${escaped}"`),
    );
    written.push(deflatedEntry(entry.name, new TextEncoder().encode(restored), entry));
    changed = true;
  }
  return changed ? writeZip(written) : bytes;
}
