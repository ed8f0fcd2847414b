// The DefectDojo API client: multipart POSTs to /api/v2/reimport-scan/ (or import-scan), the report
// streamed from disk. undici's request() with an explicit dispatcher and undici's own FormData: fetch
// would buffer a file-backed FormData whole (+1.1 GB for a 1 GiB report).
import { openAsBlob } from 'node:fs'
import { Agent, FormData, request, type Dispatcher } from 'undici'
import { DefectDojoError, RETRYABLE_STATUSES, describeFailure } from './errors.js'
import { parseImportAnswer, type ImportAnswer } from './response.js'

export type Endpoint = 'reimport-scan' | 'import-scan'

export interface ClientOptions {
  /** Base URL without trailing slash, possibly with a path prefix. */
  baseUrl: string
  token: string
  /** Longest wait for one request, ms: DefectDojo parses synchronously, big reports take minutes. */
  requestTimeoutMs: number
  connectTimeoutMs: number
  dispatcher?: Dispatcher
  userAgent?: string
}

export interface UploadRequest {
  endpoint: Endpoint
  fields: Record<string, string | string[]>
  filePath: string
  uploadName: string
  fileSize: number
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
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        connect: { timeout: options.connectTimeoutMs },
        headersTimeout: options.requestTimeoutMs,
        bodyTimeout: options.requestTimeoutMs,
        keepAliveTimeout: 30_000
      })
  }

  /** One upload attempt. The body is rebuilt from disk on every call, so a retry never sends an empty stream. */
  async upload(req: UploadRequest): Promise<ImportAnswer> {
    const form = new FormData()
    for (const [name, value] of Object.entries(req.fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v)
    }
    const blob = await openAsBlob(req.filePath)
    form.append('file', blob, req.uploadName)
    const { status, contentType, body, headers } = await this.send('POST', `/api/v2/${req.endpoint}/`, form)
    if (status === 201 || status === 200) return parseImportAnswer(parseJson(body))
    throw new DefectDojoError(
      describeFailure({ status, contentType, body, endpoint: req.endpoint, scanType: String(req.fields.scan_type), product: String(req.fields.product_name), fileSize: req.fileSize }),
      { status, retryable: RETRYABLE_STATUSES.has(status), retryAfterSeconds: retryAfter(headers['retry-after']) }
    )
  }

  async close(): Promise<void> {
    if (!this.options.dispatcher) await this.dispatcher.close()
  }

  private async send(method: 'GET' | 'POST', path: string, body?: FormData): Promise<{ status: number; contentType: string; body: string; headers: Record<string, string | string[] | undefined> }> {
    const url = `${this.baseUrl}${path}`
    let response: Dispatcher.ResponseData<unknown>
    try {
      response = await request(url, {
        method,
        body,
        dispatcher: this.dispatcher,
        headers: { authorization: `Token ${this.token}`, accept: 'application/json', 'user-agent': this.options.userAgent ?? 'defectdojo-reimport-action' },
        // DefectDojo answers a slash-less POST with a 301 that clients replay as GET: never follow.
        maxRedirections: 0
      } as Parameters<typeof request>[1])
    } catch (error) {
      throw connectionError(error, url, this.options.requestTimeoutMs)
    }
    const text = await response.body.text()
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
    return new DefectDojoError(`DefectDojo did not answer within ${Math.round(timeoutMs / 60000) || timeoutMs / 1000 + ' s'}${timeoutMs >= 60000 ? ' min' : ''}: raise the \`timeout-minutes\` input if the report is large.`, {
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
