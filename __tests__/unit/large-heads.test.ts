// Reports longer than the bounded head (HEAD_BYTES), in each tool's real key order: the keys a tool writes
// after its long list of findings lie beyond the head, and recognition must still name the format.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { recognize } from '../../src/recognition/recognize.js'
import { HEAD_BYTES } from '../../src/recognition/sniff.js'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'large-heads-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** `count` copies of an item, numbered, enough to pass HEAD_BYTES. */
function many<T>(item: (i: number) => T, count = 2000): T[] {
  return Array.from({ length: count }, (_, i) => item(i))
}

async function scanTypeOf(name: string, document: unknown): Promise<string | null> {
  const file = path.join(dir, name)
  const text = JSON.stringify(document, null, 2)
  fs.writeFileSync(file, text)
  expect(Buffer.byteLength(text)).toBeGreaterThan(HEAD_BYTES)
  const recognition = await recognize({ absolutePath: file, displayPath: name, artifact: null, size: Buffer.byteLength(text) })
  return recognition.kind === 'report' ? recognition.scanType : null
}

const semgrepResult = (i: number) => ({
  check_id: 'python.lang.security.audit.eval-detected',
  path: `src/module${i}.py`,
  start: { line: i, col: 1, offset: i * 10 },
  end: { line: i, col: 20, offset: i * 10 + 19 },
  extra: { message: 'Detected the use of eval().', metadata: { cwe: ['CWE-95'] }, severity: 'WARNING', fingerprint: `f${i}`, lines: 'eval(x)' }
})

