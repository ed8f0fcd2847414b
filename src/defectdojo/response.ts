// The 201 body of import-scan / reimport-scan → ids and counts (docs/defectdojo-api.md §c). Unknown keys are ignored
// (DefectDojo sometimes adds `pro`); missing statistics mean "unknown", never zero.
import { NO_FINDINGS, SEVERITIES, type Counts, type ImportAnswer, type Severity, type SeverityCounts } from '../model.js'

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function int(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null
}

/** One statistics block `S` → counts per severity, taking `field` of each (`total` or `active`). */
function severityCounts(block: unknown, field: 'total' | 'active'): SeverityCounts | null {
  if (!isRecord(block)) return null
  const count = (severity: string): number => {
    const entry = block[severity]
    return isRecord(entry) ? (int(entry[field]) ?? 0) : 0
  }
  return { ...(Object.fromEntries(SEVERITIES.map((severity) => [severity, count(severity)])) as Record<Severity, number>), total: count('total') }
}

export function parseImportAnswer(body: unknown): ImportAnswer {
  const root = isRecord(body) ? body : {}
  const statistics = isRecord(root.statistics) ? root.statistics : null
  let counts: Counts = { created: null, closed: null, reactivated: null, untouched: null, activeAfter: null }
  if (statistics) {
    const delta = statistics.delta
    const activeAfter = severityCounts(statistics.after, 'active')
    if (isRecord(delta)) {
      counts = {
        created: severityCounts(delta.created, 'total'),
        closed: severityCounts(delta.closed, 'total'),
        reactivated: severityCounts(delta.reactivated, 'total'),
        untouched: severityCounts(delta.untouched, 'total'),
        activeAfter
      }
    } else if (!('before' in statistics) && isRecord(statistics.after)) {
      // Import, or a reimport that created its test: everything in `after` is new (docs/defectdojo-api.md §c).
      counts = { created: severityCounts(statistics.after, 'total'), closed: NO_FINDINGS, reactivated: NO_FINDINGS, untouched: NO_FINDINGS, activeAfter }
    } else {
      // `before` without `delta`: history tracking is off on the server; the deltas are unknown.
      counts = { ...counts, activeAfter }
    }
  }
  return {
    testId: int(root.test_id) ?? int(root.test),
    engagementId: int(root.engagement_id),
    productId: int(root.product_id),
    productTypeId: int(root.product_type_id),
    counts
  }
}

