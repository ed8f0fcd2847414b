// The pull request comment and the file/line annotations through the bundle (dist/index.js as a child
// process), against the DefectDojo stand-in and the GitHub REST stand-in, both on 127.0.0.1.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { startGithubServer, type GithubServer } from '../support/github-server.ts'
import { FIXTURES, runAction, type ActionRun } from '../support/run-action.ts'

let dojo: DojoServer
let github: GithubServer
const runs: ActionRun[] = []
beforeEach(async () => {
  dojo = await startDojoServer()
  github = await startGithubServer()
})
afterEach(async () => {
  await Promise.all([dojo.close(), github.close()])
})
afterAll(() => {
  for (const run of runs) expect(run.everything).not.toContain(github.token)
})

const HEAD_SHA = '5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d'

/** A pull_request event of this repository (not a fork): pull request #42 from harden-login. */
function pullRequestEvent(fork = false): Record<string, unknown> {
  const event = JSON.parse(readFileSync(join(FIXTURES, 'events', 'pull-request-fork.json'), 'utf8')) as { pull_request: { head: Record<string, unknown> } }
  if (!fork) event.pull_request.head = { ref: 'harden-login', sha: HEAD_SHA, label: 'acme:harden-login', repo: { full_name: 'acme/web', fork: false, name: 'web', owner: { login: 'acme' } } }
  return event
}

/** A Semgrep JSON report: one finding per entry, ERROR (High in DefectDojo) unless said. */
function semgrep(findings: readonly { rule: string; path: string; line: number; severity?: string }[]): string {
  // `errors` first: recognition reads a bounded head of the file, and 500 results would push it out.
  return JSON.stringify({
    version: '1.99.0',
    errors: [],
    results: findings.map((f) => ({
      check_id: f.rule,
      path: f.path,
      start: { line: f.line, col: 1, offset: 0 },
      end: { line: f.line, col: 10, offset: 9 },
      extra: { message: `Finding ${f.rule}`, metadata: {}, severity: f.severity ?? 'ERROR', fingerprint: 'requires login', lines: 'requires login', engine_kind: 'OSS' }
    })),
    paths: { scanned: ['src/app.py'] }
  })
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-pr-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

let runId = 7000
/** One run of the bundle, each with its own run id (its own DefectDojo build id, as on GitHub). */
async function run(dir: string, options: { inputs?: Record<string, string>; event?: Record<string, unknown> | string; eventName?: string } = {}): Promise<ActionRun> {
  const result = await runAction({
    workspace: dir,
    event: options.event ?? pullRequestEvent(),
    eventName: options.eventName,
    inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, 'github-token': github.token, path: 'reports', artifacts: '', ...options.inputs },
    env: { GITHUB_API_URL: github.url, GITHUB_RUN_ID: String(runId++) }
  })
  runs.push(result)
  return result
}

const marked = (issue = 42) => (github.comments.get(issue) ?? []).filter((c) => c.body.includes('<!-- defectdojo-reimport-action pr-comment '))
const writes = () => github.requests.filter((r) => r.method !== 'GET')

