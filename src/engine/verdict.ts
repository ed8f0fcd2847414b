// The failure policy, as a pure function of the results, so every shell (the action, the CLI) ends a
// run the same way.
import type { Config } from '../config/config.js'
import { inputName, sourceInputs, stepName } from '../config/inputs.js'
import type { Fatal } from '../errors.js'
import type { Result } from '../model.js'

export interface Verdict {
  /** Why the step fails, or null. */
  failure: string | null
  warnings: string[]
  notices: string[]
}

/**
 * The failure policy. The step fails when a report was lost (unless `fail-on-error: false`), when the
 * run stopped early (invalid input, collision, token check), and per `if-no-reports` and
 * `fail-on-unrecognized`. Files for people and build output never count against it.
 */
export function decideOutcome(config: Config | null, results: readonly Result[], fatal: Fatal | null, candidates: number): Verdict {
  const verdict: Verdict = { failure: null, warnings: [], notices: [] }
  if (fatal || !config) return { ...verdict, failure: fatal?.message ?? 'The run stopped before it started.' }
  const reports = results.filter((r) => r.status !== 'skipped')
  // Build output and documentation are counted, not warned about; a file that looks like a report is.
  const unrecognised = results.filter((r) => r.status === 'skipped' && !r.humanReadable && r.reportLike && r.duplicateOf === null)
  const failed = results.filter((r) => r.status === 'failed')
  if (reports.length === 0) {
    const message =
      candidates === 0
        ? `No report files were found: check ${sourceInputs()}.`
        : `None of the ${candidates} files found is a report this action can upload (the summary says why each was skipped).`
    if (config.ifNoReports === 'error') verdict.failure = message
    else if (config.ifNoReports === 'warn') verdict.warnings.push(message)
    else verdict.notices.push(message)
  }
  if (unrecognised.length > 0) {
    const message = `${unrecognised.length} file${unrecognised.length === 1 ? ' was' : 's were'} not recognised as a report and not uploaded (the summary says why, and what to do for each).`
    if (config.failOnUnrecognized) verdict.failure ??= message
    else verdict.warnings.push(message)
  }
  if (failed.length > 0) {
    const message = `${failed.length} of ${reports.length} reports failed to upload to DefectDojo (the summary says why).`
    if (config.failOnError) verdict.failure = message
    else verdict.warnings.push(`${message} The ${stepName()} passes because ${inputName('fail-on-error')} is false.`)
  }
  return verdict
}
