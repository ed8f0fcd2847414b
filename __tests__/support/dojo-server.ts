/**
 * A DefectDojo API stand-in on 127.0.0.1 for end-to-end tests, the demo and the benchmark.
 *
 * It speaks DefectDojo's wire protocol for import-scan / reimport-scan and enforces the contract written down
 * in docs/defectdojo-api.md (sections are cited as §0, §a … §k). Exact error texts, status codes, body
 * shapes, defaults and the order of checks follow that document; where DefectDojo's behaviour is an
 * inference there, so is ours. Where the document is silent, DefectDojo 3.2.0's source decides (the same
 * commit the document cites; paths such as `dojo/test/api/filters.py` are paths in that repository).
 *
 * Besides the uploads it answers the read-only lookups of §i and §k (product_types, products, engagements,
 * tests, test_imports, findings: paginated lists with DefectDojo's filters), keeps the import history of
 * §k (one Test_Import row per import or reimport, with its finding actions N/C/R/U), can make the importer
 * work for a while after the context exists (`importMs`, §d/§e: the window in which a proxy gives up while
 * DefectDojo goes on), logs the duplicates the §e caveat-2 race creates (`anomalies`), and can deny or
 * empty the listings (`listing`, §i).
 *
 * Runs under jest (ts-jest ESM) and directly with Node 24 type stripping:
 *   node __tests__/support/dojo-server.ts [--port N] [--latency-ms N] [--token T] [--race-window-ms N] [--import-ms N]
 *     [--listing allowed|forbidden|empty] [--path-prefix P]
 * which prints one JSON line {"url","token"} on stdout and serves until SIGTERM/SIGINT.
 * Only erasable TypeScript syntax is used on purpose (no enums, namespaces or parameter properties).
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deduplicate, triage, type Triage } from './dojo-dedup.ts'
import busboy from 'busboy'
import { API_SCAN_TYPES, SCAN_TYPES } from '../../src/scan-types.ts'
import { ReimportCandidates, compareForReimport, computeHashCode, deduplicationAlgorithm, hashCodeFields } from './dojo-fingerprint.ts'
import type { DeduplicationAlgorithm } from './dojo-fingerprint.ts'
import { PARSERS, PyValueError } from './dojo-parsers.ts'
import type { ParsedFinding, ParsedReport, Severity } from './dojo-parsers.ts'
import { storedTitle } from './dojo-titlecase.ts'

export type { Severity }

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
const SEVERITIES: readonly Severity[] = ['Info', 'Low', 'Medium', 'High', 'Critical']

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
/**
 * The read-only list endpoints of §i and §k:
 *   product_types  GET /api/v2/product_types/     products  GET /api/v2/products/
 *   engagements    GET /api/v2/engagements/       tests_list GET /api/v2/tests/ (the list; `tests` is GET /api/v2/tests/{id}/)
 *   test_imports   GET /api/v2/test_imports/      findings  GET /api/v2/findings/
 */
export type ListEndpoint = 'product_types' | 'products' | 'engagements' | 'tests_list' | 'test_imports' | 'findings'
/** What a fault's `match.endpoint` names: the uploads, `user_profile`, `tests` (GET /api/v2/tests/{id}/), `test_types`, and every ListEndpoint. */
export type FaultEndpoint = UploadEndpoint | 'user_profile' | 'tests' | 'test_types' | ListEndpoint
/** §i: what the token may see in the list endpoints (uploads are never affected). */
export type ListingPermission = 'allowed' | 'forbidden' | 'empty'

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
  /**
   * Set when the client had gone before the answer could be sent (status is then 0, response null): what
   * the stand-in would have answered. The import's state changes are kept either way (§e: DefectDojo does
   * not notice a client that left).
   */
  unsent?: { status: number; response: unknown }
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
  /** Finding.hash_code: sha256 over the test's hash_code fields (dojo-fingerprint.ts). */
  hash_code: string
  /** The scanner's own id for the finding (SARIF fingerprints, Semgrep's fingerprint), else null. */
  unique_id_from_tool: string | null
  /** The scanner's rule id (Bandit "exec_used:B102", SARIF ruleId…), else null. */
  vuln_id_from_tool: string | null
  /** 0 when the parser gave none. */
  cwe: number
  description: string
  component_name: string | null
  component_version: string | null
  static_finding: boolean
  dynamic_finding: boolean
  /** The title as DefectDojo stores it: the parser's, title-cased by Finding.save() ("Use of Exec Detected."). */
  title: string
  /** The test it belongs to. */
  test: number
  /** `date`: the scan_date sent, else the day it was created (YYYY-MM-DD). */
  date: string
  /** ISO 8601 UTC timestamps. */
  created: string
  mitigated: string | null
  file_path: string | null
  line: number | null
  severity: Severity
  active: boolean
  verified: boolean
  duplicate: boolean
  /** The original this finding duplicates (dojo-dedup.ts); absent or null when it is not a duplicate. */
  duplicate_finding?: number | null
  false_p: boolean
  out_of_scope: boolean
  is_mitigated: boolean
  risk_accepted: boolean
  service: string | null
}

/** Counts of one (re)import, kept on the test (§e: every (re)import adds one). The full row is in state.testImports. */
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

/** §k: Test_Import_Finding_Action action codes: N created, C closed, R reactivated, U untouched. */
export type ImportAction = 'N' | 'C' | 'R' | 'U'

/** One Test_Import_Finding_Action, as TestImportFindingActionSerializer renders it (fields "__all__"). */
export interface DojoTestImportFindingAction {
  id: number
  created: string
  modified: string
  action: ImportAction
  test_import: number
  finding: number
}

/**
 * One Test_Import row (§k), as TestImportSerializer renders it: written when the import is recorded, i.e.
 * after its findings are saved and before the 201 (never during `importMs`). `created`/`modified` are ISO
 * 8601 UTC with microseconds (DRF's rendering, e.g. "2025-01-02T03:04:05.123456Z").
 */
export interface DojoTestImportRow {
  id: number
  /** Ordered as DefectDojo's model orders them: by action (C, N, R, U), then finding id. */
  test_import_finding_action_set: DojoTestImportFindingAction[]
  created: string
  modified: string
  /** base_importer.update_import_history(): the flags the importer ran with. */
  import_settings: Record<string, unknown>
  type: 'import' | 'reimport'
  version: string
  build_id: string
  commit_hash: string
  branch_tag: string
  test: number
  /** The findings of the action set, by id. */
  findings_affected: number[]
}

/** Something DefectDojo lets happen that a client should not cause (§e caveat 2, §i). */
export interface DojoAnomaly {
  kind: 'duplicate_test_created' | 'duplicate_engagement_created'
  /** Epoch milliseconds. */
  at: number
  detail: string
}