describe('the pull request comment', () => {
  it('a pull request run → exactly one comment naming the introduced findings; a rerun updates that same comment', async () => {
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'python.flask.security.sqli', path: 'src/app.py', line: 42 }]) })
    // Someone else's comment (with no marker) is left alone.
    github.addComment(42, 'Looks good to me')
    const first = await run(dir)
    expect(first.code).toBe(0)
    expect(marked()).toHaveLength(1)
    const [comment] = marked()
    expect(comment!.body).toContain('python.flask.security.sqli')
    expect(comment!.body).toContain('src/app.py:42')
    expect(comment!.body).toMatch(/\*\*High\*\*/)
    expect(comment!.body).toMatch(/\]\(http:\/\/127\.0\.0\.1:\d+\/finding\/\d+\)/)
    expect(first.stdout).toMatch(/Pull request #42: comment created/)

    github.requests.length = 0
    const second = await run(dir)
    expect(second.code).toBe(0)
    expect(marked()).toHaveLength(1)
    expect(marked()[0]!.id).toBe(comment!.id)
    expect(writes().map((r) => r.method)).toEqual(['PATCH'])
    expect(second.stdout).toMatch(/Pull request #42: comment updated/)
    // New means new: the rerun still names what the pull request introduces.
    expect(marked()[0]!.body).toContain('python.flask.security.sqli')
    expect(marked()[0]!.body).toContain('1 new')
    expect(github.comments.get(42)![0]!.body).toBe('Looks good to me')
  })

  it('against the default branch: what main already has is neither new nor annotated; what main has and the pull request no longer has is fixed', async () => {
    const main = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'rules.kept', path: 'src/app.py', line: 10 }, { rule: 'rules.removed', path: 'src/old.py', line: 5 }]) })
    const onMain = await run(main, { event: 'push-main.json', inputs: { 'pr-comment': 'off' } })
    expect(onMain.code).toBe(0)
    const branch = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'rules.kept', path: 'src/app.py', line: 10 }, { rule: 'rules.added', path: 'src/app.py', line: 42 }]) })
    const result = await run(branch)
    expect(result.code).toBe(0)
    const [comment] = marked()
    expect(comment!.body).toContain('### DefectDojo: 1 new finding, 1 fixed')
    expect(comment!.body).toMatch(/\*\*reports\/semgrep\.json\*\*|\[reports\/semgrep\.json\]/)
    expect(comment!.body).toMatch(/1 new · compared with \[the default branch's test\]\(http:\/\/127\.0\.0\.1:\d+\/test\/\d+\) · 1 fixed/)
    expect(comment!.body).toMatch(/\| \*\*High\*\* \| \[rules\.added\]\([^)]+\) \| src\/app\.py:42 \|/)
    expect(comment!.body).toMatch(/Fixed:\n\n- \*\*High\*\* \[rules\.removed\]\([^)]+\) in src\/old\.py:5/)
    expect(comment!.body).not.toContain('rules.kept')
    expect(result.stdout).toMatch(/^::error title=New High finding,file=src\/app\.py,line=42::rules\.added/m)
    expect(result.stdout).not.toMatch(/^::error .*line=10::/m)
  })

  it('each matrix leg keeps a comment of its own, found again on its rerun', async () => {
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'r1', path: 'src/app.py', line: 42 }]) })
    const linux = '{\n  "os": "linux"\n}'
    await run(dir, { inputs: { matrix: linux } })
    await run(dir, { inputs: { matrix: '{\n  "os": "windows"\n}' } })
    expect(marked()).toHaveLength(2)
    github.requests.length = 0
    await run(dir, { inputs: { matrix: linux } })
    expect(marked()).toHaveLength(2)
    expect(writes().map((r) => r.method)).toEqual(['PATCH'])
  })

  it('a push → no comment, no call to GitHub and no file annotations', async () => {
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'r1', path: 'src/app.py', line: 42 }]) })
    const result = await run(dir, { event: 'push-main.json' })
    expect(result.code).toBe(0)
    expect(github.requests).toHaveLength(0)
    expect(result.stdout).not.toMatch(/^::(error|warning) title=New/m)
  })

  it('pr-comment: off writes nothing; auto writes nothing when nothing is introduced, always does', async () => {
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'r1', path: 'src/app.py', line: 42 }]) })
    await run(dir, { inputs: { 'pr-comment': 'off' } })
    expect(github.requests).toHaveLength(0)
    const empty = workspace({ 'reports/semgrep.json': semgrep([]) })
    const auto = await run(empty)
    expect(auto.code).toBe(0)
    expect(marked()).toHaveLength(0)
    expect(auto.stdout).toContain('nothing introduced or fixed, so no comment')
    await run(empty, { inputs: { 'pr-comment': 'always' } })
    expect(marked()).toHaveLength(1)
    expect(marked()[0]!.body).toContain('0 new findings')
  })

  it('a token that may not write (a fork, or no pull-requests: write) → the step passes with a notice saying what to grant', async () => {
    github.permission = 'read'
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'r1', path: 'src/app.py', line: 42 }]) })
    const result = await run(dir, { event: pullRequestEvent(true) })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::notice::No pull request comment: the token may not write to the pull request \(GitHub: Resource not accessible by integration.*pull-requests: write.*workflow_run/m)
    expect(marked()).toHaveLength(0)
    // The uploads went through and the summary has them.
    expect(result.outputs.uploaded).toBe('1')
  })

  it('a GitHub that fails (5xx, retried) or a bad token never fails the step', async () => {
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'r1', path: 'src/app.py', line: 42 }]) })
    github.faults.push({ match: { method: 'POST' }, times: 1, status: 502, body: { message: 'Server Error' } })
    const retried = await run(dir)
    expect(retried.code).toBe(0)
    expect(marked()).toHaveLength(1)
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
    const bad = await run(dir, { inputs: { 'github-token': 'ghs_notTheRightToken000000000000000000' } })
    expect(bad.code).toBe(0)
    expect(bad.stdout).toMatch(/::notice::No pull request comment: the token may not write.*Bad credentials/)
  })

  it('a GitHub that does not answer holds the step at most the 10 s bound, then a notice', async () => {
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'r1', path: 'src/app.py', line: 42 }]) })
    github.faults.push({ match: { method: 'GET' }, delayMs: 60_000 })
    const started = Date.now()
    const result = await run(dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::notice::No pull request comment: GitHub did not answer within 10 s/m)
    expect(Date.now() - started).toBeLessThan(25_000)
    expect(result.outputs.uploaded).toBe('1')
  })

  it('a report that introduces 500 findings → a comment within the size limit that links the rest', async () => {
    const findings = Array.from({ length: 500 }, (_, i) => ({ rule: `rules.${'x'.repeat(120)}.${i}`, path: `src/module${i}/${'deep/'.repeat(10)}file.py`, line: i + 1 }))
    const dir = workspace({ 'reports/semgrep.json': semgrep(findings) })
    const result = await run(dir)
    expect(result.code).toBe(0)
    const [comment] = marked()
    expect(comment!.body.length).toBeLessThanOrEqual(65_536)
    expect(comment!.body).toContain('500 new')
    const listed = comment!.body.split('\n').filter((l) => l.startsWith('| **High**')).length
    expect(listed).toBeGreaterThan(0)
    expect(comment!.body).toMatch(new RegExp(`…and ${500 - listed} more: \\[in DefectDojo\\]\\(http://127\\.0\\.0\\.1:\\d+/test/\\d+\\) and \\[in the job summary\\]\\(https://github\\.com/acme/web/actions/runs/${result.env.GITHUB_RUN_ID}\\)`))
  })

  it('a workflow_run run of a fork pull request finds it by head repository and commit; two or none → a notice', async () => {
    const event = JSON.parse(readFileSync(join(FIXTURES, 'events', 'workflow-run.json'), 'utf8')) as { workflow_run: Record<string, unknown> }
    Object.assign(event.workflow_run, { event: 'pull_request', head_branch: 'harden-login', head_sha: HEAD_SHA, pull_requests: [], head_repository: { full_name: 'contributor/web', owner: { login: 'contributor' } } })
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'r1', path: 'src/app.py', line: 42 }]) })
    github.addPull({ number: 7, headSha: HEAD_SHA, headRef: 'harden-login', headRepo: 'contributor/web' })
    // Another fork's branch of the same name, and an older commit of this one: neither is it.
    github.addPull({ number: 8, headSha: HEAD_SHA, headRef: 'harden-login', headRepo: 'someone/web' })
    const found = await run(dir, { event })
    expect(found.code).toBe(0)
    expect(marked(7)).toHaveLength(1)
    expect(github.requests.find((r) => r.path === '/repos/acme/web/pulls')!.query).toMatchObject({ head: 'contributor:harden-login', state: 'open' })
    // workflow_run annotations would land on the default branch: none, and the log says why.
    expect(found.stdout).not.toMatch(/^::error .*file=/m)
    expect(found.stdout).toContain('No file annotations on a workflow_run run')

    github.addPull({ number: 9, headSha: HEAD_SHA, headRef: 'harden-login', headRepo: 'contributor/web' })
    const two = await run(dir, { event })
    expect(two.code).toBe(0)
    expect(two.stdout).toMatch(/::notice::No pull request comment: 2 open pull requests have the head contributor:harden-login at 5e6f708: #7, #9/)
    expect(marked(9)).toHaveLength(0)
  })
})

