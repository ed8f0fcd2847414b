import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/config.js'
import { algorithmFor } from '../../src/defectdojo/fingerprints.js'
import { classifyDefaultBranch, classifyIsolated, findingRow, fingerprintKeys, type FindingRow, type Rule } from '../../src/engine/novelty.js'
import type { Candidate, Novelty, RecognizedReport, RunContext } from '../../src/model.js'
import { planUploads } from '../../src/plan/plan.js'
import { noveltyCell, noveltyLine } from '../../src/report/novelty-text.js'

const HASH: Rule = { algorithm: 'hash_code', source: 'server', hashCodeFields: ['title', 'severity', 'file_path', 'line'] }
const link = (id: number) => `https://dojo.example/finding/${id}`

let nextId = 1
function finding(hash: string, more: Partial<FindingRow> = {}): FindingRow {
  const id = nextId++
  return {
    id,
    test: 1,
    title: `finding ${hash}`,
    severity: 'high',
    hashCode: hash,
    uniqueIdFromTool: null,
    active: true,
    duplicate: false,
    duplicateOf: null,
    falsePositive: false,
    riskAccepted: false,
    outOfScope: false,
    mitigated: false,
    ...more
  }
}

function known(novelty: Novelty): Extract<Novelty, { kind: 'known' }> {
  if (novelty.kind !== 'known') throw new Error(`unknown: ${novelty.why}`)
  return novelty
}

describe('an isolated run against the default branch’s matching test', () => {
  const main = () => [finding('a'), finding('b', { severity: 'critical' })]

  it('counts as new only what the default branch does not have, whenever it was created', () => {
    const result = classifyIsolated({ rule: HASH, mine: [finding('a'), finding('b', { severity: 'critical' }), finding('c', { title: 'CVE-1 Zlib' })], main: main(), mainUrl: 'https://dojo.example/test/9', link })
    const split = known(result.novelty)
    expect(split.new).toEqual({ critical: 0, high: 1, medium: 0, low: 0, info: 0, total: 1 })
    expect(split.onMain).toBe(2)
    expect(split.against).toBe('default-branch-test')
    expect(split.baselineUrl).toBe('https://dojo.example/test/9')
    expect(result.newFindings).toEqual([{ title: 'CVE-1 Zlib', severity: 'High', url: expect.stringMatching(/\/finding\/\d+$/) }])
  })

  it('keeps a finding new when DefectDojo marked it a duplicate of another branch’s copy (inactive)', () => {
    const copy = finding('c', { active: false, duplicate: true, duplicateOf: 999 })
    expect(known(classifyIsolated({ rule: HASH, mine: [copy], main: main(), mainUrl: null, link }).novelty).new.total).toBe(1)
  })

  it('does not count a duplicate of the default branch’s finding as new (deduplication on)', () => {
    const copy = finding('a', { active: false, duplicate: true, duplicateOf: 1 })
    const split = known(classifyIsolated({ rule: HASH, mine: [copy], main: main(), mainUrl: null, link }).novelty)
    expect([split.new.total, split.onMain]).toEqual([0, 1])
  })

  it.each([['falsePositive'], ['riskAccepted'], ['outOfScope']] as const)('treats a finding triaged on the default branch (%s) as known, not new', (state) => {
    const split = known(classifyIsolated({ rule: HASH, mine: [finding('t')], main: [finding('t', { active: false, [state]: true })], mainUrl: null, link }).novelty)
    expect([split.new.total, split.onMain, split.triagedOnMain]).toEqual([0, 0, 1])
  })

  it('marks a finding the default branch only has as fixed as new and reintroduced', () => {
    const result = classifyIsolated({ rule: HASH, mine: [finding('f')], main: [finding('f', { active: false, mitigated: true })], mainUrl: null, link })
    expect(known(result.novelty).reintroduced).toBe(1)
    expect(result.newFindings[0]!.reintroduced).toBe(true)
  })

  it('leaves out the branch’s own closed and triaged findings', () => {
    const split = known(classifyIsolated({ rule: HASH, mine: [finding('x', { active: false, mitigated: true }), finding('y', { falsePositive: true, active: false })], main: [], mainUrl: null, link }).novelty)
    expect(split.new.total).toBe(0)
  })

  it('counts everything as new when the default branch has no such test yet, and says so', () => {
    const split = known(classifyIsolated({ rule: HASH, mine: [finding('a'), finding('b')], main: null, mainUrl: null, link }).novelty)
    expect([split.new.total, split.against, split.baselineUrl]).toEqual([2, 'no-baseline', null])
    expect(noveltyLine(split, [])).toContain('no baseline on the default branch yet')
  })

  it('shows a moved line as new plus fixed when the hash holds the line', () => {
    // Bandit's hash holds the line: the finding moved from line 10 to 12 has another hash_code.
    const split = known(classifyIsolated({ rule: HASH, mine: [finding('at-line-12')], main: [finding('at-line-10')], mainUrl: null, link }).novelty)
    expect([split.new.total, split.fixed]).toEqual([1, 1])
  })

  it('matches on unique_id_from_tool, on either for unique_id_from_tool_or_hash_code, and on title and severity for legacy', () => {
    const uid: Rule = { algorithm: 'unique_id_from_tool', source: 'table', hashCodeFields: null }
    expect(known(classifyIsolated({ rule: uid, mine: [finding('h1', { uniqueIdFromTool: 'U1' })], main: [finding('h2', { uniqueIdFromTool: 'U1' })], mainUrl: null, link }).novelty).new.total).toBe(0)
    const either: Rule = { algorithm: 'unique_id_from_tool_or_hash_code', source: 'table', hashCodeFields: null }
    expect(known(classifyIsolated({ rule: either, mine: [finding('same', { uniqueIdFromTool: 'U9' })], main: [finding('same')], mainUrl: null, link }).novelty).new.total).toBe(0)
    expect(known(classifyIsolated({ rule: either, mine: [finding('h3', { uniqueIdFromTool: 'U9' })], main: [finding('h4', { uniqueIdFromTool: 'U9' })], mainUrl: null, link }).novelty).new.total).toBe(0)
    expect(known(classifyIsolated({ rule: either, mine: [finding('h5', { uniqueIdFromTool: 'U5' })], main: [finding('h6', { uniqueIdFromTool: 'U6' })], mainUrl: null, link }).novelty).new.total).toBe(1)
    const legacy: Rule = { algorithm: 'legacy', source: 'table', hashCodeFields: null }
    expect(known(classifyIsolated({ rule: legacy, mine: [finding('p', { title: 'T' })], main: [finding('q', { title: 'T' })], mainUrl: null, link }).novelty).new.total).toBe(0)
    expect(known(classifyIsolated({ rule: legacy, mine: [finding('p', { title: 'T', severity: 'low' })], main: [finding('q', { title: 'T' })], mainUrl: null, link }).novelty).new.total).toBe(1)
  })

  it('is unknown, never 0, when a finding lacks the field its algorithm matches on', () => {
    const result = classifyIsolated({ rule: { algorithm: 'unique_id_from_tool', source: 'table', hashCodeFields: null }, mine: [finding('h')], main: [], mainUrl: null, link })
    expect(result.novelty).toEqual({ kind: 'unknown', why: expect.stringContaining('unique_id_from_tool') })
    expect(noveltyCell(result.novelty)).toBe('new: unknown')
  })

  it('lists the new findings worst first', () => {
    const result = classifyIsolated({ rule: HASH, mine: [finding('l', { severity: 'low' }), finding('c', { severity: 'critical' })], main: [], mainUrl: null, link })
    expect(result.newFindings.map((f) => f.severity)).toEqual(['Critical', 'Low'])
  })
})

