/**
 * The stand-in's report parsers: for the formats the tests upload, the findings DefectDojo 3.2.0's parser
 * (dojo/tools/<parser>/parser.py) makes of a report — title (as the parser writes it; Finding.save() title-cases
 * it, see dojo-titlecase.ts), severity mapping, description, cwe, file_path, line, vuln_id_from_tool,
 * unique_id_from_tool, vulnerability ids, component, and the status flags a parser sets — so hash_code and the
 * reimport matching (dojo-fingerprint.ts) see what DefectDojo's see. Written from the parsers' behaviour, not
 * copied; checked against DefectDojo's own parsers on the conformance recording's reports
 * (docs/defectdojo-api.md §m).
 *
 * PARSED_FAITHFULLY names the scan types handled here; any other scan type is accepted by the stand-in with
 * zero findings (startDojoServer's `unparsedScanTypes` says so).
 */
export type Severity = 'Info' | 'Low' | 'Medium' | 'High' | 'Critical'

/** Python ValueError raised by a parser: DefectDojo answers 400 {"message": "['…']"} (§d). */
export class PyValueError extends Error {}
/** Any other parser exception (KeyError, TypeError, XML ParseError…): DefectDojo answers 500 (§d). */
export class ParserCrash extends Error {}

/** One finding as DefectDojo's parser makes it, before the importer saves it. */
export interface ParsedFinding {
  title: string
  severity: Severity
  description: string
  cwe: number
  cwes?: number[]
  file_path: string | null
  line: number | null
  vuln_id_from_tool: string | null
  unique_id_from_tool: string | null
  vulnerability_ids?: string[]
  component_name?: string | null
  component_version?: string | null
  /** URL locations (dynamic findings). */
  endpoints?: string[]
  static_finding: boolean
  dynamic_finding: boolean
  /** Status a parser sets from the report (Trivy's Status, SARIF suppressions); absent = the model default. */
  active?: boolean
  verified?: boolean
  false_p?: boolean
  is_mitigated?: boolean
  service?: string | null
}
export interface ParsedReport { findings: ParsedFinding[]; testTypeName?: string }

const SEVERITIES: readonly string[] = ['Info', 'Low', 'Medium', 'High', 'Critical']

/** BaseImporter.sanitize_severity: info…/none → Info; anything else unknown is refused. */
export function sanitizeSeverity(value: string): Severity {
  if (value !== 'Info' && (value.toLowerCase().startsWith('info') || value.toLowerCase() === 'none')) return 'Info'
  if (!SEVERITIES.includes(value)) {
    throw new PyValueError(`Finding severity "${value}" is not supported. Any of the following are supported: ['Critical', 'High', 'Medium', 'Low', 'Info'].`)
  }
  return value as Severity
}

// ---------------------------------------------------------------------------------------------------------
// Python-ish helpers
// ---------------------------------------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : [])
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v))
const orNull = (v: unknown): string | null => (v === undefined || v === null ? null : String(v))
const intOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : null)

/** d["key"]: a KeyError (a 500) when the key is absent. */
function need(d: unknown, key: string): unknown {
  if (!isRecord(d) || !(key in d)) throw new ParserCrash(`KeyError: '${key}'`)
  return d[key]
}

/** json.load, with Python's JSONDecodeError wording (positions approximate V8's). */
export function loadJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    const at = /at position (\d+)/.exec(message)
    const pos = at ? Number(at[1]) : /end of JSON input/.test(message) ? body.length : body.length - body.trimStart().length
    const before = body.slice(0, pos)
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

/** textwrap.shorten(text, width): whitespace collapsed, cut at a word boundary with " [...]". */
function shorten(value: string, width: number): string {
  const collapsed = value.trim().split(/\s+/).filter(Boolean).join(' ')
  if (collapsed.length <= width) return collapsed
  const room = width - ' [...]'.length
  let out = ''
  for (const word of collapsed.split(' ')) {
    const next = out ? `${out} ${word}` : word
    if (next.length > room) break
    out = next
  }
  return out ? `${out} [...]` : '[...]'
}

const finding = (f: Partial<ParsedFinding> & Pick<ParsedFinding, 'title' | 'severity'>): ParsedFinding => ({
  description: '', cwe: 0, file_path: null, line: null, vuln_id_from_tool: null, unique_id_from_tool: null,
  static_finding: false, dynamic_finding: true, ...f,
})

