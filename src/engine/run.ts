// THE run, for both shells: inputs → sources → recognition → dedup → plan → uploads → verdict →
// report. Plain data in (the raw input strings and the run's context), one RunReport out; the shell
// only decides where that report is written. Every file looked at ends as exactly one Result.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseConfig, wasDryRun, type Config } from '../config/config.js'
import { readConfigFiles, type TlsFiles } from '../config/files.js'
import type { RawInputs } from '../config/inputs.js'
import { CollisionError, ConfigError, type Fatal } from '../errors.js'
import { reportLabel, type Candidate, type PlannedUpload, type Recognition, type Result, type RunContext, type UploadOutcome } from '../model.js'
import { findCopies } from '../plan/dedup.js'
import { planUploads } from '../plan/plan.js'
import { mapLimit } from '../pool.js'
import { gateOutputs, type OutputName } from '../report/outputs.js'
import { artifactFailureResult, fileResult, resultsDocument, type FileStages } from '../report/results.js'
import { renderSummary } from '../report/summary.js'
import { collectArtifacts, type ArtifactFiles } from '../sources/artifacts.js'
import { findWorkspaceFiles } from '../sources/workspace.js'
import type { Host } from './host.js'
import { uploadAll } from './upload.js'
import { decideOutcome, type Verdict } from './verdict.js'

export interface RunRequest {
  /** The input strings by name, as the shell read them. */
  readonly raw: RawInputs
  readonly context: RunContext
  /** Path the results file will be written to (it is also an output). */
  readonly resultsFile: string
  /** A folder for downloaded artifacts (one temporary folder is made inside it and removed after). */
  readonly scratch: string
}

/** Everything a shell writes at the end of a run. */
export interface RunReport {
  /** Null when the inputs were invalid. */
  readonly config: Config | null
  readonly results: readonly Result[]
  readonly fatal: Fatal | null
  readonly verdict: Verdict
  readonly outputs: Readonly<Record<OutputName, string>>
  /** The job summary, Markdown. */
  readonly summary: string
  /** The results file's content. */
  readonly resultsJson: string
}

const RECOGNITION_CONCURRENCY = 8

export async function runEngine(request: RunRequest, host: Host): Promise<RunReport> {
  const { context, raw } = request
  let config: Config
  let tls: TlsFiles
  try {
    config = parseConfig(raw)
    for (const value of Object.values(config.extraHeaders)) if (value) host.mask(value)
    // The certificate files are inputs too: checked now, dry-run or not.
    tls = await readConfigFiles(config)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return report(request, host, { config: null, dryRun: wasDryRun(raw), results: [], fatal: { kind: 'configuration', message: error.message }, candidates: 0 })
  }

  const workspace = await findWorkspaceFiles(config.paths, context.workspace)
  for (const line of workspace.unmatched) host.log.warning(line)

  const artifacts = await gatherArtifacts(config, context, request.scratch, host)
  try {
    const candidates = [...workspace.candidates, ...artifacts.files.candidates]
    const stages = await host.group('Recognising and uploading reports', () => processFiles(config, tls, context, candidates, host))
    const results = [...artifacts.files.failures.map(artifactFailureResult), ...stages.results]
    const fatal = stages.fatal ?? (artifacts.files.listError ? { kind: 'artifacts' as const, message: artifacts.files.listError } : null)
    return report(request, host, { config, dryRun: config.dryRun, results, fatal, candidates: candidates.length })
  } finally {
    if (artifacts.folder && config.keepDownloads) host.log.info(`Downloaded artifacts kept in ${artifacts.folder} (keep-downloads: true).`)
    else if (artifacts.folder) await rm(artifacts.folder, { recursive: true, force: true })
  }
}

/** Downloads the matching artifacts into a temporary folder of `scratch` (null when nothing was downloaded). */
async function gatherArtifacts(config: Config, context: RunContext, scratch: string, host: Host): Promise<{ files: ArtifactFiles; folder: string | null }> {
  const none = { files: { candidates: [], failures: [], unmatched: [], listError: null }, folder: null }
  if (config.artifactPatterns.length === 0) return none
  const service = await host.artifacts(config, context)
  if (!service) return none
  await mkdir(scratch, { recursive: true })
  const folder = await mkdtemp(join(scratch, 'defectdojo-artifacts-'))
  const files = await host.group('Downloading artifacts', async () => {
    const found = await collectArtifacts(service, config.artifactPatterns, folder)
    host.log.info(`${found.candidates.length} files in ${new Set(found.candidates.map((c) => c.artifact)).size} artifacts; ${found.failures.length} failed; not matched by \`artifacts\`: ${found.unmatched.join(', ') || 'none'}`)
    return found
  })
  return { files, folder }
}

