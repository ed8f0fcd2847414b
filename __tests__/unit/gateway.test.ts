/**
 * The loopback gateway (support/gateway.ts) must do to requests what a load balancer, WAF or ingress does,
 * and leave the origin going on as a real one would, or the fault tests built on it prove nothing.
 * Everything runs on 127.0.0.1: the DefectDojo stand-in, or a tiny origin started here for the streaming checks.
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from '@jest/globals'
import { request } from 'undici'
import { startDojoServer } from '../support/dojo-server.ts'
import type { DojoServer, DojoServerOptions } from '../support/dojo-server.ts'
import { startGateway } from '../support/gateway.ts'
import type { Gateway, GatewayRule } from '../support/gateway.ts'
import { listenOnLoopback } from '../support/listen.ts'

const MiB = 1024 * 1024
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function dojo(options: DojoServerOptions = {}): Promise<DojoServer> {
  const server = await startDojoServer(options)
  closers.push(() => server.close())
  return server
}

async function gatewayTo(target: string, rules: GatewayRule[] = []): Promise<Gateway> {
  const gateway = await startGateway({ target, rules })
  closers.push(() => gateway.close())
  return gateway
}

const gitleaks = JSON.stringify(['a', 'b', 'c'].map((rule) => ({ RuleID: rule, File: `src/${rule}.ts`, StartLine: 1, Description: rule, Secret: 'REDACTED' })))

function uploadForm(extra: Record<string, string> = {}, content = gitleaks, filename = 'gitleaks.json'): FormData {
  const fd = new FormData()
  const fields = {
    scan_type: 'Gitleaks Scan', product_type_name: 'Acme', product_name: 'acme/web', engagement_name: 'CI main',
    test_title: 'gitleaks', auto_create_context: 'true', build_id: '1-1', ...extra,
  }
  for (const [name, value] of Object.entries(fields)) fd.append(name, value)
  fd.append('file', new Blob([content], { type: 'application/json' }), filename)
  return fd
}

interface Reply { status: number; text: string; contentType: string | null }

async function send(url: string, token: string, path: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(`${url}${path}`, { ...init, headers: { Authorization: `Token ${token}`, ...init.headers } })
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') }
}

const reimport = (gateway: Gateway, server: DojoServer, fd: FormData = uploadForm()): Promise<Reply> =>
  send(gateway.url, server.token, '/api/v2/reimport-scan/', { method: 'POST', body: fd })

describe('pass', () => {
  it('forwards method, path, query, headers and bodies both ways, and records each exchange', async () => {
    const server = await dojo()
    const gateway = await gatewayTo(server.url)
    const upload = await reimport(gateway, server)
    expect(upload.status).toBe(201)
    expect(JSON.parse(upload.text).statistics.after.total.total).toBe(3)
    const listed = await send(gateway.url, server.token, '/api/v2/tests/?title=gitleaks')
    expect(JSON.parse(listed.text).count).toBe(1)
    expect(server.uploads[0]?.headers['x-forwarded-for']).toBe('127.0.0.1')
    expect(server.uploads[0]?.headers['x-forwarded-proto']).toBe('http')
    // Host is kept, so the stand-in's next/previous links point at the gateway.
    expect(server.uploads[0]?.headers.host).toBe(new URL(gateway.url).host)
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v2/reimport-scan/', '/api/v2/tests/'])
    expect(gateway.requests).toEqual([
      { method: 'POST', path: '/api/v2/reimport-scan/', status: 201, upstreamStatus: 201, action: 'pass', upstreamDone: true },
      { method: 'GET', path: '/api/v2/tests/', status: 200, upstreamStatus: 200, action: 'pass', upstreamDone: true },
    ])
  })

  it('keeps the target\'s path prefix, so its url replaces the stand-in\'s one for one', async () => {
    const server = await dojo({ pathPrefix: '/defectdojo' })
    const gateway = await gatewayTo(server.url, [{ match: { path: '/api/v2/user_profile/' }, action: { kind: 'replace', status: 418, body: 'teapot', contentType: 'text/plain' } }])
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/defectdojo$/)
    expect((await send(gateway.url, server.token, '/api/v2/user_profile/')).status).toBe(418)
    expect((await reimport(gateway, server)).status).toBe(201)
  })

  it('answers 502 when the upstream cannot be reached, and only accepts loopback targets', async () => {
    const server = await dojo()
    const gateway = await gatewayTo(server.url)
    await server.close()
    const reply = await send(gateway.url, 'x', '/api/v2/user_profile/')
    expect(reply.status).toBe(502)
    expect(reply.text).toContain('502 Bad Gateway')
    expect(gateway.requests[0]).toMatchObject({ status: 502, upstreamStatus: null, upstreamDone: true })
    await expect(startGateway({ target: 'http://192.0.2.1:80' })).rejects.toThrow(/only loopback/)
    await expect(startGateway({ target: 'https://127.0.0.1:443' })).rejects.toThrow(/only loopback/)
  })
})

describe('streaming', () => {
  /** An origin that hashes what it receives and can answer a large deterministic body. */
  async function origin(): Promise<{ url: string; received: () => number }> {
    let received = 0
    const server: Server = createServer((req, res) => {
      if (req.method === 'POST') {
        const hash = createHash('sha256')
        received = 0
        req.on('data', (chunk: Buffer) => { hash.update(chunk); received += chunk.length })
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ bytes: received, sha256: hash.digest('hex') }))
        })
        return
      }
      const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('bytes'))
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size })
      const chunk = Buffer.alloc(64 * 1024, 'x')
      let sent = 0
      const pump = (): void => {
        while (sent < size) {
          const piece = chunk.subarray(0, Math.min(chunk.length, size - sent))
          sent += piece.length
          if (!res.write(piece)) { res.once('drain', pump); return }
        }
        res.end()
      }
      pump()
    })
    const port = await listenOnLoopback(server)
    closers.push(() => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() }))
    return { url: `http://127.0.0.1:${port}`, received: () => received }
  }

  it('streams a multi-MiB upload intact, without waiting for the whole body first', async () => {
    const o = await origin()
    const gateway = await gatewayTo(o.url)
    const total = 24 * MiB
    const hash = createHash('sha256')
    let sent = 0
    let sawStreaming = false
    async function* body(): AsyncGenerator<Buffer> {
      while (sent < total) {
        const chunk = Buffer.alloc(MiB, sent / MiB)
        hash.update(chunk)
        sent += chunk.length
        yield chunk
        // Halfway, the origin must already have most of what was sent: the gateway forwards as it reads.
        if (sent === total / 2) {
          const end = Date.now() + 5000
          while (o.received() < total / 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 5))
          sawStreaming = o.received() >= total / 4
        }
      }
    }
    const res = await request(`${gateway.url}/upload`, { method: 'POST', body: Readable.from(body()) })
    const answer = await res.body.json() as { bytes: number; sha256: string }
    expect(sawStreaming).toBe(true)
    expect(answer).toEqual({ bytes: total, sha256: hash.digest('hex') })
  })

  it('streams a multi-MiB answer intact', async () => {
    const o = await origin()
    const gateway = await gatewayTo(o.url)
    const res = await request(`${gateway.url}/download?bytes=${16 * MiB + 3}`)
    const bytes = Buffer.from(await res.body.arrayBuffer())
    expect(res.statusCode).toBe(200)
    expect(bytes.length).toBe(16 * MiB + 3)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(Buffer.alloc(16 * MiB + 3, 'x')).digest('hex'))
  })

  it('streams a multi-MiB report to the stand-in intact', async () => {
    const server = await dojo()
    const gateway = await gatewayTo(server.url)
    const content = JSON.stringify(Array.from({ length: 40_000 }, (_, i) => ({ RuleID: `rule-${i}`, File: `src/${'f'.repeat(60)}${i}.ts`, StartLine: i, Description: 'd', Secret: 'REDACTED' })))
    expect(content.length).toBeGreaterThan(4 * MiB)
    const reply = await reimport(gateway, server, uploadForm({}, content))
    expect(reply.status).toBe(201)
    expect(JSON.parse(reply.text).statistics.after.total.total).toBe(40_000)
    expect(server.uploads[0]?.file).toMatchObject({ size: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') })
  })
})

