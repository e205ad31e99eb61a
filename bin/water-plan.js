#!/usr/bin/env node
// Entry of the `water-plan` command: runs the compiled CLI (built into lib/ by `npm install`).
"use strict";
require("../lib/src/cli/main.js").runFromProcess();
