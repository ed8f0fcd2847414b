/**
 * Emulator of the GitHub Actions artifact backend (v4+, "results" service), good enough for the
 * real, unmodified `@actions/artifact` `DefaultArtifactClient` (`listArtifacts`,
 * `downloadArtifact`, `getArtifact`, with and without `findBy`) to talk to it over HTTP on
 * 127.0.0.1.
 *
 * Three surfaces, all on one port:
 *  - Twirp JSON (current run): `POST /twirp/github.actions.results.api.v1.ArtifactService/{ListArtifacts,GetSignedArtifactURL}`.
 *    The run is identified by the runtime token's `scp` claim, like on GitHub.
 *  - REST (`findBy`, other runs): `GET /api/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`,
 *    `GET /api/repos/{owner}/{repo}/actions/artifacts/{id}[/zip]`.
 *  - Blob storage: `GET /blobs/{id}.zip?sig=…`, the "signed URL" both of the above hand out.
 *
 * Errors are always 4xx with a JSON body on the API surfaces: the library retries 5xx and
 * non-JSON Twirp answers for ~30 s, and retries failed blob downloads 5 times 5 s apart, which
 * would turn a failing test into a slow one.
 */
import http from 'node:http'
import crypto from 'node:crypto'
import { makeZip } from './zip.ts'
import { listenOnLoopback } from './listen.ts'

export interface EmulatedArtifact {
  name: string
  /** Path inside the artifact → content; zipped by the server. */
  files?: Record<string, string | Buffer>
  /** Or raw zip bytes. */
  zip?: Buffer
  /**
   * - `digest-mismatch`: the listed digest is not the sha256 of the served bytes (download works).
   * - `download-fails`: GetSignedArtifactURL answers 404 JSON, REST zip answers 404 JSON, blob 404.
   * - `expired`: listed (REST: `expired: true`), but GetSignedArtifactURL answers 404 "Artifact has
   *   expired" and REST zip answers 410 "Artifact has expired", like GitHub's REST API.
   */
  fault?: 'digest-mismatch' | 'download-fails' | 'expired'
  /** Default: the server's current run / job. Artifacts of other runs are invisible to the token. */
  runBackendId?: string
  jobBackendId?: string
}

export interface ArtifactServer {
  /** http://127.0.0.1:PORT */
  url: string
  /** Backend ids of the current run, as encoded in `env().ACTIONS_RUNTIME_TOKEN`. */
  runBackendId: string
  jobBackendId: string
  /**
   * Environment the action needs to see this server as its current run. `GITHUB_API_URL` is read
   * by `@actions/github` when it is first imported, so it must be in place before that import.
   */
  env(): Record<string, string>
  /** For findBy mode: artifacts of another run of a repository (`owner/repo`), served on the REST API. */
  addRun(repository: string, runId: number, artifacts: EmulatedArtifact[]): void
  /** Every request, in arrival order; `path` includes the query string, `body` is the parsed JSON request body. */
  requests: Array<{ method: string; path: string; status: number; body?: unknown }>
  /** Number of GETs of blob (signed) URLs, successful or not. */
  blobRequests: number
  close(): Promise<void>
}

