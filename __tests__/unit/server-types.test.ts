// Planning against the server at hand (src/plan/server-types.ts): only types it accepts; a pure rename's
// former name for the very format recognised; never a twin; everything else refused with the version.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfig } from '../../src/config/config.js'
import type { Candidate, RecognizedReport, ServerInfo } from '../../src/model.js'
import { planUploads } from '../../src/plan/plan.js'
import { acceptedTypes, fitToServer } from '../../src/plan/server-types.js'
import { recognize } from '../../src/recognition/recognize.js'

const config = parseConfig({ 'dry-run': 'true' })
const server = (version: string | null, types: string[]): ServerInfo => ({ version, scanTypes: { 'reimport-scan': types, 'import-scan': types } })

function report(file: string, scanType: string, extra: Partial<RecognizedReport> = {}): { candidate: Candidate; recognition: RecognizedReport } {
  return {
    candidate: { absolutePath: `/w/${file}`, displayPath: file, artifact: null, size: 10 },
    recognition: { kind: 'report', scanType, format: scanType, tool: 'x', lane: 'other', uploadName: file, decidedBy: 'content', evidence: [], ...extra }
  }
}

/** What recognition makes of a file with this content. */
async function recognized(name: string, content: string): Promise<{ candidate: Candidate; recognition: RecognizedReport }> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-fit-'))
  writeFileSync(join(dir, name), content)
  const candidate = { absolutePath: join(dir, name), displayPath: name, artifact: null, size: Buffer.byteLength(content) }
  const recognition = await recognize(candidate)
  if (recognition.kind !== 'report') throw new Error(`${name} was not recognised: ${recognition.reason}`)
  return { candidate, recognition }
}

const OPENVAS_CSV = 'IP,Hostname,Port,Port Protocol,CVSS,Severity,Solution Type,NVT Name,Summary,Specific Result,NVT OID\n10.0.0.1,h,22,tcp,5.0,Medium,,SSH weak,s,r,1.3.6.1\n'
const OPENVAS_XML = '<report id="r1" format_id="a994b278-1f62-11e1-96ac-406186ea4fc5"><report id="r1"><results></results></report></report>'

describe('fitToServer', () => {
  it('leaves everything as recognised when the schema was not read, or listed no types', () => {
    const reports = [report('a.json', 'Gitleaks Scan')]
    expect(fitToServer(config, null, reports)).toEqual({ accepted: reports, refused: [], renamed: [] })
    expect(fitToServer(config, { version: '2.1.0', scanTypes: {} }, reports).accepted).toEqual(reports)
    expect(acceptedTypes({ version: null, scanTypes: { 'import-scan': ['ZAP Scan'] } }, 'reimport-scan')).toEqual(new Set(['ZAP Scan']))
  })

  it('refuses a type the server lacks, naming the type and the version; the others go on', () => {
    const fit = fitToServer(config, server('2.20.0', ['Bandit Scan']), [report('a.json', 'Gitleaks Scan'), report('b.json', 'Bandit Scan')])
    expect(fit.accepted.map((r) => r.candidate.displayPath)).toEqual(['b.json'])
    expect(fit.refused).toHaveLength(1)
    expect(fit.refused[0]!.reason).toMatch(/^not sent: DefectDojo 2\.20\.0 does not accept the scan type "Gitleaks Scan"/)
    expect(fitToServer(config, server(null, ['Bandit Scan']), [report('a.json', 'Gitleaks Scan')]).refused[0]!.reason).toContain('its schema gives no version')
  })

  it('sends the former name of the very format recognised (OpenVAS CSV vs XML), and keeps the current one for {scan_type}', async () => {
    const csv = await recognized('results.csv', OPENVAS_CSV)
    const xml = await recognized('report.xml', OPENVAS_XML)
    expect([csv.recognition.scanType, xml.recognition.scanType]).toEqual(['OpenVAS Parser', 'OpenVAS Parser'])
    const old = server('2.20.0', ['OpenVAS CSV', 'OpenVAS XML'])
    const fit = fitToServer(config, old, [csv, xml])
    expect(fit.accepted.map((r) => r.recognition.scanType)).toEqual(['OpenVAS CSV', 'OpenVAS XML'])
    expect(fit.renamed).toHaveLength(2)
    const titled = parseConfig({ 'dry-run': 'true', 'test-title': '{scan_type}: {report}' })
    const planned = planUploads(titled, { ...contextOf(), branch: 'main' }, fitToServer(titled, old, [csv]).accepted)
    expect(planned[0]!.fields.scan_type).toBe('OpenVAS CSV')
    expect(planned[0]!.target.testTitle).toBe('OpenVAS Parser: results.csv')
    // A server with only the CSV name: the XML report is refused, never sent under the CSV parser's name.
    const onlyCsv = fitToServer(config, server('2.20.0', ['OpenVAS CSV']), [csv, xml])
    expect(onlyCsv.accepted.map((r) => r.recognition.scanType)).toEqual(['OpenVAS CSV'])
    expect(onlyCsv.refused.map((r) => r.report.candidate.displayPath)).toEqual(['report.xml'])
    // The current server: the current name.
    expect(fitToServer(config, server('3.2.0', ['OpenVAS Parser']), [csv]).accepted[0]!.recognition.scanType).toBe('OpenVAS Parser')
  })

  it('prefers the former name where the server has both (before the merge, the current name was another format\'s parser)', () => {
    const acunetix360 = report('a360.json', 'Acunetix Scan', { formerly: 'Acunetix360 Scan' })
    const fit = fitToServer(config, server('2.30.0', ['Acunetix Scan', 'Acunetix360 Scan']), [acunetix360])
    expect(fit.accepted[0]!.recognition).toMatchObject({ scanType: 'Acunetix360 Scan', renamedFrom: 'Acunetix Scan' })
  })

  it('never falls back to a twin: a type without a former name is refused', () => {
    const grype = report('grype.json', 'Anchore Grype')
    const fit = fitToServer(config, server('2.20.0', ['Anchore Grype detailed']), [grype])
    expect(fit.accepted).toEqual([])
    expect(fit.refused[0]!.reason).toContain('"Anchore Grype"')
  })

  it('fails a file whose `scan-types` rule names a type the server lacks, naming the rule and the version; no rename for a rule', () => {
    const ruled = parseConfig({ 'dry-run': 'true', 'scan-types': 'reports/*.xml = OpenVAS Parser' })
    const file = report('reports/r.xml', 'OpenVAS Parser', { decidedBy: 'override', formerly: 'OpenVAS XML' })
    const fit = fitToServer(ruled, server('2.20.0', ['OpenVAS XML']), [file])
    expect(fit.accepted).toEqual([])
    expect(fit.refused[0]!.reason).toMatch(/the `scan-types` line for "reports\/\*\.xml" names "OpenVAS Parser", but DefectDojo 2\.20\.0 does not accept/)
  })
})

function contextOf() {
  return {
    owner: 'acme', repo: 'web', serverUrl: 'https://github.com', eventName: 'push', branch: 'main', defaultBranch: 'main',
    sha: '9f4c2e1d', pr: null, pullRequest: false, fork: null, secretsWithheld: null, source: 'GitHub Actions', tag: null, runId: '777', runAttempt: '2', runNumber: '31', workflow: 'security', job: 'dojo', runUrl: null, workspace: '/w',
    buildId: '777-2', scmUri: null
  }
}