describe('timeout', () => {
  it('answers 504 when the upstream is slower than afterMs; the import goes on and lands', async () => {
    const server = await dojo({ importMs: 800 })
    const gateway = await gatewayTo(server.url, [{ match: { method: 'POST' }, action: { kind: 'timeout', afterMs: 200 } }])
    const t0 = performance.now()
    const reply = await reimport(gateway, server)
    const took = performance.now() - t0
    expect(reply.status).toBe(504)
    expect(reply.contentType).toBe('text/html')
    expect(reply.text).toContain('504 Gateway Time-out')
    expect(took).toBeLessThan(700)
    expect(gateway.requests[0]).toMatchObject({ status: 504, upstreamStatus: null, action: 'timeout', upstreamDone: false })
    // The client got a 504, yet DefectDojo is still importing: the test exists, the import row does not yet.
    expect(server.state.tests).toHaveLength(1)
    expect(server.state.testImports).toHaveLength(0)
    await gateway.idle()
    expect(gateway.requests[0]).toMatchObject({ status: 504, upstreamStatus: 201, upstreamDone: true })
    expect(server.uploads[0]?.status).toBe(201)
    expect(server.state.testImports).toHaveLength(1)
    expect(server.state.tests[0]?.findings).toHaveLength(3)
  })

  it('a custom status and body; an upstream faster than afterMs passes through', async () => {
    const server = await dojo({ importMs: 400 })
    const gateway = await gatewayTo(server.url, [{ times: Infinity, action: { kind: 'timeout', afterMs: 100, status: 502, body: '{"message":"upstream timed out"}', contentType: 'application/json' } }])
    const slow = await reimport(gateway, server)
    expect(slow).toMatchObject({ status: 502, text: '{"message":"upstream timed out"}', contentType: 'application/json' })
    server.importMs = 0
    expect((await reimport(gateway, server)).status).toBe(201)
    await gateway.idle()
    expect(gateway.requests.map((r) => [r.status, r.upstreamStatus])).toEqual([[502, 201], [201, 201]])
    // The retry went into the test the first attempt had created, and landed while that one was still importing.
    expect(server.state.tests).toHaveLength(1)
    expect(server.state.testImports.map((r) => r.type)).toEqual(['reimport', 'import'])
  })
})

