// The bundle downloading the run's artifacts through the real @actions/artifact (inside dist/) from the
// artifact-service emulator, and uploading every report inside them to the DefectDojo stand-in.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startArtifactServer, type ArtifactServer, type EmulatedArtifact } from '../support/artifact-server.ts'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { FIXTURES, runAction, type ActionRun } from '../support/run-action.ts'

const demo = (name: string) => readFileSync(join(FIXTURES, 'demo', name), 'utf8')
const sha = (text: string) => createHash('sha256').update(text).digest('hex')
const GITHUB_TOKEN = 'ghs_emulatedtoken0123456789abcdefghijklmn'

let dojo: DojoServer
let artifacts: ArtifactServer
afterEach(async () => {
  await dojo?.close()
  await artifacts?.close()
})

async function start(list: EmulatedArtifact[]): Promise<void> {
  dojo = await startDojoServer()
  artifacts = await startArtifactServer({ artifacts: list, token: GITHUB_TOKEN })
}

async function run(inputs: Record<string, string> = {}, extra: Parameters<typeof runAction>[0] = {}): Promise<ActionRun> {
  const workspace = extra.workspace ?? mkdtempSync(join(tmpdir(), 'dd-empty-ws-'))
  const result = await runAction({
    // Only what a user writes: URL and token. `artifacts` is what the runner fills from action.yml.
    inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, artifacts: '*', ...inputs },
    env: { ...artifacts.env(), ...extra.env },
    workspace,
    ...(extra.event ? { event: extra.event } : {})
  })
  expect(result.everything).not.toContain(dojo.token)
  expect(result.everything).not.toContain(GITHUB_TOKEN)
  return result
}

const scanners: EmulatedArtifact[] = [
  { name: 'gitleaks', files: { 'gitleaks.json': demo('gitleaks.json') } },
  // Same file name in two artifacts: each must be its own report.
  { name: 'semgrep', files: { 'results.json': demo('semgrep.json') } },
  { name: 'bandit', files: { 'results.json': demo('bandit.json') } },
  // Nested folders, a space and non-ASCII characters in names, a human-readable report beside the XML one.
  { name: 'zap baseline', files: { 'reports/2026/zap résumé.xml': demo('zap.xml'), 'reports/2026/zap.html': demo('zap.html') } },
  { name: 'trivy-image', files: { 'out/trivy image.json': demo('trivy-image.json') } }
]

