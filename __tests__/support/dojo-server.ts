/**
 * A DefectDojo API stand-in on 127.0.0.1 for end-to-end tests, the demo and the benchmark.
 *
 * It speaks DefectDojo's wire protocol for import-scan / reimport-scan and enforces the contract written down
 * in docs/defectdojo-api.md (sections are cited as §0, §a … §h). Exact error texts, status codes, body
 * shapes, defaults and the order of checks follow that document; where DefectDojo's behaviour is an
 * inference there, so is ours.
 *
 * Runs under jest (ts-jest ESM) and directly with Node 24 type stripping:
 *   node __tests__/support/dojo-server.ts [--port N] [--latency-ms N] [--token T]
 * which prints one JSON line {"url","token"} on stdout and serves until SIGTERM/SIGINT.
 * Only erasable TypeScript syntax is used on purpose (no enums, namespaces or parameter properties).
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import busboy from 'busboy'
import { API_SCAN_TYPES, SCAN_TYPES } from '../../src/scan-types.ts'

// ---------------------------------------------------------------------------------------------------------
// Constants taken from docs/defectdojo-api.md
// ---------------------------------------------------------------------------------------------------------

/** A fixed 40-hex test token (§0: `Authorization: Token <40-hex key>`). */
export const DEFAULT_TOKEN = 'd0d0d0d0c0ffee00112233445566778899aabbcc'

/** §a `environment`: the Development_Environment fixture names. */
export const DEFAULT_ENVIRONMENTS: readonly string[] = ['Development', 'Staging', 'Production', 'Test', 'Pre-prod', 'Lab', 'Default']

/** §0: DD_FILE_IMPORT_TYPES default, compared case-insensitively on the last suffix. */
const ALLOWED_EXTENSIONS = ['xml', 'csv', 'nessus', 'json', 'jsonl', 'html', 'js', 'zip', 'xlsx', 'txt', 'sarif', 'fpr', 'md', 'log', 'fvdl']

/** §a minimum_severity choices; also the key order of the statistics shape S in §c. */
const SEVERITIES = ['Info', 'Low', 'Medium', 'High', 'Critical'] as const
export type Severity = (typeof SEVERITIES)[number]

/** §c: the inner keys of every statistics bucket, in DefectDojo's order. */
const STATUS_FIELDS = ['active', 'verified', 'duplicate', 'false_p', 'out_of_scope', 'is_mitigated', 'risk_accepted'] as const

/** §a group_by and deduplication_execution_mode choices. */
const GROUP_BY_CHOICES = ['component_name', 'component_name+component_version', 'file_path', 'finding_title', 'vuln_id_from_tool']
const DEDUPLICATION_MODES = ['async', 'async_wait', 'sync']

/** §d shape 2/3/4: the `pro` line DefectDojo's exception handler appends. */
const PRO_SUPPORT = 'Pro comes with support. Try today for free or email us at hello@defectdojo.com'

/** §c: scan types whose 201 carries a `pro` announcement (dojo/product_announcements.py). */
const PRO_SCAN_TYPES = [
  'Snyk Scan', 'Semgrep JSON Report', 'Burp Enterprise Scan', 'AWS Security Hub Scan', 'Probely Scan', 'Checkmarx One Scan',
  'Tenable Scan', 'SonarQube Scan', 'Dependency Track Finding Packaging Format (FPF) Export', 'Wiz Scan',
]

/** §a Test_Type: parsers whose test type is derived from the report (Test.scan_type keeps the request's value). */
const DYNAMIC_SCAN_TYPES = ['SARIF']

const MiB = 1024 * 1024

// ---------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------

export type UploadEndpoint = 'import-scan' | 'reimport-scan'
export type FaultEndpoint = UploadEndpoint | 'user_profile' | 'tests' | 'test_types'

export type FaultAction =
  | { kind: 'status'; status: number; body: string; contentType?: string; headers?: Record<string, string> }
  /** Destroy the socket after reading part of the body (the client sees a connection reset). */
  | { kind: 'reset' }
  /** Read the body, never answer (close() ends it). */
  | { kind: 'hang' }
  /** Wait, then handle the request normally. */
  | { kind: 'delay'; ms: number }

export interface Fault {
  /** Omitted keys match anything; `method` is case-insensitive. */
  match?: { endpoint?: FaultEndpoint; method?: string }
  /** How many matching requests it applies to (default 1; Infinity for "always"). */
  times?: number
  /** Let the first N matching requests through first (default 0). */
  skip?: number
  action: FaultAction
}

export interface ReceivedFile { filename: string; contentType: string; size: number; sha256: string }

/** One per POST to import-scan / reimport-scan (a slash-less POST is only a 301 in `requests`). */
export interface ReceivedUpload {
  endpoint: UploadEndpoint
  /** Every non-file multipart field, repeated fields kept in order. */
  fields: Record<string, string[]>
  file: ReceivedFile | null
  /** What the stand-in answered; 0 for a reset, a hang or a client that went away. */
  status: number
  /** The JSON body answered (the raw text when a fault answered non-JSON), null when nothing was answered. */
  response: unknown
  /** Epoch milliseconds with sub-millisecond precision. */
  startedAt: number
  endedAt: number
  authorization: string | undefined
  /** Every request header as received (lower-case names). */
  headers: Record<string, string | string[] | undefined>
}

export interface RequestRecord { method: string; path: string; status: number }

export interface DojoFinding {
  id: number
  /** Matching key derived from the report (our stand-in for DefectDojo's hash_code). */
  key: string
  severity: Severity
  active: boolean
  verified: boolean
  duplicate: boolean
  false_p: boolean
  out_of_scope: boolean
  is_mitigated: boolean
  risk_accepted: boolean
  service: string | null
}

/** One Test_Import history row (§e: every (re)import adds one). */
export interface DojoTestImport {
  type: 'import' | 'reimport'
  version: string
  branch_tag: string
  build_id: string
  commit_hash: string
  created: number
  closed: number
  reactivated: number
  untouched: number
}

export interface DojoTest {
  id: number
  engagement: number
  title: string | null
  scan_type: string
  test_type: number
  test_type_name: string
  environment: number
  lead: number | null
  version: string
  branch_tag: string
  build_id: string
  commit_hash: string
  tags: string[]
  target_start: string
  target_end: string
  created: string
  updated: string
  findings: DojoFinding[]
  imports: DojoTestImport[]
}

export interface DojoEngagement {
  id: number
  product: number
  name: string
  engagement_type: string
  status: string
  target_start: string
  target_end: string
  deduplication_on_engagement: boolean
  source_code_management_uri: string | null
}

export interface DojoProduct { id: number; name: string; description: string; prod_type: number }
export interface DojoProductType { id: number; name: string }
export interface DojoEnvironment { id: number; name: string }
export interface DojoTestType { id: number; name: string; static_tool: boolean; dynamic_tool: boolean; active: boolean }

/** The stand-in's database. Arrays are in id order; "newest" means highest id (§b). Tests may seed or edit it. */
export interface DojoState {
  productTypes: DojoProductType[]
  products: DojoProduct[]
  engagements: DojoEngagement[]
  tests: DojoTest[]
  environments: DojoEnvironment[]
  testTypes: DojoTestType[]
  /** Last id handed out per table; bump it when seeding rows by hand. */
  lastIds: { productType: number; product: number; engagement: number; test: number; finding: number; environment: number; testType: number }
}

export interface DojoServerOptions {
  token?: string
  port?: number
  /** Per upload: delay after the body is read, before answering (server processing time). */
  latencyMs?: number
  /** Delay between "look up test" and "create test" (§e caveat 2: the lookup-then-create race). */
  raceWindowMs?: number
  environments?: string[]
  /** Parse findings only for files up to this size (default 32 MiB); larger files are hashed and count as 0 findings. */
  keepFileBytesUpTo?: number
  /** DD_SCAN_FILE_MAX_SIZE in MB (default 100, §d). */
  maxFileMb?: number
  /** e.g. '/defectdojo' (System Settings url_prefix, §0); default ''. */
  pathPrefix?: string
}

export interface DojoServer {
  url: string
  token: string
  uploads: ReceivedUpload[]
  requests: RequestRecord[]
  state: DojoState
  faults: Fault[]
  close(): Promise<void>
}

// ---------------------------------------------------------------------------------------------------------
// Answers and DefectDojo's error body shapes (§d)
// ---------------------------------------------------------------------------------------------------------

interface Answer {
  status: number
  /** JSON body; ignored when `raw` is set. */
  body?: unknown
  raw?: string
  contentType?: string
  headers?: Record<string, string>
}

interface ErrorDetail { text: string; code: string }
type FieldErrors = Map<string, ErrorDetail[]>

const json = (status: number, body: unknown): Answer => ({ status, body })
const detail = (status: number, text: string): Answer => json(status, { detail: text })
/** §d shape 1: a DRF ValidationError raised with a string in the permission step. */
const listError = (message: string): Answer => json(400, [message])
/** §d shape 3: a Django ValidationError from importer/serializer internals. */
const djangoError = (message: string): Answer => json(400, { message: `[${pyRepr(message)}]`, pro: [PRO_SUPPORT] })
/** §d shape 4. */
const serverError = (): Answer => json(500, { message: 'Internal server error, check logs for details', pro: [PRO_SUPPORT] })

