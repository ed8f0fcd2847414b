// The failure policy and the `scan-types` rules against the content (issue 23), through the bundle
// and the command line against the DefectDojo stand-in: `fail-on-error: false` passes a run DefectDojo
// could not serve and says why once (`defectdojo` output); no rule uploads unsafe content; a rule
// that contradicts the content is said out loud; a refused forced type names the rule and links the
// empty test DefectDojo left; a staff user of 3.x open source sees every product.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { startDojoServer, type DojoServer, type DojoServerOptions } from '../support/dojo-server.ts'
import { FIXTURES, ROOT, runAction, type ActionRun } from '../support/run-action.ts'

const demo = (name: string) => readFileSync(join(FIXTURES, 'demo', name), 'utf8')
const CLI = join(ROOT, 'dist', 'cli.js')

let dojo: DojoServer
async function start(options: DojoServerOptions = {}): Promise<void> {
  await dojo.close()
  dojo = await startDojoServer(options)
}
beforeEach(async () => {
  dojo = await startDojoServer()
})
afterEach(async () => {
  await dojo.close()
})

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-policy-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

const THREE = { 'gitleaks.json': demo('gitleaks.json'), 'semgrep.json': demo('semgrep.json'), 'trivy.json': demo('trivy-image.json') }

async function action(inputs: Record<string, string>, files: Record<string, string> = THREE): Promise<ActionRun> {
  return runAction({ workspace: workspace(files), inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, artifacts: '', path: '.', retries: '0', ...inputs } })
}

/** The `::warning …::` annotations a run printed. */
const warnings = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::warning'))
const errors = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::error'))
const occurrences = (text: string, part: string): number => text.split(part).length - 1

