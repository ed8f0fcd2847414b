// One report's split (new / already on the default branch / known to DefectDojo) as plain text: the
// step log's line per report and the CLI console's column. Pure; the summary renders the same split in
// Markdown (summary.ts), the outputs and the results file as numbers.
import { SEVERITIES, type NewFinding, type Novelty } from '../model.js'
import { lineText } from './text.js'

const TITLES_IN_LINE = 3

/** "2 new (1 critical, 1 high)", "0 new". */
export function newCount(novelty: Extract<Novelty, { kind: 'known' }>): string {
  const parts = SEVERITIES.filter((s) => novelty.new[s] > 0).map((s) => `${novelty.new[s]} ${s}`)
  return `${novelty.new.total} new${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`
}

/** What is not new, as counts: "27 already on the default branch, 1 known to DefectDojo (triaged there)". */
export function notNew(novelty: Extract<Novelty, { kind: 'known' }>): string[] {
  const out: string[] = []
  if (novelty.onMain > 0) out.push(`${novelty.onMain} already on the default branch`)
  if (novelty.triagedOnMain > 0) out.push(`${novelty.triagedOnMain} known to DefectDojo (triaged on the default branch)`)
  if (novelty.fixed) out.push(`${novelty.fixed} fixed here`)
  if (novelty.against === 'no-baseline') out.push('no baseline on the default branch yet')
  return out
}

/** The log line: what is new first, with the first titles, then the counts of what is not. */
export function noveltyLine(novelty: Novelty, newFindings: readonly NewFinding[]): string {
  if (novelty.kind === 'unknown') return lineText(`new findings unknown: ${novelty.why}`)
  const titles = newFindings.slice(0, TITLES_IN_LINE).map((f) => `${f.severity} "${f.title}"${f.reintroduced ? ' (reintroduced)' : ''}`)
  const more = novelty.new.total - titles.length
  const listed = titles.length > 0 ? `: ${titles.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : ''
  return lineText([`${newCount(novelty)}${listed}`, ...notNew(novelty)].join('; '))
}

/** The CLI console's column: "1 new (1 high); 27 on default branch", or "unknown". */
export function noveltyCell(novelty: Novelty | null): string {
  if (novelty === null) return ''
  if (novelty.kind === 'unknown') return 'new: unknown'
  const rest = [novelty.onMain > 0 ? `${novelty.onMain} on default branch` : '', novelty.triagedOnMain > 0 ? `${novelty.triagedOnMain} triaged` : '', novelty.against === 'no-baseline' ? 'no baseline' : ''].filter(Boolean)
  return [newCount(novelty), ...rest].join('; ')
}

/** The log's closing line over every report: "New findings: 1 (1 high); 27 already on the default branch; unknown for 0 reports." */
export function noveltyTotal(splits: readonly Novelty[]): string {
  const known = splits.filter((n): n is Extract<Novelty, { kind: 'known' }> => n.kind === 'known')
  const sum = (pick: (n: Extract<Novelty, { kind: 'known' }>) => number) => known.reduce((total, n) => total + pick(n), 0)
  const bySeverity = SEVERITIES.map((s) => [s, sum((n) => n.new[s])] as const).filter(([, count]) => count > 0)
  const parts = [`New findings: ${sum((n) => n.new.total)}${bySeverity.length > 0 ? ` (${bySeverity.map(([s, count]) => `${count} ${s}`).join(', ')})` : ''}`]
  parts.push(`${sum((n) => n.onMain)} already on the default branch`, `${sum((n) => n.triagedOnMain)} known to DefectDojo (triaged there)`)
  const unknown = splits.length - known.length
  if (unknown > 0) parts.push(`unknown for ${unknown} ${unknown === 1 ? 'report' : 'reports'} (counts-unknown)`)
  return `${parts.join('; ')}.`
}
