// Under faults and hostile input (issue 14), through the bundle and the command line against the
// DefectDojo stand-in: nothing counted that did not land, nothing injected into the log, no secret in
// any file, a record of a cancelled run, nothing DefectDojo cannot store, nothing dropped silently,
// bounded answers and archives, and clear reasons.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { startArtifactServer, type ArtifactServer } from '../support/artifact-server.ts'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { BUNDLE, FIXTURES, ROOT, parseOutputFile, runAction, runnerEnvironment, type ActionRun } from '../support/run-action.ts'

const demo = (name: string) => readFileSync(join(FIXTURES, 'demo', name), 'utf8')
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

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-faults-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

async function action(inputs: Record<string, string>, options: Parameters<typeof runAction>[0] = {}): Promise<ActionRun> {
  return runAction({ workspace: workspace({ 'gitleaks.json': demo('gitleaks.json') }), ...options, inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, artifacts: '', path: '.', ...inputs } })
}

describe('an upload counts only when the answer is DefectDojo\'s', () => {
  const answers: Array<[string, number, string, string, RegExp]> = [
    ['a firewall\'s HTML page', 200, 'text/html', '<html><head><title>Request Rejected</title></head><body>The requested URL was rejected.</body></html>', /HTTP 200, text\/html, starting "<html><head><title>Request Rejected<\/title>/],
    ['an SSO login page', 200, 'text/html; charset=utf-8', '<!DOCTYPE html>\n<html><body>Sign in to continue</body></html>', /HTTP 200, text\/html, starting "<!DOCTYPE html>"/],
    ['an empty 201', 201, 'application/json', '', /HTTP 201, application\/json, with an empty body/],
    ['truncated JSON', 201, 'application/json', '{"test_id": 4, "statistics": {"after"', /HTTP 201, application\/json, starting "\{"test_id": 4/],
    ['a detail object', 200, 'application/json', '{"detail": "Not authorised upstream"}', /starting "\{"detail": "Not authorised upstream"\}"/],
    ['an empty object', 201, 'application/json', '{}', /starting "\{\}"/],
    ['an empty list', 201, 'application/json', '[]', /starting "\[\]"/]
  ]
  for (const [what, status, contentType, body, quoted] of answers) {
    it(`fails the report on ${what}, quoting what came back`, async () => {
      dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times: Infinity, action: { kind: 'status', status, body, contentType } })
      const result = await action({ retries: '0' })
      expect(result.code).toBe(1)
      expect(result.outputs.uploaded).toBe('0')
      const row = result.results!.results[0]!
      expect(row.status).toBe('failed')
      expect(row.reason).toMatch(/^The answer to the upload was not DefectDojo's/)
      expect(row.reason).toMatch(quoted)
    })
  }

  it('does not take a 200 page that is not a user profile as a passed token check', async () => {
    dojo.faults.push({ match: { endpoint: 'user_profile' }, times: Infinity, action: { kind: 'status', status: 200, body: '{"status": "ok"}', contentType: 'application/json' } })
    const result = await action({ retries: '0' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('does not serve the DefectDojo API: /api/v2/user_profile/ answered HTTP 200, application/json, starting "{"status": "ok"}", not a user profile')
    expect(dojo.uploads).toHaveLength(0)
  })

  it('fails clearly on an answer too large to be DefectDojo\'s, reading no more than the limit', async () => {
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times: Infinity, action: { kind: 'status', status: 201, body: `{"x": "${'a'.repeat(9 * 1048576)}"}`, contentType: 'application/json' } })
    const result = await action({ retries: '0' })
    expect(result.code).toBe(1)
    expect(result.results!.results[0]!.reason).toContain('The answer was larger than 8 MB, which no DefectDojo answer is')
  })
})

describe('a scanner\'s failed run is not a clean report', () => {
  it('skips Semgrep output that scanned nothing, with Semgrep\'s own message, and still uploads a clean run', async () => {
    const failed = { version: '1.97.0', results: [], errors: [{ code: 2, level: 'error', type: 'InvalidRuleSchemaError', message: 'Invalid rule schema: a property is missing', path: '.semgrep/custom.yml' }], paths: { scanned: [] } }
    const clean = { version: '1.97.0', results: [], errors: [], paths: { scanned: ['app/views.py'] } }
    const result = await action({ path: 'reports' }, { workspace: workspace({ 'reports/failed/semgrep.json': JSON.stringify(failed), 'reports/clean/semgrep.json': JSON.stringify(clean) }) })
    const rows = Object.fromEntries(result.results!.results.map((r) => [r.file, r]))
    expect(rows['reports/failed/semgrep.json']).toMatchObject({ status: 'skipped', reason: 'Semgrep failed run: Semgrep failed: "Invalid rule schema: a property is missing". Not a clean report: uploading it would close every finding of its test' })
    expect(rows['reports/clean/semgrep.json']).toMatchObject({ status: 'uploaded', scanType: 'Semgrep JSON Report' })
    expect(dojo.uploads).toHaveLength(1)
  })
})

describe('nothing printed can become a workflow command', () => {
  it('neutralises file names that carry new lines and `::` commands', async () => {
    const result = await action({}, { workspace: workspace({ 'x\n::error title=Spoofed::gitleaks.json': '[]', 'y\r\n::set-output name=uploaded::999-gitleaks.json': '[]' }) })
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(/^\s*::error title=Spoofed/m)
    expect(result.stdout).not.toMatch(/^\s*::set-output/m)
    expect(result.stdout).not.toMatch(/\r/)
    expect(result.stdout).toContain('x\\n::error title=Spoofed::gitleaks.json: uploaded as Gitleaks Scan')
    expect(result.outputs.uploaded).toBe('2')
  })

  it('neutralises names inside artifacts the same way, and in the command line\'s table', async () => {
    artifacts = await startArtifactServer({ artifacts: [{ name: 'leaks', files: { 'a\n::warning::fake-gitleaks.json': '[]' } }], token: GITHUB_TOKEN })
    const result = await runAction({ inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, 'github-token': GITHUB_TOKEN }, env: artifacts.env(), workspace: workspace({}) })
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(/^\s*::warning::fake/m)
    const dir = workspace({ 'x\n\u001b[31m::error::red-gitleaks.json': '[]' })
    const cli = await runCli(['--branch', 'main', '--product', 'web', '--product-type', 'acme'], dir)
    expect(cli.code).toBe(0)
    expect(cli.stdout + cli.stderr).not.toContain('\u001b')
    expect(cli.stdout).toContain('x\\n\\x1b[31m::error::red-gitleaks.json')
  })
})

