// The Actions shell: the only place that talks to @actions/*. It reads the inputs and the run's
// context, gathers candidate files (workspace and artifacts), hands plain data to the engine
// (pipeline.ts) and renders what comes back as the results file, the step outputs and the summary.
import * as core from '@actions/core'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, INPUT_DEFAULTS, parseConfig, type Config, type RawInputs } from './config.js'
import { deriveContext, type RunContext } from './context.js'
import { runPipeline, type Logger } from './pipeline.js'
import { artifactFailureResult, computeOutputs, resultsDocument } from './report/results.js'
import { renderSummary } from './report/summary.js'
import { collectArtifacts, type ArtifactFiles } from './sources/artifacts.js'
import { findWorkspaceFiles } from './sources/workspace.js'
import type { Result } from './types.js'

const log: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m)
}

/** Raw input strings by name; undefined when the variable is absent (a bundle started outside the runner). */
function readInputs(): RawInputs {
  const raw: Record<string, string | undefined> = {}
  for (const name of Object.keys(INPUT_DEFAULTS)) {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
    raw[name] = process.env[key] === undefined ? undefined : core.getInput(name)
  }
  return raw
}

async function readPayload(): Promise<Record<string, unknown>> {
  const path = process.env.GITHUB_EVENT_PATH
  if (!path) return {}
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  } catch {
    core.warning(`Could not read the event payload at ${path}: branch and pull request details may be missing.`)
    return {}
  }
}

export async function run(): Promise<void> {
  const raw = readInputs()
  // Masked before anything else can print them.
  for (const secret of [raw['defectdojo-token'], raw['github-token']]) if (secret) core.setSecret(secret)
  let config: Config
  try {
    config = parseConfig(raw)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    await finish([], { dryRun: raw['dry-run'] === 'true', defectdojoUrl: null, fatal: error.message })
    core.setFailed(error.message)
    return
  }
  for (const value of Object.values(config.extraHeaders)) if (value) core.setSecret(value)
  const context = deriveContext({ env: process.env, payload: await readPayload() })

  const workspace = await findWorkspaceFiles(config.paths, context.workspace)
  for (const line of workspace.unmatched) core.warning(line)
  const temp = process.env.RUNNER_TEMP ?? tmpdir()
  await mkdir(temp, { recursive: true })
  const downloads = await mkdtemp(join(temp, 'defectdojo-artifacts-'))
  try {
    const artifacts = await gatherArtifacts(config, context, downloads)
    const candidates = [...workspace.candidates, ...artifacts.candidates]
    const outcome = await runPipeline({ config, context, candidates }, log)
    const results = [...artifacts.failures.map(artifactFailureResult), ...outcome.results]
    const fatal = outcome.fatal ?? artifacts.listError
    await finish(results, { dryRun: config.dryRun, defectdojoUrl: config.defectdojoUrl, fatal })
    decideOutcome(config, results, fatal, candidates.length)
  } finally {
    if (config.keepDownloads) core.info(`Downloaded artifacts kept in ${downloads} (keep-downloads: true).`)
    else await rm(downloads, { recursive: true, force: true })
  }
}

async function gatherArtifacts(config: Config, context: RunContext, directory: string): Promise<ArtifactFiles> {
  const none: ArtifactFiles = { candidates: [], failures: [], unmatched: [], listError: null }
  if (config.artifactPatterns.length === 0) return none
  // A bundle started by hand, outside a job, has no artifact backend; only an explicit request is an error then.
  if (!config.otherRun && !process.env.ACTIONS_RUNTIME_TOKEN && !config.artifactsExplicit) {
    core.info('Not inside a GitHub Actions job (no ACTIONS_RUNTIME_TOKEN): artifacts are not searched.')
    return none
  }
  const { actionsArtifactService } = await import('./action/artifact-service.js')
  const other = config.otherRun
  const service = await actionsArtifactService(
    other ? { runId: other.runId, owner: other.repository?.owner ?? context.owner, repo: other.repository?.repo ?? context.repo, token: config.githubToken ?? '' } : null
  )
  const found = await core.group('Downloading artifacts', async () => {
    const files = await collectArtifacts(service, config.artifactPatterns, directory)
    core.info(`${files.candidates.length} files in ${new Set(files.candidates.map((c) => c.artifact)).size} artifacts; ${files.failures.length} failed; not matched by \`artifacts\`: ${files.unmatched.join(', ') || 'none'}`)
    return files
  })
  for (const failure of found.failures) core.warning(`Artifact "${failure.artifact}": ${failure.reason}`)
  return found
}

/** Fails the step when a report was lost; warns (or fails, per `if-no-reports`) when nothing was found. */
function decideOutcome(config: Config, results: readonly Result[], fatal: string | null, candidates: number): void {
  if (fatal) {
    core.setFailed(fatal)
    return
  }
  const reports = results.filter((r) => r.status !== 'skipped')
  if (reports.length === 0) {
    const message =
      candidates === 0
        ? 'No report files were found: check the `path` and `artifacts` inputs.'
        : `None of the ${candidates} files found is a report this action can upload (the summary says why each was skipped).`
    if (config.ifNoReports === 'error') core.setFailed(message)
    else if (config.ifNoReports === 'warn') core.warning(message)
    else core.info(message)
    return
  }
  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length > 0) core.setFailed(`${failed.length} of ${reports.length} reports failed to upload to DefectDojo (the summary says why).`)
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