/** §d shape 2: the DRF field dict plus `message` (the Python repr of the errors) and `pro`. */
function fieldErrorAnswer(errors: FieldErrors): Answer {
  const body: Record<string, unknown> = {}
  for (const [field, list] of errors) body[field] = list.map((e) => e.text)
  const repr = [...errors].map(([field, list]) =>
    `${pyRepr(field)}: [${list.map((e) => `ErrorDetail(string=${pyRepr(e.text)}, code=${pyRepr(e.code)})`).join(', ')}]`)
  body.message = `{${repr.join(', ')}}`
  body.pro = [PRO_SUPPORT]
  return json(400, body)
}

/** Python's repr() of a str, as it shows up inside DefectDojo's `message` values. */
function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === quote || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return out + quote
}

/** Python ValueError raised by lookups and parsers: becomes shape 1 or 3 depending on where it is caught. */
class PyValueError extends Error {}
/** Any other parser exception (KeyError, AttributeError, XML ParseError…): 500 (§d). */
class ParserCrash extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------------------

const nowMs = (): number => performance.timeOrigin + performance.now()
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const asText = (v: unknown): string => (v === undefined || v === null ? '' : String(v))
const isoDate = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
const today = (): string => isoDate(new Date())
const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00`)
  d.setDate(d.getDate() + days)
  return isoDate(d)
}

function nextId(state: DojoState, table: keyof DojoState['lastIds']): number {
  state.lastIds[table] += 1
  return state.lastIds[table]
}

/** The last value of each field, empty ones dropped (auto_create_context.py convert_querydict_to_dict). */
function rawDict(fields: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, values] of Object.entries(fields)) {
    const last = values.at(-1)
    if (last) out[name] = last
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Reading the request body (streaming; a 1 GiB upload is hashed, never held)
// ---------------------------------------------------------------------------------------------------------

interface UploadedFile extends ReceivedFile { bytes: Buffer | null }

interface Body {
  kind: 'multipart' | 'other' | 'empty' | 'multipart-error' | 'reset' | 'aborted'
  fields: Record<string, string[]>
  file: UploadedFile | null
  contentType: string
  error?: string
}

interface ReadOptions { multipart: boolean; keepFileBytesUpTo: number; reset: boolean }

function readBody(req: IncomingMessage, options: ReadOptions): Promise<Body> {
  return new Promise((resolve) => {
    const contentType = req.headers['content-type'] ?? ''
    const body: Body = { kind: 'empty', fields: {}, file: null, contentType }
    let settled = false
    const finish = (kind: Body['kind'], error?: string): void => {
      if (settled) return
      settled = true
      body.kind = kind
      if (error !== undefined) body.error = error
      resolve(body)
    }
    req.on('error', () => finish('aborted'))
    req.on('close', () => { if (!req.complete) finish('aborted') })
    if (options.reset) {
      // Read part of the body (its first chunk, or nothing if there is none), then drop the connection.
      const cut = (): void => { req.socket.destroy(); finish('reset') }
      req.once('data', () => setImmediate(cut))
      req.once('end', cut)
    }
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
    const isMultipart = contentType.split(';')[0]?.trim().toLowerCase() === 'multipart/form-data'
    if (!options.multipart || !hasBody || !isMultipart) {
      req.on('end', () => finish(hasBody ? 'other' : 'empty'))
      req.resume()
      return
    }
    parseMultipart(req, body, options.keepFileBytesUpTo, finish)
  })
}

function parseMultipart(req: IncomingMessage, body: Body, keepUpTo: number, finish: (kind: Body['kind'], error?: string) => void): void {
  const drainThenFail = (message: string): void => {
    if (req.complete) { finish('multipart-error', message); return }
    req.on('end', () => finish('multipart-error', message))
    req.resume()
  }
  let parser: busboy.Busboy
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fieldSize: 16 * MiB } })
  } catch {
    // DRF's MultiPartParser wording for a multipart type without a usable boundary.
    drainThenFail('Invalid boundary in multipart: None')
    return
  }
  parser.on('field', (name, value) => { (body.fields[name] ??= []).push(value) })
  parser.on('file', (name, stream, info) => {
    stream.on('error', () => undefined)
    // Django ignores file parts without a name; only `file` is read by the serializer.
    if (name !== 'file' || !info.filename) { stream.resume(); return }
    const hash = createHash('sha256')
    let size = 0
    let chunks: Buffer[] | null = []
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      size += chunk.length
      if (chunks && size <= keepUpTo) chunks.push(chunk)
      else chunks = null
    })
    stream.on('end', () => {
      // The last file part wins, like Django's MultiValueDict.
      body.file = {
        filename: info.filename ?? '', contentType: info.mimeType, size, sha256: hash.digest('hex'),
        bytes: chunks ? Buffer.concat(chunks) : null,
      }
    })
  })
  parser.on('close', () => finish('multipart'))
  parser.on('error', (error) => {
    req.unpipe(parser)
    drainThenFail(error instanceof Error ? error.message : String(error))
  })
  req.pipe(parser)
}

// ---------------------------------------------------------------------------------------------------------
// Authentication (§0, §d "Why 403 and not 401")
// ---------------------------------------------------------------------------------------------------------

/** DRF's TokenAuthentication/BasicAuthentication texts; every failure is a 403, never a 401. */
function authenticate(header: string | undefined, token: string): Answer | null {
  const parts = (header ?? '').trim().split(/\s+/).filter(Boolean)
  const scheme = parts[0]?.toLowerCase()
  if (scheme === 'token') {
    if (parts.length === 1) return detail(403, 'Invalid token header. No credentials provided.')
    if (parts.length > 2) return detail(403, 'Invalid token header. Token string should not contain spaces.')
    return parts[1] === token ? null : detail(403, 'Invalid token.')
  }
  // The stand-in has no password users, so any Basic credentials are wrong.
  if (scheme === 'basic') return detail(403, 'Invalid username/password.')
  return detail(403, 'Authentication credentials were not provided.')
}

// ---------------------------------------------------------------------------------------------------------
// Lookups shared by the permission step and the importer (§b, auto_create_context.py)
// ---------------------------------------------------------------------------------------------------------

const byId = <T extends { id: number }>(rows: readonly T[], id: string | number | undefined): T | undefined => {
  if (id === undefined) return undefined
  const n = Number(id)
  return Number.isInteger(n) ? rows.find((r) => r.id === n) : undefined
}
/** get_last_object_or_none: highest id wins. */
const newest = <T extends { id: number }>(rows: readonly T[]): T | undefined =>
  rows.reduce<T | undefined>((best, r) => (best === undefined || r.id > best.id ? r : best), undefined)

function findProductType(state: DojoState, name: string | undefined): DojoProductType | undefined {
  return name ? state.productTypes.find((t) => t.name === name) : undefined
}

/** Product by exact name; a differing product_type_name is a conflict (§b). */
function findProduct(state: DojoState, name: string | undefined, typeName: string | undefined): DojoProduct | undefined {
  const product = name ? state.products.find((p) => p.name === name) : undefined
  if (product && typeName) {
    const existing = byId(state.productTypes, product.prod_type)?.name ?? ''
    if (existing !== typeName) {
      throw new PyValueError('The fetched product has a conflict with the supplied product type name: ' +
        `existing product type name - ${existing} vs supplied product type name - ${typeName}`)
    }
  }
  return product
}

/** By id if it exists, else the newest engagement with exactly that name in the product (§b). */
function findEngagement(state: DojoState, id: string | undefined, name: string | undefined, product: DojoProduct | undefined): DojoEngagement | undefined {
  const hit = byId(state.engagements, id)
  if (hit) return hit
  if (!product) return undefined
  return newest(state.engagements.filter((e) => e.product === product.id && e.name === name))
}

/** By id if it exists, else the newest test of that scan_type — and title, only when one is sent (§b). */
function findTest(state: DojoState, id: string | undefined, title: string | undefined, scanType: string | undefined, engagement: DojoEngagement | undefined): DojoTest | undefined {
  const hit = byId(state.tests, id)
  if (hit) return hit
  if (!engagement) return undefined
  return newest(state.tests.filter((t) =>
    t.engagement === engagement.id && t.scan_type === scanType && (!title || t.title === title)))
}

function productOfTest(state: DojoState, test: DojoTest): { engagement?: DojoEngagement; product?: DojoProduct } {
  const engagement = byId(state.engagements, test.engagement)
  return { engagement, product: engagement ? byId(state.products, engagement.product) : undefined }
}

// ---------------------------------------------------------------------------------------------------------
// Step 2 of §b: the permission class resolves the target from the raw form strings, before validation
// ---------------------------------------------------------------------------------------------------------

const INCONSISTENT = 'The provided identifiers are inconsistent — '

function checkPermission(state: DojoState, endpoint: UploadEndpoint, fields: Record<string, string[]>): Answer | null {
  const raw = rawDict(fields)
  for (const key of ['test', 'engagement', 'product']) {
    const value = raw[key]
    if (value !== undefined && !/^\d+$/.test(value)) return listError(`${key} must be an integer`)
  }
  // §a "Not fields": engagement is checked to be an integer, then ignored on reimport.
  const engagementId = endpoint === 'reimport-scan' ? undefined : raw.engagement
  const productType = findProductType(state, raw.product_type_name)
  let product: DojoProduct | undefined
  try {
    product = findProduct(state, raw.product_name, raw.product_type_name)
  } catch (error) {
    if (error instanceof PyValueError) return listError(error.message)
    throw error
  }
  const engagement = findEngagement(state, engagementId, raw.engagement_name, product)

  if (endpoint === 'reimport-scan') {
    const test = findTest(state, raw.test, raw.test_title, raw.scan_type, engagement)
    if (test) return checkTestParents(state, test, product, engagement, raw)
    if (raw.test !== undefined) return listError(`Test "${raw.test}" does not exist`)
  } else {
    if (engagement) return checkEngagementParents(engagement, product, raw)
    if (engagementId !== undefined) return listError(`Engagement "${engagementId}" does not exist`)
  }
  // The raw string is tested here, so a sent "false" counts as true (§b gotcha).
  if (!raw.auto_create_context) return missingTargetError(endpoint, raw, productType, product, engagement)
  return checkAutoCreate(raw, product, engagement)
}

function checkTestParents(state: DojoState, test: DojoTest, product: DojoProduct | undefined, engagement: DojoEngagement | undefined, raw: Record<string, string>): Answer | null {
  const parents = productOfTest(state, test)
  const wrongProduct = INCONSISTENT + 'the test does not belong to the specified product.'
  const wrongEngagement = INCONSISTENT + 'the test does not belong to the specified engagement.'
  if (product && parents.product?.id !== product.id) return listError(wrongProduct)
  if (engagement && test.engagement !== engagement.id) return listError(wrongEngagement)
  if (!product && raw.product_name && parents.product?.name !== raw.product_name) return listError(wrongProduct)
  if (!engagement && raw.engagement_name && parents.engagement?.name !== raw.engagement_name) return listError(wrongEngagement)
  return null
}

function checkEngagementParents(engagement: DojoEngagement, product: DojoProduct | undefined, raw: Record<string, string>): Answer | null {
  if (product && engagement.product !== product.id) return listError(INCONSISTENT + 'the engagement does not belong to the specified product.')
  if (raw.engagement_name && engagement.name !== raw.engagement_name) return listError(INCONSISTENT + 'the engagement name does not match the specified engagement.')
  return null
}

/** §d table: the descriptive 400s when auto_create_context was not sent (raise_no_auto_create_import_validation_error). */
function missingTargetError(endpoint: UploadEndpoint, raw: Record<string, string>, productType: DojoProductType | undefined, product: DojoProduct | undefined, engagement: DojoEngagement | undefined): Answer {
  const { product_name: productName, engagement_name: engagementName, product_type_name: typeName } = raw
  if (!productName) return listError('product_name parameter missing')
  if (!engagementName) return listError('engagement_name parameter missing')
  if (typeName && !productType) return listError(`Product Type "${typeName}" does not exist`)
  if (!product) {
    return listError(typeName ? `Product "${productName}" does not exist in Product_Type "${typeName}"` : `Product "${productName}" does not exist`)
  }
  if (!engagement) return listError(`Engagement "${engagementName}" does not exist in Product "${productName}"`)
  if (endpoint === 'reimport-scan') {
    if (raw.test_title) return listError(`Test "${raw.test_title}" with scan_type "${raw.scan_type ?? 'None'}" does not exist in Engagement "${engagementName}"`)
    if (raw.scan_type) return listError(`Test with scan_type "${raw.scan_type}" does not exist in Engagement "${engagementName}"`)
    return listError('Need test_id or product_name + engagement_name + scan_type to perform reimport')
  }
  return listError('Need engagement_id or product_name + engagement_name to perform import')
}

/** check_auto_create_permission; the stand-in's user is a superuser, so only the validation parts remain. */
function checkAutoCreate(raw: Record<string, string>, product: DojoProduct | undefined, engagement: DojoEngagement | undefined): Answer | null {
  if (!raw.product_name) return listError('product_name parameter missing')
  if (!raw.engagement_name) return listError('engagement_name parameter missing')
  if (engagement) {
    return product && engagement.product !== product.id
      ? listError(INCONSISTENT + 'the engagement does not belong to the specified product.')
      : null
  }
  if (!product && !raw.product_type_name) {
    return listError(`Product "${raw.product_name}" does not exist and no product_type_name provided to create the new product in`)
  }
  return null
}

// ---------------------------------------------------------------------------------------------------------
// Step 3 of §b: serializer field validation with DRF's multipart rules (§0, §a)
// ---------------------------------------------------------------------------------------------------------

const STARTED = new Date().toISOString()

/** The stand-in's only user: the token's owner, a superuser (so no permission step ever says no). */
const USER = {
  id: 1, username: 'admin', first_name: 'Admin', last_name: 'User', email: 'admin@defectdojo.local',
  date_joined: STARTED, last_login: STARTED, is_active: true, is_staff: true, is_superuser: true,
  token_last_reset: null, password_last_reset: null, configuration_permissions: [] as number[],
}

type FieldKind = 'bool' | 'choice' | 'date' | 'char' | 'url' | 'pk' | 'tags' | 'file' | 'computed'

interface FieldSpec {
  name: string
  kind: FieldKind
  /** Value when omitted in multipart; undefined = absent from the validated data (and the echo). */
  default?: unknown
  required?: boolean
  choices?: readonly string[]
  /** Which rows a primary-key field refers to ('none': no such rows exist in the stand-in). */
  pkOf?: 'user' | 'engagement' | 'test' | 'none'
}

const computed = (...names: string[]): FieldSpec[] => names.map((name) => ({ name, kind: 'computed' }))

/** CommonImportScanSerializer in declaration order; read-only keys sit where DRF renders them (§c example). */
const COMMON_FIELDS: FieldSpec[] = [
  { name: 'scan_date', kind: 'date' },
  { name: 'minimum_severity', kind: 'choice', choices: SEVERITIES, default: 'Info' },
  { name: 'active', kind: 'bool' },
  { name: 'verified', kind: 'bool' },
  { name: 'endpoint_to_add', kind: 'pk', pkOf: 'none', default: null },
  { name: 'file', kind: 'file' },
  { name: 'product_type_name', kind: 'char' },
  { name: 'product_name', kind: 'char' },
  { name: 'engagement_name', kind: 'char' },
  { name: 'engagement_end_date', kind: 'date' },
  { name: 'source_code_management_uri', kind: 'url' },
  { name: 'test_title', kind: 'char' },
  { name: 'auto_create_context', kind: 'bool' },
  { name: 'deduplication_on_engagement', kind: 'bool' },
  { name: 'lead', kind: 'pk', pkOf: 'user', default: null },
  { name: 'push_to_jira', kind: 'bool', default: false },
  { name: 'deduplication_execution_mode', kind: 'choice', choices: DEDUPLICATION_MODES },
  { name: 'environment', kind: 'char' },
  { name: 'build_id', kind: 'char' },
  { name: 'branch_tag', kind: 'char' },
  { name: 'commit_hash', kind: 'char' },
  { name: 'api_scan_configuration', kind: 'pk', pkOf: 'none', default: null },
  { name: 'service', kind: 'char' },
  { name: 'group_by', kind: 'choice', choices: GROUP_BY_CHOICES },
  { name: 'create_finding_groups_for_all_findings', kind: 'bool', default: true },
  ...computed('test_id', 'engagement_id', 'product_id', 'product_type_id', 'statistics', 'pro', 'deduplication_complete'),
  { name: 'apply_tags_to_findings', kind: 'bool' },
  { name: 'apply_tags_to_endpoints', kind: 'bool' },
]

const SCAN_TYPE_FIELD: FieldSpec = { name: 'scan_type', kind: 'choice', choices: SCAN_TYPES, required: true }

/** §a: ImportScanSerializer / ReImportScanSerializer extras, with their different close_old_findings defaults. */
const FIELDS: Record<UploadEndpoint, FieldSpec[]> = {
  'import-scan': [
    ...COMMON_FIELDS,
    SCAN_TYPE_FIELD,
    { name: 'engagement', kind: 'pk', pkOf: 'engagement' },
    { name: 'tags', kind: 'tags' },
    { name: 'close_old_findings', kind: 'bool', default: false },
    { name: 'close_old_findings_product_scope', kind: 'bool', default: false },
    { name: 'version', kind: 'char' },
    ...computed('test'),
  ],
  'reimport-scan': [
    ...COMMON_FIELDS,
    { name: 'do_not_reactivate', kind: 'bool', default: false },
    SCAN_TYPE_FIELD,
    { name: 'test', kind: 'pk', pkOf: 'test' },
    { name: 'close_old_findings', kind: 'bool', default: true },
    { name: 'close_old_findings_product_scope', kind: 'bool', default: false },
    { name: 'version', kind: 'char' },
    { name: 'tags', kind: 'tags' },
  ],
}

const TRUE_VALUES = ['true', 't', 'yes', 'y', 'on', '1']
const FALSE_VALUES = ['false', 'f', 'no', 'n', 'off', '0']

type FieldResult = { value: unknown } | { skip: true } | { errors: ErrorDetail[] }
const fail = (text: string, code = 'invalid'): FieldResult => ({ errors: [{ text, code }] })

/** DRF's multipart get_value + run_validation for one field. */
function validateField(spec: FieldSpec, fields: Record<string, string[]>, file: UploadedFile | null, state: DojoState): FieldResult {
  if (spec.kind === 'file') return validateFile(fields, file)
  const values = fields[spec.name]
  if (spec.kind === 'tags') return values === undefined ? { skip: true } : validateTags(values)
  const value = values?.at(-1)
  if (value === undefined || (value === '' && !spec.required)) {
    if (spec.required) return fail('This field is required.', 'required')
    if (spec.default !== undefined) return { value: spec.default }
    // An omitted boolean becomes false (BooleanField.default_empty_html); an empty one is "not sent".
    return spec.kind === 'bool' && value === undefined ? { value: false } : { skip: true }
  }
  switch (spec.kind) {
    case 'bool': return parseBoolean(value)
    case 'choice': return spec.choices?.includes(value) ? { value } : fail(`"${value}" is not a valid choice.`, 'invalid_choice')
    case 'date': return validateDate(spec.name, value)
    case 'char': return value.trim() === '' ? fail('This field may not be blank.', 'blank') : { value: value.trim() }
    case 'url': return validateUrl(value)
    case 'pk': return validatePk(spec, value, state)
    default: return { skip: true }
  }
}

function parseBoolean(value: string): FieldResult {
  const lower = value.toLowerCase()
  if (TRUE_VALUES.includes(lower)) return { value: true }
  if (FALSE_VALUES.includes(lower)) return { value: false }
  return fail('Must be a valid boolean.')
}

function validateDate(name: string, value: string): FieldResult {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null
  if (!m || !date || date.getMonth() !== Number(m[2]) - 1 || date.getDate() !== Number(m[3])) {
    return fail('Date has wrong format. Use one of these formats instead: YYYY-MM-DD.')
  }
  const normalized = isoDate(date)
  // §a scan_date: must not be after the server's local date.
  if (name === 'scan_date' && normalized > today()) return fail('The scan_date cannot be in the future!')
  return { value: normalized }
}

function validateUrl(value: string): FieldResult {
  const trimmed = value.trim()
  if (trimmed === '') return fail('This field may not be blank.', 'blank')
  const errors: ErrorDetail[] = []
  if (trimmed.length > 600) errors.push({ text: 'Ensure this field has no more than 600 characters.', code: 'max_length' })
  if (!isWebUrl(trimmed)) errors.push({ text: 'Enter a valid URL.', code: 'invalid' })
  return errors.length ? { errors } : { value: trimmed }
}

/** Roughly Django's URLValidator: an http(s)/ftp(s) URL with a host. */
function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return /^(https?|ftps?):$/.test(url.protocol) && url.hostname !== ''
  } catch {
    return false
  }
}

function validatePk(spec: FieldSpec, value: string, state: DojoState): FieldResult {
  if (!/^\s*[+-]?\d+\s*$/.test(value)) return fail('Incorrect type. Expected pk value, received str.', 'incorrect_type')
  const id = Number(value)
  const exists = spec.pkOf === 'user' ? id === USER.id
    : spec.pkOf === 'engagement' ? byId(state.engagements, id) !== undefined
      : spec.pkOf === 'test' ? byId(state.tests, id) !== undefined
        : false
  return exists ? { value: id } : fail(`Invalid pk "${value}" - object does not exist.`, 'does_not_exist')
}

/** §0 tags: repeated or comma-separated; no spaces, commas or quotes in a piece (TagListSerializerField). */
function validateTags(values: string[]): FieldResult {
  if (values.length === 1 && values[0] === '') return { value: [] }
  const tags: string[] = []
  for (const value of values) {
    if (value.trim() === '') return fail('This field may not be blank.', 'blank')
    for (const piece of value.match(/(?:"[^"]*"|[^",]+)/g) ?? []) {
      if (/[ ,'"]/.test(piece)) return fail(`Invalid tag: '${piece}'. Tags should not contain spaces, commas, or quotes.`)
      tags.push(piece)
    }
  }
  return { value: tags }
}

/** §0 file: extension allow-list on the last suffix, case-insensitive (ImporterFileExtensionValidator). */
function validateFile(fields: Record<string, string[]>, file: UploadedFile | null): FieldResult {
  if (!file) {
    const text = fields.file?.at(-1)
    if (text === undefined || text === '') return { skip: true }
    return fail('The submitted data was not a file. Check the encoding type on the form.')
  }
  const dot = file.filename.lastIndexOf('.')
  const extension = dot > 0 ? file.filename.slice(dot + 1).toLowerCase() : ''
  if (!ALLOWED_EXTENSIONS.includes(extension)) {
    return fail(`File extension “${extension}” is not allowed. Allowed extensions are: ${ALLOWED_EXTENSIONS.join(', ')}.`, 'invalid_extension')
  }
  return { value: file }
}

/** The validated request, typed for the importer. `data` is what DRF would echo (minus the file). */
interface ImportInput {
  endpoint: UploadEndpoint
  data: Record<string, unknown>
  file: UploadedFile | null
  scanType: string
  minimumSeverity: Severity
  /** null = not forced: the importer checks `"active" in initial_data` (§0). */
  active: boolean | null
  verified: boolean | null
  productTypeName?: string
  productName?: string
  engagementName?: string
  engagementId?: number
  testId?: number
  testTitle?: string
  autoCreate: boolean
  environment?: string
  lead: number | null
  scanDate?: string
  engagementEndDate?: string
  scmUri?: string
  deduplicationOnEngagement: boolean
  /** §a pitfall: "" when omitted, and still written to the test. */
  meta: { version: string; branch_tag: string; build_id: string; commit_hash: string }
  tags?: string[]
  service?: string
  closeOldFindings: boolean
  closeOldFindingsProductScope: boolean
  doNotReactivate: boolean
}

type Validation = { input: ImportInput } | { answer: Answer }

function validateUpload(endpoint: UploadEndpoint, fields: Record<string, string[]>, file: UploadedFile | null, state: DojoState, maxFileMb: number): Validation {
  const data: Record<string, unknown> = {}
  const errors: FieldErrors = new Map()
  for (const spec of FIELDS[endpoint]) {
    if (spec.kind === 'computed') continue
    const result = validateField(spec, fields, file, state)
    if ('errors' in result) errors.set(spec.name, result.errors)
    else if ('value' in result) data[spec.name] = result.value
  }
  if (errors.size) return { answer: fieldErrorAnswer(errors) }
  // CommonImportScanSerializer.validate(): non-field errors, only once every field is valid.
  const scanType = String(data.scan_type)
  const nonField = (text: string): Validation => ({ answer: fieldErrorAnswer(new Map([['non_field_errors', [{ text, code: 'invalid' }]]])) })
  const upload = data.file as UploadedFile | undefined
  if (!upload && !API_SCAN_TYPES.includes(scanType)) return nonField(`Uploading a Report File is required for ${scanType}`)
  if (upload && upload.size / MiB > maxFileMb) return nonField(`Report file is too large. Maximum supported size is ${maxFileMb} MB`)
  delete data.file // setup_common_context pops it: the file is never echoed (§c)
  return { input: toImportInput(endpoint, data, fields, upload ?? null) }
}

function toImportInput(endpoint: UploadEndpoint, data: Record<string, unknown>, fields: Record<string, string[]>, file: UploadedFile | null): ImportInput {
  const str = (name: string): string | undefined => (typeof data[name] === 'string' ? (data[name] as string) : undefined)
  const num = (name: string): number | undefined => (typeof data[name] === 'number' ? (data[name] as number) : undefined)
  // Sent (even empty) means "in initial_data"; an empty value then forces None, i.e. nothing (§0).
  const forced = (name: string): boolean | null => (name in fields && typeof data[name] === 'boolean' ? (data[name] as boolean) : null)
  return {
    endpoint, data, file,
    scanType: String(data.scan_type),
    minimumSeverity: (str('minimum_severity') ?? 'Info') as Severity,
    active: forced('active'),
    verified: forced('verified'),
    productTypeName: str('product_type_name'),
    productName: str('product_name'),
    engagementName: str('engagement_name'),
    engagementId: endpoint === 'import-scan' ? num('engagement') : undefined,
    testId: endpoint === 'reimport-scan' ? num('test') : undefined,
    testTitle: str('test_title'),
    autoCreate: data.auto_create_context === true,
    environment: str('environment'),
    lead: num('lead') ?? null,
    scanDate: str('scan_date'),
    engagementEndDate: str('engagement_end_date'),
    scmUri: str('source_code_management_uri'),
    deduplicationOnEngagement: data.deduplication_on_engagement === true,
    meta: { version: str('version') ?? '', branch_tag: str('branch_tag') ?? '', build_id: str('build_id') ?? '', commit_hash: str('commit_hash') ?? '' },
    tags: Array.isArray(data.tags) ? (data.tags as string[]) : undefined,
    service: str('service'),
    closeOldFindings: data.close_old_findings === true,
    closeOldFindingsProductScope: data.close_old_findings_product_scope === true,
    doNotReactivate: data.do_not_reactivate === true,
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report parsing: a {key, severity} per finding for a handful of scan types; anything else has 0 findings
// ---------------------------------------------------------------------------------------------------------

interface ParsedFinding { key: string; severity: Severity }
interface ParsedReport { findings: ParsedFinding[]; testTypeName?: string }
type ReportResult = (ParsedReport & { error?: undefined }) | { error: Answer; findings?: undefined; testTypeName?: undefined }

const PARSERS: Record<string, (text: string) => ParsedReport> = {
  'Gitleaks Scan': parseGitleaks,
  'Semgrep JSON Report': parseSemgrep,
  'Trivy Scan': parseTrivy,
  'SARIF': parseSarif,
  'Bandit Scan': parseBandit,
  'ZAP Scan': parseZap,
}

function parseReport(scanType: string, file: UploadedFile | null): ReportResult {
  try {
    // The ZAP parser checks the upload's name before reading it (§0).
    if (scanType === 'ZAP Scan' && file && !file.filename.endsWith('.xml')) {
      throw new PyValueError('Internal error: Wrong file format, please use xml.')
    }
    const parse = PARSERS[scanType]
    // Files too big to keep were only hashed: they count as 0 findings.
    if (!parse || !file || file.bytes === null) return { findings: [] }
    const text = file.bytes.toString('utf8').replace(/^\uFEFF/, '')
    // §d: an empty report is 201 with zero findings.
    if (text.trim() === '') return { findings: [] }
    return parse(text)
  } catch (error) {
    // §d: a parser ValueError is a 400 {"message": "['…']"}; anything else escapes as a 500.
    if (error instanceof PyValueError) return { error: djangoError(error.message) }
    return { error: serverError() }
  }
}

/** json.load, with Python's JSONDecodeError wording (positions approximate V8's). */
function loadJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    const at = /at position (\d+)/.exec(message)
    const pos = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : text.length - text.trimStart().length
    const before = text.slice(0, pos)
    const line = before.split('\n').length
    const column = pos - before.lastIndexOf('\n')
    const what = PY_JSON_ERRORS.find(([v8]) => v8.test(message))?.[1] ?? 'Expecting value'
    throw new PyValueError(`${what}: line ${line} column ${column} (char ${pos})`)
  }
}

/** V8's JSON.parse wording → Python's json.JSONDecodeError wording. */
const PY_JSON_ERRORS: Array<[RegExp, string]> = [
  [/after JSON/, 'Extra data'],
  [/Expected property name/, 'Expecting property name enclosed in double quotes'],
  [/Expected ','/, "Expecting ',' delimiter"],
  [/Expected ':'/, "Expecting ':' delimiter"],
  [/Unterminated string/, 'Unterminated string starting at'],
  [/Bad control character/, 'Invalid control character at'],
]

const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : [])

function severityFrom(value: unknown, table: Record<string, Severity>, fallback: Severity = 'Info'): Severity {
  return table[asText(value).toUpperCase()] ?? fallback
}
const UPPER_SEVERITY: Record<string, Severity> = { CRITICAL: 'Critical', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low', UNKNOWN: 'Info', INFO: 'Info' }

function parseGitleaks(text: string): ParsedReport {
  const data = loadJson(text)
  if (data === null) return { findings: [] } // "null = empty" (scan-types.tsv)
  if (!Array.isArray(data)) throw new ParserCrash('a JSON object instead of an array fails (500)')
  return {
    findings: data.map((item) => {
      if (!isRecord(item)) throw new ParserCrash('not an object')
      const key = item.Fingerprint !== undefined ? asText(item.Fingerprint)
        : [item.RuleID ?? item.rule, item.File ?? item.file, item.StartLine ?? item.lineNumber].map(asText).join('|')
      return { key, severity: 'High' as Severity }
    }),
  }
}

function parseSemgrep(text: string): ParsedReport {
  const data = loadJson(text)
  // Without "results" (e.g. a SARIF file) the parser yields nothing (scan-types.tsv).
  const results = isRecord(data) ? records(data.results) : []
  const table: Record<string, Severity> = { ...UPPER_SEVERITY, ERROR: 'High', WARNING: 'Medium', INFO: 'Low' }
  return {
    findings: results.map((r) => {
      const start = isRecord(r.start) ? r.start : {}
      const extra = isRecord(r.extra) ? r.extra : {}
      return { key: [r.check_id, r.path, start.line].map(asText).join('|'), severity: severityFrom(extra.severity, table) }
    }),
  }
}

function parseTrivy(text: string): ParsedReport {
  const data = loadJson(text)
  if (Array.isArray(data)) return { findings: trivyResults(records(data), '') } // legacy list
  if (!isRecord(data)) throw new ParserCrash('not an object')
  if (data.SchemaVersion === 2) return { findings: trivyResults(records(data.Results), '') }
  if (data.ClusterName !== undefined) {
    const resources = ['Vulnerabilities', 'Misconfigurations', 'Resources'].flatMap((k) => records(data[k]))
    return { findings: resources.flatMap((r) => trivyResults(records(r.Results), `${asText(r.Namespace)}/${asText(r.Kind)}/${asText(r.Name)}|`)) }
  }
  throw new PyValueError('Schema of Trivy json report is not supported')
}

function trivyResults(results: Record<string, unknown>[], prefix: string): ParsedFinding[] {
  return results.flatMap((result) => [
    ...records(result.Vulnerabilities).map((v) => ({
      key: prefix + [v.VulnerabilityID, v.PkgName, v.InstalledVersion].map(asText).join('|'),
      severity: severityFrom(v.Severity, UPPER_SEVERITY),
    })),
    ...records(result.Misconfigurations).map((m) => ({
      key: prefix + [m.ID, result.Target].map(asText).join('|'), severity: severityFrom(m.Severity, UPPER_SEVERITY),
    })),
    ...records(result.Secrets).map((s) => ({
      key: prefix + [s.RuleID, result.Target, s.StartLine].map(asText).join('|'), severity: severityFrom(s.Severity, UPPER_SEVERITY),
    })),
  ])
}

function parseSarif(text: string): ParsedReport {
  const data = loadJson(text)
  if (!isRecord(data)) throw new ParserCrash('not an object')
  const runs = records(data.runs) // no "runs" → 0 findings
  const levels: Record<string, Severity> = { ERROR: 'High', WARNING: 'Medium', NOTE: 'Low', NONE: 'Info' }
  const findings = runs.flatMap((run) => records(run.results).map((r) => {
    const location = records(r.locations)[0]
    const physical = location && isRecord(location.physicalLocation) ? location.physicalLocation : {}
    const artifact = isRecord(physical.artifactLocation) ? physical.artifactLocation : {}
    const region = isRecord(physical.region) ? physical.region : {}
    const rule = isRecord(r.rule) ? r.rule : {}
    return {
      key: [r.ruleId ?? rule.id, artifact.uri, region.startLine].map(asText).join('|'),
      severity: severityFrom(r.level ?? 'warning', levels, 'Medium'),
    }
  }))
  // §b: the Test_Type of a SARIF test is "<driver name> Scan (SARIF)".
  const first = runs[0]
  const tool = first && isRecord(first.tool) && isRecord(first.tool.driver) ? first.tool.driver : {}
  return { findings, testTypeName: tool.name ? `${asText(tool.name)} Scan (SARIF)` : undefined }
}

function parseBandit(text: string): ParsedReport {
  const data = loadJson(text)
  // Needs a top-level "results" (missing → 500, scan-types.tsv).
  if (!isRecord(data) || !Array.isArray(data.results)) throw new ParserCrash('KeyError: results')
  return {
    findings: records(data.results).map((r) => ({
      key: [r.test_id, r.filename, r.line_number].map(asText).join('|'),
      severity: severityFrom(r.issue_severity, UPPER_SEVERITY),
    })),
  }
}

function parseZap(text: string): ParsedReport {
  // An XML ParseError is a SyntaxError in Python, which the importer does not catch: 500 (§d).
  if (!looksLikeXml(text)) throw new ParserCrash('ParseError')
  const risk: Record<string, Severity> = { 3: 'High', 2: 'Medium', 1: 'Low', 0: 'Info' }
  const findings: ParsedFinding[] = []
  for (const match of text.matchAll(/<alertitem\b[^>]*>([\s\S]*?)<\/alertitem>/g)) {
    const block = match[1] ?? ''
    const tag = (name: string): string => new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(block)?.[1]?.trim() ?? ''
    findings.push({ key: `${tag('pluginid')}|${tag('uri')}`, severity: risk[tag('riskcode')] ?? 'Info' })
  }
  return { findings }
}

/** A cheap well-formedness check: a root element that is closed. */
function looksLikeXml(text: string): boolean {
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '').trim()
  const root = /^<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/.exec(body)
  if (!root) return false
  return root[2] === '/' ? body.endsWith('>') : new RegExp(`</${root[1]}\\s*>$`).test(body)
}

// ---------------------------------------------------------------------------------------------------------
// The importer: step 4 of §b (save → import / reimport), statistics of §c
// ---------------------------------------------------------------------------------------------------------

interface Ctx {
  server: DojoServer
  state: DojoState
  token: string
  latencyMs: number
  raceWindowMs: number
  keepFileBytesUpTo: number
  maxFileMb: number
  pathPrefix: string
  faultCounts: WeakMap<Fault, number>
  sleep(ms: number): Promise<void>
}

type StatusCounts = Record<(typeof STATUS_FIELDS)[number] | 'total', number>
type SeverityStatistics = Record<Lowercase<Severity> | 'total', StatusCounts>

/** §c shape S: counts per severity and in total over the given findings, in their current state. */
function statistics(findings: readonly DojoFinding[]): SeverityStatistics {
  const zero = (): StatusCounts => ({ active: 0, verified: 0, duplicate: 0, false_p: 0, out_of_scope: 0, is_mitigated: 0, risk_accepted: 0, total: 0 })
  const out = { info: zero(), low: zero(), medium: zero(), high: zero(), critical: zero(), total: zero() }
  for (const finding of findings) {
    for (const bucket of [out[finding.severity.toLowerCase() as Lowercase<Severity>], out.total]) {
      bucket.total += 1
      for (const flag of STATUS_FIELDS) if (finding[flag]) bucket[flag] += 1
    }
  }
  return out
}

const atLeast = (severity: Severity, minimum: Severity): boolean => SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(minimum)

/** setup_common_context: the environment must exist unless auto_create_context (then get-or-create). */
function environmentFor(state: DojoState, input: ImportInput): DojoEnvironment | Answer {
  const name = input.environment ?? 'Development'
  const found = state.environments.find((e) => e.name === name)
  if (found) return found
  if (input.autoCreate) {
    const created = { id: nextId(state, 'environment'), name }
    state.environments.push(created)
    return created
  }
  // DefectDojo concatenates the *sent* value into the message: None when omitted → TypeError → 500.
  if (input.environment === undefined) return serverError()
  return djangoError(`Environment named ${name} does not exist.`)
}

/** auto_create_context.get_or_create_engagement (and the product / product type it needs). */
function getOrCreateEngagement(state: DojoState, input: ImportInput): DojoEngagement {
  const product = findProduct(state, input.productName, input.productTypeName)
  const existing = findEngagement(state, input.engagementId === undefined ? undefined : String(input.engagementId), input.engagementName, product)
  if (existing) return existing
  if (!input.autoCreate) throw new PyValueError('auto_create_context not True, unable to create non-existing engagement')
  const start = today()
  const end = input.engagementEndDate && input.engagementEndDate >= start ? input.engagementEndDate : addDays(start, 365)
  const engagement: DojoEngagement = {
    id: nextId(state, 'engagement'), product: (product ?? createProduct(state, input)).id, name: input.engagementName ?? '',
    engagement_type: 'CI/CD', status: 'In Progress', target_start: start, target_end: end,
    deduplication_on_engagement: input.deduplicationOnEngagement, source_code_management_uri: input.scmUri ?? null,
  }
  state.engagements.push(engagement)
  return engagement
}

function createProduct(state: DojoState, input: ImportInput): DojoProduct {
  const typeName = input.productTypeName ?? ''
  let productType = findProductType(state, typeName)
  if (!productType) {
    productType = { id: nextId(state, 'productType'), name: typeName }
    state.productTypes.push(productType)
  }
  const name = input.productName ?? ''
  const product = { id: nextId(state, 'product'), name, description: name, prod_type: productType.id }
  state.products.push(product)
  return product
}

function testTypeId(state: DojoState, name: string): number {
  const existing = state.testTypes.find((t) => t.name === name)
  if (existing) return existing.id
  const created = { id: nextId(state, 'testType'), name, static_tool: false, dynamic_tool: false, active: true }
  state.testTypes.push(created)
  return created.id
}

function createTest(state: DojoState, engagement: DojoEngagement, environment: DojoEnvironment, input: ImportInput, testTypeName: string): DojoTest {
  const when = input.scanDate ? new Date(`${input.scanDate}T00:00:00`).toISOString() : new Date().toISOString()
  const test: DojoTest = {
    id: nextId(state, 'test'), engagement: engagement.id, title: input.testTitle ?? null, scan_type: input.scanType,
    test_type: testTypeId(state, testTypeName), test_type_name: testTypeName, environment: environment.id, lead: input.lead,
    ...input.meta, tags: (input.tags ?? []).map((t) => t.toLowerCase()),
    target_start: when, target_end: when, created: new Date().toISOString(), updated: new Date().toISOString(),
    findings: [], imports: [],
  }
  state.tests.push(test)
  return test
}

function newFinding(state: DojoState, parsed: ParsedFinding, input: ImportInput): DojoFinding {
  return {
    id: nextId(state, 'finding'), key: parsed.key, severity: parsed.severity,
    active: input.active ?? true, verified: input.verified ?? false,
    duplicate: false, false_p: false, out_of_scope: false, is_mitigated: false, risk_accepted: false,
    service: input.service ?? null,
  }
}

const mitigate = (finding: DojoFinding): void => { finding.active = false; finding.is_mitigated = true }

/** A new test from the report (import-scan, or a reimport that found no test). */
function importInto(ctx: Ctx, engagement: DojoEngagement, environment: DojoEnvironment, input: ImportInput, report: ReportResult, closeOld: boolean): Answer {
  const { state } = ctx
  const dynamic = DYNAMIC_SCAN_TYPES.includes(input.scanType)
  if (report.error) {
    // §d: static parsers get their Test before parsing, so it stays behind (empty); dynamic ones parse first.
    if (!dynamic) createTest(state, engagement, environment, input, input.scanType)
    return report.error
  }
  const test = createTest(state, engagement, environment, input, report.testTypeName ?? input.scanType)
  const created = report.findings.filter((f) => atLeast(f.severity, input.minimumSeverity)).map((f) => newFinding(state, f, input))
  test.findings.push(...created)
  if (closeOld) closeOldFindingsAfterImport(state, test, engagement, input)
  touchEngagement(engagement, input)
  test.imports.push({ type: 'import', ...input.meta, created: created.length, closed: 0, reactivated: 0, untouched: 0 })
  return success(state, input, test, { after: statistics(test.findings) })
}

/** import-scan close_old_findings: same test type, same engagement (or product), absent hash, same service (§a). */
function closeOldFindingsAfterImport(state: DojoState, test: DojoTest, engagement: DojoEngagement, input: ImportInput): void {
  const keys = new Set(test.findings.map((f) => f.key))
  const inScope = (other: DojoTest): boolean => {
    if (other.id === test.id || other.test_type !== test.test_type) return false
    if (!input.closeOldFindingsProductScope) return other.engagement === engagement.id
    return byId(state.engagements, other.engagement)?.product === engagement.product
  }
  for (const other of state.tests.filter(inScope)) {
    for (const finding of other.findings) {
      if (!finding.is_mitigated && finding.service === (input.service ?? null) && !keys.has(finding.key)) mitigate(finding)
    }
  }
}

/** Into an existing test: match by key, create / reactivate / close, and report before, delta, after (§c, §e). */
function reimportInto(ctx: Ctx, test: DojoTest, input: ImportInput, report: ReportResult): Answer {
  const { state } = ctx
  if (report.error) return report.error // parsing precedes matching: nothing changes (§d)
  const mismatch = testTypeMismatch(test, input, report)
  if (mismatch) return mismatch
  const before = statistics(test.findings)
  const original = [...test.findings]
  // Matching only looks at this test and, when `service` is sent, at that service (§e).
  const candidates = original.filter((f) => input.service === undefined || f.service === input.service)
  const matched = new Set<DojoFinding>()
  const created: DojoFinding[] = []
  const reactivated: DojoFinding[] = []
  const untouched: DojoFinding[] = []
  const seen = new Set<string>()
  for (const parsed of report.findings) {
    // Below minimum_severity the finding is dropped before matching (§a), so its old self looks gone.
    if (!atLeast(parsed.severity, input.minimumSeverity) || seen.has(parsed.key)) continue
    seen.add(parsed.key)
    const match = candidates.find((f) => f.key === parsed.key && !matched.has(f))
    if (!match) {
      created.push(newFinding(state, parsed, input))
      continue
    }
    matched.add(match)
    match.severity = parsed.severity
    if (!match.is_mitigated) untouched.push(match)
    else if (reactivate(match, input)) reactivated.push(match)
  }
  test.findings.push(...created)
  const closed = input.closeOldFindings ? closeUnmatched(original, matched, input) : []
  updateTestMeta(test, input)
  touchEngagement(byId(state.engagements, test.engagement), input)
  test.imports.push({ type: 'reimport', ...input.meta, created: created.length, closed: closed.length, reactivated: reactivated.length, untouched: untouched.length })
  const delta = { created: statistics(created), closed: statistics(closed), reactivated: statistics(reactivated), untouched: statistics(untouched) }
  return success(state, input, test, { before, delta, after: statistics(test.findings) })
}

/** A mitigated finding that reappears is reactivated unless do_not_reactivate or a triage status (§e). */
function reactivate(finding: DojoFinding, input: ImportInput): boolean {
  if (input.verified !== null) finding.verified = input.verified
  if (input.doNotReactivate || finding.false_p || finding.out_of_scope || finding.risk_accepted) return false
  finding.is_mitigated = false
  finding.active = true
  return true
}

/** close_old_findings on reimport: open findings of this test (same service, or none when not sent) absent from the report. */
function closeUnmatched(original: DojoFinding[], matched: Set<DojoFinding>, input: ImportInput): DojoFinding[] {
  const closed = original.filter((f) => !matched.has(f) && !f.is_mitigated && f.service === (input.service ?? null))
  closed.forEach(mitigate)
  return closed
}

/** §b: for dynamic parsers a report from another tool is rejected instead of closing everything. */
function testTypeMismatch(test: DojoTest, input: ImportInput, report: ReportResult): Answer | null {
  if (!DYNAMIC_SCAN_TYPES.includes(input.scanType) || !report.testTypeName || report.testTypeName === test.test_type_name) return null
  return djangoError(`Test type mismatch: Test ${test.id} has test_type '${test.test_type_name}', but the report contains test_type ` +
    `'${report.testTypeName}'. Reimport with matching test_type or create a new test.`)
}

/** §a pitfall: every reimport writes version/branch_tag/build_id/commit_hash ("" when omitted); tags replace when non-empty. */
function updateTestMeta(test: DojoTest, input: ImportInput): void {
  Object.assign(test, input.meta)
  if (input.tags && input.tags.length > 0) test.tags = input.tags.map((t) => t.toLowerCase())
  const scanned = input.scanDate ? new Date(`${input.scanDate}T00:00:00`).toISOString() : new Date().toISOString()
  if (scanned > test.target_end) test.target_end = scanned
  test.updated = new Date().toISOString()
}

/** A CI/CD engagement's target_end is pushed forward to the scan date (§b). */
function touchEngagement(engagement: DojoEngagement | undefined, input: ImportInput): void {
  const scanDay = input.scanDate ?? today()
  if (engagement && engagement.engagement_type === 'CI/CD' && scanDay > engagement.target_end) engagement.target_end = scanDay
}

/** The 201 body: the validated input echoed in declaration order plus the computed keys (§c). */
function success(state: DojoState, input: ImportInput, test: DojoTest, stats: Record<string, unknown>): Answer {
  const { engagement, product } = productOfTest(state, test)
  const values: Record<string, unknown> = {
    ...input.data,
    test: test.id, test_id: test.id, engagement_id: engagement?.id, product_id: product?.id, product_type_id: product?.prod_type,
    statistics: stats,
    deduplication_complete: input.data.deduplication_execution_mode === 'sync' || input.data.deduplication_execution_mode === 'async_wait',
  }
  if (PRO_SCAN_TYPES.includes(input.scanType)) {
    values.pro = [`Did you know, Pro has an automated no-code connector for ${input.scanType}? Try today for free or email us at hello@defectdojo.com`]
  }
  const body: Record<string, unknown> = {}
  for (const spec of FIELDS[input.endpoint]) if (spec.name in values) body[spec.name] = values[spec.name]
  return json(201, body)
}

/** Steps 2–4 of §b for one parsed upload. */
async function handleUpload(ctx: Ctx, endpoint: UploadEndpoint, body: Body): Promise<Answer> {
  if (body.kind === 'other') return detail(415, `Unsupported media type "${body.contentType}" in request.`)
  if (body.kind === 'multipart-error') return json(400, { detail: `Multipart form parse error - ${body.error ?? ''}` })
  const denied = checkPermission(ctx.state, endpoint, body.fields)
  if (denied) return denied
  const validation = validateUpload(endpoint, body.fields, body.file, ctx.state, ctx.maxFileMb)
  if ('answer' in validation) return validation.answer
  const { input } = validation
  return endpoint === 'import-scan' ? saveImport(ctx, input) : saveReimport(ctx, input)
}

function saveImport(ctx: Ctx, input: ImportInput): Answer {
  const environment = environmentFor(ctx.state, input)
  if ('status' in environment) return environment
  let engagement: DojoEngagement
  try {
    engagement = getOrCreateEngagement(ctx.state, input)
  } catch (error) {
    if (error instanceof PyValueError) return djangoError(error.message)
    throw error
  }
  // import-scan always creates a new test (§e caveat 3).
  return importInto(ctx, engagement, environment, input, parseReport(input.scanType, input.file), input.closeOldFindings)
}

async function saveReimport(ctx: Ctx, input: ImportInput): Promise<Answer> {
  const { state } = ctx
  const environment = environmentFor(state, input)
  if ('status' in environment) return environment
  let test: DojoTest | undefined
  try {
    const product = findProduct(state, input.productName, input.productTypeName)
    const engagement = findEngagement(state, undefined, input.engagementName, product)
    test = findTest(state, input.testId === undefined ? undefined : String(input.testId), input.testTitle, input.scanType, engagement)
  } catch (error) {
    if (error instanceof PyValueError) return djangoError(error.message)
    throw error
  }
  const report = parseReport(input.scanType, input.file)
  if (test) return reimportInto(ctx, test, input, report)
  // The permission step let a raw "false" through; the parsed value now says no (§b gotcha).
  if (!input.autoCreate) return detail(404, 'A test could not be found!')
  // §e caveat 2: nothing locks lookup-then-create, so concurrent first uploads can both create a test.
  if (ctx.raceWindowMs > 0) await ctx.sleep(ctx.raceWindowMs)
  let engagement: DojoEngagement
  try {
    engagement = getOrCreateEngagement(state, input)
  } catch {
    return serverError() // re-raised as a bare Exception in the reimport serializer
  }
  // A reimport that creates its test never closes old findings (§a).
  return importInto(ctx, engagement, environment, input, report, false)
}

// ---------------------------------------------------------------------------------------------------------
// Other endpoints (§g) and routing (§0)
// ---------------------------------------------------------------------------------------------------------

function userProfile(): unknown {
  return {
    user: USER,
    user_contact_info: {
      id: 1, user: USER.id, title: null, phone_number: '', cell_number: '', twitter_username: null, github_username: null,
      slack_username: null, slack_user_id: null, block_execution: false, force_password_reset: false,
    },
    global_role: null, dojo_group_member: [], product_type_member: [], product_member: [],
  }
}

function testDetail(test: DojoTest): unknown {
  return {
    id: test.id, tags: test.tags, test_type_name: test.test_type_name, finding_groups: [], scan_type: test.scan_type,
    title: test.title, description: null, target_start: test.target_start, target_end: test.target_end,
    estimated_time: null, actual_time: null, percent_complete: 100, updated: test.updated, created: test.created,
    version: test.version, build_id: test.build_id, commit_hash: test.commit_hash, branch_tag: test.branch_tag,
    engagement: test.engagement, lead: test.lead, test_type: test.test_type, environment: test.environment,
    api_scan_configuration: null, notes: [], files: [],
  }
}

/** §g: paginated with limit/offset (default 25), filter ?name=<exact>. */
function testTypesPage(state: DojoState, url: URL, base: string): unknown {
  const name = url.searchParams.get('name')
  const rows = state.testTypes.filter((t) => name === null || t.name === name)
  const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 25) || 25)
  const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0)
  const page = (o: number): string => {
    const next = new URL(url.pathname, base)
    if (name !== null) next.searchParams.set('name', name)
    next.searchParams.set('limit', String(limit))
    next.searchParams.set('offset', String(o))
    return next.toString()
  }
  return {
    count: rows.length,
    next: offset + limit < rows.length ? page(offset + limit) : null,
    previous: offset > 0 ? page(Math.max(0, offset - limit)) : null,
    results: rows.slice(offset, offset + limit),
  }
}

type Route =
  | { kind: 'upload'; endpoint: UploadEndpoint }
  | { kind: 'user_profile' }
  | { kind: 'tests'; id: string }
  | { kind: 'test_types' }
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' }

function apiRoute(path: string): Route | null {
  if (path === '/api/v2/import-scan/') return { kind: 'upload', endpoint: 'import-scan' }
  if (path === '/api/v2/reimport-scan/') return { kind: 'upload', endpoint: 'reimport-scan' }
  if (path === '/api/v2/user_profile/') return { kind: 'user_profile' }
  if (path === '/api/v2/test_types/') return { kind: 'test_types' }
  const test = /^\/api\/v2\/tests\/([^/.]+)\/$/.exec(path)
  return test ? { kind: 'tests', id: test[1] ?? '' } : null
}

/** Routes under the path prefix; a slash-less known path is Django's APPEND_SLASH 301 (§0). */
function routeOf(pathname: string, search: string, prefix: string): Route {
  if (!pathname.startsWith(`${prefix}/`)) return { kind: 'not_found' }
  const path = pathname.slice(prefix.length)
  const route = apiRoute(path)
  if (route) return route
  if (!path.endsWith('/') && apiRoute(`${path}/`)) return { kind: 'redirect', location: `${prefix}${path}/${search}` }
  return { kind: 'not_found' }
}

const ALLOWED_METHODS: Record<Route['kind'], string> = {
  upload: 'POST', user_profile: 'GET', tests: 'GET', test_types: 'GET', redirect: '', not_found: '',
}

function faultEndpoint(route: Route): FaultEndpoint | undefined {
  if (route.kind === 'upload') return route.endpoint
  if (route.kind === 'user_profile' || route.kind === 'tests' || route.kind === 'test_types') return route.kind
  return undefined
}

/** Every matching fault counts the request; the first one whose window [skip, skip+times) includes it applies. */
function pickFault(ctx: Ctx, endpoint: FaultEndpoint | undefined, method: string): Fault | undefined {
  let chosen: Fault | undefined
  for (const fault of ctx.server.faults) {
    const m = fault.match ?? {}
    if (m.endpoint !== undefined && m.endpoint !== endpoint) continue
    if (m.method !== undefined && m.method.toUpperCase() !== method) continue
    const seen = ctx.faultCounts.get(fault) ?? 0
    ctx.faultCounts.set(fault, seen + 1)
    const skip = fault.skip ?? 0
    if (!chosen && seen >= skip && seen < skip + (fault.times ?? 1)) chosen = fault
  }
  return chosen
}

async function dispatch(ctx: Ctx, route: Route, method: string, req: IncomingMessage, url: URL, body: Body): Promise<Answer> {
  if (route.kind === 'not_found') return detail(404, 'Not found.')
  // Django's CommonMiddleware answers before DRF authenticates.
  if (route.kind === 'redirect') return { status: 301, raw: '', contentType: 'text/html; charset=utf-8', headers: { Location: route.location } }
  const denied = authenticate(req.headers.authorization, ctx.token)
  if (denied) return denied
  if (method !== ALLOWED_METHODS[route.kind]) {
    return { ...detail(405, `Method "${method}" not allowed.`), headers: { Allow: `${ALLOWED_METHODS[route.kind]}, OPTIONS` } }
  }
  switch (route.kind) {
    case 'upload': return handleUpload(ctx, route.endpoint, body)
    case 'user_profile': return json(200, userProfile())
    case 'test_types': return json(200, testTypesPage(ctx.state, url, `http://${req.headers.host ?? '127.0.0.1'}`))
    case 'tests': {
      // DRF: a non-integer pk is a bare Http404, a missing row names the model.
      if (!/^\d+$/.test(route.id)) return detail(404, 'Not found.')
      const test = byId(ctx.state.tests, route.id)
      return test ? json(200, testDetail(test)) : detail(404, 'No Test matches the given query.')
    }
  }
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed || res.writableEnded) return
  const payload = answer.raw ?? JSON.stringify(answer.body ?? null)
  res.writeHead(answer.status, {
    'Content-Type': answer.contentType ?? 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    ...answer.headers,
  })
  res.end(payload)
}

