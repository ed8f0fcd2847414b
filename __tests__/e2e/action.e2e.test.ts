// The bundled action (dist/index.js) as a child process with the runner's environment, against the
// DefectDojo stand-in on 127.0.0.1: what it sends, what it outputs, what it writes.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { startDojoServer, type DojoServer, type ReceivedUpload } from '../support/dojo-server.ts'
import { FIXTURES, runAction, type ActionRun } from '../support/run-action.ts'

const DEMO = join(FIXTURES, 'demo')
const REPORTS = ['bandit.json', 'codeql.sarif', 'gitleaks.json', 'semgrep.json', 'trivy-image.json', 'zap.xml']
const SCAN_TYPES: Record<string, string> = {
  'bandit.json': 'Bandit Scan',
  'codeql.sarif': 'SARIF',
  'gitleaks.json': 'Gitleaks Scan',
  'semgrep.json': 'Semgrep JSON Report',
  'trivy-image.json': 'Trivy Scan',
  'zap.xml': 'ZAP Scan'
}
const allRuns: ActionRun[] = []

let dojo: DojoServer
beforeEach(async () => {
  dojo = await startDojoServer()
})
afterEach(async () => {
  await dojo.close()
})
afterAll(() => {
  // No token may reach any output of any run: logs, summary, outputs, results file.
  for (const run of allRuns) {
    expect(run.everything).not.toContain(dojo.token)
    expect(run.everything).not.toContain('d0d0d0d0c0ffee00112233445566778899aabbcc')
  }
})

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-ws-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

// fixtures/demo is checked into this repository (the default workspace): taken all the same.
async function run(inputs: Record<string, string>, options: Parameters<typeof runAction>[0] = {}): Promise<ActionRun> {
  const result = await runAction({ inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: DEMO, 'include-tracked-files': 'true', ...inputs }, ...options })
  allRuns.push(result)
  return result
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const byFile = (uploads: ReceivedUpload[]) => new Map(uploads.map((u) => [u.file!.filename, u]))
const deltaTotal = (u: ReceivedUpload, action: string): number => {
  const stats = (u.response as { statistics: Record<string, any> }).statistics
  return stats.delta ? stats.delta[action].total.total : action === 'created' ? stats.after.total.total : 0
}

