// Every input, parsed and validated in one place into one typed Config. A pure function of the raw
// input strings, so both shells and the tests feed it alike. All problems are collected and reported
// together, each naming the input, the value and what is accepted, before anything is sent anywhere.
import { ConfigError } from '../errors.js'
import { INPUTS, inputSetting, inputSpec, inputSubject, theInput, type InputName, type RawInputs } from './inputs.js'
import { parseReportRules, type ReportRule } from './rules.js'
import { checkTemplate } from './templates.js'

export type IfNoReports = 'warn' | 'error' | 'ignore'

export interface Config {
  /** DefectDojo base URL without trailing slash (may carry a path prefix); null only in dry-run. */
  readonly defectdojoUrl: string | null
  /** API v2 token; null only in dry-run. Never logged. */
  readonly defectdojoToken: string | null
  /** `path`: files, folders or globs relative to the workspace. */
  readonly paths: readonly string[]
  /** `artifacts`: artifact name patterns (`!` excludes); empty = download nothing. */
  readonly artifactPatterns: readonly string[]
  /** True when `artifacts` was given (the runner always gives it; a bare local run may not). */
  readonly artifactsExplicit: boolean
  /** `run-id` + `repository`: download another run's artifacts (findBy mode); null = the current run. A null repository means this one. */
  readonly otherRun: { readonly runId: number; readonly repository: { readonly owner: string; readonly repo: string } | null } | null
  /** `github-token`: another run's artifacts (with `run-id`) and the pull request comment. */
  readonly githubToken: string | null
  /** `pr-comment`: the pull request comment when something is introduced or fixed (auto), on every run (always), or never (off). */
  readonly prComment: 'auto' | 'always' | 'off'
  /** `keep-downloads`: leave downloaded artifacts under RUNNER_TEMP for debugging. */
  readonly keepDownloads: boolean
  /** `include-tracked-files`: files git tracks and that are unchanged from HEAD are looked at too (not only those named explicitly). */
  readonly includeTrackedFiles: boolean
  /** `dry-run`: recognise and plan, contact no server. */
  readonly dryRun: boolean
  /** Naming templates. */
  readonly productTypeTemplate: string
  readonly productTemplate: string
  readonly engagementTemplate: string
  readonly testTitleTemplate: string
  /** DefectDojo environment name. */
  readonly environment: string
  readonly ifNoReports: IfNoReports
  /** Uploads in flight at once. */
  readonly concurrency: number
  /** Further attempts after a retryable failure. */
  readonly retries: number
  /** Longest wait for one request, ms (`timeout-minutes`). */
  readonly requestTimeoutMs: number
  /** Reports above this size are not sent (`max-report-size-mb`, DefectDojo's DD_SCAN_FILE_MAX_SIZE). */
  readonly maxReportBytes: number
  /** PEM files for TLS (paths as given; read by readConfigFiles). */
  readonly caCertificates: string | null
  readonly clientCertificate: string | null
  readonly clientKey: string | null
  /** `extra-headers`: name → value, sent with every request. */
  readonly extraHeaders: Readonly<Record<string, string>>
  /** `reimport` (one test per report, kept alive) or `import` (a new test every run). */
  readonly mode: 'reimport' | 'import'
  /** `branch-isolation`: runs off the default branch, pull requests and forks go to an engagement of their own. */
  readonly branchIsolation: boolean
  /** `branch`, `commit`, `default-branch`: what the run's context says, corrected; null keeps the context's. */
  readonly contextOverrides: { readonly branch: string | null; readonly commit: string | null; readonly defaultBranch: string | null }
  /** `if-no-branch`: with isolation on and no branch known, stop (error) or use "<engagement> (no branch)". */
  readonly ifNoBranch: 'error' | 'isolate'
  /** `if-no-credentials`: URL and token both empty where GitHub withholds secrets: plan only (skip) or fail. */
  readonly ifNoCredentials: 'skip' | 'error'
  /** `version`: null = the tag name on tag pushes, else empty. */
  readonly version: string | null
  /** `scan-types` rules, first match wins. */
  readonly rules: readonly ReportRule[]
  /** Pass-through import options, each omitted unless set (server defaults apply). */
  readonly options: ImportOptions
  /** `fail-on-error`: fail the step when any report failed to upload (after all were tried). */
  readonly failOnError: boolean
  /** `fail-on-unrecognized`: fail the step when a file was not recognised (files for people never count). */
  readonly failOnUnrecognized: boolean
}

