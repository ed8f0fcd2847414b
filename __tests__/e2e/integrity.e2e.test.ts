// Every report reaches its own test, and never another branch's (issue 13), through the bundle and
// the command line against the DefectDojo stand-in: identical reports of different scanners, forks
// and pull requests, runs without a branch, names that change every run, `scan-types` rules, runs
// without secrets, and what the command line must never upload or read.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startArtifactServer, type ArtifactServer } from '../support/artifact-server.ts'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { FIXTURES, ROOT, runAction, type ActionRun } from '../support/run-action.ts'

const demo = (name: string) => readFileSync(join(FIXTURES, 'demo', name), 'utf8')
const event = (name: string) => JSON.parse(readFileSync(join(FIXTURES, 'events', name), 'utf8')) as Record<string, unknown>
const HEAD = '9f4c2e1d7b3a5f6e8d0c1b2a3f4e5d6c7b8a9f0e'
const GITHUB_TOKEN = 'ghs_emulatedtoken0123456789abcdefghijklmn'

let dojo: DojoServer
let artifacts: ArtifactServer | null = null
beforeEach(async () => {
  dojo = await startDojoServer()
})
afterEach(async () => {
  await dojo.close()
  await artifacts?.close()
  artifacts = null
})

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-integrity-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

async function action(inputs: Record<string, string>, options: Parameters<typeof runAction>[0] = {}): Promise<ActionRun> {
  return runAction({ ...options, inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, artifacts: '', ...inputs } })
}

const engagements = () => [...new Set(dojo.uploads.map((u) => u.fields.engagement_name![0]))].sort()

describe('deduplication by target test, not by bytes', () => {
  it('reimports two clean Gitleaks artifacts into their own tests, both of them', async () => {
    artifacts = await startArtifactServer({
      artifacts: [
        { name: 'gitleaks-web', files: { 'gitleaks.json': '[]' } },
        { name: 'gitleaks-api', files: { 'gitleaks.json': '[]' } }
      ],
      token: GITHUB_TOKEN
    })
    const result = await runAction({ inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, 'github-token': GITHUB_TOKEN }, env: artifacts.env(), workspace: workspace({}) })
    expect(result.code).toBe(0)
    expect(dojo.uploads.map((u) => u.fields.test_title![0]).sort()).toEqual(['gitleaks: gitleaks-api/gitleaks.json', 'gitleaks: gitleaks-web/gitleaks.json'])
    expect(result.outputs.uploaded).toBe('2')
  })

  it('uploads two identical Trivy reports in different folders, each into its own test', async () => {
    const trivy = demo('trivy-image.json')
    const result = await action({ path: 'reports' }, { workspace: workspace({ 'reports/fs/trivy.json': trivy, 'reports/image/trivy.json': trivy }) })
    expect(result.code).toBe(0)
    expect(dojo.uploads.map((u) => u.fields.test_title![0]).sort()).toEqual(['trivy: reports/fs/trivy.json', 'trivy: reports/image/trivy.json'])
  })

  it('sends the same content once when it would land in the same test, and says which', async () => {
    const result = await action({ path: 'reports', 'test-title': '{tool}' }, { workspace: workspace({ 'reports/a/gitleaks.json': '[]', 'reports/b/gitleaks.json': '[]' }) })
    expect(result.code).toBe(0)
    expect(dojo.uploads).toHaveLength(1)
    expect(result.results!.results.find((r) => r.file === 'reports/b/gitleaks.json')).toMatchObject({ status: 'skipped', duplicateOf: 'reports/a/gitleaks.json', reason: expect.stringContaining('goes to the same DefectDojo test') })
  })

  it('skips an artifact file that is also in the workspace (downloaded twice) only when it is that file', async () => {
    artifacts = await startArtifactServer({ artifacts: [{ name: 'gitleaks-web', files: { 'gitleaks.json': '[]' } }, { name: 'gitleaks-api', files: { 'gitleaks.json': '[]' } }], token: GITHUB_TOKEN })
    // actions/download-artifact of several artifacts lays them out as <path>/<artifact>/<files>.
    const ws = workspace({ 'downloaded/gitleaks-web/gitleaks.json': '[]' })
    const result = await runAction({ inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, 'github-token': GITHUB_TOKEN, path: 'downloaded' }, env: artifacts.env(), workspace: ws })
    expect(result.code).toBe(0)
    const rows = result.results!.results
    expect(rows.find((r) => r.artifact === 'gitleaks-web')).toMatchObject({ status: 'skipped', duplicateOf: 'downloaded/gitleaks-web/gitleaks.json', reason: expect.stringContaining('the same report reached twice') })
    expect(rows.find((r) => r.artifact === 'gitleaks-api')).toMatchObject({ status: 'uploaded' })
    expect(dojo.uploads).toHaveLength(2)
  })
})

