// The reads "what is new" needs (novelty.ts decides): after the uploads, for each uploaded report, its
// test's findings and either the default branch's matching test's findings (an isolated run) or this
// import's history and the default branch's other tests of the scan type (a default-branch run). Only what is needed is read:
// a default-branch report that created and reactivated nothing needs no read at all. Every request is
// paginated, capped (FINDINGS_MAX per test) and bounded in time like the other lookups; each row's
// `test` is checked here, since older servers ignore filters they do not know (docs/defectdojo-api.md "What counts as new").
// A read that fails, is forbidden or is cut short makes that report's split unknown, never 0.
import type { DefectDojoClient } from '../defectdojo/client.js'
import { algorithmFor, isAlgorithm } from '../defectdojo/fingerprints.js'
import type { Baseline, NewFinding, PlannedUpload, Target, UploadOutcome } from '../model.js'
import { limiter } from '../pool.js'
import { within } from './existing.js'
import { classifyDefaultBranch, classifyIsolated, findingRow, type Classified, type FindingRow, type Rule } from './novelty.js'

/** Findings read per request: DefectDojo has no page-size cap; this keeps each answer far below the client's size limit. */
export const FINDINGS_PAGE = 500
/** Most findings read from one test: the lookup bound's size (README "What counts as new"). */
export const FINDINGS_MAX = 10_000
/** Each request of the lookup waits at most this long (like the lookups before the uploads). */
export const LOOKUP_REQUEST_MS = 10_000

type Json = Record<string, unknown>

const int = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null)

class Failure extends Error {}

/** The reads of one run, with what several reports share (the default branch's product and engagements) read once. */
export class BaselineReader {
  private readonly cache = new Map<string, Promise<unknown>>()
  private readonly client: DefectDojoClient
  private readonly signal: AbortSignal | undefined

