/**
 * Drives the REAL `@actions/artifact` DefaultArtifactClient against the emulator, so the
 * emulator is known to speak the protocol the bundled action will speak in end-to-end tests.
 *
 * Import-time environment: `@actions/github` (used by the findBy/REST path) captures
 * GITHUB_API_URL when it is first imported, so the main server is started and its env applied
 * BEFORE the dynamic import below, and all REST tests use that server. Everything else
 * (runtime token, results URL, GHES check) is read on each call, so other servers can be
 * swapped in per test.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import type { DefaultArtifactClient } from '@actions/artifact'
import { startArtifactServer, runtimeToken } from '../support/artifact-server.ts'
import type { ArtifactServer, EmulatedArtifact } from '../support/artifact-server.ts'
import { makeZip, zipFolder } from '../support/zip.ts'

const TOKEN = 'ghs_emulatedToken123'
const OTHER_REPO = 'acme/scanner-app'
const OTHER_RUN = 4242
const BIG_RUN = 5151
const NON_ASCII_NAME = 'reports/with spaces/rapport é ü 日本.json'

const savedEnv = { ...process.env }
let server: ArtifactServer
let client: DefaultArtifactClient
let workDir: string
let restoreStdout: () => void

function useServer(target: ArtifactServer): void {
  Object.assign(process.env, target.env())
}

function sha256(data: Buffer): string {
  return `sha256:${crypto.createHash('sha256').update(data).digest('hex')}`
}

function read(...parts: string[]): string {
  return fs.readFileSync(path.join(...parts), 'utf8')
}

/** A folder zipped with zipFolder, to check it round-trips through the library's unzip. */
function folderZip(): Buffer {
  const dir = fs.mkdtempSync(path.join(workDir, 'folder-'))
  fs.mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'results.json'), '{"tool":"semgrep"}')
  fs.writeFileSync(path.join(dir, 'nested', 'deeper', 'report.sarif'), '{"version":"2.1.0"}')
  return zipFolder(dir)
}

const currentRunArtifacts = (): EmulatedArtifact[] => [
  { name: 'trivy-report', files: { 'results.json': '{"tool":"trivy"}', 'nested/deep/extra.json': '{"deep":true}' } },
  { name: 'gitleaks-report', files: { 'results.json': '{"tool":"gitleaks"}', [NON_ASCII_NAME]: '{"ünïcode":"✓"}' } },
  { name: 'semgrep-report', zip: folderZip() },
  { name: 'tampered', files: { 'results.json': '{"tool":"tampered"}' }, fault: 'digest-mismatch' },
  { name: 'broken', files: { 'results.json': '{}' }, fault: 'download-fails' },
  { name: 'old', files: { 'results.json': '{}' }, fault: 'expired' },
  // Same backend service, another run: the current token must never see it.
  { name: 'foreign', files: { 'results.json': '{}' }, runBackendId: 'another-run' }
]

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-server-test-'))
  // @actions/core logs (and ::add-mask:: commands) go straight to stdout; keep the output readable.
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  restoreStdout = () => spy.mockRestore()

  server = await startArtifactServer({ artifacts: currentRunArtifacts(), token: TOKEN })
  server.addRun(OTHER_REPO, OTHER_RUN, [
    { name: 'zap-report', files: { 'results.json': '{"tool":"zap"}', 'html/index.html': '<html></html>' } },
    { name: 'zap-expired', files: { 'results.json': '{}' }, fault: 'expired' },
    { name: 'zap-broken', files: { 'results.json': '{}' }, fault: 'download-fails' }
  ])
  server.addRun(OTHER_REPO, BIG_RUN, Array.from({ length: 130 }, (_, i) => ({ name: `part-${i}`, files: { 'results.json': `{"i":${i}}` } })))

  useServer(server)
  const { DefaultArtifactClient: Client } = await import('@actions/artifact')
  client = new Client()
})