describe('branch isolation by where the code comes from', () => {
  const forkFromMain = () => {
    const payload = event('pull-request-fork.json') as { pull_request: { head: { ref: string } } }
    payload.pull_request.head.ref = 'main'
    return payload
  }

  it('never puts a pull request from a fork branch named main into the default engagement', async () => {
    const result = await action({ path: '.' }, { workspace: workspace({ 'gitleaks.json': '[]' }), event: forkFromMain(), env: { GITHUB_HEAD_REF: 'main' } })
    expect(result.code).toBe(0)
    expect(engagements()).toEqual(['CI/CD (contributor:main)'])
    expect(dojo.uploads[0]!.fields.branch_tag).toEqual(['main'])
  })

  it('isolates a workflow_run triggered by a pull request from a fork (another run\'s artifacts)', async () => {
    const payload = event('workflow-run.json') as { workflow_run: Record<string, unknown> }
    payload.workflow_run.event = 'pull_request'
    payload.workflow_run.head_repository = { full_name: 'contributor/web', owner: { login: 'contributor' } }
    const result = await action({ path: '.' }, { workspace: workspace({ 'gitleaks.json': '[]' }), event: payload, eventName: 'workflow_run' })
    expect(result.code).toBe(0)
    expect(engagements()).toEqual(['CI/CD (contributor:main)'])
  })

  it('isolates a pull request inside the repository even from a branch called like the default one', async () => {
    const payload = event('pull-request-fork.json') as { pull_request: { head: { ref: string; repo: { full_name: string } } } }
    payload.pull_request.head.ref = 'main'
    payload.pull_request.head.repo.full_name = 'acme/web'
    const result = await action({ path: '.' }, { workspace: workspace({ 'gitleaks.json': '[]' }), event: payload, env: { GITHUB_HEAD_REF: 'main' } })
    expect(result.code).toBe(0)
    expect(engagements()).toEqual(['CI/CD (main)'])
  })
})

describe('names that change every run', () => {
  it('warns in the log and the summary when a test title carries the run\'s commit SHA, with the fix', async () => {
    artifacts = await startArtifactServer({ artifacts: [{ name: `trivy-report-${HEAD.slice(0, 7)}`, files: { 'trivy.json': demo('trivy-image.json') } }], token: GITHUB_TOKEN })
    const result = await runAction({ inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, 'github-token': GITHUB_TOKEN }, env: artifacts.env(), workspace: workspace({}) })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/::warning::The test title "trivy: trivy-report-9f4c2e1\/trivy.json" of trivy-report-9f4c2e1\/trivy.json contains this run's commit SHA \(9f4c2e1\)/)
    expect(result.stdout).toContain('name the artifact `trivy-report-9f4c2e1` without it (e.g. `trivy-report`)')
    expect(result.summary).toContain('on every run')
    expect(result.summary).toContain('trivy-report-9f4c2e1')
  })

  it('warns about the run id and today\'s date too, and not about stable names', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const result = await action({ path: '.', 'dry-run': 'true' }, { workspace: workspace({ [`semgrep-11223344556.json`]: demo('semgrep.json'), [`gitleaks-${today}.json`]: '[]', 'bandit.json': demo('bandit.json') }) })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("contains this run's id (11223344556)")
    expect(result.stdout).toContain(`contains today's date (${today})`)
    expect(result.stdout).not.toMatch(/bandit\.json contains/)
  })
})

