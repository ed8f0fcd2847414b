// Candidate → Recognition. Content decides; a file, folder or artifact name only breaks a tie between rows
// that all match; where nothing decides, the file is skipped with a reason naming the override to
// use. A wrong mapping is worse than none: with reimport's close_old_findings=true a report parsed as
// the wrong type closes every finding of its test (docs/defectdojo-api.md §d).
import { basename, dirname, extname } from 'node:path'
import { theInput } from '../config/inputs.js'
import type { Candidate, Recognition } from '../model.js'
import { judgeRule, ruleText, type RuleJudgement } from './forced.js'
import { FORMATS, type FormatRule } from './formats/index.js'
import { isWeak, UNREAD_EVIDENCE } from './matchers.js'
import { looksLikeReport } from './report-like.js'
import type { Head } from './head.js'
import { HEAD_BYTES, sniffFile } from './sniff.js'

/** A `scan-types` override: files whose path matches get this scan type, whatever their content. */
export interface ScanTypeOverride {
  /** The pattern as the user wrote it, for messages. */
  pattern: string
  /** Matches a candidate's displayPath. */
  matches: (displayPath: string) => boolean
  scanType: string
}

/** Extensions of files people read, not tools: skipped quietly (counted, not warned about). */
const HUMAN_EXTENSIONS = new Set(['.html', '.htm', '.md', '.markdown', '.txt', '.log', '.pdf', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.css', '.js'])

export async function recognize(candidate: Candidate, overrides: readonly ScanTypeOverride[] = [], formats: readonly FormatRule[] = FORMATS): Promise<Recognition> {
  // An empty file is never a report, whatever an override says: uploading it would close everything.
  if (candidate.size === 0) return unsafe('the file is empty (0 bytes): an empty upload would close every finding of its test', [], looksLikeReport(candidate, null))
  const override = overrides.find((o) => o.matches(candidate.displayPath))
  if (override) {
    // The rule names the type; the content still decides whether the file is safe to upload at all.
    const head = await sniffFile(candidate.absolutePath).catch(() => null)
    const judged = head ? judgeRule(head, override.scanType, formats, () => recognizeHead(head, candidate, formats)) : null
    if (judged?.refusal) {
      const rule = ruleText(override.pattern, override.scanType)
      return unsafe(`${judged.refusal}; not uploaded although the \`scan-types\` rule \`${rule}\` names it: uploading it would close every finding of its test`, [`scan-types: ${rule}`])
    }
    return recognizeOverride(candidate, override, formats, head, judged)
  }
  // Most formats decide within their first few KiB: a short head first, the full bounded head only
  // when the short one leaves the file undecided. (On DefectDojo's samples the short head alone maps
  // none wrongly but decides 2 % fewer; the second read restores those.)
  const short = await sniffFile(candidate.absolutePath, SHORT_HEAD_BYTES)
  const first = recognizeHead(short, candidate, formats)
  if (first.kind === 'report' || short.complete || !RETRY_SYNTAXES.has(short.syntax)) return first
  return recognizeHead(await sniffFile(candidate.absolutePath, HEAD_BYTES), candidate, formats)
}

const UTF16 = 'the file is UTF-16 encoded (what Windows PowerShell 5 writes with `>` or Out-File)'

/** The first, cheaper read; HEAD_BYTES stays the bound. */
export const SHORT_HEAD_BYTES = 64 * 1024
const RETRY_SYNTAXES = new Set<Head['syntax']>(['json', 'jsonl', 'xml', 'csv', 'text', 'html', 'zip'])

/** Pure: decides from a sniffed head and the names. */
export function recognizeHead(head: Head, candidate: Candidate, formats: readonly FormatRule[] = FORMATS): Recognition {
  const extension = extname(candidate.displayPath).toLowerCase()
  const human = HUMAN_EXTENSIONS.has(extension)
  switch (head.syntax) {
    case 'empty':
      return unsafe('the file holds only white space: not a report', [], looksLikeReport(candidate, null))
    case 'binary':
      return skipped(human ? `a binary ${extension} file for people, not a report` : 'a binary file, not a report', human, [], looksLikeReport(candidate, null))
    case 'malformed':
      return unsafe(`looks like ${head.expected} but is not valid ${head.expected} (${head.detail}): truncated or broken, so it is not uploaded`)
    default:
      break
  }

  const matches: Array<{ rule: FormatRule; evidence: string[] }> = []
  for (const rule of formats) {
    const evidence = rule.match(head)
    if (evidence) matches.push({ rule, evidence })
  }
  if (matches.length === 0) {
    if (head.syntax === 'html') return skipped('an HTML page for people, not an importable report', true)
    if (human) return skipped(`a ${extension} file for people, not a recognised report`, true)
    if (head.encoding) return skipped(`${UTF16} and not a report format this action recognises once decoded (${describe(head)}); if it is one, write it as UTF-8 and name its scan type in ${theInput('scan-types')}`, false)
    return skipped(`not a report format this action recognises (${describe(head)}); if it is one, name its scan type in ${theInput('scan-types')}`, false, [], looksLikeReport(candidate, head))
  }
  // Content decides when exactly one row matches on real structure, or when every row that matches
  // is a twin of one of them (their parsers read the file alike: that row's scan type is uploaded).
  // Otherwise — several rows, or one row matched only on weak evidence such as `[]` — a file or
  // artifact name must confirm the choice.
  const weak = matches.length === 1 && isWeak(matches[0]!.evidence)
  let chosen = matches[0]!
  let decidedBy: 'content' | 'content+name' = 'content'
  if (matches.length > 1 || weak) {
    const hinted = nameHinted(matches, candidate)
    const twin = hinted.length === 1 ? undefined : preferredTwin(matches)
    if (twin) chosen = twin
    else if (hinted.length !== 1) {
      const types = [...new Set(matches.map((m) => m.rule.scanType ?? m.rule.format))]
      const options = types.length > 4 ? `${types.slice(0, 4).join(', ')} and ${types.length - 4} more` : types.join(', ')
      const unread = matches.every((m) => m.evidence.includes(UNREAD_EVIDENCE))
      const allWeak = matches.every((m) => isWeak(m.evidence))
      const what = unread
        ? `the part of the file that tells its format (${describe(head)}) lies beyond the bounded read (${options})`
        : allWeak
          ? `the content (${describe(head)}) is what several tools print on a clean run (${options})`
          : `the content fits several formats (${options})`
      return skipped(`${what} and the file, folder and artifact names do not say which tool wrote it: set it with ${theInput('scan-types')}, e.g. \`${candidate.displayPath} = ${matches[0]!.rule.scanType ?? ''}\``, false)
    } else {
      chosen = hinted[0]!
      decidedBy = 'content+name'
    }
  }
  const { rule, evidence } = chosen
  // A CSV recognised by its header whose records have more fields than the header is broken: the
  // parser rejects it ("Number of fields in row does not match number of headers").
  if (head.syntax === 'csv' && head.overfull && evidence.some((e) => e.startsWith('CSV columns'))) {
    return unsafe(`${rule.format} by its header, but not valid CSV (${head.overfull}): broken, so it is not uploaded`, [`${rule.id}: ${evidence.join('; ')}`])
  }
  if (rule.scanType === null && rule.unsafe) return unsafe(`${rule.format}: ${rule.reasonFrom?.(head) ?? rule.reason ?? 'not a report'}`, [`${rule.id}: ${evidence.join('; ')}`])
  if (rule.scanType === null) return skipped(`${rule.format}: ${rule.reasonFrom?.(head) ?? rule.reason ?? 'DefectDojo cannot import this format'}`, false, [`${rule.id}: ${evidence.join('; ')}`])
  // JSON carries no encoding of its own, so a UTF-16 JSON report is sent converted to UTF-8, which every
  // parser reads; XML and CSV name or assume theirs, and a converted copy could lie about it.
  if (head.encoding && head.syntax !== 'json' && head.syntax !== 'jsonl') {
    return skipped(`${rule.format}, but ${UTF16}: DefectDojo's parsers may not read it; write it as UTF-8 (PowerShell: \`Out-File -Encoding utf8\`, or PowerShell 7), or convert it with \`iconv -f UTF-16 -t UTF-8\``, false, [`${rule.id}: ${evidence.join('; ')}`])
  }
  return {
    kind: 'report',
    scanType: rule.scanType,
    format: rule.format,
    tool: rule.toolFrom?.(head) ?? rule.tool,
    lane: rule.lane,
    uploadName: uploadName(basename(candidate.displayPath), rule.extensions, rule.avoidExtensions),
    decidedBy,
    evidence: [`${rule.id}: ${evidence.join('; ')}`, ...(head.encoding ? [`${head.encoding.toUpperCase()} file, sent converted to UTF-8`] : [])],
    ...(head.encoding ? { transcodeFrom: head.encoding } : {}),
    ...(rule.formerly ? { formerly: rule.formerly } : {})
  }
}

/**
 * The matches a name confirms. The file's own name and its artifact's name come first; only when
 * neither names a tool does the file's immediate parent folder count, the way a download of several
 * artifacts into one folder (`reports/gitleaks/results.json`) names them. So an artifact's own name
 * wins over a folder inside it, and a name never adds a match the content did not make.
 */
function nameHinted<M extends { rule: FormatRule }>(matches: readonly M[], candidate: Candidate): M[] {
  const hintedBy = (names: readonly string[]) => matches.filter((m) => m.rule.nameHint && names.some((n) => n !== '' && m.rule.nameHint!.test(n)))
  const own = hintedBy([basename(candidate.displayPath), candidate.artifact ?? ''])
  if (own.length > 0) return own
  const parent = basename(dirname(candidate.displayPath))
  return parent === '.' || parent === '' ? [] : hintedBy([parent])
}

/**
 * The row every other match is a twin of (`twinOf`), when there is one and no match is weak: its
 * parser reads the file as the others' do, so it is chosen by its documented preference.
 */
function preferredTwin<M extends { rule: FormatRule; evidence: string[] }>(matches: M[]): M | undefined {
  if (matches.length < 2 || matches.some((m) => isWeak(m.evidence))) return undefined
  return matches.find((p) => !p.rule.twinOf && matches.every((m) => m === p || m.rule.twinOf === p.rule.id))
}

/**
 * An override names the scan type; the table still says how to name the upload. When several rows
 * serve that scan type (or it reads a format another row recognises, `alsoReadBy`), the content picks
 * the row whose naming rules apply (`AWS Prowler V3` needs `.ocsf.json` for OCSF, `.json` for v3).
 */
async function recognizeOverride(candidate: Candidate, override: ScanTypeOverride, formats: readonly FormatRule[], sniffed: Head | null, judged: RuleJudgement | null): Promise<Recognition> {
  const rows = formats.filter((f) => f.scanType === override.scanType)
  const readers = formats.filter((f) => f.alsoReadBy?.some((a) => a.scanType === override.scanType))
  let rule: FormatRule | undefined = rows[0]
  let extensions: readonly string[] = rule?.extensions ?? []
  let avoid: readonly string[] = rule?.avoidExtensions ?? []
  if (rows.length + readers.length > 1 || (rows.length === 0 && readers.length > 0)) {
    const head = sniffed
    const own = head ? rows.find((r) => r.match(head)) : undefined
    const other = head && !own ? readers.find((r) => r.match(head)) : undefined
    if (own) {
      rule = own
      extensions = own.extensions
      avoid = own.avoidExtensions ?? []
    } else if (other) {
      extensions = other.alsoReadBy!.find((a) => a.scanType === override.scanType)!.extensions ?? other.extensions
      avoid = []
    }
  }
  return {
    kind: 'report',
    scanType: override.scanType,
    format: rule?.format ?? override.scanType,
    tool: rule?.tool ?? toolFromScanType(override.scanType),
    lane: rule?.lane ?? 'other',
    uploadName: uploadName(basename(candidate.displayPath), extensions, avoid),
    decidedBy: 'override',
    evidence: [`scan-types: ${override.pattern} = ${override.scanType}`, ...(judged?.readsAs && judged.readsAs !== override.scanType ? [`content reads as ${judged.readsAs}`] : [])],
    rule: { text: ruleText(override.pattern, override.scanType), readsAs: judged?.readsAs ?? null, contradicts: judged?.contradicts ?? false }
  }
}

/**
 * The multipart file name: the real name when it already ends with an accepted extension (compared
 * case-sensitively: the ZAP parser wants lower-case `.xml`), else the name with its extension
 * replaced by the one the parser needs (`gitleaks-report` → `gitleaks-report.json`). A name ending
 * with an avoided suffix (a Prowler 3 report named `x.ocsf.json`) loses that suffix first.
 */
export function uploadName(fileName: string, extensions: readonly string[], avoid: readonly string[] = []): string {
  if (extensions.length === 0) return fileName
  const avoided = avoid.find((a) => fileName.toLowerCase().endsWith(a.toLowerCase()))
  if (avoided) return fileName.slice(0, -avoided.length) + extensions[0]
  if (extensions.some((e) => fileName.endsWith(e))) return fileName
  const current = extname(fileName)
  // Keep a dotted stem like `results.v2` only when the suffix is not a real file extension.
  const stem = current && /^\.[A-Za-z]{1,5}$/.test(current) ? fileName.slice(0, -current.length) : fileName
  return stem + extensions[0]
}

function toolFromScanType(scanType: string): string {
  return scanType.replace(/\b(scan|report|json|xml|csv|sarif)\b/gi, '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'report'
}

/** A file refused as unsafe to upload (empty, broken, a failed run): no `scan-types` rule uploads it. */
function unsafe(reason: string, evidence: string[] = [], reportLike = true): Recognition {
  return { kind: 'skipped', reason, humanReadable: false, reportLike, evidence, unsafe: true }
}

/** A skipped file; `reportLike` (warned about) unless it is for people or said otherwise. */
function skipped(reason: string, humanReadable: boolean, evidence: string[] = [], reportLike = !humanReadable): Recognition {
  return { kind: 'skipped', reason, humanReadable, reportLike: reportLike && !humanReadable, evidence }
}

/** A few words on what the head looked like, for the "not recognised" reason. */
function describe(head: Head): string {
  switch (head.syntax) {
    case 'json': {
      const value = head.value
      if (Array.isArray(value)) return value.length === 0 ? 'an empty JSON array' : 'a JSON array'
      if (value && typeof value === 'object') return `a JSON object with keys ${Object.keys(value).slice(0, 5).join(', ')}`
      return 'a JSON value'
    }
    case 'jsonl':
      return 'JSON Lines'
    case 'xml':
      return `XML with root <${head.root.name}>`
    case 'csv':
      return `CSV with columns ${head.header.slice(0, 5).join(', ')}`
    case 'zip':
      return head.entries.length > 0 ? `a zip archive holding ${head.entries.slice(0, 4).join(', ')}` : 'a zip archive'
    default:
      return 'plain text'
  }
}