describe('a default-branch run', () => {
  const base = { rule: HASH, testUrl: 'https://dojo.example/test/3', link }

  it('counts what the import created or reactivated, unless another test of the default branch holds it', () => {
    // Another test of the same scan type on the default branch: where DefectDojo's deduplication finds originals.
    const siblings = [finding('held'), finding('triaged', { falsePositive: true, active: false }), finding('fixed', { mitigated: true, active: false })]
    const created = finding('n')
    const back = finding('r', { severity: 'medium' })
    const onMainElsewhere = finding('held')
    // Marked a duplicate of another branch's copy: still new on the default branch.
    const dupOfBranch = finding('e', { active: false, duplicate: true, duplicateOf: 501, severity: 'low' })
    const triagedElsewhere = finding('triaged')
    const fixedElsewhere = finding('fixed', { severity: 'critical' })
    const untouched = finding('u')
    const actions: Array<{ finding: number; action: 'N' | 'R' }> = [created, onMainElsewhere, dupOfBranch, triagedElsewhere, fixedElsewhere].map((f) => ({ finding: f.id, action: 'N' }))
    const result = classifyDefaultBranch({ ...base, siblings, actions: [...actions, { finding: back.id, action: 'R' }], mine: [created, back, onMainElsewhere, dupOfBranch, triagedElsewhere, fixedElsewhere, untouched] })
    const split = known(result.novelty)
    expect(split.new).toEqual({ critical: 1, high: 1, medium: 1, low: 1, info: 0, total: 4 })
    expect([split.reintroduced, split.onMain, split.triagedOnMain, split.against]).toEqual([2, 2, 1, 'default-branch-run'])
    expect(result.newFindings.find((f) => f.severity === 'Medium')!.reintroduced).toBe(true)
  })

  it('does not depend on DefectDojo having finished deduplicating: a created finding not yet marked is matched by fingerprint', () => {
    const created = finding('same')
    const split = known(classifyDefaultBranch({ ...base, siblings: [finding('same')], actions: [{ finding: created.id, action: 'N' }], mine: [created] }).novelty)
    expect([split.new.total, split.onMain]).toEqual([0, 1])
  })

  it('is unknown when a finding the import touched is not in the test read back', () => {
    expect(classifyDefaultBranch({ ...base, siblings: [], actions: [{ finding: 777, action: 'N' }], mine: [] }).novelty).toEqual({ kind: 'unknown', why: expect.stringContaining('777') })
  })
})