/** Recognise, deduplicate, plan and upload: one Result per candidate, and what stopped the run, if anything. */
async function processFiles(config: Config, tls: TlsFiles, context: RunContext, candidates: readonly Candidate[], host: Host): Promise<{ results: Result[]; fatal: Fatal | null }> {
  const recognitions = await recognizeAll(config, candidates)
  candidates.forEach((candidate, index) => {
    const recognition = recognitions[index]!
    host.log.debug(`${candidate.displayPath}: ${recognition.kind === 'report' ? recognition.scanType : 'skipped'} (${recognition.evidence.join('; ') || (recognition.kind === 'skipped' ? recognition.reason : '')})`)
  })
  const stages: FileStages[] = candidates.map((candidate, index) => ({ candidate, recognition: recognitions[index]! }))
  const reports = stages.flatMap((stage, index) => (stage.recognition.kind === 'report' ? [{ index, candidate: stage.candidate, recognition: stage.recognition }] : []))

  // The same content reached twice is uploaded once; the copy says which one was used.
  const copies = await findCopies(reports.map((r) => r.candidate))
  const copyLabels = new Map<number, string[]>()
  for (const [copyIndex, keptIndex] of copies) {
    const copy = reports[copyIndex]!
    const kept = reports[keptIndex]!
    stages[copy.index] = { ...stages[copy.index]!, copyOf: reportLabel(kept.candidate) }
    copyLabels.set(kept.index, [...(copyLabels.get(kept.index) ?? []), reportLabel(copy.candidate)])
  }
  for (const [index, labels] of copyLabels) stages[index] = { ...stages[index]!, copies: labels }
  const unique = reports.filter((_, index) => !copies.has(index))

  const finish = (fatal: Fatal | null) => ({ results: stages.map(fileResult), fatal })
  let planned: PlannedUpload[]
  try {
    planned = planUploads(config, context, unique)
  } catch (error) {
    if (!(error instanceof CollisionError)) throw error
    for (const { index } of unique) stages[index] = { ...stages[index]!, notAttempted: 'not attempted: the plan has reports that would share one DefectDojo test (see the error).' }
    return finish({ kind: 'collision', message: error.message })
  }
  planned.forEach((upload, n) => (stages[unique[n]!.index] = { ...stages[unique[n]!.index]!, planned: upload, dryRun: config.dryRun }))
  if (config.dryRun || planned.length === 0) return finish(null)

  const uploads = await uploadAll(config, tls, planned, host.log)
  if (uploads.stopped !== undefined) {
    for (const { index } of unique) stages[index] = { ...stages[index]!, notAttempted: `not attempted: ${uploads.stopped}` }
    return finish({ kind: 'connection', message: uploads.stopped })
  }
  uploads.outcomes.forEach((outcome: UploadOutcome, n) => (stages[unique[n]!.index] = { ...stages[unique[n]!.index]!, outcome }))
  return finish(null)
}

async function recognizeAll(config: Config, candidates: readonly Candidate[]): Promise<Recognition[]> {
  if (candidates.length === 0) return []
  // `scan-types` lines that name a scan type take precedence over recognition.
  const overrides = config.rules.flatMap((r) => (r.scanType ? [{ pattern: r.pattern, matches: r.matches, scanType: r.scanType }] : []))
  // The format table and its parsers load only when there is something to recognise.
  const { recognize } = await import('../recognition/recognize.js')
  return mapLimit(candidates, RECOGNITION_CONCURRENCY, (candidate) =>
    recognize(candidate, overrides).catch(
      (error: unknown): Recognition => ({ kind: 'skipped', reason: `could not be read: ${error instanceof Error ? error.message : String(error)}`, humanReadable: false, evidence: [] })
    )
  )
}

/** The verdict and the three renderings of the results; verdict warnings and notices go to the log. */
function report(request: RunRequest, host: Host, run: { config: Config | null; dryRun: boolean; results: Result[]; fatal: Fatal | null; candidates: number }): RunReport {
  const { config, results, fatal } = run
  const verdict = decideOutcome(config, results, fatal, run.candidates)
  const meta = { dryRun: run.dryRun, defectdojoUrl: config?.defectdojoUrl ?? null }
  const summary = renderSummary(results, {
    ...meta,
    fatal: fatal?.message ?? null,
    runUrl: request.context.runUrl,
    buildId: request.context.buildId || undefined,
    failedStep: verdict.failure !== null
  })
  for (const warning of verdict.warnings) host.log.warning(warning)
  for (const notice of verdict.notices) host.log.info(notice)
  return { config, results, fatal, verdict, outputs: gateOutputs(results, request.resultsFile), summary, resultsJson: resultsDocument(results, meta) }
}
