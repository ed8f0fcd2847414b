// The pull request comment: a fourth rendering of the run's results, pure like the summary, over one
// small view model (what each report introduces and fixes). Titles and paths come from reports, so every
// one is escaped as the summary escapes them, and further kept from mentioning people or linking issues
// (GitHub turns `@name` and `#123` into mentions and references in comments, even from entities); the
// body stays under GitHub's 65,536-character limit by listing fewer findings, never by cutting Markdown.
import { SEVERITIES } from '../model.js'
import { escapeMarkdown, safeUrl } from './summary.js'

/** A finding as the comment lists it. */
export interface CommentFinding {
  readonly title: string
  /** DefectDojo's spelling: Critical, High, Medium, Low, Info. */
  readonly severity: string
  /** Its page in DefectDojo. */
  readonly url: string | null
  /** Where DefectDojo says it is, as the report wrote it. */
  readonly file: string | null
  readonly line: number | null
  /** Fixed on the default branch once, and back. */
  readonly reintroduced?: boolean
}

/**
 * What a report's findings were compared with:
 * - `main`: the default branch's matching test (new means new there);
 * - `no-baseline`: the default branch has no matching test yet, so every finding counts as new;
 * - `unknown`: the comparison could not be made (a lookup failed); nothing is claimed;
 * - `failed`: the report did not land in DefectDojo.
 */
export type CommentBasis = 'main' | 'no-baseline' | 'unknown' | 'failed'

export interface CommentReport {
  /** The report's name (artifact/path). */
  readonly name: string
  readonly testUrl: string | null
  readonly basis: CommentBasis
  /** The default branch's matching test it was compared with. */
  readonly baselineUrl?: string | null
  /** The introduced findings known by name (may be fewer than the total). */
  readonly introduced: readonly CommentFinding[]
  readonly introducedTotal: number
  /** The fixed ones; null where fixing cannot be said (not compared, not read completely, not uploaded). */
  readonly fixed: readonly CommentFinding[] | null
  readonly fixedTotal: number
  /** Why it failed or could not be compared. */
  readonly note?: string | null
}

export interface CommentView {
  /** The hidden marker the comment is found again by (an HTML comment). */
  readonly marker: string
  readonly reports: readonly CommentReport[]
  /** The workflow run, whose page has the job summary. */
  readonly runUrl: string | null
  readonly commit: string | null
  readonly dryRun: boolean
}

/** GitHub refuses longer comment bodies (422 "body is too long (maximum is 65536 characters)"). */
export const COMMENT_LIMIT = 65_536
/** Findings listed per report and list before "and N more". */
const INTRODUCED_SHOWN = 25
const FIXED_SHOWN = 10
const TITLE_MAX = 160
const PATH_MAX = 120

/** True when something was introduced or fixed: `pr-comment: auto` writes a new comment only then. */
export function hasNews(view: CommentView): boolean {
  return view.reports.some((r) => r.introducedTotal > 0 || r.fixedTotal > 0)
}

/** The comment's Markdown, at most `limit` characters. */
export function renderComment(view: CommentView, limit: number = COMMENT_LIMIT): string {
  // Fewer rows per report until it fits; at zero the counts and links remain.
  for (let shown = INTRODUCED_SHOWN; ; shown = Math.floor(shown / 2)) {
    const body = render(view, shown, Math.min(FIXED_SHOWN, shown))
    if (body.length <= limit || shown === 0) return body.length <= limit ? body : cut(body, limit, view)
  }
}

function render(view: CommentView, shown: number, fixedShown: number): string {
  const introduced = sum(view.reports, (r) => r.introducedTotal)
  const fixed = sum(view.reports, (r) => r.fixedTotal)
  const out: string[] = [view.marker, `### DefectDojo: ${headline(view, introduced, fixed)}`, '']
  for (const report of view.reports) out.push(...reportSection(report, view, shown, fixedShown))
  out.push(statusLine(view))
  return out.join('\n') + '\n'
}

function headline(view: CommentView, introduced: number, fixed: number): string {
  if (view.dryRun) return 'dry run, nothing was uploaded'
  if (view.reports.length === 0) return 'no reports uploaded'
  const parts = [`${fmt(introduced)} new ${introduced === 1 ? 'finding' : 'findings'}`]
  if (fixed > 0) parts.push(`${fmt(fixed)} fixed`)
  return parts.join(', ')
}

