// The summary, the gate outputs and the failure policy through the bundle: numbers equal to what
// DefectDojo answered, outputs a gate step can use, and a step outcome that never hides a lost report.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer, type ReceivedUpload } from '../support/dojo-server.ts'
import { FIXTURES, runAction, type ActionRun } from '../support/run-action.ts'

let dojo: DojoServer
beforeEach(async () => {
  dojo = await startDojoServer()
})
afterEach(async () => {
  await dojo.close()
})

const workspace = mkdtempSync(join(tmpdir(), 'dd-summary-'))
function lay(folder: string): void {
  rmSync(join(workspace, 'reports'), { recursive: true, force: true })
  cpSync(join(FIXTURES, folder), join(workspace, 'reports'), { recursive: true })
}
async function run(inputs: Record<string, string> = {}, dir = workspace): Promise<ActionRun> {
  return runAction({ workspace: dir, inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: 'reports', artifacts: '', ...inputs } })
}

type Stats = { statistics: { delta?: Record<string, Record<string, { total: number }>>; after: Record<string, { total: number; active: number }> } }
/** What the stand-in answered, summed as a reader would: delta totals, or `after` for a new test. */
function answered(uploads: ReceivedUpload[], action: 'created' | 'closed' | 'reactivated' | 'untouched', severity = 'total'): number {
  return uploads.reduce((sum, u) => {
    const s = (u.response as Stats).statistics
    if (s.delta) return sum + s.delta[action]![severity]!.total
    return sum + (action === 'created' ? s.after[severity]!.total : 0)
  }, 0)
}

describe('summary and outputs over consecutive runs', () => {
  it('two consecutive runs with changed reports: summary and outputs equal the sum of what DefectDojo answered', async () => {
    lay('demo')
    const first = await run()
    const firstUploads = [...dojo.uploads]
    lay('demo-next')
    const second = await run()
    const secondUploads = dojo.uploads.slice(firstUploads.length)
    for (const [result, uploads] of [[first, firstUploads], [second, secondUploads]] as const) {
      expect(result.code).toBe(0)
      for (const action of ['created', 'closed', 'reactivated', 'untouched'] as const) expect(result.outputs[action]).toBe(String(answered(uploads, action)))
      for (const severity of ['critical', 'high', 'medium', 'low', 'info']) expect(result.outputs[`created-${severity}`]).toBe(String(answered(uploads, 'created', severity)))
    }
    // The second day: a rotated key and a fixed CVE closed, a new secret and a new critical CVE created.
    expect(second.outputs).toMatchObject({ created: '2', closed: '2', reactivated: '0', 'created-critical': '1', 'created-high': '1', new: '2', 'new-critical': '1', 'new-high': '1' })
    expect(second.summary).toContain("**2 new** (1 critical, 1 high) · 11 already on the default branch — DefectDojo's counts: 2 created (1 critical, 1 high) · 2 closed · 0 reactivated · 11 untouched")
    // Active-after outputs: what a gate reads to block on open criticals.
    const activeCritical = secondUploads.reduce((n, u) => n + (u.response as Stats).statistics.after.critical!.active, 0)
    expect(second.outputs['active-critical']).toBe(String(activeCritical))
    // The compact results output parses and matches the results file.
    const compact = JSON.parse(second.outputs.results!) as { truncated: boolean; results: Array<{ testId: number; closed: number }> }
    expect(compact.truncated).toBe(false)
    expect(compact.results.map((r) => r.testId)).toEqual(second.results!.results.map((r) => r.testId))
    // Third day, yesterday's reports again: what was closed comes back.
    lay('demo')
    const third = await run()
    // Reactivated on the default branch: new again, and reintroduced.
    expect(third.outputs).toMatchObject({ reactivated: '2', closed: '2', created: '0', new: '2' })
    expect(third.summary).toContain('reintroduced')
    expect(third.summary).toMatch(/\| ✓ uploaded \| \[reports\/gitleaks\.json\]\(http:\/\/127\.0\.0\.1:\d+\/test\/\d+\) \| Gitleaks Scan \| – \| 1 \| – \| – \| – \|/)
  })

  it('a gate step can read the outputs from GITHUB_OUTPUT', async () => {
    lay('demo')
    const result = await run()
    const gate = `set -e; test "${result.outputs['new-critical']}" -ge 1 && echo "gate: block, ${result.outputs['new-critical']} new critical"`
    expect(gate).toContain('gate: block, 1 new critical')
    expect(readFileSync(result.outputs['results-file']!, 'utf8')).toContain('"status": "uploaded"')
  })
})

