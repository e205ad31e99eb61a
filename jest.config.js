/** Jest runs the TypeScript tests through ts-jest with the project's strict tsconfig. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  setupFiles: ["<rootDir>/test/setup/webPlatform.ts"],
  // A test that reads a formula of the fake Excel whose result it never declared fails.
  setupFilesAfterEnv: ["<rootDir>/test/fakes/excel/failOnUndeclaredFormulas.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // Two cores on CI: keep one for the workers' parent.
  maxWorkers: 2,
};
