// New means new (issue 22), through the bundle against the DefectDojo stand-in with its deduplication on
// and off: what the outputs, the summary and the results file call new is what the default branch does
// not have — not what DefectDojo "created" in a pull request's empty engagement, nor what its duplicate
// flag says.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { FIXTURES, runAction, type ActionRun } from '../support/run-action.ts'

const REPORTS = ['trivy-image.json', 'bandit.json', 'semgrep.json', 'gitleaks.json', 'codeql.sarif', 'zap.xml']
const NEW_CVE = 'CVE-2026-48151'

let dojo: DojoServer
afterEach(async () => {
  await dojo.close()
})

/** The demo reports, and optionally a Trivy report with one more High vulnerability (or a change of our own). */
function workspace(trivy: (report: TrivyReport) => void = () => undefined, bandit: (report: { results: Array<Record<string, unknown>> }) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-new-'))
  mkdirSync(join(dir, 'reports'))
  for (const name of REPORTS) writeFileSync(join(dir, 'reports', name), readFileSync(join(FIXTURES, 'demo', name)))
  const report = JSON.parse(readFileSync(join(FIXTURES, 'demo', 'trivy-image.json'), 'utf8')) as TrivyReport
  trivy(report)
  writeFileSync(join(dir, 'reports', 'trivy-image.json'), JSON.stringify(report))
  const banditReport = JSON.parse(readFileSync(join(FIXTURES, 'demo', 'bandit.json'), 'utf8')) as { results: Array<Record<string, unknown>> }
  bandit(banditReport)
  writeFileSync(join(dir, 'reports', 'bandit.json'), JSON.stringify(banditReport))
  return dir
}

interface TrivyReport {
  Results: Array<{ Vulnerabilities?: Array<Record<string, unknown>> }>
}

const withNewHigh = (report: TrivyReport): void => {
  report.Results[0]!.Vulnerabilities!.push({
    VulnerabilityID: NEW_CVE,
    PkgName: 'zlib',
    InstalledVersion: '1.2.11-r1',
    FixedVersion: '1.2.12-r0',
    Status: 'fixed',
    Severity: 'HIGH',
    Title: 'zlib: example memory corruption in deflate',
    Description: 'An example vulnerability written for this project.',
    PrimaryURL: 'https://avd.aquasec.com/nvd/cve-2026-48151'
  })
}

function pullRequest(number: number, branch: string): Record<string, unknown> {
  const repository = { name: 'web', full_name: 'acme/web', owner: { login: 'acme' }, default_branch: 'main' }
  return {
    action: 'synchronize',
    number,
    pull_request: { number, head: { ref: branch, sha: 'ab'.repeat(20), repo: repository }, base: { ref: 'main', repo: repository }, merge_commit_sha: 'cd'.repeat(20) },
    repository,
    sender: { login: 'dana-dev' }
  }
}

let runId = 5000
/** One run of the bundle: each its own run id, so each import has its own build id (as on GitHub). */
async function run(dir: string, event: string | Record<string, unknown> = 'push-main.json'): Promise<ActionRun> {
  const result = await runAction({
    workspace: dir,
    event,
    inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, artifacts: '', path: 'reports' },
    env: { GITHUB_RUN_ID: String(runId++) }
  })
  if (result.code !== 0) throw new Error(`the run failed (${result.code}):\n${result.stdout}\n${result.stderr}`)
  return result
}

const newOutputs = (r: ActionRun) => Object.fromEntries(['new', 'new-critical', 'new-high', 'new-medium', 'new-low', 'new-info', 'counts-unknown'].map((k) => [k, r.outputs[k]]))
/** The lead section of the summary: what it presents as new. */
const newSection = (summary: string): string => {
  const start = summary.indexOf('### New findings')
  return start < 0 ? '' : summary.slice(start, summary.indexOf('\n### ', start + 1) >>> 0)
}
const trivyRow = (r: ActionRun) => r.results!.results.find((row) => String(row.file).endsWith('trivy-image.json'))!
const findingsTitled = (part: string) => dojo.state.tests.flatMap((t) => t.findings.filter((f) => f.title.includes(part)).map((f) => ({ ...f, engagement: t.engagement })))

