// File and line annotations for the findings a run introduces: pure, from the comment's view model. GitHub
// shows at most 10 error and 10 warning annotations per step (and 50 per job; actions/toolkit
// docs/problem-matchers.md, "Limitations"), so the most severe come first, within what the step has left,
// and the rest are counted. Paths must be relative to the repository root; DefectDojo keeps what the
// report wrote, so the prefixes scanners add are removed and what still cannot be placed is counted.
import type { CommentFinding, CommentReport } from './comment.js'
import { rank } from './comment.js'

export interface FindingAnnotation {
  /** Critical and High are errors, the rest warnings. */
  readonly level: 'error' | 'warning'
  /** Relative to the repository root, `/`-separated. */
  readonly file: string
  readonly line: number
  readonly title: string
  readonly message: string
}

export interface AnnotationPlan {
  readonly annotations: readonly FindingAnnotation[]
  /** Placeable findings beyond the step's limits. */
  readonly leftOut: number
  /** Findings with no file and line, or a path outside the repository. */
  readonly unplaced: number
}

/** What the step may still show of each kind. */
export interface AnnotationBudget {
  readonly errors: number
  readonly warnings: number
}

/** GitHub's per-step limits of each kind. */
export const STEP_LIMIT = 10

/**
 * Prefixes removed from a finding's path, in this order: a `file://` URI scheme, the runner's workspace
 * (given), the workspace as container actions see it (`/github/workspace/`), the mount container scanners
 * are told to use (`/src/`, e.g. `docker run -v "$PWD:/src"`), and `./`.
 */
export const REMOVED_PREFIXES = ['file://', '$GITHUB_WORKSPACE/', '/github/workspace/', '/src/', './'] as const

export function planAnnotations(reports: readonly CommentReport[], workspace: string, budget: AnnotationBudget): AnnotationPlan {
  const placed: { finding: CommentFinding; report: CommentReport; file: string; line: number }[] = []
  let unplaced = 0
  for (const report of reports) {
    if (report.basis === 'failed' || report.basis === 'unknown') continue
    for (const finding of report.introduced) {
      const file = finding.file ? repositoryPath(finding.file, workspace) : null
      if (file === null || !finding.line || finding.line < 1) unplaced++
      else placed.push({ finding, report, file, line: finding.line })
    }
    // Introduced findings DefectDojo did not name to this run: no place known for them either.
    unplaced += Math.max(0, report.introducedTotal - report.introduced.length)
  }
  placed.sort((a, b) => rank(a.finding.severity) - rank(b.finding.severity))
  const left = { error: Math.max(0, budget.errors), warning: Math.max(0, budget.warnings) }
  const annotations: FindingAnnotation[] = []
  for (const { finding, report, file, line } of placed) {
    const level = rank(finding.severity) <= 1 ? 'error' : 'warning'
    if (left[level] === 0) continue
    left[level]--
    annotations.push({
      level,
      file,
      line,
      title: oneLine(`New ${finding.severity} finding${finding.reintroduced ? ' (reintroduced)' : ''}`, 100),
      message: oneLine(`${finding.title} (${report.name}${finding.url ? `; DefectDojo: ${finding.url}` : ''})`, 1000)
    })
  }
  return { annotations, leftOut: placed.length - annotations.length, unplaced }
}

/** A finding's path relative to the repository root, or null when it points outside it. */
export function repositoryPath(path: string, workspace: string): string | null {
  let p = path.trim().replace(/\\/g, '/')
  if (p.startsWith('file://')) p = decodeURIComponentSafe(p.slice('file://'.length))
  p = p.replace(/\/{2,}/g, '/')
  const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '')
  if (root && p.startsWith(`${root}/`)) p = p.slice(root.length + 1)
  for (const prefix of ['/github/workspace/', '/src/']) if (p.startsWith(prefix)) p = p.slice(prefix.length)
  while (p.startsWith('./')) p = p.slice(2)
  // Still absolute, a URL, a drive letter or climbing out: not a file of this repository.
  if (!p || p.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(p) || p.split('/').includes('..')) return null
  return p
}

/** One line, no control characters, at most `max` characters: the runner reads annotation text line by line. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
  const chars = Array.from(flat)
  return chars.length <= max ? flat : chars.slice(0, max - 1).join('') + '…'
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
