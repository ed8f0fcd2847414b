// The engine, the one run both shells call, driven whole with an in-memory Host (log lines, groups,
// masks and an artifact backend kept in arrays) against the DefectDojo stand-in on 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Config } from '../../src/config/config.js'
import { useDialect, type RawInputs } from '../../src/config/inputs.js'
import type { Host } from '../../src/engine/host.js'
import { runEngine, type RunReport } from '../../src/engine/run.js'
import type { RunContext } from '../../src/model.js'
import type { ArtifactInfo, ArtifactService } from '../../src/sources/artifacts.js'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { FIXTURES } from '../support/run-action.ts'

let dojo: DojoServer
beforeAll(async () => {
  dojo = await startDojoServer()
})
afterAll(async () => {
  await dojo.close()
})
beforeEach(() => {
  dojo.uploads.length = 0
  dojo.requests.length = 0
  dojo.faults.length = 0
  useDialect('action')
})

/** A Host that keeps everything in memory; `artifacts` is the backend it offers (none by default). */
function memoryHost(artifacts: ArtifactService | null = null) {
  const lines: Array<{ level: 'info' | 'warning' | 'debug'; message: string }> = []
  const groups: string[] = []
  const masked: string[] = []
  const asked: Config[] = []
  const host: Host = {
    log: {
      info: (message) => lines.push({ level: 'info', message }),
      warning: (message) => lines.push({ level: 'warning', message }),
      debug: (message) => lines.push({ level: 'debug', message })
    },
    group: async (title, work) => {
      groups.push(title)
      return work()
    },
    mask: (value) => masked.push(value),
    artifacts: async (config) => {
      asked.push(config)
      return artifacts
    }
  }
  const text = (level?: 'info' | 'warning' | 'debug') => lines.filter((l) => !level || l.level === level).map((l) => l.message).join('\n')
  return { host, lines, groups, masked, asked, text }
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-engine-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

function demoWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-engine-'))
  cpSync(join(FIXTURES, 'demo'), join(dir, 'reports'), { recursive: true })
  return dir
}

function context(dir: string, overrides: Partial<RunContext> = {}): RunContext {
  return {
    owner: 'acme',
    repo: 'web',
    serverUrl: 'https://github.com',
    eventName: 'push',
    branch: 'main',
    defaultBranch: 'main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    pr: null,
    tag: null,
    runId: '42',
    runAttempt: '1',
    runNumber: '7',
    pullRequest: false,
    fork: null,
    secretsWithheld: null,
    source: 'GitHub Actions',
    workflow: 'security',
    job: 'defectdojo',
    runUrl: 'https://github.com/acme/web/actions/runs/42',
    buildId: '42-1',
    scmUri: null,
    workspace: dir,
    ...overrides
  }
}

async function run(raw: RawInputs, dir: string, host = memoryHost().host, ctx: Partial<RunContext> = {}): Promise<RunReport> {
  return runEngine({ raw, context: context(dir, ctx), resultsFile: join(dir, 'results.json'), scratch: join(dir, 'scratch') }, host)
}

const connection = () => ({ 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token })

