// Result[] → the job summary's Markdown. Pure, so it is snapshot-tested. The summary is raw Markdown
// with HTML allowed: every string from a file name, an artifact name or a server answer is escaped,
// and links are only made from http(s) URLs. GitHub rejects a step summary over 1 MiB, so the page is
// fitted to SUMMARY_LIMIT_BYTES by dropping detail in a fixed order; the headline is never dropped.
//
// The page answers "what got worse?" first: the headline, where the reports went (branch, commit,
// engagement), then the reports that brought new findings (ones the default branch does not have,
// engine/novelty.ts) with their titles, then every other report, then why some failed or were skipped.
import { sourceInputs } from '../config/inputs.js'
import { DELTAS, NO_FINDINGS, SEVERITIES, addCounts, deltaTotal, reportLabel, type Delta, type Result, type SeverityCounts, type Status } from '../model.js'
import { computeTotals, runTargets, type RunTarget, type Totals } from './results.js'

/**
 * The byte budget of one rendered summary. GitHub rejects a step summary over 1 MiB (1,048,576 bytes);
 * this keeps a margin below both that and a decimal megabyte.
 */
export const SUMMARY_LIMIT_BYTES = 950_000

export interface SummaryMeta {
  dryRun: boolean
  defectdojoUrl: string | null
  /** A failure that stopped the run (invalid input, collision, preflight), shown above everything else. */
  fatal: string | null
  /** The workflow run's page, linked under the headline. */
  runUrl?: string | null
  /** The `build_id` sent with every report, shown under the headline. */
  buildId?: string
  /**
   * Whether the step fails because reports failed (the failure policy, `fail-on-error`). When left out it
   * is assumed to fail whenever a report failed (the default policy). False says the step passes anyway.
   */
  failedStep?: boolean
  /** Planned names that change on every run (a new test each time), one sentence each with the fix. */
  volatileNames?: readonly string[]
  /** Why nothing was sent although the run was not a dry run (GitHub gave it no secrets), or null. */
  noCredentials?: string | null
  /** The branch the reports describe; empty or left out when not on a branch. */
  branch?: string | null
  /** The tag of a tag push. */
  tag?: string | null
  /** The commit the reports describe, shown short. */
  commit?: string | null
  /** The commit's page on the forge, linked from the short commit. */
  commitUrl?: string | null
  /** The products and engagements of the run, each once; taken from the results when left out. */
  targets?: readonly RunTarget[]
}

export interface SummaryOptions {
  /** Byte budget; SUMMARY_LIMIT_BYTES unless a test asks for less. */
  limitBytes?: number
}

// ---------------------------------------------------------------------------------------------------
// Escaping

/** Bidirectional controls would let a name display differently from what it is: shown as code points. */
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** Control characters and line breaks → spaces; bidi controls → visible code points. */
function normalize(text: string): string {
  return text
    .replace(/\r\n?|\n|[\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
    .replace(BIDI, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
}

/** Entity and backslash escapes for text already normalized to a single line. */
function escapeLine(text: string): string {
  const escaped = text
    // Backslash escapes first: the entities below contain `#`, which must stay unescaped.
    .replace(/([\\`*_[\]#~!])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;')
    // GitHub turns bare URLs, www. names and e-mail addresses into links; a name must not become one.
    .replace(/:\/\//g, '&#58;//')
    .replace(/(www)\./gi, '$1&#46;')
    .replace(/@/g, '&#64;')
  // A list marker, ordered-list number, setext underline or thematic break only matters at a line's start.
  return escaped.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2')
}

/**
 * Escapes text for a Markdown table cell, list item or paragraph that allows inline HTML: no HTML, no
 * Markdown syntax, no table cell break, no autolink, no line break survives.
 */
export function escapeMarkdown(text: string): string {
  return escapeLine(normalize(text))
}

/**
 * Escapes a sentence (a reason, an error message) like escapeMarkdown, but keeps `single backtick`
 * spans as code: their content is literal in Markdown, so it cannot inject anything. Spans with a `|`
 * (a table cell break) or other backticks nearby are escaped like the rest.
 */
function escapeProse(text: string): string {
  const line = normalize(text)
  const out: string[] = []
  let last = 0
  for (const match of line.matchAll(/(?<!`)`([^`|]{1,200})`(?!`)/g)) {
    out.push(escapeLine(line.slice(last, match.index)), match[0])
    last = match.index + match[0].length
  }
  out.push(escapeLine(line.slice(last)))
  // Only the first segment sits at the start of the line; escapeLine on later ones may have added a
  // backslash before a leading `-` or digit mid-line, which renders the same.
  return out.join('')
}

/** Shortens to at most `max` characters: the middle for names (keeps the file name), the end for sentences. */
function clip(text: string, max: number, where: 'middle' | 'end'): string {
  if (text.length <= max) return text
  const chars = Array.from(text)
  if (chars.length <= max) return text
  if (where === 'end') return chars.slice(0, max - 1).join('') + '…'
  const head = Math.ceil((max - 1) / 2)
  return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - (max - 1 - head)).join('')
}

