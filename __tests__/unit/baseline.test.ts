import { describe, expect, it } from '@jest/globals'
import type { DefectDojoClient, Lookup } from '../../src/defectdojo/client.js'
import { BaselineReader, FINDINGS_MAX, FINDINGS_PAGE, classify } from '../../src/engine/baseline.js'
import type { PlannedUpload, UploadOutcome } from '../../src/model.js'

type Json = Record<string, unknown>

/** A DefectDojo that answers list requests from `answer`, recording each query. */
function fakeClient(answer: (path: string, query: Record<string, string | number>) => Lookup<Json[]>, test: Json | null = null): { client: DefectDojoClient; queries: Array<[string, Record<string, string | number>]> } {
  const queries: Array<[string, Record<string, string | number>]> = []
  const client = {
    baseUrl: 'https://dojo.example',
    seesEverything: false,
    list: async (path: string, query: Record<string, string | number>) => {
      queries.push([path, query])
      return answer(path, query)
    },
    getTest: async () => test
  } as unknown as DefectDojoClient
  return { client, queries }
}

const row = (id: number, test: number, hash: string, more: Json = {}): Json => ({ id, test, title: `t${id}`, severity: 'High', hash_code: hash, active: true, ...more })

describe('the reads behind "what is new"', () => {
  it('keeps only the rows of the test asked for, as a server that ignores the filter lists every finding', async () => {
    const { client } = fakeClient(() => ({ kind: 'found', value: [row(1, 7, 'a'), row(2, 8, 'b'), row(3, 7, 'c')] }))
    expect((await new BaselineReader(client).findings(7)).map((f) => f.id)).toEqual([1, 3])
  })

  it('reads page by page, and gives up past the cap instead of claiming a partial test is whole', async () => {
    const full = (offset: number): Json[] => Array.from({ length: FINDINGS_PAGE }, (_, i) => row(offset + i + 1, 7, `h${offset + i}`))
    const { client, queries } = fakeClient((_, q) => ({ kind: 'found', value: Number(q.offset) < 1000 ? full(Number(q.offset)) : [row(5000, 7, 'last')] }))
    expect(await new BaselineReader(client).findings(7)).toHaveLength(1001)
    expect(queries.map(([, q]) => q.offset)).toEqual([0, 500, 1000])
    const endless = fakeClient((_, q) => ({ kind: 'found', value: full(Number(q.offset)) }))
    await expect(new BaselineReader(endless.client).findings(7)).rejects.toThrow(`more than ${FINDINGS_MAX.toLocaleString('en-US')} findings`)
  })

  it('makes the split unknown, never 0, when a read fails or is forbidden', async () => {
    const { client } = fakeClient((path) => (path === '/api/v2/findings/' ? { kind: 'unknown', why: '/api/v2/findings/ answered 403' } : { kind: 'absent' }))
    const upload = { recognition: { scanType: 'Trivy Scan' }, target: { product: 'web' }, baseline: { kind: 'test', target: { productType: 'acme', product: 'web', engagement: 'CI/CD', testTitle: 'trivy' } } } as unknown as PlannedUpload
    const outcome = { status: 'uploaded', answer: { testId: 7, engagementId: 2, productId: 1, productTypeId: 1, counts: { created: null, closed: null, reactivated: null, untouched: null, activeAfter: null } }, links: { test: null, engagement: null, product: null }, attempts: 1, evidence: [] } as Extract<UploadOutcome, { status: 'uploaded' }>
    const result = await classify(new BaselineReader(client), { upload, outcome }, { buildId: '1-1', defaultEngagements: [], baseUrl: client.baseUrl })
    expect(result.novelty).toEqual({ kind: 'unknown', why: '/api/v2/findings/ answered 403' })
  })

  it("takes the test's own algorithm where the server says, else DefectDojo's table", async () => {
    const served = fakeClient(() => ({ kind: 'absent' }), { deduplication_algorithm: 'unique_id_from_tool', hash_code_fields: null })
    expect(await new BaselineReader(served.client).rule(7, 'Trivy Scan')).toEqual({ algorithm: 'unique_id_from_tool', source: 'server', hashCodeFields: null })
    const old = fakeClient(() => ({ kind: 'absent' }), { test_type_name: 'Trivy Scan' })
    expect(await new BaselineReader(old.client).rule(7, 'Trivy Scan')).toMatchObject({ algorithm: 'hash_code', source: 'table' })
  })

  it('does not take a product the token may only not see as absent', async () => {
    const { client } = fakeClient(() => ({ kind: 'absent' }))
    await expect(new BaselineReader(client).mainTest({ productType: 'acme', product: 'web-main', engagement: 'CI/CD', testTitle: 't' }, 'Trivy Scan', 'web-pr')).rejects.toThrow('may only mean it may not see it')
    // The product this run uploaded into is visible: its engagement's absence is proof.
    expect(await new BaselineReader(client).mainTest({ productType: 'acme', product: 'web', engagement: 'CI/CD', testTitle: 't' }, 'Trivy Scan', 'web')).toBeNull()
  })
})
