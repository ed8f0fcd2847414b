import { describe, expect, it } from '@jest/globals'
import { parseImportAnswer } from '../../src/defectdojo/response.js'

const zero = { active: 0, verified: 0, duplicate: 0, false_p: 0, out_of_scope: 0, is_mitigated: 0, risk_accepted: 0, total: 0 }
function block(counts: Partial<Record<'info' | 'low' | 'medium' | 'high' | 'critical', number>>, field: 'total' | 'active' = 'total') {
  const out: Record<string, typeof zero> = {}
  let sum = 0
  for (const sev of ['info', 'low', 'medium', 'high', 'critical'] as const) {
    const n = counts[sev] ?? 0
    sum += n
    out[sev] = { ...zero, total: n, active: field === 'active' || field === 'total' ? n : 0 }
  }
  out.total = { ...zero, total: sum, active: sum }
  return out
}

describe('parseImportAnswer', () => {
  it('reads ids and the four deltas of a reimport into an existing test, ignoring unknown keys', () => {
    const answer = parseImportAnswer({
      test_id: 42, test: 42, engagement_id: 7, product_id: 3, product_type_id: 1, pro: ['…'],
      statistics: { before: block({ high: 3 }), delta: { created: block({ critical: 1, high: 2 }), closed: block({ low: 1 }), reactivated: block({}), untouched: block({ high: 1 }) }, after: block({ critical: 1, high: 3 }) }
    })
    expect(answer).toMatchObject({ testId: 42, engagementId: 7, productId: 3, productTypeId: 1 })
    expect(answer.counts.created).toEqual({ critical: 1, high: 2, medium: 0, low: 0, info: 0, total: 3 })
    expect(answer.counts.closed?.total).toBe(1)
    expect(answer.counts.reactivated?.total).toBe(0)
    expect(answer.counts.untouched?.total).toBe(1)
    expect(answer.counts.activeAfter).toEqual({ critical: 1, high: 3, medium: 0, low: 0, info: 0, total: 4 })
  })

  it('counts everything in `after` as created when the reimport created its test (no before, no delta)', () => {
    const answer = parseImportAnswer({ test_id: 9, statistics: { after: block({ high: 2, medium: 1 }) } })
    expect(answer.counts.created?.total).toBe(3)
    expect(answer.counts.closed?.total).toBe(0)
    expect(answer.counts.untouched?.total).toBe(0)
  })

  it('reports unknown (null), not zero, when history tracking is off or statistics are missing', () => {
    const noDelta = parseImportAnswer({ test_id: 9, statistics: { before: block({ high: 2 }), after: block({ high: 2 }) } })
    expect(noDelta.counts.created).toBeNull()
    expect(noDelta.counts.activeAfter?.total).toBe(2)
    const none = parseImportAnswer({ test_id: 9 })
    expect(none.counts).toEqual({ created: null, closed: null, reactivated: null, untouched: null, activeAfter: null })
    expect(parseImportAnswer(null).testId).toBeNull()
  })
})
