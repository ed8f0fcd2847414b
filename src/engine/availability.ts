// Whether DefectDojo could be used at all this run, as the `defectdojo` output says it, and how a
// DefectDojo-wide failure (unreachable, not the API, token rejected) is told: once, in the log and the
// summary, never repeated per report. With `fail-on-error: false` such a failure does not fail the
// step (verdict.ts): the upload is evidence, the release decision is the gate's, which reads this.
import { DefectDojoError } from '../defectdojo/errors.js'
import { inputName } from '../config/inputs.js'

/**
 * - `available`: the token check passed; each report's own outcome is in `results`.
 * - `unavailable`: no DefectDojo API answered: unreachable, DNS, TLS, a timeout, an HTML page, a login or
 *   proxy in front of it, a 5xx.
 * - `rejected`: DefectDojo's API refused the token (HTTP 401/403).
 * - `unused`: the run sent nothing (dry run, no credentials, nothing to upload, or it stopped first).
 */
export type DefectDojoAvailability = 'available' | 'unavailable' | 'rejected' | 'unused'

/** A token check that failed for good: what it means for every report of the run. */
export type Outage = Exclude<DefectDojoAvailability, 'available' | 'unused'>

/** Which outage a failed token check is. */
export function outageOf(error: unknown): Outage {
  return error instanceof DefectDojoError && error.tokenRejected ? 'rejected' : 'unavailable'
}

const WHAT: Readonly<Record<Outage, string>> = {
  unavailable: 'DefectDojo could not be reached as an API',
  rejected: 'DefectDojo rejected the token'
}

/** A report's reason when the token check stopped the run: short, the error itself is said once above. */
export function notAttemptedReason(outage: Outage): string {
  return `${WHAT[outage]} at the token check, before any upload (the error is said once for the whole run).`
}

/** The one warning of a DefectDojo-wide failure when the step passes anyway. */
export function outageWarning(outage: Outage, reports: number, message: string): string {
  return `${message} ${reports === 1 ? 'The one report was not' : `None of the ${reports} reports was`} uploaded (the output \`defectdojo\` is "${outage}", \`failed\` is ${reports}); the step passes because ${inputName('fail-on-error')} is false.`
}
