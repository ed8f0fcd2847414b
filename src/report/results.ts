// Result rows, built once from what each stage said about a file, and what is computed from them:
// the totals and the results file (the machine-readable contract). The outputs (outputs.ts) and the
// summary (summary.ts) are the other two renderings of the same Result[].
import { looksLikeReport } from '../recognition/report-like.js'
import { addCounts, deltaTotal, DELTAS, NO_FINDINGS, reportLabel, type Candidate, type PlannedUpload, type Recognition, type Result, type SeverityCounts, type UploadOutcome } from '../model.js'

/** Everything the stages said about one file, in the order they said it. */
export interface FileStages {
  readonly candidate: Candidate
  readonly recognition: Recognition
  /** Set when this file is not sent because another is: that one's label, and why (the same report reached twice, or the same content into the same test). */
  readonly copyOf?: { readonly label: string; readonly why: 'same-file' | 'same-test' } | null
  /** Labels of the copies skipped in favour of this file. */
  readonly copies?: readonly string[]
  readonly planned?: PlannedUpload | null
  readonly outcome?: UploadOutcome | null
  /** Why a report was not attempted (the run stopped before its upload). */
  readonly notAttempted?: string | null
  readonly dryRun?: boolean
}

/** The one Result of a file. */
export function fileResult(stages: FileStages): Result {
  const { candidate, recognition } = stages
  const report = recognition.kind === 'report' ? recognition : null
  const planned = stages.planned ?? null
  const outcome = stages.outcome ?? null
  const base: Result = {
    ...baseResult(candidate),
    scanType: report?.scanType ?? null,
    format: report?.format ?? null,
    tool: report?.tool ?? null,
    lane: report?.lane ?? null,
    reason: recognition.kind === 'skipped' ? recognition.reason : null,
    uploadName: report?.uploadName ?? null,
    product: planned?.target.product ?? null,
    productType: planned?.target.productType ?? null,
    engagement: planned?.target.engagement ?? null,
    testTitle: planned?.target.testTitle ?? null,
    duplicates: stages.copies ?? [],
    decidedBy: report?.decidedBy ?? null,
    evidence: recognition.evidence,
    fields: planned?.fields ?? null,
    humanReadable: recognition.kind === 'skipped' && recognition.humanReadable,
    reportLike: recognition.kind === 'skipped' && recognition.reportLike,
    unsafe: recognition.kind === 'skipped' && recognition.unsafe === true,
    contentReadsAs: report?.rule?.contradicts ? report.rule.readsAs : null
  }
  if (!report) return base
  if (stages.copyOf) {
    const { label, why } = stages.copyOf
    const reason =
      why === 'same-file'
        ? `same content as ${label}, which was used instead: the same report reached twice (a downloaded artifact's file also found under \`path\`), uploaded once`
        : `same content as ${label}, which goes to the same DefectDojo test: uploaded once`
    return { ...base, reason, duplicateOf: label }
  }
  if (stages.notAttempted) return { ...base, status: 'failed', reason: stages.notAttempted }
  if (stages.dryRun && planned) return { ...base, status: 'planned' }
  if (!outcome) return { ...base, status: 'failed', reason: 'not attempted.' }
  if (outcome.status === 'failed') return { ...base, status: 'failed', reason: outcome.reason, attempts: outcome.attempts, ...outcome.emptyTest }
  const { answer, links } = outcome
  return {
    ...base,
    status: 'uploaded',
    testId: answer.testId,
    testUrl: links.test,
    engagementId: answer.engagementId,
    engagementUrl: links.engagement,
    productId: answer.productId,
    productUrl: links.product,
    counts: answer.counts,
    evidence: [...recognition.evidence, ...outcome.evidence],
    attempts: outcome.attempts,
    newFindings: outcome.newFindings ?? [],
    novelty: outcome.novelty ?? null,
    ...(outcome.fixedFindings ? { fixedFindings: outcome.fixedFindings } : {})
  }
}

/** A skipped Result with every field present (null where not known), for one candidate. */
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
    counts: null,
    duplicates: [],
    duplicateOf: null,
    decidedBy: null,
    evidence: [],
    fields: null,
    humanReadable: false,
    reportLike: false,
    unsafe: false,
    contentReadsAs: null,
    attempts: 0,
    newFindings: [],
    novelty: null
  }
}

/** A Result for an artifact that could not be used at all (download failed, digest mismatch, expired). */
export function artifactFailureResult(failure: { artifact: string; reason: string }): Result {
  return { ...baseResult({ absolutePath: '', displayPath: '', artifact: failure.artifact, size: 0 }), status: 'failed', reason: failure.reason }
}