describe('the bundled action, end to end', () => {
  it('reimports every report of the demo folder with the exact scan type, naming and context fields', async () => {
    const result = await run({})
    expect(result.code).toBe(0)
    expect(dojo.uploads).toHaveLength(REPORTS.length)
    const uploads = byFile(dojo.uploads)
    expect([...uploads.keys()].sort()).toEqual(REPORTS)
    for (const name of REPORTS) {
      const upload = uploads.get(name)!
      expect(upload.endpoint).toBe('reimport-scan')
      expect(upload.status).toBe(201)
      expect(upload.authorization).toBe(`Token ${dojo.token}`)
      // The report itself, byte for byte, under its real name.
      expect(upload.file!.sha256).toBe(sha256(join(DEMO, name)))
      expect(upload.fields).toEqual({
        scan_type: [SCAN_TYPES[name]],
        product_type_name: ['acme'],
        product_name: ['web'],
        engagement_name: ['CI/CD'],
        test_title: [expect.stringContaining(name)],
        auto_create_context: ['true'],
        environment: ['Development'],
        branch_tag: ['main'],
        commit_hash: ['9f4c2e1d7b3a5f6e8d0c1b2a3f4e5d6c7b8a9f0e'],
        build_id: ['11223344556-1'],
        version: [''],
        source_code_management_uri: ['https://github.com/acme/web/tree/9f4c2e1d7b3a5f6e8d0c1b2a3f4e5d6c7b8a9f0e']
      })
    }
    // One test per report.
    expect(new Set(dojo.uploads.map((u) => (u.response as { test_id: number }).test_id)).size).toBe(REPORTS.length)
  })

  it('outputs totals equal to the sum of what DefectDojo answered, and a results file listing every file', async () => {
    const result = await run({})
    const sum = (action: string) => dojo.uploads.reduce((n, u) => n + deltaTotal(u, action), 0)
    expect(sum('created')).toBeGreaterThan(0)
    expect(result.outputs).toMatchObject({
      created: String(sum('created')),
      closed: '0',
      reactivated: '0',
      untouched: '0',
      uploaded: String(REPORTS.length),
      skipped: '2',
      failed: '0'
    })
    const rows = result.results!.results
    expect(rows.map((r) => r.file).sort()).toEqual([...REPORTS, 'SCANNERS.md', 'zap.html'].sort().map((n) => `fixtures/demo/${n}`))
    for (const row of rows.filter((r) => r.status === 'uploaded')) {
      const upload = dojo.uploads.find((u) => u.file!.filename === basename(row.file as string))!
      const answer = upload.response as { test_id: number }
      expect(row).toMatchObject({
        artifact: null,
        scanType: SCAN_TYPES[basename(row.file as string)],
        reason: null,
        product: 'web',
        engagement: 'CI/CD',
        testId: answer.test_id,
        testUrl: `${dojo.url}/test/${answer.test_id}`,
        created: deltaTotal(upload, 'created'),
        closed: 0,
        reactivated: 0,
        untouched: 0
      })
      expect(row.testTitle).toBe(upload.fields.test_title![0])
    }
    const skipped = rows.filter((r) => r.status === 'skipped')
    expect(skipped.map((r) => basename(r.file as string)).sort()).toEqual(['SCANNERS.md', 'zap.html'])
    for (const row of skipped) expect(row.reason).toMatch(/for people/)
    // The summary links each test and shows its numbers.
    for (const row of rows.filter((r) => r.status === 'uploaded')) expect(result.summary).toContain(`](${dojo.url}/test/${String(row.testId)})`)
    expect(result.summary).toContain(`**${REPORTS.length}** uploaded`)
  })

  it('a second identical run creates nothing and reports every finding untouched', async () => {
    const first = await run({})
    const second = await run({})
    expect(second.code).toBe(0)
    expect(second.outputs.created).toBe('0')
    expect(second.outputs.untouched).toBe(first.outputs.created)
    expect(new Set(dojo.state.tests.map((t) => t.id)).size).toBe(REPORTS.length)
  })

  it('dry-run recognises and plans everything and contacts no server, without URL or token', async () => {
    const result = await runAction({ inputs: { path: DEMO, 'dry-run': 'true', 'include-tracked-files': 'true' } })
    allRuns.push(result)
    expect(result.code).toBe(0)
    expect(dojo.requests).toHaveLength(0)
    expect(result.outputs).toMatchObject({ uploaded: '0', skipped: '2', failed: '0', created: '0' })
    const planned = result.results!.results.filter((r) => r.status === 'planned')
    expect(planned.map((r) => basename(r.file as string)).sort()).toEqual(REPORTS)
    for (const row of planned) expect((row.fields as Record<string, string>).scan_type).toBe(SCAN_TYPES[basename(row.file as string)])
    expect(result.summary).toContain('Dry run')
  })

  it('a bad token fails the step with a sentence naming the input, and every report is listed as failed', async () => {
    const result = await run({ 'defectdojo-token': 'f'.repeat(40) })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::error::')
    expect(result.stdout).toContain('DefectDojo rejected the token')
    expect(result.stdout).toContain('`defectdojo-token`')
    expect(result.outputs.failed).toBe(String(REPORTS.length))
    expect(result.outputs.uploaded).toBe('0')
    expect(dojo.state.tests).toHaveLength(0)
    expect(result.everything).not.toContain('f'.repeat(40))
  })

  it('never uploads a file it does not recognise, and says why in the results file', async () => {
    const ws = workspaceWith({ 'notes.json': '{"todo": ["rotate keys"]}', 'gitleaks.json': readFileSync(join(DEMO, 'gitleaks.json'), 'utf8') })
    const result = await run({ path: '.' }, { workspace: ws })
    expect(result.code).toBe(0)
    expect(dojo.uploads.map((u) => u.file!.filename)).toEqual(['gitleaks.json'])
    const notes = result.results!.results.find((r) => r.file === 'notes.json')!
    expect(notes.status).toBe('skipped')
    expect(notes.reason).toMatch(/not a report format this action recognises.*`scan-types`/)
  })

  it('stops before sending anything when an input is invalid, naming the input, the value and what is accepted', async () => {
    const result = await run({ 'dry-run': 'maybe', product: '{repository}' })
    expect(result.code).toBe(1)
    expect(dojo.requests).toHaveLength(0)
    expect(result.stdout).toContain('Input `dry-run` is "maybe": use true or false.')
    expect(result.stdout).toContain('Input `product` uses the unknown placeholder {repository}')
    // The results file and summary are still written.
    expect(result.results!.results).toEqual([])
    expect(result.summary).toContain('unknown placeholder')
  })

  it('checks the certificate files in dry-run too, before planning anything', async () => {
    const result = await run({ 'dry-run': 'true', path: 'reports', 'ca-certificates': '/nonexistent/ca.pem' }, { workspace: workspaceWith({ 'reports/gitleaks.json': '[]' }) })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Input `ca-certificates` names /nonexistent/ca.pem, which cannot be read (ENOENT)')
    expect(result.results!.results).toEqual([])
    expect(dojo.requests).toHaveLength(0)
  })

  it('reports the head branch and head commit of a pull request, not the merge ref', async () => {
    const ws = workspaceWith({ 'reports/trivy.json': readFileSync(join(DEMO, 'trivy-image.json'), 'utf8') })
    const result = await run({ path: 'reports' }, { workspace: ws, event: 'pull-request-fork.json' })
    expect(result.code).toBe(0)
    expect(dojo.uploads[0]!.fields).toMatchObject({ branch_tag: ['harden-login'], commit_hash: ['5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d'] })
  })

  it('uploads a renamed report under a file name with the extension its parser needs', async () => {
    const ws = workspaceWith({})
    copyFileSync(join(DEMO, 'gitleaks.json'), join(ws, 'gitleaks-report'))
    const result = await run({ path: 'gitleaks-report' }, { workspace: ws })
    expect(result.code).toBe(0)
    expect(dojo.uploads[0]!.file!.filename).toBe('gitleaks-report.json')
    expect(result.results!.results[0]).toMatchObject({ file: 'gitleaks-report', uploadName: 'gitleaks-report.json', status: 'uploaded' })
  })
})
