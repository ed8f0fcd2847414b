// The engine: candidates → recognition → plan → uploads → Result[]. Plain data in, plain data out;
// the Actions shell (action.ts) and any other shell feed it and render what it returns. Every
// candidate ends as exactly one Result, whatever fails.
import { ConfigError, type Config } from './config.js'
import type { RunContext } from './context.js'
import type { DefectDojoClient, UploadProgress } from './defectdojo/client.js'
import { DefectDojoError, formatMb } from './defectdojo/errors.js'
import { DEFAULT_RETRY, withRetries } from './defectdojo/retry.js'
import { runScheduled } from './defectdojo/scheduler.js'
import { planUploads, type PlannedUpload, type ReportRecognition } from './plan/plan.js'
import type { ScanTypeOverride } from './recognition/recognize.js'
import { baseResult, flatCounts } from './report/results.js'
import { findCopies } from './sources/duplicates.js'
import { reportLabel } from './sources/label.js'
import type { Candidate, Recognition, Result } from './types.js'

/** Where the engine writes its log lines; the shell maps these to @actions/core or a console. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface PipelineInput {
  config: Config
  context: RunContext
  candidates: readonly Candidate[]
  /** Test seam: a client to use instead of one built from the config. */
  client?: DefectDojoClient
}

export interface PipelineOutcome {
  results: Result[]
  /** A failure that stopped the run before or instead of uploads (collision, preflight). */
  fatal: string | null
  /** True when the fatal failure is the user's configuration (naming collision, unreadable certificate). */
  fatalIsConfiguration: boolean
}

const RECOGNITION_CONCURRENCY = 8
const CONNECT_TIMEOUT_MS = 30_000
const HEARTBEAT_MS = 30_000

export async function runPipeline(input: PipelineInput, log: Logger): Promise<PipelineOutcome> {
  const { config, context, candidates } = input
  // `scan-types` lines that name a scan type take precedence over recognition.
  const overrides: ScanTypeOverride[] = config.rules.flatMap((r) => (r.scanType ? [{ pattern: r.pattern, matches: r.matches, scanType: r.scanType }] : []))
  // The format table and its parsers load only when there is something to recognise.
  const { recognize } = candidates.length > 0 ? await import('./recognition/recognize.js') : { recognize: null }
  const recognitions = await mapLimit(candidates, RECOGNITION_CONCURRENCY, (c) =>
    recognize!(c, overrides).catch(
      (error: unknown): Recognition => ({ kind: 'skipped', reason: `could not be read: ${error instanceof Error ? error.message : String(error)}`, humanReadable: false, evidence: [] })
    )
  )

  const results: Result[] = []
  const reports: Array<{ candidate: Candidate; recognition: ReportRecognition; result: Result }> = []
  candidates.forEach((candidate, index) => {
    const recognition = recognitions[index]!
    const result = baseResult(candidate)
    result.evidence = recognition.evidence
    if (recognition.kind === 'skipped') {
      result.status = 'skipped'
      result.reason = recognition.reason
      result.humanReadable = recognition.humanReadable
    } else {
      Object.assign(result, {
        scanType: recognition.scanType,
        format: recognition.format,
        tool: recognition.tool,
        lane: recognition.lane,
        uploadName: recognition.uploadName,
        decidedBy: recognition.decidedBy
      })
      reports.push({ candidate, recognition, result })
    }
    log.debug(`${candidate.displayPath}: ${recognition.kind === 'report' ? recognition.scanType : 'skipped'} (${recognition.evidence.join('; ') || (recognition.kind === 'skipped' ? recognition.reason : '')})`)
    results.push(result)
  })

  // The same content reached twice is uploaded once; the copy says which one was used.
  const copies = await findCopies(reports.map((r) => r.candidate))
  for (const [copyIndex, keptIndex] of copies) {
    const copy = reports[copyIndex]!
    const kept = reports[keptIndex]!
    copy.result.status = 'skipped'
    copy.result.reason = `same content as ${reportLabel(kept.candidate)}, which was used instead: uploaded once`
    copy.result.duplicateOf = reportLabel(kept.candidate)
    kept.result.duplicates.push(reportLabel(copy.candidate))
  }
  const unique = reports.filter((_, index) => !copies.has(index))

  let planned: PlannedUpload[]
  try {
    planned = planUploads(config, context, unique)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    for (const { result } of unique) {
      result.status = 'failed'
      result.reason = 'not attempted: the plan has reports that would share one DefectDojo test (see the error).'
    }
    return { results, fatal: message, fatalIsConfiguration: true }
  }
  planned.forEach((upload, index) => {
    const result = unique[index]!.result
    Object.assign(result, {
      product: upload.target.product,
      productType: upload.target.productType,
      engagement: upload.target.engagement,
      testTitle: upload.target.testTitle,
      fields: upload.fields
    })
    if (config.dryRun) result.status = 'planned'
  })
  if (config.dryRun || planned.length === 0) return { results, fatal: null, fatalIsConfiguration: false }

  // Nothing is uploaded unless the client can be built and the token check passes: a wrong URL,
  // token or certificate fails once, clearly, instead of once per report.
  const notAttempted = (error: unknown): PipelineOutcome => {
    const message = error instanceof Error ? error.message : String(error)
    for (const { result } of unique) {
      result.status = 'failed'
      result.reason = `not attempted: ${message}`
    }
    return { results, fatal: message, fatalIsConfiguration: error instanceof ConfigError }
  }
  let client: DefectDojoClient
  try {
    client = input.client ?? (await createClient(config))
  } catch (error) {
    return notAttempted(error)
  }
  try {
    try {
      await withRetries(() => client.preflight(), { ...DEFAULT_RETRY, retries: config.retries, endpoint: 'reimport-scan', onRetry: (e, n, ms) => log.info(`Token check: ${e.message} Retrying in ${Math.round(ms / 1000)} s (attempt ${n + 1}).`) })
    } catch (error) {
      return notAttempted(error)
    }
    await runScheduled(
      planned.map((upload, index) => ({ upload, result: unique[index]!.result })),
      ({ upload }) => JSON.stringify([upload.target.productType, upload.target.product, upload.target.engagement]),
      config.concurrency,
      async ({ upload, result }) => uploadOne(client, config, upload, result, log)
    )
  } finally {
    if (!input.client) await client.close()
  }
  return { results, fatal: null, fatalIsConfiguration: false }
}