export interface DojoTest {
  id: number
  engagement: number
  title: string | null
  scan_type: string
  test_type: number
  test_type_name: string
  /** Test.deduplication_algorithm and Test.hash_code_fields: what its findings are matched and hashed by (dojo-fingerprint.ts). */
  deduplication_algorithm: DeduplicationAlgorithm
  hash_code_fields: readonly string[] | null
  /** 50 while (or after a failed) import, 100 once its findings are saved (default_importer, base_importer.update_test_progress). */
  percent_complete: number
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
  /** The requesting user for auto-created engagements (§b); absent = null. */
  lead?: number | null
  /** ISO 8601 UTC; absent on hand-seeded rows (rendered as the server's start time). */
  created?: string
  updated?: string
}

export interface DojoProduct { id: number; name: string; description: string; prod_type: number; created?: string; updated?: string }
export interface DojoProductType { id: number; name: string; created?: string; updated?: string }
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
  /** §k import history, in id order. */
  testImports: DojoTestImportRow[]
  /** Last id handed out per table; bump it when seeding rows by hand. */
  lastIds: {
    productType: number; product: number; engagement: number; test: number; finding: number; environment: number; testType: number
    testImport: number; testImportFindingAction: number
  }
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
  /**
   * How long the importer works on an accepted upload (§d, §e), after the context exists — product type,
   * product, engagement and, for an import or a reimport that falls back to one, the new test of a static
   * parser (SARIF's test is created at the end, §d) — and before the findings and the Test_Import row are
   * written and the 201 is sent. A client that leaves meanwhile does not stop it. Comes after `latencyMs`.
   * Default 0; can be changed later through `server.importMs`.
   */
  importMs?: number
  /** §i: 'forbidden' answers the list endpoints with 403, 'empty' with an empty 200 page; default 'allowed'. Also `server.listing`. */
  listing?: ListingPermission
  /**
   * §i: 3.2.0 locks engagement creation (default true): concurrent first uploads into one new engagement
   * make one. false emulates 2.x: with `raceWindowMs` the engagement lookup and its creation are that far
   * apart too, so concurrent first uploads can create two engagements (logged as duplicate_engagement_created).
   */
  engagementLock?: boolean
  /**
   * System Settings "Deduplicate findings" (§l): each created finding that matches an older one of the product
   * (or engagement, with deduplication_on_engagement) is marked a duplicate of it (dojo-dedup.ts). Default false.
   */
  deduplication?: boolean
  /** With `deduplication`: mark the duplicates this long after the answer (a background worker), not before it. Default 0. */
  deduplicationDelayMs?: number
}

