// What "new" means, decided over plain data (no I/O: engine/baseline.ts reads what it needs). A finding
// is new when the default branch does not have it, whenever it was created and whatever DefectDojo's
// duplicate flag says (README "What counts as new", docs/defectdojo-api.md "What counts as new"):
// - an isolated run (pull request, fork, other branch) is compared with the default branch's matching
//   test by fingerprint, DefectDojo's own matching rule for the scan type. The default branch has a
//   fingerprint when that test holds it active or triaged; only fixed there, it is new and reintroduced.
// - a default-branch run: what its import created (N) or reactivated (R), unless another test of the default
//   branch holds its fingerprint (where DefectDojo's deduplication would find its original; a duplicate of
//   another branch's copy stays new). Reactivated = reintroduced.
import type { Algorithm } from '../defectdojo/fingerprints.js'
import { NEW_FINDINGS_LISTED, NO_FINDINGS, SEVERITIES, type NewFinding, type Novelty, type Severity, type SeverityCounts } from '../model.js'

/** A finding as DefectDojo lists it (docs/defectdojo-api.md "What counts as new"), reduced to what the decision reads. */
export interface FindingRow {
  readonly id: number
  readonly test: number
  readonly title: string
  readonly severity: Severity
  readonly hashCode: string | null
  readonly uniqueIdFromTool: string | null
  readonly active: boolean
  readonly duplicate: boolean
  readonly duplicateOf: number | null
  readonly falsePositive: boolean
  readonly riskAccepted: boolean
  readonly outOfScope: boolean
  readonly mitigated: boolean
  /** Where DefectDojo says it is (`file_path`, `line`), for annotations; null or absent when unknown. */
  readonly file?: string | null
  readonly line?: number | null
}

type Json = Record<string, unknown>
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
const int = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null)

/** A row of `GET /api/v2/findings/`, or null when it lacks what a decision needs (id, test, a known severity). */
export function findingRow(row: Json): FindingRow | null {
  const id = int(row.id)
  const test = int(row.test)
  const severity = String(row.severity ?? '').toLowerCase()
  if (id === null || test === null || !(SEVERITIES as readonly string[]).includes(severity)) return null
  return {
    id,
    test,
    title: typeof row.title === 'string' ? row.title : '',
    severity: severity as Severity,
    hashCode: text(row.hash_code),
    uniqueIdFromTool: text(row.unique_id_from_tool),
    active: row.active === true,
    duplicate: row.duplicate === true,
    duplicateOf: int(row.duplicate_finding),
    falsePositive: row.false_p === true,
    riskAccepted: row.risk_accepted === true,
    outOfScope: row.out_of_scope === true,
    mitigated: row.is_mitigated === true,
    file: text(row.file_path),
    line: int(row.line)
  }
}

/** Triaged: someone decided it is not to be fixed (false positive, risk accepted, out of scope). */
export const isTriaged = (f: FindingRow): boolean => f.falsePositive || f.riskAccepted || f.outOfScope

/**
 * Open in its test: neither fixed nor triaged. Active, or inactive only because DefectDojo marked it a
 * duplicate (a branch's copy of a finding seen elsewhere in the product is still the branch's finding).
 */
export const isOpen = (f: FindingRow): boolean => !f.mitigated && !isTriaged(f) && (f.active || f.duplicate)

/**
 * The keys DefectDojo matches a finding on, or null when the finding lacks the field its algorithm needs.
 * `unique_id_from_tool_or_hash_code` matches on either, so it has both keys (a match on one suffices).
 */
export function fingerprintKeys(f: FindingRow, algorithm: Algorithm): string[] | null {
  const hash = f.hashCode === null ? [] : [`hash_code:${f.hashCode}`]
  const uid = f.uniqueIdFromTool === null ? [] : [`unique_id_from_tool:${f.uniqueIdFromTool}`]
  switch (algorithm) {
    case 'hash_code':
      return hash.length > 0 ? hash : null
    case 'unique_id_from_tool':
      return uid.length > 0 ? uid : null
    case 'unique_id_from_tool_or_hash_code':
      return uid.length + hash.length > 0 ? [...uid, ...hash] : null
    case 'legacy':
      return [`legacy:${f.title}\u0000${f.severity}`]
  }
}