/** A GitLab branch pipeline: the product comes from the project. */
const GITLAB = { GITLAB_CI: 'true', CI: 'true', CI_COMMIT_SHA: 'c0ffee00112233445566778899aabbccddeeff00', CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main', CI_PIPELINE_ID: '98765', CI_PROJECT_NAMESPACE: 'acme', CI_PROJECT_NAME: 'web' }

async function cli(args: string[], dir: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; dotenv: string }> {
  const child = spawn(process.execPath, [CLI, '--dotenv-file', 'dd.env', ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, ...GITLAB, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  let dotenv = ''
  try {
    dotenv = readFileSync(join(dir, 'dd.env'), 'utf8')
  } catch {
    // not written
  }
  return { code, stdout, stderr, dotenv }
}

describe('fail-on-error: false when DefectDojo cannot be used', () => {
  const closedUrl = async (): Promise<string> => {
    const url = dojo.url
    await dojo.close()
    dojo = await startDojoServer()
    return url
  }
  const cases: Array<[string, () => Promise<Record<string, string>>, string, RegExp]> = [
    ['unreachable (connection refused)', async () => ({ 'defectdojo-url': await closedUrl() }), 'unavailable', /Cannot connect to .*ECONNREFUSED/],
    ['a host that does not resolve (DNS)', async () => ({ 'defectdojo-url': 'https://defectdojo.invalid' }), 'unavailable', /Cannot resolve the host of https:\/\/defectdojo\.invalid/],
    ['TLS that fails', async () => ({ 'defectdojo-url': dojo.url.replace('http:', 'https:') }), 'unavailable', /TLS to https:\/\/127\.0\.0\.1:\d+ failed|The connection to https:\/\/127\.0\.0\.1:\d+ failed/],
    ['the token rejected', async () => ({ 'defectdojo-token': 'wrongwrongwrongwrongwrongwrongwrongwrong' }), 'rejected', /DefectDojo rejected the token \(HTTP 403/],
    [
      'an HTML page instead of the API',
      async () => {
        dojo.faults.push({ match: { endpoint: 'user_profile' }, times: Infinity, action: { kind: 'status', status: 200, body: '<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>', contentType: 'text/html' } })
        return {}
      },
      'unavailable',
      /does not serve the DefectDojo API \(got HTML with HTTP 200/
    ]
  ]

  for (const [what, setUp, state, message] of cases) {
    it(`${what}: the step passes with one warning and a banner; failed counts every report; defectdojo is "${state}"`, async () => {
      const run = await action({ 'fail-on-error': 'false', ...(await setUp()) })
      expect(run.code).toBe(0)
      expect(errors(run)).toEqual([])
      const said = warnings(run)
      expect(said).toHaveLength(1)
      expect(said[0]).toMatch(message)
      expect(said[0]).toContain('uploaded (the output `defectdojo` is "' + state + '", `failed` is 3); the step passes because `fail-on-error` is false')
      expect(run.outputs).toMatchObject({ defectdojo: state, failed: '3', uploaded: '0' })
      expect(run.summary).toContain('> [!WARNING]')
      expect(run.summary).toContain('**DefectDojo could not be used: nothing was uploaded to DefectDojo; the step passes anyway (`fail-on-error` is false).**')
      expect(run.summary).not.toContain('[!CAUTION]')
      expect(dojo.uploads).toHaveLength(0)
    })
  }

  it('with fail-on-error true (the default) the same outage fails the step, with the same outputs', async () => {
    const run = await action({ 'defectdojo-token': 'wrongwrongwrongwrongwrongwrongwrongwrong' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ defectdojo: 'rejected', failed: '3', uploaded: '0' })
    expect(run.summary).toContain('> [!CAUTION]')
  })

  it('an available DefectDojo says so in the output', async () => {
    const run = await action({})
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ defectdojo: 'available', uploaded: '3', failed: '0' })
  })

  it('invalid input values still fail the step with fail-on-error false', async () => {
    const run = await action({ 'fail-on-error': 'false', retries: 'many' })
    expect(run.code).toBe(1)
    expect(errors(run).join('\n')).toContain('`retries`')
    expect(run.outputs.defectdojo).toBe('unused')
  })

  it('the CLI with --no-fail-on-error exits 0 on a rejected token, and 1 without it', async () => {
    const env = { DEFECTDOJO_URL: dojo.url, DEFECTDOJO_TOKEN: 'wrongwrongwrongwrongwrongwrongwrongwrong' }
    const open = await cli(['--path', '.', '--no-fail-on-error'], workspace(THREE), env)
    expect(open.code).toBe(0)
    expect(open.stderr.split('\n').filter((l) => l.startsWith('warning: '))).toHaveLength(1)
    expect(open.dotenv).toContain('DEFECTDOJO_DEFECTDOJO=rejected\n')
    expect(open.dotenv).toContain('DEFECTDOJO_FAILED=3\n')
    const closed = await cli(['--path', '.'], workspace(THREE), env)
    expect(closed.code).toBe(1)
    expect(closed.dotenv).toContain('DEFECTDOJO_DEFECTDOJO=rejected\n')
  })

  it('the CLI with --no-fail-on-error exits 0 when DefectDojo is unreachable', async () => {
    const url = await closedUrl()
    const run = await cli(['--path', '.', '--no-fail-on-error', '--retries', '0'], workspace(THREE), { DEFECTDOJO_URL: url, DEFECTDOJO_TOKEN: dojo.token })
    expect(run.code).toBe(0)
    expect(run.dotenv).toContain('DEFECTDOJO_DEFECTDOJO=unavailable\n')
  })
})

describe("examples/gate.yml's gate on the action's outputs", () => {
  /** The gate step's script, run with its env taken from the action's outputs, as the runner would. */
  function gate(run: ActionRun): { code: number | null; stdout: string } {
    const workflow = parse(readFileSync(join(ROOT, 'examples', 'gate.yml'), 'utf8')) as { jobs: { defectdojo: { steps: Array<{ name?: string; env?: Record<string, string>; run?: string }> } } }
    const step = workflow.jobs.defectdojo.steps.find((s) => s.run)!
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, run.outputs[/steps\.dojo\.outputs\.([\w-]+)/.exec(value)![1]!] ?? '']))
    const result = spawnSync('bash', ['-e', '-c', step.run!], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' })
    return { code: result.status, stdout: result.stdout }
  }

  it('fails open on an outage and closed on a rejected token, as its header says', async () => {
    const url = dojo.url
    await dojo.close()
    const outage = await action({ 'fail-on-error': 'false', 'defectdojo-url': url })
    dojo = await startDojoServer()
    expect(outage.code).toBe(0)
    expect(gate(outage)).toEqual({ code: 0, stdout: expect.stringContaining('this gate fails open') })
    const rejected = await action({ 'fail-on-error': 'false', 'defectdojo-token': 'wrongwrongwrongwrongwrongwrongwrongwrong' })
    expect(rejected.code).toBe(0)
    expect(gate(rejected)).toEqual({ code: 1, stdout: expect.stringContaining('this gate fails closed') })
  })
})

describe('a DefectDojo-wide failure is said once', () => {
  it('the token rejected: once in the summary and once in the log, not per report', async () => {
    const run = await action({ 'defectdojo-token': 'wrongwrongwrongwrongwrongwrongwrongwrong' })
    expect(run.code).toBe(1)
    const error = 'DefectDojo rejected the token (HTTP 403'
    expect(occurrences(run.summary, error)).toBe(1)
    expect(occurrences(run.stdout, error)).toBe(1)
    // Each report points to it in a few words.
    for (const row of run.results!.results) expect(row.reason).toBe('not attempted: DefectDojo rejected the token at the token check, before any upload (the error is said once for the whole run).')
  })

  it('unreachable, through the CLI: once on stderr, the table rows short', async () => {
    const url = dojo.url
    await dojo.close()
    const run = await cli(['--path', '.', '--retries', '0'], workspace(THREE), { DEFECTDOJO_URL: url, DEFECTDOJO_TOKEN: 'd0d0d0d0c0ffee00112233445566778899aabbcc' })
    dojo = await startDojoServer()
    expect(run.code).toBe(1)
    expect(occurrences(run.stdout + run.stderr, 'ECONNREFUSED')).toBe(1)
    expect(run.stdout).toContain('DefectDojo could not be reached as an API at the token check')
  })
})

describe('no scan-types rule uploads unsafe content', () => {
  const semgrepFailed = JSON.stringify({ version: '1.90.0', results: [], errors: [{ code: 2, level: 'error', type: 'Invalid config', message: 'Invalid rule schema' }], paths: { scanned: [] } })
  const npmAuditError = JSON.stringify({ error: { code: 'ENOAUDIT', summary: 'Your configured registry (https://registry.npmjs.org/) does not support audit requests.', detail: '' } })
  const unsafe: Array<[string, string, string, RegExp]> = [
    ['white space only', 'reports/trivy.json', '  \n\t\n', /holds only white space/],
    ['truncated JSON', 'reports/trivy.json', demo('trivy-image.json').slice(0, 300), /not valid JSON .*truncated or broken/],
    ["Semgrep's failed run", 'reports/semgrep.json', semgrepFailed, /Semgrep failed: "Invalid rule schema"/],
    ["npm audit's endpoint error", 'reports/npm-audit.json', npmAuditError, /`npm audit` failed/],
    ['an error page saved as the report', 'reports/trivy.json', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', /an HTML page \(an error or login page/]
  ]
  const rules: Record<string, string> = { 'reports/trivy.json': 'Trivy Scan', 'reports/semgrep.json': 'Semgrep JSON Report', 'reports/npm-audit.json': 'NPM Audit v7+ Scan' }
  for (const [what, file, content, reason] of unsafe) {
    it(`${what} under \`${file} = ${rules[file]}\` stays refused, and the warning suggests no rule`, async () => {
      const run = await action({ 'scan-types': `${file} = ${rules[file]}` }, { [file]: content, 'gitleaks.json': demo('gitleaks.json') })
      expect(dojo.uploads.map((u) => u.fields.scan_type![0])).toEqual(['Gitleaks Scan'])
      const row = run.results!.results.find((r) => r.file === file)!
      expect(row).toMatchObject({ status: 'skipped', unsafe: true })
      expect(row.reason).toMatch(reason)
      expect(row.reason).toContain(`not uploaded although the \`scan-types\` rule \`${file} = ${rules[file]}\` names it`)
      const said = warnings(run).join('\n')
      expect(said).toContain('1 file was refused as unsafe to upload')
      expect(said).not.toContain('name a scan type')
    })
  }

  it('without a rule, an unsafe file is refused and the warning does not suggest scan-types either', async () => {
    const run = await action({}, { 'semgrep.json': semgrepFailed, 'gitleaks.json': demo('gitleaks.json') })
    expect(run.code).toBe(0)
    const said = warnings(run).join('\n')
    expect(said).toContain('1 file was refused as unsafe to upload')
    expect(said).not.toContain('scan-types')
  })

  it('a valid report with zero findings under a rule is not unsafe: it uploads, so DefectDojo closes what was fixed', async () => {
    const clean = JSON.stringify({ SchemaVersion: 2, ArtifactName: '.', ArtifactType: 'filesystem', Results: [] })
    const run = await action({ 'scan-types': 'reports/*.json = Trivy Scan' }, { 'reports/trivy.json': clean })
    expect(run.code).toBe(0)
    expect(run.outputs.uploaded).toBe('1')
    expect(dojo.uploads.map((u) => u.fields.scan_type![0])).toEqual(['Trivy Scan'])
    expect(warnings(run)).toEqual([])
  })
})

describe('a rule that contradicts the content is said out loud', () => {
  it('a Trivy report under `reports/*.json = Generic Findings Import`: uploaded as asked, one warning naming both, the row marked, the results file too', async () => {
    const run = await action({ 'scan-types': 'reports/*.json = Generic Findings Import' }, { 'reports/trivy.json': demo('trivy-image.json') })
    expect(run.code).toBe(0)
    expect(dojo.uploads.map((u) => u.fields.scan_type![0])).toEqual(['Generic Findings Import'])
    const said = warnings(run)
    expect(said).toHaveLength(1)
    expect(said[0]).toContain('reports/trivy.json: the `scan-types` rule `reports/*.json = Generic Findings Import` sends it as Generic Findings Import, but its content reads as Trivy Scan')
    expect(run.summary).toMatch(/\| Generic Findings Import <sub>⚠ by a `scan-types` rule; the content reads as Trivy Scan<\/sub> \|/)
    expect(run.results!.results[0]).toMatchObject({ status: 'uploaded', decidedBy: 'override', contentReadsAs: 'Trivy Scan' })
  })

  it('a rule that agrees with the content, or a SARIF producer under a SARIF reader, says nothing', async () => {
    const run = await action(
      { 'scan-types': 'reports/trivy.json = Trivy Scan\nreports/codeql.sarif = SARIF' },
      { 'reports/trivy.json': demo('trivy-image.json'), 'reports/codeql.sarif': demo('codeql.sarif') }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.uploaded).toBe('2')
    expect(warnings(run)).toEqual([])
    for (const row of run.results!.results) expect(row.contentReadsAs).toBeNull()
  })

  it('content of no format the action knows, under a rule, uploads without a warning', async () => {
    const run = await action({ 'scan-types': 'reports/custom.json = Generic Findings Import' }, { 'reports/custom.json': JSON.stringify({ issues: [{ id: 1 }] }) })
    expect(dojo.uploads).toHaveLength(1)
    expect(warnings(run)).toEqual([])
    expect(run.results!.results[0]!.contentReadsAs).toBeNull()
  })
})

describe('DefectDojo refuses a forced type', () => {
  it('ZAP XML under `reports/zap.xml = Bandit Scan`: the reason names the rule and the content, the summary links the empty test DefectDojo left, nothing is deleted', async () => {
    const run = await action({ 'scan-types': 'reports/zap.xml = Bandit Scan' }, { 'reports/zap.xml': demo('zap.xml') })
    expect(run.code).toBe(1)
    const row = run.results!.results[0]!
    expect(row.status).toBe('failed')
    expect(row.reason).toContain('The `scan-types` rule `reports/zap.xml = Bandit Scan` forced the scan type (the content reads as ZAP Scan): DefectDojo refused the upload (HTTP 400')
    expect(row.reason).toContain('Expecting value: line 1 column 1 (char 0)')
    // The stand-in, like DefectDojo 3.2.0, created the test before the parser failed: it is there, empty.
    const left = dojo.state.tests.find((t) => t.scan_type === 'Bandit Scan')!
    expect(left.findings).toHaveLength(0)
    expect(dojo.state.testImports.filter((i) => i.test === left.id)).toHaveLength(0)
    expect(row).toMatchObject({ testId: left.id, testUrl: `${dojo.url}/test/${left.id}` })
    expect(row.reason).toContain(`DefectDojo left an empty test behind (test ${left.id}: no findings, no import); the action deletes nothing`)
    expect(run.summary).toContain(`[Empty test ${left.id} left in DefectDojo](${dojo.url}/test/${left.id})`)
    expect(dojo.requests.filter((r) => r.method !== 'GET' && r.method !== 'POST')).toEqual([])
    expect(dojo.state.tests).toContain(left)
  })

  it('a refusal of a test that has imports links nothing', async () => {
    // The first run lands a Bandit report; the second sends the ZAP XML into the same test as Bandit Scan.
    const rule = { 'scan-types': 'reports/scan.xml = Bandit Scan; test-title=scan' }
    const first = await action({ 'scan-types': 'reports/scan.json = Bandit Scan; test-title=scan' }, { 'reports/scan.json': demo('bandit.json') })
    expect(first.outputs.uploaded).toBe('1')
    const run = await action(rule, { 'reports/scan.xml': demo('zap.xml') })
    const row = run.results!.results[0]!
    expect(row.status).toBe('failed')
    expect(row.reason).toContain('`reports/scan.xml = Bandit Scan`')
    expect(row.reason).not.toContain('empty test')
    expect(row.testId).toBeNull()
  })
})

describe('the URL from a configuration variable', () => {
  it('a pull request from a fork with the URL set but no token (secrets withheld) plans, sends nothing and passes', async () => {
    const run = await runAction({
      workspace: workspace({ 'gitleaks.json': demo('gitleaks.json') }),
      event: 'pull-request-fork.json',
      inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': '', artifacts: '', path: '.' }
    })
    expect(run.code).toBe(0)
    expect(dojo.requests).toHaveLength(0)
    expect(run.summary).toContain('Nothing was uploaded: this run has no DefectDojo credentials')
    expect(run.outputs).toMatchObject({ uploaded: '0', failed: '0', defectdojo: 'unused' })
    expect(run.results!.results[0]).toMatchObject({ status: 'planned' })
  })
})

describe('the landed-check and staff users', () => {
  // A 502 from a gateway on the first upload of a new product type: did it land? Absence is proven only
  // where the token sees every product.
  const gateway502 = () => dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times: 1, action: { kind: 'status', status: 502, body: '<html>502 Bad Gateway</html>', contentType: 'text/html' } })

  it('a staff user of 3.x open source (is_staff, no role fields) proves absence: the report is sent again and lands', async () => {
    await start({ profile: 'staff' })
    gateway502()
    const run = await action({ retries: '2' }, { 'gitleaks.json': demo('gitleaks.json') })
    expect(run.code).toBe(0)
    expect(run.outputs.uploaded).toBe('1')
    expect(dojo.uploads.map((u) => u.status)).toEqual([502, 201])
  })

  it('a staff user of a role-based server (2.x, Pro: role fields) keeps the safe rule: not sent again', async () => {
    await start({ profile: 'staff-roles' })
    gateway502()
    const run = await action({ retries: '2' }, { 'gitleaks.json': demo('gitleaks.json') })
    expect(run.code).toBe(1)
    expect(dojo.uploads.map((u) => u.status)).toEqual([502])
    expect(run.results!.results[0]!.reason).toContain('Whether DefectDojo imported it cannot be told')
  })
})
