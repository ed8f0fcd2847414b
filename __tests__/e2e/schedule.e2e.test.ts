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

  it('never waits long for a lookup or a read-back: a list endpoint that hangs costs seconds, not timeout-minutes', async () => {
    dojo = await startDojoServer({ latencyMs: 100 })
    // A DefectDojo whose product and findings lists never answer (a slow database, a proxy that holds them).
    dojo.faults.push({ match: { endpoint: 'products' }, times: Infinity, action: { kind: 'hang' } })
    dojo.faults.push({ match: { endpoint: 'findings' }, times: Infinity, action: { kind: 'hang' } })
    const started = Date.now()
    const result = await run(reports(3))
    const elapsed = Date.now() - started
    expect(result.code).toBe(0)
    expect(result.outputs.uploaded).toBe('3')
    // The lookup gave up after its bound (10 s), the safe rule was used, and the titles were left out quietly.
    expect(result.stdout).toMatch(/::debug::Product "web" could not be looked up \(no answer within 10 s\): its first upload runs alone\./)
    const leader = dojo.uploads.reduce((a, b) => (a.startedAt <= b.startedAt ? a : b))
    for (const upload of dojo.uploads.filter((u) => u !== leader)) expect(upload.startedAt).toBeGreaterThanOrEqual(leader.endedAt - 5)
    // The findings that tell what is new were not read within the bound either: unknown, never 0.
    expect(result.outputs['counts-unknown']).toBe('3')
    expect(result.summary).toContain('**New findings unknown for 3 reports**')
    expect(result.summary).not.toMatch(/\/finding\/\d+\)/)
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([])
    // Two bounded waits of 10 s, not timeout-minutes (30 min).
    expect(elapsed).toBeLessThan(40_000)
  }, 60_000)

  describe('the token check, sent while the files are recognised', () => {
    const profileChecks = () => dojo.requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/user_profile/')

    // That it overlaps recognition is a speed property, measured by `npm run bench` (bench/RESULTS.md).
    it('fails nothing when nothing turns out to be a report, even with a wrong token', async () => {
      dojo = await startDojoServer()
      const dir = mkdtempSync(join(tmpdir(), 'dd-schedule-'))
      mkdirSync(join(dir, 'reports'))
      writeFileSync(join(dir, 'reports', 'notes.txt'), 'build log, not a report\n')
      // A wrong token: the check fails, but there is nothing to upload, so nothing is reported about it.
      const result = await runAction({ workspace: dir, inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': 'not-the-token', path: 'reports', artifacts: '' } })
      expect(result.code).toBe(0)
      // At most the one early check (it may be cut short), never a retry.
      expect(profileChecks().length).toBeLessThanOrEqual(1)
      expect(result.stdout).not.toMatch(/rejected the token|Token check/)
      expect(result.outputs.uploaded).toBe('0')
    })

    it('is the first attempt of the check: its failure is retried like any other, then the uploads go', async () => {
      dojo = await startDojoServer()
      dojo.faults.push({ match: { endpoint: 'user_profile' }, action: { kind: 'status', status: 503, body: 'busy' } })
      const result = await run(reports(2), { retries: '2' })
      expect(result.code).toBe(0)
      expect(profileChecks().map((r) => r.status)).toEqual([503, 200])
      expect(result.stdout).toMatch(/Token check: .*503.* Retrying in \d+ s \(attempt 2\)/)
      expect(result.outputs.uploaded).toBe('2')
    })

    it('stops the run before any upload when the token is wrong and there are reports', async () => {
      dojo = await startDojoServer()
      const result = await runAction({ workspace: reports(2), inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': 'not-the-token', path: 'reports', artifacts: '' } })
      expect(result.code).toBe(1)
      expect(result.stdout).toContain('DefectDojo rejected the token')
      expect(dojo.uploads).toHaveLength(0)
      expect(profileChecks()).toHaveLength(1)
    })
  })
})
