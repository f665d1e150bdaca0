// Jest test environment for `npm run mutation` (issue 14): bail for a mutant once a test has failed.
// Stryker's jest runner cannot make jest bail (jest has no programmatic bail, jestjs/jest#11766), so
// every test covering a mutant runs even after the first one killed it — for a line of read.ts that
// is hundreds of tests. Once a test fails under the active mutant (Stryker sets its id in
// __STRYKER_ACTIVE_MUTANT__ in this process), the remaining tests of that run are skipped: the
// mutant is killed either way. Outside a mutant run (the dry run, plain jest) nothing changes.
const { TestEnvironment } = require("jest-environment-node");

let killedMutant; // the mutant a test has already failed under, in this test-runner process

class MutationEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (!mutant) return;
    if (event.name === "test_done" && event.test.errors.length > 0) killedMutant = mutant;
    else if (event.name === "test_start" && killedMutant === mutant) event.test.mode = "skip";
  }
}

module.exports = MutationEnvironment;
