// dist/cli.js, the command-line bundle, as a GitLab job or a shell would run it, against the
// DefectDojo stand-in: fields per pipeline type, output files, exit codes, and the packed package.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { gitlabEnvironment } from '../support/gitlab-env.ts'
import { FIXTURES, ROOT } from '../support/run-action.ts'

const CLI = join(ROOT, 'dist', 'cli.js')
const demo = (name: string) => readFileSync(join(FIXTURES, 'demo', name), 'utf8')
const SHA = 'c0ffee00112233445566778899aabbccddeeff00'
const outputs: string[] = []

let dojo: DojoServer
beforeEach(async () => {
  dojo = await startDojoServer()
})
afterEach(async () => {
  await dojo.close()
})
afterAll(() => {
  for (const text of outputs) expect(text).not.toContain('d0d0d0d0c0ffee00112233445566778899aabbcc')
})

const gitlab = (extra: Record<string, string> = {}): Record<string, string> => gitlabEnvironment(SHA, extra)

/** A folder as GitLab leaves it after `needs:` on the scanner jobs of the guides. */
function gitlabJobFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-cli-'))
  writeFileSync(join(dir, 'semgrep.json'), demo('semgrep.json'))
  writeFileSync(join(dir, 'bandit.json'), demo('bandit.json'))
  writeFileSync(join(dir, 'trivy-image.json'), demo('trivy-image.json'))
  writeFileSync(join(dir, 'zap.html'), demo('zap.html'))
  // ZAP's traditional JSON report: DefectDojo's ZAP Scan parser reads the XML one only.
  writeFileSync(join(dir, 'zap.json'), JSON.stringify({ '@programName': 'ZAP', '@version': '2.15.0', '@generated': 'Wed, 20 Nov 2026 08:40:12', site: [{ '@name': 'https://staging.example.org', '@host': 'staging.example.org', '@port': '443', '@ssl': 'true', alerts: [] }] }))
  return dir
}

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  dir: string
}

async function cli(args: string[], options: { env?: Record<string, string>; dir?: string; token?: boolean } = {}): Promise<CliRun> {
  const dir = options.dir ?? gitlabJobFolder()
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, DEFECTDOJO_URL: dojo.url, ...(options.token === false ? {} : { DEFECTDOJO_TOKEN: dojo.token }), ...options.env }
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  const files = readdirSync(dir).filter((f) => /\.(json|md|env)$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8'))
  outputs.push(stdout, stderr, ...files)
  return { code, stdout, stderr, dir }
}