describe.each([
  ['on', true],
  ['off', false]
])('deduplication %s', (_label, deduplication) => {
  it('a pull request with the same reports plus one new High says new=1 and new-high=1, and still does on its rerun', async () => {
    dojo = await startDojoServer({ deduplication })
    const main = await run(workspace())
    expect(main.outputs['counts-unknown']).toBe('0')
    const critical = findingsTitled('CVE-2026-10002')[0]!.title

    const pr = workspace(withNewHigh)
    const first = await run(pr, pullRequest(12, 'bump-zlib'))
    expect(newOutputs(first)).toEqual({ new: '1', 'new-critical': '0', 'new-high': '1', 'new-medium': '0', 'new-low': '0', 'new-info': '0', 'counts-unknown': '0' })
    // DefectDojo's raw count is every finding of the branch's first import: not what the gate decides on.
    expect(Number(first.outputs['created-high'])).toBeGreaterThan(1)
    const lead = newSection(first.summary)
    expect(lead).toContain(NEW_CVE)
    expect(lead).not.toContain(critical)
    expect(first.summary).toMatch(/\*\*1 new\*\* \(1 high\) · \d+ already on the default branch/)
    expect(trivyRow(first).novelty).toMatchObject({ kind: 'known', against: 'default-branch-test', new: { high: 1, total: 1 } })
    expect(first.stdout).toMatch(new RegExp(`trivy-image.json: 1 new \\(1 high\\): High "${NEW_CVE}[^"]*"; \\d+ already on the default branch`))
    expect(first.stdout).toMatch(/^New findings: 1 \(1 high\); \d+ already on the default branch; 0 known to DefectDojo \(triaged there\)\.$/m)

    const again = await run(pr, pullRequest(12, 'bump-zlib'))
    expect(newOutputs(again)).toMatchObject({ new: '1', 'new-high': '1', 'counts-unknown': '0' })
    expect(again.outputs.created).toBe('0')
  })

  it('a finding marked false positive on the default branch and found again on the branch is not new', async () => {
    dojo = await startDojoServer({ deduplication })
    await run(workspace())
    const [onMain] = findingsTitled('CVE-2026-10001')
    dojo.triage(onMain!.id, 'false_p')
    const pr = await run(workspace(), pullRequest(13, 'refactor'))
    expect(newOutputs(pr)).toMatchObject({ new: '0', 'new-high': '0', 'counts-unknown': '0' })
    expect(trivyRow(pr).novelty).toMatchObject({ triagedOnMain: 1 })
    // With deduplication on, DefectDojo marks the branch's copy a duplicate of the false positive; off, it stays active. Neither is new.
    const copy = findingsTitled('CVE-2026-10001').find((f) => f.id !== onMain!.id)!
    expect(copy.duplicate).toBe(deduplication)
    expect(pr.summary).toContain('1 known to DefectDojo')
  })

  it('a finding fixed on the default branch and back on the branch is new, and marked reintroduced', async () => {
    dojo = await startDojoServer({ deduplication })
    await run(workspace())
    const [onMain] = findingsTitled('CVE-2026-10002')
    dojo.triage(onMain!.id, 'mitigated')
    const pr = await run(workspace(), pullRequest(14, 'revert-fix'))
    expect(newOutputs(pr)).toMatchObject({ new: '1', 'new-critical': '1', 'counts-unknown': '0' })
    expect(trivyRow(pr).novelty).toMatchObject({ reintroduced: 1 })
    expect(newSection(pr.summary)).toMatch(/CVE-2026-10002[^\n]*reintroduced/)
    // DefectDojo does not attach a duplicate to a fixed original: the branch's copy stays active either way.
    const copy = findingsTitled('CVE-2026-10002').find((f) => f.id !== onMain!.id)!
    expect([copy.active, copy.duplicate]).toEqual([true, false])
  })

  it('on the default branch, new is what the import created or reactivated', async () => {
    dojo = await startDojoServer({ deduplication })
    const first = await run(workspace())
    expect(Number(first.outputs.new)).toBe(Number(first.outputs.created))
    const second = await run(workspace(withNewHigh))
    expect(newOutputs(second)).toMatchObject({ new: '1', 'new-high': '1', 'counts-unknown': '0' })
  })
})

