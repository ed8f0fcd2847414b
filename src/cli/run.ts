// The command-line shell around the same engine: GitLab CI, Jenkins, a laptop. Options are the
// action's input names as long options; context comes from GitLab's predefined variables or from git;
// outputs are files (results, summary Markdown, a GitLab dotenv report) and a plain table on stdout.
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { promisify, parseArgs } from 'node:util'
import { ConfigError, parseConfig, type Config, type RawInputs } from '../config.js'
import { deriveGitContext, deriveGitlabContext, type GitFacts, type RunContext } from '../context.js'
import { INPUTS, type InputName } from '../inputs.js'
import { runPipeline, type Logger } from '../pipeline.js'
import { decideOutcome } from '../policy.js'
import { gateOutputs } from '../report/outputs.js'
import { resultsDocument } from '../report/results.js'
import { renderSummary } from '../report/summary.js'
import { findWorkspaceFiles } from '../sources/workspace.js'
import type { Result } from '../types.js'

/** Exit codes, stated in --help and the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** Action inputs that make no sense outside GitHub Actions, or must not be typed on a command line. */
const NOT_CLI_INPUTS = new Set<InputName>(['artifacts', 'run-id', 'repository', 'github-token', 'keep-downloads', 'defectdojo-token'])
/** Inputs that take lines: the option may be repeated. */
const LINE_INPUTS = new Set<InputName>(['path', 'scan-types', 'extra-headers', 'tags'])

const CLI_OPTIONS = {
  'defectdojo-token-file': { default: '', description: 'File holding the DefectDojo API v2 key (else the DEFECTDOJO_TOKEN environment variable). Never pass the key itself on the command line.' },
  'results-file': { default: 'defectdojo-results.json', description: 'Where to write the results file (one entry per file looked at).' },
  'summary-file': { default: '', description: 'Where to write the summary as Markdown (e.g. for GitLab artifacts:paths).' },
  'dotenv-file': { default: '', description: 'Where to write DEFECTDOJO_CREATED=… and the other outputs for GitLab artifacts:reports:dotenv.' },
  branch: { default: '', description: 'Override the branch name (default: from GitLab variables or git).' },
  commit: { default: '', description: 'Override the commit SHA (default: from GitLab variables or git).' },
  'default-branch': { default: '', description: 'Override the default branch used for branch isolation (default: from GitLab or origin/HEAD).' },
  verbose: { default: 'false', description: 'Log how each file was recognised.' }
} as const

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>

function optionTable(): Options {
  const options: Options = { help: { type: 'boolean' }, version: { type: 'boolean' } }
  for (const [name, spec] of Object.entries(INPUTS) as Array<[InputName, { default: string }]>) {
    if (NOT_CLI_INPUTS.has(name)) continue
    // Inputs whose default is true/false are flags (--dry-run, --no-fail-on-error); the tri-state ones take a value.
    if (spec.default === 'true' || spec.default === 'false') options[name] = { type: 'boolean' }
    else options[name] = { type: 'string', multiple: LINE_INPUTS.has(name) }
  }
  for (const [name, spec] of Object.entries(CLI_OPTIONS)) options[name] = spec.default === 'false' ? { type: 'boolean' } : { type: 'string' }
  return options
}