describe('artifacts of the current run', () => {
  it('uploads every report inside every artifact, attributed to its artifact, with only URL and token set', async () => {
    await start(scanners)
    const result = await run()
    expect(result.code).toBe(0)
    const rows = result.results!.results
    const uploaded = rows.filter((r) => r.status === 'uploaded').map((r) => `${String(r.artifact)}:${String(r.file)}:${String(r.scanType)}`)
    expect(uploaded.sort()).toEqual(
      [
        'bandit:results.json:Bandit Scan',
        'gitleaks:gitleaks.json:Gitleaks Scan',
        'semgrep:results.json:Semgrep JSON Report',
        'trivy-image:out/trivy image.json:Trivy Scan',
        'zap baseline:reports/2026/zap résumé.xml:ZAP Scan'
      ].sort()
    )
    expect(rows.find((r) => r.file === 'reports/2026/zap.html')).toMatchObject({ artifact: 'zap baseline', status: 'skipped', humanReadable: true })
    // The stand-in received each report's exact bytes, under its real name.
    const received = new Map(dojo.uploads.map((u) => [u.fields.test_title![0]!, u]))
    expect(received.size).toBe(5)
    expect(received.get('semgrep: semgrep/results.json')!.file!.sha256).toBe(sha(demo('semgrep.json')))
    expect(received.get('bandit: bandit/results.json')!.file!.sha256).toBe(sha(demo('bandit.json')))
    expect(received.get('zap: zap baseline/reports/2026/zap résumé.xml')!.file!.filename).toBe('zap résumé.xml')
    // The summary names the artifact of each report.
    expect(result.summary).toContain('semgrep / results.json')
    expect(result.summary).toContain('bandit / results.json')
    expect(result.outputs).toMatchObject({ uploaded: '5', failed: '0', skipped: '1' })
    // Files for people are counted in one line, not listed.
    expect(result.summary).toContain('1 file is not a report (an HTML report, notes, a log…)')
    expect(result.summary).not.toContain('zap.html')
    expect(result.stdout).not.toContain('::warning::')
  })

  it('marks a corrupted, an undownloadable and an expired artifact failed with their reasons, and the others go on', async () => {
    await start([
      { name: 'gitleaks', files: { 'gitleaks.json': demo('gitleaks.json') } },
      { name: 'semgrep', files: { 'semgrep.json': demo('semgrep.json') }, fault: 'digest-mismatch' },
      { name: 'bandit', files: { 'bandit.json': demo('bandit.json') }, fault: 'download-fails' },
      { name: 'trivy', files: { 'trivy.json': demo('trivy-image.json') }, fault: 'expired' }
    ])
    const result = await run()
    expect(result.code).toBe(1)
    const rows = result.results!.results
    expect(rows.filter((r) => r.status === 'uploaded').map((r) => r.artifact)).toEqual(['gitleaks'])
    const failed = Object.fromEntries(rows.filter((r) => r.status === 'failed').map((r) => [r.artifact, r.reason]))
    expect(failed.semgrep).toMatch(/does not match its digest/)
    expect(failed.bandit).toMatch(/Downloading artifact "bandit" failed/)
    expect(failed.trivy).toMatch(/expired/)
    // Nothing of the corrupted artifact was uploaded.
    expect(dojo.uploads.map((u) => u.fields.scan_type![0])).toEqual(['Gitleaks Scan'])
    expect(result.stdout).toContain('::warning title=DefectDojo upload failed::artifact semgrep: the downloaded artifact does not match its digest')
    expect(result.outputs.failed).toBe('3')
  })

  it('keeps only artifacts matching the patterns, with ! excludes', async () => {
    await start(scanners)
    const result = await run({ artifacts: 'semgrep, bandit, zap*\n!zap baseline' })
    expect(result.code).toBe(0)
    expect(new Set(result.results!.results.map((r) => r.artifact))).toEqual(new Set(['semgrep', 'bandit']))
    expect(artifacts.blobRequests).toBe(2)
  })

  it('downloads nothing when `artifacts` is empty, using `path` alone', async () => {
    await start(scanners)
    const workspace = mkdtempSync(join(tmpdir(), 'dd-ws-'))
    writeFileSync(join(workspace, 'gitleaks.json'), demo('gitleaks.json'))
    const result = await run({ artifacts: '', path: '.' }, { workspace })
    expect(result.code).toBe(0)
    expect(artifacts.requests).toHaveLength(0)
    expect(result.outputs.uploaded).toBe('1')
  })

  it('uploads a report reached twice (artifact and workspace) once, and says which copy was used', async () => {
    await start([{ name: 'gitleaks', files: { 'gitleaks.json': demo('gitleaks.json') } }])
    const workspace = mkdtempSync(join(tmpdir(), 'dd-ws-'))
    writeFileSync(join(workspace, 'gitleaks.json'), demo('gitleaks.json'))
    const result = await run({ path: '.' }, { workspace })
    expect(result.code).toBe(0)
    expect(dojo.uploads).toHaveLength(1)
    const rows = result.results!.results
    expect(rows.find((r) => r.status === 'uploaded')).toMatchObject({ file: 'gitleaks.json', artifact: null, duplicates: ['gitleaks/gitleaks.json'] })
    expect(rows.find((r) => r.artifact === 'gitleaks')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('same content as gitleaks.json') })
  })

  it('with no artifacts at all: a clear warning, zero outputs and an empty but valid results file; `if-no-reports: error` fails', async () => {
    await start([])
    const warned = await run()
    expect(warned.code).toBe(0)
    expect(warned.stdout).toContain('::warning::No report files were found')
    expect(warned.outputs).toMatchObject({ uploaded: '0', created: '0', failed: '0', skipped: '0' })
    expect(warned.results).toMatchObject({ version: 1, results: [] })
    const failed = await run({ 'if-no-reports': 'error' })
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('::error::No report files were found')
    const quiet = await run({ 'if-no-reports': 'ignore' })
    expect(quiet.code).toBe(0)
    expect(quiet.stdout).not.toContain('::warning::No report')
  })

  it('removes the downloads afterwards unless keep-downloads is true', async () => {
    await start([{ name: 'gitleaks', files: { 'gitleaks.json': demo('gitleaks.json') } }])
    const removed = await run()
    const tempOf = (r: ActionRun) => readdirSync(r.env.RUNNER_TEMP!).filter((n) => n.startsWith('defectdojo-artifacts-'))
    expect(tempOf(removed)).toEqual([])
    const kept = await run({ 'keep-downloads': 'true' })
    const folders = tempOf(kept)
    expect(folders).toHaveLength(1)
    expect(existsSync(join(kept.env.RUNNER_TEMP!, folders[0]!))).toBe(true)
  })

  it('says what to do when run outside a job with `artifacts` set but no runtime token', async () => {
    await start([])
    const result = await run({}, { env: { ACTIONS_RUNTIME_TOKEN: undefined } })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("ACTIONS_RUNTIME_TOKEN, which exists only inside a GitHub Actions job: outside Actions set `artifacts: ''`")
  })

  it('explains that GitHub Enterprise Server is not supported and what to do instead', async () => {
    await start([{ name: 'gitleaks', files: { 'gitleaks.json': demo('gitleaks.json') } }])
    const result = await run({}, { env: { GITHUB_SERVER_URL: 'https://ghe.example.com' } })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('not possible on GitHub Enterprise Server')
    expect(result.stdout).toContain("set `artifacts: ''` and give them with `path`")
    expect(artifacts.requests).toHaveLength(0)
  })
})

