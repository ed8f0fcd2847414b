// Runs the bundled action (dist/index.js) as a child process with the environment the runner gives
// it — INPUT_* (hyphens kept), GITHUB_* , RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the event
// payload file — and collects what it left behind: outputs, summary, results file, logs.
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BUNDLE = join(ROOT, 'dist', 'index.js')
export const FIXTURES = join(ROOT, 'fixtures')

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The parsed results file, or null when none was written. */
  results: { version: number; dryRun: boolean; totals: Record<string, unknown>; results: Array<Record<string, unknown>> } | null
  /** Every text the run produced, for leak checks (without the `::add-mask::` commands, which the runner consumes). */
  everything: string
  env: Record<string, string>
}

export interface RunOptions {
  inputs?: Record<string, string>
  /** Event fixture name under fixtures/events (default push-main.json), or a payload object. */
  event?: string | Record<string, unknown>
  eventName?: string
  env?: Record<string, string | undefined>
  workspace?: string
  /** Give the bundle nothing but what is set here (no INPUT_ defaults) — the runner's own defaults are not applied to spawned bundles. */
  bundle?: string
  timeoutMs?: number
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
    outputs[name!] = value.join('\n')
  }
  return outputs
}

/**
 * The environment the runner gives a `uses:` step, with its files (event payload, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, RUNNER_TEMP) laid out under `temp`. Shared by the tests and the benchmark.
 */
export function runnerEnvironment(temp: string, options: Pick<RunOptions, 'inputs' | 'event' | 'eventName' | 'env' | 'workspace'> = {}): Record<string, string> {
  const outputFile = join(temp, 'github_output')
  const summaryFile = join(temp, 'step_summary.md')
  const eventFile = join(temp, 'event.json')
  mkdirSync(join(temp, 'runner_temp'), { recursive: true })
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const event = options.event ?? 'push-main.json'
  if (typeof event === 'string') copyFileSync(join(FIXTURES, 'events', event), eventFile)
  else writeFileSync(eventFile, JSON.stringify(event))
  const payload = JSON.parse(readFileSync(eventFile, 'utf8')) as Record<string, unknown>
  const eventName = options.eventName ?? guessEventName(payload)

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace ?? ROOT,
    RUNNER_TEMP: join(temp, 'runner_temp'),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SHA: refSha(payload),
    GITHUB_REF: refOf(payload, eventName),
    GITHUB_RUN_ID: '11223344556',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '812',
    GITHUB_WORKFLOW: 'security',
    GITHUB_JOB: 'defectdojo',
    GITHUB_ACTION: '__self',
    RUNNER_OS: 'Linux'
  }
  if (eventName === 'pull_request') {
    env.GITHUB_HEAD_REF = String((payload.pull_request as { head: { ref: string } }).head.ref)
    env.GITHUB_BASE_REF = 'main'
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return env
}


export async function runAction(options: RunOptions = {}): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'dd-action-'))
  const env = runnerEnvironment(temp, options)
  const outputFile = env.GITHUB_OUTPUT!
  const summaryFile = env.GITHUB_STEP_SUMMARY!

  const child = spawn(process.execPath, [options.bundle ?? BUNDLE], { env, cwd: env.GITHUB_WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)))
  clearTimeout(timer)

  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  const resultsPath = outputs['results-file']
  const resultsText = resultsPath && existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : null
  const results = resultsText ? (JSON.parse(resultsText) as ActionRun['results']) : null
  const run: ActionRun = { code, stdout, stderr, outputs, summary, results, everything: [stdout.replace(/^::add-mask::.*$/gm, ''), stderr, summary, readFileSync(outputFile, 'utf8'), resultsText ?? ''].join('\n'), env }
  // The token-leak check, on every run of every end-to-end test: secrets never reach a log, the
  // summary, an output or the results file (the runner consumes `::add-mask::` lines itself).
  for (const secret of [env['INPUT_DEFECTDOJO-TOKEN'], env['INPUT_GITHUB-TOKEN']]) {
    if (secret && secret.length >= 8 && run.everything.includes(secret)) throw new Error(`a token leaked into the output of a run (${secret.slice(0, 3)}…)`)
  }
  return run
}

function guessEventName(payload: Record<string, unknown>): string {
  if ('pull_request' in payload) return 'pull_request'
  if ('workflow_run' in payload) return 'workflow_run'
  if ('schedule' in payload) return 'schedule'
  return 'push'
}

function refSha(payload: Record<string, unknown>): string {
  if (typeof payload.after === 'string') return payload.after
  const pr = payload.pull_request as { merge_commit_sha?: string } | undefined
  if (pr?.merge_commit_sha) return pr.merge_commit_sha
  return '0123456789abcdef0123456789abcdef01234567'
}

function refOf(payload: Record<string, unknown>, eventName: string): string {
  if (typeof payload.ref === 'string') return payload.ref
  if (eventName === 'pull_request') return `refs/pull/${String(payload.number)}/merge`
  return 'refs/heads/main'
}