export function helpText(): string {
  const lines = [
    'Usage: defectdojo-reimport [options]',
    '',
    'Recognise every scanner report under --path by its content and reimport it into DefectDojo with the',
    'exact scan type, branch, commit and pipeline. DEFECTDOJO_URL and DEFECTDOJO_TOKEN come from the',
    'environment (--defectdojo-url overrides the URL; the token only from the environment or --defectdojo-token-file).',
    '',
    'Exit codes: 0 every report uploaded (or skipped), 1 a report failed to upload (with --fail-on-error, the default)',
    '            or the run stopped (DefectDojo unreachable, token rejected), 2 bad usage or configuration.',
    '',
    'Options (repeat those marked * to give several lines):'
  ]
  const entries: Array<[string, string, string]> = []
  for (const [name, spec] of Object.entries(INPUTS) as Array<[InputName, { default: string; description: string }]>) {
    if (NOT_CLI_INPUTS.has(name)) continue
    const flag = spec.default === 'true' || spec.default === 'false'
    const label = flag ? (spec.default === 'true' ? `--[no-]${name}` : `--${name}`) : `--${name} <value>${LINE_INPUTS.has(name) ? ' *' : ''}`
    const def = name === 'path' ? '.' : spec.default
    entries.push([label, spec.description, def === '' ? '' : `default: ${def}`])
  }
  for (const [name, spec] of Object.entries(CLI_OPTIONS)) {
    entries.push([spec.default === 'false' ? `--${name}` : `--${name} <value>`, spec.description, spec.default === '' || spec.default === 'false' ? '' : `default: ${spec.default}`])
  }
  entries.push(['--help', 'Show this help.', ''], ['--version', 'Show the version.', ''])
  for (const [label, description, def] of entries) lines.push(`  ${label}`, `      ${description}${def ? ` (${def})` : ''}`)
  return lines.join('\n') + '\n'
}

class UsageError extends Error {}

interface CliArgs {
  raw: RawInputs
  cli: Record<keyof typeof CLI_OPTIONS, string>
  help: boolean
  version: boolean
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: [...argv], options: optionTable(), allowPositionals: false, strict: true, allowNegative: true } as Parameters<typeof parseArgs>[0])
  } catch (error) {
    const message = (error as Error).message
    if (/defectdojo-token'/.test(message) || argv.some((a) => a === '--defectdojo-token' || a.startsWith('--defectdojo-token='))) {
      throw new UsageError('--defectdojo-token is not accepted: a key on the command line lands in shell history and process lists. Set DEFECTDOJO_TOKEN, or use --defectdojo-token-file.')
    }
    throw new UsageError(`${message.split('\n')[0]} (see --help)`)
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>
  const raw: Record<string, string | undefined> = {}
  for (const name of Object.keys(INPUTS) as InputName[]) {
    const value = values[name]
    if (value === undefined) continue
    raw[name] = Array.isArray(value) ? value.join('\n') : String(value)
  }
  const cli = Object.fromEntries(Object.entries(CLI_OPTIONS).map(([name, spec]) => [name, values[name] === undefined ? spec.default : String(values[name])])) as CliArgs['cli']
  return { raw, cli, help: values.help === true, version: values.version === true }
}

const run = promisify(execFile)

async function git(args: string[], cwd: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', args, { cwd })
    return stdout.trim() || null
  } catch {
    return null
  }
}

export async function readGitFacts(cwd: string): Promise<GitFacts> {
  const [branch, sha, remoteUrl, originHead, tag] = await Promise.all([
    git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd),
    git(['rev-parse', 'HEAD'], cwd),
    git(['remote', 'get-url', 'origin'], cwd),
    git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd),
    git(['tag', '--points-at', 'HEAD'], cwd)
  ])
  return { branch, sha, remoteUrl, defaultBranch: originHead?.replace(/^origin\//, '') ?? null, tag: tag?.split('\n')[0] ?? null }
}

export async function cliContext(env: Readonly<Record<string, string | undefined>>, cwd: string, overrides: CliArgs['cli']): Promise<RunContext> {
  const context = env.GITLAB_CI === 'true' ? deriveGitlabContext(env, cwd) : deriveGitContext(await readGitFacts(cwd), cwd)
  if (overrides.branch) context.branch = overrides.branch
  if (overrides['default-branch']) context.defaultBranch = overrides['default-branch']
  if (overrides.commit) {
    context.scmUri = context.scmUri?.replace(context.sha, overrides.commit) ?? null
    context.sha = overrides.commit
  }
  return context
}

/** A plain table for the job log. */
export function textTable(results: readonly Result[]): string {
  const rows = results.map((r) => [
    r.status,
    r.artifact ? `${r.artifact}/${r.file}` : r.file,
    r.scanType ?? '',
    r.status === 'uploaded' ? [r.created, r.closed, r.reactivated, r.untouched].map((n) => (n === null ? '?' : String(n))).join('/') : '',
    r.status === 'uploaded' ? (r.testUrl ?? '') : (r.reason ?? '')
  ])
  const header = ['STATUS', 'REPORT', 'SCAN TYPE', 'NEW/CLOSED/REACT/SAME', 'TEST OR REASON']
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[i]!.length))))
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
  return [line(header), ...rows.map(line)].join('\n') + '\n'
}

