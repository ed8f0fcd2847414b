// The failure policy, as a pure function of the results, so every shell (the action, the CLI) ends a
// run the same way.
import type { Config } from '../config/config.js'
import { inputName, sourceInputs, stepName } from '../config/inputs.js'
import type { Fatal } from '../errors.js'
import type { Result } from '../model.js'
import { outageWarning } from './availability.js'

export interface Verdict {
  /** Why the step fails, or null. */
  failure: string | null
  warnings: string[]
  notices: string[]
}

/**
 * The failure policy. The step fails when a report was lost or DefectDojo could not be used (token
 * check: unreachable, not the API, token rejected) unless `fail-on-error: false`, when the run stopped
 * early for a reason of its own (invalid input, collision, artifact listing, cancel), and per
 * `if-no-reports` and `fail-on-unrecognized`. Files for people and build output never count against it.
 */
export function decideOutcome(config: Config | null, results: readonly Result[], fatal: Fatal | null, candidates: number): Verdict {
  const verdict: Verdict = { failure: null, warnings: [], notices: [] }
  // A DefectDojo-wide failure is one more way for reports not to be uploaded: fail-on-error decides.
  const outage = fatal?.kind === 'connection' && config && !config.failOnError ? (fatal.outage ?? 'unavailable') : null
  if ((fatal && !outage) || !config) return { ...verdict, failure: fatal?.message ?? 'The run stopped before it started.' }
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
    // Unsafe content (empty, broken, a failed run) is refused whatever a rule says: no rule is suggested for it.
    const unsafe = unrecognised.filter((r) => r.unsafe).length
    const unknown = unrecognised.length - unsafe
    const message = [
      unknown > 0 ? `${unknown} file${unknown === 1 ? ' was' : 's were'} not recognised as a report and not uploaded (the summary says why, and what to do for each).` : null,
      unsafe > 0 ? `${unsafe} file${unsafe === 1 ? ' was' : 's were'} refused as unsafe to upload (empty, broken, or a scanner's failed run: uploading one would close every finding of its test; the summary says why).` : null
    ].filter((m): m is string => m !== null).join(' ')
    if (config.failOnUnrecognized) verdict.failure ??= message
    else verdict.warnings.push(message)
  }
  if (outage && fatal) verdict.warnings.push(outageWarning(outage, failed.length, fatal.message))
  else if (failed.length > 0) {
    const message = `${failed.length} of ${reports.length} reports failed to upload to DefectDojo (the summary says why).`
    if (config.failOnError) verdict.failure = message
    else verdict.warnings.push(`${message} The ${stepName()} passes because ${inputName('fail-on-error')} is false.`)
  }
  return verdict
}
