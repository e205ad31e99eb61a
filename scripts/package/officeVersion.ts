/**
 * The manifest's `<Version>` from package.json's version: Office wants four numbers
 * (`n.n.n.n`, each at most 65535) and treats a higher one as an update of the same add-in `<Id>`.
 */

/**
 * `"0.1.0"` → `"0.1.0.0"`. Throws on anything Office could not read as an update (a prerelease or
 * build suffix, a number over 65535): bump package.json's version instead.
 *
 * @example
 * officeVersionOf("1.2.3"); // "1.2.3.0"
 */
export function officeVersionOf(packageVersion: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(packageVersion);
  if (!match) {
    throw new Error(
      `package.json 的版本“${packageVersion}”不是 x.y.z 形式，Office 无法据此判断更新 / package.json's version "${packageVersion}" is not x.y.z, which Office needs to recognise an update`,
    );
  }
  const parts = match.slice(1, 4).map(Number);
  if (parts.some((part) => part > 65535)) {
    throw new Error(`version "${packageVersion}": Office allows at most 65535 in each part`);
  }
  return [...parts, 0].join(".");
}