/** A Result for a file that was reached but cannot be used (a name that is not UTF-8, a link out of its folder…). */
export function unusableResult(file: { artifact: string | null; displayPath: string; reason: string }): Result {
  const candidate = { absolutePath: '', displayPath: file.displayPath, artifact: file.artifact, size: 0 }
  return { ...baseResult(candidate), reason: file.reason, reportLike: looksLikeReport(candidate, null) }
}

/** How a result is named in logs and tables: `artifact/path`, or the artifact alone. */
export function resultLabel(result: Pick<Result, 'artifact' | 'file'>, separator = '/'): string {
  return reportLabel({ artifact: result.artifact, displayPath: result.file }, separator)
}

/** A product and engagement the run's reports went to (or would go to), with their DefectDojo pages. */
export interface RunTarget {
  readonly productType: string | null
  readonly product: string
  readonly engagement: string
  readonly productUrl: string | null
  readonly engagementUrl: string | null
}

/** Each product and engagement of the results once, in the order they first appear, with the first links known. */
export function runTargets(results: readonly Result[]): RunTarget[] {
  const targets = new Map<string, RunTarget>()
  for (const r of results) {
    if (r.product === null || r.engagement === null) continue
    const key = JSON.stringify([r.product, r.engagement])
    const known = targets.get(key)
    targets.set(key, {
      productType: known?.productType ?? r.productType,
      product: r.product,
      engagement: r.engagement,
      productUrl: known?.productUrl ?? r.productUrl,
      engagementUrl: known?.engagementUrl ?? r.engagementUrl
    })
  }
  return [...targets.values()]
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
  /** Uploaded reports whose created findings by severity, or whose new ones, are not known (so `created-*` or `new-*` leave them out). */
  unknownCounts: number
  createdBySeverity: SeverityCounts
  activeBySeverity: SeverityCounts
  /** New findings (not on the default branch) over the reports whose split is known (engine/novelty.ts). */
  newBySeverity: SeverityCounts
  /** Uploaded reports whose new findings are not known. */
  newUnknown: number
  /** Findings already on the default branch, and triaged there (known to DefectDojo), over the known reports. */
  onMain: number
  triagedOnMain: number
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
    createdBySeverity: NO_FINDINGS,
    activeBySeverity: NO_FINDINGS,
    newBySeverity: NO_FINDINGS,
    newUnknown: 0,
    onMain: 0,
    triagedOnMain: 0
  }
  for (const r of results) {
    totals[r.status]++
    if (r.status !== 'uploaded') continue
    for (const delta of DELTAS) totals[delta] += deltaTotal(r, delta) ?? 0
    if (!r.counts?.created || r.novelty?.kind !== 'known') totals.unknownCounts++
    if (r.novelty?.kind === 'known') {
      totals.newBySeverity = addCounts(totals.newBySeverity, r.novelty.new)
      totals.onMain += r.novelty.onMain
      totals.triagedOnMain += r.novelty.triagedOnMain
    } else totals.newUnknown++
    if (r.counts?.created) totals.createdBySeverity = addCounts(totals.createdBySeverity, r.counts.created)
    if (r.counts?.activeAfter) totals.activeBySeverity = addCounts(totals.activeBySeverity, r.counts.activeAfter)
  }
  return totals
}

/** A result as the results file writes it: with the four delta totals flat beside `counts`. */
function documentRow(r: Result): Record<string, unknown> {
  const { counts, ...rest } = r
  const row: Record<string, unknown> = { ...rest }
  // Kept in the order the file has always had: the flat totals right before `counts`.
  const ordered: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key === 'duplicates') {
      for (const delta of DELTAS) ordered[delta] = deltaTotal(r, delta)
      ordered.counts = counts
    }
    ordered[key] = value
  }
  return ordered
}

/** The results file's JSON: a versioned envelope around every Result. */
export function resultsDocument(results: readonly Result[], meta: { dryRun: boolean; defectdojoUrl: string | null; defectdojoVersion?: string | null }): string {
  const totals = computeTotals(results)
  // defectdojoVersion: the release the server's schema names (null when it was not read).
  return JSON.stringify({ version: 1, dryRun: meta.dryRun, defectdojoUrl: meta.defectdojoUrl, defectdojoVersion: meta.defectdojoVersion ?? null, totals, results: results.map(documentRow) }, null, 2) + '\n'
}