const NAME_MAX = 200
const SENTENCE_MAX = 400
const VALUE_MAX = 300
const FATAL_MAX_LINES = 40
const FATAL_MAX_CHARS = 8_000
const WARNINGS_SHOWN = 10
/** Reports whose new findings are unknown, listed with why. */
const UNKNOWN_SHOWN = 20
const TITLE_MAX = 200
const TARGETS_SHOWN = 5
const NO_REPORT_SHOWN = 20

/** An http(s) URL made safe for a Markdown link destination, or null when it is not one. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  // href is percent-encoded except for these, which end a destination, a table cell or start an entity.
  return parsed.href.replace(/[()|[\]<> `"']/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).replace(/&/g, '&amp;')
}

/** A link whose text is escaped and whose URL is only used when it is http(s); plain text otherwise. */
function link(text: string, url: string | null | undefined): string {
  const label = escapeMarkdown(text)
  const href = safeUrl(url)
  return href ? `[${label}](${href})` : label
}

// ---------------------------------------------------------------------------------------------------
// Numbers and names

/** 12,345: a plain thousands separator (toLocaleString would load ICU data on first use, ~17 ms of cold start). */
function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmt(n)} ${n === 1 ? one : many}`
}

/** A count in a table cell: a dash for zero so the numbers that matter stand out, `?` when DefectDojo did not say (explained under the table). */
function cell(value: number | null): string {
  return value === null ? '?' : value === 0 ? '–' : fmt(value)
}

/** Each status as a word with a plain symbol, so it reads without colour and in a screen reader. Skipped files are not table rows (their section says why each was skipped); the mark is there for completeness. */
const STATUS_MARK: Readonly<Record<Status, string>> = {
  uploaded: '✓ uploaded',
  planned: '○ planned',
  failed: '**✗ failed**',
  skipped: '– skipped'
}

function isWholeArtifact(r: Result): boolean {
  return !r.file && r.artifact !== null
}

/** How a report is named here: `artifact / file` (spaced for reading), or the artifact when the whole artifact failed. */
function reportName(r: Result): string {
  return clip(reportLabel({ artifact: r.artifact, displayPath: r.file }, ' / '), NAME_MAX, 'middle')
}

function name(r: Result): string {
  return escapeMarkdown(reportName(r))
}

/** A report whose reimport changed nothing: zero created, closed and reactivated (all three known). */
function isUnchanged(r: Result): boolean {
  return deltaTotal(r, 'created') === 0 && deltaTotal(r, 'closed') === 0 && deltaTotal(r, 'reactivated') === 0
}

/** An uploaded report that brought new findings (the default branch does not have them): what the page leads with. */
function broughtWorse(r: Result): boolean {
  return r.status === 'uploaded' && r.novelty?.kind === 'known' && r.novelty.new.total > 0
}

/** New findings by severity, zero when not known (such a report is never in the lead). */
function newOf(r: Result): SeverityCounts {
  return r.novelty?.kind === 'known' ? r.novelty.new : NO_FINDINGS
}

/** A skipped file listed with its reason: a copy of a report, or a file that looks like one (warned about). */
function isListedSkip(r: Result): boolean {
  return r.status === 'skipped' && (r.duplicateOf !== null || (r.reportLike && !r.humanReadable))
}

// ---------------------------------------------------------------------------------------------------
// The model the page is rendered from

interface Page {
  results: readonly Result[]
  meta: SummaryMeta
  totals: Totals
  targets: readonly RunTarget[]
  uploaded: Result[]
  /** Reports that brought new findings, the most critical first. */
  worse: Result[]
  /** Every other report, in table order: failed first, then uploaded or planned ones by target. */
  rest: Result[]
  failed: Result[]
  /** Skipped files listed one by one with their reasons. */
  skipped: Result[]
  /** Artifacts in which no file is a report nor looks like one: one line each. */
  noReport: Array<{ artifact: string; files: number }>
  /** Other skipped files, counted: files for people (HTML reports, notes…), and build output or data. */
  forPeople: number
  otherFiles: number
}

/** What to leave out to fit the budget, in the order it is given up. */
interface Shape {
  /** Reports whose reimport changed nothing are counted in one line instead of listed. */
  collapseUnchanged: boolean
  /** The severity breakdown per report (the totals by severity always stay). */
  severityPerReport: boolean
  /** Listed items kept, failed first, then report rows (new Critical/High first), then skipped files; Infinity keeps all. */
  keep: number
}

function buildPage(results: readonly Result[], meta: SummaryMeta): Page {
  const uploaded = results.filter((r) => r.status === 'uploaded')
  const failed = results.filter((r) => r.status === 'failed')
  // sort is stable: reports with the same counts keep the order they were found in.
  const worse = uploaded.filter(broughtWorse).sort((a, b) => SEVERITIES.reduce((order, s) => order || newOf(b)[s] - newOf(a)[s], 0))
  const others = results.filter((r) => (r.status === 'uploaded' || r.status === 'planned') && !broughtWorse(r))

  const noReport = [...groupBy(results, (r) => r.artifact)].filter(([, rows]) => rows.every((r) => r.status === 'skipped' && !isListedSkip(r))).map(([artifact, rows]) => ({ artifact, files: rows.length }))
  const inNoReport = new Set(noReport.map((a) => a.artifact))
  const counted = results.filter((r) => r.status === 'skipped' && !isListedSkip(r) && !(r.artifact !== null && inNoReport.has(r.artifact)))
  return {
    results,
    meta,
    totals: computeTotals(results),
    targets: meta.targets ?? runTargets(results),
    uploaded,
    worse,
    rest: [...failed, ...byTarget(others)],
    failed,
    skipped: results.filter(isListedSkip),
    noReport,
    forPeople: counted.filter((r) => r.humanReadable).length,
    otherFiles: counted.filter((r) => !r.humanReadable).length
  }
}

/** Rows grouped by product and engagement, in the order each group first appears. */
function byTarget(rows: readonly Result[]): Result[] {
  return [...groupBy(rows, (r) => JSON.stringify([r.product, r.engagement])).values()].flat()
}

function groupBy(rows: readonly Result[], key: (r: Result) => string | null): Map<string, Result[]> {
  const groups = new Map<string, Result[]>()
  for (const r of rows) {
    const k = key(r)
    if (k === null) continue
    const group = groups.get(k)
    if (group) group.push(r)
    else groups.set(k, [r])
  }
  return groups
}

// ---------------------------------------------------------------------------------------------------
// Sections

function title(): string[] {
  return ['## DefectDojo reimport', '']
}

/** Blockquote lines of a message that may span several lines, each escaped, clipped to a sane size. */
function quoted(message: string): string[] {
  let lines = clip(message, FATAL_MAX_CHARS, 'end')
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const more = lines.length - FATAL_MAX_LINES
  if (more > 0) lines = [...lines.slice(0, FATAL_MAX_LINES), `… ${plural(more, 'more line')} in the step log.`]
  // A hard line break (trailing backslash) keeps the lines apart inside one blockquote paragraph.
  return lines.map((l, i) => `> ${escapeProse(l)}${i < lines.length - 1 ? '\\' : ''}`)
}

function banners(page: Page): string[] {
  const { meta, totals: t } = page
  const out: string[] = []
  const reports = t.uploaded + t.planned + t.failed
  if (meta.fatal) {
    const what = meta.dryRun
      ? ': nothing was sent to DefectDojo'
      : t.uploaded === 0
        ? ': nothing was uploaded to DefectDojo'
        : ` (${plural(t.uploaded, 'report was', 'reports were')} uploaded)`
    out.push('> [!CAUTION]', `> **The step failed${what}.**`, '>', ...quoted(meta.fatal), '')
  } else if (t.failed > 0) {
    const failing = meta.failedStep ?? true
    const verb = meta.dryRun ? 'failed' : 'failed to upload'
    const uploadedNote = !meta.dryRun && t.uploaded > 0 ? ` The other ${plural(t.uploaded, 'report is', 'reports are')} in DefectDojo.` : ''
    if (failing) {
      out.push('> [!CAUTION]', `> **This step failed because ${fmt(t.failed)} of ${plural(reports, 'report')} ${verb}.**${uploadedNote} Why each failed is under *Failed* below.`, '')
    } else {
      out.push('> [!WARNING]', `> **${fmt(t.failed)} of ${plural(reports, 'report')} ${verb}**; the step passes anyway (\`fail-on-error\` is off).${uploadedNote} Why each failed is under *Failed* below.`, '')
    }
  }
  if (meta.noCredentials) {
    out.push('> [!NOTE]', '> **Nothing was uploaded: this run has no DefectDojo credentials.**', '>', ...quoted(meta.noCredentials), '')
  } else if (meta.dryRun) {
    out.push(
      '> [!NOTE]',
      '> **Dry run**: nothing was sent to DefectDojo. Below is the plan: where each report would go and every field that would be sent with it.',
      ''
    )
  }
  const warnings = meta.volatileNames ?? []
  if (warnings.length > 0) {
    const shown = warnings.slice(0, WARNINGS_SHOWN)
    const more = warnings.length - shown.length
    out.push('> [!WARNING]', `> **${plural(warnings.length, 'name changes', 'names change')} on every run**, so ${warnings.length === 1 ? 'its test is' : 'their tests are'} new each time and fixed findings are never closed:`, '>')
    for (const warning of shown) out.push(`> - ${escapeProse(clip(warning, SENTENCE_MAX * 2, 'end'))}`)
    if (more > 0) out.push(`> - … and ${plural(more, 'more')} (in the step log).`)
    out.push('')
  }
  return out
}

