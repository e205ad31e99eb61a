/** Names Windows keeps for devices, whatever the extension ("CON.xlsx" cannot be a file). */
const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name that every system accepts: characters Windows forbids (`< > : " / \ | ? *` and
 * control characters) become "_", trailing dots and spaces go, a device name gets "_" in front,
 * and the stem is cut to 120 characters. Chinese and full-width brackets are kept.
 *
 * @example
 * safeFileName("liuzhou-2023-北部生态新区（阳和工业新区）管委会", ".xlsx") // "liuzhou-2023-北部生态新区（阳和工业新区）管委会.xlsx"
 * safeFileName("a/b: c?", ".xlsx") // "a_b_ c_.xlsx"
 */
export function safeFileName(stem: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Windows forbids in names
  let safe = stem.replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_").trim();
  // The first 120 code points (never half of a surrogate pair), then no trailing dots or spaces.
  safe = (/^[\s\S]{0,120}/u.exec(safe)?.[0] ?? "").replace(/[. ]+$/, "");
  if (safe === "") safe = "_";
  if (reserved.test(safe)) safe = `_${safe}`;
  return `${safe}${extension}`;
}
