// The upload schedule through the bundle (issue 16): no serial step when the engagement exists, the
// cheapest report first when it does not, the safe rule whenever the lookup cannot tell, and never a
// duplicate engagement or test, first run or later, at concurrency 8.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer, type ReceivedUpload } from '../support/dojo-server.ts'
import { runAction, type ActionRun } from '../support/run-action.ts'

let dojo: DojoServer
afterEach(async () => {
  await dojo?.close()
})

/** `n` Gitleaks reports, report i a little larger than report i-1 (the padding is a long description). */
function reports(n: number, sizes: (i: number) => number = (i) => 2000 + 100 * i): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-schedule-'))
  mkdirSync(join(dir, 'reports'))
  for (let i = 1; i <= n; i++) {
    const finding = { RuleID: `rule-${i}`, StartLine: i, Secret: 's', File: `src/f${i}.ts`, Description: 'x'.repeat(sizes(i)) }
    writeFileSync(join(dir, 'reports', `gitleaks-${String(i).padStart(2, '0')}.json`), JSON.stringify([finding]))
  }
  return dir
}

async function run(dir: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ workspace: dir, inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: 'reports', artifacts: '', concurrency: '4', ...inputs } })
}

const since = (from: number): ReceivedUpload[] => dojo.uploads.slice(from)
const lookups = (from: number) => dojo.requests.slice(from).filter((r) => r.method === 'GET' && /\/api\/v2\/(products|engagements)\/$/.test(r.path))

describe('the upload schedule', () => {
  it('runs the smallest report alone into a new engagement, then fans out; on the next run all start at once', async () => {
    dojo = await startDojoServer({ latencyMs: 600 })
    // Report 3 is the smallest.
    const dir = reports(4, (i) => (i === 3 ? 100 : 5000 + i))
    const first = await run(dir)
    expect(first.code).toBe(0)
    const leader = dojo.uploads[0]!
    expect(leader.file!.filename).toBe('gitleaks-03.json')
    for (const follower of dojo.uploads.slice(1)) expect(follower.startedAt).toBeGreaterThanOrEqual(leader.endedAt - 5)
    const requestsBefore = dojo.requests.length
    const uploadsBefore = dojo.uploads.length
    const second = await run(dir)
    expect(second.code).toBe(0)
    const later = since(uploadsBefore)
    expect(later).toHaveLength(4)
    // No one waits for another: all four start before the first one answers.
    const firstAnswer = Math.min(...later.map((u) => u.endedAt))
    for (const upload of later) expect(upload.startedAt).toBeLessThan(firstAnswer)
    // Two cheap GETs for the one group, before the uploads.
    expect(lookups(requestsBefore).map((r) => r.path)).toEqual(['/api/v2/products/', '/api/v2/engagements/'])
  })

  it('keeps the safe rule, with a debug line and no failure, when the token may not list', async () => {
    dojo = await startDojoServer({ latencyMs: 400, listing: 'forbidden' })
    const dir = reports(3)
    expect((await run(dir)).code).toBe(0)
    const from = dojo.uploads.length
    const second = await run(dir)
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/::debug::Product "web" could not be looked up \(.*403.*\): its first upload runs alone\./)
    const later = since(from)
    const leader = later.reduce((a, b) => (a.startedAt <= b.startedAt ? a : b))
    for (const upload of later.filter((u) => u !== leader)) expect(upload.startedAt).toBeGreaterThanOrEqual(leader.endedAt - 5)
  })

  it('compares names exactly: a product or engagement that differs only in case is not the one', async () => {
    dojo = await startDojoServer({ latencyMs: 300 })
    const dir = reports(3)
    // Another product "WEB" with an engagement "CI/CD": name_exact would find it, the importer would not use it.
    expect((await run(dir, { product: 'WEB' })).code).toBe(0)
    const from = dojo.uploads.length
    expect((await run(dir)).code).toBe(0)
    const uploads = since(from)
    const leader = uploads.reduce((a, b) => (a.startedAt <= b.startedAt ? a : b))
    for (const upload of uploads.filter((u) => u !== leader)) expect(upload.startedAt).toBeGreaterThanOrEqual(leader.endedAt - 5)
    expect(dojo.state.products.map((p) => p.name).sort()).toEqual(['WEB', 'web'])
  })

  it('creates no duplicate engagement or test at concurrency 8, first run or later, even with a wide race window', async () => {
    dojo = await startDojoServer({ latencyMs: 200, raceWindowMs: 150, engagementLock: false })
    const dir = reports(12)
    for (let attempt = 1; attempt <= 2; attempt++) {
      const result = await run(dir, { concurrency: '8' })
      expect(result.code).toBe(0)
      expect(result.outputs.uploaded).toBe('12')
      expect(dojo.anomalies).toEqual([])
      expect(dojo.state.engagements).toHaveLength(1)
      expect(dojo.state.tests).toHaveLength(12)
    }
  })
})