async function createClient(config: Config): Promise<DefectDojoClient> {
  // Loaded only when something is uploaded: undici is half the bundle, and a dry-run needs none of it.
  const [{ DefectDojoClient }, { readNetworkFiles }] = await Promise.all([import('./defectdojo/client.js'), import('./defectdojo/network.js')])
  const files = await readNetworkFiles({ caCertificates: config.caCertificates, clientCertificate: config.clientCertificate, clientKey: config.clientKey })
  return new DefectDojoClient({
    baseUrl: config.defectdojoUrl!,
    token: config.defectdojoToken!,
    extraHeaders: config.extraHeaders,
    network: { ...files, requestTimeoutMs: config.requestTimeoutMs, connectTimeoutMs: CONNECT_TIMEOUT_MS }
  })
}

async function uploadOne(client: DefectDojoClient, config: Config, upload: PlannedUpload, result: Result, log: Logger): Promise<void> {
  const name = reportLabel(upload.candidate)
  if (upload.candidate.size > config.maxReportBytes) {
    result.status = 'failed'
    result.reason = `not sent: the report is ${formatMb(upload.candidate.size)}, over \`max-report-size-mb\` (${formatMb(config.maxReportBytes)}, DefectDojo's default DD_SCAN_FILE_MAX_SIZE); raise both to upload it.`
    log.info(`${name}: FAILED: ${result.reason}`)
    return
  }
  const progress: UploadProgress = { bytesSent: 0, sentAt: null }
  const started = Date.now()
  // A heartbeat tells a slow reimport from a hang in the live log.
  const heartbeat = setInterval(() => log.info(`${name}: ${describeProgress(progress, upload.candidate.size, started)}`), HEARTBEAT_MS)
  try {
    const { value: answer } = await withRetries(
      (attempt) => {
        result.attempts = attempt
        return client.upload(
          { endpoint: upload.endpoint, fields: upload.fields, filePath: upload.candidate.absolutePath, uploadName: upload.recognition.uploadName, fileSize: upload.candidate.size },
          progress
        )
      },
      {
        ...DEFAULT_RETRY,
        retries: config.retries,
        endpoint: upload.endpoint,
        onRetry: (error, attempt, delayMs) => log.info(`${name}: attempt ${attempt} failed: ${error.message} Retrying in ${(delayMs / 1000).toFixed(1)} s.`)
      }
    )
    result.status = 'uploaded'
    result.counts = answer.counts
    Object.assign(result, flatCounts(answer.counts))
    result.testId = answer.testId
    result.engagementId = answer.engagementId
    result.productId = answer.productId
    const base = client.baseUrl
    // UI paths of API.md §f; /product/<id> redirects to /asset/<id> where the relabel is on.
    result.testUrl = answer.testId === null ? null : `${base}/test/${answer.testId}`
    result.engagementUrl = answer.engagementId === null ? null : `${base}/engagement/${answer.engagementId}`
    result.productUrl = answer.productId === null ? null : `${base}/product/${answer.productId}`
    if (answer.counts.created === null && answer.testId !== null) {
      // No statistics (history tracking off, or a future background import): the test itself still says something.
      const test = await client.getTest(answer.testId).catch(() => null)
      if (test) result.evidence.push(`test ${answer.testId}: ${String(test.title ?? test.scan_type ?? '')}`)
    }
    log.info(`${name}: uploaded as ${upload.recognition.scanType} → test ${answer.testId ?? '?'} (created ${result.created ?? '?'}, closed ${result.closed ?? '?'}, reactivated ${result.reactivated ?? '?'}, untouched ${result.untouched ?? '?'})`)
  } catch (error) {
    result.status = 'failed'
    result.reason = error instanceof DefectDojoError ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`
    log.info(`${name}: FAILED: ${result.reason}`)
  } finally {
    clearInterval(heartbeat)
  }
}

/** "sent 12.0 MB of 40.0 MB" while uploading, then "waiting 95 s for DefectDojo's answer". */
export function describeProgress(progress: UploadProgress, total: number, startedAt: number, now = Date.now()): string {
  if (progress.sentAt === null) return `sent ${formatMb(Math.min(progress.bytesSent, total))} of ${formatMb(total)} (${Math.round((now - startedAt) / 1000)} s)`
  return `report sent; waiting ${Math.round((now - progress.sentAt) / 1000)} s for DefectDojo's answer (it parses the report before it answers)`
}

/** Maps with at most `limit` calls in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      out[index] = await fn(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
