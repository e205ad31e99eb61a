/**
 * How big a request or a response is as Office counts it for Excel on the web's payload limit:
 * each action with its arguments and each object path once, as JSON in UTF-8.
 */

/** UTF-8 length of a string, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** JSON size in UTF-8; every value measured here is JSON (loads of null objects give null). */
export const jsonBytes = (value: unknown): number => utf8Length(JSON.stringify(value));

/**
 * The JSON Office.js sends for an action beside its arguments ({"Id":…,"ActionType":…,"Name":"…",
 * "ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}), and for an object path ({"Id":…,
 * "ObjectPathType":…,"Name":"…","ParentObjectPathId":…,"ArgumentInfo":{…}}), measured on
 * office.js's request body (ClientRequestBase.buildRequestMessageBodyAndRequestFlags).
 */
const ACTION_ENVELOPE_BYTES = 90;
const OBJECT_PATH_ENVELOPE_BYTES = 100;
/** {"ActionId":…,"Value":…} around each loaded value in a response. */
export const RESULT_ENVELOPE_BYTES = 25;

/**
 * A proxy's object path as the segments Office sends one by one, each once per request:
 * 'worksheets.getItem("数据").getRangeByIndexes(3,0,10,32)' → its two prefixes.
 */
const pathPrefixes = new Map<string, readonly string[]>();
function prefixesOf(path: string): readonly string[] {
  let found = pathPrefixes.get(path);
  if (found === undefined) {
    const prefixes: string[] = [];
    let depth = 0;
    let quoted = false;
    for (let i = 0; i < path.length; i += 1) {
      const ch = path[i];
      if (ch === '"' && path[i - 1] !== "\\") quoted = !quoted;
      else if (!quoted && (ch === "(" || ch === "[")) depth += 1;
      else if (!quoted && (ch === ")" || ch === "]")) depth -= 1;
      else if (!quoted && depth === 0 && ch === ".") prefixes.push(path.slice(0, i));
    }
    prefixes.push(path);
    found = prefixes;
    pathPrefixes.set(path, found);
  }
  return found;
}

/**
 * A request's size as Office counts it: "the number of API calls, the number of objects, such as
 * Range objects, the length of the value to set or get" — each action with its arguments, and
 * each object path it uses, once, as JSON in UTF-8.
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 */
export function requestBytes(actions: readonly { path: string; action: string; args: unknown }[]): number {
  let bytes = 2;
  const paths = new Set<string>();
  for (const { path, action, args } of actions) {
    bytes += ACTION_ENVELOPE_BYTES + utf8Length(action) + (args === null ? 0 : jsonBytes(args));
    for (const prefix of prefixesOf(path)) {
      if (paths.has(prefix)) continue;
      paths.add(prefix);
      const dot = prefix.lastIndexOf(".", prefix.length - 1);
      bytes += OBJECT_PATH_ENVELOPE_BYTES + utf8Length(dot < 0 ? prefix : prefix.slice(dot + 1));
    }
  }
  return bytes;
}
