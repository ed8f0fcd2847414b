// The DefectDojo API client: multipart POSTs to /api/v2/reimport-scan/ (or import-scan), the report
// streamed from disk. undici's request() with an explicit dispatcher and undici's own FormData: fetch
// would buffer a file-backed FormData whole (+1.1 GB for a 1 GiB report).
import { randomUUID } from 'node:crypto'
import { subscribe } from 'node:diagnostics_channel'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { openAsBlob } from 'node:fs'
import { FormData, request, type Dispatcher } from 'undici'
import { DefectDojoError, RETRYABLE_STATUSES, describeFailure, serverText } from './errors.js'
import { createDispatcher, type NetworkOptions } from './network.js'
import { parseImportAnswer, type ImportAnswer } from './response.js'

export type Endpoint = 'reimport-scan' | 'import-scan'

export interface ClientOptions {
  /** Base URL without trailing slash, possibly with a path prefix. */
  baseUrl: string
  token: string
  network: NetworkOptions
  /** `extra-headers`: sent with every request (e.g. Cloudflare Access, WAF tokens). */
  extraHeaders?: Record<string, string>
  /** Test seam: a dispatcher to use instead of one built from `network`. */
  dispatcher?: Dispatcher
}

export interface UploadRequest {
  endpoint: Endpoint
  fields: Record<string, string | string[]>
  filePath: string
  uploadName: string
  fileSize: number
}

/** Live state of one upload, for the heartbeat log. */
export interface UploadProgress {
  bytesSent: number
  /** Collect garbage while sending (set for large reports). */
  collect?: boolean
  /** Set when the whole body has been sent and the client waits for DefectDojo's answer. */
  sentAt: number | null
}

// undici reports every body chunk it writes on this channel; requests are told apart by a header.
const REQUEST_ID_HEADER = 'x-request-id'
const progressById = new Map<string, UploadProgress>()
let subscribed = false

/**
 * Streaming a large report allocates a fresh buffer per chunk. V8 collects such external memory only
 * after it grew by about 64 MB, so a 1 GiB upload peaked ~75 MB above the process's baseline
 * (bench/RESULTS.md, scenario 2). A full collection every few MiB sent keeps the peak flat at a cost
 * lost in the network time. Enabled only for uploads large enough to matter.
 */
const COLLECT_EVERY_BYTES = 8 * 1048576
const COLLECT_ABOVE_BYTES = 64 * 1048576
let collectGarbage: (() => void) | null | undefined
let sentSinceCollection = 0
function garbageCollector(): (() => void) | null {
  if (collectGarbage === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      collectGarbage = runInNewContext('gc') as () => void
    } catch {
      collectGarbage = null
    }
  }
  return collectGarbage
}
function trackProgress(): void {
  if (subscribed) return
  subscribed = true
  const idOf = (request: { headers?: unknown }): string | undefined => {
    const headers = request.headers
    if (!Array.isArray(headers)) return undefined
    for (let i = 0; i < headers.length - 1; i += 2) if (String(headers[i]).toLowerCase() === REQUEST_ID_HEADER) return String(headers[i + 1])
    return undefined
  }
  subscribe('undici:request:bodyChunkSent', (message) => {
    const { request, chunk } = message as { request: { headers?: unknown }; chunk: { length?: number; byteLength?: number } }
    const progress = progressById.get(idOf(request) ?? '')
    if (!progress) return
    const bytes = chunk.byteLength ?? chunk.length ?? 0
    progress.bytesSent += bytes
    if (progress.collect && (sentSinceCollection += bytes) >= COLLECT_EVERY_BYTES) {
      sentSinceCollection = 0
      garbageCollector()?.()
    }
  })
  subscribe('undici:request:bodySent', (message) => {
    const progress = progressById.get(idOf((message as { request: { headers?: unknown } }).request) ?? '')
    if (progress) progress.sentAt = Date.now()
  })
}

export class DefectDojoClient {
  readonly baseUrl: string
  private readonly token: string
  private readonly dispatcher: Dispatcher
  private readonly options: ClientOptions

  constructor(options: ClientOptions) {
    this.options = options
    this.baseUrl = options.baseUrl
    this.token = options.token
    this.dispatcher = options.dispatcher ?? createDispatcher(options.network)
  }

  /**
   * One cheap authenticated GET before any upload (API.md §g), so a wrong URL or token fails once,
   * clearly, instead of once per report.
   */
  async preflight(): Promise<void> {
    const { status, contentType, body } = await this.send('GET', '/api/v2/user_profile/')
    const html = /html/i.test(contentType) || /^\s*</.test(body)
    if (status === 200 && !html) return
    if (status === 403) {
      const detail = serverText(body)
      if (/Invalid token|credentials were not provided|User inactive/i.test(detail)) {
        throw new DefectDojoError(`DefectDojo rejected the token (HTTP 403: "${detail}"): check the \`defectdojo-token\` input holds a valid API v2 key.`, { status })
      }
    }
    if (html) throw new DefectDojoError(`${this.baseUrl} does not serve the DefectDojo API (got HTML with HTTP ${status} from /api/v2/user_profile/): check \`defectdojo-url\`, including any path prefix.`, { status })
    throw new DefectDojoError(`DefectDojo's API answered HTTP ${status} to the token check${body ? `: "${serverText(body)}"` : ''}; check \`defectdojo-url\` and \`defectdojo-token\`.`, {
      status,
      retryable: RETRYABLE_STATUSES.has(status)
    })
  }

