#!/usr/bin/env node
"use strict";
// Runs the TypeScript sources directly (tsx), so `samspill` works right after `npm ci`, no build step.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
