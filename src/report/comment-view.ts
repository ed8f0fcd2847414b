// Result[] → the pull request comment's view model, and the hidden marker the comment is found again by.
// The only place that knows which Result fields the comment reads: the classification against the
// default branch (Result.novelty, engine/novelty.ts) and the findings it listed. Nothing is recomputed.
import { createHash } from 'node:crypto'
import type { NewFinding, Result } from '../model.js'
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
 * An uploaded report, as its classification says: new against the default branch's matching test (or
 * against nothing, without one), and fixed only where a test was compared, its findings read completely.
 */
function uploaded(r: Result, redact: (text: string) => string): CommentReport {
  const name = redact(resultLabel(r))
  const novelty = r.novelty
  if (novelty === null || novelty.kind === 'unknown') {
    return { name, testUrl: r.testUrl, basis: 'unknown', introduced: [], introducedTotal: 0, fixed: null, fixedTotal: 0, note: redact(novelty?.why ?? 'not classified') }
  }
  const listed = (f: NewFinding): CommentFinding => ({ title: redact(f.title), severity: f.severity, url: f.url, file: f.file ? redact(f.file) : null, line: f.line ?? null, ...(f.reintroduced ? { reintroduced: true } : {}) })
  const introduced = r.newFindings.map(listed)
  const compared = novelty.against === 'default-branch-test' && novelty.fixed !== null
  return {
    name,
    testUrl: r.testUrl,
    basis: novelty.against === 'no-baseline' ? 'no-baseline' : 'main',
    baselineUrl: novelty.against === 'default-branch-test' ? novelty.baselineUrl : null,
    introduced,
    introducedTotal: Math.max(novelty.new.total, introduced.length),
    fixed: compared ? (r.fixedFindings ?? []).map(listed) : null,
    fixedTotal: compared ? (novelty.fixed ?? 0) : 0
  }
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
