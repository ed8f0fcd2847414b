// Runs the bundled action (dist/index.js) as a child process with the environment the runner gives it,
// as __tests__/support/run-action.ts does, but through bench/lib.ts's spawnTimed: wall-clock timing
// from spawn to exit, stdout lines time-stamped, GNU time for peak RSS, a process group to kill.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUNDLE, FIXTURES, parseOutputFile } from '../__tests__/support/run-action.ts'
import { NODE, makeTempDir, removeTempDir, spawnTimed, type Timed } from './lib.ts'

export { BUNDLE }

export interface BundleRun extends Timed {
  outputs: Record<string, string>
  results: { results: Array<Record<string, unknown>> } | null
}

export interface BundleOptions {
  workspace: string
  inputs: Record<string, string>
  env?: Record<string, string>
  timeoutMs: number
  measureRss?: boolean
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: readonly string[]
}

/** The environment of a push to main, as the runner sets it for a `uses:` step (see run-action.ts). */
export function runnerEnv(temp: string, workspace: string, inputs: Record<string, string>): Record<string, string> {
  const eventFile = join(temp, 'event.json')
  copyFileSync(join(FIXTURES, 'events', 'push-main.json'), eventFile)
  const payload = JSON.parse(readFileSync(eventFile, 'utf8')) as { after?: string }
  mkdirSync(join(temp, 'runner_temp'), { recursive: true })
  writeFileSync(join(temp, 'github_output'), '')
  writeFileSync(join(temp, 'step_summary.md'), '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(temp, 'runner_temp'),
    GITHUB_OUTPUT: join(temp, 'github_output'),
    GITHUB_STEP_SUMMARY: join(temp, 'step_summary.md'),
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SHA: payload.after ?? '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '11223344556',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '812',
    GITHUB_WORKFLOW: 'security',
    GITHUB_JOB: 'defectdojo',
    GITHUB_ACTION: '__self',
    RUNNER_OS: 'Linux'
  }
  // Input names keep their hyphens, upper-cased, as the runner does.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

export async function runBundle(options: BundleOptions): Promise<BundleRun> {
  const temp = makeTempDir('dd-bench-run-')
  try {
    const env = { ...runnerEnv(temp, options.workspace, options.inputs), ...options.env }
    const run = await spawnTimed(NODE, [...(options.nodeArgs ?? []), BUNDLE], { env, cwd: options.workspace, timeoutMs: options.timeoutMs, measureRss: options.measureRss })
    const outputs = parseOutputFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8'))
    const resultsPath = outputs['results-file']
    const results = resultsPath && existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BundleRun['results']) : null
    return { ...run, outputs, results }
  } finally {
    removeTempDir(temp)
  }
}

/** Why a run is not a valid measurement, or null when it is. */
export function invalidRun(run: BundleRun, expect: { code?: number; outputs?: Record<string, string> }): string | null {
  if (run.timedOut) return `timed out after ${Math.round(run.wallMs / 1000)} s`
  if (run.code !== (expect.code ?? 0)) return `exit code ${String(run.code)}: ${lastLines(run.stdout + '\n' + run.stderr)}`
  for (const [name, value] of Object.entries(expect.outputs ?? {})) {
    if (run.outputs[name] !== value) return `output ${name} is ${String(run.outputs[name])}, expected ${value}: ${lastLines(run.stdout)}`
  }
  return null
}

function lastLines(text: string): string {
  return text.trim().split('\n').filter((l) => !l.startsWith('::set-output') && l.trim() !== '').slice(-8).join(' | ')
}

/** Time between the first stdout line matching `start` and the next one matching `end` (e.g. a log group). */
export function phaseMs(run: Timed, start: RegExp, end: RegExp): number | null {
  const from = run.lines.findIndex((l) => start.test(l.text))
  if (from < 0) return null
  const to = run.lines.findIndex((l, i) => i > from && end.test(l.text))
  if (to < 0) return null
  return run.lines[to]!.at - run.lines[from]!.at
}
