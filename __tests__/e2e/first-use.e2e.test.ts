// What a new user meets first, through the bundles (dist/cli.js and dist/index.js) against the
// DefectDojo stand-in: the command line's console and help, files checked into the repository,
// misspelled inputs, the guides' report layout, ZAP's JSON report, the collapsed log.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { gitlabEnvironment } from '../support/gitlab-env.ts'
import { FIXTURES, ROOT, runAction, type ActionRun } from '../support/run-action.ts'

const CLI = join(ROOT, 'dist', 'cli.js')
const demo = (name: string) => readFileSync(join(FIXTURES, 'demo', name), 'utf8')
const SHA = 'c0ffee00112233445566778899aabbccddeeff00'
const ZAP_JSON = JSON.stringify({ '@programName': 'ZAP', '@version': '2.15.0', '@generated': 'Wed, 20 Nov 2026 08:40:12', site: [{ '@name': 'https://staging.example.org', '@host': 'staging.example.org', '@port': '443', '@ssl': 'true', alerts: [] }] })
const texts: string[] = []

let dojo: DojoServer
beforeEach(async () => {
  dojo = await startDojoServer()
})
afterEach(async () => {
  await dojo.close()
})
afterAll(() => {
  for (const text of texts) expect(text).not.toContain('d0d0d0d0c0ffee00112233445566778899aabbcc')
})

const gitlab = gitlabEnvironment(SHA)

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-first-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

async function cli(args: string[], dir: string, env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, DEFECTDOJO_URL: dojo.url, DEFECTDOJO_TOKEN: dojo.token, ...gitlab, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  texts.push(stdout, stderr)
  return { code, stdout, stderr }
}

async function action(inputs: Record<string, string>, workspace: string, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({ workspace, inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, artifacts: '', ...inputs }, env })
  texts.push(run.everything)
  return run
}

const uploadedNames = () => dojo.uploads.map((u) => u.file!.filename).sort()

