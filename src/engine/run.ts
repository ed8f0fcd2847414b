// THE run, for both shells: inputs → sources → recognition → dedup → plan → uploads → verdict →
// report. Plain data in (the raw input strings and the run's context), one RunReport out; the shell
// only decides where that report is written. Every file looked at ends as exactly one Result.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseConfig, wasDryRun, type Config } from '../config/config.js'
import { readConfigFiles, type TlsFiles } from '../config/files.js'
import { inputName, inputSetting, type RawInputs } from '../config/inputs.js'
import type { StrayInputs } from '../config/misspelled.js'
import { ruleFor } from '../config/rules.js'
import { withOverrides } from '../context/overrides.js'
import { runLabel } from '../context/run-label.js'
import { ConfigError, type Fatal } from '../errors.js'
import { reportLabel, type Candidate, type PlannedUpload, type Recognition, type Result, type RunContext, type ServerInfo, type UploadOutcome } from '../model.js'
import { oneUploadPerTest, sameFiles, type Copy } from '../plan/dedup.js'
import { planUploads } from '../plan/plan.js'
import { fitToServer } from '../plan/server-types.js'
import { volatileNames } from '../plan/volatile.js'
import { mapLimit } from '../pool.js'
import { gateOutputs, type OutputName } from '../report/outputs.js'
import { artifactFailureResult, fileResult, resultsDocument, runTargets, unusableResult, type FileStages } from '../report/results.js'
import { renderSummary } from '../report/summary.js'
import { contradictionWarning } from '../recognition/forced.js'
import { collectArtifacts, type ArtifactFiles } from '../sources/artifacts.js'
import { withoutCheckedIn } from '../sources/tracked.js'
import { findWorkspaceFiles } from '../sources/workspace.js'
import { notAttemptedReason, type DefectDojoAvailability } from './availability.js'
import type { Host } from './host.js'
import { redactor, secretsOf } from './secrets.js'
import { connect, uploadAll, type Connection } from './upload.js'
import { decideOutcome, type Verdict } from './verdict.js'

