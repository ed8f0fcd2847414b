// DefectDojo refused an upload (its 400 or 500: a parser that could not read the report, a field it
// did not accept). The reason names what the run decided — the `scan-types` rule that forced the type
// and what the content reads as — and, when DefectDojo left an empty test behind (3.2.0 creates the
// product, the engagement and the test of a static parser before parsing, and keeps them when the
// parser fails: docs/defectdojo-api.md §l), links that test. The action deletes nothing in DefectDojo:
// the refusal carries no test id, an import still running is not visible yet (§k), and the
// least-privileged user may not delete.
import type { DefectDojoClient } from '../defectdojo/client.js'
import { DefectDojoError } from '../defectdojo/errors.js'
import type { PlannedUpload } from '../model.js'
import { within } from './existing.js'
import { locateTest } from './landed.js'

/** The test DefectDojo left, with its pages. */
export interface LeftTest {
  readonly testId: number
  readonly engagementId: number
  readonly productId: number
}

/** Whether the error is DefectDojo's own refusal of this upload (not a gateway, a timeout or the network). */
export function isRefusal(error: DefectDojoError): boolean {
  return (error.status === 400 || error.status === 500) && !error.ambiguous
}

/** The reason of a refused upload, with the rule that forced its type, and the empty test left behind, if any. */
export async function explainRefusal(client: DefectDojoClient, upload: PlannedUpload, message: string, options: { buildId: string; timeoutMs: number; signal?: AbortSignal }): Promise<{ reason: string; left: LeftTest | null }> {
  const rule = upload.recognition.rule
  const forced = rule ? `The \`scan-types\` rule \`${rule.text}\` forced the scan type (the content reads as ${rule.readsAs ?? 'no format this action recognises'}): ` : ''
  const left = await emptyTestLeft(client, upload, options)
  const leftNote = left
    ? ` DefectDojo left an empty test behind (test ${left.testId}: no findings, no import); the action deletes nothing, so delete it in DefectDojo if it is not wanted.`
    : ''
  return { reason: `${forced}${message}${leftNote}`, left }
}

/** The upload's test, when it exists and no import was ever recorded in it: what a failed first import leaves. */
async function emptyTestLeft(client: DefectDojoClient, upload: PlannedUpload, options: { buildId: string; timeoutMs: number; signal?: AbortSignal }): Promise<LeftTest | null> {
  const signal = within(options.timeoutMs, options.signal)
  const found = await locateTest(client, upload, options.buildId, signal).catch(() => null)
  if (found?.kind !== 'found') return null
  const history = await client.list('/api/v2/test_imports/', { test: found.testId, limit: 1 }, true, signal).catch(() => null)
  return history?.kind === 'absent' ? { testId: found.testId, engagementId: found.engagementId, productId: found.productId } : null
}
