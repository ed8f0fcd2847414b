/**
 * The stand-in's deduplication and triage, after DefectDojo 3.2.0 (dojo/finding/deduplication.py; docs/defectdojo-api.md
 * §l "Deduplication"). With System Settings "Deduplicate findings" on, each finding an import creates is compared
 * with the older findings of its product (of its engagement when the engagement has deduplication_on_engagement),
 * of the same test type, by the test's deduplication algorithm (hash_code, unique_id_from_tool, either, or legacy:
 * title and severity). The oldest match that is not itself a duplicate becomes the original: the new finding is
 * marked `duplicate: true`, `active: false`, `verified: false`, `duplicate_finding: <original id>`. An original that
 * was fixed (mitigated, not by a human status) is skipped (set_duplicate refuses to "reopen" it), so a finding that
 * comes back after a fix stays active. A copy on branch b of a finding branch a brought first is b's duplicate of
 * a's: DefectDojo's duplicate flag means "seen somewhere in the product", not "on the default branch".
 *
 * Deduplication may complete after the answer (`delayMs`, the async mode with a worker behind): the 201 is sent
 * first and the findings are marked later.
 *
 * Triage sets what a person sets in DefectDojo's UI: false positive, risk accepted, out of scope (inactive, not
 * mitigated) or mitigated (fixed).
 * Only erasable TypeScript syntax (the stand-in also runs under Node's type stripping).
 */
import type { DojoFinding, DojoState, DojoTest } from './dojo-server.ts'

/** Status a test sets on a finding, as a person would in DefectDojo. */
export type Triage = 'false_p' | 'risk_accepted' | 'out_of_scope' | 'mitigated'

const byIdIn = <T extends { id: number }>(rows: readonly T[], id: number): T | undefined => rows.find((row) => row.id === id)

/** finding_mitigated() and finding_not_human_set_status(): an original set_duplicate will not attach a new duplicate to. */
function fixedByTheTool(f: DojoFinding): boolean {
  return !f.active && (f.is_mitigated || f.mitigated !== null) && !f.out_of_scope && !f.false_p
}

/** The keys a finding is matched on under the test's algorithm (a match on any one suffices). */
function keysOf(test: DojoTest, f: DojoFinding): string[] {
  const hash = `h:${f.hash_code}`
  const uid = f.unique_id_from_tool === null ? [] : [`u:${f.unique_id_from_tool}`]
  switch (test.deduplication_algorithm) {
    case 'hash_code': return [hash]
    case 'unique_id_from_tool': return uid
    case 'unique_id_from_tool_or_hash_code': return [hash, ...uid]
    default: return [`l:${f.title}\u0000${f.severity}`]
  }
}

/** Marks each of `created` (findings of `test`) a duplicate of its original, where it has one. */
export function deduplicate(state: DojoState, test: DojoTest, created: readonly DojoFinding[]): void {
  const engagement = byIdIn(state.engagements, test.engagement)
  if (!engagement) return
  const inScope = (other: DojoTest): boolean => {
    if (other.test_type !== test.test_type) return false
    if (engagement.deduplication_on_engagement) return other.engagement === engagement.id
    return byIdIn(state.engagements, other.engagement)?.product === engagement.product
  }
  // The candidates by key, oldest first: what DefectDojo's candidate query orders by id.
  const byKey = new Map<string, DojoFinding[]>()
  for (const candidate of state.tests.filter(inScope).flatMap((t) => t.findings)) {
    if (candidate.duplicate || fixedByTheTool(candidate)) continue
    for (const key of keysOf(test, candidate)) {
      const list = byKey.get(key)
      if (list) list.push(candidate)
      else byKey.set(key, [candidate])
    }
  }
  for (const finding of created) {
    if (finding.duplicate) continue
    const original = keysOf(test, finding)
      .flatMap((key) => byKey.get(key) ?? [])
      .filter((c) => c.id < finding.id && !c.duplicate)
      .sort((a, b) => a.id - b.id)[0]
    if (!original) continue
    finding.duplicate = true
    finding.active = false
    finding.verified = false
    finding.duplicate_finding = original.id
  }
}

/** Sets a person's status on a finding; throws when there is no such finding. */
export function triage(state: DojoState, findingId: number, status: Triage): DojoFinding {
  const finding = state.tests.flatMap((t) => t.findings).find((f) => f.id === findingId)
  if (!finding) throw new Error(`no finding ${findingId}`)
  finding.active = false
  if (status === 'mitigated') {
    finding.is_mitigated = true
    finding.mitigated = new Date().toISOString()
  } else finding[status] = true
  return finding
}
