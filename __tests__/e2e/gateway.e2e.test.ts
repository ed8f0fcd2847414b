// A gateway in front of DefectDojo that gives up, drops the connection or answers for it (issue 14
// items 2 and 3), through the bundle: the upload is looked up before it is sent again, lands exactly
// once, in one test, and its counts are those of the import that did the work.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer, type DojoServerOptions } from '../support/dojo-server.ts'
import { startGateway, type Gateway, type GatewayRule } from '../support/gateway.ts'
import { runAction, type ActionRun } from '../support/run-action.ts'

/** Eight findings: two critical, three high, three medium. */
const TRIVY = JSON.stringify({
  SchemaVersion: 2,
  ArtifactName: 'registry.example.org/web:1.4.2',
  ArtifactType: 'container_image',
  Results: [
    {
      Target: 'registry.example.org/web:1.4.2 (debian 12.5)',
      Class: 'os-pkgs',
      Type: 'debian',
      Vulnerabilities: ['CRITICAL', 'CRITICAL', 'HIGH', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM'].map((severity, i) => ({
        VulnerabilityID: `CVE-2026-1000${i}`,
        PkgName: `lib${i}`,
        InstalledVersion: '1.0.0',
        FixedVersion: '1.0.1',
        Severity: severity,
        Title: `lib${i}: a flaw`,
        Description: 'A flaw.'
      }))
    }
  ]
})

let dojo: DojoServer
let gateway: Gateway
afterEach(async () => {
  await gateway?.close()
  await dojo?.close()
})

async function start(options: DojoServerOptions, rules: GatewayRule[]): Promise<void> {
  dojo = await startDojoServer(options)
  gateway = await startGateway({ target: dojo.url, rules })
}

async function run(inputs: Record<string, string> = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-gateway-'))
  writeFileSync(join(dir, 'trivy.json'), TRIVY)
  return runAction({ inputs: { 'defectdojo-url': gateway.url, 'defectdojo-token': dojo.token, path: '.', artifacts: '', ...inputs }, workspace: dir, timeoutMs: 90_000 })
}

const uploads = () => gateway.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reimport-scan/'))

describe('a gateway that gives up while DefectDojo goes on importing', () => {
  it('waits for the import, does not send it again, and counts what that import did', async () => {
    await start({ importMs: 5000 }, [{ match: { method: 'POST', path: /reimport-scan/ }, times: Infinity, action: { kind: 'timeout', afterMs: 1000 } }])
    const result = await run()
    await gateway.idle()
    expect(result.code).toBe(0)
    expect(uploads()).toHaveLength(1)
    expect(dojo.state.tests).toHaveLength(1)
    expect(dojo.anomalies).toEqual([])
    expect(result.outputs).toMatchObject({ uploaded: '1', created: '8', 'created-critical': '2', 'created-high': '3', 'created-medium': '3', 'counts-unknown': '0' })
    expect(result.stdout).toContain('DefectDojo did import it (test 1): not sent again; counts from that import.')
    expect(result.results!.results[0]).toMatchObject({ status: 'uploaded', testId: 1, attempts: 1 })
  }, 60_000)

  it('finds the import after the connection dropped once the body was sent', async () => {
    await start({ importMs: 3000 }, [{ match: { method: 'POST', path: /reimport-scan/ }, action: { kind: 'reset-after-body' } }])
    const result = await run()
    await gateway.idle()
    expect(result.code).toBe(0)
    expect(uploads()).toHaveLength(1)
    expect(dojo.anomalies).toEqual([])
    expect(result.outputs).toMatchObject({ uploaded: '1', created: '8', 'created-critical': '2' })
  }, 60_000)
})

describe('the live log while it looks', () => {
  it('says every 30 s that it is looking whether DefectDojo imported the report, not that it waits for an answer', async () => {
    await start({ importMs: 33_000 }, [{ match: { method: 'POST', path: /reimport-scan/ }, action: { kind: 'reset-after-body' } }])
    const result = await run()
    await gateway.idle()
    expect(result.code).toBe(0)
    expect(uploads()).toHaveLength(1)
    expect(result.stdout).toMatch(/^trivy\.json: looking whether DefectDojo imported it \(\d+ s so far\)/m)
    expect(result.stdout).not.toMatch(/waiting \d+ s for DefectDojo's answer/)
    expect(result.stdout).toContain('DefectDojo did import it (test 1): not sent again')
  }, 60_000)
})

describe('a 502 after DefectDojo imported the report', () => {
  it('reports the 8 new findings, not the zeros of a repeat, and sends nothing twice', async () => {
    await start({}, [{ match: { method: 'POST', path: /reimport-scan/ }, action: { kind: 'replace', status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' } }])
    const result = await run()
    expect(result.code).toBe(0)
    expect(dojo.uploads).toHaveLength(1)
    expect(result.outputs).toMatchObject({ created: '8', 'created-critical': '2', 'created-high': '3' })
  })

  it('sends it again when it provably did not land, and counts that import', async () => {
    await start({}, [{ match: { method: 'POST', path: /reimport-scan/ }, action: { kind: 'replace', forward: false, status: 502, contentType: 'text/html', body: '<html>502</html>' } }])
    const result = await run()
    expect(result.code).toBe(0)
    expect(uploads()).toHaveLength(2)
    expect(dojo.uploads).toHaveLength(1)
    expect(dojo.state.tests).toHaveLength(1)
    expect(result.results!.results[0]).toMatchObject({ status: 'uploaded', attempts: 2 })
    expect(result.outputs).toMatchObject({ created: '8', 'created-critical': '2' })
  })

  it('counts from the history when a late first import and a retry both landed', async () => {
    // The first attempt is still importing when its 502 comes back; the lookup finds nothing within its short look, so the report is sent again.
    await start({ importMs: 4500 }, [{ match: { method: 'POST', path: /reimport-scan/ }, action: { kind: 'timeout', afterMs: 500, status: 502, body: '<html>502</html>', contentType: 'text/html' } }])
    const result = await run()
    await gateway.idle()
    expect(result.code).toBe(0)
    expect(uploads()).toHaveLength(2)
    // Whatever the second import found to do, the first one created the eight findings: that is what is reported.
    expect(result.outputs).toMatchObject({ created: '8', 'created-critical': '2' })
    expect(result.results!.results[0]!.evidence).toEqual(expect.arrayContaining([expect.stringContaining("import(s) of this run in the test's history")]))
  }, 60_000)
})

describe('when the lookup cannot tell', () => {
  it('does not send it again, and says why, when the token may not list', async () => {
    await start({ importMs: 2000, listing: 'forbidden' }, [{ match: { method: 'POST', path: /reimport-scan/ }, times: Infinity, action: { kind: 'timeout', afterMs: 500 } }])
    const result = await run()
    await gateway.idle()
    expect(result.code).toBe(1)
    expect(uploads()).toHaveLength(1)
    expect(result.results!.results[0]!.reason).toContain('Whether DefectDojo imported it cannot be told')
    expect(result.results!.results[0]!.reason).toContain('so it was not sent again: a second import could create a second test')
  }, 60_000)
})
