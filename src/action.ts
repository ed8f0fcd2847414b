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
import { decideOutcome } from './policy.js'
import { gateOutputs } from './report/outputs.js'
import { artifactFailureResult, resultsDocument } from './report/results.js'
import { renderSummary, type SummaryMeta } from './report/summary.js'
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
    await finish([], { dryRun: raw['dry-run'] === 'true', defectdojoUrl: null, fatal: error.message, failedStep: true })
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
    const outcome = await core.group('Recognising and uploading reports', () => runPipeline({ config, context, candidates }, log))
    const results = [...artifacts.failures.map(artifactFailureResult), ...outcome.results]
    const fatal = outcome.fatal ?? artifacts.listError
    const verdict = decideOutcome(config, results, fatal, candidates.length)
    await finish(results, {
      dryRun: config.dryRun,
      defectdojoUrl: config.defectdojoUrl,
      fatal,
      runUrl: context.runUrl,
      buildId: context.buildId || undefined,
      failedStep: verdict.failure !== null
    })
    annotate(results, fatal)
    // After the summary and the results file are written: the step's outcome comes last.
    if (verdict.failure) core.setFailed(verdict.failure)
    for (const warning of verdict.warnings) core.warning(warning)
    for (const notice of verdict.notices) core.info(notice)
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
  return found
}

/** GitHub shows at most 10 warning annotations per step: one per failed report up to a cap, then one line for the rest. */
const ANNOTATION_CAP = 8

function annotate(results: readonly Result[], fatal: string | null): void {
  if (fatal) return
  const failed = results.filter((r) => r.status === 'failed')
  for (const r of failed.slice(0, ANNOTATION_CAP)) {
    const name = r.artifact ? (r.file ? `${r.artifact}/${r.file}` : `artifact ${r.artifact}`) : r.file
    core.warning(`${name}: ${r.reason ?? 'failed'}`, { title: 'DefectDojo upload failed' })
  }
  if (failed.length > ANNOTATION_CAP) core.warning(`${failed.length - ANNOTATION_CAP} more reports failed: see the job summary and the results file.`, { title: 'DefectDojo upload failed' })
}

/** Writes the results file, the outputs and the summary: on every path, success or failure. */
async function finish(results: Result[], meta: SummaryMeta): Promise<void> {
  const dir = join(process.env.RUNNER_TEMP ?? process.cwd(), 'defectdojo-reimport')
  await mkdir(dir, { recursive: true })
  const resultsFile = join(dir, `results-${process.env.GITHUB_RUN_ID ?? 'local'}-${process.env.GITHUB_JOB ?? 'job'}-${Date.now()}.json`)
  await writeFile(resultsFile, resultsDocument(results, meta))
  for (const [name, value] of Object.entries(gateOutputs(results, resultsFile))) core.setOutput(name, value)
  const markdown = renderSummary(results, meta)
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
  else core.info(markdown)
}
