// Shared plumbing of the benchmark: child processes with wall-clock timing, optional peak RSS from
// GNU time, timeouts, and a cleanup registry so that temp files and children never outlive the bench.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, cpus, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'

export const NODE = process.execPath
export const GNU_TIME = '/usr/bin/time'
export const CURL = '/usr/bin/curl'
export const MB = 1_000_000
export const MiB = 1024 * 1024

/** Epoch milliseconds with sub-millisecond precision: the clock the DefectDojo stand-in stamps uploads with. */
export const nowMs = (): number => performance.timeOrigin + performance.now()

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a')
export const seconds = (ms: number, digits = 2): string => `${fixed(ms / 1000, digits)} s`
export const millis = (ms: number, digits = 0): string => `${fixed(ms, digits)} ms`
export const megabytes = (bytes: number, digits = 1): string => `${fixed(bytes / MB, digits)} MB`

// ---------------------------------------------------------------------------------------------
// Cleanup: children (by process group) and temp folders

const children = new Set<ChildProcess>()
const tempDirs = new Set<string>()
const closers = new Set<() => Promise<void>>()

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  tempDirs.add(dir)
  return dir
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  tempDirs.delete(dir)
}

/** Something to close on the way out (servers); returns the function that unregisters it. */
export function onCleanup(close: () => Promise<void>): () => void {
  closers.add(close)
  return () => closers.delete(close)
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  // Children run in their own process group (detached), so GNU time and the node it started go together.
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    try {
      child.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
}

export async function cleanupAll(): Promise<void> {
  for (const child of children) killGroup(child)
  children.clear()
  for (const close of [...closers]) await close().catch(() => undefined)
  closers.clear()
  for (const dir of [...tempDirs]) removeTempDir(dir)
}

let exiting = false
export function installSignalHandlers(): void {
  const bail = (signal: NodeJS.Signals): void => {
    if (exiting) return
    exiting = true
    console.error(`\nbench: ${signal}: stopping children and removing temp files`)
    for (const child of children) killGroup(child)
    for (const dir of [...tempDirs]) rmSync(dir, { recursive: true, force: true })
    process.exit(130)
  }
  process.on('SIGINT', bail)
  process.on('SIGTERM', bail)
  // Last resort on an unexpected exit: synchronous parts only.
  process.on('exit', () => {
    for (const child of children) killGroup(child)
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  })
}

// ---------------------------------------------------------------------------------------------
// Child processes

export interface Timed {
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  /** Spawn → exit, wall clock. */
  wallMs: number
  startedAt: number
  endedAt: number
  stdout: string
  stderr: string
  /** stdout lines with the epoch ms at which their chunk arrived. */
  lines: Array<{ at: number; text: string }>
  /** Peak resident set of the measured program (kB as GNU time reports it, i.e. KiB), when measured. */
  maxRssKiB: number | null
  /** User + system CPU time of the measured program (GNU time, 10 ms resolution), when measured. */
  cpuMs: number | null
}

export interface SpawnOptions {
  env?: Record<string, string>
  cwd?: string
  timeoutMs: number
  /** Wrap the command in `/usr/bin/time -v` to get the peak RSS of the measured program. */
  measureRss?: boolean
}

export const gnuTimeAvailable = (): boolean => {
  if (!existsSync(GNU_TIME)) return false
  try {
    execFileSync(GNU_TIME, ['-v', 'true'], { stdio: 'ignore', timeout: 5000 })
    return true
  } catch {
    return false
  }
}

let rssFile = 0
let timeDir: string | null = null
/** GNU time's report files live in a temp folder of their own, removed with the others even on Ctrl-C. */
function timeReportPath(): string {
  if (timeDir === null || !tempDirs.has(timeDir)) timeDir = makeTempDir('dd-bench-time-')
  return join(timeDir, `time-${++rssFile}.txt`)
}

export async function spawnTimed(command: string, args: readonly string[], options: SpawnOptions): Promise<Timed> {
  let file = command
  let argv = [...args]
  let timeOutput: string | null = null
  if (options.measureRss) {
    timeOutput = timeReportPath()
    file = GNU_TIME
    argv = ['-v', '-o', timeOutput, command, ...args]
  }
  const lines: Timed['lines'] = []
  let stdout = ''
  let stderr = ''
  let partial = ''
  let timedOut = false
  const startedAt = nowMs()
  const child = spawn(file, argv, { env: options.env ?? { PATH: process.env.PATH ?? '' }, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  children.add(child)
  child.stdout!.on('data', (chunk: Buffer) => {
    const at = nowMs()
    const text = chunk.toString()
    stdout += text
    const parts = (partial + text).split('\n')
    partial = parts.pop() ?? ''
    for (const line of parts) lines.push({ at, text: line })
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child)
  }, options.timeoutMs)
  let endedAt = startedAt
  const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', () => (endedAt = nowMs()))
    child.once('close', (code, signal) => resolve({ code, signal }))
  }).finally(() => {
    clearTimeout(timer)
    children.delete(child)
  })
  if (partial) lines.push({ at: endedAt, text: partial })
  let maxRssKiB: number | null = null
  let cpuMs: number | null = null
  if (timeOutput) {
    try {
      const report = readFileSync(timeOutput, 'utf8')
      const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)
      maxRssKiB = match ? Number(match[1]) : null
      const user = /User time \(seconds\): ([\d.]+)/.exec(report)
      const system = /System time \(seconds\): ([\d.]+)/.exec(report)
      cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null
      const exit = /Exit status: (\d+)/.exec(report)
      // GNU time exits with the program's status; keep the program's own when it is there.
      if (exit && result.code !== null) result.code = Number(exit[1])
    } catch {
      maxRssKiB = null
    }
    rmSync(timeOutput, { force: true })
  }
  return { ...result, timedOut, wallMs: endedAt - startedAt, startedAt, endedAt, stdout, stderr, lines, maxRssKiB, cpuMs }
}

/** Runs a bench helper script (`bench/*.ts`) in a fresh Node and returns the JSON it prints on its `BENCH_RESULT ` line. */
export async function runHelper<T>(script: string, args: readonly string[], options: SpawnOptions & { nodeArgs?: readonly string[] }): Promise<{ value: T; run: Timed }> {
  const run = await spawnTimed(NODE, [...(options.nodeArgs ?? []), script, ...args], options)
  const line = run.lines.map((l) => l.text).find((l) => l.startsWith('BENCH_RESULT '))
  if (run.code !== 0 || !line) {
    throw new Error(`${script} ${args.join(' ')} failed (exit ${String(run.code)}${run.timedOut ? ', timed out' : ''}): ${tail(run.stderr || run.stdout)}`)
  }
  return { value: JSON.parse(line.slice('BENCH_RESULT '.length)) as T, run }
}

export function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n')
}

// ---------------------------------------------------------------------------------------------
// Machine

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  node: string
  os: string
  curl: string
  date: string
}

export function machineInfo(): Machine {
  let curl = 'not found'
  try {
    curl = execFileSync(CURL, ['--version'], { encoding: 'utf8', timeout: 5000 }).split('\n')[0]!.split(' ').slice(0, 2).join(' ')
  } catch {
    // reported as not found
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `Linux ${release()}`,
    curl,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  }
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${fixed(m.memoryGiB, 1)} GiB RAM, ${m.os}, Node ${m.node}, ${m.curl}, ${m.date}`
}
