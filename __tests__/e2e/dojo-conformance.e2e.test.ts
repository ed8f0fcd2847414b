// The bundled action (dist/index.js) against a stand-in that answers like the real DefectDojo 3.2.0 of the
// conformance recording (docs/defectdojo-api.md §r): what the action reports is what DefectDojo would make
// of the reports — one finding for two of one fingerprint, SARIF notes as Info, titles as stored.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { FIXTURES, runAction, type ActionRun } from '../support/run-action.ts'

let dojo: DojoServer
beforeEach(async () => {
  dojo = await startDojoServer({ scanTypes: ['Semgrep JSON Report', 'SARIF'] })
})
afterEach(async () => {
  await dojo.close()
})

/** Semgrep's two rules reporting the same place with one fingerprint, and CodeQL's two identical notes and an error. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-conf-'))
  const semgrep = JSON.parse(readFileSync(join(FIXTURES, 'demo', 'semgrep.json'), 'utf8'))
  const [result] = semgrep.results
  semgrep.results = ['rules.first-check', 'rules.second-check'].map((id) => ({ ...result, check_id: id, extra: { ...result.extra, fingerprint: '0x42' } }))
  writeFileSync(join(dir, 'semgrep.json'), JSON.stringify(semgrep))
  const sarif = JSON.parse(readFileSync(join(FIXTURES, 'demo', 'codeql.sarif'), 'utf8'))
  const [xss] = sarif.runs[0].results
  const note = {
    ruleId: 'js/unused-local-variable', level: 'note', message: { text: 'Unused variable foo.' },
    partialFingerprints: { primaryLocationLineHash: '39fa2ee980eb94b0:1', primaryLocationStartColumnFingerprint: '4' },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'main.js' }, region: { startLine: 2 } } }],
  }
  sarif.runs[0].results = [xss, note, note]
  writeFileSync(join(dir, 'codeql.sarif'), JSON.stringify(sarif))
  return dir
}

const run = (dir: string): Promise<ActionRun> =>
  runAction({ workspace: dir, inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: '.' } })

describe('the bundled action against DefectDojo 3.2.0 as recorded', () => {
  it('counts what DefectDojo makes: notes are Info, and a rerun collapses two findings of one fingerprint into one', async () => {
    const dir = workspace()
    expect(dojo.unparsed).toEqual([])
    const first = await run(dir)
    expect(first.code).toBe(0)
    // The first upload creates each test through the importer: every finding is made.
    expect(first.outputs).toMatchObject({ uploaded: '2', created: '5', 'created-info': '2', 'created-high': '3', closed: '0' })
    expect(first.summary).toContain('Cross-Site Scripting Vulnerability Due to a User-Provided Value.')

    const again = await run(dir)
    expect(again.code).toBe(0)
    // An identical rerun matches both of a fingerprint to the first: the other is closed (one per report).
    expect(again.outputs).toMatchObject({ uploaded: '2', created: '0', closed: '2', untouched: '3', reactivated: '0', 'active-info': '1', 'active-high': '2' })
    const third = await run(dir)
    expect(third.outputs).toMatchObject({ created: '0', closed: '0', untouched: '3', reactivated: '0' })
  })
})
