// A small vocabulary for the format table: each matcher looks at a sniffed head and answers either
// null (no match) or the evidence that matched ("keys SchemaVersion, Results"). Rules read like the
// format's structure, so a row can be checked against the format's documentation by eye.
import type { Head, XmlElement } from './head.js'
import { splitCsvLine } from './sniff.js'

/** Evidence when a condition holds, null when it does not. */
export type Evidence = string[] | null
/**
 * A condition on a (partial) JSON value. `complete` is false when the head ended before the document
 * did: a key written after a long list may then simply be unread (see `hasAfter`).
 */
export type JsonCondition = (value: unknown, complete?: boolean) => Evidence
/** A condition on an XML element. */
export type XmlCondition = (element: XmlElement) => Evidence
/** A whole-file matcher: the `match` column of the format table. */
export type Matcher = (head: Head) => Evidence

const ok = (...evidence: string[]): Evidence => evidence

/**
 * Evidence that fits many formats at once (an empty `[]` is what Gitleaks, Hadolint, ShellCheck and
 * others print on a clean run): a row matched only on such evidence needs a name to confirm it.
 */
export const WEAK_EVIDENCE = 'empty document'

/**
 * Evidence that the part of a file that tells its format lies beyond the bounded read (an Excel
 * sheet's header row deep inside a big workbook): weak too, a name must confirm the row.
 */
export const UNREAD_EVIDENCE = 'not readable within the bounded read'