// ---------------------------------------------------------------------------------------------------------
// The parsers
// ---------------------------------------------------------------------------------------------------------

/** dojo/tools/gitleaks: the current format (Description/RuleID…) and the legacy one (rule/offender…). */
function parseGitleaks(body: string): ParsedReport {
  const data = loadJson(body)
  if (data === null) return { findings: [] } // an empty report is just null
  if (!Array.isArray(data)) throw new ParserCrash('iterating a JSON object yields its keys')
  const dupes = new Map<string, ParsedFinding>()
  for (const issue of data) {
    if (!isRecord(issue)) throw new ParserCrash('AttributeError: get')
    if (issue.rule) gitleaksLegacy(issue, dupes)
    else if (issue.Description) gitleaksCurrent(issue, dupes)
    else throw new PyValueError('Format is not recognized for Gitleaks')
  }
  return { findings: [...dupes.values()] }
}

function gitleaksCurrent(issue: Record<string, unknown>, dupes: Map<string, ParsedFinding>): void {
  const reason = text(issue.Description)
  const line = issue.StartLine ? Number(issue.StartLine) : 0
  const filePath = orNull(issue.File)
  const message = text(issue.Message)
  const title = `Hard coded ${reason} found in ${text(filePath ?? 'None')}`
  let description = ''
  if (issue.Secret) description += `**Secret:** ${text(issue.Secret)}\n`
  if (issue.Match) description += `**Match:** ${text(issue.Match)}\n`
  if (message) {
    description += message.split('\n').length > 1
      ? `**Commit message:**\n\`\`\`\n${message.replaceAll('```', '\\`\\`\\`')}\n\`\`\`\n`
      : `**Commit message:** ${message}\n`
  }
  if (issue.Commit) description += `**Commit hash:** ${text(issue.Commit)}\n`
  if (issue.Date) description += `**Commit date:** ${text(issue.Date)}\n`
  if (issue.RuleID) description += `**Rule Id:** ${text(issue.RuleID)}`
  if (description === '') throw new ParserCrash('IndexError: string index out of range')
  if (description.endsWith('\n')) description = description.slice(0, -1)
  if (typeof issue.Secret !== 'string') throw new ParserCrash('TypeError: can only concatenate str')
  // The parser merges findings of one title, secret and line into one (its dupe_key).
  const key = `${title}\u0000${issue.Secret}\u0000${line}`
  const seen = dupes.get(key)
  if (seen) { seen.description += `\n\n***\n\n${description}`; return }
  dupes.set(key, finding({
    title, severity: 'High', description, cwe: 798, file_path: filePath, line, static_finding: true, dynamic_finding: false,
  }))
}

function gitleaksLegacy(issue: Record<string, unknown>, dupes: Map<string, ParsedFinding>): void {
  const filePath = text(need(issue, 'file'))
  const reason = text(need(issue, 'rule'))
  let description = `**Commit:** ${text(need(issue, 'commitMessage')).replace(/\n+$/, '')}\n`
  description += `**Commit Hash:** ${text(need(issue, 'commit'))}\n**Commit Date:** ${text(need(issue, 'date'))}\n`
  description += `**Author:** ${text(need(issue, 'author'))} <${text(need(issue, 'email'))}>\n**Reason:** ${reason}\n**Path:** ${filePath}\n`
  let line: number | null = null
  if ('lineNumber' in issue) { description += `**Line:** ${text(issue.lineNumber)}\n`; line = intOrNull(issue.lineNumber) }
  if ('operation' in issue) description += `**Operation:** ${text(issue.operation)}\n`
  if ('leakURL' in issue) description += `**Leak URL:** [${text(issue.leakURL)}](${text(issue.leakURL)})\n`
  const offender = text(need(issue, 'offender'))
  description += `\n**String Found:**\n\n\`\`\`\n${text(need(issue, 'line')).replaceAll(offender, 'REDACTED')}\n\`\`\``
  const severity: Severity = /Github|AWS|Heroku/.test(reason) ? 'Critical' : 'High'
  const key = `${offender}\u0000${filePath}\u0000${line}`
  if (dupes.has(key)) return
  dupes.set(key, finding({
    title: `Hard Coded ${reason}`, severity, description, cwe: 798, file_path: filePath, line, static_finding: true, dynamic_finding: false,
  }))
}

