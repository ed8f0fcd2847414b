// DefectDojo's error answers → one clear sentence. Its bodies come in four shapes (docs/defectdojo-api.md §d): a JSON
// list, a DRF field dict (plus a `message` repr and `pro`), `{"message": "['…']"}` from Django
// validation, and a generic 500; a proxy in front may answer HTML. Server text is quoted, shortened
// and stripped of markup before it reaches a log or the summary.
import { inputName, theInput } from '../config/inputs.js'

/** A failed request, with whether it is safe to try again. */
export class DefectDojoError extends Error {
  readonly status: number | null
  readonly retryable: boolean
  /** Seconds the server asked us to wait (Retry-After), if any. */
  readonly retryAfterSeconds: number | null
  /** True when the request provably never reached DefectDojo (connection refused, DNS failure…). */
  readonly notSent: boolean
  /**
   * True when the request may have been processed although no DefectDojo answer came back (a gateway's
   * 502/503/504 or a non-DefectDojo page after the body was sent, a timeout, a reset): an upload is then
   * looked up before it is sent again (docs/defectdojo-api.md §k).
   */
  readonly ambiguous: boolean
  /** True when DefectDojo's API itself refused the token check (401/403 JSON): the token, not the way to DefectDojo, is wrong. */
  readonly tokenRejected: boolean
  constructor(message: string, options: { status?: number | null; retryable?: boolean; retryAfterSeconds?: number | null; notSent?: boolean; ambiguous?: boolean; tokenRejected?: boolean } = {}) {
    super(message)
    this.name = 'DefectDojoError'
    this.status = options.status ?? null
    this.retryable = options.retryable ?? false
    this.retryAfterSeconds = options.retryAfterSeconds ?? null
    this.notSent = options.notSent ?? false
    this.ambiguous = options.ambiguous ?? false
    this.tokenRejected = options.tokenRejected ?? false
  }
}

/** Statuses of gateways that may answer while DefectDojo goes on importing behind them. */
export const GATEWAY_STATUSES = new Set([502, 503, 504])

/** "HTTP 200, text/html, starting "<title>Request Rejected</title>"": what came back, for a reason. */
export function describeAnswer(status: number, contentType: string, body: string): string {
  // The first line as it came, not read as JSON: `{}` and `[]` must show as what they are.
  const firstLine = (body.trim().split(/\r?\n/)[0] ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim()
  const clipped = firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine
  const start = firstLine === '' ? 'with an empty body' : `starting "${clipped}"`
  return `HTTP ${status}, ${contentType.split(';')[0]!.trim() || 'no content type'}, ${start}`
}

/** Statuses worth another try: rate limiting and gateways in front of a busy or restarting DefectDojo. */
export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504])

export interface FailureContext {
  status: number
  contentType: string
  body: string
  scanType?: string
  product?: string
  fileSize?: number
  endpoint: string
}

/** One sentence for a non-2xx answer. */
export function describeFailure(c: FailureContext): string {
  const html = /html/i.test(c.contentType) || /^\s*</.test(c.body)
  const detail = html ? '' : serverText(c.body)
  const quoted = detail ? `: "${detail}"` : ''
  const size = c.fileSize === undefined ? '' : `, report is ${formatSize(c.fileSize)}`
  if (c.status === 403 && /Invalid token|credentials were not provided|User inactive/i.test(detail)) {
    return `DefectDojo rejected the token (HTTP 403${quoted}): check ${theInput('defectdojo-token')} holds a valid API v2 key.`
  }
  if (c.status === 403) {
    return `DefectDojo refused the upload (HTTP 403${quoted}): the token's user may not ${c.endpoint === 'import-scan' ? 'import' : 'reimport'} into product "${c.product ?? '?'}" or create it.`
  }
  if (c.status === 413) {
    return html
      ? `The upload was rejected by a proxy in front of DefectDojo (HTTP 413${size}): raise its body size limit (nginx client_max_body_size).`
      : `DefectDojo rejected the report as too large (HTTP 413${size}${quoted}).`
  }
  if (c.status === 400 && /too large/i.test(detail)) {
    return `DefectDojo rejected the report as too large (HTTP 400${size}${quoted}): raise DD_SCAN_FILE_MAX_SIZE on the server or split the report.`
  }
  if (c.status === 400 && /file extension/i.test(detail)) {
    return `DefectDojo refused the file name's extension (HTTP 400${quoted}).`
  }
  if (c.status === 400 && /scan_type/i.test(detail)) {
    return `DefectDojo refused the scan type "${c.scanType ?? '?'}" (HTTP 400${quoted}).`
  }
  if (c.status === 400) return `DefectDojo refused the upload (HTTP 400${quoted}).`
  if (c.status === 500) {
    return `DefectDojo failed to parse this report as ${c.scanType ?? 'its scan type'} (HTTP 500${quoted}); the report or the scan type is wrong, so it was not retried.`
  }
  if (c.status === 404) return `DefectDojo answered 404 for /api/v2/${c.endpoint}/${quoted}: check \`defectdojo-url\` points at DefectDojo (including any path prefix).`
  if (html) return `DefectDojo or a proxy in front of it answered HTTP ${c.status} with an HTML page.`
  return `DefectDojo answered HTTP ${c.status}${quoted}.`
}