describe('secrets echoed back never reach a file', () => {
  it('hides the token and header values in the results file, the outputs, the summary and the log', async () => {
    const echo = JSON.stringify({ detail: `bad request; headers: Authorization: Token ${dojo.token}; CF-Access-Client-Secret: cf-secret-value-123` })
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times: Infinity, action: { kind: 'status', status: 400, body: echo, contentType: 'application/json' } })
    // runAction itself fails when the token shows up anywhere; the header value is checked here.
    const result = await action({ 'extra-headers': 'CF-Access-Client-Secret: cf-secret-value-123' })
    expect(result.code).toBe(1)
    expect(result.everything).not.toContain('cf-secret-value-123')
    expect(result.results!.results[0]!.reason).toContain('Authorization: Token ***; CF-Access-Client-Secret: ***')
    expect(result.summary).toContain('Token \\*\\*\\*')
  })

  it('does the same on the command line, which has no runner to mask its log', async () => {
    const echo = JSON.stringify({ detail: `echo ${dojo.token}` })
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times: Infinity, action: { kind: 'status', status: 400, body: echo, contentType: 'application/json' } })
    const dir = workspace({ 'gitleaks.json': '[]' })
    const cli = await runCli(['--branch', 'main', '--product', 'web', '--product-type', 'acme', '--summary-file', 's.md'], dir)
    expect(cli.code).toBe(1)
    for (const text of [cli.stdout, cli.stderr, readFileSync(join(dir, 'defectdojo-results.json'), 'utf8'), readFileSync(join(dir, 's.md'), 'utf8')]) expect(text).not.toContain(dojo.token)
  })

  it('never prints the user:password of a URL', async () => {
    const result = await action({ 'defectdojo-url': 'ftp://admin:hunter22@dojo.example.org' })
    expect(result.code).toBe(1)
    expect(result.everything).not.toContain('hunter22')
    expect(result.stdout).toContain('ftp://***@dojo.example.org')
  })
})