/** dojo/tools/semgrep: `results` (semgrep CLI) or `vulns` (Semgrep supply chain); neither → nothing. */
function parseSemgrep(body: string): ParsedReport {
  const data = loadJson(body)
  if (!isRecord(data)) throw new ParserCrash('TypeError: argument of type is not iterable')
  const dupes = new Map<string, ParsedFinding>()
  const add = (f: ParsedFinding): void => {
    const key = `${f.title}\u0000${f.file_path}\u0000${f.line}`
    if (!dupes.has(key)) dupes.set(key, f)
  }
  const severity = (value: unknown): Severity => {
    const upper = text(value).toUpperCase()
    if (upper === 'CRITICAL') return 'Critical'
    if (upper === 'WARNING' || upper === 'MEDIUM') return 'Medium'
    if (upper === 'ERROR' || upper === 'HIGH') return 'High'
    if (upper === 'LOW' || upper === 'INFO') return 'Low'
    throw new PyValueError(`Unknown value for severity: ${text(value)}`)
  }
  const fingerprint = (item: Record<string, unknown>): string | null => {
    const value = isRecord(item.extra) ? item.extra.fingerprint : undefined
    return value && value !== 'requires login' ? text(value) : null
  }
  const cweOf = (value: unknown): { cwe: number; cwes?: number[] } => {
    const num = (s: unknown): number => Number(text(s).split(':')[0]!.split('-').slice(1).join('-'))
    if (Array.isArray(value)) return { cwe: num(value[0]), cwes: value.map(num) }
    return value === undefined ? { cwe: 0 } : { cwe: num(value) }
  }
  if ('results' in data) {
    for (const item of records(data.results)) {
      const extra = need(item, 'extra')
      const metadata = need(extra, 'metadata')
      const start = need(item, 'start')
      let description = `**Result message:** ${text(need(extra, 'message'))}\n`
      let snippet = isRecord(extra) ? extra.lines : undefined
      if (snippet === 'requires login') snippet = undefined
      if (snippet !== undefined && snippet !== null) {
        const lines = text(snippet)
        description += lines.includes('<![')
          ? `**Snippet:** ***Caution:*** Please remove the space between \`!\` and \`[\` to have the real value due to a workaround to circumvent [#8435](https://github.com/DefectDojo/django-DefectDojo/issues/8435).\n\`\`\`${lines.replaceAll('<![', '<! [')}\`\`\`\n`
          : `**Snippet:**\n\`\`\`${lines}\`\`\`\n`
      }
      add(finding({
        title: text(item.check_id), severity: severity(need(extra, 'severity')), description,
        file_path: text(need(item, 'path')), line: intOrNull(need(start, 'line')), static_finding: true, dynamic_finding: false,
        vuln_id_from_tool: text(need(item, 'check_id')), unique_id_from_tool: fingerprint(item),
        ...cweOf(isRecord(metadata) ? metadata.cwe : undefined),
      }))
    }
  } else if ('vulns' in data) {
    for (const item of records(data.vulns)) {
      const advisory = need(item, 'advisory')
      const location = need(item, 'dependencyFileLocation')
      const references = need(advisory, 'references')
      add(finding({
        title: text(item.title), severity: severity(need(advisory, 'severity')), description: text(isRecord(advisory) ? advisory.description : ''),
        file_path: text(need(location, 'path')), line: intOrNull(need(location, 'startLine')), static_finding: true, dynamic_finding: false,
        vuln_id_from_tool: text(need(item, 'repositoryId')), unique_id_from_tool: fingerprint(item),
        ...cweOf(isRecord(references) ? references.cweIds : undefined),
      }))
    }
  }
  return { findings: [...dupes.values()] }
}

