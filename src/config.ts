// Every input, parsed and validated in one place into one typed Config. A pure function of the raw
// input strings, so the Actions shell (core.getInput) and tests feed it alike. All problems are
// collected and reported together, each naming the input, the value and what is accepted, before
// anything is sent anywhere.
import { INPUTS, type InputName } from './inputs.js'
import { checkTemplate } from './plan/naming.js'
import { parseReportRules, type ReportRule } from './plan/rules.js'

/** A user error in the inputs: the action stops before any upload and says what to change. */
export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} inputs are invalid:\n- ${problems.join('\n- ')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

export type IfNoReports = 'warn' | 'error' | 'ignore'

export interface Config {
  /** DefectDojo base URL without trailing slash (may carry a path prefix); null only in dry-run. */
  defectdojoUrl: string | null
  /** API v2 token; null only in dry-run. Never logged. */
  defectdojoToken: string | null
  /** `path`: files, folders or globs relative to the workspace. */
  paths: string[]
  /** `artifacts`: artifact name patterns (`!` excludes); empty = download nothing. */
  artifactPatterns: string[]
  /** `dry-run`: recognise and plan, contact no server. */
  dryRun: boolean
  /** Naming templates. */
  productTypeTemplate: string
  productTemplate: string
  engagementTemplate: string
  testTitleTemplate: string
  /** DefectDojo environment name. */
  environment: string
  ifNoReports: IfNoReports
  /** True when `artifacts` was given (the runner always gives it; a bare local run may not). */
  artifactsExplicit: boolean
  /** `run-id` + `repository`: download another run's artifacts (findBy mode); null = the current run. A null repository means this one. */
  otherRun: { runId: number; repository: { owner: string; repo: string } | null } | null
  /** `github-token`, used only with `run-id`. */
  githubToken: string | null
  /** `keep-downloads`: leave downloaded artifacts under RUNNER_TEMP for debugging. */
  keepDownloads: boolean
  /** Uploads in flight at once. */
  concurrency: number
  /** Further attempts after a retryable failure. */
  retries: number
  /** Longest wait for one request, ms (`timeout-minutes`). */
  requestTimeoutMs: number
  /** Reports above this size are not sent (`max-report-size-mb`, DefectDojo's DD_SCAN_FILE_MAX_SIZE). */
  maxReportBytes: number
  /** PEM files for TLS (paths as given). */
  caCertificates: string | null
  clientCertificate: string | null
  clientKey: string | null
  /** `extra-headers`: name → value, sent with every request. */
  extraHeaders: Record<string, string>
  /** `reimport` (one test per report, kept alive) or `import` (a new test every run). */
  mode: 'reimport' | 'import'
  /** `branch-isolation`: runs off the default branch go to an engagement of their own. */
  branchIsolation: boolean
  /** `version`: null = the tag name on tag pushes, else empty. */
  version: string | null
  /** `scan-types` rules. */
  rules: ReportRule[]
  /** Pass-through import options, each omitted unless set (server defaults apply). */
  options: ImportOptions
  /** `fail-on-error`: fail the step when any report failed to upload (after all were tried). */
  failOnError: boolean
  /** `fail-on-unrecognized`: fail the step when a file was not recognised (files for people never count). */
  failOnUnrecognized: boolean
}

/** DefectDojo's optional import/reimport fields (API.md §a), exactly as the server spells their values. */
export interface ImportOptions {
  service: string | null
  scanDate: string | null
  minimumSeverity: string | null
  active: boolean | null
  verified: boolean | null
  closeOldFindings: boolean | null
  closeOldFindingsProductScope: boolean | null
  doNotReactivate: boolean | null
  tags: string[]
  applyTagsToFindings: boolean | null
  applyTagsToEndpoints: boolean | null
  groupBy: string | null
  createFindingGroupsForAllFindings: boolean | null
  pushToJira: boolean | null
  deduplicationOnEngagement: boolean | null
  engagementEndDate: string | null
  lead: number | null
  apiScanConfiguration: number | null
}

/** API.md §a: `minimum_severity` choices (dojo/models.py) and `group_by` choices (dojo/finding/models.py). */
export const SEVERITY_CHOICES = ['Info', 'Low', 'Medium', 'High', 'Critical'] as const
export const GROUP_BY_CHOICES = ['component_name', 'component_name+component_version', 'file_path', 'finding_title', 'vuln_id_from_tool'] as const

/** The raw input strings by input name, as in action.yml ('' or missing = not set). */
export type RawInputs = Readonly<Record<string, string | undefined>>

/** Input names and their defaults (from the INPUTS table, which action.yml mirrors). */
export const INPUT_DEFAULTS = Object.fromEntries(Object.entries(INPUTS).map(([name, spec]) => [name, spec.default])) as { [K in InputName]: (typeof INPUTS)[K]['default'] }

export type { InputName }


export function parseConfig(raw: RawInputs): Config {
  const problems: string[] = []
  const get = (name: InputName): string => {
    const value = raw[name]?.trim()
    return value === undefined || value === '' ? INPUT_DEFAULTS[name] : value
  }
  // `artifacts` is the one input where an explicit empty value means something (download nothing).
  const artifactsRaw = raw.artifacts === undefined ? INPUT_DEFAULTS.artifacts : raw.artifacts

  const dryRun = parseBoolean('dry-run', get('dry-run'), problems)
  const url = get('defectdojo-url')
  const token = get('defectdojo-token')
  let defectdojoUrl: string | null = null
  const allowInsecure = parseBoolean('allow-insecure-http', get('allow-insecure-http'), problems)
  if (url) defectdojoUrl = parseUrl(url, allowInsecure, problems)
  else if (!dryRun) problems.push('Input `defectdojo-url` is required (the base URL of DefectDojo, e.g. https://defectdojo.example.com), unless `dry-run: true`.')
  if (!token && !dryRun) problems.push('Input `defectdojo-token` is required (a DefectDojo API v2 key, best from a secret), unless `dry-run: true`.')
  if (token && /\s/.test(token)) problems.push('Input `defectdojo-token` contains white space: paste only the 40-character API v2 key, without "Token ".')

  for (const name of ['product-type', 'product', 'engagement', 'test-title'] as const) problems.push(...checkTemplate(name, get(name)))
  const environment = get('environment')
  const ifNoReports = parseChoice('if-no-reports', get('if-no-reports'), ['warn', 'error', 'ignore'] as const, problems)

  const runId = get('run-id')
  const repository = get('repository')
  const githubToken = get('github-token')
  let otherRun: Config['otherRun'] = null
  if (runId) {
    if (!/^\d+$/.test(runId)) problems.push(`Input \`run-id\` is "${runId}": use the numeric id of a workflow run (github.event.workflow_run.id).`)
    const [owner, repo, extra] = repository.split('/')
    if (repository && (!owner || !repo || extra !== undefined)) problems.push(`Input \`repository\` is "${repository}": use owner/name.`)
    if (!githubToken) problems.push('Input `github-token` is required with `run-id` (the default, github.token, works when the workflow grants `actions: read`).')
    otherRun = { runId: Number(runId), repository: repository ? { owner: owner ?? '', repo: repo ?? '' } : null }
  } else if (repository) {
    problems.push('Input `repository` only applies together with `run-id`: give the run whose artifacts to download.')
  }

  const clientCertificate = get('client-certificate') || null
  const clientKey = get('client-key') || null
  if (Boolean(clientCertificate) !== Boolean(clientKey)) problems.push('Inputs `client-certificate` and `client-key` go together: give both PEM files for mutual TLS, or neither.')

  const config: Config = {
    defectdojoUrl,
    defectdojoToken: token || null,
    paths: splitLines(raw.path ?? ''),
    artifactPatterns: splitList(artifactsRaw),
    dryRun,
    productTypeTemplate: get('product-type'),
    productTemplate: get('product'),
    engagementTemplate: get('engagement'),
    testTitleTemplate: get('test-title'),
    environment,
    ifNoReports,
    artifactsExplicit: raw.artifacts !== undefined,
    otherRun,
    githubToken: githubToken || null,
    keepDownloads: parseBoolean('keep-downloads', get('keep-downloads'), problems),
    concurrency: parseNumber('concurrency', get('concurrency'), { min: 1, max: 32, integer: true }, problems),
    retries: parseNumber('retries', get('retries'), { min: 0, max: 10, integer: true }, problems),
    requestTimeoutMs: Math.round(parseNumber('timeout-minutes', get('timeout-minutes'), { min: 0.01, max: 360, integer: false }, problems) * 60_000),
    maxReportBytes: Math.floor(parseNumber('max-report-size-mb', get('max-report-size-mb'), { min: 0.001, max: 1_000_000, integer: false }, problems) * 1048576),
    caCertificates: get('ca-certificates') || null,
    clientCertificate,
    clientKey,
    extraHeaders: parseHeaders(raw['extra-headers'] ?? '', problems),
    mode: parseChoice('mode', get('mode'), ['reimport', 'import'] as const, problems),
    branchIsolation: parseBoolean('branch-isolation', get('branch-isolation'), problems),
    version: raw.version?.trim() ? raw.version.trim() : null,
    rules: parseReportRules(splitLines(raw['scan-types'] ?? ''), problems),
    options: parseImportOptions(get, problems),
    failOnError: parseBoolean('fail-on-error', get('fail-on-error'), problems),
    failOnUnrecognized: parseBoolean('fail-on-unrecognized', get('fail-on-unrecognized'), problems)
  }
  if (config.options.doNotReactivate !== null && config.mode === 'import') {
    problems.push('Input `do-not-reactivate` only applies to reimport: remove it, or use `mode: reimport`.')
  }
  if (config.options.closeOldFindingsProductScope && config.mode === 'reimport') {
    problems.push('Input `close-old-findings-product-scope` has no effect on reimport (API.md: DefectDojo ignores it there): remove it, or use `mode: import`.')
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}

/** Newline-separated values, trimmed, blanks and `#` comments dropped. */
export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/** Newline- or comma-separated values. */
export function splitList(value: string): string[] {
  return splitLines(value.replace(/,/g, '\n'))
}

/** The YAML 1.2 core-schema booleans, as @actions/core accepts them, plus empty = default. */
export function parseBoolean(name: string, value: string, problems: string[]): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  problems.push(`Input \`${name}\` is "${value}": use true or false.`)
  return false
}

export function parseChoice<T extends string>(name: string, value: string, choices: readonly T[], problems: string[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T
  problems.push(`Input \`${name}\` is "${value}": use one of ${choices.join(', ')}.`)
  return choices[0]!
}

function parseImportOptions(get: (name: InputName) => string, problems: string[]): ImportOptions {
  const flag = (name: InputName): boolean | null => {
    const value = get(name)
    return value === '' ? null : parseBoolean(name, value, problems)
  }
  const choice = <T extends string>(name: InputName, choices: readonly T[]): T | null => (get(name) === '' ? null : parseChoice(name, get(name), choices, problems))
  const integer = (name: InputName): number | null => (get(name) === '' ? null : parseNumber(name, get(name), { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true }, problems))
  const tags = splitList(get('tags'))
  for (const tag of tags) {
    // API.md §0: each tag may not contain spaces, commas or quotes (DefectDojo's tag validator).
    if (/[\s,'"]/.test(tag)) problems.push(`Input \`tags\` has "${tag}": tags may not contain spaces, commas or quotes.`)
  }
  return {
    service: get('service') || null,
    scanDate: parseDate('scan-date', get('scan-date'), problems, { notInFuture: true }),
    minimumSeverity: choice('minimum-severity', SEVERITY_CHOICES),
    active: flag('active'),
    verified: flag('verified'),
    closeOldFindings: flag('close-old-findings'),
    closeOldFindingsProductScope: flag('close-old-findings-product-scope'),
    doNotReactivate: flag('do-not-reactivate'),
    tags,
    applyTagsToFindings: flag('apply-tags-to-findings'),
    applyTagsToEndpoints: flag('apply-tags-to-endpoints'),
    groupBy: choice('group-by', GROUP_BY_CHOICES),
    createFindingGroupsForAllFindings: flag('create-finding-groups-for-all-findings'),
    pushToJira: flag('push-to-jira'),
    deduplicationOnEngagement: flag('deduplication-on-engagement'),
    engagementEndDate: parseDate('engagement-end-date', get('engagement-end-date'), problems, { notInFuture: false }),
    lead: integer('lead'),
    apiScanConfiguration: integer('api-scan-configuration')
  }
}

/** `YYYY-MM-DD`, the only date format DefectDojo accepts (API.md §0). */
function parseDate(name: string, value: string, problems: string[], rule: { notInFuture: boolean }): string | null {
  if (value === '') return null
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    problems.push(`Input \`${name}\` is "${value}": use a date as YYYY-MM-DD.`)
    return null
  }
  // The server refuses a scan_date after its own date; a day of slack covers time zones.
  if (rule.notInFuture && date.getTime() > Date.now() + 86_400_000) problems.push(`Input \`${name}\` is "${value}", which is in the future: DefectDojo refuses it.`)
  return value
}

export function parseNumber(name: string, value: string, range: { min: number; max: number; integer: boolean }, problems: string[]): number {
  const number = Number(value)
  if (value === '' || !Number.isFinite(number) || number < range.min || number > range.max || (range.integer && !Number.isInteger(number))) {
    problems.push(`Input \`${name}\` is "${value}": use ${range.integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}.`)
    return range.min
  }
  return number
}

/** Headers DefectDojo or HTTP itself owns: overriding them would break the upload or the auth. */
const RESERVED_HEADERS = new Set(['authorization', 'content-type', 'content-length', 'host', 'transfer-encoding', 'connection', 'x-request-id'])

/** `extra-headers` lines `Name: value`. */
function parseHeaders(value: string, problems: string[]): Record<string, string> {
  const headers: Record<string, string> = {}
  splitLines(value).forEach((line, index) => {
    const colon = line.indexOf(':')
    const name = colon > 0 ? line.slice(0, colon).trim() : ''
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      // The line may hold a secret: say which line, never what it holds.
      problems.push(`Input \`extra-headers\` line ${index + 1} is not \`Name: value\`.`)
      return
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      problems.push(`Input \`extra-headers\` may not set ${name}: the action sets it itself.`)
      return
    }
    headers[name] = line.slice(colon + 1).trim()
  })
  return headers
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/

function parseUrl(value: string, allowInsecure: boolean, problems: string[]): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problems.push(`Input \`defectdojo-url\` is "${value}", which is not a URL: give the base URL, e.g. https://defectdojo.example.com.`)
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`Input \`defectdojo-url\` is "${value}": use an http:// or https:// URL.`)
    return null
  }
  if (url.protocol === 'http:' && !allowInsecure && !LOOPBACK.test(url.hostname)) {
    problems.push(`Input \`defectdojo-url\` is "${value}": plain http:// would send the API key unencrypted; use https://, or set \`allow-insecure-http: true\` for a trusted network.`)
    return null
  }
  if (url.username || url.password) {
    problems.push('Input `defectdojo-url` contains credentials: put the API key in `defectdojo-token` instead.')
    return null
  }
  // Users paste the API root or a UI page; the client appends /api/v2/… itself.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '')
  return `${url.origin}${path}`
}
