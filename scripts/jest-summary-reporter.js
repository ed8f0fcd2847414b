// Prints the plain closing line `N passed, N failed` that CI tooling reads. Jest's own summary is
// written after the reporters' onRunComplete, so the line is printed when the process exits.
export default class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`
    process.once('exit', () => process.stderr.write(`\n${line}\n`))
  }
}