  constructor(client: DefectDojoClient, signal?: AbortSignal) {
    this.client = client
    this.signal = signal
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, read())
    return this.cache.get(key) as Promise<T>
  }

  /** One bounded list request; `unknown` (failed, forbidden, too slow) throws a Failure naming why. */
  private async list(path: string, query: Record<string, string | number>): Promise<Json[]> {
    const bounded = within(LOOKUP_REQUEST_MS, this.signal)
    const answer = await this.client.list(path, query, true, bounded)
    if (answer.kind === 'found') return answer.value
    if (answer.kind === 'absent') return []
    throw new Failure(bounded.aborted && !this.signal?.aborted ? `${path} gave no answer within ${LOOKUP_REQUEST_MS / 1000} s` : answer.why)
  }

  /** Every finding of a test, page by page, each row checked to be that test's; more than FINDINGS_MAX fails. */
  async findings(testId: number): Promise<FindingRow[]> {
    const rows: FindingRow[] = []
    for (let offset = 0; ; offset += FINDINGS_PAGE) {
      const page = await this.list('/api/v2/findings/', { test: testId, o: 'id', limit: FINDINGS_PAGE, offset })
      for (const raw of page) {
        // An older server that ignores `test` lists every finding: rows of other tests are not this test's.
        const row = findingRow(raw)
        if (row === null && int(raw.test) === testId) throw new Failure(`finding ${String(raw.id)} of test ${testId} has no severity DefectDojo uses`)
        if (row !== null && row.test === testId) rows.push(row)
      }
      if (page.length < FINDINGS_PAGE) return rows
      if (offset + FINDINGS_PAGE >= FINDINGS_MAX) throw new Failure(`test ${testId} has more than ${FINDINGS_MAX.toLocaleString('en-US')} findings, more than the lookup reads`)
    }
  }

  /** The test's matching rule: its own settings (3.2.0), else DefectDojo's table for the scan type (2.49.0). */
  async rule(testId: number, scanType: string): Promise<Rule> {
    const test = await this.client.getTest(testId, within(LOOKUP_REQUEST_MS, this.signal)).catch(() => null)
    const fields = Array.isArray(test?.hash_code_fields) ? test.hash_code_fields.filter((f): f is string => typeof f === 'string') : null
    if (test && isAlgorithm(test.deduplication_algorithm)) return { algorithm: test.deduplication_algorithm, source: 'server', hashCodeFields: fields }
    const testType = typeof test?.test_type_name === 'string' ? test.test_type_name : null
    return { algorithm: algorithmFor(scanType, testType), source: 'table', hashCodeFields: fields }
  }

  /**
   * The default branch's matching test: product by exact name, its newest engagement of that name, then
   * the newest test of that title and scan type (docs/defectdojo-api.md §i, §k). Null when it does not
   * exist; a product the token cannot be shown to lack is a Failure (§i: not found is not proof).
   */
  async mainTest(target: Target, scanType: string, uploadedProduct: string): Promise<number | null> {
    const productId = await this.once(`product\u0000${target.product}`, async () => {
      const rows = await this.list('/api/v2/products/', { name_exact: target.product, limit: 100 })
      const product = newest(rows, (row) => row.name === target.product)
      if (product !== null) return product
      // The product this run just uploaded into is visible; another one may only be hidden from the token.
      if (target.product !== uploadedProduct && !this.client.seesEverything) throw new Failure(`no product named exactly "${target.product}" is visible to the token, which may only mean it may not see it`)
      return null
    })
    if (productId === null) return null
    const engagementId = await this.once(`engagement\u0000${productId}\u0000${target.engagement}`, async () =>
      newest(await this.list('/api/v2/engagements/', { product: productId, name: target.engagement, limit: 100 }), (row) => row.name === target.engagement && int(row.product) === productId)
    )
    if (engagementId === null) return null
    const tests = await this.list('/api/v2/tests/', { engagement: engagementId, title: target.testTitle, scan_type: scanType, limit: 100 })
    return newest(tests, (row) => row.title === target.testTitle && row.scan_type === scanType && int(row.engagement) === engagementId)
  }

  /**
   * What this run's import of a test created (N) and reactivated (R): the newest row of the test's import
   * history with this run's build id (docs/defectdojo-api.md §k), or null when there is none.
   */
  async actions(testId: number, buildId: string): Promise<Array<{ finding: number; action: 'N' | 'R' }> | null> {
    const rows = (await this.list('/api/v2/test_imports/', { test: testId, build_id: buildId, o: '-id', limit: 100 })).filter((row) => int(row.test) === testId && row.build_id === buildId && int(row.id) !== null)
    const newest = rows.sort((a, b) => int(b.id)! - int(a.id)!)[0]
    if (!newest) return null
    const actions: Array<{ finding: number; action: 'N' | 'R' }> = []
    for (const entry of Array.isArray(newest.test_import_finding_action_set) ? (newest.test_import_finding_action_set as Json[]) : []) {
      const finding = int(entry.finding)
      if (finding !== null && (entry.action === 'N' || entry.action === 'R')) actions.push({ finding, action: entry.action })
    }
    return actions
  }

  /** The tests of an engagement (id and scan type), checked row by row. */
  engagementTests(engagementId: number): Promise<Array<{ id: number; scanType: string }>> {
    return this.once(`tests\u0000${engagementId}`, async () => {
      const rows = await this.list('/api/v2/tests/', { engagement: engagementId, limit: 1000 })
      return rows.filter((row) => int(row.engagement) === engagementId && int(row.id) !== null).map((row) => ({ id: int(row.id)!, scanType: String(row.scan_type) }))
    })
  }

  /** The findings of the default branch's other tests of this scan type: where DefectDojo would find an original. */
  async siblings(testId: number, scanType: string, defaultEngagements: readonly number[]): Promise<FindingRow[]> {
    const tests: number[] = []
    for (const engagement of defaultEngagements) for (const test of await this.engagementTests(engagement)) if (test.scanType === scanType && test.id !== testId) tests.push(test.id)
    const rows: FindingRow[] = []
    for (const test of tests) rows.push(...(await this.findings(test)))
    return rows
  }
}

/** The id of the newest row that matches (DefectDojo takes the newest of several with one name), or null. */
function newest(rows: readonly Json[], matches: (row: Json) => boolean): number | null {
  const ids = rows.filter(matches).map((row) => int(row.id)).filter((id): id is number => id !== null)
  return ids.length > 0 ? Math.max(...ids) : null
}

/** One uploaded report: what it was planned as, and what DefectDojo answered. */
export interface Uploaded {
  readonly upload: PlannedUpload
  readonly outcome: Extract<UploadOutcome, { status: 'uploaded' }>
}

/**
 * Classifies one uploaded report. `defaultEngagements` are the engagements this run uploaded into on the
 * default branch (whose other tests of the same scan type count as the default branch's).
 */