describe('dist/cli.js', () => {
  it('a GitLab branch pipeline: every importable report with the right scan type and context, the rest skipped with reasons, all output files written', async () => {
    const run = await cli(['--summary-file', 'defectdojo-summary.md', '--dotenv-file', 'defectdojo.env'], { env: gitlab() })
    expect(run.code).toBe(0)
    expect(dojo.uploads.map((u) => u.fields.scan_type![0]).sort()).toEqual(['Bandit Scan', 'Semgrep JSON Report', 'Trivy Scan'])
    expect(dojo.uploads.find((u) => u.fields.scan_type![0] === 'Trivy Scan')!.fields).toEqual({
      scan_type: ['Trivy Scan'],
      product_type_name: ['acme'],
      product_name: ['web'],
      engagement_name: ['CI/CD'],
      test_title: ['trivy: trivy-image.json'],
      auto_create_context: ['true'],
      environment: ['Development'],
      branch_tag: ['main'],
      commit_hash: [SHA],
      build_id: ['98765'],
      version: [''],
      source_code_management_uri: [`https://gitlab.example.com/acme/web/-/tree/${SHA}`]
    })
    const results = JSON.parse(readFileSync(join(run.dir, 'defectdojo-results.json'), 'utf8')) as { results: Array<{ file: string; status: string; reason: string | null }> }
    const skipped = Object.fromEntries(results.results.filter((r) => r.status === 'skipped').map((r) => [r.file, r.reason]))
    expect(Object.keys(skipped).sort()).toEqual(['zap.html', 'zap.json'])
    expect(skipped['zap.json']).toBeTruthy()
    expect(readFileSync(join(run.dir, 'defectdojo-summary.md'), 'utf8')).toContain('**3** uploaded')
    const env = readFileSync(join(run.dir, 'defectdojo.env'), 'utf8')
    expect(env).toMatch(/^DEFECTDOJO_CREATED=\d+$/m)
    expect(env).toContain('DEFECTDOJO_UPLOADED=3\n')
    expect(env).toContain('DEFECTDOJO_FAILED=0\n')
    expect(env).toMatch(/^DEFECTDOJO_RESULTS_FILE=.*defectdojo-results\.json$/m)
    expect(run.stdout).toMatch(/^STATUS\s+REPORT\s+SCAN TYPE/)
    expect(run.stdout).toMatch(/uploaded\s+trivy-image\.json\s+Trivy Scan\s+3 new \(1 critical, 1 high, 1 medium\)\s+\d+\/0\/0\/0\s+http:\/\/127\.0\.0\.1:\d+\/test\/\d+/)
  })

  it('a merge-request pipeline: source branch, its head commit, an engagement of its own', async () => {
    const env = gitlab({ CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login', CI_MERGE_REQUEST_IID: '17', CI_COMMIT_BRANCH: '' })
    delete (env as Record<string, string | undefined>).CI_COMMIT_BRANCH
    const run = await cli(['--engagement', 'CI/CD', '--test-title', '{tool} !{pr}'], { env })
    expect(run.code).toBe(0)
    for (const upload of dojo.uploads) {
      expect(upload.fields).toMatchObject({ engagement_name: ['CI/CD (feature/login)'], branch_tag: ['feature/login'], commit_hash: [SHA] })
      expect(upload.fields.test_title![0]).toMatch(/ !17$/)
    }
  })

  it('a dry-run plans without a server or token', async () => {
    const run = await cli(['--dry-run', '--defectdojo-url', 'https://dojo.example.org'], { env: gitlab(), token: false })
    expect(run.code).toBe(0)
    expect(dojo.requests).toHaveLength(0)
    expect(run.stdout).toMatch(/planned\s+semgrep\.json\s+Semgrep JSON Report/)
  })

  it('exit code 1 when a report failed to upload, 0 with --no-fail-on-error', async () => {
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times: 10, action: { kind: 'status', status: 500, body: '{"message": "Internal server error, check logs for details"}', contentType: 'application/json' } })
    const failed = await cli([], { env: gitlab() })
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('error: 3 of 3 reports failed to upload')
    const tolerated = await cli(['--no-fail-on-error'], { env: gitlab() })
    expect(tolerated.code).toBe(0)
  })

  it('exit code 2 for bad usage or configuration, with the reason', async () => {
    const unknown = await cli(['--colour'], { env: gitlab() })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Unknown option '--colour'")
    const token = await cli(['--defectdojo-token', 'abc'], { env: gitlab() })
    expect(token.code).toBe(2)
    expect(token.stderr).toContain('--defectdojo-token is not accepted')
    const invalid = await cli(['--minimum-severity', 'high'], { env: gitlab() })
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toContain('Option `--minimum-severity` is "high"')
    const missing = await cli([], { env: gitlab(), token: false })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('DEFECTDOJO_TOKEN (or --defectdojo-token-file) is required')
    expect(dojo.requests).toHaveLength(0)
  })

  it('on invalid inputs writes the results file and the summary, as the action does', async () => {
    const dir = gitlabJobFolder()
    const invalid = await cli(['--minimum-severity', 'high', '--summary-file', 'summary.md', '--dotenv-file', 'dd.env'], { env: gitlab(), dir })
    expect(invalid.code).toBe(2)
    expect(JSON.parse(readFileSync(join(dir, 'defectdojo-results.json'), 'utf8'))).toMatchObject({ version: 1, results: [] })
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('Option `--minimum-severity` is')
    expect(readFileSync(join(dir, 'dd.env'), 'utf8')).toContain('DEFECTDOJO_UPLOADED=0')
    expect(dojo.requests).toHaveLength(0)
  })

  it('reads the token from a file, and never prints it', async () => {
    const dir = gitlabJobFolder()
    writeFileSync(join(dir, 'token.txt'), `${dojo.token}\n`)
    const run = await cli(['--defectdojo-token-file', 'token.txt', '--verbose'], { env: gitlab(), token: false, dir })
    expect(run.code).toBe(0)
    expect(run.stdout + run.stderr).not.toContain(dojo.token)
  })

  it('outside CI: context from git in the working folder', async () => {
    const dir = gitlabJobFolder()
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).toString().trim()
    git('init', '-q', '-b', 'feature/x')
    git('remote', 'add', 'origin', 'git@github.com:acme/web.git')
    git('commit', '-q', '--allow-empty', '-m', 'x')
    const sha = git('rev-parse', 'HEAD')
    const run = await cli(['--path', 'trivy-image.json', '--default-branch', 'main'], { dir })
    expect(run.code).toBe(0)
    expect(dojo.uploads[0]!.fields).toMatchObject({ product_type_name: ['acme'], product_name: ['web'], branch_tag: ['feature/x'], commit_hash: [sha], engagement_name: ['CI/CD (feature/x)'], source_code_management_uri: [`https://github.com/acme/web/tree/${sha}`] })
  })

  it('in Jenkins: the branch from GIT_BRANCH without origin/, the commit and build from its variables', async () => {
    const jenkins = { JENKINS_URL: 'https://ci.example.com/', GIT_BRANCH: 'origin/feature/x', GIT_COMMIT: SHA, GIT_URL: 'https://github.com/acme/web.git', BUILD_NUMBER: '153', BUILD_URL: 'https://ci.example.com/job/web/153/', JOB_NAME: 'web' }
    const run = await cli(['--path', 'trivy-image.json'], { env: jenkins })
    expect(run.code).toBe(0)
    expect(dojo.uploads).toHaveLength(1)
    expect(dojo.uploads[0]!.fields).toMatchObject({ product_type_name: ['acme'], product_name: ['web'], engagement_name: ['CI/CD (feature/x)'], branch_tag: ['feature/x'], commit_hash: [SHA], build_id: ['153'], source_code_management_uri: [`https://github.com/acme/web/tree/${SHA}`] })
  })

  it('--help lists every option with its default', async () => {
    const run = await cli(['--help'])
    expect(run.code).toBe(0)
    for (const option of ['--defectdojo-url <value>', '--path <value> *', '--dry-run', '--[no-]fail-on-error', '--scan-types <value> *', '--dotenv-file <value>', '--results-file <value>']) expect(run.stdout).toContain(option)
    expect(run.stdout).toContain('(default: defectdojo-results.json)')
    expect(run.stdout).toContain('Exit codes: 0')
  })
})

describe('the packed package', () => {
  it('installs into a scratch folder whose `npx defectdojo-reimport --help` works', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'dd-pack-'))
    const tarball = execFileSync('npm', ['pack', '--pack-destination', scratch, '--silent'], { cwd: ROOT }).toString().trim().split('\n').at(-1)!
    cpSync(join(scratch, tarball), join(scratch, 'pkg.tgz'))
    writeFileSync(join(scratch, 'package.json'), '{"name": "scratch", "version": "1.0.0", "private": true}')
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', './pkg.tgz'], { cwd: scratch, stdio: 'pipe' })
    expect(existsSync(join(scratch, 'node_modules', '.bin', 'defectdojo-reimport'))).toBe(true)
    const help = execFileSync('npx', ['--no-install', 'defectdojo-reimport', '--help'], { cwd: scratch, env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` } }).toString()
    expect(help).toContain('Usage: defectdojo-reimport')
  }, 120_000)
})
