// Result rows and what is computed from them: the results file (the machine-readable contract) and
// the step outputs. The summary (summary.ts) is the third rendering of the same Result[].
import type { Candidate, Counts, Result, SeverityCounts } from '../types.js'

/** A Result with every field present (null where not known), for one candidate. */
export function baseResult(candidate: Candidate): Result {
  return {
    file: candidate.displayPath,
    artifact: candidate.artifact,
    status: 'skipped',
    scanType: null,
    format: null,
    tool: null,
    lane: null,
    reason: null,
    uploadName: null,
    product: null,
    productType: null,
    engagement: null,
    testTitle: null,
    testId: null,
    testUrl: null,
    engagementId: null,
    engagementUrl: null,
    productId: null,
    productUrl: null,
    created: null,
    closed: null,
    reactivated: null,
    untouched: null,
    counts: null,
    duplicates: [],
    duplicateOf: null,
    decidedBy: null,
    evidence: [],
    fields: null,
    humanReadable: false,
    attempts: 0
  }
}

export interface Totals {
  uploaded: number
  planned: number
  skipped: number
  failed: number
  created: number
  closed: number
  reactivated: number
  untouched: number
  /** Reports whose counts the server did not give. */
  unknownCounts: number
  createdBySeverity: SeverityCounts
  activeBySeverity: SeverityCounts
}

const SEVERITY_KEYS = ['critical', 'high', 'medium', 'low', 'info', 'total'] as const

function addSeverities(into: SeverityCounts, from: SeverityCounts | null): void {
  if (!from) return
  for (const key of SEVERITY_KEYS) into[key] += from[key]
}

export function computeTotals(results: readonly Result[]): Totals {
  const totals: Totals = {
    uploaded: 0,
    planned: 0,
    skipped: 0,
    failed: 0,
    created: 0,
    closed: 0,
    reactivated: 0,
    untouched: 0,
    unknownCounts: 0,
    createdBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 },
    activeBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 }
  }
  for (const r of results) {
    totals[r.status]++
    if (r.status !== 'uploaded') continue
    totals.created += r.created ?? 0
    totals.closed += r.closed ?? 0
    totals.reactivated += r.reactivated ?? 0
    totals.untouched += r.untouched ?? 0
    if (r.created === null) totals.unknownCounts++
    addSeverities(totals.createdBySeverity, r.counts?.created ?? null)
    addSeverities(totals.activeBySeverity, r.counts?.activeAfter ?? null)
  }
  return totals
}

/** The step outputs, all strings. */
export function computeOutputs(results: readonly Result[], resultsFile: string): Record<string, string> {
  const t = computeTotals(results)
  return {
    created: String(t.created),
    closed: String(t.closed),
    reactivated: String(t.reactivated),
    untouched: String(t.untouched),
    uploaded: String(t.uploaded),
    skipped: String(t.skipped),
    failed: String(t.failed),
    'results-file': resultsFile
  }
}

/** The results file's JSON: a versioned envelope around every Result. */
export function resultsDocument(results: readonly Result[], meta: { dryRun: boolean; defectdojoUrl: string | null }): string {
  const totals = computeTotals(results)
  return JSON.stringify({ version: 1, dryRun: meta.dryRun, defectdojoUrl: meta.defectdojoUrl, totals, results }, null, 2) + '\n'
}

/** Counts → the four flat numbers of a Result (each the `total` of its delta). */
export function flatCounts(counts: Counts): Pick<Result, 'created' | 'closed' | 'reactivated' | 'untouched'> {
  return {
    created: counts.created?.total ?? null,
    closed: counts.closed?.total ?? null,
    reactivated: counts.reactivated?.total ?? null,
    untouched: counts.untouched?.total ?? null
  }
}

/** A Result for an artifact that could not be used at all (download failed, digest mismatch, expired). */
export function artifactFailureResult(failure: { artifact: string; reason: string }): Result {
  return { ...baseResult({ absolutePath: '', displayPath: '', artifact: failure.artifact, size: 0 }), status: 'failed', reason: failure.reason }
}
