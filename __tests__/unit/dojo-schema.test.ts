/**
 * The stand-in's OpenAPI schema (docs/defectdojo-api.md §g) and the client's reading of it: the stand-in
 * must answer like DefectDojo (public, info.version, the scan_type enum behind the request bodies' $refs)
 * and accept exactly the types it lists, or the end-to-end tests of older servers prove nothing. The
 * reader must reach the enum through the paths, whatever drf-spectacular named the components.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DefectDojoClient } from '../../src/defectdojo/client.ts'
import { readServerSchema } from '../../src/defectdojo/schema.ts'
import { SCAN_TYPES } from '../../src/scan-types.ts'
import { playedScanTypes, schemaDocument, upgradeRenamedTests } from '../support/dojo-schema.ts'
import { startDojoServer, type DojoServer, type DojoServerOptions } from '../support/dojo-server.ts'

const servers: DojoServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function start(options: DojoServerOptions = {}): Promise<DojoServer> {
  const server = await startDojoServer(options)
  servers.push(server)
  return server
}

const getSchema = async (server: DojoServer, auth?: string) => {
  const res = await fetch(`${server.url}/api/v2/oa3/schema/?format=json`, { headers: auth ? { Authorization: auth } : {} })
  const text = await res.text()
  let body: any = text
  try { body = JSON.parse(text) } catch { /* not JSON */ }
  return { status: res.status, contentType: res.headers.get('content-type'), body }
}

