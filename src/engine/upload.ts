// The uploads stage: the client built from the config, the token check (sent while the files are still
// being recognised), then every planned report sent at most `concurrency` at once, with retries and a
// heartbeat in the log. Each planned upload ends as exactly one UploadOutcome, whatever fails: uploaded
// exactly once, or failed with a reason. After an ambiguous failure (a gateway's 502/504, a timeout, a
// reset once the body was sent, an answer that was not DefectDojo's) the upload is looked up before it
// is sent again (landed.ts), and the counts come from the imports that did the work, never from a
// repeat that found nothing to do.
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Config } from '../config/config.js'
import type { TlsFiles } from '../config/files.js'
import { inputName } from '../config/inputs.js'
import type { DefectDojoClient, UploadProgress } from '../defectdojo/client.js'
import { DefectDojoError, formatSize } from '../defectdojo/errors.js'
import { DEFAULT_RETRY, backoffMs, withRetries, type RetryPolicy } from '../defectdojo/retry.js'
import { runScheduled } from '../defectdojo/scheduler.js'
import { noveltyLine, noveltyTotal } from '../report/novelty-text.js'
import { reportLabel, type ImportAnswer, type PlannedUpload, type UploadOutcome } from '../model.js'
import type { Log } from './host.js'
import { NoveltyQueue } from './baseline.js'
import { existingGroups, groupOf } from './existing.js'
import { findLanding, waitForLanding } from './landed.js'

const CONNECT_TIMEOUT_MS = 30_000
const HEARTBEAT_MS = 30_000
/** Longest wait for an import that may still be running behind a gateway that gave up (capped by `timeout-minutes`). */
const LANDING_WAIT_MS = 120_000
/** A second look after an answer that most likely never reached DefectDojo. */
const SHORT_LOOK_MS = 3_000
/** Server and runner clocks differ; history rows this much older than the first attempt still count as this run's. */
const CLOCK_SLACK_MS = 2_000
/** Lookups before the uploads and the read-back of new findings only save time or add titles: bounded. */
const OPTIONAL_REQUEST_MS = 10_000

export type UploadsResult = { readonly stopped: string; readonly outcomes?: undefined } | { readonly stopped?: undefined; readonly outcomes: readonly UploadOutcome[] }

export interface UploadOptions {
  /** `build_id` of this run: its imports are found by it. */
  readonly buildId: string
  /** Cancels the run: nothing new starts, requests in flight end. */
  readonly signal?: AbortSignal
  /** Test seam for the waits (backoff, landing checks). */
  readonly sleep?: (ms: number) => Promise<void>
}

/** The client, and its token check already on the wire: opened before recognition, so its round trip overlaps it. */
export interface Connection {
  readonly client: DefectDojoClient
  /** The first token check, sent at once; its failure is reported (and retried) only if something is uploaded. */
  readonly firstCheck: Promise<void>
  /** Ends the early check if nothing was uploaded, and the client's connections. */
  close(): Promise<void>
}

/** Opens the client and sends the token check without waiting for it. */
export async function connect(config: Config, tls: TlsFiles, signal?: AbortSignal): Promise<Connection> {
  // undici is half the bundle, and a dry-run needs none of it.
  const { DefectDojoClient } = await import('../defectdojo/client.js')
  const client = new DefectDojoClient({
    baseUrl: config.defectdojoUrl!,
    token: config.defectdojoToken!,
    extraHeaders: config.extraHeaders,
    network: { ...tls, requestTimeoutMs: config.requestTimeoutMs, connectTimeoutMs: CONNECT_TIMEOUT_MS }
  })
  const unused = new AbortController()
  const firstCheck = client.preflight(signal ? AbortSignal.any([signal, unused.signal]) : unused.signal)
  firstCheck.catch(() => undefined)
  return {
    client,
    firstCheck,
    close: async () => {
      unused.abort()
      await client.close()
    }
  }
}

/**
 * Uploads every planned report. Nothing is uploaded unless the token check passes: a wrong URL or
 * token fails once, clearly (`stopped`), instead of once per report.
 */
