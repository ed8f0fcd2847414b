// Result[] → the pull request comment's view model, and the hidden marker the comment is found again by.
// The only place that knows which Result fields the comment reads: when the Result carries the
// classification against the default branch, this adapter is what changes, not the renderer.
import { createHash } from 'node:crypto'
import { deltaTotal, type Result } from '../model.js'
import type { CommentFinding, CommentReport, CommentView } from './comment.js'
import { resultLabel } from './results.js'

export interface CommentMeta {
  readonly runUrl: string | null
  readonly commit: string | null
  readonly dryRun: boolean
  readonly marker: string
  /** Applied to every text taken from a report or a server (titles, paths, reasons). */
  readonly redact: (text: string) => string
}

/** The reports of the run as the comment shows them: uploaded ones and reports that failed; skipped files are not reports. */
export function commentView(results: readonly Result[], meta: CommentMeta): CommentView {
  const reports = results.flatMap((r): CommentReport[] => {
    if (r.status === 'uploaded') return [uploaded(r, meta.redact)]
    if (r.status === 'failed' && r.scanType !== null) return [{ name: meta.redact(resultLabel(r)), testUrl: r.testUrl, basis: 'failed', introduced: [], introducedTotal: 0, fixed: null, fixedTotal: 0, note: r.reason === null ? null : meta.redact(r.reason) }]
    return []
  })
  return { marker: meta.marker, reports, runUrl: meta.runUrl, commit: meta.commit, dryRun: meta.dryRun }
}

/**
 * An uploaded report. Until the Result carries the comparison with the default branch, what DefectDojo
 * created in this import is shown, said to be so (`import`), and nothing is claimed fixed.
 */
function uploaded(r: Result, redact: (text: string) => string): CommentReport {
  const introduced = r.newFindings.map((f): CommentFinding => ({ title: redact(f.title), severity: f.severity, url: f.url, file: f.file ? redact(f.file) : null, line: f.line ?? null }))
  const total = deltaTotal(r, 'created')
  return { name: redact(resultLabel(r)), testUrl: r.testUrl, basis: total === null ? 'unknown' : 'import', introduced, introducedTotal: Math.max(total ?? 0, introduced.length), fixed: null, fixedTotal: 0, note: total === null ? 'DefectDojo did not say what it created' : null }
}

export interface MarkerParts {
  readonly workflow: string
  readonly job: string
  /** The matrix leg as the runner gives it (`toJson(matrix)`), or '' outside a matrix. */
  readonly matrix: string
  /** The DefectDojo products of the run. */
  readonly products: readonly string[]
}

/**
 * One comment per workflow, job, matrix leg and product: a hash of them in an HTML comment, so a name
 * can neither break out of the comment nor be read from it.
 */
export function commentMarker(parts: MarkerParts): string {
  const matrix = normalizeMatrix(parts.matrix)
  const key = JSON.stringify([parts.workflow, parts.job, matrix, [...new Set(parts.products)].sort()])
  return `<!-- defectdojo-reimport-action pr-comment ${createHash('sha256').update(key).digest('hex').slice(0, 24)} -->`
}

/** `toJson(matrix)` is pretty-printed JSON ("null" outside a matrix): compared by its content. */
function normalizeMatrix(value: string): string {
  const trimmed = value.trim()
  if (!trimmed || trimmed === 'null' || trimmed.startsWith('${{')) return ''
  try {
    return JSON.stringify(JSON.parse(trimmed))
  } catch {
    return trimmed
  }
}
