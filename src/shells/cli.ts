// The command-line shell: GitLab CI, Jenkins, a laptop. Arguments (cli-options.ts) and the environment
// in, the engine's report out as files (results, summary Markdown, a GitLab dotenv report), a plain
// table on stdout and an exit code.
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { INPUT_NAMES, inputSpec, useDialect, type InputName } from '../config/inputs.js'
import { deriveCliContext } from '../context/ci.js'
import { readGitFacts } from '../context/git.js'
import type { Host } from '../engine/host.js'
import { runEngine } from '../engine/run.js'
import { isUserError } from '../errors.js'
import type { RunContext } from '../model.js'
import { consoleLines } from '../report/console.js'
import { dotenv, textTable } from '../report/table.js'
import { lineText, logText } from '../report/text.js'
import { cancelOnSignals } from './signals.js'
import { helpText, parseCliArgs, type CliArgs } from './cli-options.js'

/** Exit codes, stated in --help and the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** The run's context: the CI system's variables (GitLab, Jenkins, Azure, Bitbucket, CircleCI), then git in the working folder (the `branch`, `commit` and `default-branch` inputs correct it in the engine). */
export async function cliContext(env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<RunContext> {
  return deriveCliContext(env, await readGitFacts(cwd), cwd)
}

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export async function runCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string, io: CliIo, version = ''): Promise<number> {
  useDialect('cli')
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
  const raw: Partial<Record<InputName, string>> = { ...args.raw, artifacts: '' }
  for (const input of INPUT_NAMES) {
    const spec = inputSpec(input).cli
    if (raw[input] === undefined && spec?.default !== undefined) raw[input] = spec.default
    if (raw[input] === undefined && spec?.env && spec.option !== false) raw[input] = env[spec.env]
  }
  try {
    raw['defectdojo-token'] = args.cli['defectdojo-token-file'] ? (await readFile(resolve(cwd, args.cli['defectdojo-token-file']), 'utf8')).trim() : env.DEFECTDOJO_TOKEN
  } catch (error) {
    io.stderr(`defectdojo-reimport: --defectdojo-token-file ${args.cli['defectdojo-token-file']} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`)
    return EXIT.usage
  }
  const verbose = args.cli.verbose === 'true'
  const host: Host = {
    // Names and server answers may hold control characters: a terminal or CI log must never act on them.
    log: {
      info: (m) => io.stderr(`${lineText(m)}\n`),
      warning: (m) => io.stderr(`warning: ${lineText(m)}\n`),
      debug: (m) => {
        if (verbose) io.stderr(`${lineText(m)}\n`)
      }
    },
    group: (_title, work) => work(),
    // Nothing to mask in: a console has no runner behind it; the engine never prints secrets itself.
    mask: () => undefined,
    artifacts: async () => null
  }
  const context = await cliContext(env, cwd)
  const resultsFile = resolve(cwd, args.cli['results-file'])
  const summaryFile = args.cli['summary-file'] ? resolve(cwd, args.cli['summary-file']) : null
  const dotenvFile = args.cli['dotenv-file'] ? resolve(cwd, args.cli['dotenv-file']) : null
  // Left from the last run in a kept workspace (Jenkins), they must not be read as reports.
  const ownFiles = [resultsFile, summaryFile, dotenvFile].filter((f): f is string => f !== null)
  const cancel = cancelOnSignals((m) => io.stderr(`${m}\n`))
  const report = await runEngine({ raw, context, resultsFile, scratch: tmpdir(), ownFiles, signal: cancel.signal }, host).finally(() => cancel.dispose())

  await writeFile(resultsFile, report.resultsJson)
  if (summaryFile) await writeFile(summaryFile, report.summary)
  if (dotenvFile) await writeFile(dotenvFile, dotenv(report.outputs))
  io.stdout(textTable(report.results))
  if (report.config) io.stdout(consoleLines(report.results, { dryRun: report.config.dryRun }).map(lineText).join('\n') + '\n')
  if (report.verdict.failure) {
    io.stderr(`error: ${logText(report.verdict.failure)}\n`)
    return isUserError(report.fatal) ? EXIT.usage : EXIT.failed
  }
  return EXIT.ok
}