/** Whether a row matched only on weak evidence (see WEAK_EVIDENCE, UNREAD_EVIDENCE). */
export function isWeak(evidence: readonly string[]): boolean {
  return evidence.includes(WEAK_EVIDENCE) || evidence.includes(UNREAD_EVIDENCE)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function collect<T>(conditions: Array<(x: T, complete?: boolean) => Evidence>, x: T, complete = true): Evidence {
  const evidence: string[] = []
  for (const condition of conditions) {
    const found = condition(x, complete)
    if (!found) return null
    evidence.push(...found)
  }
  return evidence
}

// ---- JSON ----------------------------------------------------------------------------------

/**
 * The file is one JSON document satisfying every condition. A document that is empty as a whole
 * (`[]`, `{}`, `null`) is what many tools print on a clean run: a match on it is weak evidence.
 */
export function json(...conditions: JsonCondition[]): Matcher {
  return (head) => {
    if (head.syntax !== 'json') return null
    const evidence = collect(conditions, head.value, head.complete)
    if (!evidence) return null
    const value = head.value
    const empty = value === null || (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0)
    return empty ? [...evidence, WEAK_EVIDENCE] : evidence
  }
}

/** The file is JSON Lines whose first object satisfies every condition. */
export function jsonLines(...conditions: JsonCondition[]): Matcher {
  return (head) => (head.syntax === 'jsonl' ? collect(conditions, head.lines[0]) : null)
}

/** The file is JSON Lines (or a stream of JSON documents) and one of the lines read satisfies every condition. */
export function anyLine(...conditions: JsonCondition[]): Matcher {
  return (head) => {
    if (head.syntax !== 'jsonl') return null
    for (const line of head.lines) {
      const evidence = collect(conditions, line)
      if (evidence) return ['a line with', ...evidence]
    }
    return null
  }
}

/** The file is JSON Lines and no line read satisfies the conditions (e.g. no `{"type": "error"}`). */
export function noLine(...conditions: JsonCondition[]): Matcher {
  return (head) => {
    if (head.syntax !== 'jsonl') return null
    return head.lines.some((line) => collect(conditions, line)) ? null : ['no such line']
  }
}

/** An object having every key. */
export function has(...keys: string[]): JsonCondition {
  return (value) => (isRecord(value) && keys.every((k) => k in value) ? ok(`keys ${keys.join(', ')}`) : null)
}

/**
 * Keys the tool writes after a list that can be long (Semgrep's `errors` after `results`): present,
 * or, in a head that ended before the document did, none of them read yet while the list before them
 * is non-empty (a long list is what a cut head ran out in). The rule's other conditions, on the
 * list's items, carry the evidence a cut head cannot.
 */
export function hasAfter(list: string, ...keys: string[]): JsonCondition {
  return (value, complete = true) => {
    if (!isRecord(value)) return null
    if (keys.every((k) => k in value)) return ok(`keys ${keys.join(', ')}`)
    const items = value[list]
    const long = Array.isArray(items) ? items.length > 0 : isRecord(items) && Object.keys(items).length > 0
    return !complete && long && keys.every((k) => !(k in value)) ? ok(`keys ${keys.join(', ')} after ${list}, beyond the bytes read`) : null
  }
}

/** An object whose keys all belong to the documented set (for small, generic-looking items). */
export function onlyKeys(...keys: string[]): JsonCondition {
  const allowed = new Set(keys)
  return (value) => (isRecord(value) && Object.keys(value).every((k) => allowed.has(k)) ? ok('no other keys') : null)
}

/** An object having none of the keys: tells a format from its near-twin. */
export function lacks(...keys: string[]): JsonCondition {
  return (value) => (isRecord(value) && keys.every((k) => !(k in value)) ? ok(`no ${keys.join(', ')}`) : null)
}

/** Any value (used after a path whose presence is all that matters). */
export const present: JsonCondition = (value) => (value === undefined ? null : ok())

/** A string or number equal to one of the values, or matching a pattern. */
export function is(expected: string | number | boolean | RegExp): JsonCondition {
  return (value) => {
    if (expected instanceof RegExp) {
      return typeof value === 'string' && expected.test(value) ? ok(`"${value.slice(0, 60)}"`) : null
    }
    return value === expected ? ok(JSON.stringify(expected)) : null
  }
}

/** The value at a dotted path (`runs.0.tool.driver.name`) satisfies every condition. */
export function at(path: string, ...conditions: JsonCondition[]): JsonCondition {
  const steps = path.split('.')
  return (value, complete) => {
    let current: unknown = value
    for (const step of steps) {
      if (Array.isArray(current)) current = current[Number(step)]
      else if (isRecord(current)) current = current[step]
      else return null
    }
    if (current === undefined) return null
    const evidence = collect(conditions, current, complete)
    return evidence ? [`${path}${evidence.length ? ' ' + evidence.join(' ') : ''}`] : null
  }
}

/** An array whose first element satisfies the conditions. With `allowEmpty`, `[]` matches too. */
export function arrayOf(options: { allowEmpty: boolean }, ...conditions: JsonCondition[]): JsonCondition {
  return (value, complete) => {
    if (!Array.isArray(value)) return null
    if (value.length === 0) return options.allowEmpty ? ok('empty array') : null
    const evidence = collect(conditions, value[0], complete)
    return evidence ? ['array of', ...evidence] : null
  }
}

/** An object. */
export const object: JsonCondition = (value) => (isRecord(value) ? ok() : null)

/** An empty array or object. */
export const empty: JsonCondition = (value) =>
  (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0) ? ok('empty') : null

/** A string, a number, an array, null: type tests for a value found by `at`. */
export const string: JsonCondition = (value) => (typeof value === 'string' ? ok() : null)
export const number: JsonCondition = (value) => (typeof value === 'number' ? ok() : null)
export const array: JsonCondition = (value) => (Array.isArray(value) ? ok() : null)
export const isNull: JsonCondition = (value) => (value === null ? ok('null') : null)

/** Equal to one of the values (a closed set of documented values, e.g. `scan.type`). */
export function oneOf(...values: Array<string | number | boolean>): JsonCondition {
  return (value) => (values.includes(value as string) ? ok(JSON.stringify(value)) : null)
}

/** The condition does not hold. */
export function not<T>(condition: (x: T, complete?: boolean) => Evidence): (x: T, complete?: boolean) => Evidence {
  return (value, complete) => (condition(value, complete) ? null : ok())
}

/** How many array elements or map values `every` and `valuesOf` look at: the head is bounded, so is this. */
const SAMPLE = 20

/**
 * The elements `every` and `everyValue` judge: the first SAMPLE, less the last one read when the head
 * was cut, since that one may be cut too (its later keys unread). A lone element is judged anyway.
 */
function sample(elements: unknown[], complete = true): unknown[] {
  const whole = !complete && elements.length > 1 && elements.length <= SAMPLE ? elements.slice(0, -1) : elements
  return whole.slice(0, SAMPLE)
}

/** An array whose first elements (up to 20) all satisfy the conditions; `[]` only with `allowEmpty`. */
export function every(options: { allowEmpty: boolean }, ...conditions: JsonCondition[]): JsonCondition {
  return (value, complete) => {
    if (!Array.isArray(value)) return null
    if (value.length === 0) return options.allowEmpty ? ok('empty array') : null
    let first: string[] | null = null
    for (const element of sample(value, complete)) {
      const evidence = collect(conditions, element, complete)
      if (!evidence) return null
      first ??= evidence
    }
    return ['every element', ...first!]
  }
}

/**
 * An object used as a map (keys are names, ids, paths): its first value satisfies the conditions.
 * With `allowEmpty`, `{}` matches too (weak: needs a name or other keys to decide).
 */
export function valuesOf(options: { allowEmpty: boolean }, ...conditions: JsonCondition[]): JsonCondition {
  return (value, complete) => {
    if (!isRecord(value)) return null
    const values = Object.values(value)
    if (values.length === 0) return options.allowEmpty ? ok('empty object') : null
    const evidence = collect(conditions, values[0], complete)
    return evidence ? ['map of', ...evidence] : null
  }
}

/** An object used as a map whose values (the first 20) all satisfy the conditions; `{}` only with `allowEmpty`. */
export function everyValue(options: { allowEmpty: boolean }, ...conditions: JsonCondition[]): JsonCondition {
  return (value, complete) => {
    if (!isRecord(value)) return null
    const values = Object.values(value)
    if (values.length === 0) return options.allowEmpty ? ok('empty object') : null
    let first: string[] | null = null
    for (const element of sample(values, complete)) {
      const evidence = collect(conditions, element, complete)
      if (!evidence) return null
      first ??= evidence
    }
    return ['every value', ...first!]
  }
}

/** An array or map with at least one of its first 20 elements (values) satisfying the conditions. */
export function some(...conditions: JsonCondition[]): JsonCondition {
  return (value, complete) => {
    const elements = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : null
    if (!elements) return null
    for (const element of elements.slice(0, SAMPLE)) {
      const evidence = collect(conditions, element, complete)
      if (evidence) return ['one element', ...evidence]
    }
    return null
  }
}

/** A non-empty object whose keys (the first 20) all match the pattern, e.g. `vendor/package` names. */
export function keysMatching(pattern: RegExp): JsonCondition {
  return (value) => {
    if (!isRecord(value)) return null
    const keys = Object.keys(value).slice(0, SAMPLE)
    return keys.length > 0 && keys.every((k) => pattern.test(k)) ? ok(`keys like ${pattern}`) : null
  }
}

/** An object having at least one key matching the pattern. */
export function hasKeyMatching(pattern: RegExp): JsonCondition {
  return (value) => (isRecord(value) && Object.keys(value).some((k) => pattern.test(k)) ? ok(`a key like ${pattern}`) : null)
}

/** Every condition holds on the same value (JSON, XML or whole-file matchers). */
export function allOf<T>(...conditions: Array<(x: T, complete?: boolean) => Evidence>): (x: T, complete?: boolean) => Evidence {
  return (value, complete) => collect(conditions, value, complete)
}

/** One of several conditions (JSON or XML). */
export function anyOf<T>(...conditions: Array<(x: T, complete?: boolean) => Evidence>): (x: T, complete?: boolean) => Evidence {
  return (value, complete) => {
    for (const condition of conditions) {
      const found = condition(value, complete)
      if (found) return found
    }
    return null
  }
}

/** The head is the whole file: what a rule did not see is not there. */
export const whole: Matcher = (head) => (head.complete ? ['the whole file read'] : null)

// ---- XML -----------------------------------------------------------------------------------

/** The root element has this name (case-sensitive, namespace prefix ignored) and every condition holds. */
export function xml(rootName: string | RegExp, ...conditions: XmlCondition[]): Matcher {
  return (head) => {
    if (head.syntax !== 'xml') return null
    const name = localName(head.root.name)
    const matches = typeof rootName === 'string' ? name === rootName : rootName.test(name)
    if (!matches) return null
    const evidence = collect(conditions, head.root)
    return evidence ? [`root <${name}>`, ...evidence] : null
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/** A child element of this name (found among the first children read) satisfying the conditions. */
export function child(name: string, ...conditions: XmlCondition[]): XmlCondition {
  return (element) => {
    for (const c of element.children) {
      if (localName(c.name) !== name) continue
      const evidence = collect(conditions, c)
      if (evidence) return [`<${name}>`, ...evidence]
    }
    return null
  }
}

/** An attribute present, optionally matching a pattern. */
export function attr(name: string, pattern?: RegExp): XmlCondition {
  return (element) => {
    const value = element.attributes[name]
    if (value === undefined) return null
    if (pattern && !pattern.test(value)) return null
    return ok(`@${name}`)
  }
}

/** Element text matching a pattern. */
export function text(pattern: RegExp): XmlCondition {
  return (element) => (pattern.test(element.text) ? ok(`text ${pattern}`) : null)
}

/** No child element of this name among the first children read. */
export function noChild(name: string): XmlCondition {
  return (element) => (element.children.some((c) => localName(c.name) === name) ? null : ok(`no <${name}>`))
}

// ---- CSV and plain text ----------------------------------------------------------------------

/** A CSV whose header row contains every column (compared case-insensitively, trimmed). */
export function csv(...columns: string[]): Matcher {
  return (head) => {
    if (head.syntax !== 'csv') return null
    const header = new Set(head.header.map((h) => h.toLowerCase()))
    return columns.every((c) => header.has(c.toLowerCase())) ? [`CSV columns ${columns.join(', ')}`] : null
  }
}

/**
 * A CSV whose data records (those read) all have, in this column, a value matching the pattern:
 * for parsers that use a cell as it is (a severity word). A header without records matches.
 */
export function csvValues(column: string, pattern: RegExp): Matcher {
  return (head) => {
    if (head.syntax !== 'csv') return null
    const index = head.header.findIndex((h) => h.toLowerCase() === column.toLowerCase())
    if (index < 0) return null
    return head.records.every((r) => pattern.test(r[index] ?? '')) ? [`CSV ${column} values ${pattern}`] : null
  }
}

/** A CSV whose header row is exactly these columns, in this order (for short, generic headers). */
export function csvExactly(...columns: string[]): Matcher {
  return (head) => {
    if (head.syntax !== 'csv') return null
    const header = head.header.map((h) => h.toLowerCase())
    return header.length === columns.length && columns.every((c, i) => header[i] === c.toLowerCase()) ? [`CSV columns exactly ${columns.join(', ')}`] : null
  }
}

/** A CSV with a few lines of preamble: one of the first `lines` rows holds every column. */
export function csvWithin(lines: number, ...columns: string[]): Matcher {
  return (head) => {
    if (head.syntax !== 'csv' && head.syntax !== 'text') return null
    const wanted = columns.map((c) => c.toLowerCase())
    for (const line of head.lines.slice(0, lines)) {
      for (const delimiter of [',', ';', '\t']) {
        const cells = new Set(splitCsvLine(line, delimiter).map((c) => c.toLowerCase()))
        if (wanted.every((c) => cells.has(c))) return [`CSV header row with ${columns.join(', ')}`]
      }
    }
    return null
  }
}

/** Plain text whose first lines (20 unless told) match the pattern. */
export function textLines(pattern: RegExp, within = 20): Matcher {
  return (head) => {
    if (head.syntax !== 'text' && head.syntax !== 'csv') return null
    const firstLines = head.lines.slice(0, within).join('\n')
    return pattern.test(firstLines) ? [`text ${pattern}`] : null
  }
}

/** Plain text where every non-empty line among the first ones read matches the pattern (a line-based format). */
export function everyLine(pattern: RegExp): Matcher {
  return (head) => {
    if (head.syntax !== 'text' && head.syntax !== 'csv') return null
    const lines = head.lines.filter((l) => l.trim() !== '').slice(0, 50)
    return lines.length > 0 && lines.every((l) => pattern.test(l)) ? [`every line ${pattern}`] : null
  }
}

// ---- HTML ------------------------------------------------------------------------------------

/** An HTML page whose <title> matches: for the few HTML reports a parser imports. */
export function htmlTitle(pattern: RegExp): Matcher {
  return (head) => (head.syntax === 'html' && pattern.test(head.title) ? [`HTML title ${pattern}`] : null)
}

// ---- zip archives ----------------------------------------------------------------------------

/** A zip archive having, for each pattern, an entry whose path matches it. */
export function zip(...entries: RegExp[]): Matcher {
  return (head) => {
    if (head.syntax !== 'zip') return null
    return entries.every((p) => head.entries.some((e) => p.test(e))) ? [`zip entries ${entries.join(', ')}`] : null
  }
}

/** A zip archive without any entry matching the pattern (known only when all its entries were listed). */
export function zipLacks(entry: RegExp): Matcher {
  return (head) => (head.syntax === 'zip' && head.listed && !head.entries.some((e) => entry.test(e)) ? [`no zip entry ${entry}`] : null)
}

/** A zip archive whose files (directories aside) all match the pattern; at least one file. */
export function zipOnly(entry: RegExp): Matcher {
  return (head) => {
    if (head.syntax !== 'zip' || !head.listed) return null
    const files = head.entries.filter((e) => !e.endsWith('/'))
    return files.length > 0 && files.every((e) => entry.test(e)) ? [`every zip entry ${entry}`] : null
  }
}

/** A zip archive with a member whose name matches and whose content (its start, as read) satisfies the matcher. */
export function zipMember(entry: RegExp, matcher: Matcher): Matcher {
  return (head) => {
    if (head.syntax !== 'zip') return null
    for (const [name, content] of Object.entries(head.members)) {
      if (!entry.test(name)) continue
      const evidence = matcher(content)
      if (evidence) return [`zip member ${name}:`, ...evidence]
    }
    return null
  }
}

// ---- Excel workbooks (.xlsx) -------------------------------------------------------------------

/** An Excel workbook having every named sheet. */
export function xlsxSheets(...names: string[]): Matcher {
  return (head) => (head.syntax === 'zip' && head.workbook && names.every((n) => head.workbook!.sheets.includes(n)) ? [`workbook sheets ${names.join(', ')}`] : null)
}

/** An Excel workbook having none of the named sheets (known only when its sheet list was read). */
export function xlsxLacksSheets(...names: string[]): Matcher {
  return (head) => (head.syntax === 'zip' && head.workbook && !names.some((n) => head.workbook!.sheets.includes(n)) ? [`no workbook sheet ${names.join(', ')}`] : null)
}

/** An Excel workbook whose active sheet's header row (row 1) has every column. */
export function xlsxHeader(...columns: string[]): Matcher {
  return (head) => {
    const header = head.syntax === 'zip' ? head.workbook?.header : null
    return header && columns.every((c) => header.includes(c)) ? [`sheet header ${columns.join(', ')}`] : null
  }
}

/** An Excel workbook (it has xl/workbook.xml) whose active sheet's header row lies beyond the bytes read. */
export const xlsxHeaderUnread: Matcher = (head) =>
  head.syntax === 'zip' && head.entries.includes('xl/workbook.xml') && !head.workbook?.header ? ['an Excel workbook', UNREAD_EVIDENCE] : null

/** An Excel workbook whose sheet list (xl/workbook.xml) lies beyond the bytes read. */
export const xlsxSheetsUnread: Matcher = (head) =>
  head.syntax === 'zip' && head.entries.includes('xl/workbook.xml') && !head.workbook ? ['an Excel workbook', UNREAD_EVIDENCE] : null
