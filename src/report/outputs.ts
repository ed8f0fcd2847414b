// Result[] → the step outputs a gate step reads: the totals, the severities of what
// was created and of what is active after the reimports, and `results`, a compact JSON of every report
// kept under GitHub's output size limit (the full data stays in the results file). Pure.
import { deltaTotal, SEVERITIES, type Result, type Status } from '../model.js'
import { computeTotals } from './results.js'

/** Byte budget of the `results` output: GitHub's limit for one output is 1 MB; this keeps a margin. */
export const RESULTS_OUTPUT_LIMIT_BYTES = 950_000

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
  /** New findings (not on the default branch); null when not known. */
  new: number | null
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
    created: deltaTotal(r, 'created'),
    new: r.novelty?.kind === 'known' ? r.novelty.new.total : null,
    closed: deltaTotal(r, 'closed'),
    reactivated: deltaTotal(r, 'reactivated'),
    untouched: deltaTotal(r, 'untouched')
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

/** Every output the action sets, with its description: action.yml and the README are written from this. */
export const OUTPUTS = {
  new: "New findings over all reports: findings the default branch does not have (README \"What counts as new\"). Reports whose new findings are not known add nothing and count in counts-unknown.",
  'new-critical': 'New critical findings, over all reports.',
  'new-high': 'New high findings.',
  'new-medium': 'New medium findings.',
  'new-low': 'New low findings.',
  'new-info': 'New info findings.',
  created: "Findings DefectDojo created, over all reports: its raw count, which includes findings the default branch already has (gate on new-* instead).",
  closed: 'Findings closed, over all reports.',
  reactivated: 'Findings reactivated, over all reports.',
  untouched: 'Findings matched and left as they were, over all reports.',
  uploaded: 'Number of reports uploaded.',
  skipped: 'Number of files skipped (not a report, or not recognised).',
  failed: 'Number of reports that failed to upload.',
  'counts-unknown': "Uploaded reports whose new findings are not known (DefectDojo's answer had no counts, an earlier attempt may have imported the report, or the lookup of the default branch's findings failed): when not 0, new-* and created-* are incomplete, so a gate should not pass on them.",
  'created-critical': "Critical findings DefectDojo created, over all reports (its raw count; see new-critical).",
  'created-high': "High findings DefectDojo created (raw count).",
  'created-medium': "Medium findings DefectDojo created (raw count).",
  'created-low': "Low findings DefectDojo created (raw count).",
  'created-info': "Info findings DefectDojo created (raw count).",
  'active-critical': "Critical findings active after the reimports, over all uploaded reports' tests.",
  'active-high': 'High findings active after the reimports.',
  'active-medium': 'Medium findings active after the reimports.',
  'active-low': 'Low findings active after the reimports.',
  'active-info': 'Info findings active after the reimports.',
  results: "Compact JSON of the per-report results (kept under GitHub's output limit; the full data is in results-file).",
  'results-file': 'Path of a JSON file with one entry per file looked at (status, scan type, test link, counts).'
} as const

export type OutputName = keyof typeof OUTPUTS

/**
 * Every step output, all strings: the totals (created, closed, reactivated, untouched, uploaded, skipped,
 * failed), `created-<severity>` and `active-<severity>` (active after the reimports, summed over the
 * uploaded reports) for critical, high, medium, low and info, `results` (compactResultsJson) and
 * `results-file`. Counts DefectDojo did not give add nothing to the sums; the `results` rows keep them
 * as null.
 */
export function gateOutputs(results: readonly Result[], resultsFile: string): Record<OutputName, string> {
  const t = computeTotals(results)
  const outputs: Partial<Record<OutputName, string>> = {
    created: String(t.created),
    closed: String(t.closed),
    reactivated: String(t.reactivated),
    untouched: String(t.untouched),
    uploaded: String(t.uploaded),
    skipped: String(t.skipped),
    failed: String(t.failed),
    'counts-unknown': String(t.unknownCounts),
    new: String(t.newBySeverity.total)
  }
  for (const s of SEVERITIES) outputs[`new-${s}`] = String(t.newBySeverity[s])
  for (const s of SEVERITIES) outputs[`created-${s}`] = String(t.createdBySeverity[s])
  for (const s of SEVERITIES) outputs[`active-${s}`] = String(t.activeBySeverity[s])
  outputs.results = compactResultsJson(results)
  outputs['results-file'] = resultsFile
  return outputs as Record<OutputName, string>
}
