// ESLint: typescript-eslint's type-checked rules, the Office add-in rules, and the layer boundaries.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import prettierConfig from "eslint-config-prettier";

const coreMessage =
  "src/core is the pure domain: no Office, DOM, React, ExcelJS or node: imports, so it runs unchanged in Excel, the CLI and the browser preview.";

// Math.max(...rows) passes every element as an argument: past about 100,000 (a big sheet's rows, a
// report's issues) it overflows the call stack, as the audit of issue 14 found. Loop or reduce instead.
const spreadMessage =
  "No spread into a call's arguments (Math.max/min, push, unshift, splice, String.fromCharCode): a large array overflows the call stack. Loop, or reduce.";
const spreadSelectors = [
  "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
  "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement",
  "CallExpression[callee.object.name='String'][callee.property.name=/^fromC(harCode|odePoint)$/] > SpreadElement",
].map((selector) => ({ selector, message: spreadMessage }));

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "**/*.js", "**/*.cjs", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "office-addins": officeAddins },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      // No code from strings anywhere (R1 security): the pane's CSP forbids it too.
      "no-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-implied-eval": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    // Later blocks for src/core and src/workbook replace this rule with stricter lists.
    ignores: ["src/hosts/xlsx/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "exceljs", message: "ExcelJS belongs to the xlsx host (src/hosts/xlsx) only." }] },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process"], message: coreMessage },
            {
              group: ["exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/office-js"],
              message: coreMessage,
            },
            { group: ["**/hosts/**", "**/workbook/**", "**/taskpane/**", "**/cli/**"], message: coreMessage },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: coreMessage },
        { name: "Office", message: coreMessage },
        { name: "document", message: coreMessage },
        { name: "window", message: coreMessage },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["exceljs", "node:*", "react", "**/hosts/**", "**/taskpane/**", "**/cli/**"],
              message:
                "src/workbook is host-neutral: hosts receive a WorkbookPort, the workbook layer never picks one.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts"],
    rules: {
      // Tests build fakes of Office.js objects on purpose; the Office rules target add-in code.
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      // Loops over generated cases are how table-driven tests are written.
      "office-addins/no-context-sync-in-loop": "off",
      // Jest matchers return promises and expect-style objects.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-restricted-syntax": ["error", ...spreadSelectors] },
  },
  prettierConfig,
);
