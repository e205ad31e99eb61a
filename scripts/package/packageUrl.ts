/**
 * The base URL a package is built for: where the office's IT serves the site's files. Office loads
 * add-ins only over HTTPS, so anything else is refused before a minute of building is spent, each
 * refusal one sentence in Chinese and English that says what to type instead.
 */

/** The checked base, or why it was refused. */
export type PackageUrlResult =
  | {
      readonly ok: true;
      /** Always ends in "/": every page and file of the site lies below it. */ readonly base: string;
    }
  | { readonly ok: false; readonly code: PackageUrlProblem; readonly message: string };

export type PackageUrlProblem =
  "malformed" | "not_https" | "no_path" | "no_trailing_slash" | "query_or_fragment" | "credentials";

const example = "https://wp.example.gov.cn/water-plan/";

const messages: Record<PackageUrlProblem, (text: string) => string> = {
  malformed: (text) => `“${text}”不是有效的网址 / not a valid URL; 例如 / e.g. ${example}`,
  not_https: (text) =>
    `“${text}”不是 HTTPS 地址：Office 只从 HTTPS 加载加载项（仅本机 localhost 可用 http 试用） / not an HTTPS address: Office loads add-ins only over HTTPS (http only for localhost)`,
  no_path: (text) =>
    `“${text}”缺少路径：请给出存放加载项文件的目录，例如 / has no path: name the folder that serves the add-in, e.g. ${example}`,
  no_trailing_slash: (text) =>
    `“${text}”应以 / 结尾（它是一个目录），例如 / must end in / (it is a folder), e.g. ${text}/`,
  query_or_fragment: (text) => `“${text}”不能带 ? 或 # 部分 / must have no ? or # part`,
  credentials: (text) => `“${text}”不能含用户名或密码 / must hold no user name or password`,
};

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks the `--url` of `npm run package`.
 *
 * | input | result |
 * | --- | --- |
 * | `https://wp.example.gov.cn/water-plan/` | ok, the same |
 * | `https://WP.example.gov.cn/water-plan/` | ok, `https://wp.example.gov.cn/water-plan/` |
 * | `http://localhost:8443/wp/` | ok (a trial on one's own machine) |
 * | `http://wp.example.gov.cn/water-plan/` | `not_https` |
 * | `https://wp.example.gov.cn` or `…/` | `no_path` |
 * | `https://wp.example.gov.cn/water-plan` | `no_trailing_slash` |
 * | `wp.example.gov.cn/water-plan/` | `malformed` |
 *
 * @example
 * parsePackageUrl("https://wp.example.gov.cn/water-plan/"); // { ok: true, base: "https://wp.example.gov.cn/water-plan/" }
 */
export function parsePackageUrl(text: string): PackageUrlResult {
  const refuse = (code: PackageUrlProblem): PackageUrlResult => ({
    ok: false,
    code,
    message: messages[code](text),
  });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse("malformed");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("malformed");
  if (url.hostname === "") return refuse("malformed");
  if (url.protocol === "http:" && !loopbackHosts.has(url.hostname)) return refuse("not_https");
  if (url.username !== "" || url.password !== "") return refuse("credentials");
  if (url.search !== "" || url.hash !== "" || text.includes("?") || text.includes("#"))
    return refuse("query_or_fragment");
  if (url.pathname === "/") return refuse("no_path");
  if (!url.pathname.endsWith("/")) return refuse("no_trailing_slash");
  return { ok: true, base: url.href };
}