export async function uploadAll(connection: Connection, config: Config, planned: readonly PlannedUpload[], log: Log, options: UploadOptions): Promise<UploadsResult> {
  const { client } = connection
  const sleep = options.sleep ?? abortableSleep(options.signal)
  try {
    await withRetries((n) => (n === 1 ? connection.firstCheck : client.preflight(options.signal)), {
      ...DEFAULT_RETRY,
      sleep,
      retries: config.retries,
      endpoint: 'reimport-scan',
      onRetry: (e, n, ms) => log.info(`Token check: ${e.message} Retrying in ${Math.round(ms / 1000)} s (attempt ${n + 1}).`)
    })
  } catch (error) {
    return { stopped: error instanceof Error ? error.message : String(error) }
  }
  // Engagements that exist need no first upload alone (existing.ts); the token passed first.
  const { existing, notes } = await existingGroups(client, planned, { concurrency: config.concurrency, timeoutMs: OPTIONAL_REQUEST_MS, signal: options.signal })
  for (const note of notes) log.debug(note)
  // What is new, against the default branch (baseline.ts): an isolated report is read as soon as it is uploaded.
  const novelty = new NoveltyQueue(client, { buildId: options.buildId, concurrency: config.concurrency, signal: options.signal })
  const outcomes = await runScheduled(planned, { groupOf, existing, cost: (upload) => upload.candidate.size }, config.concurrency, async (upload) => {
    const outcome = options.signal?.aborted ? notStarted() : await uploadOne(client, config, upload, log, { ...options, sleep })
    novelty.uploaded(upload, outcome)
    return outcome
  })
  if (options.signal?.aborted) return { outcomes }
  const classified = await novelty.all(planned, outcomes)
  classified.forEach((outcome, n) => {
    if (outcome.status === 'uploaded' && outcome.novelty) log.info(`${reportLabel(planned[n]!.candidate)}: ${noveltyLine(outcome.novelty, outcome.newFindings ?? [])}`)
  })
  log.info(noveltyTotal(classified.flatMap((o) => (o.status === 'uploaded' && o.novelty ? [o.novelty] : []))))
  return { outcomes: classified }
}

function notStarted(): UploadOutcome {
  return { status: 'failed', reason: 'not started: the run was cancelled before this report was sent.', attempts: 0 }
}