describe('annotations', () => {
  it('an introduced Semgrep finding at src/app.py:42 → an error annotation at that file and line', async () => {
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'python.flask.security.sqli', path: 'src/app.py', line: 42 }]) })
    const result = await run(dir, { inputs: { 'pr-comment': 'off' } })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::error title=New High finding,file=src\/app\.py,line=42::python\.flask\.security\.sqli \(reports\/semgrep\.json; DefectDojo: http:\/\/127\.0\.0\.1:\d+\/finding\/\d+\)$/m)
  })

  it("within the step's limits: 10 errors, most severe first, and a notice counting the rest", async () => {
    const findings = Array.from({ length: 25 }, (_, i) => ({ rule: `rules.r${i}`, path: `src/f${i}.py`, line: i + 1 }))
    const dir = workspace({ 'reports/semgrep.json': semgrep(findings) })
    const result = await run(dir, { inputs: { 'pr-comment': 'off' } })
    expect(result.code).toBe(0)
    expect(result.stdout.match(/^::error title=New High finding,file=src\/f\d+\.py,line=\d+::/gm)).toHaveLength(10)
    expect(result.stdout).toMatch(/^::notice::15 more new findings were not annotated \(GitHub shows 10 error and 10 warning annotations per step\)/m)
  })

  it("the step's own warnings and its failure come first: the findings get what is left of the 10 per kind", async () => {
    const findings = Array.from({ length: 12 }, (_, i) => ({ rule: `rules.m${i}`, path: `src/m${i}.py`, line: i + 1, severity: 'WARNING' }))
    // A second report over max-report-size-mb: a failed upload (a warning annotation) and a failed step (an error).
    const big = JSON.stringify([{ RuleID: 'generic-api-key', File: 'x.env', StartLine: 1, Secret: 'x', Match: 'x', Description: 'y'.repeat(20_000) }])
    const dir = workspace({ 'reports/semgrep.json': semgrep(findings), 'reports/gitleaks.json': big })
    const result = await run(dir, { inputs: { 'pr-comment': 'off', 'max-report-size-mb': '0.01' } })
    expect(result.code).toBe(1)
    const warnings = result.stdout.match(/^::warning/gm) ?? []
    const findingWarnings = result.stdout.match(/^::warning title=New Medium finding,file=src\/m\d+\.py,line=\d+::/gm) ?? []
    expect(result.stdout).toMatch(/^::warning title=DefectDojo upload failed::reports\/gitleaks\.json/m)
    expect(warnings.length).toBeLessThanOrEqual(10)
    expect(findingWarnings.length).toBeGreaterThan(0)
    expect(findingWarnings.length).toBeLessThan(10)
    expect(result.stdout).toContain(`::notice::${12 - findingWarnings.length} more new findings were not annotated`)
    expect((result.stdout + result.stderr).match(/^::error/gm)!.length).toBeLessThanOrEqual(10)
  })

  it('an empty github-token writes no comment and says what to do', async () => {
    const dir = workspace({ 'reports/semgrep.json': semgrep([{ rule: 'r1', path: 'src/app.py', line: 42 }]) })
    const result = await run(dir, { inputs: { 'github-token': '' } })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::notice::No pull request comment: `github-token` is empty/m)
    expect(github.requests).toHaveLength(0)
  })

  it('container paths are made relative, hostile titles carry no workflow command, and what cannot be placed is counted', async () => {
    const dir = workspace({
      'reports/semgrep.json': semgrep([
        { rule: 'a', path: '/src/app/one.py', line: 3 },
        { rule: 'b\n::error file=x::spoofed', path: '/github/workspace/app/two.py', line: 4 },
        { rule: 'c', path: '/etc/passwd', line: 1 }
      ])
    })
    const result = await run(dir, { inputs: { 'pr-comment': 'off' } })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::error title=New High finding,file=app\/one\.py,line=3::/m)
    expect(result.stdout).toMatch(/^::error title=New High finding,file=app\/two\.py,line=4::/m)
    expect(result.stdout).not.toMatch(/^::error file=x/m)
    expect(result.stdout).toMatch(/^::notice::1 new finding has no file and line in this repository to annotate/m)
  })
})