/** DefectDojo's optional import/reimport fields (docs/defectdojo-api.md §a), exactly as the server spells their values. */
export interface ImportOptions {
  readonly service: string | null
  readonly scanDate: string | null
  readonly minimumSeverity: string | null
  readonly active: boolean | null
  readonly verified: boolean | null
  readonly closeOldFindings: boolean | null
  readonly closeOldFindingsProductScope: boolean | null
  readonly doNotReactivate: boolean | null
  readonly tags: readonly string[]
  readonly applyTagsToFindings: boolean | null
  readonly applyTagsToEndpoints: boolean | null
  readonly groupBy: string | null
  readonly createFindingGroupsForAllFindings: boolean | null
  readonly pushToJira: boolean | null
  readonly deduplicationOnEngagement: boolean | null
  readonly deduplicationExecutionMode: string | null
  readonly engagementEndDate: string | null
  readonly lead: number | null
  readonly apiScanConfiguration: number | null
}

/** Reads typed values from the raw strings, collecting problems instead of throwing. */
class Reader {
  readonly problems: string[] = []
  private readonly raw: RawInputs
  constructor(raw: RawInputs) {
    this.raw = raw
  }

  /** The trimmed value, or the table's default when empty or missing. */
  text(name: InputName): string {
    const value = this.raw[name]?.trim()
    return value === undefined || value === '' ? INPUTS[name].default : value
  }

  /** Lines or list items, trimmed, blanks and `#` comments dropped. */
  items(name: InputName): string[] {
    const value = this.raw[name] ?? INPUTS[name].default
    return inputSpec(name).kind === 'list' ? splitList(value) : splitLines(value)
  }

  flag(name: InputName): boolean {
    return this.boolean(name, this.text(name)) ?? false
  }

  /** true / false, or null when not set. */
  tristate(name: InputName): boolean | null {
    const value = this.text(name)
    return value === '' ? null : this.boolean(name, value)
  }

  choice<T extends string>(name: InputName): T {
    const value = this.text(name)
    const choices = (inputSpec(name).choices ?? []) as readonly T[]
    if ((choices as readonly string[]).includes(value)) return value as T
    this.problems.push(`${inputSubject(name)} is "${value}": use one of ${choices.join(', ')}.`)
    return choices[0]!
  }

  /** A choice that may be left empty (DefectDojo's default). */
  optionalChoice(name: InputName): string | null {
    return this.text(name) === '' ? null : this.choice(name)
  }

  number(name: InputName): number {
    const spec = inputSpec(name)
    const value = this.text(name)
    const number = Number(value)
    const integer = spec.kind === 'integer'
    const { min, max } = spec.range ?? { min: -Infinity, max: Infinity }
    if (value === '' || !Number.isFinite(number) || number < min || number > max || (integer && !Number.isInteger(number))) {
      this.problems.push(`${inputSubject(name)} is "${value}": use ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`)
      return min
    }
    return number
  }

  optionalNumber(name: InputName): number | null {
    return this.text(name) === '' ? null : this.number(name)
  }

  /** `YYYY-MM-DD`, the only date format DefectDojo accepts (docs/defectdojo-api.md §0). */
  date(name: InputName, rule: { notInFuture: boolean }): string | null {
    const value = this.text(name)
    if (value === '') return null
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      this.problems.push(`${inputSubject(name)} is "${value}": use a date as YYYY-MM-DD.`)
      return null
    }
    // The server refuses a scan_date after its own date; a day of slack covers time zones.
    if (rule.notInFuture && date.getTime() > Date.now() + 86_400_000) this.problems.push(`${inputSubject(name)} is "${value}", which is in the future: DefectDojo refuses it.`)
    return value
  }

  /** The YAML 1.2 core-schema booleans, as @actions/core accepts them. */
  private boolean(name: InputName, value: string): boolean | null {
    if (['true', 'True', 'TRUE'].includes(value)) return true
    if (['false', 'False', 'FALSE'].includes(value)) return false
    this.problems.push(`${inputSubject(name)} is "${value}": use true or false.`)
    return null
  }
}