describe('reset-after-body', () => {
  it('drops the client once the whole body is forwarded; the upstream still imports', async () => {
    const server = await dojo({ importMs: 200 })
    const gateway = await gatewayTo(server.url, [{ match: { path: '/api/v2/reimport-scan/' }, action: { kind: 'reset-after-body' } }])
    await expect(reimport(gateway, server)).rejects.toThrow()
    await gateway.idle()
    expect(gateway.requests[0]).toMatchObject({ status: 0, upstreamStatus: 201, action: 'reset-after-body', upstreamDone: true })
    expect(server.uploads[0]).toMatchObject({ status: 201 })
    expect(server.uploads[0]?.file?.size).toBe(Buffer.byteLength(gitleaks))
    expect(server.state.testImports).toHaveLength(1)
    // times defaults to 1: the next one passes.
    expect((await reimport(gateway, server)).status).toBe(201)
  })
})

describe('replace', () => {
  it('answers a WAF page, an empty 201 or truncated JSON instead, while the request still lands', async () => {
    const server = await dojo()
    const gateway = await gatewayTo(server.url, [
      { match: { path: /reimport-scan/ }, action: { kind: 'replace', status: 200, body: '<html><title>Request Rejected</title></html>', contentType: 'text/html' } },
      { match: { path: /reimport-scan/ }, skip: 1, action: { kind: 'replace', status: 201, body: '', contentType: 'application/json' } },
      { match: { path: /reimport-scan/ }, skip: 2, action: { kind: 'replace', status: 201, body: '{"test_id": 1, "stat', contentType: 'application/json' } },
    ])
    expect(await reimport(gateway, server)).toMatchObject({ status: 200, contentType: 'text/html', text: '<html><title>Request Rejected</title></html>' })
    // The replacement is sent once the upstream has answered: the import is done by then.
    expect(server.state.testImports).toHaveLength(1)
    expect(await reimport(gateway, server)).toMatchObject({ status: 201, text: '' })
    expect(await reimport(gateway, server)).toMatchObject({ status: 201, text: '{"test_id": 1, "stat' })
    expect((await reimport(gateway, server)).text).toContain('"statistics"')
    expect(server.state.testImports).toHaveLength(4)
    expect(gateway.requests.map((r) => [r.status, r.upstreamStatus])).toEqual([[200, 201], [201, 201], [201, 201], [201, 201]])
  })

  it('with forward: false the stand-in never sees the request', async () => {
    const server = await dojo()
    const gateway = await gatewayTo(server.url, [{ match: { method: 'post' }, times: Infinity, action: { kind: 'replace', status: 403, body: 'blocked', contentType: 'text/plain', forward: false } }])
    expect(await reimport(gateway, server)).toMatchObject({ status: 403, text: 'blocked' })
    expect((await send(gateway.url, server.token, '/api/v2/user_profile/')).status).toBe(200)
    expect(server.uploads).toHaveLength(0)
    expect(server.requests.map((r) => r.method)).toEqual(['GET'])
    expect(gateway.requests[0]).toMatchObject({ status: 403, upstreamStatus: null, upstreamDone: true })
  })
})

describe('rule windows', () => {
  it('skip and times like the stand-in\'s faults; match by method and path; rules can change at any time', async () => {
    const server = await dojo()
    const gateway = await gatewayTo(server.url, [
      { match: { method: 'GET', path: '/api/v2/user_profile/' }, skip: 1, times: 2, action: { kind: 'replace', status: 503, body: 'busy', contentType: 'text/plain' } },
    ])
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1) statuses.push((await send(gateway.url, server.token, '/api/v2/user_profile/')).status)
    expect(statuses).toEqual([200, 503, 503, 200])
    expect((await send(gateway.url, server.token, '/api/v2/test_types/')).status).toBe(200)
    gateway.rules.push({ match: { path: /^\/api\/v2\/test_types\/\?name=/ }, action: { kind: 'replace', status: 500, body: '', contentType: 'text/plain' } })
    expect((await send(gateway.url, server.token, '/api/v2/test_types/')).status).toBe(200)
    expect((await send(gateway.url, server.token, '/api/v2/test_types/?name=SARIF')).status).toBe(500)
  })
})