/** The one line a reader gets in two seconds. */
function headline(page: Page): string[] {
  const { meta, totals: t } = page
  const parts: string[] = [meta.dryRun ? `**${fmt(t.planned)}** ${t.planned === 1 ? 'report' : 'reports'} planned` : `**${fmt(t.uploaded)}** uploaded`]
  parts.push(`${fmt(t.skipped)} skipped`)
  const whole = page.failed.filter(isWholeArtifact).length
  parts.push(t.failed > 0 ? `**${fmt(t.failed)} failed**${whole > 0 ? ` (${plural(whole, 'whole artifact')})` : ''}` : '0 failed')
  let line = parts.join(' · ')

  if (!meta.dryRun) {
    if (page.results.length === 0) line += meta.fatal ? '' : ` — no files were found: check ${sourceInputs()}`
    else if (t.uploaded === 0) line += ' — nothing was uploaded'
    else line += ` — ${newHeadline(page)} — ${findings(page)}`
  } else if (page.results.length === 0 && !meta.fatal) {
    line += ` — no files were found: check ${sourceInputs()}`
  }
  return [line, '']
}

/**
 * The totals of the reports DefectDojo gave all four counts for. Reports without them are named as
 * such, never added as 0: "findings in 3 of 5 reports (DefectDojo did not return counts for 2)".
 */
