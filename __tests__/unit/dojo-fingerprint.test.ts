/**
 * The stand-in's fingerprint of a finding (__tests__/support/dojo-fingerprint.ts) and the title DefectDojo
 * stores (__tests__/support/dojo-titlecase.ts), rule by rule (docs/defectdojo-api.md §e, §r). Products-wide
 * deduplication builds on these, so each rule has a test that fails when it is dropped.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { ReimportCandidates, computeHashCode, deduplicationAlgorithm, hashCodeFields } from '../support/dojo-fingerprint.ts'
import type { FingerprintSource, MatchableFinding } from '../support/dojo-fingerprint.ts'
import { titlecase } from '../support/dojo-titlecase.ts'

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const base: FingerprintSource = {
  title: 'XSS', severity: 'High', cwe: 0, line: null, file_path: null, description: 'desc', vuln_id_from_tool: null, unique_id_from_tool: null, service: null,
}

describe('per scan type: algorithm and hash_code fields (settings.dist.py of 3.2.0)', () => {
  it('looks up the test type name first, then the scan type, else legacy / null', () => {
    expect(deduplicationAlgorithm('LGTM.com Scan (SARIF)', 'SARIF')).toBe('unique_id_from_tool_or_hash_code')
    expect(deduplicationAlgorithm('Bandit Scan', 'Bandit Scan')).toBe('hash_code')
    expect(deduplicationAlgorithm('Anchore Grype detailed', 'Anchore Grype')).toBe('unique_id_from_tool')
    expect(deduplicationAlgorithm('No Such Scan', 'No Such Scan')).toBe('legacy')
    expect(hashCodeFields('ZAP Scan', 'ZAP Scan')).toEqual(['title', 'cwe', 'severity'])
    expect(hashCodeFields('Gitleaks Scan', 'Gitleaks Scan')).toBeNull()
  })
})

describe('computeHashCode (Finding.compute_hash_code)', () => {
  it('hashes the configured fields as Python str() renders them, case-folded', () => {
    expect(computeHashCode({ ...base, cwe: 79 }, 'ZAP Scan', 'ZAP Scan')).toBe(sha256('xss79high'))
    expect(computeHashCode({ ...base, file_path: 'a.py', line: 3, vuln_id_from_tool: 'B1' }, 'Bandit Scan', 'Bandit Scan')).toBe(sha256('a.py3b1'))
    expect(computeHashCode({ ...base, line: null, vuln_id_from_tool: null }, 'Bandit Scan', 'Bandit Scan')).toBe(sha256('nonenonenone'))
  })

  it('falls back to the legacy formula without fields, and when a needed cwe is 0', () => {
    expect(computeHashCode({ ...base, line: 2, file_path: 'f' }, 'Gitleaks Scan', 'Gitleaks Scan')).toBe(sha256('xss02fdesc'))
    // ZAP does not allow a null cwe (HASHCODE_ALLOWS_NULL_CWE), Trivy does.
    expect(computeHashCode(base, 'ZAP Scan', 'ZAP Scan')).toBe(sha256('xss0nonenonedesc'))
    expect(computeHashCode({ ...base, vulnerability_ids: ['CVE-2', 'CVE-1', 'CVE-2'] }, 'Trivy Scan', 'Trivy Scan')).toBe(sha256('xsshighcve-1cve-20desc'))
  })

  it('appends the service, and strips surrounding whitespace before hashing', () => {
    expect(computeHashCode({ ...base, cwe: 79, service: 'API' }, 'ZAP Scan', 'ZAP Scan')).toBe(sha256('xss79highapi'))
    expect(computeHashCode({ ...base, title: ' t', line: 1, file_path: 'f', description: 'd \n' }, 'Gitleaks Scan', 'Gitleaks Scan')).toBe(sha256('t01fd'))
  })
})

describe('ReimportCandidates (match_finding_to_candidate_reimport)', () => {
  const f = (id: number, over: Partial<MatchableFinding> = {}): MatchableFinding => ({ id, hash_code: `h${id}`, unique_id_from_tool: null, title: `T${id}`, severity: 'High', ...over })
  const probe = (over: Partial<MatchableFinding>): MatchableFinding => ({ ...f(0), hash_code: null, ...over })

  it('hash_code: by hash, lowest id first', () => {
    const c = new ReimportCandidates('hash_code', [f(5, { hash_code: 'x' }), f(2, { hash_code: 'x' }), f(3, { unique_id_from_tool: 'u' })])
    expect(c.match(probe({ hash_code: 'x' })).map((x) => x.id)).toEqual([2, 5])
    expect(c.match(probe({ unique_id_from_tool: 'u' }))).toEqual([])
  })

  it('unique_id_from_tool, and either of the two', () => {
    const rows = [f(1, { unique_id_from_tool: 'u' }), f(2, { hash_code: 'x' })]
    expect(new ReimportCandidates('unique_id_from_tool', rows).match(probe({ unique_id_from_tool: 'u', hash_code: 'x' })).map((x) => x.id)).toEqual([1])
    expect(new ReimportCandidates('unique_id_from_tool_or_hash_code', rows).match(probe({ unique_id_from_tool: 'u', hash_code: 'x' })).map((x) => x.id)).toEqual([1, 2])
  })

  it('legacy: lower-case title and severity', () => {
    const c = new ReimportCandidates('legacy', [f(1, { title: 'Use of Exec Detected.' })])
    expect(c.match(probe({ title: 'use of exec detected.', severity: 'High' })).map((x) => x.id)).toEqual([1])
    expect(c.match(probe({ title: 'use of exec detected.', severity: 'Low' }))).toEqual([])
  })

  it('a finding added during the reimport is a candidate for the later ones', () => {
    const c = new ReimportCandidates<MatchableFinding>('hash_code', [])
    expect(c.match(probe({ hash_code: 'y' }))).toEqual([])
    c.add(f(9, { hash_code: 'y' }))
    expect(c.match(probe({ hash_code: 'y' })).map((x) => x.id)).toEqual([9])
  })
})

describe('titlecase (Finding.save)', () => {
  it.each([
    ['Use of exec detected.', 'Use of Exec Detected.'],
    ['Use of possibly insecure function - consider using safer ast.literal_eval.', 'Use of Possibly Insecure Function - Consider Using Safer ast.literal_eval.'],
    ['Requests call with verify=False disabling SSL certificate checks, security issue.', 'Requests Call With Verify=False Disabling SSL Certificate Checks, Security Issue.'],
    ['Standard pseudo-random generators are not suitable for security/cryptographic purposes.', 'Standard Pseudo-Random Generators Are Not Suitable for Security/Cryptographic Purposes.'],
    ['Hard coded PyPI upload token found in detect/detect_test.go', 'Hard Coded PyPI Upload Token Found in detect/detect_test.go'],
    ['Function resolvingPromise is sometimes invoked as a constructor (for example [here](1)).', 'Function resolvingPromise Is Sometimes Invoked as a Constructor (For Example [Here](1)).'],
    ['CVE-2019-1549 libcrypto1.1 1.1.1c-r0', 'CVE-2019-1549 libcrypto1.1 1.1.1c-r0'],
    ['XSS IN THE APP', 'XSS in the App'],
    ['the end of', 'The End Of'],
    ['o\'neil and mcdonald', 'O\'Neil and McDonald'],
  ])('%j is stored as %j', (parsed, stored) => {
    expect(titlecase(parsed)).toBe(stored)
  })
})