afterAll(async () => {
  await server?.close()
  restoreStdout?.()
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
  Object.assign(process.env, savedEnv)
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('zip support', () => {
  test('makeZip output is a standard archive with UTF-8 names flagged', () => {
    const zip = makeZip([{ name: 'a/b/c.json', data: '{}' }, { name: 'é.txt', data: Buffer.from('x') }])
    expect(zip.readUInt32LE(0)).toBe(0x04034b50)
    // Flag bit 11 (UTF-8 name) only on the non-ASCII entry; flags sit 6 bytes into a local header.
    const second = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 4)
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0)
    expect(zip.readUInt16LE(second + 6) & 0x0800).toBe(0x0800)
    expect(zip.includes(Buffer.from('é.txt', 'utf8'))).toBe(true)
    expect(makeZip([{ name: 'x', data: 'y' }]).equals(makeZip([{ name: 'x', data: 'y' }]))).toBe(true)
  })
})

describe('current run (Twirp)', () => {
  test('lists only the current run, with ids, sizes, digests and dates', async () => {
    useServer(server)
    const { artifacts } = await client.listArtifacts()
    expect(artifacts.map(a => a.name)).toEqual(['trivy-report', 'gitleaks-report', 'semgrep-report', 'tampered', 'broken', 'old'])
    expect(new Set(artifacts.map(a => a.id)).size).toBe(artifacts.length)
    for (const artifact of artifacts) {
      expect(Number.isInteger(artifact.id)).toBe(true)
      expect(artifact.size).toBeGreaterThan(0)
      expect(artifact.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(artifact.createdAt).toBeInstanceOf(Date)
    }
    // Listed size and digest describe the very bytes the blob URL serves.
    const trivy = artifacts[0]!
    const zip = await fetchBlobOf(trivy.name)
    expect(trivy.size).toBe(zip.length)
    expect(trivy.digest).toBe(sha256(zip))
  })

  test('downloads several artifacts into their own folders, same-named files, nested and non-ASCII paths', async () => {
    useServer(server)
    const { artifacts } = await client.listArtifacts()
    const wanted = artifacts.filter(a => a.name.endsWith('-report'))
    for (const artifact of wanted) {
      const result = await client.downloadArtifact(artifact.id, { path: path.join(workDir, 'dl', artifact.name), expectedHash: artifact.digest })
      expect(result).toEqual({ downloadPath: path.join(workDir, 'dl', artifact.name), digestMismatch: false })
    }
    const dl = path.join(workDir, 'dl')
    expect(read(dl, 'trivy-report', 'results.json')).toBe('{"tool":"trivy"}')
    expect(read(dl, 'trivy-report', 'nested', 'deep', 'extra.json')).toBe('{"deep":true}')
    expect(read(dl, 'gitleaks-report', 'results.json')).toBe('{"tool":"gitleaks"}')
    expect(read(dl, 'gitleaks-report', ...NON_ASCII_NAME.split('/'))).toBe('{"ünïcode":"✓"}')
    expect(read(dl, 'semgrep-report', 'results.json')).toBe('{"tool":"semgrep"}')
    expect(read(dl, 'semgrep-report', 'nested', 'deeper', 'report.sarif')).toBe('{"version":"2.1.0"}')
  })

  test('the library sends id_filter / name_filter and the server honours them', async () => {
    useServer(server)
    const { artifacts } = await client.listArtifacts()
    const gitleaks = artifacts.find(a => a.name === 'gitleaks-report')!

    const found = await client.getArtifact('gitleaks-report')
    expect(found.artifact.id).toBe(gitleaks.id)
    expect(lastTwirpBody('ListArtifacts')).toMatchObject({ name_filter: 'gitleaks-report' })

    await client.downloadArtifact(gitleaks.id, { path: path.join(workDir, 'by-id') })
    expect(server.requests.some(r => (r.body as { id_filter?: string } | undefined)?.id_filter === String(gitleaks.id))).toBe(true)

    // Direct protocol checks: the filters narrow the list, unknown values give an empty list.
    expect(await twirpList({ name_filter: 'gitleaks-report' })).toEqual(['gitleaks-report'])
    expect(await twirpList({ id_filter: String(gitleaks.id) })).toEqual(['gitleaks-report'])
    expect(await twirpList({ name_filter: 'nope' })).toEqual([])
    expect(await twirpList({ id_filter: '1' })).toEqual([])
    await expect(client.getArtifact('nope')).rejects.toThrow(/Artifact not found for name: nope/)
  })

  test('a digest mismatch is reported as digestMismatch: true (files still extracted)', async () => {
    useServer(server)
    const tampered = (await client.listArtifacts()).artifacts.find(a => a.name === 'tampered')!
    const target = path.join(workDir, 'tampered')
    const result = await client.downloadArtifact(tampered.id, { path: target, expectedHash: tampered.digest })
    expect(result.digestMismatch).toBe(true)
    expect(read(target, 'results.json')).toBe('{"tool":"tampered"}')
    // Without expectedHash the library does not compare anything.
    const unchecked = await client.downloadArtifact(tampered.id, { path: path.join(workDir, 'tampered-2') })
    expect(unchecked.digestMismatch).toBe(false)
  })

  test('a failing download throws a clear error quickly, without touching the blob', async () => {
    useServer(server)
    const broken = (await client.listArtifacts()).artifacts.find(a => a.name === 'broken')!
    const blobsBefore = server.blobRequests
    const started = Date.now()
    await expect(client.downloadArtifact(broken.id, { path: path.join(workDir, 'broken') })).rejects.toThrow(
      'Failed to GetSignedArtifactURL: Received non-retryable error: Failed request: (404) Not Found: artifact storage blob not found for "broken"'
    )
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(server.blobRequests).toBe(blobsBefore)
  })

  test('an expired artifact is listed but cannot be downloaded', async () => {
    useServer(server)
    const old = (await client.listArtifacts()).artifacts.find(a => a.name === 'old')!
    const started = Date.now()
    await expect(client.downloadArtifact(old.id, { path: path.join(workDir, 'old') })).rejects.toThrow(
      'Failed to GetSignedArtifactURL: Received non-retryable error: Failed request: (404) Not Found: Artifact has expired'
    )
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  test('an unknown id is an ArtifactNotFoundError', async () => {
    useServer(server)
    await expect(client.downloadArtifact(999_999, { path: path.join(workDir, 'unknown') })).rejects.toMatchObject({
      name: 'ArtifactNotFoundError',
      message: expect.stringContaining('No artifacts found for ID: 999999')
    })
  })

  test('no artifacts at all', async () => {
    const empty = await startArtifactServer({ artifacts: [], latencyMs: 5 })
    try {
      useServer(empty)
      expect(await client.listArtifacts()).toEqual({ artifacts: [] })
      await expect(client.downloadArtifact(1001, { path: path.join(workDir, 'none') })).rejects.toThrow(/No artifacts found for ID: 1001/)
      expect(empty.blobRequests).toBe(0)
      expect(empty.requests.every(r => r.status === 200)).toBe(true)
    } finally {
      useServer(server)
      await empty.close()
    }
  })

  test('requests with a token for another run are refused with a 4xx JSON error', async () => {
    const response = await fetch(`${server.url}/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${runtimeToken('other-run', 'other-job')}` },
      body: JSON.stringify({ workflow_run_backend_id: server.runBackendId, workflow_job_run_backend_id: server.jobBackendId })
    })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ code: 'not_found', msg: 'workflow run not found' })
  })
})