describe('`scan-types`: the first matching line applies whole', () => {
  it('does not add the routing of a later line to a file an earlier line typed', async () => {
    const result = await action({ path: 'reports', 'scan-types': 'reports/*.json = Gitleaks Scan\nreports/** = *; product=api' }, { workspace: workspace({ 'reports/leaks.json': '[]', 'reports/sub/trivy.json': demo('trivy-image.json') }) })
    expect(result.code).toBe(0)
    const byFile = Object.fromEntries(dojo.uploads.map((u) => [u.file!.filename, `${u.fields.product_name![0]}:${u.fields.scan_type![0]}`]))
    expect(byFile).toEqual({ 'leaks.json': 'web:Gitleaks Scan', 'trivy.json': 'api:Trivy Scan' })
  })
})

describe('runs that cannot have secrets', () => {
  const noCredentials = { 'defectdojo-url': '', 'defectdojo-token': '' }

  it('plans, sends nothing and passes with a notice on a pull request from a fork without credentials', async () => {
    const result = await action({ ...noCredentials, path: '.' }, { workspace: workspace({ 'gitleaks.json': '[]' }), event: 'pull-request-fork.json' })
    expect(result.code).toBe(0)
    expect(dojo.requests).toHaveLength(0)
    expect(result.stdout).toContain('No DefectDojo credentials: a pull request from the fork contributor gets no repository secrets')
    expect(result.summary).toContain('Nothing was uploaded: this run has no DefectDojo credentials')
    expect(result.outputs).toMatchObject({ uploaded: '0', failed: '0' })
    expect(result.results!.results[0]).toMatchObject({ status: 'planned', engagement: 'CI/CD (contributor:harden-login)' })
  })

  it('does the same for Dependabot, fails with if-no-credentials: error, and stays an error elsewhere', async () => {
    const dependabot = await action({ ...noCredentials, path: '.' }, { workspace: workspace({ 'gitleaks.json': '[]' }), event: 'push-feature.json', env: { GITHUB_ACTOR: 'dependabot[bot]' } })
    expect(dependabot.code).toBe(0)
    expect(dependabot.stdout).toContain('runs triggered by Dependabot get no repository secrets')
    const strict = await action({ ...noCredentials, path: '.', 'if-no-credentials': 'error' }, { workspace: workspace({ 'gitleaks.json': '[]' }), event: 'pull-request-fork.json' })
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('Input `defectdojo-url` is required')
    const push = await action({ ...noCredentials, path: '.' }, { workspace: workspace({ 'gitleaks.json': '[]' }), event: 'push-main.json' })
    expect(push.code).toBe(1)
    expect(push.stdout).toContain('Input `defectdojo-token` is required')
  })
})

// The command line, as a Jenkins job or a shell would run it.
const CLI = join(ROOT, 'dist', 'cli.js')

async function cli(args: string[], dir: string, env: Record<string, string> = {}, node = process.execPath): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(node, [CLI, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, DEFECTDOJO_URL: dojo.url, DEFECTDOJO_TOKEN: dojo.token, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  return { code, stdout, stderr }
}

/** A git checkout with an origin remote, at a detached HEAD (what many CI checkouts leave), and the reports the run wrote (untracked). */
function detachedCheckout(files: Record<string, string>): string {
  const dir = workspace(files)
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } })
  git('init', '-q', '-b', 'main')
  git('remote', 'add', 'origin', 'https://github.com/acme/web.git')
  git('commit', '-q', '--allow-empty', '-m', 'code')
  git('checkout', '-q', '--detach')
  return dir
}