  /** One upload attempt. The body is rebuilt from disk on every call, so a retry never sends an empty stream. */
  async upload(req: UploadRequest, progress?: UploadProgress): Promise<ImportAnswer> {
    const form = new FormData()
    for (const [name, value] of Object.entries(req.fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v)
    }
    const blob = await openAsBlob(req.filePath)
    form.append('file', blob, req.uploadName)
    const id = randomUUID()
    const tracked: UploadProgress = progress ?? { bytesSent: 0, sentAt: null }
    Object.assign(tracked, { bytesSent: 0, sentAt: null, collect: req.fileSize > COLLECT_ABOVE_BYTES })
    trackProgress()
    progressById.set(id, tracked)
    try {
      const { status, contentType, body, headers } = await this.send('POST', `/api/v2/${req.endpoint}/`, form, { [REQUEST_ID_HEADER]: id })
      if (status === 201 || status === 200) return parseImportAnswer(parseJson(body))
      throw new DefectDojoError(
        describeFailure({ status, contentType, body, endpoint: req.endpoint, scanType: String(req.fields.scan_type), product: String(req.fields.product_name), fileSize: req.fileSize }),
        { status, retryable: RETRYABLE_STATUSES.has(status), retryAfterSeconds: retryAfter(headers['retry-after']) }
      )
    } finally {
      progressById.delete(id)
    }
  }

  /** GET /api/v2/tests/{id}/: what can be shown when an answer carries no statistics. */
  async getTest(id: number): Promise<Record<string, unknown> | null> {
    const { status, body } = await this.send('GET', `/api/v2/tests/${id}/`)
    if (status !== 200) return null
    const value = parseJson(body)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  }

  async close(): Promise<void> {
    if (!this.options.dispatcher) await this.dispatcher.close()
  }

  private async send(method: 'GET' | 'POST', path: string, body?: FormData, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string; body: string; headers: Record<string, string | string[] | undefined> }> {
    const url = `${this.baseUrl}${path}`
    let response: Dispatcher.ResponseData<unknown>
    try {
      response = await request(url, {
        method,
        body,
        dispatcher: this.dispatcher,
        headers: {
          ...this.options.extraHeaders,
          ...headers,
          authorization: `Token ${this.token}`,
          accept: 'application/json',
          'user-agent': 'defectdojo-reimport-action'
        }
      })
    } catch (error) {
      throw connectionError(error, url, this.options.network.requestTimeoutMs)
    }
    let text: string
    try {
      text = await response.body.text()
    } catch (error) {
      throw connectionError(error, url, this.options.network.requestTimeoutMs)
    }
    const contentType = String(response.headers['content-type'] ?? '')
    return { status: response.statusCode, contentType, body: text, headers: response.headers }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value
  if (!raw) return null
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim())
  const date = Date.parse(raw)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000))
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH'])
const RETRYABLE_CODES = new Set([...NOT_SENT_CODES, 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT'])

/** A transport failure → a DefectDojoError saying what happened and whether it may be retried. */
export function connectionError(error: unknown, url: string, timeoutMs: number): DefectDojoError {
  const code = errorCode(error)
  const origin = safeOrigin(url)
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    // A headers timeout means DefectDojo was still parsing: retrying a reimport is safe (idempotent).
    return new DefectDojoError(`DefectDojo did not answer within ${formatDuration(timeoutMs)}: raise the \`timeout-minutes\` input if the report is large.`, {
      retryable: code === 'UND_ERR_HEADERS_TIMEOUT'
    })
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new DefectDojoError(`Cannot resolve the host of ${origin} (${code}): check \`defectdojo-url\`.`, { retryable: code === 'EAI_AGAIN', notSent: true })
  }
  if (code === 'ECONNREFUSED' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new DefectDojoError(`Cannot connect to ${origin} (${code}): check \`defectdojo-url\` and that DefectDojo is reachable from the runner.`, { retryable: true, notSent: true })
  }
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
    return new DefectDojoError(`TLS to ${origin} failed (${code}): if DefectDojo uses a private CA, give its PEM file in \`ca-certificates\`.`, { notSent: true })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new DefectDojoError(`The connection to ${origin} failed (${code ?? message}).`, { retryable: code !== null && RETRYABLE_CODES.has(code), notSent: code !== null && NOT_SENT_CODES.has(code) })
}

function errorCode(error: unknown): string | null {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return null
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return 'DefectDojo'
  }
}

function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`
  return `${Math.round(ms / 100) / 10} s`
}
