// Result[] → the job summary's Markdown. Pure, so it is snapshot-tested. The summary is raw Markdown
// with HTML allowed: every string from a file name, an artifact name or a server answer is escaped.
import type { Result } from '../types.js'
import { computeTotals } from './results.js'

export interface SummaryMeta {
  dryRun: boolean
  defectdojoUrl: string | null
  /** A failure that stopped the run (collision, preflight), shown above everything else. */
  fatal: string | null
}

/** Escapes text for a Markdown table cell or paragraph that allows inline HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;')
    .replace(/([\\`*_[\]#~!])/g, '\\$1')
    .replace(/\r?\n/g, ' ')
}

/** A link whose text is escaped and whose URL is only used when it is http(s). */
function link(text: string, url: string | null): string {
  const label = escapeMarkdown(text)
  if (!url || !/^https?:\/\//.test(url)) return label
  return `[${label}](${encodeURI(decodeURI(url)).replace(/[()]/g, (c) => encodeURIComponent(c))})`
}

function num(value: number | null): string {
  return value === null ? '?' : String(value)
}

function reportName(r: Result): string {
  if (r.artifact && !r.file) return `artifact ${r.artifact}`
  return r.artifact ? `${r.artifact} / ${r.file}` : r.file
}

export function renderSummary(results: readonly Result[], meta: SummaryMeta): string {
  const t = computeTotals(results)
  const lines: string[] = ['## DefectDojo reimport', '']
  if (meta.dryRun) lines.push('> [!NOTE]', '> **Dry run**: nothing was sent to DefectDojo. This is the plan.', '')
  if (meta.fatal) lines.push('> [!CAUTION]', `> ${escapeMarkdown(meta.fatal)}`, '')

  const headline = meta.dryRun
    ? `**${t.planned}** report${t.planned === 1 ? '' : 's'} planned · ${t.skipped} skipped · ${t.failed} failed`
    : `**${t.uploaded}** uploaded · ${t.skipped} skipped · ${t.failed} failed — findings: **${t.created}** created, ${t.closed} closed, ${t.reactivated} reactivated, ${t.untouched} untouched`
  lines.push(headline, '')

  const shown = results.filter((r) => r.status === 'uploaded' || r.status === 'planned')
  if (shown.length > 0) {
    if (meta.dryRun) {
      lines.push('| Report | Scan type | Product | Engagement | Test title |', '| --- | --- | --- | --- | --- |')
      for (const r of shown) {
        lines.push(`| ${escapeMarkdown(reportName(r))} | ${escapeMarkdown(r.scanType ?? '')} | ${escapeMarkdown(r.product ?? '')} | ${escapeMarkdown(r.engagement ?? '')} | ${escapeMarkdown(r.testTitle ?? '')} |`)
      }
    } else {
      lines.push('| Report | Scan type | DefectDojo test | Created | Closed | Reactivated | Untouched |', '| --- | --- | --- | ---: | ---: | ---: | ---: |')
      for (const r of shown) {
        const test = link(r.testTitle ?? `test ${r.testId ?? '?'}`, r.testUrl)
        lines.push(`| ${escapeMarkdown(reportName(r))} | ${escapeMarkdown(r.scanType ?? '')} | ${test} | ${num(r.created)} | ${num(r.closed)} | ${num(r.reactivated)} | ${num(r.untouched)} |`)
      }
    }
    lines.push('')
  }

  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length > 0) {
    lines.push('### Failed', '')
    for (const r of failed) lines.push(`- **${escapeMarkdown(reportName(r))}**: ${escapeMarkdown(r.reason ?? 'failed')}`)
    lines.push('')
  }
  const skipped = results.filter((r) => r.status === 'skipped' && !r.humanReadable)
  const forPeople = results.filter((r) => r.status === 'skipped' && r.humanReadable)
  if (skipped.length > 0 || forPeople.length > 0) {
    lines.push('### Skipped', '')
    for (const r of skipped) lines.push(`- ${escapeMarkdown(reportName(r))}: ${escapeMarkdown(r.reason ?? 'skipped')}`)
    // Files people read (HTML reports, Markdown, logs, images) are counted, not listed: they are expected.
    if (forPeople.length > 0) lines.push(`- ${forPeople.length} file${forPeople.length === 1 ? '' : 's'} for people (HTML reports, Markdown, logs, images) not uploaded`)
    lines.push('')
  }
  return lines.join('\n')
}