describe('a finding that moved', () => {
  it('shows as new plus fixed where the fingerprint holds the line (Bandit: file_path, line, test id)', async () => {
    dojo = await startDojoServer({ deduplication: true })
    await run(workspace())
    const moved = await run(
      workspace(undefined, (report) => {
        report.results[0]!.line_number = 17
        report.results[0]!.line_range = [17]
      }),
      pullRequest(15, 'move-code')
    )
    expect(newOutputs(moved)).toMatchObject({ new: '1', 'new-medium': '1', 'counts-unknown': '0' })
    const bandit = moved.results!.results.find((row) => String(row.file).endsWith('bandit.json'))!
    expect(bandit.novelty).toMatchObject({ kind: 'known', fixed: 1, new: { medium: 1, total: 1 }, fingerprint: expect.stringContaining('line') })
  })
})

describe('deduplication on, across branches', () => {
  it('two pull requests that bring in the same new finding both report it as new, though DefectDojo marks the second a duplicate', async () => {
    dojo = await startDojoServer({ deduplication: true })
    await run(workspace())
    const a = await run(workspace(withNewHigh), pullRequest(21, 'bump-zlib-a'))
    const b = await run(workspace(withNewHigh), pullRequest(22, 'bump-zlib-b'))
    expect(newOutputs(a)).toMatchObject({ new: '1', 'new-high': '1' })
    expect(newOutputs(b)).toMatchObject({ new: '1', 'new-high': '1' })
    const copies = findingsTitled(NEW_CVE).sort((x, y) => x.id - y.id)
    expect(copies.map((f) => f.duplicate)).toEqual([false, true])
    expect(copies[1]!.duplicate_finding).toBe(copies[0]!.id)
  })

  it('after the merge, the default branch calls the finding new though DefectDojo marked it a duplicate of the branch’s copy, even when it deduplicates after answering', async () => {
    dojo = await startDojoServer({ deduplication: true, deduplicationDelayMs: 50 })
    await run(workspace())
    await run(workspace(withNewHigh), pullRequest(23, 'bump-zlib'))
    const merged = await run(workspace(withNewHigh))
    expect(newOutputs(merged)).toMatchObject({ new: '1', 'new-high': '1', 'counts-unknown': '0' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    // The merge's copy is the newest finding: DefectDojo marked it a duplicate of the pull request's, after answering.
    const onMain = findingsTitled(NEW_CVE).sort((x, y) => x.id - y.id).at(-1)!
    expect([onMain.duplicate, onMain.active]).toEqual([true, false])
  })
})

describe('when it cannot be told', () => {
  it('counts each report in counts-unknown and never presents 0 new for it, when the lookups are forbidden', async () => {
    dojo = await startDojoServer({ deduplication: true })
    await run(workspace())
    dojo.listing = 'forbidden'
    const pr = await run(workspace(withNewHigh), pullRequest(30, 'bump-zlib'))
    expect(pr.outputs['counts-unknown']).toBe(String(REPORTS.length))
    expect(pr.summary).toContain('**new findings unknown**')
    expect(pr.summary).not.toContain('**0 new**')
    expect(trivyRow(pr).novelty).toMatchObject({ kind: 'unknown' })
    expect(pr.results!.results.every((row) => row.status !== 'uploaded' || (row.novelty as { kind: string }).kind === 'unknown')).toBe(true)
  })

  it('says "no baseline on the default branch yet" and counts everything as new when the default branch has no such test', async () => {
    dojo = await startDojoServer()
    const pr = await run(workspace(withNewHigh), pullRequest(31, 'first'))
    expect(pr.outputs['counts-unknown']).toBe('0')
    expect(pr.outputs.new).toBe(pr.outputs.created)
    expect(trivyRow(pr).novelty).toMatchObject({ kind: 'known', against: 'no-baseline' })
    expect(pr.summary).toContain('no baseline on the default branch yet')
  })
})