/** How a report's findings were matched, for the results file and the summary. */
export interface Rule {
  readonly algorithm: Algorithm
  /** `server`: the test said it (DefectDojo 3.2.0); `table`: the built-in table (older servers). */
  readonly source: 'server' | 'table'
  /** The test's hash fields, where the server gave them (the line is one of them for some scan types). */
  readonly hashCodeFields: readonly string[] | null
}

export function describeRule(rule: Rule): string {
  const fields = rule.algorithm !== 'unique_id_from_tool' && rule.algorithm !== 'legacy' && rule.hashCodeFields ? ` (${rule.hashCodeFields.join(', ')})` : ''
  return `${rule.algorithm}${fields}, ${rule.source === 'server' ? "from the test's settings" : "from DefectDojo's table for the scan type"}`
}

/** Link to a finding's page. */
export type FindingLink = (id: number) => string | null

const WORST_FIRST = (a: NewFinding, b: NewFinding): number => SEVERITIES.indexOf(a.severity.toLowerCase() as Severity) - SEVERITIES.indexOf(b.severity.toLowerCase() as Severity)

/** A classification: the split, and the new findings listed worst first. */
export interface Classified {
  readonly novelty: Novelty
  readonly newFindings: readonly NewFinding[]
  /** The default branch's findings this report fixes, worst first (isolated runs compared with a test only). */
  readonly fixedFindings?: readonly NewFinding[]
}

function unknown(why: string): Classified {
  return { novelty: { kind: 'unknown', why }, newFindings: [] }
}

function tally(found: ReadonlyArray<{ finding: FindingRow; reintroduced: boolean }>, link: FindingLink): { counts: SeverityCounts; listed: NewFinding[] } {
  const counts: Record<keyof SeverityCounts, number> = { ...NO_FINDINGS }
  for (const { finding } of found) {
    counts[finding.severity]++
    counts.total++
  }
  return { counts, listed: listing(found, link) }
}

/** Findings as the summary and the pull request comment list them: worst first, at most NEW_FINDINGS_LISTED. */
function listing(found: ReadonlyArray<{ finding: FindingRow; reintroduced: boolean }>, link: FindingLink): NewFinding[] {
  return found
    .map(({ finding, reintroduced }) => ({
      title: finding.title,
      severity: severityLabel(finding.severity),
      url: link(finding.id),
      ...(reintroduced ? { reintroduced: true } : {}),
      ...(finding.file ? { file: finding.file } : {}),
      ...(finding.line ? { line: finding.line } : {})
    }))
    .sort(WORST_FIRST)
    .slice(0, NEW_FINDINGS_LISTED)
}

const severityLabel = (s: Severity): string => s[0]!.toUpperCase() + s.slice(1)

type Held = 'active' | 'triaged' | 'fixed'
const RANK: Readonly<Record<Held, number>> = { active: 3, triaged: 2, fixed: 1 }

/** What the default branch holds, by fingerprint key: active beats triaged beats fixed. A string says why it cannot be told. */
function heldBy(findings: readonly FindingRow[], rule: Rule): Map<string, Held> | string {
  const held = new Map<string, Held>()
  for (const f of findings) {
    const state: Held | null = isTriaged(f) ? 'triaged' : f.mitigated ? 'fixed' : f.active || f.duplicate ? 'active' : null
    if (state === null) continue
    const keys = fingerprintKeys(f, rule.algorithm)
    if (keys === null) return `a finding of the default branch's test (${f.id}) has no ${rule.algorithm.replace(/_or_/g, ' or ')} to match on`
    for (const key of keys) {
      const before = held.get(key)
      if (!before || RANK[state] > RANK[before]) held.set(key, state)
    }
  }
  return held
}

/**
 * An isolated run's report against the default branch's matching test (`main`; null when that test does
 * not exist: no baseline, so every open finding is new). `mine` are the findings of this run's test after
 * the reimport; only open ones count.
 */
