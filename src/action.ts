// The Actions shell: the only place that talks to @actions/*. It reads the inputs and the run's
// context, gathers candidate files, hands plain data to the engine (pipeline.ts) and renders what
// comes back as the results file, the step outputs and the job summary.
import * as core from '@actions/core'
import { context as githubContext } from '@actions/github'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigError, INPUT_DEFAULTS, parseConfig, type Config, type RawInputs } from './config.js'
import { deriveContext } from './context.js'
import { runPipeline, type Logger } from './pipeline.js'
import { computeOutputs, resultsDocument } from './report/results.js'
import { renderSummary } from './report/summary.js'
import { findWorkspaceFiles } from './sources/workspace.js'
import type { Result } from './types.js'

const log: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m)
}

/** Raw input strings by name (core.getInput reads INPUT_<NAME> with hyphens kept). */
function readInputs(): RawInputs {
  const raw: Record<string, string | undefined> = {}
  for (const name of Object.keys(INPUT_DEFAULTS)) {
    // `artifacts` distinguishes "not given" (default *) from "given empty" (download nothing).
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
    raw[name] = process.env[key] === undefined ? undefined : core.getInput(name)
  }
  return raw
}

export async function run(): Promise<void> {
  const raw = readInputs()
  // Masked before anything else can print it.
  if (raw['defectdojo-token']) core.setSecret(raw['defectdojo-token'])
  let config: Config
  try {
    config = parseConfig(raw)
  } catch (error) {
    if (error instanceof ConfigError) {
      await finish([], { dryRun: false, defectdojoUrl: null, fatal: error.message })
      core.setFailed(error.message)
      return
    }
    throw error
  }

  const context = deriveContext({ env: process.env, payload: githubContext.payload as Record<string, unknown> })
  const workspace = await findWorkspaceFiles(config.paths, context.workspace)
  for (const line of workspace.unmatched) core.warning(line)
  const candidates = workspace.candidates

  const outcome = await runPipeline({ config, context, candidates }, log)
  await finish(outcome.results, { dryRun: config.dryRun, defectdojoUrl: config.defectdojoUrl, fatal: outcome.fatal })

  if (outcome.fatal) {
    core.setFailed(outcome.fatal)
    return
  }
  const reports = outcome.results.filter((r) => r.status !== 'skipped')
  if (reports.length === 0) {
    const message = candidates.length === 0 ? 'No files were found: check the `path` and `artifacts` inputs.' : `None of the ${candidates.length} files found is a report this action can upload (see the summary for why each was skipped).`
    if (config.ifNoReports === 'error') core.setFailed(message)
    else if (config.ifNoReports === 'warn') core.warning(message)
    else core.info(message)
  }
  const failed = outcome.results.filter((r) => r.status === 'failed')
  if (failed.length > 0) core.setFailed(`${failed.length} of ${reports.length} reports failed to upload to DefectDojo (see the summary for why).`)
}

/** Writes the results file, the outputs and the summary: on every path, success or failure. */
async function finish(results: Result[], meta: { dryRun: boolean; defectdojoUrl: string | null; fatal: string | null }): Promise<void> {
  const dir = join(process.env.RUNNER_TEMP ?? process.cwd(), 'defectdojo-reimport')
  await mkdir(dir, { recursive: true })
  const resultsFile = join(dir, `results-${process.env.GITHUB_RUN_ID ?? 'local'}-${process.env.GITHUB_JOB ?? 'job'}-${Date.now()}.json`)
  await writeFile(resultsFile, resultsDocument(results, meta))
  for (const [name, value] of Object.entries(computeOutputs(results, resultsFile))) core.setOutput(name, value)
  const markdown = renderSummary(results, meta)
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
  else core.info(markdown)
}