describe('the command line never uploads into the default branch\'s tests by accident, never uploads nonsense, never reads itself', () => {
  it('stops before any upload when no branch is known, naming the option; --branch or --if-no-branch isolate go on', async () => {
    const dir = detachedCheckout({ 'gitleaks.json': '[]' })
    const stopped = await cli([], dir)
    expect(stopped.code).toBe(2)
    expect(stopped.stderr).toContain('No branch is known for this run (git did not say which')
    expect(stopped.stderr).toContain('--branch')
    // Only the token check, which travels while the files are recognised: nothing else, nothing written.
    expect(dojo.requests.filter((r) => r.path !== '/api/v2/user_profile/' && r.path !== '/api/v2/oa3/schema/')).toHaveLength(0)
    const named = await cli(['--branch', 'feature/x'], dir)
    expect(named.code).toBe(0)
    const isolated = await cli(['--if-no-branch', 'isolate'], dir)
    expect(isolated.code).toBe(0)
    expect(engagements()).toEqual(['CI/CD (feature/x)', 'CI/CD (no branch)'])
  })

  it('refuses an empty product name (no CI variables, no git remote) as a configuration error, before any upload', async () => {
    const result = await cli(['--branch', 'main'], workspace({ 'gitleaks.json': '[]' }))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('("{repo}") gives an empty name for gitleaks.json')
    // Only the token check, which travels while the files are recognised: nothing else, nothing written.
    expect(dojo.requests.filter((r) => r.path !== '/api/v2/user_profile/' && r.path !== '/api/v2/oa3/schema/')).toHaveLength(0)
  })

  it('never takes its own results, summary and dotenv files as reports on the next run', async () => {
    const dir = detachedCheckout({ 'gitleaks.json': '[]' })
    const args = ['--branch', 'main', '--summary-file', 'out/summary.md', '--dotenv-file', 'out/dd.env']
    mkdirSync(join(dir, 'out'))
    expect((await cli(args, dir)).code).toBe(0)
    expect(existsSync(join(dir, 'defectdojo-results.json'))).toBe(true)
    const second = await cli(args, dir)
    expect(second.code).toBe(0)
    expect(second.stderr).not.toContain('not recognised')
    const rows = (JSON.parse(readFileSync(join(dir, 'defectdojo-results.json'), 'utf8')) as { results: Array<{ file: string; status: string; humanReadable: boolean }> }).results
    expect(rows.filter((r) => r.status === 'uploaded').map((r) => r.file)).toEqual(['gitleaks.json'])
    for (const own of ['defectdojo-results.json', 'out/summary.md', 'out/dd.env']) expect(rows.find((r) => r.file === own)).toMatchObject({ status: 'skipped', humanReadable: true })
  })

  it('prints its version with --version; the upload version is --test-version', async () => {
    const dir = detachedCheckout({ 'gitleaks.json': '[]' })
    const version = await cli(['--version'], dir)
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version)
    expect((await cli(['--branch', 'main', '--test-version', '2.4.0'], dir)).code).toBe(0)
    expect(dojo.uploads[0]!.fields.version).toEqual(['2.4.0'])
  })

  // The machine's own Node, when it is older than the one the command needs (Node 20 here; CI installs 24 beside it).
  const oldNode = ['/usr/local/bin/node', '/usr/bin/node'].find((path) => existsSync(path) && Number(execFileSync(path, ['-p', 'process.versions.node.split(".")[0]']).toString()) < 24)
  ;(oldNode ? it : it.skip)('says in one line that it needs a newer Node', async () => {
    const result = await cli(['--help'], workspace({}), {}, oldNode!)
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^defectdojo-reimport needs Node\.js 24 or later; this is Node\.js 2\d\./)
  })
})
