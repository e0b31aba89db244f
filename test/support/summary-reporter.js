/* global module, console */
/**
 * Prints one plain closing line, "N passed, N failed[, N skipped]", after Jest's own summary,
 * so any CI can read the outcome of a run.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    console.log(skipped > 0 ? `${line}, ${skipped} skipped` : line);
  }
}

module.exports = SummaryReporter;
