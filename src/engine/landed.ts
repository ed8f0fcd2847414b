// Did an upload land? After a gateway's 502/504, a timeout, a reset once the body was sent, or an
// answer that was not DefectDojo's, DefectDojo may still be importing: a blind retry would import twice
// and, for a new test, race into two tests. DefectDojo has no idempotency key, but it keeps each test's
// import history with the `build_id` the action sends (docs/defectdojo-api.md §k), so the upload can be
// looked up: product → engagement → test → history rows of this run's build id, written after the
// first attempt began. Absence counts only where the token can see (docs/defectdojo-api.md §i).
import type { DefectDojoClient, Lookup } from '../defectdojo/client.js'
import { NO_FINDINGS, SEVERITIES, type Counts, type PlannedUpload, type Severity, type SeverityCounts } from '../model.js'

export type Landing =
  | { readonly kind: 'landed'; readonly testId: number; readonly engagementId: number; readonly productId: number; readonly counts: Counts; readonly imports: number }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly why: string }

type Json = Record<string, unknown>

const int = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null)

/** The row with the highest id among those whose `field` equals `value` exactly (DefectDojo takes the newest). */
function newest(rows: readonly Json[], field: string, value: string): Json | null {
  return rows.filter((row) => row[field] === value && int(row.id) !== null).sort((a, b) => int(b.id)! - int(a.id)!)[0] ?? null
}

function unwrap<T>(lookup: Lookup<T>): T | Landing {
  return lookup.kind === 'found' ? lookup.value : lookup.kind === 'absent' ? { kind: 'absent' } : { kind: 'unknown', why: lookup.why }
}

const isLanding = (value: unknown): value is Landing => typeof value === 'object' && value !== null && 'kind' in value && !Array.isArray(value)

/** The test an upload goes to, found by the same lookups as the importer: product → engagement → test. */
export type TestFound = { readonly kind: 'found'; readonly testId: number; readonly engagementId: number; readonly productId: number }

/**
 * Where the upload would be: its product, engagement and test by exact name, title and scan type
 * (for import-scan, only this run's test). `absent` only where the token would see it.
 */
export async function locateTest(client: DefectDojoClient, upload: PlannedUpload, buildId: string, signal?: AbortSignal): Promise<TestFound | Landing> {
  const t = upload.target
  // name_exact is case-insensitive: compare exactly here, as the importer does.
  const products = await client.list('/api/v2/products/', { name_exact: t.product, limit: 100 }, true, signal)
  if (products.kind === 'unknown') return products
  const product = products.kind === 'found' ? newest(products.value, 'name', t.product) : null
  if (!product) {
    // Absent, if the token would see it: it sees everything, or it sees the product type the upload would put it in.
    if (client.seesEverything) return { kind: 'absent' }
    const types = await client.list('/api/v2/product_types/', { name: t.productType, limit: 100 }, false, signal)
    if (types.kind === 'found' && newest(types.value, 'name', t.productType)) return { kind: 'absent' }
    return { kind: 'unknown', why: `no product named exactly "${t.product}" is visible to the token, which may only mean it may not see it` }
  }
  // The product is visible, so its engagements and tests are too: an empty list now proves absence.
  const engagements = unwrap(await client.list('/api/v2/engagements/', { product: int(product.id)!, name: t.engagement, limit: 100 }, true, signal))
  if (isLanding(engagements)) return engagements
  const engagement = newest(engagements, 'name', t.engagement)
  if (!engagement) return { kind: 'absent' }
  const query: Record<string, string | number> = { engagement: int(engagement.id)!, title: t.testTitle, scan_type: upload.recognition.scanType, limit: 100 }
  // import-scan makes a new test every run: only this run's can be it.
  if (upload.endpoint === 'import-scan') query.build_id = buildId
  const tests = unwrap(await client.list('/api/v2/tests/', query, true, signal))
  if (isLanding(tests)) return tests
  const test = newest(tests, 'title', t.testTitle)
  if (!test) return { kind: 'absent' }
  return { kind: 'found', testId: int(test.id)!, engagementId: int(engagement.id)!, productId: int(product.id)! }
}

