// The DefectDojo at hand (docs/defectdojo-api.md §g, §h): the bundled action and the command line read
// the server's schema, name its version, send only the scan types it accepts (a pure rename's former
// name to a server that predates it), fail the rest with the version in the reason, and go on as before
// when the schema cannot be read.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { upgradeRenamedTests, type SchemaOption } from '../support/dojo-schema.ts'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { FIXTURES, ROOT, runAction, type ActionRun } from '../support/run-action.ts'

// The demo reports are checked into the repository: walked as a folder they would be left out by default.
const DEMO = join(FIXTURES, 'demo')
const SIX = ['bandit.json', 'codeql.sarif', 'gitleaks.json', 'semgrep.json', 'trivy-image.json', 'zap.xml']
const SCHEMA_PATH = '/api/v2/oa3/schema/'
const runs: ActionRun[] = []

let dojo: DojoServer | null = null
afterEach(async () => {
  await dojo?.close()
  dojo = null
})
afterAll(() => {
  for (const run of runs) expect(run.everything).not.toContain('d0d0d0d0c0ffee00112233445566778899aabbcc')
})

async function serve(schema?: SchemaOption): Promise<DojoServer> {
  dojo = await startDojoServer(schema === undefined ? {} : { schema })
  return dojo
}

async function run(server: DojoServer, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const result = await runAction({ inputs: { 'defectdojo-url': server.url, 'defectdojo-token': server.token, path: DEMO, 'include-tracked-files': 'true', ...inputs } })
  runs.push(result)
  return result
}

const sent = (server: DojoServer) => server.uploads.map((u) => u.file!.filename).sort()
const row = (result: ActionRun, file: string) => result.results!.results.find((r) => String(r.file).endsWith(file))!
const infoLines = (result: ActionRun, pattern: RegExp) => result.stdout.split('\n').filter((line) => pattern.test(line))

describe('an older DefectDojo', () => {
  it('2.20.0 without one demo type: that report is not sent and fails naming 2.20.0, the other five upload, the version is shown and output', async () => {
    const server = await serve({ version: '2.20.0', without: ['Gitleaks Scan'] })
    const result = await run(server)
    expect(sent(server)).toEqual(SIX.filter((f) => f !== 'gitleaks.json'))
    expect(server.uploads.every((u) => u.status === 201)).toBe(true)
    expect(row(result, 'gitleaks.json')).toMatchObject({ status: 'failed', scanType: 'Gitleaks Scan', reason: expect.stringMatching(/^not sent: DefectDojo 2\.20\.0 does not accept the scan type "Gitleaks Scan"/) })
    // Failed, not skipped: fail-on-error fails the step.
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ uploaded: '5', failed: '1', 'defectdojo-version': '2.20.0' })
    expect(result.results).toMatchObject({ defectdojoVersion: '2.20.0' })
    expect(result.summary).toMatch(/<sub>DefectDojo 2\.20\.0 \[127\\\.0\.0\.1:\d+\]/)
    expect(result.summary).toContain('not sent: DefectDojo 2.20.0 does not accept the scan type &quot;Gitleaks Scan&quot;')
    // Read once per run, beside the token check.
    expect(server.requests.filter((r) => r.path === SCHEMA_PATH)).toHaveLength(1)
    expect(infoLines(result, /^DefectDojo 2\.20\.0: its schema lists 270 scan types\.$/)).toHaveLength(1)
  })

  it('with fail-on-error false the refused report still counts as failed, and the step passes', async () => {
    const server = await serve({ version: '2.20.0', without: ['Gitleaks Scan'] })
    const result = await run(server, { 'fail-on-error': 'false' })
    expect(result.code).toBe(0)
    expect(sent(server)).toHaveLength(5)
    expect(result.outputs).toMatchObject({ uploaded: '5', failed: '1' })
    expect(row(result, 'gitleaks.json')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^not sent: DefectDojo 2\.20\.0/) })
  })

  it('a `scan-types` rule naming a type the server lacks fails the files it matches, naming the rule and 2.20.0; the others go on', async () => {
    const server = await serve({ version: '2.20.0', without: ['Trivy Scan'] })
    const result = await run(server, { 'scan-types': '**/trivy-*.json = Trivy Scan' })
    expect(sent(server)).toEqual(SIX.filter((f) => f !== 'trivy-image.json'))
    expect(row(result, 'trivy-image.json')).toMatchObject({
      status: 'failed',
      decidedBy: 'override',
      reason: expect.stringMatching(/the `scan-types` line for "\*\*\/trivy-\*\.json" names "Trivy Scan", but DefectDojo 2\.20\.0 does not accept/)
    })
    expect(result.outputs).toMatchObject({ uploaded: '5', failed: '1' })
  })

  it('OpenVAS on a server before the parser merge: each format under its former name, then the upgraded server reimports into the same tests', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'dd-openvas-'))
    copyFileSync(join(FIXTURES, 'recognition', 'openvas', 'openvas-results.csv'), join(workspace, 'openvas-results.csv'))
    copyFileSync(join(FIXTURES, 'recognition', 'openvas', 'openvas-report.xml'), join(workspace, 'openvas-report.xml'))
    const server = await serve({ version: '2.20.0', without: ['OpenVAS Parser'], with: ['OpenVAS CSV', 'OpenVAS XML'] })
    const first = await run(server, { path: workspace })
    expect(first.code).toBe(0)
    const byName = (from: number) => Object.fromEntries(server.uploads.slice(from).map((u) => [u.file!.filename, [u.fields.scan_type![0], u.status, (u.response as { test_id: number }).test_id]]))
    const before = byName(0)
    expect(before).toEqual({ 'openvas-results.csv': ['OpenVAS CSV', 201, expect.any(Number)], 'openvas-report.xml': ['OpenVAS XML', 201, expect.any(Number)] })
    expect(row(first, 'openvas-results.csv').evidence).toEqual(expect.arrayContaining([expect.stringContaining('sent as "OpenVAS CSV", the name DefectDojo 2.20.0 has for "OpenVAS Parser"')]))
    expect(infoLines(first, /openvas-results\.csv: sent as "OpenVAS CSV", the name DefectDojo 2\.20\.0 has for "OpenVAS Parser"/)).toHaveLength(1)

    // The upgrade: the migration rewrites the tests, and the schema is 3.2.0's.
    expect(upgradeRenamedTests(server.state)).toBe(2)
    server.schema = {}
    const second = await run(server, { path: workspace })
    expect(second.code).toBe(0)
    expect(byName(2)).toEqual({
      'openvas-results.csv': ['OpenVAS Parser', 201, before['openvas-results.csv']![2]],
      'openvas-report.xml': ['OpenVAS Parser', 201, before['openvas-report.xml']![2]]
    })
    expect(server.state.tests).toHaveLength(2)
    expect(server.anomalies).toEqual([])
    expect(second.outputs['defectdojo-version']).toBe('3.2.0')
  })

  it('never sends a format under another format\'s former name: an OpenVAS XML report on a server with only OpenVAS CSV fails', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'dd-openvas-'))
    copyFileSync(join(FIXTURES, 'recognition', 'openvas', 'openvas-report.xml'), join(workspace, 'openvas-report.xml'))
    const server = await serve({ version: '2.20.0', without: ['OpenVAS Parser'], with: ['OpenVAS CSV'] })
    const result = await run(server, { path: workspace })
    expect(server.uploads).toEqual([])
    expect(row(result, 'openvas-report.xml')).toMatchObject({ status: 'failed', reason: expect.stringContaining('DefectDojo 2.20.0 does not accept the scan type "OpenVAS Parser"') })
  })
})