describe('the engine', () => {
  it('uploads every report and renders one Result[] three ways: results file, outputs, summary', async () => {
    const dir = demoWorkspace()
    const memory = memoryHost()
    const report = await run({ ...connection(), path: 'reports', artifacts: '' }, dir, memory.host)
    const uploaded = report.results.filter((r) => r.status === 'uploaded')
    expect(uploaded).toHaveLength(6)
    expect(dojo.uploads).toHaveLength(6)
    expect(report.results.filter((r) => r.status === 'skipped').map((r) => r.file).sort()).toEqual(['reports/SCANNERS.md', 'reports/zap.html'])
    expect(report.fatal).toBeNull()
    expect(report.verdict.failure).toBeNull()
    // The three renderings agree.
    const document = JSON.parse(report.resultsJson) as { totals: { uploaded: number; created: number }; results: Array<{ file: string; status: string; created: number | null }> }
    expect(document.totals.uploaded).toBe(6)
    expect(report.outputs.uploaded).toBe('6')
    expect(report.outputs.created).toBe(String(document.totals.created))
    expect(document.results.map((r) => r.file)).toEqual(report.results.map((r) => r.file))
    expect(report.summary).toContain('**6** uploaded')
    // The summary names the run's branch, commit and engagement once, and the new findings read back.
    expect(report.summary).toMatch(/^Branch \*\*main\*\* · commit `0123456` · engagement \*\*\[CI\/CD\]\(http:\/\/127\.0\.0\.1:\d+\/engagement\/\d+\)\*\* of product \*\*\[web\]\(/m)
    expect(report.summary).toMatch(/^New in \*\*reports\/trivy-image\.json\*\*:\n\n- Critical: \[CVE-2026-10002 zlib1g [^\]]*\]\(http:\/\/127\.0\.0\.1:\d+\/finding\/\d+\)$/im)
    expect(report.outputs).toMatchObject({ new: report.outputs.created, 'counts-unknown': '0' })
    expect(report.outputs['results-file']).toBe(join(dir, 'results.json'))
    // The engine writes nothing itself: the shell does.
    expect(existsSync(join(dir, 'results.json'))).toBe(false)
    expect(memory.groups).toEqual(['Recognising and uploading reports'])
    expect(memory.text('info')).toMatch(/reports\/gitleaks\.json: uploaded as Gitleaks Scan → test \d+/)
  })

  it('stops on invalid inputs before any request, and still reports: fatal, summary, outputs, results file', async () => {
    const dir = demoWorkspace()
    const report = await run({ ...connection(), path: 'reports', 'dry-run': 'maybe', concurrency: '0' }, dir)
    expect(dojo.requests).toHaveLength(0)
    expect(report.config).toBeNull()
    expect(report.fatal).toMatchObject({ kind: 'configuration' })
    expect(report.fatal!.message).toContain('Input `dry-run` is "maybe": use true or false.')
    expect(report.fatal!.message).toContain('Input `concurrency` is "0"')
    expect(report.verdict.failure).toBe(report.fatal!.message)
    expect(report.summary).toContain('The step failed')
    expect(report.outputs).toMatchObject({ uploaded: '0', failed: '0', skipped: '0' })
    expect(JSON.parse(report.resultsJson)).toMatchObject({ version: 1, results: [] })
  })

  it('checks certificate files as inputs, in dry-run too', async () => {
    const dir = demoWorkspace()
    const report = await run({ path: 'reports', 'dry-run': 'true', 'ca-certificates': join(dir, 'missing.pem') }, dir)
    expect(report.fatal).toMatchObject({ kind: 'configuration', message: expect.stringContaining('Input `ca-certificates` names') })
    const notPem = await run({ path: 'reports', 'dry-run': 'true', 'ca-certificates': join(dir, 'reports', 'bandit.json') }, dir)
    expect(notPem.fatal!.message).toContain('holds no PEM block')
  })

  it('plans without sending anything in dry-run', async () => {
    const dir = demoWorkspace()
    const report = await run({ path: 'reports', 'dry-run': 'true' }, dir)
    expect(dojo.requests).toHaveLength(0)
    expect(report.results.filter((r) => r.status === 'planned')).toHaveLength(6)
    expect(report.results.find((r) => r.file === 'reports/trivy-image.json')).toMatchObject({ product: 'web', engagement: 'CI/CD', fields: expect.objectContaining({ scan_type: 'Trivy Scan', build_id: '42-1' }) })
    expect(report.summary).toContain('Dry run')
    // The `branch` and `commit` inputs are what the reports are sent with, so the summary shows them.
    const overridden = await run({ path: 'reports', 'dry-run': 'true', branch: 'release/1.2', commit: 'fedcba9876543210fedcba9876543210fedcba98' }, dir)
    expect(overridden.summary).toContain('Branch **release/1.2** · commit `fedcba9` · engagement **')
  })

  it('stops on a test collision with every report "not attempted", as a user error', async () => {
    const dir = workspace({ 'a/trivy.json': '{"SchemaVersion": 2, "ArtifactName": "a", "Results": []}', 'b/trivy.json': '{"SchemaVersion": 2, "ArtifactName": "b", "Results": []}' })
    const report = await run({ ...connection(), path: '.', 'test-title': '{tool}' }, dir)
    // Only the token check, which travels while the files are recognised: nothing written.
    expect(dojo.requests.filter((r) => r.path !== '/api/v2/user_profile/')).toHaveLength(0)
    expect(report.fatal).toMatchObject({ kind: 'collision', message: expect.stringContaining('a/trivy.json, b/trivy.json') })
    expect(report.results.map((r) => [r.status, r.reason])).toEqual([
      ['failed', expect.stringContaining('not attempted')],
      ['failed', expect.stringContaining('not attempted')]
    ])
  })

  it('stops after a failed token check: one request, every report "not attempted", a connection failure', async () => {
    const dir = demoWorkspace()
    const report = await run({ 'defectdojo-url': dojo.url, 'defectdojo-token': 'f'.repeat(40), path: 'reports', retries: '0' }, dir)
    expect(dojo.requests.map((r) => r.path)).toEqual(['/api/v2/user_profile/'])
    expect(report.fatal).toMatchObject({ kind: 'connection', message: expect.stringContaining('DefectDojo rejected the token') })
    expect(report.results.filter((r) => r.status === 'failed').every((r) => r.reason!.startsWith('not attempted: DefectDojo rejected the token'))).toBe(true)
  })

  it('merges the artifacts the Host offers, with whole-artifact failures as results; the download folder is removed', async () => {
    const dir = workspace({ 'reports/bandit.json': '{"results": [], "errors": [], "generated_at": "2026-01-01T00:00:00Z", "metrics": {}}' })
    const folders: string[] = []
    const listed: ArtifactInfo[] = [
      { id: 1, name: 'gitleaks', size: 2, digest: null, expired: false },
      { id: 2, name: 'semgrep', size: 9, digest: null, expired: true },
      { id: 3, name: 'broken', size: 9, digest: null, expired: false }
    ]
    const service: ArtifactService = {
      list: async () => listed,
      download: async (artifact, directory) => {
        folders.push(directory)
        if (artifact.name === 'broken') throw new Error('boom')
        writeFileSync(join(directory, 'gitleaks.json'), '[]')
        return { digestMismatch: false }
      },
      explain: (error, what, artifact) => `${what} ${artifact ?? ''} failed: ${(error as Error).message}`
    }
    const memory = memoryHost(service)
    const report = await run({ ...connection(), path: 'reports' }, dir, memory.host)
    expect(memory.asked).toHaveLength(1)
    expect(report.results.map((r) => [r.artifact, r.file, r.status])).toEqual(
      expect.arrayContaining([
        ['semgrep', '', 'failed'],
        ['broken', '', 'failed'],
        [null, 'reports/bandit.json', 'uploaded'],
        ['gitleaks', 'gitleaks.json', 'uploaded']
      ])
    )
    expect(report.results.find((r) => r.artifact === 'broken')!.reason).toBe('download broken failed: boom')
    expect(report.verdict.failure).toContain('2 of 4 reports failed')
    expect(memory.groups).toEqual(['Downloading artifacts', 'Recognising and uploading reports'])
    for (const folder of folders) expect(existsSync(folder)).toBe(false)
  })

  it('keeps the downloads with keep-downloads, and says where', async () => {
    const dir = workspace({})
    const service: ArtifactService = {
      list: async () => [{ id: 1, name: 'gitleaks', size: 2, digest: null, expired: false }],
      download: async (_artifact, directory) => {
        writeFileSync(join(directory, 'gitleaks.json'), '[]')
        return { digestMismatch: false }
      },
      explain: () => 'x'
    }
    const memory = memoryHost(service)
    await run({ 'dry-run': 'true', 'keep-downloads': 'true' }, dir, memory.host)
    const kept = /Downloaded artifacts kept in (\S+) /.exec(memory.text('info'))![1]!
    expect(readdirSync(kept)).toEqual(['001-1'])
  })

  it('fails the run as a whole when the artifacts cannot be listed, after uploading what `path` found', async () => {
    const dir = workspace({ 'gitleaks.json': '[]' })
    const service: ArtifactService = {
      list: async () => {
        throw new Error('HTTP 403')
      },
      download: async () => ({ digestMismatch: false }),
      explain: (error) => `Listing failed: ${(error as Error).message}`
    }
    const report = await run({ ...connection(), path: 'gitleaks.json' }, dir, memoryHost(service).host)
    expect(report.results.map((r) => r.status)).toEqual(['uploaded'])
    expect(report.fatal).toEqual({ kind: 'artifacts', message: 'Listing failed: HTTP 403' })
    expect(report.verdict.failure).toBe('Listing failed: HTTP 403')
  })

  it('does not ask the Host for artifacts when `artifacts` is empty', async () => {
    const memory = memoryHost()
    await run({ 'dry-run': 'true', artifacts: '' }, workspace({}), memory.host)
    expect(memory.asked).toHaveLength(0)
  })

  it('masks extra-headers values through the Host and sends them', async () => {
    const dir = workspace({ 'gitleaks.json': '[]' })
    const memory = memoryHost()
    await run({ ...connection(), path: 'gitleaks.json', 'extra-headers': 'CF-Access-Client-Secret: s3cr3t-value' }, dir, memory.host)
    expect(memory.masked).toEqual(['s3cr3t-value'])
    expect(dojo.uploads[0]!.headers['cf-access-client-secret']).toBe('s3cr3t-value')
  })

  it('sends verdict warnings to the log: a file that looks like a report but is not one; build output only counts', async () => {
    const dir = workspace({ 'scan-results.json': '{"hello": "world"}', 'web/asset-manifest.json': '{"files": {"main.js": "/static/main.js"}}' })
    const memory = memoryHost()
    await run({ ...connection(), path: '.' }, dir, memory.host)
    expect(memory.text('warning')).toContain('None of the 2 files found is a report this action can upload')
    expect(memory.text('warning')).toContain('1 file was not recognised as a report')
    expect(memory.text('info')).toContain('scan-results.json: not uploaded: not a report format this action recognises')
    expect(memory.text('info')).not.toContain('asset-manifest.json')
    expect(memory.text('debug')).toContain('web/asset-manifest.json: skipped')
  })

  it('names inputs as the command line does in the CLI dialect', async () => {
    useDialect('cli')
    const report = await run({}, workspace({}))
    expect(report.fatal!.message).toContain('DEFECTDOJO_URL (or --defectdojo-url) is required')
    expect(report.fatal!.message).toContain('DEFECTDOJO_TOKEN (or --defectdojo-token-file) is required')
  })
})