describe('fingerprints', () => {
  it("takes DefectDojo's algorithm for the scan type, the test type's name first, else legacy", () => {
    expect(algorithmFor('Trivy Scan')).toBe('hash_code')
    expect(algorithmFor('Semgrep JSON Report')).toBe('unique_id_from_tool_or_hash_code')
    expect(algorithmFor('SARIF', 'CodeQL Scan (SARIF)')).toBe('unique_id_from_tool_or_hash_code')
    expect(algorithmFor('Anchore Grype detailed')).toBe('unique_id_from_tool')
    expect(algorithmFor('No Such Scan')).toBe('legacy')
  })

  it('reads a finding row as DefectDojo lists it', () => {
    const row = findingRow({ id: 7, test: 3, title: 'T', severity: 'High', hash_code: 'ab', unique_id_from_tool: null, active: false, duplicate: true, duplicate_finding: 5, is_mitigated: false })
    expect(row).toMatchObject({ id: 7, test: 3, severity: 'high', duplicate: true, duplicateOf: 5 })
    expect(fingerprintKeys(row!, 'hash_code')).toEqual(['hash_code:ab'])
    expect(findingRow({ id: 7, test: 3, severity: 'Severe' })).toBeNull()
  })
})

describe('the default branch’s matching test', () => {
  const context: RunContext = {
    owner: 'acme', repo: 'web', serverUrl: 'https://github.com', eventName: 'pull_request', branch: 'bump-zlib', defaultBranch: 'main',
    sha: '9f4c2e1d', pr: 12, pullRequest: true, fork: null, secretsWithheld: null, source: 'GitHub Actions', tag: null, runId: '7', runAttempt: '1', runNumber: '3', workflow: 'security', job: 'dojo', runUrl: null, workspace: '/w',
    buildId: '7-1', scmUri: null
  }
  const trivy: { candidate: Candidate; recognition: RecognizedReport } = {
    candidate: { absolutePath: '/w/trivy.json', displayPath: 'trivy.json', artifact: 'trivy', size: 10 },
    recognition: { kind: 'report', scanType: 'Trivy Scan', format: 'Trivy JSON', tool: 'trivy', lane: 'container', uploadName: 'trivy.json', decidedBy: 'content', evidence: [] }
  }

  it('is the same report’s target as a push to the default branch would fill it, for a pull request', () => {
    const [upload] = planUploads(parseConfig({ 'dry-run': 'true', engagement: 'CI {lane} {pr}' }), context, [trivy])
    expect(upload!.target.engagement).toBe('CI container 12 (bump-zlib)')
    expect(upload!.baseline).toEqual({ kind: 'test', target: { ...upload!.target, engagement: 'CI container' } })
  })

  it('fills {branch} with the default branch’s name, and cannot when that name is unknown', () => {
    const config = parseConfig({ 'dry-run': 'true', engagement: 'CI {branch}' })
    expect(planUploads(config, context, [trivy])[0]!.baseline).toMatchObject({ kind: 'test', target: { engagement: 'CI main' } })
    expect(planUploads(config, { ...context, defaultBranch: null }, [trivy])[0]!.baseline).toMatchObject({ kind: 'unknown', why: expect.stringContaining('default-branch') })
  })

  it('is the run itself on the default branch, or when the run shares its test', () => {
    expect(planUploads(parseConfig({ 'dry-run': 'true' }), { ...context, eventName: 'push', branch: 'main', pr: null, pullRequest: false }, [trivy])[0]!.baseline).toEqual({ kind: 'self' })
    expect(planUploads(parseConfig({ 'dry-run': 'true', 'branch-isolation': 'false' }), context, [trivy])[0]!.baseline).toEqual({ kind: 'self' })
  })
})