/** One look: where the upload would be, and whether this run's import of it is recorded there. */
export async function findLanding(client: DefectDojoClient, upload: PlannedUpload, buildId: string, since: number, signal?: AbortSignal): Promise<Landing> {
  if (!buildId) return { kind: 'unknown', why: 'this run has no build id to find its import by' }
  const found = await locateTest(client, upload, buildId, signal)
  if (found.kind !== 'found') return found
  const { testId } = found
  const history = unwrap(await client.list('/api/v2/test_imports/', { test: testId, build_id: buildId, o: '-id', limit: 100 }, true, signal))
  if (isLanding(history)) return history
  const rows = history.filter((row) => row.build_id === buildId && Date.parse(String(row.created)) >= since).sort((a, b) => (int(a.id) ?? 0) - (int(b.id) ?? 0))
  if (rows.length === 0) return { kind: 'absent' }
  return { kind: 'landed', testId, engagementId: found.engagementId, productId: found.productId, counts: await countsFromHistory(client, testId, rows, signal), imports: rows.length }
}

/**
 * Waits, within `waitMs`, for this run's import to show up: an import still running is not visible yet.
 * `unknown` ends the wait at once (it will not change); `absent` until the end means it did not land.
 */
export async function waitForLanding(
  client: DefectDojoClient,
  upload: PlannedUpload,
  options: { buildId: string; since: number; waitMs: number; sleep: (ms: number) => Promise<void>; signal?: AbortSignal }
): Promise<Landing> {
  const deadline = Date.now() + options.waitMs
  for (let pause = 1000; ; pause = Math.min(pause * 2, 10_000)) {
    const landing = await findLanding(client, upload, options.buildId, options.since, options.signal)
    if (landing.kind !== 'absent' || Date.now() + pause > deadline || options.signal?.aborted) return landing
    await options.sleep(pause)
  }
}

const ACTIONS = { N: 'created', C: 'closed', R: 'reactivated', U: 'untouched' } as const

/**
 * What the recorded imports did, from their finding actions: created, closed and reactivated summed over
 * every import of this run, untouched as the last one left them. Severities of the created findings are
 * read back (they are the test's newest); the other severities are not known from the history.
 */
export async function countsFromHistory(client: DefectDojoClient, testId: number, rows: readonly Json[], signal?: AbortSignal): Promise<Counts> {
  const created = new Set<number>()
  const totals = { created: 0, closed: 0, reactivated: 0, untouched: 0 }
  rows.forEach((row, index) => {
    const actions = Array.isArray(row.test_import_finding_action_set) ? (row.test_import_finding_action_set as Json[]) : []
    for (const entry of actions) {
      const action = ACTIONS[String(entry.action) as keyof typeof ACTIONS]
      if (!action || (action === 'untouched' && index !== rows.length - 1)) continue
      totals[action]++
      if (action === 'created' && int(entry.finding) !== null) created.add(int(entry.finding)!)
    }
  })
  return { created: await severitiesOf(client, testId, created, signal), closed: null, reactivated: null, untouched: null, activeAfter: null, totals }
}

/** The severities of the created findings, or null when they cannot be read back exactly. */
async function severitiesOf(client: DefectDojoClient, testId: number, ids: ReadonlySet<number>, signal?: AbortSignal): Promise<SeverityCounts | null> {
  if (ids.size === 0) return NO_FINDINGS
  if (ids.size > 500) return null
  const lookup = await client.list('/api/v2/findings/', { test: testId, o: '-id', limit: ids.size }, true, signal)
  if (lookup.kind !== 'found') return null
  const counts: Record<Severity | 'total', number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 }
  let seen = 0
  for (const finding of lookup.value) {
    if (!ids.has(int(finding.id) ?? -1)) continue
    const severity = String(finding.severity).toLowerCase() as Severity
    if (!SEVERITIES.includes(severity)) return null
    counts[severity]++
    counts.total++
    seen++
  }
  return seen === ids.size ? counts : null
}