describe('a cancelled job leaves a record', () => {
  it('on SIGTERM writes the summary, the results file and the outputs: uploaded, in flight, not started', async () => {
    await dojo.close()
    dojo = await startDojoServer({ latencyMs: 4000 })
    const temp = mkdtempSync(join(tmpdir(), 'dd-cancel-'))
    const files = Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [`${n}/gitleaks.json`, JSON.stringify([{ RuleID: n, StartLine: 1, Secret: 's', File: 'f', Description: 'd' }])]))
    const env = runnerEnvironment(temp, { workspace: workspace(files), inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, artifacts: '', path: '.', concurrency: '1' } })
    const child = spawn(process.execPath, [BUNDLE], { env, cwd: env.GITHUB_WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    // The first upload finishes after ~4 s, the second is then in flight.
    await new Promise((resolve) => setTimeout(resolve, 6000))
    child.kill('SIGTERM')
    const code = await new Promise<number | null>((done) => child.on('close', done))
    expect(code).toBe(1)
    expect(stdout).toContain('Received SIGTERM: the run is cancelled')
    const outputs = parseOutputFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8'))
    expect(outputs.uploaded).toBe('1')
    const results = JSON.parse(readFileSync(outputs['results-file']!, 'utf8')) as { results: Array<{ status: string; reason: string | null }> }
    expect(results.results.map((r) => r.status).sort()).toEqual(['failed', 'failed', 'failed', 'uploaded'])
    expect(results.results.filter((r) => r.reason?.startsWith('in flight when the run was cancelled'))).toHaveLength(1)
    expect(results.results.filter((r) => r.reason?.startsWith('not started'))).toHaveLength(2)
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')
    expect(summary).toContain('The run was cancelled: 1 of 4 reports were uploaded, 1 were in flight')
  }, 30_000)
})

describe('values DefectDojo cannot store are configuration errors before any upload', () => {
  it('names the input and the value: an empty expansion, an unmatched brace, an over-long name, an over-long branch', async () => {
    const empty = await action({ 'test-title': '{artifact}' })
    expect(empty.code).toBe(1)
    expect(empty.stdout).toContain('Input `test-title` ("{artifact}") gives an empty name for gitleaks.json')
    const pr = await action({ engagement: '{pr}' })
    expect(pr.stdout).toContain('Input `engagement` ("{pr}") gives an empty name')
    const brace = await action({ engagement: 'ci-{branch' })
    expect(brace.stdout).toContain('Input `engagement` ("ci-{branch") has a brace that opens or closes no placeholder')
    const long = await action({ product: 'p'.repeat(256) })
    expect(long.stdout).toContain('gives a name of 256 characters for gitleaks.json')
    expect(long.stdout).toContain('DefectDojo stores at most 255')
    const branch = await action({ branch: `feature/${'b'.repeat(150)}` })
    expect(branch.stdout).toContain('(sent as branch_tag) is 158 characters; DefectDojo stores at most 150: set a shorter one with the `branch` input')
    // Only the token check, which travels while the files are recognised: nothing else, nothing written.
    expect(dojo.requests.filter((r) => r.path !== '/api/v2/user_profile/' && r.path !== '/api/v2/oa3/schema/')).toHaveLength(0)
  })
})

describe('nothing silently dropped', () => {
  it('lists a file whose name is not UTF-8, and links out of the workspace or to nothing, each with a reason; follows links inside', async () => {
    const dir = workspace({ 'reports/real.json': demo('gitleaks.json') })
    const outside = workspace({ 'secret.json': '[]' })
    writeFileSync(join(dir, 'reports', 'café.json'), demo('gitleaks.json'))
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'reports') + '/'), Buffer.from([0x62, 0xff, 0x2e, 0x6a, 0x73, 0x6f, 0x6e])]), '[]')
    symlinkSync('real.json', join(dir, 'reports', 'link.json'))
    symlinkSync(join(outside, 'secret.json'), join(dir, 'reports', 'escape.json'))
    symlinkSync('/nonexistent/x.json', join(dir, 'reports', 'broken.json'))
    const result = await action({ path: 'reports' }, { workspace: dir })
    const rows = Object.fromEntries(result.results!.results.map((r) => [r.file, r]))
    expect(rows['reports/link.json']).toMatchObject({ status: 'uploaded' })
    expect(rows['reports/escape.json']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('a symbolic link to') })
    expect(rows['reports/escape.json']!.reason).toContain('not followed')
    expect(rows['reports/broken.json']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('a symbolic link to nothing') })
    expect(rows['reports/b\\xff.json']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('not valid UTF-8') })
    expect(dojo.uploads.map((u) => u.file!.filename).sort()).toEqual(['café.json', 'link.json', 'real.json'])
  })

  it('takes a file named by `path` through a symbolic link', async () => {
    const dir = workspace({ 'real/gitleaks.json': demo('gitleaks.json') })
    symlinkSync('real/gitleaks.json', join(dir, 'leaks.json'))
    const result = await action({ path: 'leaks.json' }, { workspace: dir })
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('matches no file')
    expect(result.results!.results.map((r) => [r.file, r.status])).toEqual([['leaks.json', 'uploaded']])
  })
})

