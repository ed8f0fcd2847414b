// Result[] → the step outputs a gate step reads: the totals of computeOutputs, the severities of what
// was created and of what is active after the reimports, and `results`, a compact JSON of every report
// kept under GitHub's output size limit (the full data stays in the results file). Pure.
import type { Result, Status } from '../types.js'
import { computeOutputs, computeTotals } from './results.js'

/** Byte budget of the `results` output: GitHub's limit for one output is 1 MB; this keeps a margin. */
export const RESULTS_OUTPUT_LIMIT_BYTES = 950_000

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
const REASON_MAX = 500

/** One report in the `results` output: the fields a gate decides on. */
export interface CompactResult {
  file: string
  artifact: string | null
  status: Status
  scanType: string | null
  reason: string | null
  testId: number | null
  testUrl: string | null
  created: number | null
  closed: number | null
  reactivated: number | null
  untouched: number | null
}

/** The `results` output's JSON. `omitted` rows were dropped to fit (`truncated`); `total` counts all. */
export interface CompactResults {
  truncated: boolean
  total: number
  omitted: number
  results: CompactResult[]
}

function compact(r: Result): CompactResult {
  const reason = r.reason !== null && r.reason.length > REASON_MAX ? `${r.reason.slice(0, REASON_MAX - 1)}…` : r.reason
  return {
    file: r.file,
    artifact: r.artifact,
    status: r.status,
    scanType: r.scanType,
    reason,
    testId: r.testId,
    testUrl: r.testUrl,
    created: r.created,
    closed: r.closed,
    reactivated: r.reactivated,
    untouched: r.untouched
  }
}

/** Which rows stay longest when the output must be cut: failures, then reports, then skipped files. */
function priority(r: Result): number {
  if (r.status === 'failed') return 0
  if (r.status === 'uploaded' || r.status === 'planned') return 1
  return r.humanReadable ? 3 : 2
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * The `results` output: compact JSON of every report, under `limitBytes`. When it does not fit, the
 * least useful rows (files for people, then other skipped files, then reports, failures last; later
 * rows first) are dropped and the document says so (`truncated: true`, `omitted`); the rows kept stay
 * in their original order.
 */
export function compactResultsJson(results: readonly Result[], limitBytes: number = RESULTS_OUTPUT_LIMIT_BYTES): string {
  const rows = results.map(compact)
  const full: CompactResults = { truncated: false, total: rows.length, omitted: 0, results: rows }
  const text = JSON.stringify(full)
  if (bytes(text) <= limitBytes) return text

  // Keep the k most important rows for the largest k that fits; sizes add up exactly (rows + commas).
  const order = results.map((r, index) => ({ index, priority: priority(r) })).sort((a, b) => a.priority - b.priority || a.index - b.index)
  const sizes = order.map(({ index }) => bytes(JSON.stringify(rows[index])))
  const envelope = (kept: number): number =>
    bytes(JSON.stringify({ truncated: true, total: rows.length, omitted: rows.length - kept, results: [] } satisfies CompactResults))
  let kept = 0
  let size = envelope(0)
  while (kept < order.length) {
    const next = size - envelope(kept) + envelope(kept + 1) + sizes[kept]! + (kept > 0 ? 1 : 0)
    if (next > limitBytes) break
    size = next
    kept++
  }
  const keep = new Set(order.slice(0, kept).map(({ index }) => index))
  const document: CompactResults = { truncated: true, total: rows.length, omitted: rows.length - kept, results: rows.filter((_, index) => keep.has(index)) }
  return JSON.stringify(document)
}

/**
 * Every step output, all strings: the totals of computeOutputs (created, closed, reactivated, untouched,
 * uploaded, skipped, failed, results-file), `created-<severity>` and `active-<severity>` (active after
 * the reimports, summed over the uploaded reports) for critical, high, medium, low and info, and
 * `results` (compactResultsJson). Counts DefectDojo did not give add nothing to the sums; the `results`
 * rows keep them as null.
 */
export function gateOutputs(results: readonly Result[], resultsFile: string): Record<string, string> {
  const totals = computeTotals(results)
  const outputs: Record<string, string> = { ...computeOutputs(results, resultsFile) }
  for (const s of SEVERITIES) outputs[`created-${s}`] = String(totals.createdBySeverity[s])
  for (const s of SEVERITIES) outputs[`active-${s}`] = String(totals.activeBySeverity[s])
  outputs.results = compactResultsJson(results)
  return outputs
}