describe('failure policy', () => {
  const failing = (times: number) => dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times, action: { kind: 'status', status: 500, body: '{"message": "Internal server error, check logs for details"}', contentType: 'application/json' } })

  it('fails after all reports were processed and the summary written, when one report failed', async () => {
    lay('demo')
    failing(1)
    const result = await run({ concurrency: '1' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ uploaded: '5', failed: '1' })
    expect(result.summary).toContain('This step failed because 1 of 6 reports failed to upload')
    expect(result.stdout).toContain('::error::1 of 6 reports failed to upload to DefectDojo')
    expect(result.stdout).toMatch(/::warning title=DefectDojo upload failed::reports\/\S+: DefectDojo failed to parse this report/)
  })

  it('fail-on-error: false keeps the step green but still warns and reports the failure', async () => {
    lay('demo')
    failing(1)
    const result = await run({ 'fail-on-error': 'false' })
    expect(result.code).toBe(0)
    expect(result.outputs.failed).toBe('1')
    expect(result.stdout).toContain('The step passes because `fail-on-error` is false.')
    expect(result.summary).toMatch(/fail-on-error/)
  })

  it('caps failure annotations (GitHub shows 10 per step) and adds one line for the rest', async () => {
    const many = mkdtempSync(join(tmpdir(), 'dd-many-'))
    writeFileSync(join(many, 'placeholder'), '')
    rmSync(join(many, 'placeholder'))
    cpSync(join(FIXTURES, 'demo'), join(many, 'reports'), { recursive: true })
    for (let i = 0; i < 12; i++) writeFileSync(join(many, 'reports', `gitleaks-${i}.json`), readFileSync(join(FIXTURES, 'demo', 'gitleaks.json'), 'utf8').replace('"StartLine": 12', `"StartLine": ${100 + i}`))
    failing(100)
    const result = await run({}, many)
    expect(result.code).toBe(1)
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'))
    expect(warnings.filter((l) => l.includes('title=DefectDojo upload failed'))).toHaveLength(9)
    expect(result.stdout).toContain('10 more reports failed: see the job summary and the results file.')
  })

  it('an unrecognised file only warns, unless fail-on-unrecognized: true', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-unrec-'))
    cpSync(join(FIXTURES, 'demo'), join(dir, 'reports'), { recursive: true })
    writeFileSync(join(dir, 'reports', 'inventory.json'), '{"hosts": ["a", "b"]}')
    const warned = await run({}, dir)
    expect(warned.code).toBe(0)
    expect(warned.stdout).toContain('::warning::1 file was not recognised as a report')
    const failed = await run({ 'fail-on-unrecognized': 'true' }, dir)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('::error::1 file was not recognised as a report')
  })

  it('a preflight failure fails at once, yet writes a summary saying nothing was uploaded and why, and a results file', async () => {
    lay('demo')
    const result = await run({ 'defectdojo-token': 'e'.repeat(40) })
    expect(result.code).toBe(1)
    expect(dojo.uploads).toHaveLength(0)
    expect(result.summary).toContain('DefectDojo rejected the token')
    expect(result.summary).toMatch(/nothing was uploaded/i)
    expect(result.results!.results.filter((r) => r.status === 'failed')).toHaveLength(6)
    expect(result.everything).not.toContain('e'.repeat(40))
  })
})

describe('what got worse, first', () => {
  const findingLists = () => dojo.requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/findings/')

  it('leads with the reports that brought new findings, their titles read back from DefectDojo and linked', async () => {
    lay('demo')
    const first = await run()
    expect(first.code).toBe(0)
    const rows = first.results!.results.filter((r) => r.status === 'uploaded')
    // A first run on the default branch: everything it created is new.
    const worse = rows.filter((r) => ((r.novelty as { new?: { total: number } }).new?.total ?? 0) > 0)
    expect(worse.length).toBeGreaterThan(0)
    expect(first.outputs.new).toBe(first.outputs.created)
    const lead = first.summary.slice(first.summary.indexOf('### New findings'), first.summary.indexOf('### Other reports') >>> 0)
    for (const r of worse) expect(lead).toContain(`(${String(r.testUrl)})`)
    // Each title listed is a finding of that report's test in DefectDojo, of the severity named, linked to it.
    const links = [...lead.matchAll(/^- (\w+): \[(.+)\]\((http[^)]+\/finding\/(\d+))\)$/gm)]
    expect(links.length).toBeGreaterThan(0)
    for (const [, severity, title, url, id] of links) {
      const finding = dojo.state.tests.flatMap((t) => t.findings).find((f) => f.id === Number(id))!
      expect(finding).toBeDefined()
      expect(url).toBe(`${dojo.url}/finding/${id}`)
      expect(title!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\\/g, '')).toBe(finding.title)
      expect(finding.severity).toBe(severity)
    }

    // The same reports again on the default branch: nothing created or reactivated, so nothing new, one line, no finding read.
    const before = findingLists().length
    const second = await run()
    expect(second.summary).toContain('**No new findings**')
    expect(second.summary).not.toContain('### New findings')
    expect(second.outputs).toMatchObject({ new: '0', 'counts-unknown': '0' })
    expect(findingLists()).toHaveLength(before)
  })

  it('counts the reports in counts-unknown, and says so, when their findings cannot be read', async () => {
    lay('demo')
    dojo.faults.push({ match: { endpoint: 'findings' }, times: Infinity, action: { kind: 'status', status: 500, body: '{"message": "Internal server error"}' } })
    const result = await run()
    expect(result.code).toBe(0)
    expect(result.outputs['counts-unknown']).toBe(result.outputs.uploaded)
    expect(result.summary).toContain('**new findings unknown**')
    expect(result.summary).not.toMatch(/\/finding\/\d+\)/)
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([])
    expect(findingLists().length).toBeGreaterThan(0)
  })
})
