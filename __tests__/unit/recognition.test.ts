/**
 * Recognition by content, with project-written fixtures (fixtures/recognition): the near-twin
 * formats, clean reports versus files that are not reports, names as tie-breakers only, the upload
 * file name, overrides, and a 1 GiB report recognised from its head.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Candidate, Recognition } from '../../src/model.js'
import { recognize, recognizeHead, uploadName, type ScanTypeOverride } from '../../src/recognition/recognize.js'
import type { FormatRule } from '../../src/recognition/formats/index.js'
import { has, json } from '../../src/recognition/matchers.js'
import { HEAD_BYTES, sniff } from '../../src/recognition/sniff.js'
import { makeZip } from '../support/zip.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/recognition', import.meta.url))

function candidate(file: string, options: { as?: string; artifact?: string | null } = {}): Candidate {
  const absolutePath = path.isAbsolute(file) ? file : path.join(FIXTURES, file)
  return { absolutePath, displayPath: options.as ?? path.basename(file), artifact: options.artifact ?? null, size: fs.statSync(absolutePath).size }
}

async function scanTypeOf(file: string, options: { as?: string; artifact?: string | null } = {}): Promise<string | null> {
  const recognition = await recognize(candidate(file, options))
  return recognition.kind === 'report' ? recognition.scanType : null
}

function report(recognition: Recognition): Extract<Recognition, { kind: 'report' }> {
  if (recognition.kind !== 'report') throw new Error(`expected a report, got: ${recognition.reason}`)
  return recognition
}

function skip(recognition: Recognition): Extract<Recognition, { kind: 'skipped' }> {
  if (recognition.kind !== 'skipped') throw new Error(`expected a skip, got ${recognition.scanType}`)
  return recognition
}

function override(pattern: RegExp, scanType: string): ScanTypeOverride {
  return { pattern: String(pattern), matches: (p) => pattern.test(p), scanType }
}

// Neutral names: the content alone must decide.
describe('near twins come out right by content alone', () => {
  test.each([
    ['npm audit v6 vs v7+', 'npm/npm6-audit.json', 'NPM Audit Scan'],
    ['npm audit v6 vs v7+', 'npm/npm-audit.json', 'NPM Audit v7+ Scan'],
    ['Gitleaks JSON vs Gitleaks SARIF', 'gitleaks/gitleaks-report.json', 'Gitleaks Scan'],
    ['Gitleaks JSON vs Gitleaks SARIF', 'gitleaks/gitleaks.sarif', 'SARIF'],
    ['Semgrep JSON vs Semgrep SARIF', 'semgrep/semgrep.json', 'Semgrep JSON Report'],
    ['Semgrep JSON vs Semgrep SARIF', 'semgrep/semgrep.sarif', 'SARIF'],
    ['Trivy vs Trivy Operator', 'trivy/trivy-image.json', 'Trivy Scan'],
    ['Trivy vs Trivy Operator', 'trivy/trivy-k8s.json', 'Trivy Scan'],
    ['Trivy vs Trivy Operator', 'trivy-operator/vulnerabilityreport.json', 'Trivy Operator Scan'],
    ['ZAP XML', 'zap/zap-report.xml', 'ZAP Scan'],
    ['Dependency-Check XML', 'dependency-check/dependency-check-report.xml', 'Dependency Check Scan'],
    ['Prowler OCSF JSON', 'prowler/prowler-output.ocsf.json', 'Prowler Scan'],
    ['Prowler CSV', 'prowler/prowler-output.csv', 'Prowler Scan'],
    ['Prowler 3 JSON', 'prowler/prowler3-output.json', 'AWS Prowler V3'],
    ['Prowler 2 CSV', 'prowler/prowler2-output.csv', 'AWS Prowler Scan'],
    ['CycloneDX JSON vs XML', 'cyclonedx/bom.json', 'CycloneDX Scan'],
    ['CycloneDX JSON vs XML', 'cyclonedx/bom.xml', 'CycloneDX Scan'],
    ['Trufflehog 2 vs 3 vs trufflehog3', 'trufflehog/trufflehog2.json', 'Trufflehog Scan'],
    ['Trufflehog 2 vs 3 vs trufflehog3', 'trufflehog/trufflehog3.json', 'Trufflehog Scan'],
    ['Trufflehog 2 vs 3 vs trufflehog3', 'trufflehog3/trufflehog3.json', 'Trufflehog3 Scan'],
    ['Checkov single object vs list', 'checkov/checkov.json', 'Checkov Scan'],
    ['Checkov single object vs list', 'checkov/checkov-multi.json', 'Checkov Scan'],
    ['Checkov with nothing to scan', 'checkov/results_json.json', 'Checkov Scan'],
    ['ESLint json', 'eslint/eslint.json', 'ESLint Scan'],
    ['Cppcheck SARIF', 'cppcheck/cppcheck.sarif', 'SARIF'],
    ['SPDX JSON', 'spdx/sbom.spdx.json', 'SPDX Scan'],
    ['SPDX tag-value', 'spdx/sbom.spdx', 'SPDX Scan']
  ])('%s: %s → %s', async (_pair, file, scanType) => {
    const recognition = report(await recognize(candidate(file, { as: `report${path.extname(file)}` })))
    expect(recognition.scanType).toBe(scanType)
    expect(recognition.decidedBy).toBe('content')
  })

  test.each([
    ['ZAP JSON is not importable as ZAP Scan', 'zap/zap-report.json', /ZAP JSON/],
    ['Dependency-Check JSON is not importable', 'dependency-check/dependency-check-report.json', /XML report only/],
    ['ESLint json-with-metadata is not importable', 'eslint/eslint-with-metadata.json', /eslint -f json/],
    ['Cppcheck XML is not importable', 'cppcheck/cppcheck.xml', /reads SARIF now/],
    ['JUnit XML from a linter', 'junit/eslint-junit.xml', /JUnit XML/],
    ['Checkstyle XML from a linter', 'checkstyle/checkstyle-result.xml', /Checkstyle XML/],
    ['SPDX 3 is not supported yet', 'spdx/sbom.spdx3.json', /SPDX 3/]
  ])('%s', async (_what, file, reason) => {
    const skipped = skip(await recognize(candidate(file)))
    expect(skipped.reason).toMatch(reason)
    expect(skipped.humanReadable).toBe(false)
  })

  test('SARIF from a tool that has a scan type of its own always goes to the generic SARIF parser', async () => {
    for (const file of ['cppcheck/cppcheck.sarif', 'gitleaks/gitleaks.sarif', 'semgrep/semgrep.sarif', 'sarif/codeql.sarif']) {
      expect(await scanTypeOf(file, { as: `${path.basename(path.dirname(file))}.sarif` })).toBe('SARIF')
    }
  })
})

describe('a valid empty report is uploaded; a file that is not a report never is', () => {
  test.each([
    ['Gitleaks [] named gitleaks', 'gitleaks/gitleaks.json', 'Gitleaks Scan'],
    ['SARIF with empty results', 'sarif/empty-results.sarif', 'SARIF'],
    ['npm audit with no vulnerabilities', 'npm/npm-audit-clean.json', 'NPM Audit v7+ Scan'],
    ['Trivy without Results', 'trivy/trivy-clean.json', 'Trivy Scan']
  ])('%s', async (_what, file, scanType) => {
    expect(await scanTypeOf(file)).toBe(scanType)
  })

  test.each([
    ['npm audit error output', 'npm/npm-audit-error.json', /npm audit` failed/],
    ['yarn audit error output', 'yarn/yarn-audit-error.json', /yarn audit` failed/],
    ['WPScan aborted', 'wpscan/wpscan-aborted.json', /aborted/],
    ['a 0-byte file', 'negative/empty.json', /empty \(0 bytes\)/],
    ['white space only', 'negative/whitespace.json', /only white space/],
    ['truncated JSON', 'negative/truncated.json', /not valid JSON .*truncated or broken/],
    ['broken XML', 'negative/broken.xml', /not valid XML/],
    ['a CSV whose records overflow its header', 'negative/broken.csv', /not valid CSV \(record 2 has 10 fields, the header 7\)/],
    ['an HTML report for people', 'negative/zap-report.html', /HTML page for people/],
    ['a log', 'negative/build.log', /for people|not a report format/],
    ['Markdown', 'negative/README.md', /for people/],
    ['unknown JSON', 'negative/unknown.json', /not a report format this action recognises .*scan-types/],
    ['checksum output that looks like clamscan lines', 'negative/sha256sums.txt', /for people|not a report format/]
  ])('%s is skipped', async (_what, file, reason) => {
    expect(skip(await recognize(candidate(file))).reason).toMatch(reason)
  })

  test('pages and logs for people are counted quietly, broken reports are not', async () => {
    expect(skip(await recognize(candidate('negative/zap-report.html'))).humanReadable).toBe(true)
    expect(skip(await recognize(candidate('negative/README.md'))).humanReadable).toBe(true)
    expect(skip(await recognize(candidate('negative/truncated.json'))).humanReadable).toBe(false)
    expect(skip(await recognize(candidate('npm/npm-audit-error.json'))).humanReadable).toBe(false)
  })
})

describe('names only break ties', () => {
  test('an empty [] without a telling name is skipped with a reason naming the override', async () => {
    const skipped = skip(await recognize(candidate('gitleaks/gitleaks.json', { as: 'report.json' })))
    expect(skipped.reason).toMatch(/what several tools print on a clean run/)
    expect(skipped.reason).toMatch(/`scan-types` input, e\.g\. `report\.json = /)
  })

  test('the file name or the artifact name decides between the tools that print []', async () => {
    expect(report(await recognize(candidate('gitleaks/gitleaks.json'))).decidedBy).toBe('content+name')
    expect(await scanTypeOf('gitleaks/gitleaks.json', { as: 'hadolint.json' })).toBe('Hadolint Dockerfile check')
    expect(await scanTypeOf('gitleaks/gitleaks.json', { as: 'report.json', artifact: 'gitleaks' })).toBe('Gitleaks Scan')
    expect(await scanTypeOf('hadolint/hadolint.json')).toBe('Hadolint Dockerfile check')
  })

  test('a name never overrides content', async () => {
    const recognition = report(await recognize(candidate('gitleaks/gitleaks-report.json', { as: 'trivy-results.json', artifact: 'trivy' })))
    expect(recognition.scanType).toBe('Gitleaks Scan')
    expect(recognition.decidedBy).toBe('content')
  })

  test('rows that are twins of one row: that row is chosen unless a name chooses another; weak matches are no twins', () => {
    const row = (id: string, scanType: string, extra: Partial<FormatRule>): FormatRule => ({ id, scanType, format: id, tool: id, lane: 'other', extensions: ['.json'], match: json(has('a')), ...extra })
    const table = [row('b', 'B Scan', { twinOf: 'a', nameHint: /bee/ }), row('a', 'A Scan', { nameHint: /ay/ }), row('c', 'C Scan', { twinOf: 'a' })]
    const text = '{"a": 1}'
    const named = (name: string) => recognizeHead(sniff(Buffer.from(text), true), { absolutePath: `/x/${name}`, displayPath: name, artifact: null, size: text.length }, table)
    expect(named('report.json')).toMatchObject({ scanType: 'A Scan', decidedBy: 'content' })
    expect(named('bee.json')).toMatchObject({ scanType: 'B Scan', decidedBy: 'content+name' })
    // Without the row they are twins of, matches are just ambiguous.
    expect(recognizeHead(sniff(Buffer.from(text), true), { absolutePath: '/x/r.json', displayPath: 'r.json', artifact: null, size: text.length }, table.filter((r) => r.id !== 'a')).kind).toBe('skipped')
    // `{}` is weak evidence for every row: twins do not decide it.
    expect(recognizeHead(sniff(Buffer.from('{}'), true), { absolutePath: '/x/r.json', displayPath: 'r.json', artifact: null, size: 2 }, table.map((r) => ({ ...r, match: json() }))).kind).toBe('skipped')
  })

  test('formats only a name can tell apart: the name decides, else an override is asked for', async () => {
    // A clean Generic / Semgrep Pro findings list: two different formats, one shape.
    const clean = JSON.stringify({ findings: [] })
    const head = sniff(Buffer.from(clean), true)
    const skipped = skip(recognizeHead(head, { absolutePath: '/x/findings.json', displayPath: 'findings.json', artifact: null, size: clean.length }))
    expect(skipped.reason).toMatch(/fits several formats \(Generic Findings Import, Semgrep Pro JSON Report, AWS Inspector2 Scan\)/)
    expect(recognizeHead(head, { absolutePath: '/x/semgrep.json', displayPath: 'semgrep.json', artifact: null, size: clean.length })).toMatchObject({ scanType: 'Semgrep Pro JSON Report', decidedBy: 'content+name' })
  })

  test('twins whose parsers read a file alike: a name still chooses, else the documented preference', async () => {
    // Acunetix 360 / Invicti / Netsparker JSON that all three parsers read: Invicti, Netsparker's current name.
    expect(report(await recognize(candidate('invicti/invicti-scan.json', { as: 'scan.json' })))).toMatchObject({ scanType: 'Invicti Scan', decidedBy: 'content' })
    expect(await scanTypeOf('invicti/invicti-scan.json', { as: 'scan.json', artifact: 'netsparker-results' })).toBe('Netsparker Scan')
    expect(await scanTypeOf('invicti/invicti-scan.json', { as: 'acunetix360-export.json' })).toBe('Acunetix Scan')
    // A Qualys PCI CSV with severity words, which both Qualys parsers read: Qualys Scan.
    expect(report(await recognize(candidate('qualys/qualys-pci-scan.csv', { as: 'report.csv' })))).toMatchObject({ scanType: 'Qualys Scan', decidedBy: 'content' })
    expect(await scanTypeOf('qualys/qualys-pci-scan.csv', { as: 'hackerguardian.csv' })).toBe('Qualys Hacker Guardian Scan')
  })

  test('where only one of the twins reads a file, content decides whatever the name says', async () => {
    // Classification: null (Acunetix 360): the Invicti/Netsparker parser fails on it.
    expect(report(await recognize(candidate('acunetix/acunetix360-scan.json', { as: 'invicti.json' })))).toMatchObject({ scanType: 'Acunetix Scan', decidedBy: 'content' })
    // Generated with a "(UTC+02:00)" zone (Netsparker): the Acunetix parser fails on it; the twins share a parser.
    expect(report(await recognize(candidate('netsparker/netsparker-scan.json', { as: 'acunetix.json' })))).toMatchObject({ scanType: 'Invicti Scan', decidedBy: 'content' })
    expect(await scanTypeOf('netsparker/netsparker-scan.json')).toBe('Netsparker Scan')
    // One-letter SEVERITY (HackerGuardian): the Qualys parser refuses it.
    expect(report(await recognize(candidate('qualys/hackerguardian-pci-scan.csv', { as: 'qualys.csv' })))).toMatchObject({ scanType: 'Qualys Hacker Guardian Scan', decidedBy: 'content' })
  })
})

describe('rules follow what DefectDojo\'s parser needs', () => {
  const neutral = (file: string) => candidate(file, { as: `report${path.extname(file)}` })
  const headOf = (text: string, complete = true) => sniff(Buffer.from(text), complete)
  const at = (name: string, text: string) => ({ absolutePath: `/x/${name}`, displayPath: name, artifact: null, size: text.length })

  test.each([
    ['Deepfence ThreatMapper CSV (the parser opens a workbook)', 'deepfence/deepfence-vulnerabilities.csv', /reads the Excel \(\.xlsx\) export only/],
    ['ShellCheck JSON (integer codes, endLine/endColumn/fix)', 'shellcheck/shellcheck.json', /not a DefectDojo format: DefectDojo has no ShellCheck parser/],
    ['npm 7 audit whose advisories lack cwe and cvss', 'npm/npm7-early-audit.json', /early npm 7 audit report/],
    ['a bare FVDL (Fortify refuses the name, and reads no FVDL as .xml)', 'fortify/audit.fvdl', /reads the \.fpr archive/],
    ['generic findings attaching a file whose title has no type', 'generic/generic-unnamed-attachment.json', /has no file type DefectDojo accepts/],
    ['govulncheck 0.1/0.2 JSON', 'govulncheck/govulncheck-0.2.json', /0\.1\/0\.2 output/],
    ['a Risk Recon API configuration', 'riskrecon/riskrecon-api.json', /Risk Recon API configuration/]
  ])('skipped: %s', async (_what, file, reason) => {
    expect(skip(await recognize(neutral(file))).reason).toMatch(reason)
  })

  test.each([
    ['Hadolint JSON (string codes)', 'hadolint/hadolint-report.json', 'Hadolint Dockerfile check'],
    ['npm 7+ audit with cwe and cvss', 'npm/npm-audit.json', 'NPM Audit v7+ Scan'],
    ['Deepfence ThreatMapper workbook (its header row)', 'deepfence/deepfence-threatmapper-vulnerabilities.xlsx', 'Deepfence Threatmapper Report'],
    ['DSOP workbook (its five sheets)', 'dsop/dsop-shop.xlsx', 'DSOP Scan'],
    ['AppScan on Cloud, static issues', 'appscan/asoc-sast.xml', 'HCL AppScan on Cloud SAST XML'],
    ['AppScan on Cloud, dynamic issues', 'appscan/asoc-dast.xml', 'HCLAppScan XML'],
    ['IBM AppScan Standard (xmlExportVersion 2.42)', 'appscan/ibm-appscan-standard.xml', 'IBM AppScan DAST'],
    ['RiskRecon findings with test set', 'riskrecon/riskrecon-findings.json', 'Risk Recon API Importer'],
    ['a zip of SonarQube issues search pages', 'sonarqube/sonar-issues.zip', 'SonarQube Scan'],
    ['Retire.js jsonsimple', 'retirejs/retire-jsonsimple.json', 'Retire.js Scan']
  ])('recognised by content: %s', async (_what, file, scanType) => {
    expect(report(await recognize(neutral(file)))).toMatchObject({ scanType, decidedBy: 'content' })
  })

  test('an AppScan Standard export by HCL (xmlExportVersion 2.7) goes to the HCL parser, IBM\'s 2.42 to the IBM one', () => {
    const hcl = '<?xml version="1.0"?><xml-report name="AppScan Report" technology="DAST" xmlExportVersion="2.7"><dictionary><item id="a">a</item></dictionary><scan-information><product-name>HCL AppScan Standard</product-name></scan-information></xml-report>'
    expect(recognizeHead(headOf(hcl), at('report.xml', hcl))).toMatchObject({ scanType: 'HCLAppScan XML' })
    const ibm = hcl.replace('2.7', '2.42')
    expect(recognizeHead(headOf(ibm), at('report.xml', ibm))).toMatchObject({ scanType: 'IBM AppScan DAST' })
  })

  test('a clean AppScan on Cloud export: the scan\'s technology says which parser', () => {
    const clean = (technology: string) => `<?xml version="1.0"?><xml-report name="AppScan Report" AsocXmlExportVersion="1.7" technology="${technology}"><scan-information/><issue-group total="0"/></xml-report>`
    expect(recognizeHead(headOf(clean('Mixed')), at('report.xml', clean('Mixed')))).toMatchObject({ scanType: 'HCL AppScan on Cloud SAST XML' })
    expect(recognizeHead(headOf(clean('DAST')), at('report.xml', clean('DAST')))).toMatchObject({ scanType: 'HCLAppScan XML' })
  })

  test('a workbook whose header row or sheet list lies beyond the bounded read needs a name', async () => {
    expect(skip(await recognize(neutral('deepfence/threatmapper-large-export.xlsx'))).reason).toMatch(/beyond the bounded read/)
    expect(report(await recognize(candidate('deepfence/threatmapper-large-export.xlsx')))).toMatchObject({ scanType: 'Deepfence Threatmapper Report', decidedBy: 'content+name' })
    expect(skip(await recognize(neutral('dsop/dsop-large-export.xlsx'))).reason).toMatch(/beyond the bounded read \(Deepfence Threatmapper Report, DSOP Scan\)/)
    expect(report(await recognize(candidate('dsop/dsop-large-export.xlsx')))).toMatchObject({ scanType: 'DSOP Scan', decidedBy: 'content+name' })
  })

  test('a zip of JSON files that are not SonarQube pages is not SonarQube', () => {
    const zipped = makeZip([{ name: 'a.json', data: '{"results": []}' }, { name: 'b.json', data: '{"results": []}' }])
    expect(recognizeHead(sniff(zipped, true), at('report.zip', 'x')).kind).toBe('skipped')
  })

  test('a big govulncheck result of releases before 0.1: its call graph fills the head before Vulns', () => {
    const functions = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [String(i + 1), { ID: i + 1, Name: `f${i}`, RecvType: '', PkgPath: 'example.test/shop', Pos: null, CallSites: null }]))
    const cut = JSON.stringify({ Calls: { Functions: functions, Entries: [1] } }).slice(0, -25)
    expect(recognizeHead(headOf(cut, false), at('govulncheck.json', cut))).toMatchObject({ scanType: 'Govulncheck Scanner' })
  })

  test('a big ReversingLabs report: its sorted keys put `report` before schema and version', () => {
    const cut = '{\n  "catalogue": 2,\n  "duration": "00:01:42.118",\n  "report": {\n    "info": {\n      "detections": {},\n      "file": {\n        "format": "ZIP", "hashes": [["md5", "'
    expect(recognizeHead(headOf(cut, false), at('app.rl.json', cut))).toMatchObject({ scanType: 'ReversingLabs Spectra Assure' })
  })

  test('GitLab DAST vulnerabilities tell by their location shape, with or without version and scan', () => {
    const report = JSON.stringify({ vulnerabilities: [{ id: 'v1', name: 'Missing CSP', severity: 'Medium', location: { hostname: 'https://app.example.test', method: 'GET', path: '/' } }] })
    expect(recognizeHead(headOf(report), at('report.json', report))).toMatchObject({ scanType: 'GitLab DAST Report', decidedBy: 'content' })
  })

  test('a clean `aws inspector2 list-findings` ({"findings": []}) is AWS Inspector2 when a name says so', () => {
    const clean = '{"findings": []}'
    expect(recognizeHead(headOf(clean), at('inspector2-findings.json', clean))).toMatchObject({ scanType: 'AWS Inspector2 Scan', decidedBy: 'content+name' })
    expect(recognizeHead(headOf(clean), at('findings.json', clean)).kind).toBe('skipped')
  })

  test('a clean retire.js jsonsimple run prints []: a name says so', async () => {
    const clean = '[]'
    expect(recognizeHead(headOf(clean), at('retire.json', clean))).toMatchObject({ scanType: 'Retire.js Scan', decidedBy: 'content+name' })
  })
})

describe('the upload file name', () => {
  test('a name without an accepted extension gets the one the parser needs', async () => {
    const recognition = report(await recognize(candidate('gitleaks/gitleaks-report')))
    expect(recognition.scanType).toBe('Gitleaks Scan')
    expect(recognition.uploadName).toBe('gitleaks-report.json')
  })

  test('SARIF in results.txt is sent as results.sarif', async () => {
    const recognition = report(await recognize(candidate('sarif/results.txt')))
    expect(recognition.scanType).toBe('SARIF')
    expect(recognition.uploadName).toBe('results.sarif')
  })

  test('ZAP needs lower-case .xml', async () => {
    expect(report(await recognize(candidate('zap/zap-clean.XML'))).uploadName).toBe('zap-clean.xml')
    expect(report(await recognize(candidate('zap/zap-report.xml'))).uploadName).toBe('zap-report.xml')
  })

  test('names the server would refuse are renamed; names that already fit are kept', async () => {
    expect(report(await recognize(candidate('lynis/lynis-report.dat'))).uploadName).toBe('lynis-report.txt')
    expect(report(await recognize(candidate('spdx/sbom.spdx'))).uploadName).toBe('sbom.txt')
    expect(report(await recognize(candidate('detect-secrets/.secrets.baseline'))).uploadName).toBe('.secrets.baseline.json')
    expect(report(await recognize(candidate('prowler/prowler-output.ocsf.json'))).uploadName).toBe('prowler-output.ocsf.json')
    expect(report(await recognize(candidate('sarif/codeql.sarif'))).uploadName).toBe('codeql.sarif')
  })

  test('a Prowler 3 report named .ocsf.json is not sent under a name that makes the parser read OCSF', async () => {
    expect(report(await recognize(candidate('prowler/prowler3-output.json', { as: 'prowler.ocsf.json' }))).uploadName).toBe('prowler.json')
  })

  test('uploadName rules', () => {
    expect(uploadName('gitleaks-report', ['.json'])).toBe('gitleaks-report.json')
    expect(uploadName('results.txt', ['.sarif', '.json'])).toBe('results.sarif')
    expect(uploadName('report.JSON', ['.json'])).toBe('report.json')
    expect(uploadName('scan.v2', ['.json'])).toBe('scan.v2.json')
    expect(uploadName('x.ocsf.json', ['.json'], ['.ocsf.json'])).toBe('x.json')
    expect(uploadName('anything.bin', [])).toBe('anything.bin')
  })
})

describe('overrides', () => {
  test('an override wins over recognition and keeps the naming rules of its scan type', async () => {
    const recognition = report(await recognize(candidate('sarif/results.txt'), [override(/results\.txt$/, 'Trivy Scan')]))
    expect(recognition.scanType).toBe('Trivy Scan')
    expect(recognition.decidedBy).toBe('override')
    expect(recognition.uploadName).toBe('results.json')
    expect(recognition.evidence[0]).toMatch(/^scan-types: /)
  })

  test('an override to a parser that also reads the format uses that parser\'s naming (AWS Prowler V3 reads OCSF as .ocsf.json)', async () => {
    const ocsf = report(await recognize(candidate('prowler/prowler-output.ocsf.json', { as: 'prowler.json' }), [override(/prowler/, 'AWS Prowler V3')]))
    expect(ocsf.uploadName).toBe('prowler.ocsf.json')
    const v3 = report(await recognize(candidate('prowler/prowler3-output.json', { as: 'prowler.ocsf.json' }), [override(/prowler/, 'AWS Prowler V3')]))
    expect(v3.uploadName).toBe('prowler.json')
  })

  test('an override names a twin recognition does not choose', async () => {
    expect(await scanTypeOf('invicti/invicti-scan.json', { as: 'scan.json' })).toBe('Invicti Scan')
    const recognition = report(await recognize(candidate('invicti/invicti-scan.json', { as: 'scan.json' }), [override(/scan\.json$/, 'Acunetix Scan')]))
    expect(recognition.scanType).toBe('Acunetix Scan')
  })

  test('an empty file is skipped even when an override matches it', async () => {
    expect(skip(await recognize(candidate('negative/empty.json'), [override(/./, 'Gitleaks Scan')])).reason).toMatch(/0 bytes/)
  })

  test.each([
    ['negative/whitespace.json', /only white space/],
    ['negative/truncated.json', /truncated or broken/],
    ['negative/broken.xml', /truncated or broken/],
    ['negative/zap-report.html', /an HTML page/]
  ])('%s stays refused as unsafe whatever an override says', async (file, reason) => {
    const refused = skip(await recognize(candidate(file), [override(/./, 'Trivy Scan')]))
    expect(refused.unsafe).toBe(true)
    expect(refused.reason).toMatch(reason)
    expect(refused.reason).toContain('`scan-types` rule `/./ = Trivy Scan` names it')
  })

  test('a twin, a parser that also reads the format (SARIF) and the same type agree with the content; another type contradicts it', async () => {
    const rule = async (file: string, scanType: string) => report(await recognize(candidate(file), [override(/./, scanType)])).rule
    expect(await rule('invicti/invicti-scan.json', 'Netsparker Scan')).toMatchObject({ contradicts: false })
    expect(await rule('sarif/codeql.sarif', 'Cppcheck Scan')).toMatchObject({ contradicts: false })
    expect(await rule('sarif/codeql.sarif', 'SARIF')).toMatchObject({ contradicts: false, readsAs: 'SARIF' })
    expect(await rule('sarif/codeql.sarif', 'Bandit Scan')).toEqual({ text: '/./ = Bandit Scan', readsAs: 'SARIF', contradicts: true })
    expect(await rule('negative/unknown.json', 'Bandit Scan')).toMatchObject({ readsAs: null, contradicts: false })
  })
})

describe('a 1 GiB report is recognised from its head', () => {
  const GiB = 1024 ** 3
  let dir: string
  let file: string

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recognition-big-'))
    file = path.join(dir, 'trivy-huge.json')
    // A real Trivy document for the first 8 MiB (a header and an array of findings written in
    // chunks), then extended to 1 GiB: a sparse tail the recognition must never reach.
    const fd = fs.openSync(file, 'w')
    fs.writeSync(fd, '{\n  "SchemaVersion": 2,\n  "ArtifactName": "registry.example.test/huge:1.0",\n  "ArtifactType": "container_image",\n  "Results": [\n    {\n      "Target": "huge",\n      "Vulnerabilities": [\n')
    const finding = (i: number) => `        {"VulnerabilityID": "CVE-2024-${String(i).padStart(5, '0')}", "PkgName": "pkg-${i}", "InstalledVersion": "1.0.${i}", "Severity": "MEDIUM"},\n`
    let written = 0
    for (let chunk = 0; written < 8 * 1024 * 1024; chunk++) {
      const text = Array.from({ length: 1000 }, (_, k) => finding(chunk * 1000 + k)).join('')
      fs.writeSync(fd, text)
      written += Buffer.byteLength(text)
    }
    fs.ftruncateSync(fd, GiB)
    fs.closeSync(fd)
  })

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  /** Bytes this process has read so far (Linux); null where /proc is not available. */
  function bytesReadByProcess(): number | null {
    try {
      const match = /^rchar:\s*(\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'))
      return match ? Number(match[1]) : null
    } catch {
      return null
    }
  }

  test('recognised as Trivy, reading at most the head', async () => {
    expect(fs.statSync(file).size).toBe(GiB)
    const before = bytesReadByProcess()
    const started = performance.now()
    const recognition = report(await recognize(candidate(file)))
    const elapsed = performance.now() - started
    const after = bytesReadByProcess()
    expect(recognition.scanType).toBe('Trivy Scan')
    expect(recognition.uploadName).toBe('trivy-huge.json')
    if (before !== null && after !== null) {
      // The read itself is HEAD_BYTES + 1 (one byte tells "longer than the head"); rchar counts every
      // read of the process, /proc/self/io's and the test runner's own too (a few KiB under load).
      expect(after - before).toBeLessThanOrEqual(HEAD_BYTES + 1 + 32 * 1024)
    }
    expect(elapsed).toBeLessThan(5000)
  })
})

