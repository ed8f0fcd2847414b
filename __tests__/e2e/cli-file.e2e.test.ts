// The command line as the ONE file each release attaches (scripts/build-cli-file.ts): built into a
// scratch folder, then copied alone into an empty folder and run there on Node 24 with nothing else —
// no node_modules above it, no environment but PATH and HOME: --help, --version and a real upload to the
// DefectDojo stand-in; and its .sha256 verifies with `sha256sum -c`, as the README's GitLab and Jenkins
// jobs check it, and fails for a changed file.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { FIXTURES, ROOT } from '../support/run-action.ts'

const FILE = 'defectdojo-reimport.mjs'
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
const SHA = 'c0ffee00112233445566778899aabbccddeeff00'
const scratch: string[] = []
const temp = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  scratch.push(dir)
  return dir
}

let built: string
beforeAll(() => {
  built = temp('dd-cli-file-build-')
  execFileSync(process.execPath, ['--import', './scripts/ts-resolve.ts', 'scripts/build-cli-file.ts', '--out-dir', built], { cwd: ROOT, stdio: 'pipe' })
}, 120_000)
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

let dojo: DojoServer
beforeEach(async () => {
  dojo = await startDojoServer()
})
afterEach(async () => {
  await dojo.close()
})

/** An empty folder holding nothing but the file. */
function folderWithTheFileAlone(): string {
  const dir = temp('dd-cli-file-')
  copyFileSync(join(built, FILE), join(dir, FILE))
  expect(readdirSync(dir)).toEqual([FILE])
  return dir
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** The file run as a pipeline would: `node defectdojo-reimport.mjs …` in its folder, a bare environment. */
async function run(dir: string, args: string[], env: Record<string, string> = {}, node = process.execPath): Promise<Run> {
  const child = spawn(node, [FILE, ...args], { cwd: dir, env: { PATH: `${dirname(node)}:/usr/bin:/bin`, HOME: dir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  return { code, stdout, stderr }
}

describe('the single-file command line', () => {
  it('is one file beside its checksum, with the licences of what it bundles', () => {
    expect(readdirSync(built).sort()).toEqual([FILE, `${FILE}.sha256`])
    const code = readFileSync(join(built, FILE), 'utf8')
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(code).toContain('Licences of the ')
    expect(code).toContain('undici@')
  })

  it('runs alone on Node 24 from an empty folder: --help and --version', async () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
    const dir = folderWithTheFileAlone()
    const help = await run(dir, ['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: defectdojo-reimport/)
    for (const option of ['--defectdojo-url <value>', '--path <value> *', '--dry-run', '--scan-types <value> *']) expect(help.stdout).toContain(option)
    const version = await run(dir, ['--version'])
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
    expect(readdirSync(dir)).toEqual([FILE])
  })

  it('uploads real reports to DefectDojo from that folder, with the pipeline context', async () => {
    const dir = folderWithTheFileAlone()
    mkdirSync(join(dir, 'reports'))
    for (const name of ['semgrep.json', 'trivy-image.json']) copyFileSync(join(FIXTURES, 'demo', name), join(dir, 'reports', name))
    const jenkins = { JENKINS_URL: 'https://ci.example.com/', GIT_BRANCH: 'origin/main', GIT_COMMIT: SHA, GIT_URL: 'https://github.com/acme/web.git', BUILD_NUMBER: '153', BUILD_URL: 'https://ci.example.com/job/web/153/', JOB_NAME: 'web' }
    const upload = await run(dir, ['--path', 'reports/', '--summary-file', 'defectdojo-summary.md'], { ...jenkins, DEFECTDOJO_URL: dojo.url, DEFECTDOJO_TOKEN: dojo.token })
    expect(upload.code).toBe(0)
    expect(upload.stderr).toContain('reports/semgrep.json: uploaded as Semgrep JSON Report')
    expect(upload.stderr).not.toMatch(/error|warning/i)
    expect(dojo.uploads.map((u) => u.fields.scan_type![0]).sort()).toEqual(['Semgrep JSON Report', 'Trivy Scan'])
    for (const sent of dojo.uploads) {
      expect(sent.fields).toMatchObject({ product_type_name: ['acme'], product_name: ['web'], engagement_name: ['CI/CD'], branch_tag: ['main'], commit_hash: [SHA], build_id: ['153'] })
    }
    expect(upload.stdout).toMatch(/uploaded\s+reports\/semgrep\.json\s+Semgrep JSON Report\s+2 new \(1 high, 1 medium\)\s+\d+\/0\/0\/0\s+http:\/\/127\.0\.0\.1:\d+\/test\/\d+/)
    const results = JSON.parse(readFileSync(join(dir, 'defectdojo-results.json'), 'utf8')) as { results: Array<{ status: string }> }
    expect(results.results.map((r) => r.status)).toEqual(['uploaded', 'uploaded'])
    expect(readFileSync(join(dir, 'defectdojo-summary.md'), 'utf8')).toContain('**2** uploaded')
    for (const text of [upload.stdout, readFileSync(join(dir, 'defectdojo-results.json'), 'utf8'), readFileSync(join(dir, 'defectdojo-summary.md'), 'utf8')]) expect(text).not.toContain(dojo.token)
  })

  it('its .sha256 verifies with sha256sum -c, as a file and as the value pinned in a pipeline, and a changed file fails', () => {
    const dir = folderWithTheFileAlone()
    copyFileSync(join(built, `${FILE}.sha256`), join(dir, `${FILE}.sha256`))
    const line = readFileSync(join(dir, `${FILE}.sha256`), 'utf8')
    expect(line).toMatch(new RegExp(`^[0-9a-f]{64}  ${FILE.replace('.', '\\.')}\\n$`))
    expect(execFileSync('sha256sum', ['-c', `${FILE}.sha256`], { cwd: dir }).toString()).toBe(`${FILE}: OK\n`)
    // The README's jobs: the value kept in the pipeline, the file somewhere else.
    const pinned = spawnSync('sh', ['-c', `echo "$SHA256  $FILE_PATH" | sha256sum -c -`], { env: { PATH: '/usr/bin:/bin', SHA256: line.split(' ')[0]!, FILE_PATH: join(dir, FILE) } })
    expect(pinned.status).toBe(0)
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), 'utf8').replace('defectdojo-reimport needs Node.js', 'defectdojo-reimport wants Node.js'))
    const changed = spawnSync('sha256sum', ['-c', `${FILE}.sha256`], { cwd: dir })
    expect(changed.status).not.toBe(0)
    expect(changed.stdout.toString()).toContain(`${FILE}: FAILED`)
  })

  const olderNode = ['/usr/bin/node', '/usr/local/bin/node'].find((node) => existsSync(node) && Number(spawnSync(node, ['-p', 'process.versions.node.split(".")[0]']).stdout?.toString().trim()) < 24)
  ;(olderNode ? it : it.skip)(`on an older Node (${olderNode ?? 'none on this machine'}) says it needs Node 24, in one line, exit 2`, async () => {
    const dir = folderWithTheFileAlone()
    const old = await run(dir, ['--version'], {}, olderNode!)
    expect(old.code).toBe(2)
    expect(old.stdout).toBe('')
    expect(old.stderr).toMatch(/^defectdojo-reimport needs Node\.js 24 or later; this is Node\.js \d+\.\d+\.\d+: run it with Node 24 \(e\.g\. the node:24 image\)\.\n$/)
  })
})
