import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { OUTPUTS, RESULTS_OUTPUT_LIMIT_BYTES, compactResultsJson, gateOutputs, type CompactResults } from '../../src/report/outputs.js'
import { artifactFailureResult, baseResult } from '../../src/report/results.js'
import type { Result, SeverityCounts } from '../../src/model.js'

type Sev = Partial<Omit<SeverityCounts, 'total'>>
function sev(counts: Sev): SeverityCounts {
  const out = { critical: 0, high: 0, medium: 0, low: 0, info: 0, ...counts, total: 0 }
  out.total = out.critical + out.high + out.medium + out.low + out.info
  return out
}

const base = (file: string, artifact: string | null = null): Result => baseResult({ absolutePath: `/w/${file}`, displayPath: file, artifact, size: 1 })

function uploaded(file: string, created: Sev | null, activeAfter: Sev | null, testId = 1): Result {
  const counts = { created: created && sev(created), closed: created && sev({ low: 1 }), reactivated: created && sev({}), untouched: created && sev({ high: 2 }), activeAfter: activeAfter && sev(activeAfter) }
  return {
    ...base(file),
    status: 'uploaded',
    scanType: 'Trivy Scan',
    testId,
    testUrl: `https://dojo.example.com/test/${testId}`,
    counts,
    fields: { scan_type: 'Trivy Scan', product_name: 'web' },
    evidence: ['looks like trivy'],
    // What is new is the split against the default branch, not what DefectDojo created.
    novelty: created && { kind: 'known', against: 'default-branch-test', baselineUrl: null, new: sev({ high: created.high ?? 0 }), reintroduced: 0, onMain: 1, triagedOnMain: 0, fixed: 0, fingerprint: 'hash_code' }
  }
}

const failed = (file: string, reason: string): Result => ({ ...base(file), status: 'failed', reason })
const skipped = (file: string, humanReadable: boolean): Result => ({ ...base(file), status: 'skipped', reason: 'not a report.', humanReadable })

function sample(): Result[] {
  return [
    uploaded('a.json', { critical: 1, high: 2 }, { critical: 1, high: 4, medium: 1 }, 11),
    uploaded('b.json', { high: 1, info: 3 }, { high: 1, low: 2, info: 3 }, 12),
    uploaded('c.json', null, { critical: 2 }, 13), // history off: deltas unknown, active known
    failed('d.json', 'DefectDojo answered 500.'),
    artifactFailureResult({ artifact: 'zap', reason: 'expired.' }),
    skipped('notes.json', false),
    skipped('zap.html', true)
  ]
}

describe('gateOutputs', () => {
  it('returns exactly the outputs of the OUTPUTS table (which action.yml declares): totals, severities, compact results, the file', () => {
    const results = sample()
    const outputs = gateOutputs(results, '/tmp/results.json')
    expect(outputs).toMatchObject({ created: '7', closed: '2', reactivated: '0', untouched: '4', uploaded: '3', skipped: '2', failed: '2', 'results-file': '/tmp/results.json' })
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(OUTPUTS).sort())
    expect(Object.keys(outputs).sort()).toEqual(
      ['new', 'created', 'closed', 'reactivated', 'untouched', 'uploaded', 'skipped', 'failed', 'counts-unknown', 'results', 'results-file', ...['critical', 'high', 'medium', 'low', 'info'].flatMap((s) => [`new-${s}`, `created-${s}`, `active-${s}`])].sort()
    )
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string')
  })

  it('sums what was created and what is active after, by severity, over the uploaded reports', () => {
    const outputs = gateOutputs(sample(), 'r.json')
    expect(outputs).toMatchObject({
      'created-critical': '1',
      'created-high': '3',
      'created-medium': '0',
      'created-low': '0',
      'created-info': '3',
      'active-critical': '3',
      'active-high': '5',
      'active-medium': '1',
      'active-low': '2',
      'active-info': '3',
      created: '7',
      uploaded: '3',
      failed: '2',
      skipped: '2',
      'results-file': 'r.json'
    })
  })

  it('counts new findings from the split, not from what DefectDojo created, and a report without a split in counts-unknown', () => {
    const outputs = gateOutputs(sample(), 'r.json')
    expect(outputs).toMatchObject({ new: '3', 'new-critical': '0', 'new-high': '3', 'new-medium': '0', 'new-low': '0', 'new-info': '0', 'counts-unknown': '1' })
    const unknown = gateOutputs([{ ...sample()[0]!, novelty: { kind: 'unknown', why: 'lookup failed' } }], 'r.json')
    expect(unknown).toMatchObject({ new: '0', 'counts-unknown': '1' })
    expect(JSON.parse(unknown.results).results[0].new).toBeNull()
  })

  it('gives zeros for a run with no reports', () => {
    const outputs = gateOutputs([], 'r.json')
    expect(outputs['created-critical']).toBe('0')
    expect(outputs['active-info']).toBe('0')
    expect(JSON.parse(outputs.results!)).toEqual({ truncated: false, total: 0, omitted: 0, results: [] })
  })

  it('puts a reduced row per result in `results`, keeping unknown counts as null', () => {
    const doc = JSON.parse(gateOutputs(sample(), 'r.json').results!) as CompactResults
    expect(doc).toMatchObject({ truncated: false, total: 7, omitted: 0 })
    expect(doc.results).toHaveLength(7)
    expect(doc.results[0]).toEqual({
      file: 'a.json',
      artifact: null,
      status: 'uploaded',
      scanType: 'Trivy Scan',
      reason: null,
      testId: 11,
      testUrl: 'https://dojo.example.com/test/11',
      created: 3,
      new: 2,
      closed: 1,
      reactivated: 0,
      untouched: 2
    })
    expect(doc.results[2]).toMatchObject({ file: 'c.json', created: null, closed: null, reactivated: null, untouched: null })
    expect(doc.results[4]).toMatchObject({ file: '', artifact: 'zap', status: 'failed', reason: 'expired.' })
    // Compact: no multipart fields, evidence or severity counts.
    expect(gateOutputs(sample(), 'r.json').results).not.toMatch(/"fields"|"evidence"|"counts"/)
  })
})

