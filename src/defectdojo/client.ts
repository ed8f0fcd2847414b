// The DefectDojo API client: the token check, multipart POSTs to /api/v2/reimport-scan/ (or
// import-scan) with the report streamed from disk, and the read-only lookups that follow. undici's
// request() with an explicit dispatcher (proxies, private CAs, mTLS: network.ts). An answer counts only
// when it is DefectDojo's; anything else is a failure that quotes what came back.
import { stat } from 'node:fs/promises'
import { request, type Dispatcher } from 'undici'
import { inputName, theInput } from '../config/inputs.js'
import type { Endpoint, ImportAnswer } from '../model.js'
import { DefectDojoError, GATEWAY_STATUSES, RETRYABLE_STATUSES, behindLogin, describeAnswer, describeFailure, describeRedirect, LOGIN_PAGE, serverText } from './errors.js'
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

/** The most of an answer that is read: DefectDojo's answers are kilobytes; a larger one is not DefectDojo's. */
export const ANSWER_LIMIT_BYTES = 8 * 1048576

interface Answer {
  status: number
  contentType: string
  body: string
  headers: Record<string, string | string[] | undefined>
}

/** What a read-only lookup found: the value, proof that nothing is there, or nothing to go by. */
export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'absent' } | { kind: 'unknown'; why: string }

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export class DefectDojoClient {
  readonly baseUrl: string
  /** Server clock minus ours, from the token check's Date header (ms); 0 until known. */
  clockOffsetMs = 0
  /** Whether the token's user may see every product (an empty listing then proves absence). */
  seesEverything = false
  private readonly dispatcher: Dispatcher
  private readonly options: ClientOptions

  constructor(options: ClientOptions) {
    this.options = options
    this.baseUrl = options.baseUrl
    this.dispatcher = createDispatcher(options.network)
  }

  /**
   * One cheap authenticated GET before any upload (docs/defectdojo-api.md §g), so a wrong URL or token
   * fails once, clearly, instead of once per report. Only DefectDojo's own answer passes: a JSON user
   * profile, not any page that answers 200.
   */
  async preflight(signal?: AbortSignal): Promise<void> {
    const { status, contentType, body, headers } = await this.send('GET', '/api/v2/user_profile/', { signal })
    const html = /html/i.test(contentType) || /^\s*</.test(body)
    const profile = html ? null : parseJson(body)
    if (status === 200 && isRecord(profile) && isRecord(profile.user)) {
      this.seesEverything = profile.user.is_superuser === true
      const date = Date.parse(String(headers.date ?? ''))
      if (!Number.isNaN(date)) this.clockOffsetMs = date - Date.now()
      return
    }
    if (status >= 300 && status < 400) throw new DefectDojoError(describeRedirect(this.baseUrl, status, [headers.location].flat()[0]), { status })
    if (status === 403) {
      const detail = serverText(body)
      if (/Invalid token|credentials were not provided|User inactive/i.test(detail)) {
        throw new DefectDojoError(`DefectDojo rejected the token (HTTP 403: "${detail}"): check ${theInput('defectdojo-token')} holds a valid API v2 key.`, { status })
      }
    }
    if (html && status !== 404 && LOGIN_PAGE.test(body.slice(0, 8192))) throw new DefectDojoError(behindLogin(`was answered with a login page (HTML, HTTP ${status})`), { status })
    if (html) {
      throw new DefectDojoError(`${this.baseUrl} does not serve the DefectDojo API (got HTML with HTTP ${status} from /api/v2/user_profile/): check ${inputName('defectdojo-url')}, including any path prefix.`, { status })
    }
    if (status === 200) {
      throw new DefectDojoError(
        `${this.baseUrl} does not serve the DefectDojo API: /api/v2/user_profile/ answered ${describeAnswer(status, contentType, body)}, not a user profile. Check ${inputName('defectdojo-url')}, including any path prefix, and whether a proxy or login page answers in front of DefectDojo.`,
        { status }
      )
    }
    throw new DefectDojoError(`DefectDojo's API answered HTTP ${status} to the token check${body ? `: "${serverText(body)}"` : ''}; check ${inputName('defectdojo-url')} and ${inputName('defectdojo-token')}.`, {
      status,
      retryable: RETRYABLE_STATUSES.has(status)
    })
  }

  /** One upload attempt. The body is streamed from disk afresh on every call, so a retry never sends an empty stream. */
  async upload(req: UploadRequest, progress: UploadProgress = { bytesSent: 0, sentAt: null }, signal?: AbortSignal): Promise<ImportAnswer> {
    const size = (await stat(req.filePath)).size
    const body = multipartBody(req.fields, { path: req.filePath, name: req.uploadName, size })
    progress.bytesSent = 0
    progress.sentAt = null
    const stream = async function* (): AsyncGenerator<Uint8Array> {
      yield* body.stream((bytes) => (progress.bytesSent += bytes))
      progress.sentAt = Date.now()
    }
    let answer: Answer
    try {
      answer = await this.send('POST', `/api/v2/${req.endpoint}/`, { body: stream(), headers: { 'content-type': body.contentType, 'content-length': String(body.length) }, signal })
    } catch (error) {
      // The whole body went out before the connection failed: DefectDojo may be importing it.
      if (error instanceof DefectDojoError && progress.sentAt !== null && !error.notSent) throw new DefectDojoError(error.message, { status: error.status, retryable: true, ambiguous: true })
      throw error
    }
    const { status, contentType, body: text, headers } = answer
    const scanType = String(req.fields.scan_type)
    if (status === 201) {
      const value = parseJson(text)
      // DefectDojo's 201 echoes the scan type and carries the test id (§c); anything else came from something in front of it.
      if (isRecord(value) && value.scan_type === scanType && (Number.isInteger(value.test_id) || Number.isInteger(value.test))) return parseImportAnswer(value)
    }
    if (status >= 200 && status < 300) {
      throw new DefectDojoError(`The answer to the upload was not DefectDojo's (${describeAnswer(status, contentType, text)}): a proxy, firewall or login page in front of DefectDojo answered instead.`, {
        status,
        ambiguous: true
      })
    }
    const gateway = GATEWAY_STATUSES.has(status)
    throw new DefectDojoError(describeFailure({ status, contentType, body: text, endpoint: req.endpoint, scanType, product: String(req.fields.product_name), fileSize: size }), {
      status,
      retryable: RETRYABLE_STATUSES.has(status),
      retryAfterSeconds: retryAfter(headers['retry-after']),
      ambiguous: gateway
    })
  }

  /** GET /api/v2/tests/{id}/: what can be shown when an answer carries no statistics. */
  async getTest(id: number, signal?: AbortSignal): Promise<Record<string, unknown> | null> {
    const { status, body } = await this.send('GET', `/api/v2/tests/${id}/`, { signal })
    if (status !== 200) return null
    const value = parseJson(body)
    return isRecord(value) ? value : null
  }

  /**
   * A paginated list (docs/defectdojo-api.md §i, §k): every row of its first page. A 403 or anything
   * that is not a list answer is `unknown`; an empty list is `absent` only when `trustEmpty`.
   */
  async list(path: string, query: Record<string, string | number>, trustEmpty: boolean, signal?: AbortSignal): Promise<Lookup<Json[]>> {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
    let answer: Answer
    try {
      answer = await this.send('GET', `${path}?${search.toString()}`, { signal })
    } catch (error) {
      return { kind: 'unknown', why: error instanceof Error ? error.message : String(error) }
    }
    const value = parseJson(answer.body)
    if (answer.status !== 200 || !isRecord(value) || !Array.isArray(value.results)) return { kind: 'unknown', why: `${path} answered ${describeAnswer(answer.status, answer.contentType, answer.body)}` }
    const rows = value.results.filter(isRecord)
    if (rows.length > 0) return { kind: 'found', value: rows }
    return trustEmpty ? { kind: 'absent' } : { kind: 'unknown', why: `${path} listed nothing, which may only mean the token may not see it` }
  }

  async close(): Promise<void> {
    await this.dispatcher.close()
  }

  private async send(method: 'GET' | 'POST', path: string, options: { body?: AsyncIterable<Uint8Array>; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Answer> {
    const url = `${this.baseUrl}${path}`
    let response: Dispatcher.ResponseData<unknown>
    try {
      response = await request(url, {
        method,
        // An async iterable: undici writes it chunk by chunk, waiting for 'drain' (multipart.ts relies on
        // that); its types list only streams, buffers and FormData. Not a Readable: that would read ahead.
        body: options.body as unknown as Dispatcher.RequestOptions['body'],
        dispatcher: this.dispatcher,
        signal: options.signal,
        headers: {
          ...this.options.extraHeaders,
          ...options.headers,
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
      text = await readBounded(response.body, ANSWER_LIMIT_BYTES)
    } catch (error) {
      if (error instanceof DefectDojoError) throw new DefectDojoError(error.message, { status: response.statusCode, ambiguous: true })
      throw connectionError(error, url, this.options.network.requestTimeoutMs)
    }
    return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: text, headers: response.headers }
  }
}

/** The body as text, read no further than `limit` bytes: a larger answer fails clearly instead of filling memory. */
async function readBounded(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += (chunk as Buffer).length
    if (size > limit) {
      body.destroy()
      throw new DefectDojoError(`The answer was larger than ${Math.round(limit / 1048576)} MB, which no DefectDojo answer is: something in front of DefectDojo answered instead, so it was not read further.`, { ambiguous: true })
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
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
  if (code === 'UND_ERR_ABORTED' || (error as { name?: string } | null)?.name === 'AbortError') {
    return new DefectDojoError('The run was cancelled while this request was in flight.', { ambiguous: true })
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    // DefectDojo was still parsing when the wait ended: it may finish the import after we gave up.
    return new DefectDojoError(`DefectDojo did not answer within ${formatDuration(timeoutMs)}: raise ${theInput('timeout-minutes')} if the report is large.`, {
      retryable: code === 'UND_ERR_HEADERS_TIMEOUT',
      ambiguous: true
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
