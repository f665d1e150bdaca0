#!/usr/bin/env node
"use strict";
// Runs the built CLI (build/cli/samspill.js, made by `npm ci` / `npm run build`). In a source checkout
// where src/ changed after that build, or before any build, it runs the TypeScript sources through tsx,
// so a developer never runs stale code.
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const built = path.join(root, "build", "cli", "samspill.js");

/** Newest modification time under `dir` (0 when it does not exist). */
function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.isFile()) latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

function builtIsCurrent() {
  try {
    return fs.statSync(built).mtimeMs >= newest(path.join(root, "src"));
  } catch {
    return false;
  }
}

let cli;
if (builtIsCurrent()) {
  cli = require(built);
} else {
  require("tsx/cjs");
  cli = require("../src/cli/main.ts");
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