describe('compactResultsJson size limit', () => {
  const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

  it('stays under 1,000,000 bytes with 5,000 long-named reports, keeping every failure and saying what it dropped', () => {
    const results: Result[] = []
    for (let i = 0; i < 5000; i++) results.push(uploaded(`services/service-${i}/${'x'.repeat(400)}/trivy.json`, { high: 1 }, { high: 1 }, i + 1))
    for (let i = 0; i < 50; i++) results.push(failed(`broken-${i}/${'y'.repeat(300)}.json`, `DefectDojo answered 500: ${'z'.repeat(2000)}`))
    results.push(skipped('readme.html', true))
    const json = gateOutputs(results, 'r.json').results!
    expect(RESULTS_OUTPUT_LIMIT_BYTES).toBeLessThan(1_000_000)
    expect(bytes(json)).toBeLessThanOrEqual(RESULTS_OUTPUT_LIMIT_BYTES)
    const doc = JSON.parse(json) as CompactResults
    expect(doc.truncated).toBe(true)
    expect(doc.total).toBe(5051)
    expect(doc.omitted).toBe(5051 - doc.results.length)
    expect(doc.omitted).toBeGreaterThan(0)
    expect(doc.results.filter((r) => r.status === 'failed')).toHaveLength(50)
    expect(doc.results.some((r) => r.file === 'readme.html')).toBe(false)
    // Long reasons are clipped; the full text is in the results file.
    expect(doc.results.find((r) => r.status === 'failed')!.reason!.length).toBeLessThanOrEqual(500)
  })

  it('drops files for people first, then other skipped files, then reports, failures last, and keeps the original order', () => {
    const results = [skipped('people.html', true), uploaded('a.json', {}, {}), skipped('other.txt', false), failed('f.json', 'boom.'), uploaded('b.json', {}, {})]
    const all = JSON.parse(compactResultsJson(results)) as CompactResults
    const rowBytes = all.results.map((r) => bytes(JSON.stringify(r)))
    const limitFor = (kept: number[]): number => bytes(JSON.stringify({ truncated: true, total: 5, omitted: 5 - kept.length, results: [] })) + kept.reduce((s, i) => s + rowBytes[i]!, 0) + kept.length - 1
    const files = (limit: number): string[] => (JSON.parse(compactResultsJson(results, limit)) as CompactResults).results.map((r) => r.file)
    expect(files(limitFor([1, 2, 3, 4]))).toEqual(['a.json', 'other.txt', 'f.json', 'b.json'])
    expect(files(limitFor([1, 3, 4]))).toEqual(['a.json', 'f.json', 'b.json'])
    expect(files(limitFor([1, 3]))).toEqual(['a.json', 'f.json'])
    expect(files(limitFor([3]))).toEqual(['f.json'])
    expect(JSON.parse(compactResultsJson(results, 10))).toEqual({ truncated: true, total: 5, omitted: 5, results: [] })
    // Exact fit: the computed size is the real size.
    expect(bytes(compactResultsJson(results, limitFor([1, 3])))).toBe(limitFor([1, 3]))
  })
})

describe('action.yml outputs', () => {
  it('declares exactly the outputs the action sets', () => {
    const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
    const declared = [...yml.slice(yml.indexOf('\noutputs:'), yml.indexOf('\nruns:')).matchAll(/\n {2}([a-z-]+):\n/g)].map((m) => m[1]).sort()
    expect(declared).toEqual(Object.keys(gateOutputs([], '/tmp/results.json')).sort())
  })
})
