// Result[] → the command line's renderings: a plain table for the job log and GitLab's dotenv report.
import { deltaTotal, DELTAS, type Result } from '../model.js'
import { noveltyCell } from './novelty-text.js'
import { resultLabel } from './results.js'
import { lineText } from './text.js'

/** A plain table for the job log. */
export function textTable(results: readonly Result[]): string {
  const rows = results.map((r) =>
    [
      r.status,
      resultLabel(r),
      r.scanType ?? '',
      r.status === 'uploaded' ? noveltyCell(r.novelty) : '',
      r.status === 'uploaded' ? DELTAS.map((d) => deltaTotal(r, d) ?? '?').join('/') : '',
      r.status === 'uploaded' ? (r.testUrl ?? '') : (r.reason ?? '')
    ].map(lineText)
  )
  // What is new leads; DefectDojo's own counts of the reimport follow.
  const header = ['STATUS', 'REPORT', 'SCAN TYPE', 'NEW', 'CREATED/CLOSED/REACT/SAME', 'TEST OR REASON']
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[i]!.length))))
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
  return [line(header), ...rows.map(line)].join('\n') + '\n'
}

/** GitLab's dotenv report format: one KEY=value per line, no quoting, single-line values; `results` is left out (too large). */
export function dotenv(outputs: Readonly<Record<string, string>>): string {
  return (
    Object.entries(outputs)
      .filter(([name]) => name !== 'results')
      .map(([name, value]) => `DEFECTDOJO_${name.toUpperCase().replace(/-/g, '_')}=${lineText(value)}`)
      .join('\n') + '\n'
  )
}