const TRIVY_SEVERITIES: Record<string, Severity> = { CRITICAL: 'Critical', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low', UNKNOWN: 'Info' }
/** convert_trivy_status: the finding's status from the vulnerability's Status (absent or other: the defaults). */
const TRIVY_STATUS: Record<string, Pick<ParsedFinding, 'active' | 'verified' | 'is_mitigated'>> = {
  unknown: { verified: false },
  not_affected: { active: false, verified: true, is_mitigated: true },
  affected: { active: true, verified: true },
  fixed: { active: true, verified: true },
  under_investigation: { active: true, verified: false },
  will_not_fix: { active: true, verified: true },
  fix_deferred: { active: true, verified: true },
  end_of_life: { active: true, verified: true },
}
const cvssSeverity = (score: unknown): Severity => {
  if (score === undefined || score === null) return 'Info'
  const v = Number(score)
  return v === 0 ? 'Info' : v < 4 ? 'Low' : v < 7 ? 'Medium' : v < 9 ? 'High' : 'Critical'
}

/** dojo/tools/trivy: schema 2, the legacy list, and the Kubernetes (ClusterName) report. */
function parseTrivy(body: string): ParsedReport {
  const data = loadJson(body)
  if (data === null) return { findings: [] }
  if (Array.isArray(data)) return { findings: trivyResults(data, null) }
  if (!isRecord(data)) throw new ParserCrash('AttributeError: get')
  if (data.SchemaVersion === 2) return { findings: trivyResults(data.Results, null) }
  if (data.ClusterName !== undefined && data.ClusterName !== null) {
    const findings: ParsedFinding[] = []
    for (const key of ['Vulnerabilities', 'Misconfigurations', 'Resources']) {
      for (const resource of records(data[key])) {
        const service = [resource.Namespace, resource.Kind, resource.Name].filter(Boolean).map(text).join(' / ')
        findings.push(...trivyResults(resource.Results, service))
      }
    }
    return { findings }
  }
  throw new PyValueError('Schema of Trivy json report is not supported')
}

function trivyResults(results: unknown, service: string | null): ParsedFinding[] {
  const out: ParsedFinding[] = []
  for (const target of Array.isArray(results) ? results : []) {
    if (!isRecord(target) || !('Target' in target)) continue
    const name = text(target.Target)
    const type = text(target.Type)
    for (const v of records(target.Vulnerabilities)) {
      if (!('PkgName' in v) || (v.Severity && !(text(v.Severity) in TRIVY_SEVERITIES))) continue // KeyError: skipped
      const id = v.VulnerabilityID === undefined ? '0' : text(v.VulnerabilityID)
      const version = text(v.InstalledVersion)
      const cvss = isRecord(v.CVSS) ? v.CVSS : {}
      const source = [v.SeveritySource, 'nvd', 'ghsa', 'redhat', 'bitnami'].map((s) => cvss[text(s)]).find(isRecord)
      const severity = v.Severity ? TRIVY_SEVERITIES[text(v.Severity)]! : cvssSeverity(source?.V3Score ?? source?.V2Score)
      const klass = text(target.Class)
      const filePath = klass === 'os-pkgs' || klass === 'lang-pkgs' ? orNull(v.PkgPath) ?? name : klass === 'config' ? name : null
      const cweIds = Array.isArray(v.CweIDs) ? v.CweIDs.map((c) => Number(text(c).split('-')[1])) : []
      const fixed = text(v.FixedVersion)
      out.push(finding({
        title: `${id} ${text(v.PkgName)} ${version}`, severity, cwe: cweIds[0] ?? 0, ...(cweIds.length ? { cwes: cweIds } : {}),
        description: `${text(v.Title)}\n**Target:** ${name}\n**Type:** ${type}\n**Fixed version:** ${fixed}\n\n${text(v.Description)}\n`,
        file_path: filePath, component_name: text(v.PkgName), component_version: version, static_finding: true, dynamic_finding: false,
        vulnerability_ids: id ? [id] : [], service, ...(TRIVY_STATUS[text(v.Status)] ?? {}),
      }))
    }
    for (const m of records(target.Misconfigurations)) {
      const avd = m.AVDID ?? m.ID
      out.push(finding({
        title: `${text(m.ID ?? 'None')} - ${text(m.Title ?? 'Unknown Misconfiguration')}`, severity: TRIVY_SEVERITIES[text(m.Severity ?? 'Low')] ?? 'Info',
        description: `**Target:** ${name}\n**Type:** ${text(m.Type ?? 'None')}\n\n${text(m.Description)}\n${text(m.Message)}\n`,
        file_path: name, static_finding: true, dynamic_finding: false, vulnerability_ids: avd ? [text(avd)] : [], service,
      }))
    }
    for (const s of records(target.Secrets)) {
      const severity = TRIVY_SEVERITIES[text(s.Severity)]
      if (!severity) throw new ParserCrash(`KeyError: ${text(s.Severity)}`)
      out.push(finding({
        title: `Secret detected in ${name} - ${text(s.Title ?? 'None')}`, severity,
        description: `${text(s.Title ?? 'None')}\n**Category:** ${text(s.Category ?? 'None')}\n**Match:** ${text(s.Match ?? 'None')}\n`,
        file_path: name, line: intOrNull(s.StartLine), static_finding: true, dynamic_finding: false, service,
      }))
    }
  }
  return out
}

/** dojo/tools/sarif: one finding per location of every failing result; the test type is the tool's. */
function parseSarif(body: string): ParsedReport {
  const data = loadJson(body)
  if (!isRecord(data)) throw new ParserCrash('AttributeError: get')
  const runs = records(data.runs)
  const findings = runs.flatMap(sarifRun)
  // get_tests: one test per run, named after the tool; the importer makes its type "<name> Scan (SARIF)".
  const driver = runs[0] ? need(need(runs[0], 'tool'), 'driver') : undefined
  return { findings, testTypeName: isRecord(driver) && driver.name ? `${text(driver.name)} Scan (SARIF)` : undefined }
}

function sarifRun(run: Record<string, unknown>): ParsedFinding[] {
  const driver = need(need(run, 'tool'), 'driver')
  const rules = new Map<string, Record<string, unknown>>()
  for (const rule of records(isRecord(driver) ? driver.rules : undefined)) rules.set(text(rule.id), rule)
  const out: ParsedFinding[] = []
  for (const result of records(run.results)) {
    if ((result.kind ?? 'fail') !== 'fail') continue
    const rule = rules.get(text(result.ruleId))
    const locations = records(result.locations).map((location) => {
      const physical = isRecord(location.physicalLocation) ? location.physicalLocation : undefined
      const region = physical && isRecord(physical.region) ? physical.region : undefined
      return {
        file: physical ? text(need(need(physical, 'artifactLocation'), 'uri')) : null,
        line: region && !('byteOffset' in region) ? intOrNull(need(region, 'startLine')) : null,
        snippet: region && isRecord(region.snippet) && 'text' in region.snippet ? text(region.snippet.text) : null,
      }
    })
    const message = 'message' in result ? sarifMessage(result.message, rule) : null
    const title = message ?? sarifRuleTitle(rule)
    if (title === null) throw new PyValueError('No information found to create a title')
    const suppressed = Array.isArray(result.suppressions) && result.suppressions.length > 0
    for (const location of locations.length ? locations : [{ file: null, line: null, snippet: null }]) {
      const f = finding({
        title: shorten(title, 150), severity: sarifSeverity(result, rule), description: sarifDescription(result, rule, message, location.snippet),
        file_path: location.file, line: location.line, static_finding: true, dynamic_finding: false,
        ...(suppressed ? { false_p: true, active: false } : {}),
      })
      if ('ruleId' in result) {
        f.vuln_id_from_tool = text(result.ruleId)
        const cve = /(CVE-[0-9]+-[0-9]+)/i.exec(f.vuln_id_from_tool)
        if (cve) f.vulnerability_ids = [cve[1]!.toUpperCase()]
      }
      const cwes = sarifCwes(rule, result)
      if (cwes.cwe !== undefined) { f.cwe = cwes.cwe; f.cwes = cwes.all }
      f.unique_id_from_tool = sarifFingerprint(result)
      out.push(f)
    }
  }
  return out
}

function sarifMessage(data: unknown, rule: Record<string, unknown> | undefined): string | null {
  if (!isRecord(data)) return null
  if (rule && 'id' in data) {
    const strings = need(rule, 'messageStrings')
    let value = text(isRecord(strings) && isRecord(strings[text(data.id)]) ? (strings[text(data.id)] as Record<string, unknown>).text : '')
    const args = Array.isArray(data.arguments) ? data.arguments : []
    for (let i = 0; i < 6; i += 1) {
      if (!value.includes(`{${i}}`)) return value
      value = value.replaceAll(`{${i}}`, text(args[i]))
    }
    return null
  }
  return data.text === undefined || data.text === null ? null : text(data.text)
}

function sarifRuleTitle(rule: Record<string, unknown> | undefined): string | null {
  if (!rule) return null
  if ('shortDescription' in rule) return sarifMessage(rule.shortDescription, rule)
  if ('fullDescription' in rule) return sarifMessage(rule.fullDescription, rule)
  if ('name' in rule) return text(rule.name)
  return 'id' in rule ? text(rule.id) : null
}

/** get_severity (note → Info, warning → Medium, error → High, else Medium), then a rule's security-severity. */
function sarifSeverity(result: Record<string, unknown>, rule: Record<string, unknown> | undefined): Severity {
  let level = result.level
  if (level === undefined && rule && isRecord(rule.defaultConfiguration)) level = rule.defaultConfiguration.level
  let severity: Severity = level === 'note' ? 'Info' : level === 'error' ? 'High' : 'Medium'
  const props = rule && isRecord(rule.properties) ? rule.properties : undefined
  if (props && 'security-severity' in props) {
    const raw = text(props['security-severity'])
    const score = Number(raw)
    if (raw.trim() !== '' && Number.isFinite(score)) severity = score >= 9 ? 'Critical' : score >= 7 ? 'High' : score >= 4 ? 'Medium' : score > 0 ? 'Low' : 'Info'
    else {
      const word = raw.charAt(0).toUpperCase() + raw.slice(1).toLowerCase()
      severity = SEVERITIES.includes(word) ? (word as Severity) : 'Info'
    }
  }
  return severity
}

function sarifDescription(result: Record<string, unknown>, rule: Record<string, unknown> | undefined, message: string | null, snippet: string | null): string {
  let out = ''
  if ('message' in result) out += `**Result message:** ${text(message ?? 'None')}\n`
  if (snippet !== null) out += `**Snippet:**\n\`\`\`\n${snippet}\n\`\`\`\n`
  if (rule) {
    if ('name' in rule) out += `**Rule name:** ${text(rule.name)}\n`
    let short: string | null = ''
    if ('shortDescription' in rule) {
      short = sarifMessage(rule.shortDescription, rule)
      if (short !== (message ?? '')) out += `**Rule short description:** ${text(short ?? 'None')}\n`
    }
    if ('fullDescription' in rule) {
      const full = sarifMessage(rule.fullDescription, rule)
      if (full !== (message ?? '') && full !== short) out += `**Rule full description:** ${text(full ?? 'None')}\n`
    }
  }
  return out.replace(/\n$/, '')
}

function sarifCwes(rule: Record<string, unknown> | undefined, result: Record<string, unknown>): { cwe?: number; all: number[] } {
  const all: number[] = []
  let primary: number | undefined
  const search = (value: unknown, into: number[]): void => {
    const m = /cwe-\d+/i.exec(text(value))
    if (m) into.push(Number(m[0].split('-')[1]))
  }
  if (rule) {
    const found: number[] = []
    const props = isRecord(rule.properties) ? rule.properties : {}
    if (Array.isArray(rule.relationships)) for (const r of records(rule.relationships)) search(need(need(r, 'target'), 'id'), found)
    else if ('cwe' in props) for (const c of Array.isArray(props.cwe) ? props.cwe : [props.cwe]) search(c, found)
    else for (const tag of Array.isArray(props.tags) ? props.tags : []) search(tag, found)
    all.push(...found)
    if (found.length) primary = found.at(-1)
  }
  const fromResult: number[] = []
  if (isRecord(result.properties) && 'cwe' in result.properties) search(result.properties.cwe, fromResult)
  all.push(...fromResult)
  if (fromResult.length) primary = fromResult.at(-1)
  return { cwe: primary, all: [...new Set(all)] }
}

/** fingerprints: the first method's newest version; partialFingerprints: every method, sorted, "k:v|k:v". */
function sarifFingerprint(result: Record<string, unknown>): string | null {
  const hashes = (values: Record<string, unknown>): Map<string, { version: number; value: string }> => {
    const out = new Map<string, { version: number; value: string }>()
    for (const [key, raw] of Object.entries(values)) {
      const parts = key.split('/')
      const method = key.includes('/') ? parts.at(-2)! : key
      const version = key.includes('/') ? Number(parts.at(-1)!.replace('v', '')) : 0
      const value = isRecord(raw) ? text(raw.value ?? '') : text(raw)
      const seen = out.get(method)
      if (!seen || seen.version < version) out.set(method, { version, value })
    }
    return out
  }
  if (isRecord(result.fingerprints) && Object.keys(result.fingerprints).length) return [...hashes(result.fingerprints).values()][0]!.value
  if (isRecord(result.partialFingerprints) && Object.keys(result.partialFingerprints).length) {
    const h = hashes(result.partialFingerprints)
    return [...h.keys()].sort().map((k) => `${k}:${h.get(k)!.value}`).join('|')
  }
  return null
}

/** dojo/tools/bandit: one finding per result; severity is issue_severity.title(). */
function parseBandit(body: string): ParsedReport {
  const data = loadJson(body)
  const results = need(data, 'results')
  if (!Array.isArray(results)) throw new ParserCrash('TypeError: results')
  return {
    findings: results.map((item) => {
      const code = isRecord(item) && item.code !== undefined ? text(item.code) : 'None'
      const description = [
        `**Test Name:** \`${text(need(item, 'test_name'))}\``, `**Test ID:** \`${text(need(item, 'test_id'))}\``,
        `**Filename:** \`${text(need(item, 'filename'))}\``, `**Line number:** \`${text(need(item, 'line_number'))}\``,
        `**Issue Confidence:** \`${text(need(item, 'issue_confidence'))}\``, '**Code:**', '```', code.replaceAll('```', '\\`\\`\\`'), '```',
      ].join('\n')
      const severity = text(need(item, 'issue_severity')).toLowerCase().replace(/(^|[^a-z])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase())
      return finding({
        title: text(need(item, 'issue_text')), severity: sanitizeSeverity(severity), description,
        file_path: text(need(item, 'filename')), line: intOrNull(need(item, 'line_number')), static_finding: true, dynamic_finding: false,
        vuln_id_from_tool: `${text(need(item, 'test_name'))}:${text(need(item, 'test_id'))}`,
      })
    }),
  }
}

/** dojo/tools/zap: one finding per alert item (instances become its URL locations). */
function parseZap(body: string, filename: string): ParsedReport {
  // The parser checks the upload's name before reading it (§0).
  if (!filename.endsWith('.xml')) throw new PyValueError('Internal error: Wrong file format, please use xml.')
  // An XML ParseError is a SyntaxError in Python, which the importer does not catch: 500 (§d).
  if (!looksLikeXml(body)) throw new ParserCrash('ParseError')
  const risk: Record<string, Severity> = { 0: 'Info', 1: 'Low', 2: 'Medium', 3: 'High' }
  const findings: ParsedFinding[] = []
  const tagIn = (block: string, name: string): string | null => {
    const m = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(block)
    return m ? xmlText(m[1]!) : null
  }
  for (const site of body.matchAll(/<site\b[^>]*>([\s\S]*?)<\/site>/g)) {
    for (const match of (site[1] ?? '').matchAll(/<alertitem\b[^>]*>([\s\S]*?)<\/alertitem>/g)) {
      const block = match[1] ?? ''
      const severity = risk[tagIn(block, 'riskcode') ?? '']
      if (!severity) throw new ParserCrash('NoneType severity')
      const cwe = tagIn(block, 'cweid')
      const endpoints = [...block.matchAll(/<instance\b[^>]*>([\s\S]*?)<\/instance>/g)].map((i) => {
        const uri = tagIn(i[1] ?? '', 'uri') ?? ''
        return uri.replace(/[?#].*$/, '')
      })
      findings.push(finding({
        title: tagIn(block, 'alert') ?? 'None', severity, description: htmlToText(tagIn(block, 'desc') ?? ''),
        cwe: cwe !== null && /^\d+$/.test(cwe) ? Number(cwe) : 0, vuln_id_from_tool: tagIn(block, 'pluginid'),
        endpoints, static_finding: false, dynamic_finding: true,
      }))
    }
  }
  return { findings }
}

const xmlText = (s: string): string => s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** html2text, roughly: paragraphs end in a blank line, tags dropped. */
const htmlToText = (html: string): string =>
  `${html.replace(/<\/p>\s*/gi, '\n\n').replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').replace(/[ \t]+/g, ' ').trim()}\n\n`

/** A cheap well-formedness check: a root element that is closed. */
function looksLikeXml(body: string): boolean {
  const rest = body.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '').trim()
  const root = /^<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/.exec(rest)
  if (!root) return false
  return root[2] === '/' ? rest.endsWith('>') : new RegExp(`</${root[1]}\\s*>$`).test(rest)
}

/** The scan types whose findings the stand-in makes as DefectDojo's parser does. */
export const PARSERS: Readonly<Record<string, (body: string, filename: string) => ParsedReport>> = {
  'Gitleaks Scan': parseGitleaks,
  'Semgrep JSON Report': parseSemgrep,
  'Trivy Scan': parseTrivy,
  'SARIF': parseSarif,
  'Bandit Scan': parseBandit,
  'ZAP Scan': parseZap,
}
export const PARSED_FAITHFULLY: readonly string[] = Object.keys(PARSERS)
