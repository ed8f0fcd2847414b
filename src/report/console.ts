// Result[] → the few lines a person reads in a console or a collapsed job log: the run's totals
// (uploaded, skipped, failed; new, then DefectDojo's created, closed and reactivated by severity), the new
// critical and high findings (not on the default branch, engine/novelty.ts) with their links, and on a dry
// run where each report would go. Both shells print these
// after the last log group; the command line also after its table.
import { addCounts, NO_FINDINGS, SEVERITIES, type Delta, type NewFinding, type Result, type SeverityCounts } from '../model.js'
import { computeTotals, resultLabel } from './results.js'

export interface ConsoleMeta {
  readonly dryRun: boolean
}

/** At most this many new critical/high findings are listed; the summary has the rest. */
const FINDINGS_SHOWN = 20

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** One delta summed over the uploaded reports: by severity where every report said, else the total only. */
function deltaLine(results: readonly Result[], delta: Exclude<Delta, 'untouched'>): string {
  let total = 0
  let bySeverity: SeverityCounts | null = NO_FINDINGS
  for (const r of results) {
    if (r.status !== 'uploaded') continue
    const counts = r.counts?.[delta] ?? null
    total += counts?.total ?? r.counts?.totals?.[delta] ?? 0
    if (counts === null) bySeverity = null
    else if (bySeverity) bySeverity = addCounts(bySeverity, counts)
  }
  const parts = bySeverity ? SEVERITIES.filter((s) => bySeverity![s] > 0).map((s) => `${bySeverity![s]} ${s}`) : []
  return `${delta} ${total}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`
}

/** "Totals: 4 uploaded, 2 skipped, 0 failed · new 1 (1 high) · created 7 (1 critical, 2 high, 4 medium) · closed 2 (2 low) · reactivated 0". */
export function totalsLine(results: readonly Result[], meta: ConsoleMeta): string {
  const t = computeTotals(results)
  if (meta.dryRun) return `Dry run: nothing was sent to DefectDojo. ${plural(t.planned, 'report')} planned, ${t.skipped} skipped${t.failed > 0 ? `, ${t.failed} failed` : ''}.`
  const unknown = t.uploaded - results.filter((r) => r.status === 'uploaded' && r.counts?.created && r.counts.closed && r.counts.reactivated).length
  const counts = t.uploaded > 0 ? ` · ${(['created', 'closed', 'reactivated'] as const).map((d) => deltaLine(results, d)).join(' · ')}${unknown > 0 ? ` (by severity unknown for ${plural(unknown, 'report')})` : ''}` : ''
  const fresh = SEVERITIES.filter((s) => t.newBySeverity[s] > 0).map((s) => `${t.newBySeverity[s]} ${s}`)
  // What is new leads; a report whose split is unknown is said, never counted as 0.
  const novel = t.uploaded > 0 ? ` · new ${t.newBySeverity.total}${fresh.length > 0 ? ` (${fresh.join(', ')})` : ''}${t.newUnknown > 0 ? ` (unknown for ${plural(t.newUnknown, 'report')})` : ''}` : ''
  return `Totals: ${t.uploaded} uploaded, ${t.skipped} skipped, ${t.failed} failed${novel}${counts}`
}

/** The new critical and high findings the run read back, the worst first, each with its report. */
export function severeFindings(results: readonly Result[]): Array<NewFinding & { report: string }> {
  const rank = (f: NewFinding) => (f.severity.toLowerCase() === 'critical' ? 0 : 1)
  return results
    .flatMap((r) => r.newFindings.filter((f) => /^(critical|high)$/i.test(f.severity)).map((f) => ({ ...f, report: resultLabel(r) })))
    .sort((a, b) => rank(a) - rank(b))
}

/** Where each planned report would go, on a dry run: product type, product, engagement, test title. */
function plannedTargets(results: readonly Result[]): string[] {
  return results
    .filter((r) => r.status === 'planned')
    .map((r) => `  ${resultLabel(r)} (${r.scanType ?? '?'}) → product type "${r.productType ?? ''}", product "${r.product ?? ''}", engagement "${r.engagement ?? ''}", test "${r.testTitle ?? ''}"`)
}

/** The lines after the last log group (and after the command line's table); plain text, not yet escaped. */
export function consoleLines(results: readonly Result[], meta: ConsoleMeta): string[] {
  const lines = [totalsLine(results, meta)]
  if (meta.dryRun) {
    const planned = plannedTargets(results)
    if (planned.length > 0) lines.push('Would upload:', ...planned)
    return lines
  }
  const { critical, high } = computeTotals(results).newBySeverity
  const severe = severeFindings(results)
  if (critical + high > 0 || severe.length > 0) {
    const shown = severe.slice(0, FINDINGS_SHOWN)
    const counted = [critical > 0 ? `${critical} critical` : '', high > 0 ? `${high} high` : ''].filter(Boolean).join(', ')
    lines.push(`New critical and high findings${counted ? ` (${counted})` : ''}:`)
    for (const f of shown) lines.push(`  ${f.severity}: ${f.title} — ${f.url ?? 'no link'} (${f.report})`)
    const rest = Math.max(critical + high, severe.length) - shown.length
    if (rest > 0) lines.push(`  … ${shown.length > 0 ? `and ${rest} more` : `${rest}, titles not read back`}: see the summary and DefectDojo.`)
  }
  return lines
}
