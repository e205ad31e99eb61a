/**
 * What the add-in's pages say about where their scripts come from: the Content-Security-Policy in
 * their `<meta http-equiv>` and their `<script>` tags. The package step rewrites the task pane for a
 * bundled Office.js with these, and the tests read the pages with them.
 */

/** Office.js on Microsoft's CDN, as src/taskpane/taskpane.html loads it. */
export const officeJsCdnUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The CDN's origin, as the task pane's script-src names it. */
export const officeCdnOrigin = "https://appsforoffice.microsoft.com";

function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, "");
}

// Quotes optional: the production build's minifier drops those an attribute does not need.
const policyMeta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"\s*\/?>/i;

/**
 * The page's Content-Security-Policy, directive by directive, sources in their order.
 * Throws when the page has none: every page of the add-in must carry one.
 *
 * @example
 * contentSecurityPolicyOf(html).get("script-src"); // ["'self'", "https://appsforoffice.microsoft.com"]
 */
export function contentSecurityPolicyOf(html: string): Map<string, string[]> {
  const match = policyMeta.exec(withoutComments(html));
  if (!match) throw new Error("the page has no Content-Security-Policy <meta>");
  const policy = new Map<string, string[]>();
  for (const directive of (match[1] ?? "").split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

/** The text of every `<script>` without a `src` (comments left out): none is allowed. */
export function inlineScriptsOf(html: string): string[] {
  const inline: string[] = [];
  for (const match of withoutComments(html).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/i.test(match[1] ?? "")) inline.push((match[2] ?? "").trim());
  }
  return inline;
}

/**
 * Replaces the one occurrence of any of the `forms` (each a text and its replacement: the minifier
 * leaves some attributes without quotes) or throws: a page that changed must not pass unnoticed.
 */
function replaceOnce(text: string, forms: readonly (readonly [string, string])[], what: string): string {
  const found = forms.flatMap((form) =>
    text
      .split(form[0])
      .slice(1)
      .map(() => form),
  );
  const form = found[0];
  if (found.length !== 1 || form === undefined) {
    throw new Error(`taskpane.html: expected exactly one ${what}, found ${found.length}`);
  }
  return text.replace(form[0], form[1]);
}

/**
 * The task pane's page loading Office.js from the add-in's own origin (`officeJsPath`, relative to
 * the page) instead of the CDN, with the CDN taken out of its script-src.
 *
 * @example
 * withBundledOfficeJs(html, "office-js/office.js");
 */
export function withBundledOfficeJs(html: string, officeJsPath: string): string {
  const policy = contentSecurityPolicyOf(html);
  const scripts = policy.get("script-src") ?? [];
  if (!scripts.includes(officeCdnOrigin))
    throw new Error("taskpane.html: script-src does not name Office's CDN");
  const rewritten = replaceOnce(
    html,
    [
      [`src="${officeJsCdnUrl}"`, `src="${officeJsPath}"`],
      [`src=${officeJsCdnUrl}>`, `src="${officeJsPath}">`],
    ],
    "Office.js from the CDN",
  );
  return replaceOnce(
    rewritten,
    [[`script-src 'self' ${officeCdnOrigin};`, "script-src 'self';"]],
    "script-src",
  );
}
