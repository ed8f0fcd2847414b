// A scanner's failed run is not a clean report. Some formats record that the scan could not run —
// Semgrep's `errors` with nothing scanned, Bandit's and gosec's parse errors with no line of code
// read, Checkov's parsing errors with no resource, Snyk's `{"ok": false, "error": …}` — and DefectDojo
// reads such a file as zero findings: a reimport would close every finding of the test. Each condition
// here is used twice: positively by a not-a-report row (other.ts), negatively by the format's own row.
// Formats that record no failure in the report (Trivy, Grype, Gitleaks exit without writing one) need
// no guard. src/recognition/LEFT-TO-OVERRIDES.md lists them.
import type { Head } from '../head.js'
import { allOf, anyOf, at, empty, has, lacks, some, is, type JsonCondition } from '../matchers.js'

const positive: JsonCondition = (value) => (typeof value === 'number' && value > 0 ? ['a positive count'] : null)
const zero: JsonCondition = (value) => (value === 0 ? ['zero'] : null)
const nonEmptyArray: JsonCondition = (value) => (Array.isArray(value) && value.length > 0 ? ['a non-empty list'] : null)
const nonEmptyObject: JsonCondition = (value) => (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 ? ['a non-empty object'] : null)

/** `semgrep --json` that found nothing because it scanned nothing: level-error errors, no results, no scanned path. */
export const SEMGREP_FAILED: JsonCondition = allOf(has('results', 'errors'), at('results', empty), at('errors', some(at('level', is('error')))), anyOf(lacks('paths'), at('paths', lacks('scanned')), at('paths.scanned', empty)))

/** `bandit -f json` whose every file failed to parse: errors, no results, no line of code counted. */
export const BANDIT_FAILED: JsonCondition = allOf(has('results', 'errors', 'metrics'), at('results', empty), at('errors', nonEmptyArray), at('metrics._totals.loc', zero))

/** `gosec -fmt=json` that could not build the packages: Golang errors, no issues, no line scanned. */
export const GOSEC_FAILED: JsonCondition = allOf(has('Issues', 'Stats'), at('Issues', empty), at('Golang errors', nonEmptyObject), at('Stats.lines', zero))

/** Checkov's bare summary when it could parse no file: parsing errors and no resource. */
export const CHECKOV_FAILED: JsonCondition = allOf(has('passed', 'failed', 'checkov_version'), anyOf(at('parsing_errors', positive), at('parsingerrors', positive)), anyOf(at('resource_count', zero), at('resourcecount', zero)))

/** `snyk test --json` when the test could not run: {ok: false, error, path}. */
export const SNYK_FAILED: JsonCondition = allOf(has('ok', 'error'), at('ok', is(false)), lacks('vulnerabilities'))

/** The scanner's own words for the reason: the first error message in the head, shortened. */
export function firstMessage(head: Head, pick: (value: Record<string, unknown>) => unknown): string | null {
  if (head.syntax !== 'json' || !head.value || typeof head.value !== 'object') return null
  const found = pick(head.value as Record<string, unknown>)
  if (typeof found !== 'string' || found.trim() === '') return null
  const text = found.replace(/\s+/g, ' ').trim()
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}