export async function classify(reader: BaselineReader, { upload, outcome }: Uploaded, options: { buildId: string; defaultEngagements: readonly number[]; baseUrl: string }): Promise<Classified> {
  const { answer } = outcome
  const baseline: Baseline = upload.baseline
  if (answer.testId === null) return unknownSplit("DefectDojo's answer did not say which test the report went to")
  if (baseline.kind === 'unknown') return unknownSplit(baseline.why)
  const testId = answer.testId
  const link = (id: number): string => `${options.baseUrl}/finding/${id}`
  try {
    if (baseline.kind === 'self') {
      const created = answer.counts.created?.total ?? answer.counts.totals?.created ?? null
      const reactivated = answer.counts.reactivated?.total ?? answer.counts.totals?.reactivated ?? null
      const active = answer.counts.activeAfter?.total ?? null
      // Nothing created or reactivated: nothing can be new, and no read is needed at all.
      if (created === 0 && reactivated === 0 && active !== null) {
        return { novelty: { kind: 'known', against: 'default-branch-run', baselineUrl: outcome.links.test, new: { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 }, reintroduced: 0, onMain: active, triagedOnMain: 0, fixed: null, fingerprint: 'not needed: the import created and reactivated nothing' }, newFindings: [] }
      }
      const rule = await reader.rule(testId, upload.recognition.scanType)
      const actions = await reader.actions(testId, options.buildId)
      if (actions === null) return unknownSplit(`this run's import (build ${options.buildId || 'unknown'}) is not in the test's import history, which says what it created`)
      // The newest row of this build must be this import: the same counts as DefectDojo's answer, where it gave them.
      const count = (action: 'N' | 'R') => actions.filter((a) => a.action === action).length
      if ((created !== null && created !== count('N')) || (reactivated !== null && reactivated !== count('R'))) {
        return unknownSplit(`the newest import of build ${options.buildId || '(none)'} in the test's history is not this one (it created ${count('N')} and reactivated ${count('R')}; DefectDojo answered ${created ?? '?'} and ${reactivated ?? '?'})`)
      }
      const [mine, siblings] = await Promise.all([reader.findings(testId), reader.siblings(testId, upload.recognition.scanType, options.defaultEngagements)])
      return classifyDefaultBranch({ rule, actions, mine, siblings, testUrl: outcome.links.test, link })
    }
    const rule = await reader.rule(testId, upload.recognition.scanType)
    const [mine, mainTest] = await Promise.all([reader.findings(testId), reader.mainTest(baseline.target, upload.recognition.scanType, upload.target.product)])
    const main = mainTest === null ? null : await reader.findings(mainTest)
    return classifyIsolated({ rule, mine, main, mainUrl: mainTest === null ? null : `${options.baseUrl}/test/${mainTest}`, link })
  } catch (error) {
    if (error instanceof Failure) return unknownSplit(error.message)
    throw error
  }
}

function unknownSplit(why: string): Classified {
  return { novelty: { kind: 'unknown', why }, newFindings: [] }
}

/**
 * Classifies the uploads as they end: a report of an isolated run is read while the others still upload
 * (its baseline is the default branch's test, which this run does not change), at most `concurrency`
 * at once; a default-branch report waits for the end, since the default branch's engagements are those
 * of every upload of the run.
 */
export class NoveltyQueue {
  private readonly reader: BaselineReader
  private readonly early = new Map<PlannedUpload, Promise<Classified>>()
  private readonly gate: <R>(fn: () => Promise<R>) => Promise<R>
  private readonly client: DefectDojoClient
  private readonly options: { buildId: string; concurrency: number; signal?: AbortSignal }

  constructor(client: DefectDojoClient, options: { buildId: string; concurrency: number; signal?: AbortSignal }) {
    this.client = client
    this.options = options
    this.reader = new BaselineReader(client, options.signal)
    this.gate = limiter(options.concurrency)
  }

  private classify(upload: PlannedUpload, outcome: Extract<UploadOutcome, { status: 'uploaded' }>, defaultEngagements: readonly number[]): Promise<Classified> {
    return this.gate(() => classify(this.reader, { upload, outcome }, { buildId: this.options.buildId, defaultEngagements, baseUrl: this.client.baseUrl })).catch(
      (error: unknown): Classified => unknownSplit(`the lookup failed: ${error instanceof Error ? error.message : String(error)}`)
    )
  }

  /** One upload ended: an isolated report starts its reads now. */
  uploaded(upload: PlannedUpload, outcome: UploadOutcome): void {
    if (outcome.status === 'uploaded' && upload.baseline.kind !== 'self' && !this.options.signal?.aborted) this.early.set(upload, this.classify(upload, outcome, []))
  }

  /** Every uploaded outcome with its split and its new findings; the others as they were. */
  async all(planned: readonly PlannedUpload[], outcomes: readonly UploadOutcome[]): Promise<UploadOutcome[]> {
    const defaultEngagements = [
      ...new Set(outcomes.flatMap((o, n) => (o.status === 'uploaded' && planned[n]!.baseline.kind === 'self' && o.answer.engagementId !== null ? [o.answer.engagementId] : [])))
    ]
    return Promise.all(
      outcomes.map(async (outcome, n): Promise<UploadOutcome> => {
        if (outcome.status !== 'uploaded') return outcome
        const upload = planned[n]!
        const { novelty, newFindings, fixedFindings } = await (this.early.get(upload) ?? this.classify(upload, outcome, defaultEngagements))
        return { ...outcome, novelty, newFindings: newFindings as NewFinding[], ...(fixedFindings ? { fixedFindings } : {}) }
      })
    )
  }
}
