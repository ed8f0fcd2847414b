// The uploads stage: the client built from the config, the token check, then every planned report
// reimported with retries, a heartbeat in the log, at most `concurrency` at once. Each planned upload
// ends as exactly one UploadOutcome, whatever fails.
import type { Config } from '../config/config.js'
import type { TlsFiles } from '../config/files.js'
import { inputName } from '../config/inputs.js'
import type { DefectDojoClient, UploadProgress } from '../defectdojo/client.js'
import { DefectDojoError, formatMb } from '../defectdojo/errors.js'
import { DEFAULT_RETRY, withRetries } from '../defectdojo/retry.js'
import { runScheduled } from '../defectdojo/scheduler.js'
import { reportLabel, type PlannedUpload, type UploadOutcome } from '../model.js'
import type { Log } from './host.js'

const CONNECT_TIMEOUT_MS = 30_000
const HEARTBEAT_MS = 30_000

export type UploadsResult = { readonly stopped: string; readonly outcomes?: undefined } | { readonly stopped?: undefined; readonly outcomes: readonly UploadOutcome[] }

/**
 * Uploads every planned report. Nothing is uploaded unless the token check passes: a wrong URL or
 * token fails once, clearly (`stopped`), instead of once per report.
 */
export async function uploadAll(config: Config, tls: TlsFiles, planned: readonly PlannedUpload[], log: Log): Promise<UploadsResult> {
  // Loaded only when something is uploaded: undici is half the bundle, and a dry-run needs none of it.
  const { DefectDojoClient } = await import('../defectdojo/client.js')
  const client = new DefectDojoClient({
    baseUrl: config.defectdojoUrl!,
    token: config.defectdojoToken!,
    extraHeaders: config.extraHeaders,
    network: { ...tls, requestTimeoutMs: config.requestTimeoutMs, connectTimeoutMs: CONNECT_TIMEOUT_MS }
  })
  try {
    try {
      await withRetries(() => client.preflight(), {
        ...DEFAULT_RETRY,
        retries: config.retries,
        endpoint: 'reimport-scan',
        onRetry: (e, n, ms) => log.info(`Token check: ${e.message} Retrying in ${Math.round(ms / 1000)} s (attempt ${n + 1}).`)
      })
    } catch (error) {
      return { stopped: error instanceof Error ? error.message : String(error) }
    }
    const outcomes = await runScheduled(
      planned,
      (upload) => JSON.stringify([upload.target.productType, upload.target.product, upload.target.engagement]),
      config.concurrency,
      (upload) => uploadOne(client, config, upload, log)
    )
    return { outcomes }
  } finally {
    await client.close()
  }
}

async function uploadOne(client: DefectDojoClient, config: Config, upload: PlannedUpload, log: Log): Promise<UploadOutcome> {
  const name = reportLabel(upload.candidate)
  if (upload.candidate.size > config.maxReportBytes) {
    const reason = `not sent: the report is ${formatMb(upload.candidate.size)}, over ${inputName('max-report-size-mb')} (${formatMb(config.maxReportBytes)}, DefectDojo's default DD_SCAN_FILE_MAX_SIZE); raise both to upload it.`
    log.info(`${name}: FAILED: ${reason}`)
    return { status: 'failed', reason, attempts: 0 }
  }
  const progress: UploadProgress = { bytesSent: 0, sentAt: null }
  const started = Date.now()
  let attempts = 0
  // A heartbeat tells a slow reimport from a hang in the live log.
  const heartbeat = setInterval(() => log.info(`${name}: ${describeProgress(progress, upload.candidate.size, started)}`), HEARTBEAT_MS)
  try {
    const { value: answer } = await withRetries(
      (attempt) => {
        attempts = attempt
        return client.upload({ endpoint: upload.endpoint, fields: upload.fields, filePath: upload.candidate.absolutePath, uploadName: upload.recognition.uploadName }, progress)
      },
      {
        ...DEFAULT_RETRY,
        retries: config.retries,
        endpoint: upload.endpoint,
        onRetry: (error, attempt, delayMs) => log.info(`${name}: attempt ${attempt} failed: ${error.message} Retrying in ${(delayMs / 1000).toFixed(1)} s.`)
      }
    )
    const base = client.baseUrl
    const evidence: string[] = []
    if (answer.counts.created === null && answer.testId !== null) {
      // No statistics (history tracking off, or a future background import): the test itself still says something.
      const test = await client.getTest(answer.testId).catch(() => null)
      if (test) evidence.push(`test ${answer.testId}: ${String(test.title ?? test.scan_type ?? '')}`)
    }
    const counts = answer.counts
    log.info(
      `${name}: uploaded as ${upload.recognition.scanType} → test ${answer.testId ?? '?'} (created ${counts.created?.total ?? '?'}, closed ${counts.closed?.total ?? '?'}, reactivated ${counts.reactivated?.total ?? '?'}, untouched ${counts.untouched?.total ?? '?'})`
    )
    return {
      status: 'uploaded',
      answer,
      attempts,
      // UI paths of docs/defectdojo-api.md §f; /product/<id> redirects to /asset/<id> where the relabel is on.
      links: {
        test: answer.testId === null ? null : `${base}/test/${answer.testId}`,
        engagement: answer.engagementId === null ? null : `${base}/engagement/${answer.engagementId}`,
        product: answer.productId === null ? null : `${base}/product/${answer.productId}`
      },
      evidence
    }
  } catch (error) {
    const reason = error instanceof DefectDojoError ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`
    log.info(`${name}: FAILED: ${reason}`)
    return { status: 'failed', reason, attempts }
  } finally {
    clearInterval(heartbeat)
  }
}

/** "sent 12.0 MB of 40.0 MB" while uploading, then "waiting 95 s for DefectDojo's answer". */
export function describeProgress(progress: UploadProgress, total: number, startedAt: number, now = Date.now()): string {
  if (progress.sentAt === null) return `sent ${formatMb(Math.min(progress.bytesSent, total))} of ${formatMb(total)} (${Math.round((now - startedAt) / 1000)} s)`
  return `report sent; waiting ${Math.round((now - progress.sentAt) / 1000)} s for DefectDojo's answer (it parses the report before it answers)`
}