/** A git repository whose commit holds `committed`; `after` is written (or overwritten) after the commit. */
function repository(committed: Record<string, string>, after: Record<string, string> = {}): string {
  const dir = folder(committed)
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } })
  git('init', '-q', '-b', 'main')
  git('add', '.')
  git('commit', '-qm', 'samples')
  for (const [name, content] of Object.entries(after)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

/** A folder holding only a `git` that answers as git does in a container job whose checkout belongs to another user. */
function refusingGit(): string {
  const bin = mkdtempSync(join(tmpdir(), 'dd-git-'))
  writeFileSync(join(bin, 'git'), "#!/bin/sh\necho \"fatal: detected dubious ownership in repository at '$PWD'\" >&2\nexit 128\n")
  chmodSync(join(bin, 'git'), 0o755)
  return bin
}

describe('the command line console says what matters', () => {
  it('a real run: the totals by severity and the new critical and high findings with their links', async () => {
    const dir = folder({ 'trivy-image.json': demo('trivy-image.json'), 'semgrep.json': demo('semgrep.json'), 'zap.html': demo('zap.html') })
    const run = await cli([], dir)
    expect(run.code).toBe(0)
    const created = dojo.state.tests.flatMap((t) => t.findings).filter((f) => f.active)
    const count = (severity: string) => created.filter((f) => f.severity === severity).length
    expect(count('Critical')).toBeGreaterThan(0)
    const parts = ['Critical', 'High', 'Medium', 'Low', 'Info'].filter((s) => count(s) > 0).map((s) => `${count(s)} ${s.toLowerCase()}`)
    // A first run on the default branch: everything DefectDojo created is new; what is new leads.
    expect(run.stdout).toContain(`Totals: 2 uploaded, 1 skipped, 0 failed · new ${created.length} (${parts.join(', ')}) · created ${created.length} (${parts.join(', ')}) · closed 0 · reactivated 0`)
    expect(run.stdout).toContain(`New critical and high findings (${count('Critical')} critical${count('High') > 0 ? `, ${count('High')} high` : ''}):`)
    const critical = created.find((f) => f.severity === 'Critical')!
    expect(run.stdout).toContain(`  Critical: ${critical.title} — ${dojo.url}/finding/${critical.id} (trivy-image.json)`)
  })

  it('--dry-run says so and where each report would go: product, engagement, test title', async () => {
    const dir = folder({ 'semgrep.json': demo('semgrep.json'), 'gitleaks.json': demo('gitleaks.json') })
    const run = await cli(['--dry-run', '--product', 'shop-{repo}'], dir, { DEFECTDOJO_TOKEN: '' })
    expect(run.code).toBe(0)
    expect(dojo.requests).toHaveLength(0)
    expect(run.stdout).toContain('Dry run: nothing was sent to DefectDojo. 2 reports planned, 0 skipped.')
    expect(run.stdout).toContain('  semgrep.json (Semgrep JSON Report) → product type "acme", product "shop-web", engagement "CI/CD", test "semgrep: semgrep.json"')
    expect(run.stdout).toContain('  gitleaks.json (Gitleaks Scan) → product type "acme", product "shop-web", engagement "CI/CD", test "gitleaks: gitleaks.json"')
  })
})

describe('the command line help and options', () => {
  it('-h works like --help, and the help lists every placeholder it mentions', async () => {
    const dir = folder({})
    const short = await cli(['-h'], dir)
    const long = await cli(['--help'], dir)
    expect(short.code).toBe(0)
    expect(short.stdout).toBe(long.stdout)
    expect(short.stdout).toContain('see the placeholders below')
    for (const placeholder of ['owner', 'repo', 'branch', 'pr', 'workflow', 'job', 'artifact', 'tool', 'scan_type', 'lane', 'file', 'report', 'environment']) {
      expect(short.stdout).toMatch(new RegExp(`^  \\{${placeholder}\\} +\\S`, 'm'))
    }
  })

  it('an unknown option suggests the nearest; a token option points to DEFECTDOJO_TOKEN and --defectdojo-token-file', async () => {
    const dir = folder({})
    const url = await cli(['--url', 'https://dojo.example.org'], dir)
    expect(url.code).toBe(2)
    expect(url.stderr).toContain("Unknown option '--url': did you mean --defectdojo-url?")
    const typo = await cli(['--dryrun'], dir)
    expect(typo.stderr).toContain('did you mean --dry-run?')
    const token = await cli(['--token', 'abc'], dir)
    expect(token.code).toBe(2)
    expect(token.stderr).toMatch(/Unknown option '--token': .*DEFECTDOJO_TOKEN or --defectdojo-token-file/)
  })

  it('no words of the action on the command line: no step, no runner, no workflow run, every option with its --', async () => {
    const dir = folder({ 'semgrep.json': demo('semgrep.json') })
    const help = await cli(['--help'], dir)
    expect(help.stdout).not.toMatch(/the step|Fail the step|runner/i)
    // Every input named in the help is named as the option to type.
    for (const name of ['allow-insecure-http', 'dry-run', 'defectdojo-url', 'client-key', 'close-old-findings', 'group-by', 'fail-on-error']) {
      const bare = help.stdout.replace(new RegExp(`--(\\[no-\\]|no-)?${name}`, 'g'), '')
      expect(bare).not.toMatch(new RegExp(`(?<![\\w-])${name}(?![\\w=-])`))
    }
    const summary = join(dir, 'summary.md')
    const run = await cli(['--summary-file', summary], dir)
    expect(run.code).toBe(0)
    expect(readFileSync(summary, 'utf8')).toContain('[pipeline](https://gitlab.example.com/acme/web/-/pipelines/98765)')
    expect(readFileSync(summary, 'utf8')).not.toContain('workflow run')
    const jenkins = await cli(['--summary-file', summary], dir, { GITLAB_CI: '', JENKINS_URL: 'https://ci.example.com/', GIT_BRANCH: 'origin/main', GIT_COMMIT: SHA, GIT_URL: 'https://github.com/acme/web.git', BUILD_NUMBER: '153', BUILD_URL: 'https://ci.example.com/job/web/153/', JOB_NAME: 'web' })
    expect(jenkins.code).toBe(0)
    expect(readFileSync(summary, 'utf8')).toContain('[build](https://ci.example.com/job/web/153/)')
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times: 10, action: { kind: 'status', status: 500, body: '{"message": "Internal server error, check logs for details"}', contentType: 'application/json' } })
    const failed = await cli(['--summary-file', summary, '--retries', '0'], dir)
    expect(failed.code).toBe(1)
    expect(readFileSync(summary, 'utf8')).toContain('This command failed because 1 of 1 report failed to upload')
    expect(readFileSync(summary, 'utf8')).not.toMatch(/\bstep\b|workflow run/)
    const unreachable = await cli(['--retries', '0'], dir, { DEFECTDOJO_URL: 'http://127.0.0.1:9' })
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toContain('Cannot connect to http://127.0.0.1:9')
    expect(unreachable.stderr).not.toContain('runner')
  })
})

