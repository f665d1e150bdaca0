// Jest test sequencer for `npm run mutation` (issue 14). Stryker's jest runner runs one mutant by
// handing jest a testNamePattern of the tests that cover it, but over every test file: jest then
// loads all of them (~3 s) to run a handful of tests. This sequencer keeps only the files that hold
// a test the pattern matches, using the map of test names to files that scripts/mutation.ts writes
// before Stryker starts (path in SAMSPILL_MUTATION_TEST_MAP). Without a map, outside a mutant run
// (the dry run measures coverage over everything), or when the pattern matches no known test, it
// runs every file, as jest would.
const { readFileSync } = require("node:fs");
const { relative } = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

let testMap; // { [relativeTestFile]: string[] of full test names }
function loadTestMap() {
  if (testMap !== undefined) return testMap;
  const path = process.env.SAMSPILL_MUTATION_TEST_MAP;
  try {
    testMap = path ? JSON.parse(readFileSync(path, "utf8")) : null;
  } catch {
    testMap = null;
  }
  return testMap;
}

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options && options.globalConfig;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    const pattern = this.globalConfig && this.globalConfig.testNamePattern;
    const map = loadTestMap();
    if (!process.env.__STRYKER_ACTIVE_MUTANT__ || !pattern || !map) return sorted;
    const matcher = new RegExp(pattern, "i"); // as jest compiles testNamePattern
    const kept = sorted.filter((test) => {
      const names = map[relative(test.context.config.rootDir, test.path).split("\\").join("/")];
      return names === undefined || names.some((name) => matcher.test(name));
    });
    return kept.length > 0 ? kept : sorted;
  }
}

module.exports = MutationSequencer;
