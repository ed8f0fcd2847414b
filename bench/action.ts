// Runs the bundled action (dist/index.js) as a child process with the environment the runner gives it,
// as __tests__/support/run-action.ts does, but through bench/lib.ts's spawnTimed: wall-clock timing
// from spawn to exit, stdout lines time-stamped, GNU time for peak RSS, a process group to kill.
import { existsSync, readFileSync } from 'node:fs'
import { BUNDLE, parseOutputFile, runnerEnvironment } from '../__tests__/support/run-action.ts'
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

/** The environment of a push to main, as the runner sets it for a `uses:` step (the tests' own helper). */
export function runnerEnv(temp: string, workspace: string, inputs: Record<string, string>): Record<string, string> {
  return runnerEnvironment(temp, { workspace, inputs })
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