export interface RunRequest {
  /** The input strings by name, as the shell read them. */
  readonly raw: RawInputs
  readonly context: RunContext
  /** Path the results file will be written to (it is also an output). */
  readonly resultsFile: string
  /** A folder for downloaded artifacts (one temporary folder is made inside it and removed after). */
  readonly scratch: string
  /** Files the shell writes (results, summary, dotenv): never taken as reports, on this run or the next. */
  readonly ownFiles?: readonly string[]
  /** Aborted when the job is cancelled: nothing new starts, and the report says what is known. */
  readonly signal?: AbortSignal
  /** Inputs given that the action does not declare (misspelled.ts): errors stop the run, warnings are logged. */
  readonly strayInputs?: StrayInputs
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

export async function runEngine(request: RunRequest, shellHost: Host): Promise<RunReport> {
  const { raw } = request
  // Secrets are hidden in every line logged and everything written, whatever echoed them.
  const redact = redactor(secretsOf(raw))
  const host: Host = { ...shellHost, log: { info: (m) => shellHost.log.info(redact(m)), warning: (m) => shellHost.log.warning(redact(m)), debug: (m) => shellHost.log.debug(redact(m)) } }
  // Where GitHub gives a run no secrets, an empty token is expected, not a mistake: plan, send nothing, pass.
  // The URL is no secret (a configuration variable, so links survive masking): it may be there or not.
  const withheld = request.context.secretsWithheld !== null && !raw['defectdojo-token']?.trim() && raw['if-no-credentials']?.trim() !== 'error'
  let config: Config
  let tls: TlsFiles
  try {
    for (const warning of request.strayInputs?.warnings ?? []) host.log.warning(warning)
    config = parseConfig(withheld ? { ...raw, 'dry-run': 'true' } : raw, request.strayInputs?.errors)
    for (const value of Object.values(config.extraHeaders)) if (value) host.mask(value)
    // The certificate files are inputs too: checked now, dry-run or not.
    tls = await readConfigFiles(config)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return report(request, host, redact, { config: null, dryRun: wasDryRun(raw), results: [], fatal: { kind: 'configuration', message: error.message }, candidates: 0 })
  }
  const context = withOverrides(request.context, config.contextOverrides)
  const noCredentials = withheld ? `No DefectDojo credentials: ${request.context.secretsWithheld}, and ${inputName('defectdojo-token')} is empty. Nothing was sent; the plan shows what a run with secrets would upload (set ${inputSetting('if-no-credentials', 'error')} to fail instead).` : null
  if (noCredentials) host.log.info(noCredentials)

  const found = await findWorkspaceFiles(config.paths, context.workspace)
  // Reports checked into the repository are not this run's (tracked.ts).
  const { files: workspace, note: checkedIn, leftOut } = config.includeTrackedFiles ? { files: found, note: null, leftOut: 0 } : await withoutCheckedIn(found, context.workspace)
  for (const line of workspace.unmatched) host.log.warning(line)
  for (const line of workspace.notes) host.log.info(line)
  if (checkedIn) host.log.info(checkedIn)

  const artifacts = await gatherArtifacts(config, context, request.scratch, host, request.signal)
  try {
    const candidates = [...workspace.candidates, ...artifacts.files.candidates]
    const own = new Set(request.ownFiles ?? [])
    const stages = await host.group('Recognising and uploading reports', () => processFiles(config, tls, context, candidates, own, host, request.signal))
    // Files that were reached but cannot be used are listed with their reason, never dropped.
    const unusable = [...workspace.unusable.map((u) => ({ ...u, artifact: null })), ...artifacts.files.unusable].map(unusableResult)
    const results = [...artifacts.files.failures.map(artifactFailureResult), ...stages.results, ...unusable]
    const fatal = stages.fatal ?? (artifacts.files.listError ? { kind: 'artifacts' as const, message: artifacts.files.listError } : null)
    return report(request, host, redact, { config, dryRun: config.dryRun, results, fatal, candidates: candidates.length, volatileNames: stages.volatileNames, noCredentials, server: stages.server, defectdojo: stages.defectdojo, sourceNotes: checkedIn && leftOut > 0 ? [checkedIn] : [] })
  } finally {
    if (artifacts.folder && config.keepDownloads) host.log.info(`Downloaded artifacts kept in ${artifacts.folder} (keep-downloads: true).`)
    else if (artifacts.folder) await rm(artifacts.folder, { recursive: true, force: true })
  }
}

/** Downloads the matching artifacts into a temporary folder of `scratch` (null when nothing was downloaded). */
async function gatherArtifacts(config: Config, context: RunContext, scratch: string, host: Host, signal?: AbortSignal): Promise<{ files: ArtifactFiles; folder: string | null }> {
  const none = { files: { candidates: [], failures: [], unusable: [], unmatched: [], listError: null }, folder: null }
  if (config.artifactPatterns.length === 0 || signal?.aborted) return none
  const service = await host.artifacts(config, context)
  if (!service) return none
  await mkdir(scratch, { recursive: true })
  const folder = await mkdtemp(join(scratch, 'defectdojo-artifacts-'))
  const files = await host.group('Downloading artifacts', async () => {
    // The artifact library cannot be interrupted: on cancel the run goes on without what is still downloading.
    const cancelled = new Promise<ArtifactFiles>((resolve) => signal?.addEventListener('abort', () => resolve({ ...none.files, listError: 'the run was cancelled while the artifacts were downloading' }), { once: true }))
    const found = await Promise.race([collectArtifacts(service, config.artifactPatterns, folder, config.maxReportBytes), cancelled])
    host.log.info(`${found.candidates.length} files in ${new Set(found.candidates.map((c) => c.artifact)).size} artifacts; ${found.failures.length} failed; not matched by \`artifacts\`: ${found.unmatched.join(', ') || 'none'}`)
    return found
  })
  return { files, folder }
}

interface Processed {
  results: Result[]
  fatal: Fatal | null
  /** Planned names that change on every run, for the summary. */
  volatileNames: string[]
  /** What the server's schema said, when it was read. */
  server: ServerInfo | null
  /** Whether DefectDojo could be used (the `defectdojo` output). */
  defectdojo: DefectDojoAvailability
}

/** Recognise, deduplicate, plan and upload: one Result per candidate, and what stopped the run, if anything. */
async function processFiles(config: Config, tls: TlsFiles, context: RunContext, candidates: readonly Candidate[], own: ReadonlySet<string>, host: Host, signal?: AbortSignal): Promise<Processed> {
  // The client loads and its token check travels while the files are recognised: a round trip saved.
  const connecting = !config.dryRun && candidates.length > 0 ? connect(config, tls, signal) : null
  connecting?.catch(() => undefined) // awaited by the uploads, if there are any
  try {
    return await recognizeAndUpload(config, context, candidates, own, host, connecting, signal)
  } finally {
    await connecting?.then((connection) => connection.close(), () => undefined)
  }
}

async function recognizeAndUpload(config: Config, context: RunContext, candidates: readonly Candidate[], own: ReadonlySet<string>, host: Host, connecting: Promise<Connection> | null, signal?: AbortSignal): Promise<Processed> {
  const recognitions = await recognizeAll(config, candidates, own)
  candidates.forEach((candidate, index) => {
    const recognition = recognitions[index]!
    // Each file is named in the debug log; one that looks like a report but is not uploaded, in the log itself.
    if (recognition.kind === 'skipped' && recognition.reportLike) host.log.info(`${reportLabel(candidate)}: not uploaded: ${recognition.reason}`)
    // A `scan-types` rule that contradicts what the content reads as is carried out, and said out loud.
    if (recognition.kind === 'report' && recognition.rule?.contradicts && recognition.rule.readsAs) {
      host.log.warning(contradictionWarning(reportLabel(candidate), recognition.rule.text, recognition.scanType, recognition.rule.readsAs))
    }
    host.log.debug(`${reportLabel(candidate)}: ${recognition.kind === 'report' ? recognition.scanType : 'skipped'} (${recognition.evidence.join('; ') || (recognition.kind === 'skipped' ? recognition.reason : '')})`)
  })
  const stages: FileStages[] = candidates.map((candidate, index) => ({ candidate, recognition: recognitions[index]! }))
  const warnings: string[] = []
  let server: ServerInfo | null = null
  const finish = (fatal: Fatal | null, defectdojo: DefectDojoAvailability = 'unused'): Processed => ({ results: stages.map(fileResult), fatal, volatileNames: warnings, server, defectdojo })
  const markCopies = (copies: readonly Copy[], indexOf: (n: number) => number) => {
    for (const { copy, kept, why } of copies) {
      const [c, k] = [indexOf(copy), indexOf(kept)]
      stages[c] = { ...stages[c]!, copyOf: { label: reportLabel(stages[k]!.candidate), why } }
      stages[k] = { ...stages[k]!, copies: [...(stages[k]!.copies ?? []), reportLabel(stages[c]!.candidate)] }
    }
  }
  const notAttempted = (indexes: readonly number[], reason: string) => {
    for (const index of indexes) stages[index] = { ...stages[index]!, notAttempted: `not attempted: ${reason}` }
  }

  // The very same report reached twice (an artifact also found under `path`) is uploaded once.
  const reports = stages.flatMap((stage, index) => (stage.recognition.kind === 'report' ? [{ index, candidate: stage.candidate, recognition: stage.recognition }] : []))
  const sameFile = await sameFiles(reports.map((r) => r.candidate))
  markCopies(sameFile, (n) => reports[n]!.index)
  const distinct = reports.filter((_, n) => !sameFile.some((c) => c.copy === n))

  // Only the scan types this server accepts are planned (its schema, read beside the token check).
  server = connecting ? await serverInfo(connecting, host) : null
  const fit = fitToServer(config, server, distinct)
  for (const { report: refused, reason } of fit.refused) stages[refused.index] = { ...stages[refused.index]!, notAttempted: reason }
  for (const { report: renamed, why } of fit.renamed) host.log.info(`${reportLabel(renamed.candidate)}: ${why}`)
  const unique = fit.accepted
  for (const { index, recognition } of unique) stages[index] = { ...stages[index]!, recognition }

  let planned: PlannedUpload[]
  try {
    planned = planUploads(config, context, unique)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    notAttempted(unique.map((r) => r.index), 'the inputs give no valid DefectDojo target for this run (see the error).')
    return finish({ kind: 'configuration', message: error.message })
  }
  // Then one upload per DefectDojo test: the same content twice into one test is sent once.
  const { copies: sameTest, collision } = await oneUploadPerTest(planned)
  if (collision) {
    notAttempted(unique.map((r) => r.index), 'the plan has reports that would share one DefectDojo test (see the error).')
    return finish({ kind: 'collision', message: collision.message })
  }
  markCopies(sameTest, (n) => unique[n]!.index)
  const sending = planned.flatMap((upload, n) => (sameTest.some((c) => c.copy === n) ? [] : [{ upload, index: unique[n]!.index }]))
  for (const { upload, index } of sending) stages[index] = { ...stages[index]!, planned: upload, dryRun: config.dryRun }
  for (const warning of volatileNames(sending.map((s) => s.upload), context)) {
    host.log.warning(warning)
    warnings.push(warning)
  }
  if (config.dryRun || sending.length === 0 || !connecting) return finish(null)
  if (signal?.aborted) {
    notAttempted(sending.map((s) => s.index), 'the run was cancelled before any upload.')
    return finish({ kind: 'cancelled', message: 'The run was cancelled before any upload: nothing was sent to DefectDojo.' })
  }

  const uploads = await uploadAll(await connecting, config, sending.map((s) => s.upload), host.log, { buildId: context.buildId, signal })
  if (uploads.stopped !== undefined) {
    if (signal?.aborted) {
      notAttempted(sending.map((s) => s.index), 'the run was cancelled during the token check.')
      return finish({ kind: 'cancelled', message: uploads.stopped })
    }
    // One DefectDojo-wide failure: said once (the fatal message), each report only points to it.
    notAttempted(sending.map((s) => s.index), notAttemptedReason(uploads.outage))
    return finish({ kind: 'connection', message: uploads.stopped, outage: uploads.outage }, uploads.outage)
  }
  uploads.outcomes.forEach((outcome, n) => (stages[sending[n]!.index] = { ...stages[sending[n]!.index]!, outcome }))
  if (signal?.aborted) return finish({ kind: 'cancelled', message: cancelledMessage(uploads.outcomes) }, 'available')
  return finish(null, 'available')
}

/**
 * The server's version and scan types, or null — and then one line saying the built-in table is used:
 * a server that hides its schema (or a page in front of it) never fails the run.
 */
async function serverInfo(connecting: Promise<Connection>, host: Host): Promise<ServerInfo | null> {
  const connection = await connecting.catch(() => null)
  const found = connection ? await connection.server : null
  if (found?.kind === 'found') {
    const types = found.value.scanTypes['reimport-scan'] ?? found.value.scanTypes['import-scan']
    host.log.info(`DefectDojo ${found.value.version ?? '(version not given)'}: ${types ? `its schema lists ${types.length} scan types` : 'its schema lists no scan types, so the built-in table is used'}.`)
    return found.value
  }
  // A DefectDojo that cannot be used at all is said once, by the token check: not here again.
  const usable = connection ? await connection.firstCheck.then(() => true, () => false) : false
  if (found?.kind === 'unknown' && usable) host.log.info(`DefectDojo's schema (/api/v2/oa3/schema/) could not be read (${found.why}): its version is unknown, and scan types are checked against the built-in table (DefectDojo 3.2.0's).`)
  return null
}

/** What a cancelled run got done: uploaded, in flight (outcome unknown), not started. */
function cancelledMessage(outcomes: readonly UploadOutcome[]): string {
  const uploaded = outcomes.filter((o) => o.status === 'uploaded').length
  const inFlight = outcomes.filter((o) => o.status === 'failed' && o.reason.startsWith('in flight')).length
  const notStarted = outcomes.filter((o) => o.status === 'failed' && o.reason.startsWith('not started')).length
  return `The run was cancelled: ${uploaded} of ${outcomes.length} reports were uploaded, ${inFlight} were in flight (whether DefectDojo imported them is unknown), ${notStarted} had not started.`
}

async function recognizeAll(config: Config, candidates: readonly Candidate[], own: ReadonlySet<string>): Promise<Recognition[]> {
  if (candidates.length === 0) return []
  // The format table and its parsers load only when there is something to recognise.
  const { recognize } = await import('../recognition/recognize.js')
  return mapLimit(candidates, RECOGNITION_CONCURRENCY, async (candidate): Promise<Recognition> => {
    if (own.has(candidate.absolutePath)) return { kind: 'skipped', reason: 'written by this tool (its results, summary or dotenv file), never a report', humanReadable: true, reportLike: false, evidence: [] }
    // The first `scan-types` line that matches decides: a scan type overrides recognition, `*` keeps it.
    const rule = ruleFor(config.rules, candidate.displayPath)
    const overrides = rule?.scanType ? [{ pattern: rule.pattern, matches: () => true, scanType: rule.scanType }] : []
    return recognize(candidate, overrides).catch(
      (error: unknown): Recognition => ({ kind: 'skipped', reason: `could not be read: ${error instanceof Error ? error.message : String(error)}`, humanReadable: false, reportLike: true, evidence: [] })
    )
  })
}

interface Ending {
  config: Config | null
  dryRun: boolean
  results: Result[]
  fatal: Fatal | null
  candidates: number
  volatileNames?: readonly string[]
  noCredentials?: string | null
  server?: ServerInfo | null
  /** What the sources left out, or could not tell (checked-in files), for the summary. */
  sourceNotes?: readonly string[]
  defectdojo?: DefectDojoAvailability
}

/** The verdict and the three renderings of the results, every string redacted; verdict warnings and notices go to the log. */
function report(request: RunRequest, host: Host, redact: (text: string) => string, ending: Ending): RunReport {
  const run: Ending = {
    ...ending,
    results: ending.results.map((r) => ({ ...r, reason: r.reason === null ? null : redact(r.reason), evidence: r.evidence.map(redact) })),
    fatal: ending.fatal ? { ...ending.fatal, message: redact(ending.fatal.message) } : null,
    volatileNames: ending.volatileNames?.map(redact),
    noCredentials: ending.noCredentials ? redact(ending.noCredentials) : null
  }
  const { config, results, fatal } = run
  const verdict = decideOutcome(config, results, fatal, run.candidates)
  const defectdojoVersion = run.server?.version ?? null
  const meta = { dryRun: run.dryRun, defectdojoUrl: config?.defectdojoUrl ?? null, defectdojoVersion }
  // The branch and commit the reports were sent with: the `branch` and `commit` inputs win.
  const context = config ? withOverrides(request.context, config.contextOverrides) : request.context
  const summary = renderSummary(results, {
    ...meta,
    fatal: fatal?.message ?? null,
    runUrl: request.context.runUrl,
    runLabel: runLabel(request.context.source),
    buildId: request.context.buildId || undefined,
    failedStep: verdict.failure !== null,
    volatileNames: run.volatileNames ?? [],
    noCredentials: run.noCredentials ?? null,
    sourceNotes: run.sourceNotes ?? [],
    branch: context.branch,
    tag: context.tag,
    commit: context.sha,
    commitUrl: context.scmUri,
    targets: runTargets(results)
  })
  for (const warning of verdict.warnings) host.log.warning(warning)
  for (const notice of verdict.notices) host.log.info(notice)
  return { config, results, fatal, verdict, outputs: gateOutputs(results, request.resultsFile, run.defectdojo ?? 'unused', defectdojoVersion), summary, resultsJson: resultsDocument(results, meta) }
}