describe('files checked into the repository are not this run\'s reports', () => {
  const committed = { 'tests/samples/gitleaks.json': demo('gitleaks.json'), 'reports/trivy.json': demo('trivy-image.json'), 'reports/semgrep.json': demo('semgrep.json') }

  it('the command line: tracked and unchanged left out with one line; modified, named explicitly and untracked uploaded; --include-tracked-files takes all', async () => {
    const modified = JSON.parse(demo('trivy-image.json')) as { ArtifactName: string }
    modified.ArtifactName = 'registry.example.com/shop/web:2'
    const dir = repository(committed, { 'reports/trivy.json': JSON.stringify(modified), 'reports/bandit.json': demo('bandit.json') })
    const run = await cli(['--path', '.', '--path', 'reports/semgrep.json'], dir)
    expect(run.code).toBe(0)
    expect(uploadedNames()).toEqual(['bandit.json', 'semgrep.json', 'trivy.json'])
    expect(run.stderr).toContain('1 file is checked into the repository and unchanged, not produced by this run: not looked at')
    expect(run.stderr).toContain('`--include-tracked-files`')
    const all = await cli(['--include-tracked-files'], dir)
    expect(all.code).toBe(0)
    expect(all.stderr).not.toContain('checked into the repository')
    expect(dojo.uploads.slice(3).map((u) => u.file!.filename).sort()).toEqual(['bandit.json', 'gitleaks.json', 'semgrep.json', 'trivy.json'])
  })

  it('the action: the same, through the one engine, with the line in the log and the summary', async () => {
    const dir = repository(committed, { 'reports/bandit.json': demo('bandit.json') })
    const run = await action({ path: '.' }, dir)
    expect(run.code).toBe(0)
    expect(uploadedNames()).toEqual(['bandit.json'])
    expect(run.stdout).toContain('3 files are checked into the repository and unchanged, not produced by this run: not looked at (name such a file in `path` explicitly, or use `include-tracked-files: true`, to upload it).')
    expect(run.summary).toContain('3 files are checked into the repository and unchanged')
    const all = await action({ path: '.', 'include-tracked-files': 'true' }, dir)
    expect(all.code).toBe(0)
    expect(all.results!.results.filter((r) => r.status === 'uploaded')).toHaveLength(4)
  })

  it('where git is missing or refuses the checkout: every file is looked at, with one line saying why', async () => {
    const dir = repository(committed)
    const noGit = await cli([], dir, { PATH: mkdtempSync(join(tmpdir(), 'dd-nogit-')) })
    expect(noGit.code).toBe(0)
    expect(uploadedNames()).toEqual(['gitleaks.json', 'semgrep.json', 'trivy.json'])
    expect(noGit.stderr).toContain('Could not tell which files are checked into the repository (git is not installed): every file found is looked at.')
    const refused = await action({ path: '.' }, dir, { PATH: refusingGit() })
    expect(refused.code).toBe(0)
    expect(refused.results!.results.filter((r) => r.status === 'uploaded')).toHaveLength(3)
    expect(refused.stdout).toContain('Could not tell which files are checked into the repository (git refuses the checkout ("dubious ownership"')
    // As today but for that one log line: nothing about it in the summary.
    expect(refused.summary).not.toContain('checked into the repository')
  })
})