describe('another run (findBy, REST)', () => {
  const findBy = (overrides: Partial<{ token: string; workflowRunId: number }> = {}) => ({
    token: TOKEN,
    workflowRunId: OTHER_RUN,
    repositoryOwner: 'acme',
    repositoryName: 'scanner-app',
    ...overrides
  })

  test('lists and downloads another run\'s artifacts with a token', async () => {
    useServer(server)
    const { artifacts } = await client.listArtifacts({ findBy: findBy() })
    expect(artifacts.map(a => a.name)).toEqual(['zap-report', 'zap-expired', 'zap-broken'])
    const zap = artifacts[0]!
    const target = path.join(workDir, 'zap')
    const result = await client.downloadArtifact(zap.id, { path: target, findBy: findBy(), expectedHash: zap.digest })
    expect(result).toEqual({ downloadPath: target, digestMismatch: false })
    expect(read(target, 'results.json')).toBe('{"tool":"zap"}')
    expect(read(target, 'html', 'index.html')).toBe('<html></html>')
    expect(server.requests.some(r => r.path === `/api/repos/${OTHER_REPO}/actions/artifacts/${zap.id}/zip` && r.status === 302)).toBe(true)
  })

  test('pages through large runs', async () => {
    useServer(server)
    const { artifacts } = await client.listArtifacts({ findBy: findBy({ workflowRunId: BIG_RUN }) })
    expect(artifacts).toHaveLength(130)
    expect(new Set(artifacts.map(a => a.name)).size).toBe(130)
    const pages = server.requests.filter(r => r.path.startsWith(`/api/repos/${OTHER_REPO}/actions/runs/${BIG_RUN}/artifacts`)).map(r => r.path)
    expect(pages).toEqual([
      `/api/repos/${OTHER_REPO}/actions/runs/${BIG_RUN}/artifacts?per_page=100&page=1`,
      `/api/repos/${OTHER_REPO}/actions/runs/${BIG_RUN}/artifacts?per_page=100&page=2`
    ])
  })

  test('expired and failing downloads surface the REST errors quickly', async () => {
    useServer(server)
    const { artifacts } = await client.listArtifacts({ findBy: findBy() })
    const started = Date.now()
    await expect(client.downloadArtifact(artifacts[1]!.id, { path: path.join(workDir, 'zx'), findBy: findBy() })).rejects.toMatchObject({
      status: 410,
      message: 'Artifact has expired - https://docs.github.com/rest/actions/artifacts#download-an-artifact'
    })
    await expect(client.downloadArtifact(artifacts[2]!.id, { path: path.join(workDir, 'zb'), findBy: findBy() })).rejects.toMatchObject({
      status: 404,
      message: 'Not Found - https://docs.github.com/rest/actions/artifacts#download-an-artifact'
    })
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  test('a wrong token is a 401 and an unknown run a 404', async () => {
    useServer(server)
    await expect(client.listArtifacts({ findBy: findBy({ token: 'wrong' }) })).rejects.toMatchObject({
      status: 401,
      message: 'Bad credentials - https://docs.github.com/rest'
    })
    await expect(client.listArtifacts({ findBy: findBy({ workflowRunId: 1 }) })).rejects.toMatchObject({
      status: 404,
      message: 'Not Found - https://docs.github.com/rest/actions/artifacts#list-workflow-run-artifacts'
    })
  })
})

// ---------------------------------------------------------------------------------------------

async function twirp(method: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${process.env['ACTIONS_RUNTIME_TOKEN']}` },
    body: JSON.stringify({ workflow_run_backend_id: server.runBackendId, workflow_job_run_backend_id: server.jobBackendId, ...body })
  })
}

async function twirpList(filters: Record<string, string>): Promise<string[]> {
  const response = await twirp('ListArtifacts', filters)
  const { artifacts } = (await response.json()) as { artifacts: Array<{ name: string }> }
  return artifacts.map(a => a.name)
}

async function fetchBlobOf(name: string): Promise<Buffer> {
  const { signed_url: url } = (await (await twirp('GetSignedArtifactURL', { name })).json()) as { signed_url: string }
  const response = await fetch(url)
  expect(response.headers.get('content-type')).toBe('application/zip')
  return Buffer.from(await response.arrayBuffer())
}

function lastTwirpBody(method: string): unknown {
  return server.requests.filter(r => r.path.endsWith(`/${method}`)).at(-1)?.body
}