function parseMaybeJson(text: string): unknown {
  try { return JSON.parse(text) } catch { return text }
}

async function handleRequest(ctx: Ctx, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = nowMs()
  const method = (req.method ?? 'GET').toUpperCase()
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const route = routeOf(url.pathname, url.search, ctx.pathPrefix)
  const fault = pickFault(ctx, faultEndpoint(route), method)
  const endpoint = route.kind === 'upload' && method === 'POST' ? route.endpoint : undefined
  const body = await readBody(req, { multipart: endpoint !== undefined, keepFileBytesUpTo: ctx.keepFileBytesUpTo, reset: fault?.action.kind === 'reset' })

  const record = (status: number, response: unknown): void => {
    ctx.server.requests.push({ method, path: url.pathname, status })
    if (!endpoint) return
    const file = body.file ? { filename: body.file.filename, contentType: body.file.contentType, size: body.file.size, sha256: body.file.sha256 } : null
    ctx.server.uploads.push({
      endpoint, fields: body.fields, file, status, response, startedAt, endedAt: nowMs(), authorization: req.headers.authorization, headers: { ...req.headers },
    })
  }
  const answer = (a: Answer): void => {
    send(res, a)
    record(a.status, a.raw !== undefined ? (a.raw === '' ? null : parseMaybeJson(a.raw)) : a.body)
  }

  // Faults sit in front of DefectDojo: a faulted upload never reaches the importer, so state is untouched.
  if (body.kind === 'reset' || body.kind === 'aborted') return record(0, null)
  const action = fault?.action
  if (action?.kind === 'hang') return record(0, null) // close() destroys the socket
  if (action?.kind === 'status') {
    return answer({ status: action.status, raw: action.body, contentType: action.contentType ?? 'application/json', headers: action.headers })
  }
  if (action?.kind === 'delay') await ctx.sleep(action.ms)
  if (endpoint && ctx.latencyMs > 0) await ctx.sleep(ctx.latencyMs)
  try {
    answer(await dispatch(ctx, route, method, req, url, body))
  } catch (error) {
    process.stderr.write(`dojo-server: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
    answer(serverError())
  }
}

// ---------------------------------------------------------------------------------------------------------
// Server lifecycle
// ---------------------------------------------------------------------------------------------------------

function initialState(environments: readonly string[]): DojoState {
  const state: DojoState = {
    productTypes: [], products: [], engagements: [], tests: [], environments: [], testTypes: [],
    lastIds: { productType: 0, product: 0, engagement: 0, test: 0, finding: 0, environment: 0, testType: 0 },
  }
  for (const name of environments) state.environments.push({ id: nextId(state, 'environment'), name })
  // §g: Test_Type is seeded with every registered scan type at startup.
  for (const name of SCAN_TYPES) state.testTypes.push({ id: nextId(state, 'testType'), name, static_tool: false, dynamic_tool: false, active: true })
  return state
}

function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/\/+$/, '')
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

export async function startDojoServer(options: DojoServerOptions = {}): Promise<DojoServer> {
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const pathPrefix = normalizePrefix(options.pathPrefix)
  const token = options.token ?? DEFAULT_TOKEN
  const state = initialState(options.environments ?? DEFAULT_ENVIRONMENTS)
  // Large uploads may be slow: no request timeout.
  const httpServer = createServer({ requestTimeout: 0 })
  const server: DojoServer = {
    url: '', token, uploads: [], requests: [], state, faults: [],
    close: () => new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      httpServer.close(() => resolve())
      // Ends hanging requests and idle keep-alive sockets so jest can exit.
      httpServer.closeAllConnections()
    }),
  }
  const ctx: Ctx = {
    server, state, token, pathPrefix,
    latencyMs: options.latencyMs ?? 0,
    raceWindowMs: options.raceWindowMs ?? 0,
    keepFileBytesUpTo: options.keepFileBytesUpTo ?? 32 * MiB,
    maxFileMb: options.maxFileMb ?? 100,
    faultCounts: new WeakMap(),
    // Timers are tracked so close() can drop pending latency/delay/race sleeps.
    sleep: (ms) => new Promise<void>((resolve) => {
      const timer = setTimeout(() => { timers.delete(timer); resolve() }, ms)
      timers.add(timer)
    }),
  }
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => { void handleRequest(ctx, req, res) })
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = httpServer.address() as AddressInfo
  server.url = `http://127.0.0.1:${port}${pathPrefix}`
  return server
}

// ---------------------------------------------------------------------------------------------------------
// CLI: node __tests__/support/dojo-server.ts [--port N] [--latency-ms N] [--token T] [--race-window-ms N] [--path-prefix P]
// ---------------------------------------------------------------------------------------------------------

function parseCliArgs(argv: string[]): DojoServerOptions {
  const options: DojoServerOptions = {}
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined) throw new Error(`${flag} needs a value`)
      return v
    }
    const number = (): number => {
      const n = Number(value())
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`)
      return n
    }
    if (flag === '--port') options.port = number()
    else if (flag === '--latency-ms') options.latencyMs = number()
    else if (flag === '--race-window-ms') options.raceWindowMs = number()
    else if (flag === '--token') options.token = value()
    else if (flag === '--path-prefix') options.pathPrefix = value()
    else throw new Error(`unknown argument: ${flag}`)
  }
  return options
}

async function main(): Promise<void> {
  let options: DojoServerOptions
  try {
    options = parseCliArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`dojo-server: ${error instanceof Error ? error.message : String(error)}\n` +
      'usage: node __tests__/support/dojo-server.ts [--port N] [--latency-ms N] [--token T] [--race-window-ms N] [--path-prefix P]\n')
    process.exit(2)
  }
  const server = await startDojoServer(options)
  process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token })}\n`)
  const stop = (): void => { void server.close().then(() => process.exit(0)) }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

const invokedDirectly = import.meta.main === true ||
  (process.argv[1] !== undefined && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url))
if (invokedDirectly) void main()