describe('misspelled inputs are caught', () => {
  it('a snake_case or near spelling of a declared input stops the run naming the input; nothing is sent', async () => {
    const dir = folder({ 'gitleaks.json': demo('gitleaks.json') })
    const run = await action({ path: '.', close_old_findings: 'false', 'fail-on-eror': 'false' }, dir)
    expect(run.code).toBe(1)
    expect(dojo.uploads).toHaveLength(0)
    expect(run.stdout).toContain('::error::')
    expect(run.stdout).toContain('Input `close_old_findings` (INPUT_CLOSE_OLD_FINDINGS) is not an input of this action: did you mean `close-old-findings`?')
    expect(run.stdout).toContain('did you mean `fail-on-error`?')
    expect(run.summary).toContain('close-old-findings')
  })

  it('any other undeclared INPUT_*, from `with:` or a job\'s env, is one warning; declared inputs are never flagged', async () => {
    const dir = folder({ 'gitleaks.json': demo('gitleaks.json') })
    const run = await action({ path: '.', severity: 'High' }, dir, { INPUT_X: '1' })
    expect(run.code).toBe(0)
    expect(dojo.uploads).toHaveLength(1)
    const warnings = run.stdout.split('\n').filter((l) => l.includes('does not declare'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^::warning::Ignored 2 inputs this action does not declare: severity \(INPUT_SEVERITY\), x \(INPUT_X\)\./)
    expect(run.stdout).not.toContain('did you mean')
  })
})

describe('recognition: the guides\' layout and ZAP\'s JSON report', () => {
  it('the parent folder names the tool like an artifact name: reports/gitleaks/results.json holding [] is Gitleaks Scan', async () => {
    const dir = folder({ 'reports/gitleaks/results.json': '[]', 'reports/other/results.json': '[]' })
    const run = await action({ path: 'reports', 'dry-run': 'true' }, dir)
    expect(run.code).toBe(0)
    const byFile = new Map(run.results!.results.map((r) => [r.file, r]))
    expect(byFile.get('reports/gitleaks/results.json')).toMatchObject({ status: 'planned', scanType: 'Gitleaks Scan', decidedBy: 'content+name' })
    expect(byFile.get('reports/other/results.json')).toMatchObject({ status: 'skipped' })
    expect(byFile.get('reports/other/results.json')!.reason).toContain('the file, folder and artifact names do not say which tool wrote it')
  })

  it('ZAP\'s JSON report: how to produce the XML report ZAP Scan reads, not "name a scan type"', async () => {
    const dir = folder({ 'zap.json': ZAP_JSON, 'semgrep.json': demo('semgrep.json') })
    const run = await cli([], dir)
    expect(run.code).toBe(0)
    const results = JSON.parse(readFileSync(join(dir, 'defectdojo-results.json'), 'utf8')) as { results: Array<{ file: string; reason: string | null }> }
    const reason = results.results.find((r) => r.file === 'zap.json')!.reason!
    expect(reason).toContain("DefectDojo's `ZAP Scan` reads ZAP's XML report")
    expect(reason).toContain('`zap-baseline.py -x report.xml`')
    expect(reason).toContain('`cmd_options`')
    expect(run.stderr).not.toMatch(/scan type in|--scan-types/)
  })
})

describe('the log, collapsed', () => {
  it('after the last group a totals line; each upload line carries its test\'s URL', async () => {
    const dir = folder({ 'reports/semgrep.json': demo('semgrep.json'), 'reports/trivy-image.json': demo('trivy-image.json') })
    const run = await action({ path: 'reports' }, dir)
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    const lastGroupEnd = lines.lastIndexOf('::endgroup::')
    expect(lastGroupEnd).toBeGreaterThan(-1)
    const after = lines.slice(lastGroupEnd + 1)
    expect(after.some((l) => /^Totals: 2 uploaded, 0 skipped, 0 failed · new \d+ \(\d+ critical.* · created \d+ \(\d+ critical/.test(l))).toBe(true)
    expect(after.some((l) => l.startsWith('::group::'))).toBe(false)
    for (const test of dojo.state.tests) {
      const report = test.title!.split(': ')[1]!
      expect(lines.some((l) => l.startsWith(`${report}: uploaded as ${test.scan_type} → ${dojo.url}/test/${test.id} (`))).toBe(true)
    }
  })
})
