// The DefectDojo API client: the token check, multipart POSTs to /api/v2/reimport-scan/ (or
// import-scan) with the report streamed from disk, and the reads that follow. undici's request() with
// an explicit dispatcher (proxies, private CAs, mTLS: network.ts).
import { stat } from 'node:fs/promises'
import { request, type Dispatcher } from 'undici'
import { inputName, theInput } from '../config/inputs.js'
import type { Endpoint, ImportAnswer } from '../model.js'
import { DefectDojoError, RETRYABLE_STATUSES, describeFailure, serverText } from './errors.js'
import { multipartBody } from './multipart.js'
import { createDispatcher, type NetworkOptions } from './network.js'
import { parseImportAnswer } from './response.js'

export interface ClientOptions {
  /** Base URL without trailing slash, possibly with a path prefix. */
  baseUrl: string
  token: string
  network: NetworkOptions
  /** `extra-headers`: sent with every request (e.g. Cloudflare Access, WAF tokens). */
  extraHeaders?: Readonly<Record<string, string>>
}

export interface UploadRequest {
  endpoint: Endpoint
  fields: Readonly<Record<string, string | readonly string[]>>
  filePath: string
  uploadName: string
}

/** Live state of one upload, for the heartbeat log. */
export interface UploadProgress {
  bytesSent: number
  /** Set when the whole body has been sent and the client waits for DefectDojo's answer. */
  sentAt: number | null
}

interface Answer {
  status: number
  contentType: string
  body: string
  headers: Record<string, string | string[] | undefined>
}

export class DefectDojoClient {
  readonly baseUrl: string
  private readonly dispatcher: Dispatcher
  private readonly options: ClientOptions

  constructor(options: ClientOptions) {
    this.options = options
    this.baseUrl = options.baseUrl
    this.dispatcher = createDispatcher(options.network)
  }

  /**
   * One cheap authenticated GET before any upload (docs/defectdojo-api.md §g), so a wrong URL or token
   * fails once, clearly, instead of once per report.
   */
  async preflight(): Promise<void> {
    const { status, contentType, body } = await this.send('GET', '/api/v2/user_profile/')
    const html = /html/i.test(contentType) || /^\s*</.test(body)
    if (status === 200 && !html) return
    if (status === 403) {
      const detail = serverText(body)
      if (/Invalid token|credentials were not provided|User inactive/i.test(detail)) {
        throw new DefectDojoError(`DefectDojo rejected the token (HTTP 403: "${detail}"): check ${theInput('defectdojo-token')} holds a valid API v2 key.`, { status })
      }
    }
    if (html) throw new DefectDojoError(`${this.baseUrl} does not serve the DefectDojo API (got HTML with HTTP ${status} from /api/v2/user_profile/): check ${inputName('defectdojo-url')}, including any path prefix.`, { status })
    throw new DefectDojoError(`DefectDojo's API answered HTTP ${status} to the token check${body ? `: "${serverText(body)}"` : ''}; check ${inputName('defectdojo-url')} and ${inputName('defectdojo-token')}.`, {
      status,
      retryable: RETRYABLE_STATUSES.has(status)
    })
  }

  /** One upload attempt. The body is streamed from disk afresh on every call, so a retry never sends an empty stream. */
  async upload(req: UploadRequest, progress: UploadProgress = { bytesSent: 0, sentAt: null }): Promise<ImportAnswer> {
    const size = (await stat(req.filePath)).size
    const body = multipartBody(req.fields, { path: req.filePath, name: req.uploadName, size })
    progress.bytesSent = 0
    progress.sentAt = null
    const stream = async function* (): AsyncGenerator<Uint8Array> {
      yield* body.stream((bytes) => (progress.bytesSent += bytes))
      progress.sentAt = Date.now()
    }
    const { status, contentType, body: text, headers } = await this.send('POST', `/api/v2/${req.endpoint}/`, {
      body: stream(),
      headers: { 'content-type': body.contentType, 'content-length': String(body.length) }
    })
    if (status === 201 || status === 200) return parseImportAnswer(parseJson(text))
    throw new DefectDojoError(
      describeFailure({ status, contentType, body: text, endpoint: req.endpoint, scanType: String(req.fields.scan_type), product: String(req.fields.product_name), fileSize: size }),
      { status, retryable: RETRYABLE_STATUSES.has(status), retryAfterSeconds: retryAfter(headers['retry-after']) }
    )
  }

  /** GET /api/v2/tests/{id}/: what can be shown when an answer carries no statistics. */
  async getTest(id: number): Promise<Record<string, unknown> | null> {
    const { status, body } = await this.send('GET', `/api/v2/tests/${id}/`)
    if (status !== 200) return null
    const value = parseJson(body)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  }

  async close(): Promise<void> {
    await this.dispatcher.close()
  }

  private async send(method: 'GET' | 'POST', path: string, payload?: { body: AsyncIterable<Uint8Array>; headers: Record<string, string> }): Promise<Answer> {
    const url = `${this.baseUrl}${path}`
    let response: Dispatcher.ResponseData<unknown>
    try {
      response = await request(url, {
        method,
        // An async iterable: undici writes it chunk by chunk, waiting for 'drain' (multipart.ts relies on
        // that); its types list only streams, buffers and FormData. Not a Readable: that would read ahead.
        body: payload?.body as unknown as Dispatcher.RequestOptions['body'],
        dispatcher: this.dispatcher,
        headers: {
          ...this.options.extraHeaders,
          ...payload?.headers,
          authorization: `Token ${this.options.token}`,
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
    return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: text, headers: response.headers }
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
    return new DefectDojoError(`DefectDojo did not answer within ${formatDuration(timeoutMs)}: raise ${theInput('timeout-minutes')} if the report is large.`, {
      retryable: code === 'UND_ERR_HEADERS_TIMEOUT'
    })
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new DefectDojoError(`Cannot resolve the host of ${origin} (${code}): check ${inputName('defectdojo-url')}.`, { retryable: code === 'EAI_AGAIN', notSent: true })
  }
  if (code === 'ECONNREFUSED' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new DefectDojoError(`Cannot connect to ${origin} (${code}): check ${inputName('defectdojo-url')} and that DefectDojo is reachable from the runner.`, { retryable: true, notSent: true })
  }
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
    return new DefectDojoError(`TLS to ${origin} failed (${code}): if DefectDojo uses a private CA, give its PEM file in ${inputName('ca-certificates')}.`, { notSent: true })
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