export function classifyIsolated(input: { rule: Rule; mine: readonly FindingRow[]; main: readonly FindingRow[] | null; mainUrl: string | null; link: FindingLink }): Classified {
  const { rule, link } = input
  const open = input.mine.filter(isOpen)
  const fingerprint = describeRule(rule)
  if (input.main === null) {
    const { counts, listed } = tally(open.map((finding) => ({ finding, reintroduced: false })), link)
    return { novelty: { kind: 'known', against: 'no-baseline', baselineUrl: null, new: counts, reintroduced: 0, onMain: 0, triagedOnMain: 0, fixed: null, fingerprint }, newFindings: listed }
  }
  const held = heldBy(input.main, rule)
  if (typeof held === 'string') return unknown(held)
  const fresh: Array<{ finding: FindingRow; reintroduced: boolean }> = []
  let onMain = 0
  let triagedOnMain = 0
  const mineKeys = new Set<string>()
  for (const f of open) {
    const keys = fingerprintKeys(f, rule.algorithm)
    if (keys === null) return unknown(`finding ${f.id} of this test has no ${rule.algorithm.replace(/_or_/g, ' or ')} to match on`)
    for (const key of keys) mineKeys.add(key)
    const states = keys.map((key) => held.get(key)).filter((s) => s !== undefined)
    if (states.includes('active')) onMain++
    else if (states.includes('triaged')) triagedOnMain++
    else fresh.push({ finding: f, reintroduced: states.includes('fixed') })
  }
  // Fixed here: active on the default branch, absent from this run (a moved line whose hash holds the line is new + fixed).
  const fixed = input.main.filter((f) => !f.mitigated && !isTriaged(f) && f.active && !(fingerprintKeys(f, rule.algorithm) ?? []).some((key) => mineKeys.has(key)))
  const { counts, listed } = tally(fresh, link)
  return {
    novelty: { kind: 'known', against: 'default-branch-test', baselineUrl: input.mainUrl, new: counts, reintroduced: fresh.filter((f) => f.reintroduced).length, onMain, triagedOnMain, fixed: fixed.length, fingerprint },
    newFindings: listed,
    fixedFindings: listing(fixed.map((finding) => ({ finding, reintroduced: false })), link)
  }
}

/**
 * A default-branch run's report: its import's actions (N created, R reactivated, from the test's import
 * history of this run), the test's findings after it, and the findings of the default branch's other
 * tests of the same scan type (where DefectDojo would find an original). A created or reactivated finding
 * is new unless one of those holds its fingerprint; matching here rather than reading DefectDojo's
 * duplicate flag keeps the answer right while DefectDojo still deduplicates in the background, and a
 * duplicate of another branch's copy stays new. Open findings the import left as they were are the
 * default branch's already.
 */
export function classifyDefaultBranch(input: {
  rule: Rule
  actions: ReadonlyArray<{ finding: number; action: 'N' | 'R' }>
  mine: readonly FindingRow[]
  siblings: readonly FindingRow[]
  testUrl: string | null
  link: FindingLink
}): Classified {
  const { rule } = input
  const byId = new Map(input.mine.map((f) => [f.id, f]))
  const touched = new Map(input.actions.map((a) => [a.finding, a.action]))
  const held = heldBy(input.siblings, rule)
  if (typeof held === 'string') return unknown(held)
  const fresh: Array<{ finding: FindingRow; reintroduced: boolean }> = []
  let onMain = 0
  let triagedOnMain = 0
  for (const [id, action] of touched) {
    const f = byId.get(id)
    if (!f) return unknown(`finding ${id}, which this import ${action === 'N' ? 'created' : 'reactivated'}, is not among the test's findings read back`)
    if (!isOpen(f)) continue
    const keys = fingerprintKeys(f, rule.algorithm)
    if (keys === null) return unknown(`finding ${f.id} of this test has no ${rule.algorithm.replace(/_or_/g, ' or ')} to match on`)
    const states = keys.map((key) => held.get(key)).filter((state) => state !== undefined)
    if (states.includes('active')) onMain++
    else if (states.includes('triaged')) triagedOnMain++
    else fresh.push({ finding: f, reintroduced: action === 'R' || states.includes('fixed') })
  }
  onMain += input.mine.filter((f) => isOpen(f) && !touched.has(f.id)).length
  const { counts, listed } = tally(fresh, input.link)
  return {
    novelty: { kind: 'known', against: 'default-branch-run', baselineUrl: input.testUrl, new: counts, reintroduced: fresh.filter((f) => f.reintroduced).length, onMain, triagedOnMain, fixed: null, fingerprint: describeRule(rule) },
    newFindings: listed
  }
}