// Each row: a file name, the report in the tool's own key order, and the scan type it must get.
const BIG: Array<[string, unknown, string]> = [
  ['semgrep.json', { version: '1.50.0', results: many(semgrepResult), errors: [], paths: { scanned: [] }, interfile_languages_used: [], skipped_rules: [] }, 'Semgrep JSON Report'],
  [
    'gosec.json',
    { Issues: many((i) => ({ severity: 'HIGH', confidence: 'HIGH', cwe: { id: '798' }, rule_id: 'G101', details: 'Potential hardcoded credentials', file: `/src/f${i}.go`, code: 'x := 1', line: `${i}`, column: '2', nosec: false, suppressions: null })), Stats: { files: 1, lines: 1, nosec: 0, found: 2000 }, GosecVersion: 'dev' },
    'Gosec Scanner'
  ],
  [
    'results.sarif',
    { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [{ tool: { driver: { name: 'CodeQL', rules: [] } }, results: many((i) => ({ ruleId: 'js/xss', message: { text: `XSS ${i}` }, locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.js` }, region: { startLine: i + 1 } } }] })) }], version: '2.1.0' },
    'SARIF'
  ],
  [
    'npm-audit.json',
    {
      actions: [],
      advisories: Object.fromEntries(many((i) => [`${1000 + i}`, { id: 1000 + i, title: 'Prototype Pollution', module_name: `pkg${i}`, severity: 'high', cwe: 'CWE-471', url: `https://npmjs.com/advisories/${1000 + i}`, findings: [{ version: '1.0.0', paths: [`pkg${i}`] }], overview: 'x'.repeat(40) }])),
      muted: [],
      metadata: { vulnerabilities: { high: 2000 }, dependencies: 1, totalDependencies: 1 },
      runId: 'r'
    },
    'NPM Audit Scan'
  ],
  [
    'npm-audit-v7.json',
    {
      auditReportVersion: 2,
      vulnerabilities: Object.fromEntries(many((i) => [`pkg${i}`, { name: `pkg${i}`, severity: 'high', isDirect: true, via: [{ source: 1000 + i, name: `pkg${i}`, dependency: `pkg${i}`, title: 'ReDoS', url: 'https://github.com/advisories/GHSA-xxxx', severity: 'high', cwe: ['CWE-400'], cvss: { score: 7.5 }, range: '<2.0.0' }], effects: [], range: '<2.0.0', nodes: [`node_modules/pkg${i}`], fixAvailable: true }])),
      metadata: { vulnerabilities: { high: 2000 }, dependencies: {} }
    },
    'NPM Audit v7+ Scan'
  ],
  [
    'sonarqube.json',
    { total: 2000, p: 1, ps: 2000, paging: { pageIndex: 1, pageSize: 2000, total: 2000 }, effortTotal: 0, issues: many((i) => ({ key: `k${i}`, rule: 'java:S2076', severity: 'CRITICAL', component: `p:src/F${i}.java`, project: 'p', line: i, message: 'Command injection', type: 'VULNERABILITY', status: 'OPEN', tags: ['cwe'] })), components: [], facets: [] },
    'SonarQube Scan'
  ],
  [
    'dependency-track.json',
    { meta: { application: 'Dependency-Track', version: '4.10.0', timestamp: '2024-02-11T00:00:00Z' }, findings: many((i) => ({ component: { uuid: `u${i}`, name: `pkg${i}`, version: '1.0' }, vulnerability: { uuid: `v${i}`, vulnId: `CVE-2024-${i}`, source: 'NVD', severity: 'HIGH' }, analysis: { isSuppressed: false }, matrix: `m${i}` })), project: { uuid: 'p', name: 'app', version: '1.0' }, version: '1.2' },
    'Dependency Track Finding Packaging Format (FPF) Export'
  ],
  [
    'checkmarx-one.json',
    { results: many((i) => ({ type: 'sast', id: `id${i}`, similarityId: `${i}`, status: 'NEW', state: 'TO_VERIFY', severity: 'HIGH', data: { queryName: 'SQL_Injection', nodes: [] }, vulnerabilityDetails: { cweId: 89 } })), totalCount: 2000, scanID: 's' },
    'Checkmarx One Scan'
  ],
  [
    'ffuf.json',
    { commandline: 'ffuf -u https://x/FUZZ', time: '2024-01-01T00:00:00Z', results: many((i) => ({ input: { FUZZ: `w${i}` }, position: i, status: 200, length: 10, words: 1, lines: 1, url: `https://x/w${i}`, host: 'x', resultfile: '' })), config: { url: 'https://x/FUZZ' } },
    'ffuf Scan'
  ],
  [
    'npm-audit-long-actions.json',
    {
      actions: many((i) => ({ action: 'update', module: `pkg${i}`, target: '2.0.0', depth: 3, isMajor: false, resolves: [{ id: 1000 + i, path: `a>b>pkg${i}`, dev: false, optional: false, bundled: false }] }), 3000),
      advisories: { '1000': { id: 1000, title: 'Prototype Pollution', module_name: 'pkg0', severity: 'high', findings: [{ version: '1.0.0', paths: ['pkg0'] }] } },
      muted: [],
      metadata: { vulnerabilities: { high: 1 } }
    },
    'NPM Audit Scan'
  ],
  [
    'composer-audit.json',
    { advisories: Object.fromEntries(many((i) => [`vendor/pkg${i}`, [{ advisoryId: `PKSA-${i}`, packageName: `vendor/pkg${i}`, affectedVersions: '<2.0', title: 'RCE', cve: `CVE-2024-${i}`, link: 'https://x', reportedAt: '2024-01-01', sources: [], severity: 'high' }]])), abandoned: {}, filter: [] },
    'Composer Audit Scan'
  ],
  [
    'pnpm-audit.json',
    { advisories: Object.fromEntries(many((i) => [`${1000 + i}`, { id: 1000 + i, module_name: `pkg${i}`, findings: [{ version: '1.0.0', paths: [`.>pkg${i}`] }], github_advisory_id: `GHSA-${i}`, severity: 'high', title: 'ReDoS', url: 'https://x', cwe: ['CWE-400'] }])), metadata: { vulnerabilities: { high: 2000 } } },
    'pnpm Audit Scan'
  ],
  [
    'nancy.json',
    { audited: many((i) => ({ Coordinates: `pkg:golang/example.com/m${i}@v1.0.0`, Reference: `https://ossindex.sonatype.org/component/pkg:golang/example.com/m${i}`, Vulnerabilities: [], InvalidSemVer: false })), exclusions: [], invalid: [], num_audited: 2000, num_vulnerable: 0, version: '1.0.42', vulnerable: [] },
    'Nancy Scan'
  ],
  [
    'neuvector.json',
    { report: { vulnerabilities: many((i) => ({ name: `CVE-2024-${i}`, score: 7.5, severity: 'High', vectors: 'AV:N', description: 'x', package_name: `lib${i}`, package_version: '1.0', fixed_version: '1.1', link: 'https://x' })), modules: [], checks: [] } },
    'NeuVector (REST)'
  ]
]

describe('a report longer than the bounded head, in its tool’s key order', () => {
  test.each(BIG.map(([name, document, scanType]) => [name, scanType, document] as const))('%s → %s', async (name, scanType, document) => {
    expect(await scanTypeOf(name, document)).toBe(scanType)
  })

  test('the head ends inside a long list with nothing after it read: an empty list does not stand in for a format', async () => {
    // ffuf with no results and a long config: `results: []` cut before `errors` is not Semgrep's evidence.
    const ffufEmpty = { commandline: 'ffuf', time: 't', results: [], config: { inputproviders: many((i) => ({ name: 'wordlist', value: `/w${i}`, keyword: 'FUZZ' }), 6000) } }
    expect(await scanTypeOf('ffuf-empty.json', ffufEmpty)).not.toBe('Semgrep JSON Report')
  })

  test('a GitLab DAST report cut inside its long ZAP site list is not taken for ZAP’s own JSON', async () => {
    const gitlabDast = { '@generated': 'Mon, 1 Jan 2024', '@version': '2.11.1', remediations: [], scan: { type: 'dast' }, site: many((i) => ({ '@name': `https://x${i}`, alerts: [{ pluginid: '1', alert: 'XSS', riskcode: '3', desc: 'y'.repeat(80) }] })), version: '15.0.0', vulnerabilities: [] }
    expect(await scanTypeOf('gl-dast-report.json', gitlabDast)).toBeNull()
    const recognition = await recognize({ absolutePath: path.join(dir, 'gl-dast-report.json'), displayPath: 'gl-dast-report.json', artifact: null, size: 1 })
    expect(recognition.kind === 'skipped' ? recognition.reason : '').not.toContain('ZAP')
  })

  test('Bandit, whose metrics precede a long results list, stays Bandit, never its Semgrep twin', async () => {
    const bandit = {
      errors: [],
      generated_at: '2024-01-01T00:00:00Z',
      metrics: { _totals: { loc: 1 } },
      results: many((i) => ({ code: 'x', filename: `f${i}.py`, issue_confidence: 'HIGH', issue_severity: 'LOW', issue_text: 'assert used', line_number: i, line_range: [i], test_id: 'B101', test_name: 'assert_used' }))
    }
    expect(await scanTypeOf('bandit.json', bandit)).toBe('Bandit Scan')
  })

  test('a Semgrep head cut before `errors` still needs Semgrep-shaped results', async () => {
    const other = { version: '1', results: many((i) => ({ id: i, name: `n${i}`, text: 'y'.repeat(100) })), errors: [] }
    expect(await scanTypeOf('other.json', other)).toBeNull()
  })
})