export interface DojoServer {
  url: string
  token: string
  uploads: ReceivedUpload[]
  requests: RequestRecord[]
  state: DojoState
  faults: Fault[]
  /** Appended whenever a test is created beside one of the same engagement, scan_type and title, or an engagement beside one of the same product and name. */
  anomalies: DojoAnomaly[]
  /** The `importMs` option, changeable between requests. */
  importMs: number
  /** The `listing` option, changeable between requests. */
  listing: ListingPermission
  /** System Settings "Deduplicate findings" (the `deduplication` option), changeable between requests. */
  deduplication: boolean
  /** The `deduplicationDelayMs` option, changeable between requests. */
  deduplicationDelayMs: number
  /** Sets a person's status on a finding (false positive, risk accepted, out of scope, mitigated): dojo-dedup.ts. */
  triage(findingId: number, status: Triage): DojoFinding
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


// ---------------------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------------------

const nowMs = (): number => performance.timeOrigin + performance.now()
/** DRF's DateTimeField rendering in UTC with microseconds: 2025-01-02T03:04:05.123456Z. */
const isoMicro = (ms: number): string => {
  const whole = Math.floor(ms)
  const micros = Math.min(999, Math.floor((ms - whole) * 1000))
  return new Date(whole).toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`)
}
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
const STARTED_MICRO = isoMicro(nowMs())

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
// Report parsing (dojo-parsers.ts): DefectDojo's findings for a handful of scan types; anything else has 0 findings
// ---------------------------------------------------------------------------------------------------------

type ReportResult = (ParsedReport & { error?: undefined }) | { error: Answer; findings?: undefined; testTypeName?: undefined }

/**
 * Reports parsed while their upload waits out `latencyMs`: parsing is a pure function of the bytes, and a
 * real DefectDojo parses inside its processing time, in workers of its own. Parsed after the wait, four
 * concurrent uploads would queue on this one thread and answer up to tens of ms late.
 */
const parsedEarly = new WeakMap<UploadedFile, { scanType: string; result: ReportResult }>()

function parseEarly(file: UploadedFile | null, fields: Record<string, string[]>): void {
  const scanType = fields.scan_type?.[0]
  if (file && scanType) parsedEarly.set(file, { scanType, result: parseReportNow(scanType, file) })
}

function parseReport(scanType: string, file: UploadedFile | null): ReportResult {
  const early = file ? parsedEarly.get(file) : undefined
  if (!early || early.scanType !== scanType) return parseReportNow(scanType, file)
  parsedEarly.delete(file!)
  return early.result
}

function parseReportNow(scanType: string, file: UploadedFile | null): ReportResult {
  try {
    // The ZAP parser checks the upload's name before reading it (§0).
    if (scanType === 'ZAP Scan' && file && !file.filename.endsWith('.xml')) {
      throw new PyValueError('Internal error: Wrong file format, please use xml.')
    }
    const parse = PARSERS[scanType]
    // Files too big to keep were only hashed: they count as 0 findings.
    if (!parse || !file || file.bytes === null) return { findings: [] }
    // The parser reads the file as it is: an empty JSON report is a JSONDecodeError, a 400 (conformance recording, §m).
    return parse(file.bytes.toString('utf8').replace(/^\uFEFF/, ''), file.filename)
  } catch (error) {
    // §d: a parser ValueError is a 400 {"message": "['…']"}; anything else escapes as a 500.
    if (error instanceof PyValueError) return { error: djangoError(error.message) }
    return { error: serverError() }
  }
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
  engagementLock: boolean
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

/** The engagement the importer would use, without creating anything (auto_create_context.get_target_engagement_if_exists). */
function lookUpEngagement(state: DojoState, input: ImportInput): DojoEngagement | undefined {
  const product = findProduct(state, input.productName, input.productTypeName)
  return findEngagement(state, input.engagementId === undefined ? undefined : String(input.engagementId), input.engagementName, product)
}

/**
 * auto_create_context.get_or_create_engagement (and the product / product type it needs). With
 * `lookedUp` (2.x emulation, engagementLock false) the earlier lookup's answer is trusted instead of
 * looking again, so a concurrent creation in between is not seen.
 */
function getOrCreateEngagement(ctx: Ctx, input: ImportInput, lookedUp?: { engagement: DojoEngagement | undefined }): DojoEngagement {
  const { state } = ctx
  const product = findProduct(state, input.productName, input.productTypeName)
  const existing = lookedUp ? lookedUp.engagement : lookUpEngagement(state, input)
  if (existing) return existing
  if (!input.autoCreate) throw new PyValueError('auto_create_context not True, unable to create non-existing engagement')
  const start = today()
  const end = input.engagementEndDate && input.engagementEndDate >= start ? input.engagementEndDate : addDays(start, 365)
  const productId = (product ?? createProduct(state, input)).id
  const name = input.engagementName ?? ''
  const twin = state.engagements.find((e) => e.product === productId && e.name === name)
  const stamp = isoMicro(nowMs())
  const engagement: DojoEngagement = {
    id: nextId(state, 'engagement'), product: productId, name,
    engagement_type: 'CI/CD', status: 'In Progress', target_start: start, target_end: end,
    deduplication_on_engagement: input.deduplicationOnEngagement, source_code_management_uri: input.scmUri ?? null,
    lead: USER.id, created: stamp, updated: stamp,
  }
  if (twin) {
    anomaly(ctx, 'duplicate_engagement_created',
      `engagement ${engagement.id} ${JSON.stringify(name)} created in product ${productId}, which already has engagement ${twin.id} of that name`)
  }
  state.engagements.push(engagement)
  return engagement
}

function anomaly(ctx: Ctx, kind: DojoAnomaly['kind'], detailText: string): void {
  ctx.server.anomalies.push({ kind, at: nowMs(), detail: detailText })
}

/** Product type and product use get_or_create on a unique name (§i): never duplicated. */
function createProduct(state: DojoState, input: ImportInput): DojoProduct {
  const typeName = input.productTypeName ?? ''
  const stamp = isoMicro(nowMs())
  let productType = findProductType(state, typeName)
  if (!productType) {
    productType = { id: nextId(state, 'productType'), name: typeName, created: stamp, updated: stamp }
    state.productTypes.push(productType)
  }
  const name = input.productName ?? ''
  const product = { id: nextId(state, 'product'), name, description: name, prod_type: productType.id, created: stamp, updated: stamp }
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

function createTest(ctx: Ctx, engagement: DojoEngagement, environment: DojoEnvironment, input: ImportInput, testTypeName: string): DojoTest {
  const { state } = ctx
  const when = input.scanDate ? new Date(`${input.scanDate}T00:00:00`).toISOString() : new Date().toISOString()
  const title = input.testTitle ?? null
  const twin = state.tests.find((t) => t.engagement === engagement.id && t.scan_type === input.scanType && t.title === title)
  const test: DojoTest = {
    id: nextId(state, 'test'), engagement: engagement.id, title, scan_type: input.scanType,
    test_type: testTypeId(state, testTypeName), test_type_name: testTypeName, environment: environment.id, lead: input.lead,
    deduplication_algorithm: deduplicationAlgorithm(testTypeName, input.scanType), hash_code_fields: hashCodeFields(testTypeName, input.scanType),
    percent_complete: 50,
    ...input.meta, tags: (input.tags ?? []).map((t) => t.toLowerCase()),
    target_start: when, target_end: when, created: new Date().toISOString(), updated: new Date().toISOString(),
    findings: [], imports: [],
  }
  if (twin) {
    anomaly(ctx, 'duplicate_test_created', `test ${test.id} (scan_type ${JSON.stringify(input.scanType)}, title ${JSON.stringify(title)}) ` +
      `created in engagement ${engagement.id}, which already has test ${twin.id} with that scan_type and title`)
  }
  state.tests.push(test)
  return test
}

/**
 * A parsed finding prepared as the importer prepares it before matching: the service sent replaces the
 * parser's, and its hash_code is computed with the test's fields (default_reimporter / default_importer).
 */
interface Prepared { parsed: ParsedFinding; hash_code: string; service: string | null }

function prepare(test: DojoTest, parsed: ParsedFinding, input: ImportInput): Prepared {
  const service = input.service ?? parsed.service ?? null
  return { parsed, service, hash_code: computeHashCode({ ...parsed, service }, test.test_type_name, test.scan_type) }
}

/** process_finding_that_was_not_matched / the importer: active/verified sent override the parser's. */
function newFinding(state: DojoState, test: DojoTest, p: Prepared, input: ImportInput): DojoFinding {
  const { parsed } = p
  const mitigated = parsed.is_mitigated === true
  return {
    id: nextId(state, 'finding'), hash_code: p.hash_code, title: storedTitle(parsed.title), test: test.id,
    unique_id_from_tool: parsed.unique_id_from_tool, vuln_id_from_tool: parsed.vuln_id_from_tool, cwe: parsed.cwe,
    description: parsed.description, component_name: parsed.component_name?.trim() || null, component_version: parsed.component_version?.trim() || null,
    static_finding: parsed.static_finding, dynamic_finding: parsed.dynamic_finding,
    date: input.scanDate ?? today(), created: isoMicro(nowMs()), mitigated: mitigated ? isoMicro(nowMs()) : null,
    file_path: parsed.file_path, line: parsed.line,
    severity: parsed.severity,
    active: input.active ?? parsed.active ?? true, verified: input.verified ?? parsed.verified ?? false,
    duplicate: false, false_p: parsed.false_p ?? false, out_of_scope: false, is_mitigated: mitigated, risk_accepted: false,
    service: p.service,
  }
}

const mitigate = (finding: DojoFinding): void => {
  finding.active = false
  finding.is_mitigated = true
  finding.mitigated = isoMicro(nowMs())
}

/** §l: with deduplication on, created findings are marked duplicates of older ones, before the answer or after `deduplicationDelayMs`. */
function deduplicateCreated(ctx: Ctx, test: DojoTest, created: readonly DojoFinding[]): void {
  if (!ctx.server.deduplication || created.length === 0) return
  if (ctx.server.deduplicationDelayMs <= 0) deduplicate(ctx.state, test, created)
  else void ctx.sleep(ctx.server.deduplicationDelayMs).then(() => deduplicate(ctx.state, test, created))
}

/** §e: the importer's own work (parsing, matching, saving) takes `importMs`; a client that left does not stop it. */
async function importerWorks(ctx: Ctx): Promise<void> {
  if (ctx.server.importMs > 0) await ctx.sleep(ctx.server.importMs)
}

/** §d: the target of the import disappeared while it was being processed (base_importer.save_without_resurrecting). */
function deletedDuringImport(test: DojoTest): Answer {
  return djangoError(`The test this scan was being imported into (id ${test.id}) was deleted while the scan was being processed, so ` +
    'the import could not be completed. Nothing was imported. Re-run the import against a test that still exists.')
}

/** A new test from the report (import-scan, or a reimport that found no test). */
async function importInto(ctx: Ctx, engagement: DojoEngagement, environment: DojoEnvironment, input: ImportInput, report: ReportResult, closeOld: boolean): Promise<Answer> {
  const { state } = ctx
  const dynamic = DYNAMIC_SCAN_TYPES.includes(input.scanType)
  // §d: static parsers get their Test before parsing (it stays behind, empty, when parsing fails); dynamic ones parse first.
  let test = dynamic ? undefined : createTest(ctx, engagement, environment, input, input.scanType)
  await importerWorks(ctx)
  if (test && !state.tests.includes(test)) return deletedDuringImport(test)
  if (report.error) return report.error
  test ??= createTest(ctx, engagement, environment, input, report.testTypeName ?? input.scanType)
  const owner = test
  test.percent_complete = 100
  const created = report.findings.filter((f) => atLeast(f.severity, input.minimumSeverity)).map((f) => newFinding(state, owner, prepare(owner, f, input), input))
  test.findings.push(...created)
  const closed = closeOld ? closeOldFindingsAfterImport(state, test, engagement, input) : []
  touchEngagement(engagement, input)
  test.imports.push({ type: 'import', ...input.meta, created: created.length, closed: closed.length, reactivated: 0, untouched: 0 })
  recordImportHistory(state, test, 'import', input, closeOld, { C: closed, N: created, R: [], U: [] })
  deduplicateCreated(ctx, test, created)
  return success(state, input, test, { after: statistics(test.findings) })
}

/**
 * import-scan close_old_findings (default_importer.get_close_old_findings_queryset): active findings of other
 * tests of the same test type in the engagement (or product), of the same service, whose fingerprint the new
 * test does not have — by hash_code, unique_id_from_tool or either, as the test's algorithm says (§a).
 */
function closeOldFindingsAfterImport(state: DojoState, test: DojoTest, engagement: DojoEngagement, input: ImportInput): DojoFinding[] {
  const open = test.findings.filter((f) => !f.is_mitigated)
  const hashes = new Set(open.map((f) => f.hash_code))
  const uids = new Set(open.flatMap((f) => (f.unique_id_from_tool === null ? [] : [f.unique_id_from_tool])))
  const stillThere = (f: DojoFinding): boolean => {
    const byHash = hashes.has(f.hash_code)
    const byUid = f.unique_id_from_tool !== null && uids.has(f.unique_id_from_tool)
    switch (test.deduplication_algorithm) {
      case 'unique_id_from_tool': return byUid
      case 'unique_id_from_tool_or_hash_code': return byHash || byUid
      default: return byHash
    }
  }
  const inScope = (other: DojoTest): boolean => {
    if (other.id === test.id || other.test_type !== test.test_type) return false
    if (!input.closeOldFindingsProductScope) return other.engagement === engagement.id
    return byId(state.engagements, other.engagement)?.product === engagement.product
  }
  const closed: DojoFinding[] = []
  for (const other of state.tests.filter(inScope)) {
    for (const finding of other.findings) {
      if ((finding.active || finding.risk_accepted) && finding.service === (input.service ?? null) && !stillThere(finding)) {
        mitigate(finding)
        closed.push(finding)
      }
    }
  }
  return closed
}

/** §k: base_importer.update_import_history(): one Test_Import row and one action per finding the import touched. */
function recordImportHistory(state: DojoState, test: DojoTest, type: 'import' | 'reimport', input: ImportInput, closeOld: boolean,
  actions: Record<ImportAction, DojoFinding[]>): DojoTestImportRow {
  const stamp = isoMicro(nowMs())
  const id = nextId(state, 'testImport')
  const set: DojoTestImportFindingAction[] = []
  const seen = new Set<number>()
  // Rows are unique per (test_import, finding); DefectDojo writes C, N, R, U in that order.
  for (const action of ['C', 'N', 'R', 'U'] as const) {
    for (const finding of [...actions[action]].sort((a, b) => a.id - b.id)) {
      if (seen.has(finding.id)) continue
      seen.add(finding.id)
      set.push({ id: 0, created: stamp, modified: stamp, action, test_import: id, finding: finding.id })
    }
  }
  for (const entry of set) entry.id = nextId(state, 'testImportFindingAction')
  const row: DojoTestImportRow = {
    id,
    test_import_finding_action_set: set,
    created: stamp, modified: stamp,
    import_settings: {
      active: input.active, verified: input.verified, minimum_severity: input.minimumSeverity, close_old_findings: closeOld,
      push_to_jira: input.data.push_to_jira === true, tags: input.tags ?? null,
      scan_date: input.scanDate ? `${input.scanDate}T00:00:00+00:00` : null, service: input.service ?? null,
      close_old_findings_product_scope: input.closeOldFindingsProductScope, do_not_reactivate: input.doNotReactivate,
      apply_tags_to_findings: input.data.apply_tags_to_findings === true, apply_tags_to_endpoints: input.data.apply_tags_to_endpoints === true,
      group_by: typeof input.data.group_by === 'string' ? input.data.group_by : null,
      create_finding_groups_for_all_findings: input.data.create_finding_groups_for_all_findings !== false,
    },
    type,
    ...input.meta,
    test: test.id,
    findings_affected: [...seen].sort((a, b) => a - b),
  }
  state.testImports.push(row)
  return row
}

/**
 * Into an existing test (default_reimporter.process_findings): the report's findings, prepared and sorted by
 * deduplication_ordering_key, are matched against the test's findings by the test's algorithm
 * (dojo-fingerprint.ts); a match keeps, reactivates or closes the existing finding, no match creates one —
 * which the report's later findings can match in turn, so findings of one fingerprint collapse into one.
 * Every original finding not kept or reactivated is closed (close_old_findings). Answers before, delta,
 * after (§c, §e).
 */
async function reimportInto(ctx: Ctx, test: DojoTest, input: ImportInput, report: ReportResult): Promise<Answer> {
  const { state } = ctx
  await importerWorks(ctx)
  if (!state.tests.includes(test)) return deletedDuringImport(test)
  if (report.error) return report.error // parsing precedes matching: nothing changes (§d)
  const mismatch = testTypeMismatch(test, input, report)
  if (mismatch) return mismatch
  const before = statistics(test.findings)
  // Only findings of the service sent (or of none) are closed; every finding of the test is a match candidate,
  // the service being part of the hash_code (get_original_findings, build_candidate_scope_queryset).
  const original = test.findings.filter((f) => (input.service === undefined ? !f.service : f.service === input.service))
  const candidates = new ReimportCandidates(test.deduplication_algorithm, test.findings)
  // Below minimum_severity a finding is dropped before matching (§a), so its old self looks gone.
  const prepared = report.findings.filter((f) => atLeast(f.severity, input.minimumSeverity)).map((f) => prepare(test, f, input))
  prepared.sort((a, b) => compareForReimport({ ...a.parsed, hash_code: a.hash_code }, { ...b.parsed, hash_code: b.hash_code }))
  const created: DojoFinding[] = []
  const reactivated = new Set<DojoFinding>()
  const unchanged = new Set<DojoFinding>()
  for (const p of prepared) {
    const existing = candidates.match({ ...p.parsed, hash_code: p.hash_code, id: 0 })[0]
    if (!existing) {
      const made = newFinding(state, test, p, input)
      created.push(made)
      candidates.add(made)
      continue
    }
    const outcome = matchedFinding(existing, p.parsed, input)
    if (outcome === 'unchanged') unchanged.add(existing)
    else if (outcome === 'reactivated') reactivated.add(existing)
  }
  test.findings.push(...created)
  const toMitigate = original.filter((f) => !reactivated.has(f) && !unchanged.has(f))
  const createdSet = new Set(created)
  const untouched = [...unchanged].filter((f) => !toMitigate.includes(f) && !createdSet.has(f) && !reactivated.has(f))
  const closed = input.closeOldFindings ? toMitigate.filter((f) => !f.mitigated || !f.is_mitigated) : []
  closed.forEach(mitigate)
  updateTestMeta(test, input)
  touchEngagement(byId(state.engagements, test.engagement), input)
  test.imports.push({ type: 'reimport', ...input.meta, created: created.length, closed: closed.length, reactivated: reactivated.size, untouched: untouched.length })
  recordImportHistory(state, test, 'reimport', input, input.closeOldFindings, { C: closed, N: created, R: [...reactivated], U: untouched })
  deduplicateCreated(ctx, test, created)
  const delta = { created: statistics(created), closed: statistics(closed), reactivated: statistics([...reactivated]), untouched: statistics(untouched) }
  return success(state, input, test, { before, delta, after: statistics(test.findings) })
}

/**
 * process_matched_finding: what a report's finding does to the existing finding it matched. A triaged one
 * (false positive, out of scope, risk accepted) stays as it is; a mitigated one is reactivated unless the
 * report says mitigated too or do_not_reactivate; an open one stays open unless the report closes it.
 * 'other' leaves the existing finding among those the reimport closes.
 */
function matchedFinding(existing: DojoFinding, parsed: ParsedFinding, input: ImportInput): 'unchanged' | 'reactivated' | 'other' {
  const reported = { false_p: parsed.false_p ?? false, out_of_scope: false, risk_accepted: false, is_mitigated: parsed.is_mitigated ?? false }
  if (existing.false_p || existing.out_of_scope || existing.risk_accepted) {
    const same = existing.false_p === reported.false_p && existing.out_of_scope === reported.out_of_scope && existing.risk_accepted === reported.risk_accepted
    return same || (existing.risk_accepted && !existing.active) ? 'unchanged' : 'other'
  }
  if (existing.is_mitigated) {
    if (reported.is_mitigated) return 'unchanged'
    if (input.doNotReactivate) return 'other'
    existing.mitigated = null
    existing.is_mitigated = false
    // A duplicate is un-mitigated but stays inactive and unverified.
    existing.active = !existing.duplicate
    existing.verified = existing.duplicate ? false : input.verified ?? existing.verified
    return 'reactivated'
  }
  if (reported.is_mitigated) {
    mitigate(existing)
    if (input.verified !== null) existing.verified = input.verified
    return 'other'
  }
  if (reported.false_p) {
    existing.false_p = true
    existing.active = false
    if (input.verified !== null) existing.verified = input.verified
    return 'other'
  }
  return 'unchanged'
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

async function saveImport(ctx: Ctx, input: ImportInput): Promise<Answer> {
  const environment = environmentFor(ctx.state, input)
  if ('status' in environment) return environment
  let engagement: DojoEngagement
  try {
    // 2.x (engagementLock false): the engagement lookup and its creation are raceWindowMs apart (§i).
    const lookedUp = ctx.engagementLock || ctx.raceWindowMs <= 0 ? undefined : { engagement: lookUpEngagement(ctx.state, input) }
    if (lookedUp) await ctx.sleep(ctx.raceWindowMs)
    engagement = getOrCreateEngagement(ctx, input, lookedUp)
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
  let engagementBefore: DojoEngagement | undefined
  try {
    const product = findProduct(state, input.productName, input.productTypeName)
    engagementBefore = findEngagement(state, undefined, input.engagementName, product)
    test = findTest(state, input.testId === undefined ? undefined : String(input.testId), input.testTitle, input.scanType, engagementBefore)
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
    // 3.2.0 looks for the engagement again under a lock (§i); 2.x trusts the earlier lookup.
    engagement = getOrCreateEngagement(ctx, input, ctx.engagementLock ? undefined : { engagement: engagementBefore })
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

/** TestSerializer in 3.2.0's key order (the conformance recording, §m). */
function testDetail(test: DojoTest): unknown {
  return {
    id: test.id, test_type_name: test.test_type_name, deduplication_algorithm: test.deduplication_algorithm,
    hash_code_fields: test.hash_code_fields === null ? null : [...test.hash_code_fields], scan_type: test.scan_type,
    title: test.title, description: null, target_start: test.target_start, target_end: test.target_end,
    percent_complete: test.percent_complete, updated: test.updated, created: test.created,
    version: test.version, build_id: test.build_id, commit_hash: test.commit_hash, branch_tag: test.branch_tag,
    engagement: test.engagement, lead: test.lead, test_type: test.test_type, environment: test.environment,
    api_scan_configuration: null, notes: [], files: [], tags: test.tags, finding_groups: [],
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

// ---------------------------------------------------------------------------------------------------------
// The read-only lists of §i and §k: DjangoFilterBackend filters, OrderingFilter `o`, LimitOffsetPagination
// ---------------------------------------------------------------------------------------------------------

type Row = Record<string, unknown>

/** Reads one list request's query string as django-filter does; collects its validation errors. */
class ListQuery {
  readonly errors: FieldErrors = new Map()
  readonly params: URLSearchParams
  constructor(params: URLSearchParams) { this.params = params }

  /** QueryDict.get: the last value; django-filter skips empty values (the filter is then not applied). */
  text(name: string): string | undefined {
    const value = this.params.getAll(name).at(-1)
    return value === undefined || value === '' ? undefined : value
  }

  /** A ModelChoiceFilter (a foreign key in Meta.fields): a missing or non-integer id is a 400, not an empty list. */
  id(name: string, rows: readonly { id: number }[]): number | undefined {
    const value = this.text(name)
    if (value === undefined) return undefined
    const row = /^\s*\d+\s*$/.test(value) ? byId(rows, value.trim()) : undefined
    if (!row) this.fail(name, 'Select a valid choice. That choice is not one of the available choices.', 'invalid_choice')
    return row?.id
  }

  /** BooleanFilter (BooleanWidget): true/false/1/0, any case; anything else applies no filter. */
  bool(name: string): boolean | undefined {
    const value = this.text(name)?.toLowerCase()
    return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : undefined
  }

  /** custom_filter: a comma-separated list matched with `__in` (exact, case-sensitive). */
  csv(name: string): string[] | undefined {
    const value = this.text(name)
    return value === undefined ? undefined : value.split(',')
  }

  fail(name: string, text: string, code: string): void {
    this.errors.set(name, [...(this.errors.get(name) ?? []), { text, code }])
  }
}

/** What one list endpoint filters on and how it orders: DefectDojo 3.2.0's filter classes. */
interface ListSpec {
  rows(state: DojoState, query: ListQuery): Row[]
  /** The unordered default: get_authorized_*() order_by. */
  defaultOrder: string
  /** OrderingFilter `o` choices; absent = the view has no `o` (the parameter is ignored). */
  ordering?: readonly string[]
}

const exactly = (value: unknown, wanted: string | undefined): boolean => wanted === undefined || value === wanted
const sameId = (value: unknown, wanted: number | undefined): boolean => wanted === undefined || value === wanted
const sameBool = (value: unknown, wanted: boolean | undefined): boolean => wanted === undefined || value === wanted

const LIST_SPECS: Record<ListEndpoint, ListSpec> = {
  // dojo/product_type/api/views.py: filterset_fields (exact), ordered by name (get_authorized_product_types).
  product_types: {
    defaultOrder: 'name',
    rows: (state, q) => {
      const name = q.text('name')
      return state.productTypes.filter((t) => exactly(t.name, name)).map(productTypeRow)
    },
  },
  // dojo/product/api/filters.py ApiProductFilter: name icontains, name_exact iexact (§i); ordered by name.
  products: {
    defaultOrder: 'name',
    ordering: ['id', 'tid', 'name', 'created', 'prod_numeric_grade', 'business_criticality', 'platform', 'lifecycle', 'origin', 'revenue',
      'external_audience', 'internet_accessible', 'product_manager', 'technical_contact', 'team_manager', 'prod_type', 'prod_type__name',
      'updated', 'user_records'],
    rows: (state, q) => {
      // PostgreSQL: UPPER(name) LIKE UPPER('%v%') / UPPER(name) = UPPER('v').
      const contains = q.text('name')?.toUpperCase()
      const iexact = q.text('name_exact')?.toUpperCase()
      const types = q.csv('prod_type')
      return state.products
        .filter((p) => (contains === undefined || p.name.toUpperCase().includes(contains)) &&
          (iexact === undefined || p.name.toUpperCase() === iexact) &&
          (types === undefined || types.includes(String(p.prod_type))))
        .map((p) => productRow(state, p))
    },
  },
  // dojo/engagement/api/filters.py ApiEngagementFilter: product (a foreign key), name exact.
  engagements: {
    defaultOrder: 'id',
    ordering: ['name', 'version', 'target_start', 'target_end', 'status', 'lead', 'created', 'updated'],
    rows: (state, q) => {
      const product = q.id('product', state.products)
      const name = q.text('name')
      return state.engagements.filter((e) => sameId(e.product, product) && exactly(e.name, name)).map(engagementRow)
    },
  },
  // dojo/test/api/filters.py ApiTestFilter: all exact (§k); items as GET /api/v2/tests/{id}/.
  tests_list: {
    defaultOrder: 'id',
    ordering: ['title', 'version', 'target_start', 'target_end', 'test_type', 'lead', 'branch_tag', 'build_id', 'commit_hash',
      'api_scan_configuration', 'engagement', 'created', 'updated'],
    rows: (state, q) => {
      const engagement = q.id('engagement', state.engagements)
      const testType = q.id('test_type', state.testTypes)
      const texts = (['title', 'scan_type', 'build_id', 'branch_tag', 'commit_hash', 'version'] as const).map((k) => [k, q.text(k)] as const)
      return state.tests
        .filter((t) => sameId(t.engagement, engagement) && sameId(t.test_type, testType) && texts.every(([k, v]) => exactly(t[k], v)))
        .map((t) => testDetail(t) as Row)
    },
  },
  // dojo/test/api/filters.py TestImportAPIFilter (§k).
  test_imports: {
    defaultOrder: 'id',
    ordering: ['id', 'created', 'modified', 'version', 'branch_tag', 'build_id', 'commit_hash'],
    rows: (state, q) => {
      const test = q.id('test', state.tests)
      const texts = (['build_id', 'version', 'branch_tag', 'commit_hash'] as const).map((k) => [k, q.text(k)] as const)
      const action = q.text('test_import_finding_action__action')
      return state.testImports
        .filter((r) => sameId(r.test, test) && texts.every(([k, v]) => exactly(r[k], v)) &&
          (action === undefined || r.test_import_finding_action_set.some((a) => a.action === action)))
        .map((r) => structuredClone(r) as unknown as Row)
    },
  },
  // dojo/finding/api/filters.py ApiFindingFilter.
  findings: {
    defaultOrder: 'id',
    ordering: ['active', 'component_name', 'component_version', 'created', 'last_status_update', 'last_reviewed', 'cwe', 'date', 'duplicate',
      'dynamic_finding', 'false_p', 'found_by', 'id', 'is_mitigated', 'numerical_severity', 'out_of_scope', 'planned_remediation_date',
      'severity', 'sla_expiration_date', 'reviewers', 'static_finding', 'test__engagement__product__name', 'title', 'under_defect_review',
      'under_review', 'verified'],
    rows: (state, q) => {
      const test = q.id('test', state.tests)
      const flags = (['active', 'verified', 'is_mitigated', 'duplicate', 'false_p', 'out_of_scope'] as const).map((k) => [k, q.bool(k)] as const)
      const severity = q.csv('severity')
      // NumberInFilter(field_name="id", lookup_expr="in"): ?id=1,2,3.
      const ids = q.csv('id')
      const title = q.text('title')?.toUpperCase()
      const out: Row[] = []
      for (const t of state.tests) {
        for (const f of t.findings) {
          if (!sameId(f.test, test) || !flags.every(([k, v]) => sameBool(f[k], v))) continue
          if (severity !== undefined && !severity.includes(f.severity)) continue
          if (ids !== undefined && !ids.includes(String(f.id))) continue
          if (title !== undefined && !f.title.toUpperCase().includes(title)) continue
          out.push(findingRow(state, f))
        }
      }
      return out
    },
  },
}

const ensure = (stamp: string | undefined): string => stamp ?? STARTED_MICRO

function productTypeRow(t: DojoProductType): Row {
  return {
    id: t.id, name: t.name, description: null, critical_product: false, key_product: false,
    updated: ensure(t.updated), created: ensure(t.created), members: [USER.id], authorization_groups: [], authorized_users: [],
  }
}

function productRow(state: DojoState, p: DojoProduct): Row {
  const open = state.tests
    .filter((t) => byId(state.engagements, t.engagement)?.product === p.id)
    .flatMap((t) => t.findings.filter((f) => f.active && !f.duplicate))
    .map((f) => f.id)
    .sort((a, b) => a - b)
  return {
    id: p.id, findings_count: open.length, findings_list: open, tags: [], product_meta: [], name: p.name, description: p.description,
    created: ensure(p.created), prod_numeric_grade: null, business_criticality: null, platform: null, lifecycle: null, origin: null,
    user_records: null, revenue: null, external_audience: false, internet_accessible: false, enable_product_tag_inheritance: false,
    enable_simple_risk_acceptance: false, enable_full_risk_acceptance: true, disable_sla_breach_notifications: false,
    product_manager: null, technical_contact: null, team_manager: null, prod_type: p.prod_type, sla_configuration: 1,
    members: [USER.id], authorization_groups: [], authorized_users: [], regulations: [],
  }
}

function engagementRow(e: DojoEngagement): Row {
  return {
    id: e.id, tags: [], name: e.name, description: null, version: null, first_contacted: null,
    target_start: e.target_start, target_end: e.target_end, reason: null, updated: ensure(e.updated), created: ensure(e.created),
    active: true, tracker: null, test_strategy: null, threat_model: true, api_test: true, pen_test: true, check_list: true,
    status: e.status, progress: 'threat_model', tmodel_path: 'none', done_testing: false, engagement_type: e.engagement_type,
    build_id: null, commit_hash: null, branch_tag: null, source_code_management_uri: e.source_code_management_uri,
    deduplication_on_engagement: e.deduplication_on_engagement, lead: e.lead ?? null, requester: null, preset: null, report_type: null,
    product: e.product, cicd_scm_server: null, cicd_build_server: null, cicd_orchestration_engine: null,
    notes: [], files: [], risk_acceptance: [],
  }
}

const NUMERICAL_SEVERITY: Record<Severity, string> = { Critical: 'S0', High: 'S1', Medium: 'S2', Low: 'S3', Info: 'S4' }

/** FindingSerializer, trimmed to what the stand-in knows; display_status as Finding.status() words it. */
function findingRow(state: DojoState, f: DojoFinding): Row {
  const test = byId(state.tests, f.test)
  const status = [f.active ? 'Active' : 'Inactive', f.verified ? 'Verified' : '', f.is_mitigated ? 'Mitigated' : '',
    f.false_p ? 'False Positive' : '', f.out_of_scope ? 'Out Of Scope' : '', f.duplicate ? 'Duplicate' : '', f.risk_accepted ? 'Risk Accepted' : '']
  return {
    id: f.id, title: f.title, date: f.date, sla_start_date: null, sla_expiration_date: null, cwe: f.cwe, cvssv3: null, cvssv3_score: null,
    url: null, severity: f.severity, description: f.description, mitigation: null, impact: null, steps_to_reproduce: null,
    severity_justification: null, references: null, active: f.active, verified: f.verified, false_p: f.false_p, duplicate: f.duplicate,
    duplicate_finding: f.duplicate_finding ?? null, out_of_scope: f.out_of_scope, risk_accepted: f.risk_accepted, under_review: false,
    last_status_update: f.mitigated ?? f.created, under_defect_review: false, is_mitigated: f.is_mitigated,
    mitigated: f.mitigated, mitigated_by: f.mitigated ? USER.id : null,
    numerical_severity: NUMERICAL_SEVERITY[f.severity], last_reviewed: null, last_reviewed_by: null, param: null, payload: null,
    hash_code: f.hash_code, line: f.line, file_path: f.file_path,
    component_name: f.component_name, component_version: f.component_version, static_finding: f.static_finding, dynamic_finding: f.dynamic_finding,
    created: f.created, scanner_confidence: null, unique_id_from_tool: f.unique_id_from_tool, vuln_id_from_tool: f.vuln_id_from_tool, sast_source_object: null, sast_sink_object: null,
    sast_source_line: null, sast_source_file_path: null, nb_occurences: null, publish_date: null, service: f.service,
    planned_remediation_date: null, planned_remediation_version: null, effort_for_fixing: null, fix_available: null,
    test: f.test, found_by: test ? [test.test_type] : [], reporter: USER.id, review_requested_by: null, defect_review_requested_by: null,
    sonarqube_issue: null, reviewers: [], endpoints: [], tags: [], vulnerability_ids: [], finding_meta: [], finding_groups: [],
    accepted_risks: [], push_to_jira: false, age: 0, sla_days_remaining: null, related_fields: null, jira_creation: null,
    jira_change: null, display_status: status.filter(Boolean).join(', '), request_response: { req_resp: [] },
  }
}

/** Python-ish ordering of one column: None sorts last ascending, first descending (PostgreSQL's NULLS LAST/FIRST). */
function compareColumn(a: unknown, b: unknown): number {
  const missing = (v: unknown): boolean => v === null || v === undefined
  if (missing(a) || missing(b)) return missing(a) === missing(b) ? 0 : missing(a) ? 1 : -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

function orderRows(rows: Row[], keys: readonly string[]): Row[] {
  const columns = keys.map((k) => (k.startsWith('-') ? { key: k.slice(1), sign: -1 } : { key: k, sign: 1 }))
  // Array.prototype.sort is stable: rows equal on every column keep the default order.
  return [...rows].sort((a, b) => {
    for (const { key, sign } of columns) {
      const c = compareColumn(a[key], b[key])
      if (c !== 0) return sign * c
    }
    return 0
  })
}

/** DRF's replace_query_param / remove_query_param: the query is rebuilt sorted by name. */
function pageLink(url: URL, base: string, changes: Record<string, string | null>): string {
  const pairs: Array<[string, string]> = []
  const names = new Set([...url.searchParams.keys(), ...Object.keys(changes)])
  for (const name of [...names].sort()) {
    if (name in changes) {
      const value = changes[name]
      if (value !== null && value !== undefined) pairs.push([name, value])
    } else {
      for (const value of url.searchParams.getAll(name)) pairs.push([name, value])
    }
  }
  const link = new URL(url.pathname, base)
  for (const [name, value] of pairs) link.searchParams.append(name, value)
  return link.toString()
}

/** LimitOffsetPagination (PAGE_SIZE 25): a limit that is not a positive integer is the default; a bad offset is 0. */
function paginate(rows: Row[], url: URL, base: string): unknown {
  const rawLimit = url.searchParams.get('limit')
  const rawOffset = url.searchParams.get('offset')
  const limit = rawLimit !== null && /^\s*\+?\d+\s*$/.test(rawLimit) && Number(rawLimit) > 0 ? Number(rawLimit) : 25
  const offset = rawOffset !== null && /^\s*\+?\d+\s*$/.test(rawOffset) ? Number(rawOffset) : 0
  const next = offset + limit < rows.length ? pageLink(url, base, { limit: String(limit), offset: String(offset + limit) }) : null
  const previous = offset <= 0 ? null
    : offset - limit <= 0 ? pageLink(url, base, { limit: String(limit), offset: null })
      : pageLink(url, base, { limit: String(limit), offset: String(offset - limit) })
  return { count: rows.length, next, previous, results: rows.slice(offset, offset + limit) }
}

function listAnswer(ctx: Ctx, endpoint: ListEndpoint, url: URL, base: string): Answer {
  // §i: a token that may import but not view.
  if (ctx.server.listing === 'forbidden') return detail(403, 'You do not have permission to perform this action.')
  const spec = LIST_SPECS[endpoint]
  const query = new ListQuery(url.searchParams)
  let rows = spec.rows(ctx.state, query)
  let order: string[] = [spec.defaultOrder]
  const o = query.text('o')
  if (spec.ordering && o !== undefined) {
    const keys = o.split(',').map((k) => k.trim()).filter(Boolean)
    const bad = keys.find((k) => !spec.ordering?.includes(k.replace(/^-/, '')))
    if (bad !== undefined) query.fail('o', `Select a valid choice. ${bad} is not one of the available choices.`, 'invalid_choice')
    else if (keys.length > 0) order = keys
  }
  // DRF renders filter errors as a field dict; DefectDojo's handler adds message and pro (§d shape 2).
  if (query.errors.size > 0) return fieldErrorAnswer(query.errors)
  // Rows come in id order, so equal sort keys keep id order (a stable sort).
  rows = ctx.server.listing === 'empty' ? [] : orderRows(rows, order)
  return json(200, paginate(rows, url, base))
}

type Route =
  | { kind: 'upload'; endpoint: UploadEndpoint }
  | { kind: 'user_profile' }
  | { kind: 'tests'; id: string }
  | { kind: 'test_types' }
  | { kind: 'list'; endpoint: ListEndpoint }
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' }

const LIST_PATHS: Record<string, ListEndpoint> = {
  '/api/v2/product_types/': 'product_types', '/api/v2/products/': 'products', '/api/v2/engagements/': 'engagements',
  '/api/v2/tests/': 'tests_list', '/api/v2/test_imports/': 'test_imports', '/api/v2/findings/': 'findings',
}

function apiRoute(path: string): Route | null {
  if (path === '/api/v2/import-scan/') return { kind: 'upload', endpoint: 'import-scan' }
  if (path === '/api/v2/reimport-scan/') return { kind: 'upload', endpoint: 'reimport-scan' }
  if (path === '/api/v2/user_profile/') return { kind: 'user_profile' }
  if (path === '/api/v2/test_types/') return { kind: 'test_types' }
  const list = LIST_PATHS[path]
  if (list) return { kind: 'list', endpoint: list }
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
  upload: 'POST', user_profile: 'GET', tests: 'GET', test_types: 'GET', list: 'GET', redirect: '', not_found: '',
}

function faultEndpoint(route: Route): FaultEndpoint | undefined {
  if (route.kind === 'upload' || route.kind === 'list') return route.endpoint
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
    case 'list': return listAnswer(ctx, route.endpoint, url, `http://${req.headers.host ?? '127.0.0.1'}`)
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

  // A client that leaves while the importer works does not stop it (§e); it only never gets the answer.
  let clientGone = false
  res.once('close', () => { if (!res.writableFinished) clientGone = true })
  const record = (status: number, response: unknown, unsent?: ReceivedUpload['unsent']): void => {
    ctx.server.requests.push({ method, path: url.pathname, status })
    if (!endpoint) return
    const file = body.file ? { filename: body.file.filename, contentType: body.file.contentType, size: body.file.size, sha256: body.file.sha256 } : null
    ctx.server.uploads.push({
      endpoint, fields: body.fields, file, status, response, ...(unsent ? { unsent } : {}),
      startedAt, endedAt: nowMs(), authorization: req.headers.authorization, headers: { ...req.headers },
    })
  }
  const answer = (a: Answer): void => {
    const response = a.raw !== undefined ? (a.raw === '' ? null : parseMaybeJson(a.raw)) : a.body
    if (clientGone || res.destroyed || req.socket.destroyed) {
      res.destroy()
      record(0, null, { status: a.status, response })
      return
    }
    send(res, a)
    record(a.status, response)
  }

  // Faults sit in front of DefectDojo: a faulted upload never reaches the importer, so state is untouched.
  if (body.kind === 'reset' || body.kind === 'aborted') return record(0, null)
  const action = fault?.action
  if (action?.kind === 'hang') return record(0, null) // close() destroys the socket
  if (action?.kind === 'status') {
    return answer({ status: action.status, raw: action.body, contentType: action.contentType ?? 'application/json', headers: action.headers })
  }
  if (action?.kind === 'delay') await ctx.sleep(action.ms)
  if (endpoint && ctx.latencyMs > 0) {
    const processed = ctx.sleep(ctx.latencyMs)
    if (body.kind === 'multipart') parseEarly(body.file, body.fields)
    await processed
  }
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
    productTypes: [], products: [], engagements: [], tests: [], environments: [], testTypes: [], testImports: [],
    lastIds: { productType: 0, product: 0, engagement: 0, test: 0, finding: 0, environment: 0, testType: 0, testImport: 0, testImportFindingAction: 0 },
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
    url: '', token, uploads: [], requests: [], state, faults: [], anomalies: [],
    importMs: options.importMs ?? 0,
    listing: options.listing ?? 'allowed',
    deduplication: options.deduplication ?? false,
    deduplicationDelayMs: options.deduplicationDelayMs ?? 0,
    triage: (findingId, status) => triage(state, findingId, status),
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
    engagementLock: options.engagementLock ?? true,
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
// CLI: node __tests__/support/dojo-server.ts [--port N] [--latency-ms N] [--token T] [--race-window-ms N] [--import-ms N] [--listing allowed|forbidden|empty] [--path-prefix P]
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
    else if (flag === '--import-ms') options.importMs = number()
    else if (flag === '--listing') {
      const v = value()
      if (v !== 'allowed' && v !== 'forbidden' && v !== 'empty') throw new Error(`${flag} needs allowed, forbidden or empty`)
      options.listing = v
    }
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
      'usage: node __tests__/support/dojo-server.ts [--port N] [--latency-ms N] [--token T] [--race-window-ms N] [--import-ms N] [--listing allowed|forbidden|empty] [--path-prefix P]\n')
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