/** `earlier`: problems found before the values were read (misspelled inputs), reported with the rest. */
export function parseConfig(raw: RawInputs, earlier: readonly string[] = []): Config {
  const read = new Reader(raw)
  const problems = read.problems
  problems.push(...earlier)

  const dryRun = read.flag('dry-run')
  const url = read.text('defectdojo-url')
  const token = read.text('defectdojo-token')
  const allowInsecure = read.flag('allow-insecure-http')
  let defectdojoUrl: string | null = null
  if (url) defectdojoUrl = parseUrl(url, allowInsecure, problems)
  else if (!dryRun) problems.push(`${inputSubject('defectdojo-url')} is required (the base URL of DefectDojo, e.g. https://defectdojo.example.com), unless ${inputSetting('dry-run', 'true')}.`)
  if (!token && !dryRun) problems.push(`${inputSubject('defectdojo-token')} is required (a DefectDojo API v2 key, best from a secret), unless ${inputSetting('dry-run', 'true')}.`)
  if (token && /\s/.test(token)) problems.push(`${inputSubject('defectdojo-token')} contains white space: paste only the 40-character API v2 key, without "Token ".`)
  else if (token && invisible(token) !== null) problems.push(`${inputSubject('defectdojo-token')} contains ${invisible(token)}: paste only the 40-character API v2 key, as DefectDojo shows it.`)

  for (const name of ['product-type', 'product', 'engagement', 'test-title'] as const) problems.push(...checkTemplate(inputSubject(name), read.text(name)))

  const runId = read.text('run-id')
  const repository = read.text('repository')
  const githubToken = read.text('github-token')
  let otherRun: Config['otherRun'] = null
  if (runId) {
    if (!/^\d+$/.test(runId)) problems.push(`${inputSubject('run-id')} is "${runId}": use the numeric id of a workflow run (github.event.workflow_run.id).`)
    const [owner, repo, extra] = repository.split('/')
    if (repository && (!owner || !repo || extra !== undefined)) problems.push(`${inputSubject('repository')} is "${repository}": use owner/name.`)
    if (!githubToken) problems.push(`${inputSubject('github-token')} is required with \`run-id\` (the default, github.token, works when the workflow grants \`actions: read\`).`)
    otherRun = { runId: Number(runId), repository: repository ? { owner: owner ?? '', repo: repo ?? '' } : null }
  } else if (repository) {
    problems.push(`${inputSubject('repository')} only applies together with \`run-id\`: give the run whose artifacts to download.`)
  }

  const clientCertificate = read.text('client-certificate') || null
  const clientKey = read.text('client-key') || null
  if (Boolean(clientCertificate) !== Boolean(clientKey)) problems.push('Inputs `client-certificate` and `client-key` go together: give both PEM files for mutual TLS, or neither.')

  const mode = read.choice<Config['mode']>('mode')
  const options = importOptions(read)
  if (options.doNotReactivate !== null && mode === 'import') {
    problems.push(`${inputSubject('do-not-reactivate')} only applies to reimport: remove it, or use ${inputSetting('mode', 'reimport')}.`)
  }
  if (options.closeOldFindingsProductScope && mode === 'reimport') {
    problems.push(`${inputSubject('close-old-findings-product-scope')} has no effect on reimport (DefectDojo ignores it there): remove it, or use ${inputSetting('mode', 'import')}.`)
  }

  const config: Config = {
    defectdojoUrl,
    defectdojoToken: token || null,
    paths: read.items('path'),
    // `artifacts` is the one input where an explicit empty value means something (download nothing).
    artifactPatterns: read.items('artifacts'),
    artifactsExplicit: raw.artifacts !== undefined,
    otherRun,
    githubToken: githubToken || null,
    prComment: read.choice<Config['prComment']>('pr-comment'),
    keepDownloads: read.flag('keep-downloads'),
    includeTrackedFiles: read.flag('include-tracked-files'),
    dryRun,
    productTypeTemplate: read.text('product-type'),
    productTemplate: read.text('product'),
    engagementTemplate: read.text('engagement'),
    testTitleTemplate: read.text('test-title'),
    environment: read.text('environment'),
    ifNoReports: read.choice<IfNoReports>('if-no-reports'),
    concurrency: read.number('concurrency'),
    retries: read.number('retries'),
    requestTimeoutMs: Math.round(read.number('timeout-minutes') * 60_000),
    maxReportBytes: Math.floor(read.number('max-report-size-mb') * 1048576),
    caCertificates: read.text('ca-certificates') || null,
    clientCertificate,
    clientKey,
    extraHeaders: parseHeaders(raw['extra-headers'] ?? '', problems),
    mode,
    branchIsolation: read.flag('branch-isolation'),
    contextOverrides: { branch: read.text('branch') || null, commit: read.text('commit') || null, defaultBranch: read.text('default-branch') || null },
    ifNoBranch: read.choice<Config['ifNoBranch']>('if-no-branch'),
    ifNoCredentials: read.choice<Config['ifNoCredentials']>('if-no-credentials'),
    version: read.text('version') || null,
    rules: parseReportRules(read.items('scan-types'), problems),
    options,
    failOnError: read.flag('fail-on-error'),
    failOnUnrecognized: read.flag('fail-on-unrecognized')
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}

/** Whether the inputs ask for a dry run, even when other inputs are invalid (for the summary of a failed run). */
export function wasDryRun(raw: RawInputs): boolean {
  return new Reader(raw).flag('dry-run')
}

function importOptions(read: Reader): ImportOptions {
  const tags = read.items('tags')
  for (const tag of tags) {
    // docs/defectdojo-api.md §0: each tag may not contain spaces, commas or quotes (DefectDojo's tag validator).
    if (/[\s,'"]/.test(tag)) read.problems.push(`${inputSubject('tags')} has "${tag}": tags may not contain spaces, commas or quotes.`)
  }
  return {
    service: read.text('service') || null,
    scanDate: read.date('scan-date', { notInFuture: true }),
    minimumSeverity: read.optionalChoice('minimum-severity'),
    active: read.tristate('active'),
    verified: read.tristate('verified'),
    closeOldFindings: read.tristate('close-old-findings'),
    closeOldFindingsProductScope: read.tristate('close-old-findings-product-scope'),
    doNotReactivate: read.tristate('do-not-reactivate'),
    tags,
    applyTagsToFindings: read.tristate('apply-tags-to-findings'),
    applyTagsToEndpoints: read.tristate('apply-tags-to-endpoints'),
    groupBy: read.optionalChoice('group-by'),
    createFindingGroupsForAllFindings: read.tristate('create-finding-groups-for-all-findings'),
    pushToJira: read.tristate('push-to-jira'),
    deduplicationOnEngagement: read.tristate('deduplication-on-engagement'),
    deduplicationExecutionMode: read.optionalChoice('deduplication-execution-mode'),
    engagementEndDate: read.date('engagement-end-date', { notInFuture: false }),
    lead: read.optionalNumber('lead'),
    apiScanConfiguration: read.optionalNumber('api-scan-configuration')
  }
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
      problems.push(`${inputSubject('extra-headers')} line ${index + 1} is not \`Name: value\`.`)
      return
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      problems.push(`${inputSubject('extra-headers')} may not set ${name}: the action sets it itself.`)
      return
    }
    const headerValue = line.slice(colon + 1).trim()
    // Never the value itself: it is a secret.
    if (invisible(headerValue) !== null) problems.push(`${inputSubject('extra-headers')} line ${index + 1} (${name}) has ${invisible(headerValue)} in its value: HTTP cannot send it; paste the value again.`)
    headers[name] = headerValue
  })
  return headers
}

/** "a control or invisible character (U+200B at position 12)" for the first one in a value, or null. Never the value. */
function invisible(value: string): string | null {
  const match = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/.exec(value)
  if (!match) return null
  return `a control or invisible character (U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${match.index + 1})`
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/

function parseUrl(value: string, allowInsecure: boolean, problems: string[]): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problems.push(`${inputSubject('defectdojo-url')} is "${value}", which is not a URL: give the base URL, e.g. https://defectdojo.example.com.`)
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`${inputSubject('defectdojo-url')} is "${value}": use an http:// or https:// URL.`)
    return null
  }
  if (url.protocol === 'http:' && !allowInsecure && !LOOPBACK.test(url.hostname)) {
    problems.push(`${inputSubject('defectdojo-url')} is "${value}": plain http:// would send the API key unencrypted; use https://, or set ${inputSetting('allow-insecure-http', 'true')} for a trusted network.`)
    return null
  }
  if (url.username || url.password) {
    problems.push(`${inputSubject('defectdojo-url')} contains credentials: put the API key in ${theInput('defectdojo-token')} instead.`)
    return null
  }
  // Users paste the API root or a UI page; the client appends /api/v2/… itself.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '')
  return `${url.origin}${path}`
}