function reportSection(report: CommentReport, view: CommentView, shown: number, fixedShown: number): string[] {
  const name = link(clip(report.name, PATH_MAX, 'middle'), report.testUrl)
  const out: string[] = []
  const facts: string[] = []
  switch (report.basis) {
    case 'failed':
      out.push(`**${name}**: not uploaded${report.note ? `: ${text(clip(report.note, 300))}` : ''}. It introduces and fixes nothing here.`, '')
      return out
    case 'unknown':
      facts.push(`could not be compared with the default branch${report.note ? ` (${text(clip(report.note, 300))})` : ''}: nothing is claimed`)
      break
    case 'no-baseline':
      facts.push('no baseline on the default branch yet: every finding counts as new')
      break
    case 'main':
      if (safeUrl(report.baselineUrl)) facts.push(`compared with [the default branch's test](${safeUrl(report.baselineUrl)!})`)
      break
  }
  if (report.basis !== 'unknown') facts.unshift(`${fmt(report.introducedTotal)} new`)
  if (report.fixed !== null) facts.push(`${fmt(report.fixedTotal)} fixed`)
  out.push(`**${name}**: ${facts.join(' · ')}`, '')
  if (report.introducedTotal > 0 && report.basis !== 'unknown') {
    const rows = bySeverity(report.introduced).slice(0, shown)
    if (rows.length > 0) out.push(...table(rows), '')
    const more = report.introducedTotal - rows.length
    if (more > 0) out.push(`…and ${fmt(more)} more${moreWhere(report, view)}.`, '')
  }
  if (report.fixed !== null && report.fixedTotal > 0) {
    const rows = bySeverity(report.fixed).slice(0, fixedShown)
    out.push('Fixed:', '')
    for (const f of rows) out.push(`- ${severity(f)} ${link(clip(f.title, TITLE_MAX), f.url)}${f.file ? ` in ${location(f)}` : ''}`)
    const more = report.fixedTotal - rows.length
    if (more > 0) out.push(`- …and ${fmt(more)} more${moreWhere(report, view)}.`)
    out.push('')
  }
  return out
}

function table(rows: readonly CommentFinding[]): string[] {
  return ['| Severity | Finding | Where |', '| --- | --- | --- |', ...rows.map((f) => `| ${severity(f)} | ${link(clip(f.title, TITLE_MAX), f.url)}${f.reintroduced ? ' (reintroduced)' : ''} | ${f.file ? location(f) : '–'} |`)]
}

/** Where the rest are: the DefectDojo test and the job summary. */
function moreWhere(report: CommentReport, view: CommentView): string {
  const places = [safeUrl(report.testUrl) ? `[in DefectDojo](${safeUrl(report.testUrl)!})` : null, safeUrl(view.runUrl) ? `[in the job summary](${safeUrl(view.runUrl)!})` : null].filter((x): x is string => x !== null)
  return places.length > 0 ? `: ${places.join(' and ')}` : ''
}

function statusLine(view: CommentView): string {
  const uploaded = view.reports.filter((r) => r.basis !== 'failed').length
  const failed = view.reports.length - uploaded
  const parts = [`${fmt(uploaded)} ${uploaded === 1 ? 'report' : 'reports'} uploaded`]
  if (failed > 0) parts.push(`**${fmt(failed)} failed**`)
  const unknown = view.reports.filter((r) => r.basis === 'unknown').length
  if (unknown > 0) parts.push(`${fmt(unknown)} not compared`)
  if (view.commit && /^[0-9a-f]{7,64}$/i.test(view.commit)) parts.push(`commit \`${view.commit.slice(0, 7)}\``)
  const run = safeUrl(view.runUrl)
  if (run) parts.push(`[job summary](${run})`)
  return `<sub>${parts.join(' · ')}</sub>`
}

/** Last resort when even the counts do not fit (thousands of reports): the head of the body, cut between lines. */
function cut(body: string, limit: number, view: CommentView): string {
  const run = safeUrl(view.runUrl)
  const tail = `\n…the rest did not fit in a comment${run ? `: see the [job summary](${run})` : ''}.\n`
  const head = body.slice(0, limit - tail.length)
  return head.slice(0, head.lastIndexOf('\n\n') + 1) + tail
}

// ---------------------------------------------------------------------------------------------------

/** Most severe first; reports' own order within a severity. */
function bySeverity(findings: readonly CommentFinding[]): CommentFinding[] {
  return findings.map((f, i) => ({ f, i, rank: rank(f.severity) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.f)
}

/** 0 for Critical … 4 for Info; 5 for anything else. */
export function rank(severity: string): number {
  const index = (SEVERITIES as readonly string[]).indexOf(severity.toLowerCase())
  return index === -1 ? SEVERITIES.length : index
}

function severity(f: CommentFinding): string {
  return `**${text(clip(f.severity, 12))}**`
}

function location(f: CommentFinding): string {
  return text(clip(f.line ? `${f.file}:${f.line}` : (f.file ?? ''), PATH_MAX, 'middle'))
}

/**
 * Text from a report, harmless in a comment: escaped like the summary, and a word joiner after `@` and `#`
 * so GitHub neither notifies anyone nor links an issue (its filters run on the rendered text).
 */
export function text(value: string): string {
  return escapeMarkdown(value).replace(/(&#64;|\\#)/g, '$1\u2060')
}

function link(label: string, url: string | null): string {
  const href = safeUrl(url)
  return href ? `[${text(label)}](${href})` : text(label)
}

/** At most `max` characters: cut at the end for titles, in the middle for paths (the file name stays). */
function clip(value: string, max: number, where: 'end' | 'middle' = 'end'): string {
  const chars = Array.from(value)
  if (chars.length <= max) return value
  if (where === 'end') return chars.slice(0, max - 1).join('') + '…'
  const head = Math.ceil((max - 1) / 2)
  return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - (max - 1 - head)).join('')
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((n, item) => n + of(item), 0)
}

function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