async function uploadOne(client: DefectDojoClient, config: Config, upload: PlannedUpload, log: Log, options: UploadOptions & { sleep: (ms: number) => Promise<void> }): Promise<UploadOutcome> {
  const name = reportLabel(upload.candidate)
  if (upload.candidate.size > config.maxReportBytes) {
    const reason = `not sent: the report is ${formatSize(upload.candidate.size)}, over ${inputName('max-report-size-mb')} (${formatSize(config.maxReportBytes)}, DefectDojo's default DD_SCAN_FILE_MAX_SIZE); raise both to upload it.`
    log.info(`${name}: FAILED: ${reason}`)
    return { status: 'failed', reason, attempts: 0 }
  }
  const progress: UploadProgress = { bytesSent: 0, sentAt: null }
  const started = Date.now()
  // History rows written after this (on the server's clock) are this run's imports of this report.
  const since = started + client.clockOffsetMs - CLOCK_SLACK_MS
  const policy: RetryPolicy = { ...DEFAULT_RETRY, sleep: options.sleep, retries: config.retries, endpoint: upload.endpoint, onRetry: () => undefined }
  // A heartbeat tells a slow reimport from a hang in the live log.
  let lookingSince: number | null = null
  const heartbeat = setInterval(() => log.info(`${name}: ${describeProgress(progress, upload.candidate.size, started, Date.now(), lookingSince)}`), HEARTBEAT_MS)
  let attempts = 0
  let ambiguousBefore = false
  // A UTF-16 JSON report is sent as UTF-8 (recognition decided so): a converted copy, removed afterwards.
  const converted = upload.recognition.transcodeFrom ? await toUtf8(upload.candidate.absolutePath, upload.recognition.transcodeFrom) : null
  const filePath = converted?.path ?? upload.candidate.absolutePath
  try {
    for (;;) {
      attempts++
      let answer: ImportAnswer
      try {
        answer = await client.upload({ endpoint: upload.endpoint, fields: upload.fields, filePath, uploadName: upload.recognition.uploadName }, progress, options.signal)
      } catch (error) {
        if (!(error instanceof DefectDojoError)) throw error
        if (options.signal?.aborted) return failed(name, log, `in flight when the run was cancelled: DefectDojo may or may not have imported it (look at the test, or run again). ${error.message}`, attempts)
        // Safe to send again without looking: nothing reached DefectDojo, or (reimport) it refused before importing.
        let retry = error.retryable && (error.notSent || (upload.endpoint === 'reimport-scan' && !error.ambiguous))
        if (error.ambiguous) {
          ambiguousBefore = true
          log.info(`${name}: attempt ${attempts}: ${error.message} Looking up whether DefectDojo imported it before sending it again.`)
          lookingSince = Date.now()
          const landing = await waitForLanding(client, upload, { buildId: options.buildId, since, waitMs: landingWaitMs(error, config), sleep: options.sleep, signal: options.signal })
          lookingSince = null
          if (landing.kind === 'landed') {
            log.info(`${name}: DefectDojo did import it (test ${landing.testId}): not sent again; counts from that import.`)
            return uploaded(client, upload, log, name, { testId: landing.testId, engagementId: landing.engagementId, productId: landing.productId, productTypeId: null, counts: landing.counts }, attempts, [
              `attempt ${attempts} answered: ${error.message}; the import was found in the test's history (${landing.imports} of this run)`
            ])
          }
          if (landing.kind === 'unknown') {
            return failed(name, log, `${error.message} Whether DefectDojo imported it cannot be told (${landing.why}), so it was not sent again: a second import could create a second test.`, attempts)
          }
          // Provably not imported (the run's history has no such import): safe to send again.
          retry = true
        }
        if (!retry || attempts > config.retries) return failed(name, log, attempts > 1 ? `${error.message} (after ${attempts} attempts)` : error.message, attempts)
        const delay = backoffMs(error, attempts, policy)
        log.info(`${name}: attempt ${attempts} failed: ${error.message} Retrying in ${(delay / 1000).toFixed(1)} s.`)
        await options.sleep(delay)
        if (options.signal?.aborted) return failed(name, log, 'not sent again: the run was cancelled during a retry wait.', attempts)
        continue
      }
      if (!ambiguousBefore) return uploaded(client, upload, log, name, answer, attempts, [])
      // An earlier attempt may have landed after all: the counts of this answer could be a repeat's zeros.
      const again = await findLanding(client, upload, options.buildId, since, options.signal)
      const counts = again.kind === 'landed' ? again.counts : { created: null, closed: null, reactivated: null, untouched: null, activeAfter: null }
      const note = again.kind === 'landed' ? `counts from the ${again.imports} import(s) of this run in the test's history` : `counts unknown: an earlier attempt may have imported it first (${again.kind === 'unknown' ? again.why : 'its history was not found'})`
      return uploaded(client, upload, log, name, { ...answer, counts }, attempts, [note])
    }
  } catch (error) {
    return failed(name, log, `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, attempts)
  } finally {
    clearInterval(heartbeat)
    await converted?.remove()
  }
}

/** A UTF-8 copy of a UTF-16 file, decoded as it streams (without its byte order mark). */
async function toUtf8(path: string, encoding: 'utf-16le' | 'utf-16be'): Promise<{ path: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'defectdojo-utf8-'))
  const target = join(folder, 'report.json')
  const decoder = new TextDecoder(encoding)
  await pipeline(
    createReadStream(path),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8')
      yield Buffer.from(decoder.decode(), 'utf8')
    },
    createWriteStream(target)
  )
  return { path: target, remove: () => rm(folder, { recursive: true, force: true }) }
}

/**
 * How long to wait for an import that may still be running: after a gateway timeout, our own timeout or
 * a dropped connection DefectDojo may be minutes into the import; after a 502/503 or a page that is not
 * DefectDojo's, the request most likely never reached it, and a short second look suffices.
 */
function landingWaitMs(error: DefectDojoError, config: Config): number {
  const stillRunning = error.status === null || error.status === 504
  return stillRunning ? Math.min(LANDING_WAIT_MS, config.requestTimeoutMs) : SHORT_LOOK_MS
}

function failed(name: string, log: Log, reason: string, attempts: number): UploadOutcome {
  log.info(`${name}: FAILED: ${reason}`)
  return { status: 'failed', reason, attempts }
}

async function uploaded(client: DefectDojoClient, upload: PlannedUpload, log: Log, name: string, answer: ImportAnswer, attempts: number, evidence: string[]): Promise<UploadOutcome> {
  const base = client.baseUrl
  const notes = [...evidence]
  if (answer.counts.created === null && answer.counts.totals === undefined && answer.testId !== null && notes.length === 0) {
    // No statistics (history tracking off, or a future background import): the test itself still says something.
    const test = await client.getTest(answer.testId).catch(() => null)
    if (test) notes.push(`test ${answer.testId}: ${String(test.title ?? test.scan_type ?? '')}`)
  }
  const total = (d: 'created' | 'closed' | 'reactivated' | 'untouched') => answer.counts[d]?.total ?? answer.counts.totals?.[d] ?? '?'
  log.info(`${name}: uploaded as ${upload.recognition.scanType} → test ${answer.testId ?? '?'} (created ${total('created')}, closed ${total('closed')}, reactivated ${total('reactivated')}, untouched ${total('untouched')})`)
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
    evidence: notes
  }
}

/** A sleep that ends early when the run is cancelled. */
function abortableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done(): void {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      signal?.addEventListener('abort', done, { once: true })
    })
}

/** "sent 12.0 MB of 40.0 MB" while uploading, then "waiting 95 s for DefectDojo's answer". */
export function describeProgress(progress: UploadProgress, total: number, startedAt: number, now = Date.now(), lookingSince: number | null = null): string {
  // After an ambiguous failure the wait is for the import to show up in DefectDojo, not for an answer.
  if (lookingSince !== null) return `looking whether DefectDojo imported it (${Math.round((now - lookingSince) / 1000)} s so far): an import still running shows up when it ends; nothing is sent again until then`
  if (progress.sentAt === null) return `sent ${formatSize(Math.min(progress.bytesSent, total))} of ${formatSize(total)} (${Math.round((now - startedAt) / 1000)} s)`
  return `report sent; waiting ${Math.round((now - progress.sentAt) / 1000)} s for DefectDojo's answer (it parses the report before it answers)`
}