describe('artifacts of another run (findBy)', () => {
  it('downloads the artifacts of run-id in repository with github-token', async () => {
    await start([])
    artifacts.addRun('acme/scans', 987654321, [
      { name: 'gitleaks', files: { 'gitleaks.json': demo('gitleaks.json') } },
      { name: 'trivy', files: { 'trivy.json': demo('trivy-image.json') } }
    ])
    const result = await run({ 'run-id': '987654321', repository: 'acme/scans', 'github-token': GITHUB_TOKEN }, { event: 'workflow-run.json' })
    expect(result.code).toBe(0)
    expect(dojo.uploads.map((u) => u.fields.scan_type![0]).sort()).toEqual(['Gitleaks Scan', 'Trivy Scan'])
    expect(artifacts.requests.some((r) => r.path.startsWith('/api/repos/acme/scans/actions/runs/987654321/artifacts'))).toBe(true)
    // Branch and commit of the triggering run.
    expect(dojo.uploads[0]!.fields).toMatchObject({ branch_tag: ['main'], commit_hash: ['9f4c2e1d7b3a5f6e8d0c1b2a3f4e5d6c7b8a9f0e'] })
  })

  it('explains a refused token and an unknown run in one sentence each', async () => {
    await start([])
    const refused = await run({ 'run-id': '5', repository: 'acme/scans', 'github-token': 'wrong' })
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('`github-token` was refused (HTTP 401)')
    const unknown = await run({ 'run-id': '5', repository: 'acme/scans', 'github-token': GITHUB_TOKEN })
    expect(unknown.stdout).toContain('run 5 was not found in acme/scans')
  })

  it('validates run-id and repository before contacting anything', async () => {
    await start([])
    const result = await run({ 'run-id': 'latest', repository: 'acme' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Input `run-id` is "latest"')
    expect(result.stdout).toContain('Input `repository` is "acme": use owner/name.')
    expect(artifacts.requests).toHaveLength(0)
    expect(dojo.requests).toHaveLength(0)
  })

  it('keeps a build artifact out of the way: one summary line, no warning, each file named only in the debug log', async () => {
    // A web build: pages, scripts, styles, a manifest and vendored JSON data; nothing in it is a report.
    const build: Record<string, string> = { 'manifest.json': '{"name": "webapp", "icons": []}', 'data/countries.json': '[{"code": "FR", "name": "France"}]' }
    for (let i = 0; i < 298; i++) build[`assets/chunk-${i}.${['js', 'css', 'html', 'map'][i % 4]}`] = i % 4 === 3 ? '{"version": 3, "sources": [], "mappings": ""}' : `/* chunk ${i} */`
    await start([
      { name: 'gitleaks', files: { 'gitleaks.json': demo('gitleaks.json') } },
      { name: 'webapp-build', files: build },
      // One file that looks like a report (its name) but is none this action knows: worth a warning.
      { name: 'scanners', files: { 'custom-scan-report.json': '{"tool": "in-house", "items": [{"id": 1}]}' } }
    ])
    const result = await run({}, { env: { RUNNER_DEBUG: '1' } })
    expect(result.code).toBe(0)
    expect(result.outputs.uploaded).toBe('1')
    expect(result.summary).toContain('- webapp-build: 300 files, none a report.')
    expect(result.summary).not.toContain('chunk-17')
    // One warning, for the report-like file only; it is also named at info level.
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'))
    expect(warnings).toEqual([expect.stringContaining('1 file was not recognised as a report')])
    expect(result.stdout).toMatch(/^scanners\/custom-scan-report\.json: not uploaded: not a report format/m)
    // Every build file is in the debug log, none in the log itself.
    const debug = result.stdout.split('\n').filter((l) => l.startsWith('::debug::webapp-build/'))
    expect(debug).toHaveLength(300)
    expect(result.stdout.split('\n').filter((l) => !l.startsWith('::debug::') && l.includes('chunk-17.'))).toEqual([])
  })
})