function findings(page: Page): string {
  const complete = page.uploaded.filter((r) => DELTAS.every((d) => deltaTotal(r, d) !== null))
  if (complete.length === 0) return "findings: **unknown**: DefectDojo's answers had no counts (its import history may be off)"
  const sum = (d: Delta): number => complete.reduce((total, r) => total + (deltaTotal(r, d) ?? 0), 0)
  const bySeverity = SEVERITIES.map((s) => [s, complete.reduce((total, r) => total + (r.counts?.created?.[s] ?? 0), 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${fmt(n)} ${s}`)
  const created = `${fmt(sum('created'))} created${sum('created') > 0 && bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}`
  const rest = (['closed', 'reactivated', 'untouched'] as const).map((d) => `${fmt(sum(d))} ${d}`)
  const missing = page.uploaded.length - complete.length
  const scope = missing > 0 ? ` in ${fmt(complete.length)} of ${plural(page.uploaded.length, 'report')} (DefectDojo did not return counts for ${missing === 1 && complete.length === 1 ? 'the other' : fmt(missing)})` : ''
  return `DefectDojo's counts${scope}: ${[created, ...rest].join(' · ')}`
}

/**
 * What is new leads: "**1 new** (1 high) · 27 already on the default branch · 1 known to DefectDojo",
 * over the reports whose split is known; the others are named as unknown, never added as 0.
 */
function newHeadline(page: Page): string {
  const t = page.totals
  const known = page.uploaded.length - t.newUnknown
  if (known === 0) return '**new findings unknown** (see below)'
  const bySeverity = SEVERITIES.filter((s) => t.newBySeverity[s] > 0).map((s) => `${fmt(t.newBySeverity[s])} ${s}`)
  const parts = [`**${fmt(t.newBySeverity.total)} new**${bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}`]
  if (t.onMain > 0) parts.push(`${fmt(t.onMain)} already on the default branch`)
  if (t.triagedOnMain > 0) parts.push(`${fmt(t.triagedOnMain)} known to DefectDojo`)
  if (t.newUnknown > 0) parts.push(`**unknown for ${plural(t.newUnknown, 'report')}**`)
  return parts.join(' · ')
}

/** A Git commit shown short, as code when it is a hash (which cannot carry markup). */
function shortCommit(commit: string, url: string | null | undefined): string {
  const text = /^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : escapeMarkdown(clip(commit, 40, 'end'))
  const href = safeUrl(url)
  return href ? `[${text}](${href})` : text
}

/** "engagement **CI main** of product **acme/web**", each linked to its DefectDojo page. */
function engagementOf(t: RunTarget, words: boolean): string {
  const engagement = `**${link(clip(t.engagement, NAME_MAX, 'middle'), t.engagementUrl)}**`
  const product = `**${link(clip(t.product, NAME_MAX, 'middle'), t.productUrl)}**`
  return words ? `engagement ${engagement} of product ${product}` : `${engagement} of ${product}`
}

/** Branch, short commit and where the reports went, once for the whole page. */
function where(page: Page): string[] {
  const { meta, targets } = page
  const parts: string[] = []
  if (meta.branch) parts.push(`Branch **${escapeMarkdown(clip(meta.branch, NAME_MAX, 'middle'))}**`)
  if (meta.tag) parts.push(`Tag **${escapeMarkdown(clip(meta.tag, NAME_MAX, 'middle'))}**`)
  if (meta.commit) parts.push(`commit ${shortCommit(meta.commit, meta.commitUrl)}`)
  if (targets.length === 1) {
    const t = targets[0]!
    parts.push(`${engagementOf(t, true)}${t.productType ? ` (product type ${escapeMarkdown(clip(t.productType, NAME_MAX, 'middle'))})` : ''}`)
  } else if (targets.length > 1) {
    const shown = targets.slice(0, TARGETS_SHOWN).map((t) => engagementOf(t, false))
    const more = targets.length - TARGETS_SHOWN
    parts.push(`${fmt(targets.length)} engagements: ${shown.join(', ')}${more > 0 ? ` and ${fmt(more)} more` : ''}`)
  }
  if (parts.length === 0) return []
  const line = parts.join(' · ')
  return [line[0]!.toUpperCase() + line.slice(1), '']
}

/** DefectDojo, build and run, small, under the headline. */
function context(meta: SummaryMeta): string[] {
  const parts: string[] = []
  const dojo = safeUrl(meta.defectdojoUrl)
  if (dojo && meta.defectdojoUrl) parts.push(`DefectDojo ${link(new URL(meta.defectdojoUrl).host, meta.defectdojoUrl)}`)
  if (meta.buildId) parts.push(`build ${escapeMarkdown(clip(meta.buildId, VALUE_MAX, 'end'))}`)
  if (safeUrl(meta.runUrl)) parts.push(link('workflow run', meta.runUrl))
  return parts.length > 0 ? [`<sub>${parts.join(' · ')}</sub>`, ''] : []
}

function tableHead(columns: readonly string[], numeric: number): string[] {
  return [`| ${columns.join(' | ')} |`, `| ${columns.map((_, i) => (i >= columns.length - numeric ? '---:' : '---')).join(' | ')} |`]
}

function duplicatesNote(r: Result): string {
  return r.duplicates.length > 0 ? ` <sub>(+${plural(r.duplicates.length, 'identical copy', 'identical copies')}, uploaded once)</sub>` : ''
}

/** The report, linked to its DefectDojo test: the test's title is left out, it mostly repeats the path. */
function reportCell(r: Result): string {
  if (isWholeArtifact(r)) return `${name(r)} <sub>(whole artifact)</sub>`
  return `${link(reportName(r), r.testUrl)}${duplicatesNote(r)}`
}

/** The columns every report table starts with; the engagement only when the run has several. */
function leadCells(page: Page, r: Result): string[] {
  const target = r.product !== null && r.engagement !== null ? `${escapeMarkdown(clip(r.engagement, NAME_MAX, 'middle'))} of ${escapeMarkdown(clip(r.product, NAME_MAX, 'middle'))}` : ''
  return [STATUS_MARK[r.status], reportCell(r), escapeMarkdown(r.scanType ?? ''), ...(page.targets.length > 1 ? [target] : [])]
}

function leadColumns(page: Page): string[] {
  return ['Status', 'Report', 'Scan type', ...(page.targets.length > 1 ? ['Engagement'] : [])]
}

/** A report's new findings by severity, linked, then what is not new as counts with a link. */
function newFindingLines(r: Result): string[] {
  if (r.novelty?.kind !== 'known') return []
  const novelty = r.novelty
  const out = [`New in **${name(r)}**:`, '']
  for (const f of r.newFindings) out.push(`- ${escapeMarkdown(clip(f.severity, 20, 'end'))}: ${link(clip(f.title, TITLE_MAX, 'end'), f.url)}${f.reintroduced ? ' <sub>(reintroduced: fixed on the default branch, back here)</sub>' : ''}`)
  const more = novelty.new.total - r.newFindings.length
  const test = safeUrl(r.testUrl)
  if (more > 0) out.push(`- … and ${fmt(more)} more${test ? ` in [its test](${test})` : ''}.`)
  const baseline = safeUrl(novelty.baselineUrl)
  const known: string[] = []
  if (novelty.onMain > 0) known.push(`${fmt(novelty.onMain)} already on the default branch${baseline ? ` ([its test](${baseline}))` : ''}`)
  if (novelty.triagedOnMain > 0) known.push(`${fmt(novelty.triagedOnMain)} known to DefectDojo (triaged on the default branch: false positive, risk accepted or out of scope)`)
  if (novelty.fixed) known.push(`${fmt(novelty.fixed)} of the default branch's no longer found here`)
  if (novelty.against === 'no-baseline') known.push('no baseline on the default branch yet: every finding counts as new')
  if (known.length > 0) out.push('', `Not new: ${known.join(' · ')}.`)
  out.push('')
  return out
}

/** Reports whose new findings could not be told, each with why: a gate must not read them as 0. */
function unknownLines(page: Page): string[] {
  const unknown = page.uploaded.filter((r) => r.novelty?.kind !== 'known')
  if (unknown.length === 0) return []
  const out = [`**New findings unknown for ${plural(unknown.length, 'report')}** (counted in \`counts-unknown\`, never as 0):`, '']
  for (const r of unknown.slice(0, UNKNOWN_SHOWN)) out.push(`- ${link(reportName(r), r.testUrl)}: ${escapeProse(clip(r.novelty?.kind === 'unknown' ? r.novelty.why : 'not looked up', SENTENCE_MAX, 'end'))}`)
  if (unknown.length > UNKNOWN_SHOWN) out.push(`- … and ${fmt(unknown.length - UNKNOWN_SHOWN)} more (in the results file).`)
  out.push('')
  return out
}

/** The page's lead: which reports brought new findings, by severity, and the findings themselves. */
function worseSection(page: Page, listed: readonly Result[]): string[] {
  if (page.uploaded.length === 0) return []
  if (page.worse.length === 0) {
    const known = page.uploaded.length - page.totals.newUnknown
    if (known === 0) return unknownLines(page)
    const scope = known < page.uploaded.length ? ` in the ${fmt(known)} of ${plural(page.uploaded.length, 'report')} whose new findings are known` : ''
    const t = page.totals
    const not = [t.onMain > 0 ? `${fmt(t.onMain)} already on the default branch` : '', t.triagedOnMain > 0 ? `${fmt(t.triagedOnMain)} known to DefectDojo` : ''].filter(Boolean)
    return [`**No new findings**${scope}${not.length > 0 ? ` (${not.join(', ')})` : ''}.`, '', ...unknownLines(page)]
  }
  const out = ['### New findings', '', "Findings the default branch does not have, by severity; each report links to its DefectDojo test.", '']
  out.push(...tableHead([...leadColumns(page), 'Critical', 'High', 'Medium', 'Low', 'Info'], 5))
  for (const r of listed) {
    const fresh = newOf(r)
    out.push(`| ${[...leadCells(page, r), ...SEVERITIES.map((s) => cell(fresh[s]))].join(' | ')} |`)
  }
  out.push('')
  const more = page.worse.length - listed.length
  if (more > 0) out.push(`**${plural(more, 'more report')} with new findings** — see the results file.`, '')
  for (const r of listed) out.push(...newFindingLines(r))
  out.push(...unknownLines(page))
  return out
}

/** Every other report of a real run: failed ones first, then the uploaded ones. */
function reportsTable(page: Page, listed: readonly Result[], unchanged: readonly Result[], more: number): string[] {
  if (page.rest.length === 0) return []
  const out: string[] = [page.worse.length > 0 ? '### Other reports' : '### Reports', '']
  if (listed.length > 0) {
    out.push(...tableHead([...leadColumns(page), 'Created', 'Closed', 'Reactivated', 'Untouched'], 4))
    for (const r of listed) {
      const counts = r.status === 'uploaded' ? DELTAS.map((d) => cell(deltaTotal(r, d))) : DELTAS.map(() => '')
      out.push(`| ${[...leadCells(page, r), ...counts].join(' | ')} |`)
    }
    out.push('')
  }
  if (unchanged.length > 0) {
    const untouched = unchanged.reduce((sum, r) => sum + (deltaTotal(r, 'untouched') ?? 0), 0)
    out.push(
      `${plural(unchanged.length, 'report')} with nothing created, closed or reactivated (${plural(untouched, 'finding')} untouched) ${unchanged.length === 1 ? 'is' : 'are'} counted here, not listed, to keep the summary under GitHub's size limit — see the results file.`,
      ''
    )
  }
  if (more > 0) out.push(`**${plural(more, 'more report')}** — see the results file.`, '')
  if (listed.some((r) => r.status === 'uploaded' && DELTAS.some((d) => deltaTotal(r, d) === null))) out.push('`?`: DefectDojo did not return this count (its import history may be off).', '')
  return out
}

/** The dry run's plan: where each report would go and every field that would be sent. */
function planTables(page: Page, rows: readonly Result[], more: number): string[] {
  if (page.rest.length === 0) return []
  const shownAsColumns = new Set(['scan_type', 'test_title', 'product_type_name', 'product_name', 'engagement_name'])
  const all = page.rest.filter((r) => r.fields !== null).map((r) => fieldEntries(r))
  // Fields with the same value for every planned report are listed once, below the table.
  const shared = new Map<string, string>()
  const first = all[0] ?? new Map<string, string>()
  for (const [key, value] of first) if (!shownAsColumns.has(key) && all.every((f) => f.get(key) === value)) shared.set(key, value)

  const out: string[] = ['### Plan', '']
  if (rows.length > 0) {
    out.push(...tableHead([...leadColumns(page), 'Test title', 'Other fields'], 0))
    for (const r of rows) {
      const fields = fieldEntries(r)
      const testTitle = fields.get('test_title') ?? r.testTitle ?? ''
      const other = [...fields].filter(([key]) => !shownAsColumns.has(key) && !shared.has(key)).map(([key, value]) => `<code>${escapeMarkdown(key)}</code>: ${fieldValue(value)}`)
      out.push(`| ${[...leadCells(page, r), escapeMarkdown(testTitle), r.fields === null ? '' : other.join('<br>') || '—'].join(' | ')} |`)
    }
    out.push('')
  }
  if (more > 0) out.push(`**${plural(more, 'more report')}** — see the results file.`, '')
  if (shared.size > 0) {
    out.push(all.length === 1 ? 'Also sent:' : 'Sent with every report:', '', '| Field | Value |', '| --- | --- |')
    for (const [key, value] of shared) out.push(`| <code>${escapeMarkdown(key)}</code> | ${fieldValue(value)} |`)
    out.push('')
  }
  out.push(
    'The product type, product and engagement named above, the scan type and the test title are sent as `product_type_name`, `product_name`, `engagement_name`, `scan_type` and `test_title`, and the report itself as `file`.',
    ''
  )
  return out
}

/** A report's multipart fields as display strings; anything that looks like a credential is hidden. */
function fieldEntries(r: Result): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(r.fields ?? {})) {
    const text = typeof value === 'string' ? value : value.join(', ')
    out.set(key, /token|secret|password|authori[sz]ation|api[-_]?key/i.test(key) ? '(hidden)' : text)
  }
  return out
}

function fieldValue(value: string): string {
  return value === '' ? '*(empty)*' : escapeMarkdown(clip(value, VALUE_MAX, 'end'))
}

type Breakdown = 'created' | 'closed' | 'reactivated' | 'activeAfter'
const BREAKDOWNS: ReadonlyArray<[Breakdown, string]> = [
  ['created', 'Created'],
  ['closed', 'Closed'],
  ['reactivated', 'Reactivated'],
  ['activeAfter', 'Active after']
]

function severityCells(counts: SeverityCounts | null): string {
  return [...SEVERITIES, 'total' as const].map((s) => (counts === null ? '?' : cell(counts[s]))).join(' | ')
}

/** Severity breakdown of created, closed, reactivated and active-after: totals, and per report when it fits. */
function severityDetails(page: Page, listed: readonly Result[], perReport: boolean): string[] {
  if (page.uploaded.length === 0) return []
  const out: string[] = ['<details>', '<summary>Findings by severity</summary>', '']
  out.push('| All reports | Critical | High | Medium | Low | Info | Total |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const [key, label] of BREAKDOWNS) {
    const known = page.uploaded.filter((r) => r.counts?.[key])
    const sum = known.reduce((total, r) => addCounts(total, r.counts![key]!), NO_FINDINGS)
    const unknown = page.uploaded.length - known.length
    const note = unknown > 0 && known.length > 0 ? ` (${fmt(unknown)} unknown)` : ''
    out.push(`| ${label}${note} | ${severityCells(known.length === 0 ? null : sum)} |`)
  }
  out.push('')
  if (page.uploaded.length > 1) {
    if (perReport) {
      if (listed.length > 0) {
        out.push('Per report (changes that are zero are left out; `?`: DefectDojo did not say):', '')
        out.push('| Report | Findings | Critical | High | Medium | Low | Info | Total |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
        for (const r of listed) {
          let firstRow = true
          for (const [key, label] of BREAKDOWNS) {
            const counts = r.counts?.[key] ?? null
            if (key !== 'activeAfter' && counts !== null && counts.total === 0) continue
            out.push(`| ${firstRow ? name(r) : ''} | ${label.toLowerCase()} | ${severityCells(counts)} |`)
            firstRow = false
          }
        }
        out.push('')
      }
    } else {
      out.push("The breakdown per report is left out to keep the summary under GitHub's size limit — see the results file.", '')
    }
  }
  out.push('</details>', '')
  return out
}

function failedSection(page: Page, kept: number): string[] {
  const { failed } = page
  if (failed.length === 0) return []
  const dry = page.meta.dryRun
  const out: string[] = [`### Failed: ${fmt(failed.length)}`, '', '<details open>']
  out.push(`<summary>${plural(failed.length, 'report')} ${dry ? 'could not be planned' : 'did not reach DefectDojo'}</summary>`, '')
  for (const r of failed.slice(0, kept)) {
    const reason = escapeProse(clip(r.reason ?? 'failed for a reason that was not recorded.', SENTENCE_MAX, 'end'))
    if (isWholeArtifact(r)) {
      out.push(`- **Artifact ${name(r)}** (the whole artifact, none of its files was used): ${reason}`)
      continue
    }
    const where = [r.scanType, r.product && r.engagement ? `${r.product} / ${r.engagement}` : null].filter((x): x is string => !!x)
    const details = [where.length > 0 ? escapeMarkdown(clip(where.join(' → '), NAME_MAX * 2, 'middle')) : null, r.attempts > 1 ? `${fmt(r.attempts)} attempts` : null].filter((x): x is string => !!x)
    out.push(`- **${name(r)}**${details.length > 0 ? ` (${details.join(', ')})` : ''}: ${reason}`)
  }
  const more = failed.length - kept
  if (more > 0) out.push(`- **${plural(more, 'more failed report')}** — see the results file.`)
  out.push('', '</details>', '')
  return out
}

/**
 * Files that look like reports are listed with their reasons, open, since the log warns about them.
 * Everything else is expected and stays out of the way: an artifact with no report is one line, other
 * files are counted.
 */
function skippedSection(page: Page, kept: number): string[] {
  const { skipped, noReport, forPeople, otherFiles } = page
  if (page.totals.skipped === 0) return []
  const notReports = forPeople + otherFiles
  const parts = [
    skipped.length > 0 ? `${plural(skipped.length, 'file')} with a reason` : null,
    noReport.length > 0 ? `${plural(noReport.length, 'artifact')} with no report` : null,
    notReports > 0 ? `${plural(notReports, 'file')} that ${notReports === 1 ? 'is not a report' : 'are not reports'}` : null
  ].filter((x): x is string => !!x)
  const open = skipped.some((r) => r.duplicateOf === null) ? '<details open>' : '<details>'
  const out: string[] = [`### Skipped: ${fmt(page.totals.skipped)}`, '', open, `<summary>${parts.join(', ')}</summary>`, '']
  for (const r of skipped.slice(0, kept)) out.push(`- ${name(r)}: ${escapeProse(clip(r.reason ?? 'skipped.', SENTENCE_MAX, 'end'))}`)
  const more = skipped.length - kept
  if (more > 0) out.push(`- **${plural(more, 'more skipped file')}** — see the results file.`)
  for (const a of noReport.slice(0, NO_REPORT_SHOWN)) out.push(`- ${escapeMarkdown(clip(a.artifact, NAME_MAX, 'middle'))}: ${plural(a.files, 'file')}, none a report.`)
  const hidden = noReport.slice(NO_REPORT_SHOWN)
  if (hidden.length > 0) out.push(`- … and ${plural(hidden.length, 'more artifact')} with no report (${plural(hidden.reduce((n, a) => n + a.files, 0), 'file')}).`)
  if (forPeople > 0) out.push(forPeople === 1 ? '- 1 file is not a report (an HTML report, notes, a log…): it is for people to read.' : `- ${fmt(forPeople)} files are not reports (HTML reports, notes, logs…): they are for people to read.`)
  if (otherFiles > 0) out.push(otherFiles === 1 ? '- 1 file is not a report (build output or data).' : `- ${fmt(otherFiles)} files are not reports (build output, data).`)
  out.push('', '</details>', '')
  return out
}

// ---------------------------------------------------------------------------------------------------
// Rendering within the budget

function render(page: Page, shape: Shape): string {
  const listable = shape.collapseUnchanged ? page.rest.filter((r) => !isUnchanged(r)) : page.rest
  const unchanged = shape.collapseUnchanged ? page.rest.filter(isUnchanged) : []
  const failedKept = Math.min(page.failed.length, shape.keep)
  const rowsKept = Math.min(page.worse.length + listable.length, shape.keep - failedKept)
  const skippedKept = Math.min(page.skipped.length, shape.keep - failedKept - rowsKept)
  const worse = page.worse.slice(0, rowsKept)
  const rest = listable.slice(0, rowsKept - worse.length)
  const whole = worse.length === page.worse.length && rest.length === listable.length
  const lines = [
    ...title(),
    ...banners(page),
    ...headline(page),
    ...where(page),
    ...context(page.meta),
    ...(page.meta.dryRun
      ? planTables(page, rest, listable.length - rest.length)
      : [
          ...worseSection(page, worse),
          ...reportsTable(page, rest, unchanged, listable.length - rest.length),
          ...severityDetails(page, [...worse, ...rest.filter((r) => r.status === 'uploaded')], shape.severityPerReport && whole)
        ]),
    ...failedSection(page, failedKept),
    ...skippedSection(page, skippedKept)
  ]
  return lines.join('\n')
}

/** The last resort: headline, banners and section counts only; bounded whatever the input. */
function renderMinimal(page: Page): string {
  const counts: string[] = []
  if (page.failed.length > 0) counts.push(`### Failed: ${fmt(page.failed.length)}`, '')
  if (page.totals.skipped > 0) counts.push(`### Skipped: ${fmt(page.totals.skipped)}`, '')
  return [
    ...title(),
    ...banners(page),
    ...headline(page),
    ...where(page),
    ...context(page.meta),
    "The details did not fit GitHub's size limit for a job summary — every report is in the results file.",
    '',
    ...counts
  ].join('\n')
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * Renders the job summary. Stays under `limitBytes` (SUMMARY_LIMIT_BYTES) whatever the input, giving up
 * detail in this order: reports that changed nothing are counted in one line instead of listed, the
 * severity breakdown per report goes, then listed items are trimmed with a visible "N more" note
 * (skipped files first, then the other report rows, then those with new Critical or High findings,
 * failed reports last). The headline, the banners and each section's count always stay.
 */
export function renderSummary(results: readonly Result[], meta: SummaryMeta, options: SummaryOptions = {}): string {
  const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES
  const page = buildPage(results, meta)
  const shapes: Shape[] = [
    { collapseUnchanged: false, severityPerReport: true, keep: Infinity },
    { collapseUnchanged: true, severityPerReport: true, keep: Infinity },
    { collapseUnchanged: true, severityPerReport: false, keep: Infinity }
  ]
  for (const shape of shapes) {
    const markdown = render(page, shape)
    if (bytes(markdown) <= limit) return markdown
  }
  // Largest number of listed items that fits (binary search: the page grows with what is kept).
  const trimmed = (keep: number): string => render(page, { collapseUnchanged: true, severityPerReport: false, keep })
  let low = 0
  let high = page.failed.length + page.worse.length + page.rest.length + page.skipped.length
  if (bytes(trimmed(0)) > limit) return renderMinimal(page)
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (bytes(trimmed(mid)) <= limit) low = mid
    else high = mid - 1
  }
  return trimmed(low)
}
