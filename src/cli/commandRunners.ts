/* eslint-disable @typescript-eslint/no-require-imports -- Each runner is loaded only when its command
   runs, with `require` rather than `import()`: under `module: node16` tsc keeps `import()` as a real
   ES-module import in the CommonJS it emits, which goes through node's ESM loader and which Jest's
   CommonJS runtime cannot run at all; the runner's type still comes from its module. */

/**
 * The commands' runners, each loaded the first time its command runs (then from node's module
 * cache). The program and its commands' definitions (names, options, help texts: `*Command.ts`)
 * load with main.ts; the engine each runner needs (ExcelJS, zod's plan schema, date-fns, the docx
 * report, the validation rules) does not, so `water-plan --version`, `--help`, a usage error and
 * each command pay only for what they use.
 *
 * @example
 * await commandRunners.validate().runValidate(request, io);
 */
export const commandRunners = {
  generate: () => require("./runGenerate") as typeof import("./runGenerate"),
  validate: () => require("./runValidate") as typeof import("./runValidate"),
  import: () => require("./runImport") as typeof import("./runImport"),
  split: () => require("./runSplit") as typeof import("./runSplit"),
  merge: () => require("./runMerge") as typeof import("./runMerge"),
  report: () => require("./runReport") as typeof import("./runReport"),
  classify: () => require("./runClassify") as typeof import("./runClassify"),
} as const;