describe('bounded archives', () => {
  /** A zip whose one entry is `size` bytes of zeros, deflated (a few KB). */
  function bomb(name: string, size: number): Buffer {
    const data = deflateRawSync(Buffer.alloc(size))
    const nameBytes = Buffer.from(name)
    const crc = crc32Zeros(size)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(1, 8)
    end.writeUInt16LE(1, 10)
    end.writeUInt32LE(46 + nameBytes.length, 12)
    end.writeUInt32LE(30 + nameBytes.length + data.length, 16)
    return Buffer.concat([local, nameBytes, data, central, nameBytes, end])
  }
  function crc32Zeros(size: number): number {
    let crc = 0xffffffff
    for (let i = 0; i < size; i++) {
      crc ^= 0
      for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
    }
    return (crc ^ 0xffffffff) >>> 0
  }

  it('fails an artifact whose entry unpacks beyond max-report-size-mb, and the others go on', async () => {
    artifacts = await startArtifactServer({ artifacts: [{ name: 'bomb', zip: bomb('big.json', 8 * 1048576) }, { name: 'leaks', files: { 'gitleaks.json': '[]' } }], token: GITHUB_TOKEN })
    const result = await runAction({ inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, 'github-token': GITHUB_TOKEN, 'max-report-size-mb': '1' }, env: artifacts.env(), workspace: workspace({}) })
    expect(result.code).toBe(1)
    const bombRow = result.results!.results.find((r) => r.artifact === 'bomb')!
    expect(bombRow).toMatchObject({ status: 'failed', reason: expect.stringContaining('its entry big.json is 8.0 MB unpacked, over `max-report-size-mb` (1.0 MB), so none of its files were used') })
    expect(result.results!.results.find((r) => r.artifact === 'leaks')).toMatchObject({ status: 'uploaded' })
  })
})

describe('clear reasons', () => {
  it('names the input when the token or a header holds an invisible character, never its value', async () => {
    const token = await action({ 'defectdojo-token': `${dojo.token.slice(0, 10)}\u200b${dojo.token.slice(10)}` })
    expect(token.code).toBe(1)
    expect(token.stdout).toContain('Input `defectdojo-token` contains a control or invisible character (U+200B at position 11)')
    const header = await action({ 'extra-headers': 'X-Api-Key: abc\u0007def' })
    expect(header.stdout).toContain('Input `extra-headers` line 1 (X-Api-Key) has a control or invisible character (U+0007 at position 4) in its value')
    expect(header.everything).not.toContain('abc\u0007def')
    expect(dojo.requests).toHaveLength(0)
  })

  it('sends a UTF-16 JSON report (Windows PowerShell 5) converted to UTF-8, and says what to do with UTF-16 XML', async () => {
    const gitleaks = demo('gitleaks.json')
    const zap = demo('zap.xml').replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const result = await action({ path: 'reports' }, { workspace: workspace({ 'reports/gitleaks.json': utf16(gitleaks), 'reports/zap.xml': utf16(zap) }) })
    const rows = Object.fromEntries(result.results!.results.map((r) => [r.file, r]))
    expect(rows['reports/gitleaks.json']).toMatchObject({ status: 'uploaded', scanType: 'Gitleaks Scan', evidence: expect.arrayContaining(['UTF-16LE file, sent converted to UTF-8']) })
    expect(dojo.uploads[0]!.file).toMatchObject({ filename: 'gitleaks.json', sha256: createHash('sha256').update(gitleaks).digest('hex') })
    expect(rows['reports/zap.xml']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('the file is UTF-16 encoded (what Windows PowerShell 5 writes with `>` or Out-File)') })
    expect(rows['reports/zap.xml']!.reason).toContain('Out-File -Encoding utf8')
    expect(result.stdout).not.toContain('a binary file')
  })

  it('sends deduplication_execution_mode when set, and refuses a value DefectDojo does not know', async () => {
    const ok = await action({ 'deduplication-execution-mode': 'async_wait' })
    expect(ok.code).toBe(0)
    expect(dojo.uploads[0]!.fields.deduplication_execution_mode).toEqual(['async_wait'])
    const bad = await action({ 'deduplication-execution-mode': 'wait' })
    expect(bad.stdout).toContain('Input `deduplication-execution-mode` is "wait": use one of async, async_wait, sync.')
  })
})

async function runCli(args: string[], dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, DEFECTDOJO_URL: dojo.url, DEFECTDOJO_TOKEN: dojo.token }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  return { code, stdout, stderr }
}