export interface ArtifactServerOptions {
  /** Artifacts of the current run (Twirp), or of other backend runs when they say so. */
  artifacts: EmulatedArtifact[]
  /** GitHub token the REST API insists on; when omitted any non-empty token is accepted. */
  token?: string
  /** Delay before answering each request. */
  latencyMs?: number
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/'
const API_PREFIX = '/api'
const BLOB_PREFIX = '/blobs/'
const DOCS_ARTIFACTS = 'https://docs.github.com/rest/actions/artifacts'
const DAY_MS = 24 * 60 * 60 * 1000
/** GitHub's default artifact retention. */
const RETENTION_DAYS = 90
/** First database id; arbitrary but recognisable in logs. */
const FIRST_ARTIFACT_ID = 1001

interface StoredArtifact {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  zip: Buffer
  /** What is listed; differs from the zip's sha256 for `digest-mismatch`. */
  digest: string
  createdAt: Date
  expiresAt: Date
  fault: EmulatedArtifact['fault']
}

interface RestRun {
  repository: string
  runId: number
  artifacts: StoredArtifact[]
}

interface State {
  url: string
  runBackendId: string
  jobBackendId: string
  token: string | undefined
  latencyMs: number
  /** Signs blob URLs, so only URLs handed out by the API work (like SAS URLs). */
  blobSecret: string
  startedAt: Date
  nextId: number
  /** Everything reachable through Twirp, whichever backend run it belongs to. */
  twirpArtifacts: StoredArtifact[]
  restRuns: RestRun[]
  /** Every artifact by database id, for blob downloads. */
  byId: Map<number, StoredArtifact>
  server: ArtifactServer
}

type Reply = http.ServerResponse

export async function startArtifactServer(options: ArtifactServerOptions): Promise<ArtifactServer> {
  const state: State = {
    url: '',
    runBackendId: crypto.randomUUID(),
    jobBackendId: crypto.randomUUID(),
    token: options.token,
    latencyMs: options.latencyMs ?? 0,
    blobSecret: crypto.randomBytes(16).toString('hex'),
    startedAt: new Date(Math.floor(Date.now() / 1000) * 1000),
    nextId: FIRST_ARTIFACT_ID,
    twirpArtifacts: [],
    restRuns: [],
    byId: new Map(),
    // Filled in below once the port is known; nothing reads it before the first request.
    server: undefined as unknown as ArtifactServer
  }
  for (const artifact of options.artifacts) state.twirpArtifacts.push(store(state, artifact, state.twirpArtifacts, state))

  const httpServer = http.createServer((req, res) => {
    void handle(state, req, res)
  })
  state.url = `http://127.0.0.1:${await listenOnLoopback(httpServer)}`

  state.server = {
    url: state.url,
    runBackendId: state.runBackendId,
    jobBackendId: state.jobBackendId,
    env: () => ({
      ACTIONS_RUNTIME_TOKEN: runtimeToken(state.runBackendId, state.jobBackendId),
      // Only the origin is used by the library; the trailing slash mirrors the real value.
      ACTIONS_RESULTS_URL: `${state.url}/`,
      // Any other host is taken for GHES, which the library refuses outright.
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: `${state.url}${API_PREFIX}`
    }),
    addRun: (repository, runId, artifacts) => addRun(state, repository, runId, artifacts),
    requests: [],
    blobRequests: 0,
    close: () => closeServer(httpServer)
  }
  return state.server
}

/**
 * An unsigned JWT (`alg: none`) carrying the scope the library parses: it only base64-decodes the
 * payload and looks for `Actions.Results:<runBackendId>:<jobBackendId>` in `scp`.
 */
export function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const now = Math.floor(Date.now() / 1000)
  const header = { typ: 'JWT', alg: 'none' }
  const payload = {
    scp: `Actions.GenericRead:${runBackendId} Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'artifact-server-emulator',
    nbf: now,
    exp: now + 6 * 60 * 60
  }
  return `${base64url(header)}.${base64url(payload)}.`
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

// ---------------------------------------------------------------------------------------------
// Store

function store(
  state: State,
  artifact: EmulatedArtifact,
  siblings: StoredArtifact[],
  defaults: { runBackendId: string; jobBackendId: string }
): StoredArtifact {
  const runBackendId = artifact.runBackendId ?? defaults.runBackendId
  // Artifact names are unique within a run on GitHub, and GetSignedArtifactURL addresses by name.
  if (siblings.some(other => other.runBackendId === runBackendId && other.name === artifact.name)) {
    throw new Error(`artifact-server: duplicate artifact name "${artifact.name}" in run ${runBackendId}`)
  }
  const zip = artifactZip(artifact)
  const sha = `sha256:${crypto.createHash('sha256').update(zip).digest('hex')}`
  const expired = artifact.fault === 'expired'
  const createdAt = expired ? new Date(state.startedAt.getTime() - (RETENTION_DAYS + 10) * DAY_MS) : state.startedAt
  const stored: StoredArtifact = {
    id: state.nextId++,
    name: artifact.name,
    runBackendId,
    jobBackendId: artifact.jobBackendId ?? defaults.jobBackendId,
    zip,
    digest: artifact.fault === 'digest-mismatch' ? `sha256:${'0'.repeat(64)}` : sha,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + RETENTION_DAYS * DAY_MS),
    fault: artifact.fault
  }
  state.byId.set(stored.id, stored)
  return stored
}

function artifactZip(artifact: EmulatedArtifact): Buffer {
  if (artifact.zip && artifact.files) throw new Error(`artifact-server: "${artifact.name}" has both zip and files`)
  if (artifact.zip) return artifact.zip
  return makeZip(Object.entries(artifact.files ?? {}).map(([name, data]) => ({ name, data })))
}

function addRun(state: State, repository: string, runId: number, artifacts: EmulatedArtifact[]): void {
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) throw new Error(`artifact-server: repository must be owner/repo, got "${repository}"`)
  if (findRun(state, repository, runId)) throw new Error(`artifact-server: run ${runId} of ${repository} already added`)
  // Each REST run is a distinct backend run too, so the current run's token never sees it.
  const backend = { runBackendId: crypto.randomUUID(), jobBackendId: crypto.randomUUID() }
  const run: RestRun = { repository, runId, artifacts: [] }
  for (const artifact of artifacts) run.artifacts.push(store(state, artifact, run.artifacts, backend))
  state.restRuns.push(run)
}

function findRun(state: State, repository: string, runId: number): RestRun | undefined {
  // GitHub owner and repository names are case-insensitive.
  return state.restRuns.find(run => run.runId === runId && sameRepository(run.repository, repository))
}

function sameRepository(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

async function handle(state: State, req: http.IncomingMessage, res: Reply): Promise<void> {
  const path = req.url ?? '/'
  const entry: ArtifactServer['requests'][number] = { method: req.method ?? 'GET', path, status: 0 }
  // Logged on completion so the status is the one actually sent.
  res.on('finish', () => {
    entry.status = res.statusCode
    state.server.requests.push(entry)
  })
  try {
    const raw = await readBody(req)
    if (state.latencyMs > 0) await sleep(state.latencyMs)
    await route(state, req, res, new URL(path, state.url), raw, entry)
  } catch (error) {
    // A bug in the emulator: answer 4xx JSON anyway so the library fails fast with this
    // message instead of retrying a 5xx for half a minute.
    const msg = `artifact-server internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`
    if (!res.headersSent) sendJson(res, 400, { code: 'internal', msg, message: msg })
    else res.destroy()
  }
}

async function route(
  state: State,
  req: http.IncomingMessage,
  res: Reply,
  url: URL,
  raw: Buffer,
  entry: { body?: unknown }
): Promise<void> {
  if (url.pathname.startsWith(TWIRP_PREFIX)) {
    return handleTwirp(state, req, res, url.pathname.slice(TWIRP_PREFIX.length), raw, entry)
  }
  if (url.pathname.startsWith(BLOB_PREFIX)) return handleBlob(state, req, res, url)
  if (url.pathname.startsWith(`${API_PREFIX}/`)) return handleRest(state, req, res, url)
  sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sendJson(res: Reply, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body))
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length, ...headers })
  res.end(payload)
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close(error => (error ? reject(error) : resolve()))
    // undici (octokit's fetch) keeps connections alive; without this close() would wait for them.
    server.closeAllConnections()
  })
}

// ---------------------------------------------------------------------------------------------
// Twirp (current run)

/** Twirp error codes map to fixed HTTP statuses; the library reads only the status and `msg`. */
function twirpError(res: Reply, status: number, code: string, msg: string): void {
  sendJson(res, status, { code, msg })
}

function handleTwirp(
  state: State,
  req: http.IncomingMessage,
  res: Reply,
  method: string,
  raw: Buffer,
  entry: { body?: unknown }
): void {
  if (req.method !== 'POST') return twirpError(res, 404, 'bad_route', `unsupported method ${req.method ?? ''} (only POST is allowed)`)
  const scope = tokenScope(req.headers.authorization)
  if (!scope) return twirpError(res, 401, 'unauthenticated', 'missing or invalid runtime token (Actions.Results scope)')
  let request: Record<string, unknown>
  try {
    request = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>
    entry.body = request
  } catch {
    return twirpError(res, 400, 'malformed', 'the request body could not be decoded as JSON')
  }
  // The token is scoped to one run; asking about another is what GitHub answers with this
  // message (seen e.g. when re-running a job against a previous attempt's artifacts).
  if (request['workflow_run_backend_id'] !== scope.runBackendId) return twirpError(res, 404, 'not_found', 'workflow run not found')
  if (method === 'ListArtifacts') return listArtifactsTwirp(state, res, request)
  if (method === 'GetSignedArtifactURL') return signedUrlTwirp(state, res, request)
  twirpError(res, 404, 'bad_route', `no handler for path "${TWIRP_PREFIX}${method}"`)
}

/** Backend ids from an `Authorization: Bearer <jwt>` header, as the real service derives them. */
function tokenScope(authorization: string | undefined): { runBackendId: string; jobBackendId: string } | undefined {
  const jwt = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
  const payload = jwt?.split('.')[1]
  if (!payload) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: unknown }
    const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ') : []
    const results = scopes.map(s => s.split(':')).find(parts => parts[0] === 'Actions.Results' && parts.length === 3)
    return results ? { runBackendId: results[1] ?? '', jobBackendId: results[2] ?? '' } : undefined
  } catch {
    return undefined
  }
}

/**
 * Lists the token's run only, across all of its jobs (download-artifact fetches what other jobs
 * uploaded), so `workflow_job_run_backend_id` is deliberately not a filter.
 */
function listArtifactsTwirp(state: State, res: Reply, request: Record<string, unknown>): void {
  const nameFilter = unwrap(request['name_filter'])
  const idFilter = unwrap(request['id_filter'])
  const artifacts = state.twirpArtifacts
    .filter(a => a.runBackendId === request['workflow_run_backend_id'])
    .filter(a => nameFilter === undefined || a.name === String(nameFilter))
    // int64 arrives as a JSON string (proto3 JSON mapping); compare as strings to be exact.
    .filter(a => idFilter === undefined || String(a.id) === String(idFilter))
  sendJson(res, 200, { artifacts: artifacts.map(toMonolithArtifact) })
}

/** protobuf-ts renders wrapper types (StringValue, Int64Value) as bare JSON values; accept `{value}` too. */
function unwrap(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'value' in value) return (value as { value: unknown }).value
  return value ?? undefined
}

function toMonolithArtifact(artifact: StoredArtifact): Record<string, unknown> {
  return {
    workflow_run_backend_id: artifact.runBackendId,
    workflow_job_run_backend_id: artifact.jobBackendId,
    // int64 fields are strings in proto3 JSON.
    database_id: String(artifact.id),
    name: artifact.name,
    size: String(artifact.zip.length),
    created_at: artifact.createdAt.toISOString(),
    digest: artifact.digest
  }
}

function signedUrlTwirp(state: State, res: Reply, request: Record<string, unknown>): void {
  const name = request['name']
  if (typeof name !== 'string' || name === '') return twirpError(res, 400, 'invalid_argument', 'name: value is required')
  const artifact = state.twirpArtifacts.find(a => a.runBackendId === request['workflow_run_backend_id'] && a.name === name)
  if (!artifact) return twirpError(res, 404, 'not_found', 'artifact not found')
  if (artifact.fault === 'expired') return twirpError(res, 404, 'not_found', 'Artifact has expired')
  if (artifact.fault === 'download-fails') return twirpError(res, 404, 'not_found', `artifact storage blob not found for "${name}"`)
  sendJson(res, 200, { signed_url: blobUrl(state, artifact) })
}

// ---------------------------------------------------------------------------------------------
// Blob storage

/** Ends in `.zip` and carries a `sig` parameter, like the Azure SAS URLs the library expects (it masks `sig`). */
function blobUrl(state: State, artifact: StoredArtifact): string {
  return `${state.url}${BLOB_PREFIX}${artifact.id}.zip?sig=${encodeURIComponent(blobSignature(state, artifact.id))}`
}

function blobSignature(state: State, id: number): string {
  return crypto.createHmac('sha256', state.blobSecret).update(String(id)).digest('base64')
}

function handleBlob(state: State, req: http.IncomingMessage, res: Reply, url: URL): void {
  state.server.blobRequests++
  const id = Number(/^(\d+)\.zip$/.exec(url.pathname.slice(BLOB_PREFIX.length))?.[1])
  const artifact = state.byId.get(id)
  if (req.method !== 'GET' || !artifact || artifact.fault === 'download-fails' || artifact.fault === 'expired') {
    return sendXml(res, 404, 'BlobNotFound', 'The specified blob does not exist.')
  }
  if (url.searchParams.get('sig') !== blobSignature(state, id)) {
    return sendXml(res, 403, 'AuthenticationFailed', 'Signature did not match.')
  }
  res.writeHead(200, {
    'Content-Type': 'application/zip',
    'Content-Length': artifact.zip.length,
    'Content-Disposition': `attachment; filename="${artifact.name}.zip"; filename*=UTF-8''${encodeURIComponent(artifact.name)}.zip`
  })
  res.end(artifact.zip)
}

/** Blob storage errors are XML, as on Azure; the library only looks at the status here. */
function sendXml(res: Reply, status: number, code: string, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/xml' })
  res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`)
}