const reimport = async (server: DojoServer, scanType: string) => {
  const fd = new FormData()
  for (const [k, v] of Object.entries({ scan_type: scanType, product_type_name: 'Acme', product_name: 'web', engagement_name: 'CI', test_title: 't', auto_create_context: 'true' })) fd.append(k, v)
  fd.append('file', new Blob(['IP,Hostname\n'], { type: 'text/csv' }), 'report.csv')
  const res = await fetch(`${server.url}/api/v2/reimport-scan/`, { method: 'POST', body: fd, headers: { Authorization: `Token ${server.token}` } })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('the stand-in serves the schema', () => {
  it('answers 3.2.0 with the full table (271 types, the count a real 3.2.0 lists), without a token, shaped like drf-spectacular', async () => {
    const server = await start()
    const { status, contentType, body } = await getSchema(server)
    expect(status).toBe(200)
    expect(contentType).toMatch(/application\/json/)
    expect(body).toMatchObject({ openapi: '3.0.3', info: { version: '3.2.0' } })
    // paths → requestBody → $ref → components.schemas.<request> → properties.scan_type.enum
    const ref = body.paths['/api/v2/reimport-scan/'].post.requestBody.content['multipart/form-data'].schema.$ref
    expect(ref).toBe('#/components/schemas/ReImportScanRequest')
    expect(body.components.schemas.ReImportScanRequest.properties.scan_type.enum).toHaveLength(271)
    expect(body.components.schemas.ImportScanRequest.properties.scan_type.enum).toEqual(SCAN_TYPES)
    expect(readServerSchema(body)).toEqual({ version: '3.2.0', scanTypes: { 'reimport-scan': SCAN_TYPES, 'import-scan': SCAN_TYPES } })
    // The token is not needed, and a wrong one does not hurt either (DefectDojo's schema view is public).
    expect((await getSchema(server, 'Token wrong')).status).toBe(200)
  })

  it('plays an older release: its version, fewer types, former names; and accepts uploads of exactly those types', async () => {
    const server = await start({ schema: { version: '2.20.0', without: ['OpenVAS Parser', 'Gitleaks Scan'], with: ['OpenVAS CSV'] } })
    const { body } = await getSchema(server)
    const read = readServerSchema(body)!
    expect(read.version).toBe('2.20.0')
    expect(read.scanTypes['reimport-scan']).toHaveLength(270)
    expect(read.scanTypes['reimport-scan']).toContain('OpenVAS CSV')
    expect(read.scanTypes['reimport-scan']).not.toContain('Gitleaks Scan')
    expect(await reimport(server, 'Gitleaks Scan')).toMatchObject({ status: 400, body: { scan_type: ['"Gitleaks Scan" is not a valid choice.'] } })
    expect(await reimport(server, 'OpenVAS Parser')).toMatchObject({ status: 400, body: { scan_type: ['"OpenVAS Parser" is not a valid choice.'] } })
    expect((await reimport(server, 'OpenVAS CSV')).status).toBe(201)
    // A list of its own replaces the table.
    expect(playedScanTypes({ scanTypes: ['Bandit Scan', 'ZAP Scan'], without: ['ZAP Scan'] })).toEqual(['Bandit Scan'])
  })

  it('answers 404 with schema: false, and then takes uploads as 3.2.0; server.schema changes between requests (an upgrade)', async () => {
    const server = await start({ schema: false })
    expect((await getSchema(server)).status).toBe(404)
    expect((await reimport(server, 'OpenVAS Parser')).status).toBe(201)
    server.schema = { version: '2.49.0' }
    expect((await getSchema(server)).body).toMatchObject({ info: { version: '2.49.0' } })
  })

  it('can be faulted like the other endpoints (a proxy page in front of it)', async () => {
    const server = await start()
    server.faults.push({ match: { endpoint: 'schema' }, action: { kind: 'status', status: 200, body: '<html>Sign in</html>', contentType: 'text/html' } })
    const { status, body } = await getSchema(server)
    expect(status).toBe(200)
    expect(body).toBe('<html>Sign in</html>')
  })

  it('upgrades past the rename migrations: tests of a former name get the new scan type and test type', async () => {
    const server = await start({ schema: { version: '2.20.0', with: ['OpenVAS CSV'], without: ['OpenVAS Parser'] } })
    expect((await reimport(server, 'OpenVAS CSV')).status).toBe(201)
    expect(upgradeRenamedTests(server.state)).toBe(1)
    const [test] = server.state.tests
    expect(test).toMatchObject({ scan_type: 'OpenVAS Parser', test_type_name: 'OpenVAS Parser', test_type: server.state.testTypes.find((t) => t.name === 'OpenVAS Parser')!.id })
    expect(upgradeRenamedTests(server.state)).toBe(0)
  })
})

describe('reading a schema (src/defectdojo/schema.ts)', () => {
  const types = ['Bandit Scan', 'ZAP Scan']
  /** A schema whose components have names of its own, reached only through the paths. */
  const withScanType = (scanType: unknown, components: Record<string, unknown> = {}, path = '/api/v2/reimport-scan/') => ({
    openapi: '3.0.3',
    info: { version: '2.49.0' },
    paths: { [path]: { post: { requestBody: { content: { 'multipart/form-data': { schema: { $ref: '#/components/schemas/Body7' } } } } } } },
    components: { schemas: { Body7: { type: 'object', properties: { scan_type: scanType } }, ...components } }
  })

  it('follows $ref, allOf and oneOf (drf-spectacular enum components with BlankEnum / NullEnum), not component names', () => {
    const enumComponent = { ScanTypeA1bEnum: { enum: types, type: 'string' }, BlankEnum: { enum: [''] }, NullEnum: { enum: [null] } }
    for (const scanType of [
      { enum: types },
      { $ref: '#/components/schemas/ScanTypeA1bEnum' },
      { allOf: [{ $ref: '#/components/schemas/ScanTypeA1bEnum' }], description: 'x' },
      { oneOf: [{ $ref: '#/components/schemas/ScanTypeA1bEnum' }, { $ref: '#/components/schemas/BlankEnum' }, { $ref: '#/components/schemas/NullEnum' }], nullable: true }
    ]) {
      expect(readServerSchema(withScanType(scanType, enumComponent))).toEqual({ version: '2.49.0', scanTypes: { 'reimport-scan': types } })
    }
  })

  it('finds the endpoint under a url_prefix; a schema without it, or without an enum, gives no types', () => {
    expect(readServerSchema(withScanType({ enum: types }, {}, '/defectdojo/api/v2/reimport-scan/'))!.scanTypes['reimport-scan']).toEqual(types)
    expect(readServerSchema(withScanType({ type: 'string' }))).toEqual({ version: '2.49.0', scanTypes: {} })
    expect(readServerSchema(withScanType({ $ref: '#/components/schemas/Missing' }))!.scanTypes).toEqual({})
    // A $ref cycle ends.
    expect(readServerSchema(withScanType({ $ref: '#/components/schemas/Loop' }, { Loop: { $ref: '#/components/schemas/Loop' } }))!.scanTypes).toEqual({})
  })

  it('is null for what is not an OpenAPI document, and leaves out a version that is not one', () => {
    for (const notSchema of [null, '<html>', [], { detail: 'Not found.' }, { openapi: '3.0.3' }]) expect(readServerSchema(notSchema)).toBeNull()
    expect(readServerSchema({ ...withScanType({ enum: types }), info: { version: '<script>' } })!.version).toBeNull()
    expect(readServerSchema(schemaDocument({ version: '2.49.0', scanTypes: types }))).toEqual({ version: '2.49.0', scanTypes: { 'reimport-scan': types, 'import-scan': types } })
  })
})

describe('client.serverInfo', () => {
  const clientOf = (server: DojoServer) => new DefectDojoClient({ baseUrl: server.url, token: server.token, network: { ca: null, cert: null, key: null, requestTimeoutMs: 10_000, connectTimeoutMs: 2000 } })

  it('reads version and types; a 404, a page or an answer over 8 MB is unknown, saying what came back', async () => {
    const server = await start({ schema: { version: '2.49.0', scanTypes: ['Bandit Scan'] } })
    const client = clientOf(server)
    try {
      expect(await client.serverInfo()).toEqual({ kind: 'found', value: { version: '2.49.0', scanTypes: { 'reimport-scan': ['Bandit Scan'], 'import-scan': ['Bandit Scan'] } } })
      server.schema = false
      expect(await client.serverInfo()).toEqual({ kind: 'unknown', why: expect.stringContaining('HTTP 404') })
      server.schema = {}
      server.faults.push({ match: { endpoint: 'schema' }, action: { kind: 'status', status: 200, body: '<html>login</html>', contentType: 'text/html' } })
      expect(await client.serverInfo()).toEqual({ kind: 'unknown', why: expect.stringContaining('HTTP 200, text/html, starting "<html>login</html>"') })
      server.faults.push({ match: { endpoint: 'schema' }, action: { kind: 'status', status: 200, body: `{"openapi": "3.0.3", "x": "${'a'.repeat(9 * 1048576)}"}` } })
      expect(await client.serverInfo()).toEqual({ kind: 'unknown', why: expect.stringContaining('larger than 8 MB') })
    } finally {
      await client.close()
    }
  })

  it('sends the token (a server may guard its schema), with the url_prefix, asking for JSON', async () => {
    const seen: Array<{ url?: string; authorization?: string }> = []
    const http = createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization })
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(schemaDocument({ version: '2.49.0' })))
    })
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const client = new DefectDojoClient({ baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}/dojo`, token: 'a'.repeat(40), network: { ca: null, cert: null, key: null, requestTimeoutMs: 10_000, connectTimeoutMs: 2000 } })
    try {
      expect(await client.serverInfo()).toMatchObject({ kind: 'found', value: { version: '2.49.0' } })
      expect(seen).toEqual([{ url: '/dojo/api/v2/oa3/schema/?format=json', authorization: `Token ${'a'.repeat(40)}` }])
    } finally {
      await client.close()
      http.closeAllConnections()
      await new Promise((resolve) => http.close(resolve))
    }
  })
})