/** The human part of an error body, shortened and reduced to plain characters. */
export function serverText(body: string, max = 300): string {
  let text = body.trim()
  try {
    text = flatten(JSON.parse(text) as unknown)
  } catch {
    // not JSON: keep the text
  }
  // Django ValidationError reprs look like "['message']": unwrap them.
  text = text.replace(/^\[?'(.*)'\]?$/s, '$1')
  text = text.replace(/[\u0000-\u001f<>`]/g, ' ').replace(/\s+/g, ' ').trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function flatten(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(flatten).join(' ')
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => key !== 'pro' && key !== 'message')
    // `message` repeats the field dict as a Python repr; use it only when nothing else is there.
    if (entries.length === 0 && 'message' in value) return flatten((value as Record<string, unknown>).message)
    return entries.map(([key, v]) => (key === 'detail' || key === 'non_field_errors' ? flatten(v) : `${key}: ${flatten(v)}`)).join('; ')
  }
  return String(value)
}

const PROFILE_PATH = '/api/v2/user_profile/'
/** Paths of the logins that sit in front of web apps: SSO proxies, identity providers, Cloudflare Access. */
const LOGIN_PATH = /login|signin|sign-in|sso|oauth|openid|saml|auth|cdn-cgi\/access/i

/**
 * The token check was redirected. DefectDojo's API answers a bad token with 403, never a redirect, so
 * a redirect comes from in front of it: a login (another host, or a login path), or a move (http to
 * https, another path) that the uploads, being POSTs, would not survive.
 */
export function describeRedirect(baseUrl: string, status: number, location: string | undefined): string {
  const target = location && URL.canParse(location, `${baseUrl}${PROFILE_PATH}`) ? new URL(location, `${baseUrl}${PROFILE_PATH}`) : null
  const where = target ? `${target.origin}${target.pathname}` : 'an address it did not give'
  const base = new URL(baseUrl)
  if (target && target.hostname === base.hostname && !LOGIN_PATH.test(target.pathname) && target.pathname.endsWith(PROFILE_PATH)) {
    const moved = `${target.origin}${target.pathname.slice(0, -PROFILE_PATH.length)}`
    return `${baseUrl} redirects the API (HTTP ${status}) to ${where}: set ${inputName('defectdojo-url')} to ${moved}. The uploads are POSTs, which a redirect does not carry, so it is not followed.`
  }
  return behindLogin(`was redirected (HTTP ${status}) to ${where}`)
}

/** Words of a login page: an HTML answer to the API that carries them is a login in front of DefectDojo. */
export const LOGIN_PAGE = /log\s?in|sign\s?in|single sign-on|\bsso\b|cloudflare access|authenticat/i

/** The token check met a login in front of DefectDojo; `what` says how ("was redirected … to …"). */
export function behindLogin(what: string): string {
  return (
    `DefectDojo is behind a login: the token check (GET ${PROFILE_PATH}) ${what}, which an API token cannot pass. ` +
    `Send the login's service credentials with ${theInput('extra-headers')} (for Cloudflare Access, \`CF-Access-Client-Id: …\` and \`CF-Access-Client-Secret: …\` from secrets; ask whoever runs the login for a service token), or use an address of DefectDojo without the login.`
  )
}

/** A size a person reads: bytes, KB or MB (binary units), so a small report is never "0.0 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`
  return `${(bytes / 1048576).toFixed(1)} MB`
}