// ---------------------------------------------------------------------------------------------
// REST API (findBy)

function restError(res: Reply, status: number, message: string, documentationUrl: string): void {
  sendJson(res, status, { message, documentation_url: documentationUrl, status: String(status) }, requestIdHeader())
}

function requestIdHeader(): Record<string, string> {
  return { 'X-GitHub-Request-Id': crypto.randomBytes(8).toString('hex').toUpperCase() }
}

function handleRest(state: State, req: http.IncomingMessage, res: Reply, url: URL): void {
  const authError = checkRestAuth(state, req.headers.authorization)
  if (authError) return restError(res, 401, authError, 'https://docs.github.com/rest')
  const path = url.pathname.slice(API_PREFIX.length)
  const list = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(path)
  const single = /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)(\/zip)?$/.exec(path)
  if (req.method === 'GET' && list) return listArtifactsRest(state, res, url, `${list[1]}/${list[2]}`, Number(list[3]))
  if (req.method === 'GET' && single) {
    const repository = `${single[1]}/${single[2]}`
    return single[4] ? downloadArtifactRest(state, res, repository, Number(single[3])) : getArtifactRest(state, res, repository, Number(single[3]))
  }
  restError(res, 404, 'Not Found', 'https://docs.github.com/rest')
}

/** Octokit sends `authorization: token <t>`; GitHub also accepts `Bearer <t>`. */
function checkRestAuth(state: State, authorization: string | undefined): string | undefined {
  if (!authorization) return 'Requires authentication'
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization)?.[1]
  if (!token || (state.token !== undefined && token !== state.token)) return 'Bad credentials'
  return undefined
}

