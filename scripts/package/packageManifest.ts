/**
 * The packaged manifest: manifest.xml with every URL under the package's base, the version from
 * package.json, and everything else — above all the add-in's `<Id>` — exactly as in the repository,
 * so that Office takes a new package for an update of the add-in it has, not for a second add-in.
 */

/** The origin manifest.xml names for `npm run dev-server`. */
export const devBase = "https://localhost:3000/";
/** The page that SupportUrl and GetStarted's LearnMoreUrl name in a package: 使用说明, as HTML. */
export const helpPage = "help.html";

function replaceAttribute(xml: string, element: RegExp, url: string, what: string): string {
  let count = 0;
  const result = xml.replace(element, (_, before: string, after: string) => {
    count += 1;
    return `${before}${url}${after}`;
  });
  if (count !== 1) throw new Error(`manifest.xml: expected one ${what}, found ${count}`);
  return result;
}

/**
 * @example
 * packageManifest(readFileSync("manifest.xml", "utf8"), "https://wp.example.gov.cn/water-plan/", "0.1.0.0");
 */
export function packageManifest(sourceXml: string, base: string, officeVersion: string): string {
  if (!sourceXml.includes(devBase)) throw new Error(`manifest.xml names no ${devBase}`);
  let xml = sourceXml.replaceAll(devBase, base);
  xml = replaceAttribute(xml, /(<Version>)[^<]*(<\/Version>)/g, officeVersion, "<Version>");
  const help = `${base}${helpPage}`;
  xml = replaceAttribute(xml, /(<SupportUrl DefaultValue=")[^"]*(")/g, help, "<SupportUrl>");
  xml = replaceAttribute(
    xml,
    /(<bt:Url id="GetStarted\.LearnMoreUrl" DefaultValue=")[^"]*(")/g,
    help,
    "GetStarted.LearnMoreUrl",
  );
  return xml;
}

/**
 * Every URL the manifest holds in an attribute or as an element's text (namespace names aside, which
 * are identifiers, never fetched).
 */
export function manifestUrls(xml: string): string[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  const urls: string[] = [];
  for (const match of withoutComments.matchAll(/(\b[\w:]+)="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi)) {
    if (!(match[1] ?? "").startsWith("xmlns")) urls.push(match[2] ?? "");
  }
  for (const match of withoutComments.matchAll(/>\s*([a-z][a-z0-9+.-]*:\/\/[^<\s]*)\s*</gi))
    urls.push(match[1] ?? "");
  return urls;
}