describe('the tool of a SARIF report', () => {
  test('comes from its driver, for {tool} and default test titles', () => {
    const sarif = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'CodeQL' } }, results: [] }] })
    const result = recognizeHead(sniff(Buffer.from(sarif), true), { absolutePath: '/x/results.sarif', displayPath: 'results.sarif', artifact: null, size: sarif.length })
    expect(result).toMatchObject({ kind: 'report', scanType: 'SARIF', tool: 'codeql' })
    const unnamed = JSON.stringify({ version: '2.1.0', runs: [] })
    expect(recognizeHead(sniff(Buffer.from(unnamed), true), { absolutePath: '/x/r.sarif', displayPath: 'r.sarif', artifact: null, size: unnamed.length })).toMatchObject({ tool: 'sarif' })
  })
})

describe('the parent folder as a name hint (the guides\' download layout)', () => {
  const empty = sniff(Buffer.from('[]'), true)
  const at = (displayPath: string, artifact: string | null = null): Candidate => ({ absolutePath: `/x/${displayPath}`, displayPath, artifact, size: 2 })
  const scanType = (r: Recognition) => (r.kind === 'report' ? r.scanType : null)

  test('the immediate parent folder breaks a tie the content leaves', () => {
    expect(recognizeHead(empty, at('reports/gitleaks/results.json'))).toMatchObject({ scanType: 'Gitleaks Scan', decidedBy: 'content+name' })
    expect(recognizeHead(empty, at('reports/results.json')).kind).toBe('skipped')
    // Only the immediate parent: a folder higher up says nothing about this file.
    expect(recognizeHead(empty, at('gitleaks/out/results.json')).kind).toBe('skipped')
  })

  test("the file's own name and the artifact's name win over a folder inside it", () => {
    expect(scanType(recognizeHead(empty, at('gitleaks/results.json', 'eslint')))).toBe('ESLint Scan')
    expect(scanType(recognizeHead(empty, at('eslint/gitleaks.json')))).toBe('Gitleaks Scan')
  })

  test('a folder name never overrides what the content says', () => {
    const semgrep = fs.readFileSync(path.join(FIXTURES, '..', 'demo', 'semgrep.json'))
    expect(scanType(recognizeHead(sniff(semgrep, true), { absolutePath: '/x/gitleaks/semgrep.json', displayPath: 'gitleaks/results.json', artifact: null, size: semgrep.length }))).toBe('Semgrep JSON Report')
  })
})
