// The Actions shell, the only place that talks to @actions/*: INPUT_* and the event payload in, the
// engine's report out as the results file, the step outputs, the job summary, annotations and the
// step's outcome.
import * as core from '@actions/core'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { INPUT_NAMES, useDialect, type InputName, type RawInputs } from '../config/inputs.js'
import { inputVariable, strayInputs } from '../config/misspelled.js'
import { deriveGithubContext } from '../context/github.js'
import type { Host } from '../engine/host.js'
import { runEngine, type RunReport } from '../engine/run.js'
import { consoleLines } from '../report/console.js'
import { resultLabel } from '../report/results.js'
import { lineText, logText } from '../report/text.js'
import { publishToPullRequest } from './pull-request.js'
import { cancelOnSignals } from './signals.js'

export async function runAction(): Promise<void> {
  useDialect('action')
  const raw = readInputs()
  // Masked before anything else can print them.
  for (const secret of [raw['defectdojo-token'], raw['github-token']]) if (secret) core.setSecret(secret)
  const context = deriveGithubContext({ env: process.env, payload: await readPayload() })
  const temp = process.env.RUNNER_TEMP ?? tmpdir()
  const resultsFile = join(process.env.RUNNER_TEMP ?? process.cwd(), 'defectdojo-reimport', `results-${process.env.GITHUB_RUN_ID ?? 'local'}-${process.env.GITHUB_JOB ?? 'job'}-${Date.now()}.json`)
  const cancel = cancelOnSignals((m) => core.info(m))
  try {
    const report = await runEngine({ raw, context, resultsFile, scratch: temp, signal: cancel.signal, strayInputs: strayInputs(process.env) }, host)
    await write(report, resultsFile)
    // Outside every group, so a collapsed log still shows what the run did.
    if (report.config) for (const line of consoleLines(report.results, { dryRun: report.config.dryRun })) core.info(lineText(line))
    annotate(report)
    // After the uploads and the summary; the step's failure, when it comes, is one more error annotation.
    await publishToPullRequest({ report, context, raw, env: process.env, used: { errors: report.verdict.failure ? 1 : 0, warnings: warningsWritten } })
    // After the summary and the results file are written: the step's outcome comes last.
    if (report.verdict.failure) core.setFailed(report.verdict.failure)
  } finally {
    cancel.dispose()
  }
}

const host: Host = {
  // core.warning and core.debug escape their data; a plain info line is printed as it is, so it is made harmless here.
  log: { info: (m) => core.info(lineText(m)), warning: (m) => warn(m), debug: (m) => core.debug(m) },
  group: (title, work) => core.group(title, work),
  mask: (value) => core.setSecret(value),
  async artifacts(config, context) {
    // A bundle started by hand, outside a job, has no artifact backend; only an explicit request is an error then.
    if (!config.otherRun && !process.env.ACTIONS_RUNTIME_TOKEN && !config.artifactsExplicit) {
      host.log.info('Not inside a GitHub Actions job (no ACTIONS_RUNTIME_TOKEN): artifacts are not searched.')
      return null
    }
    const { actionsArtifactService } = await import('./github-artifacts.js')
    const other = config.otherRun
    return actionsArtifactService(other ? { runId: other.runId, owner: other.repository?.owner ?? context.owner, repo: other.repository?.repo ?? context.repo, token: config.githubToken ?? '' } : null)
  }
}

/** Warning annotations written so far: the step's limit is shared with the findings' annotations. */
let warningsWritten = 0
function warn(message: string, properties?: core.AnnotationProperties): void {
  warningsWritten++
  core.warning(message, properties)
}

/** Raw input strings by name; undefined when the variable is absent (a bundle started outside the runner). */
function readInputs(): RawInputs {
  const raw: Partial<Record<InputName, string>> = {}
  for (const name of INPUT_NAMES) if (process.env[inputVariable(name)] !== undefined) raw[name] = core.getInput(name)
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

/** The results file, the outputs and the summary: on every path, success or failure. */
async function write(report: RunReport, resultsFile: string): Promise<void> {
  await mkdir(dirname(resultsFile), { recursive: true })
  await writeFile(resultsFile, report.resultsJson)
  for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, value)
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(report.summary).write()
  else core.info(logText(report.summary))
}

/** GitHub shows at most 10 warning annotations per step: one per failed report up to a cap, then one line for the rest. */
const ANNOTATION_CAP = 8

function annotate(report: RunReport): void {
  if (report.fatal) return
  const failed = report.results.filter((r) => r.status === 'failed')
  for (const r of failed.slice(0, ANNOTATION_CAP)) {
    const name = r.file ? resultLabel(r) : `artifact ${r.artifact ?? ''}`
    warn(`${name}: ${r.reason ?? 'failed'}`, { title: 'DefectDojo upload failed' })
  }
  if (failed.length > ANNOTATION_CAP) warn(`${failed.length - ANNOTATION_CAP} more reports failed: see the job summary and the results file.`, { title: 'DefectDojo upload failed' })
}