describe('a schema that cannot be read', () => {
  const asToday = (server: DojoServer, result: ActionRun) => {
    expect(result.code).toBe(0)
    expect(sent(server)).toEqual(SIX)
    expect(result.outputs).toMatchObject({ uploaded: '6', failed: '0', 'defectdojo-version': '' })
    expect(result.results).toMatchObject({ defectdojoVersion: null })
    expect(result.summary).toMatch(/<sub>DefectDojo \[127/)
    expect(infoLines(result, /^DefectDojo's schema \(\/api\/v2\/oa3\/schema\/\) could not be read \(.+\): its version is unknown, and scan types are checked against the built-in table/)).toHaveLength(1)
    expect(result.stdout).not.toMatch(/::(warning|error)/)
  }

  it('a 404 (a server that hides it): all six upload as today, with one info line', async () => {
    const server = await serve(false)
    const result = await run(server)
    asToday(server, result)
    expect(result.stdout).toContain('HTTP 404')
  })

  it('a proxy page answering 200: all six upload as today', async () => {
    const server = await serve()
    server.faults.push({ match: { endpoint: 'schema' }, action: { kind: 'status', status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html' } })
    const result = await run(server)
    asToday(server, result)
  })

  it('no answer: the run waits at most 10 s for it, then uploads all six as today', async () => {
    const server = await serve()
    server.faults.push({ match: { endpoint: 'schema' }, times: 5, action: { kind: 'hang' } })
    const started = Date.now()
    const result = await run(server)
    asToday(server, result)
    expect(result.stdout).toContain('no answer within 10 s')
    expect(Date.now() - started).toBeLessThan(40_000)
  }, 60_000)
})

describe('dist/cli.js', () => {
  it('names the version and fails the report the server cannot take, like the action', async () => {
    const server = await serve({ version: '2.20.0', without: ['Semgrep JSON Report'] })
    const dir = mkdtempSync(join(tmpdir(), 'dd-cli-version-'))
    for (const name of ['semgrep.json', 'bandit.json']) copyFileSync(join(DEMO, name), join(dir, name))
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--product-type', 'acme', '--product', 'web', '--branch', 'main', '--commit', 'c0ffee00112233445566778899aabbccddeeff00', '--summary-file', 'summary.md', '--dotenv-file', 'out.env'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, DEFECTDOJO_URL: server.url, DEFECTDOJO_TOKEN: server.token },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()))
    const code = await new Promise<number | null>((done) => child.on('close', done))
    expect(code).not.toBe(0)
    expect(sent(server)).toEqual(['bandit.json'])
    expect(stdout).toContain('DefectDojo 2.20.0 does not accept the scan type "Semgrep JSON Report"')
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('DefectDojo 2.20.0')
    expect(readFileSync(join(dir, 'out.env'), 'utf8')).toMatch(/^DEFECTDOJO_DEFECTDOJO_VERSION=2\.20\.0$/m)
    expect(stdout).not.toContain(server.token)
  })
})