function listArtifactsRest(state: State, res: Reply, url: URL, repository: string, runId: number): void {
  const run = findRun(state, repository, runId)
  if (!run) return restError(res, 404, 'Not Found', `${DOCS_ARTIFACTS}#list-workflow-run-artifacts`)
  const name = url.searchParams.get('name')
  const matching = run.artifacts.filter(a => name === null || a.name === name)
  // GitHub's defaults and cap: 30 per page, at most 100.
  const perPage = clamp(Number.parseInt(url.searchParams.get('per_page') ?? '', 10) || 30, 1, 100)
  const page = Math.max(Number.parseInt(url.searchParams.get('page') ?? '', 10) || 1, 1)
  const slice = matching.slice((page - 1) * perPage, page * perPage)
  const headers = { ...requestIdHeader(), ...linkHeader(url, page, Math.ceil(matching.length / perPage)) }
  sendJson(res, 200, { total_count: matching.length, artifacts: slice.map(a => toRestArtifact(state, run, a)) }, headers)
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}

/** RFC 8288 `Link` header as GitHub sends it, so `octokit.paginate` works too (the library itself uses total_count). */
function linkHeader(url: URL, page: number, lastPage: number): Record<string, string> {
  const at = (n: number, rel: string): string => {
    const target = new URL(url)
    target.searchParams.set('page', String(n))
    return `<${target.href}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(at(page - 1, 'prev'), at(1, 'first'))
  if (page < lastPage) links.push(at(page + 1, 'next'), at(lastPage, 'last'))
  return links.length > 0 ? { Link: links.join(', ') } : {}
}

function findRestArtifact(state: State, repository: string, id: number): { run: RestRun; artifact: StoredArtifact } | undefined {
  for (const run of state.restRuns) {
    const artifact = run.artifacts.find(a => a.id === id)
    if (artifact && sameRepository(run.repository, repository)) return { run, artifact }
  }
  return undefined
}

function getArtifactRest(state: State, res: Reply, repository: string, id: number): void {
  const found = findRestArtifact(state, repository, id)
  if (!found) return restError(res, 404, 'Not Found', `${DOCS_ARTIFACTS}#get-an-artifact`)
  sendJson(res, 200, toRestArtifact(state, found.run, found.artifact), requestIdHeader())
}

/** GitHub answers 302 to a short-lived blob URL; the library asks octokit not to follow it. */
function downloadArtifactRest(state: State, res: Reply, repository: string, id: number): void {
  const docs = `${DOCS_ARTIFACTS}#download-an-artifact`
  const found = findRestArtifact(state, repository, id)
  if (!found || found.artifact.fault === 'download-fails') return restError(res, 404, 'Not Found', docs)
  if (found.artifact.fault === 'expired') return restError(res, 410, 'Artifact has expired', docs)
  res.writeHead(302, { Location: blobUrl(state, found.artifact), 'Content-Length': 0, ...requestIdHeader() })
  res.end()
}

function toRestArtifact(state: State, run: RestRun, artifact: StoredArtifact): Record<string, unknown> {
  const self = `${state.url}${API_PREFIX}/repos/${run.repository}/actions/artifacts/${artifact.id}`
  return {
    id: artifact.id,
    node_id: Buffer.from(`Artifact${artifact.id}`).toString('base64'),
    name: artifact.name,
    size_in_bytes: artifact.zip.length,
    url: self,
    archive_download_url: `${self}/zip`,
    expired: artifact.fault === 'expired',
    digest: artifact.digest,
    created_at: isoSeconds(artifact.createdAt),
    updated_at: isoSeconds(artifact.createdAt),
    expires_at: isoSeconds(artifact.expiresAt),
    workflow_run: { id: run.runId }
  }
}

/** GitHub's REST timestamps have no milliseconds. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