/** GitLab's dotenv report format: one KEY=value per line, no quoting, single-line values. */
export function dotenv(outputs: Record<string, string>): string {
  return (
    Object.entries(outputs)
      .filter(([name]) => name !== 'results')
      .map(([name, value]) => `DEFECTDOJO_${name.toUpperCase().replace(/-/g, '_')}=${value.replace(/[\r\n]/g, ' ')}`)
      .join('\n') + '\n'
  )
}

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export async function runCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string, io: CliIo, version = ''): Promise<number> {
  let args: CliArgs
  try {
    args = parseCliArgs(argv)
  } catch (error) {
    io.stderr(`defectdojo-reimport: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  if (args.help) {
    io.stdout(helpText())
    return EXIT.ok
  }
  if (args.version) {
    io.stdout(`${version}\n`)
    return EXIT.ok
  }
  const raw: Record<string, string | undefined> = { ...args.raw, artifacts: '' }
  raw['defectdojo-url'] ??= env.DEFECTDOJO_URL
  raw.path ??= '.'
  try {
    raw['defectdojo-token'] = args.cli['defectdojo-token-file'] ? (await readFile(resolve(cwd, args.cli['defectdojo-token-file']), 'utf8')).trim() : env.DEFECTDOJO_TOKEN
  } catch (error) {
    io.stderr(`defectdojo-reimport: --defectdojo-token-file ${args.cli['defectdojo-token-file']} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`)
    return EXIT.usage
  }
  let config: Config
  try {
    config = parseConfig(raw)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    io.stderr(`defectdojo-reimport: ${error.message.replace(/Input `defectdojo-(url|token)` is required[^.]*\./g, (m) => m.replace('Input `defectdojo-url`', 'DEFECTDOJO_URL (or --defectdojo-url)').replace('Input `defectdojo-token`', 'DEFECTDOJO_TOKEN (or --defectdojo-token-file)'))}\n`)
    return EXIT.usage
  }
  const verbose = args.cli.verbose === 'true'
  const log: Logger = {
    info: (m) => io.stderr(`${m}\n`),
    warning: (m) => io.stderr(`warning: ${m}\n`),
    debug: (m) => {
      if (verbose) io.stderr(`${m}\n`)
    }
  }
  const context = await cliContext(env, cwd, args.cli)
  const workspace = await findWorkspaceFiles(config.paths, cwd)
  for (const line of workspace.unmatched) log.warning(line)
  const outcome = await runPipeline({ config, context: { ...context, workspace: cwd }, candidates: workspace.candidates }, log)
  const verdict = decideOutcome(config, outcome.results, outcome.fatal, workspace.candidates.length)

  const resultsFile = resolve(cwd, args.cli['results-file'])
  await writeFile(resultsFile, resultsDocument(outcome.results, { dryRun: config.dryRun, defectdojoUrl: config.defectdojoUrl }))
  const outputs = gateOutputs(outcome.results, resultsFile)
  if (args.cli['summary-file']) {
    const markdown = renderSummary(outcome.results, {
      dryRun: config.dryRun,
      defectdojoUrl: config.defectdojoUrl,
      fatal: outcome.fatal,
      runUrl: context.runUrl,
      buildId: context.buildId || undefined,
      failedStep: verdict.failure !== null
    })
    await writeFile(resolve(cwd, args.cli['summary-file']), markdown)
  }
  if (args.cli['dotenv-file']) await writeFile(resolve(cwd, args.cli['dotenv-file']), dotenv(outputs))
  io.stdout(textTable(outcome.results))
  for (const warning of verdict.warnings) log.warning(warning)
  if (verdict.failure) {
    io.stderr(`error: ${verdict.failure}\n`)
    return outcome.fatal && outcome.fatalIsConfiguration ? EXIT.usage : EXIT.failed
  }
  return EXIT.ok
}
