// Preloaded (node --require) into a water-plan process by measuredCli.ts: on exit, writes the
// process's peak resident memory in KiB to the file named by WATER_PLAN_PEAK_FILE.
"use strict";
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.WATER_PLAN_PEAK_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
