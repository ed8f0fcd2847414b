/**
 * The network fronts tests of the action's proxy and TLS options are built on (support/proxy.ts,
 * support/tls-front.ts) must behave like the real thing towards undici, or those tests prove nothing.
 * Everything runs on 127.0.0.1 against a tiny HTTP server started here.
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { rootCertificates } from 'node:tls'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { Agent, EnvHttpProxyAgent, ProxyAgent, request } from 'undici'
import type { Dispatcher } from 'undici'
import { startForwardProxy } from '../support/proxy.ts'
import type { ForwardProxy } from '../support/proxy.ts'
import { makeCertificates, startTlsFront } from '../support/tls-front.ts'
import type { Certificates, TlsFront } from '../support/tls-front.ts'

const MiB = 1024 * 1024

// ---------------------------------------------------------------------------------------------------------
// The origin: GET echoes what arrived; POST /upload hashes the streamed body and reports progress.
// ---------------------------------------------------------------------------------------------------------

interface Echo { method: string; url: string; host: string; remotePort: number; proxyHeaders: string[] }

let origin: Server
let target = ''
/** Bytes of the upload currently arriving, and who waits for them to reach a threshold. */
let uploadReceived = 0
let uploadWaiters: Array<{ bytes: number; resolve: () => void }> = []

function waitForUploadBytes(bytes: number, timeoutMs: number): Promise<void> {
  if (uploadReceived >= bytes) return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(
      `origin saw only ${uploadReceived} bytes after ${timeoutMs} ms: the proxy is not streaming the body`)), timeoutMs)
    uploadWaiters.push({ bytes, resolve: () => { clearTimeout(timer); resolve() } })
  })
}

beforeAll(async () => {
  origin = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/upload') {
      const hash = createHash('sha256')
      uploadReceived = 0
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk)
        uploadReceived += chunk.length
        const due = uploadWaiters.filter((w) => uploadReceived >= w.bytes)
        uploadWaiters = uploadWaiters.filter((w) => uploadReceived < w.bytes)
        for (const w of due) w.resolve()
      })
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ bytes: uploadReceived, sha256: hash.digest('hex'), chunked: req.headers['transfer-encoding'] === 'chunked' }))
      })
      return
    }
    req.resume()
    req.on('end', () => {
      const echo: Echo = {
        method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '', remotePort: req.socket.remotePort ?? 0,
        proxyHeaders: Object.keys(req.headers).filter((h) => h.startsWith('proxy-')),
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(echo))
    })
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  target = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`
})

afterAll(async () => {
  origin.closeAllConnections()
  await new Promise<void>((resolve) => origin.close(() => resolve()))
})

// ---------------------------------------------------------------------------------------------------------
// Bookkeeping: everything started in a test is closed after it.
// ---------------------------------------------------------------------------------------------------------

const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function proxy(options?: Parameters<typeof startForwardProxy>[0]): Promise<ForwardProxy> {
  const p = await startForwardProxy(options)
  cleanups.push(() => p.close())
  return p
}

async function front(requireClientCert = false): Promise<TlsFront> {
  const f = await startTlsFront({ target, certs, requireClientCert })
  cleanups.push(() => f.close())
  return f
}

function dispatcher<T extends Dispatcher>(d: T): T {
  cleanups.push(() => d.destroy())
  return d
}

async function getJson(url: string, d?: Dispatcher): Promise<{ status: number; body: Echo }> {
  const res = await request(url, d ? { dispatcher: d } : {})
  return { status: res.statusCode, body: (await res.body.json()) as Echo }
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise
  } catch (err) {
    return err as Error & { code?: string }
  }
  throw new Error('expected the request to fail')
}

let certs: Certificates
beforeAll(() => {
  certs = makeCertificates()
})

// ---------------------------------------------------------------------------------------------------------
// Forward proxy
// ---------------------------------------------------------------------------------------------------------

describe('forward proxy (support/proxy.ts)', () => {
  it('forwards an http:// origin in absolute form by default and tunnels it with proxyTunnel: true', async () => {
    const p = await proxy()
    const forwarded = await getJson(`${target}/plain?q=1`, dispatcher(new ProxyAgent({ uri: p.url })))
    expect(forwarded.status).toBe(200)
    expect(forwarded.body).toMatchObject({ method: 'GET', url: '/plain?q=1', host: target.slice('http://'.length), proxyHeaders: [] })

    const tunnelled = await getJson(`${target}/tunnelled`, dispatcher(new ProxyAgent({ uri: p.url, proxyTunnel: true })))
    expect(tunnelled.status).toBe(200)
    expect(tunnelled.body).toMatchObject({ url: '/tunnelled', proxyHeaders: [] })

    expect(p.requests).toEqual([
      { method: 'GET', target: `${target}/plain?q=1`, authorized: true },
      { method: 'CONNECT', target: target.slice('http://'.length), authorized: true },
    ])
  })

  it('tunnels an https:// origin (the TLS front) with CONNECT', async () => {
    const p = await proxy()
    const f = await front()
    const res = await getJson(`${f.url}/secure`, dispatcher(new ProxyAgent({ uri: p.url, requestTls: { ca: [certs.caPem] } })))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ method: 'GET', url: '/secure', host: f.url.slice('https://'.length) })
    expect(p.requests).toEqual([{ method: 'CONNECT', target: f.url.slice('https://'.length), authorized: true }])
    expect(f.connections).toBe(1)
  })

  it('routes EnvHttpProxyAgent through it: absolute form for http, CONNECT for https', async () => {
    const p = await proxy()
    const f = await front()
    const d = dispatcher(new EnvHttpProxyAgent({
      httpProxy: p.url, httpsProxy: p.url, noProxy: '', requestTls: { ca: [certs.caPem] }, connect: { ca: [certs.caPem] },
    }))
    expect((await getJson(`${target}/env-http`, d)).status).toBe(200)
    expect((await getJson(`${f.url}/env-https`, d)).status).toBe(200)
    expect(p.requests).toEqual([
      { method: 'GET', target: `${target}/env-http`, authorized: true },
      { method: 'CONNECT', target: f.url.slice('https://'.length), authorized: true },
    ])
  })

  describe('EnvHttpProxyAgent and the environment', () => {
    const NAMES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']
    let saved: Record<string, string | undefined> = {}
    beforeAll(() => {
      saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]))
    })
    afterEach(() => {
      for (const n of NAMES) {
        if (saved[n] === undefined) delete process.env[n]
        else process.env[n] = saved[n]
      }
    })
    const clearEnv = (): void => {
      for (const n of NAMES) delete process.env[n]
    }

    it('reads HTTP_PROXY at construction and NO_PROXY / no_proxy (lower case first) on every request', async () => {
      const p = await proxy()
      clearEnv()
      process.env.HTTP_PROXY = p.url
      const d = dispatcher(new EnvHttpProxyAgent())
      await getJson(`${target}/upper`, d)
      expect(p.requests.map((r) => r.target)).toEqual([`${target}/upper`])

      process.env.NO_PROXY = '127.0.0.1' // re-read on demand: now bypassed
      await getJson(`${target}/bypassed`, d)
      process.env.no_proxy = '' // lower case wins, even when empty: proxied again
      await getJson(`${target}/lower-empty`, d)
      process.env.no_proxy = `localhost,127.0.0.1:${new URL(target).port}`
      await getJson(`${target}/lower-port`, d)
      expect(p.requests.map((r) => r.target)).toEqual([`${target}/upper`, `${target}/lower-empty`])
    })

    it('prefers lower-case http_proxy over HTTP_PROXY', async () => {
      const lower = await proxy()
      const upper = await proxy()
      clearEnv()
      process.env.http_proxy = lower.url
      process.env.HTTP_PROXY = upper.url
      await getJson(`${target}/which`, dispatcher(new EnvHttpProxyAgent()))
      expect(lower.requests).toHaveLength(1)
      expect(upper.requests).toHaveLength(0)
    })
  })

  describe('with auth', () => {
    const auth = { username: 'proxy-user', password: 'p@ss:word' }
    const withCredentials = (url: string): string => {
      const u = new URL(url)
      u.username = encodeURIComponent(auth.username)
      u.password = encodeURIComponent(auth.password)
      return u.href
    }

    it('answers 407 without credentials, both forwarded and tunnelled', async () => {
      const p = await proxy({ auth })
      const f = await front()
      const forwarded = await rejection(getJson(`${target}/x`, dispatcher(new ProxyAgent({ uri: p.url }))))
      expect(forwarded.message).toMatch(/407/)
      const tunnelled = await rejection(getJson(`${f.url}/x`, dispatcher(new ProxyAgent({ uri: p.url, requestTls: { ca: [certs.caPem] } }))))
      expect(tunnelled.message).toMatch(/407/)
      const wrong = await rejection(getJson(`${f.url}/x`, dispatcher(new ProxyAgent({
        uri: p.url, token: `Basic ${Buffer.from(`${auth.username}:nope`).toString('base64')}`, requestTls: { ca: [certs.caPem] },
      }))))
      expect(wrong.message).toMatch(/407/)
      expect(p.requests).toEqual([
        { method: 'GET', target: `${target}/x`, authorized: false },
        { method: 'CONNECT', target: f.url.slice('https://'.length), authorized: false },
        { method: 'CONNECT', target: f.url.slice('https://'.length), authorized: false },
      ])
    })

    it('lets requests with Proxy-Authorization: Basic through and does not pass it on', async () => {
      const p = await proxy({ auth })
      const f = await front()
      const d = dispatcher(new ProxyAgent({ uri: withCredentials(p.url), requestTls: { ca: [certs.caPem] } }))
      const forwarded = await getJson(`${target}/in`, d)
      expect(forwarded).toMatchObject({ status: 200, body: { url: '/in', proxyHeaders: [] } })
      expect((await getJson(`${f.url}/in`, d)).status).toBe(200)
      expect(p.requests.map((r) => r.authorized)).toEqual([true, true])
    })
  })

  describe('streams a 50 MiB POST body intact, without buffering it', () => {
    const cases: Array<[string, (p: ForwardProxy) => { url: string; agent: ProxyAgent }, string]> = [
      ['absolute form (http origin)', (p) => ({ url: `${target}/upload`, agent: new ProxyAgent({ uri: p.url }) }), 'POST'],
      ['CONNECT tunnel (http origin, proxyTunnel)', (p) => ({ url: `${target}/upload`, agent: new ProxyAgent({ uri: p.url, proxyTunnel: true }) }), 'CONNECT'],
    ]
    it.each(cases)('%s', async (_name, setup, recordedMethod) => {
      const p = await proxy()
      const { url, agent } = setup(p)
      dispatcher(agent)
      const total = 50 * MiB
      const chunk = 256 * 1024
      const sent = createHash('sha256')
      async function* body(): AsyncGenerator<Buffer> {
        for (let offset = 0; offset < total; offset += chunk) {
          // Hold back after 8 MiB until the origin has 4 MiB: a proxy that buffered the body would never deliver them.
          if (offset === 8 * MiB) await waitForUploadBytes(4 * MiB, 15_000)
          const bytes = randomBytes(chunk)
          sent.update(bytes)
          yield bytes
        }
      }
      const res = await request(url, {
        method: 'POST', dispatcher: agent, body: Readable.from(body()),
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(total) },
      })
      expect(res.statusCode).toBe(200)
      expect(await res.body.json()).toEqual({ bytes: total, sha256: sent.digest('hex'), chunked: false })
      expect(p.requests).toEqual([{ method: recordedMethod, target: recordedMethod === 'CONNECT' ? new URL(url).host : url, authorized: true }])
    })
  })

  it('close() destroys open keep-alive and tunnel sockets instead of waiting for them', async () => {
    const p = await startForwardProxy()
    const f = await front()
    const d = dispatcher(new ProxyAgent({ uri: p.url, requestTls: { ca: [certs.caPem] } }))
    await getJson(`${target}/keep`, d)
    await getJson(`${f.url}/keep`, d)
    const started = Date.now()
    await p.close()
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

// ---------------------------------------------------------------------------------------------------------
// TLS front and certificates
// ---------------------------------------------------------------------------------------------------------

describe('certificates (support/tls-front.ts makeCertificates)', () => {
  it('makes a server certificate for 127.0.0.1 and localhost signed by the CA, a client certificate and another CA', () => {
    const ca = new X509Certificate(certs.caPem)
    const server = new X509Certificate(certs.serverCert)
    const client = new X509Certificate(certs.clientCert)
    const otherCa = new X509Certificate(certs.otherCaPem)
    expect(ca.ca).toBe(true)
    expect(server.ca).toBe(false)
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(server.checkHost('localhost')).toBe('localhost')
    expect(server.checkIssued(ca) && server.verify(ca.publicKey)).toBe(true)
    expect(client.checkIssued(ca) && client.verify(ca.publicKey)).toBe(true)
    expect(client.keyUsage).toContain('1.3.6.1.5.5.7.3.2') // clientAuth
    expect(otherCa.ca).toBe(true)
    expect(server.verify(otherCa.publicKey)).toBe(false)
    expect(new X509Certificate(certs.otherClientCert).verify(otherCa.publicKey)).toBe(true)
    expect(readFileSync(certs.caPath, 'utf8')).toBe(certs.caPem)
    expect(readFileSync(certs.clientCertPath, 'utf8')).toBe(certs.clientCert)
    expect(readFileSync(certs.clientKeyPath, 'utf8')).toBe(certs.clientKey)
  })

  it('caches: a second call is immediate and returns the same material', () => {
    const started = Date.now()
    const again = makeCertificates()
    expect(Date.now() - started).toBeLessThan(50)
    expect(again).toEqual(certs)
  })
})

describe('TLS front (support/tls-front.ts startTlsFront)', () => {
  it('is not trusted with the default trust store (SELF_SIGNED_CERT_IN_CHAIN) nor with the unrelated CA', async () => {
    const f = await front()
    const untrusted = await rejection(getJson(`${f.url}/x`))
    expect(untrusted.code).toBe('SELF_SIGNED_CERT_IN_CHAIN')
    const other = await rejection(getJson(`${f.url}/x`, dispatcher(new Agent({ connect: { ca: [certs.otherCaPem] } }))))
    expect(other.code).toBe('SELF_SIGNED_CERT_IN_CHAIN')
  })

  it('serves HTTP end to end with ca: [...tls.rootCertificates, caPem], keep-alive included', async () => {
    const f = await front()
    const d = dispatcher(new Agent({ connections: 1, connect: { ca: [...rootCertificates, certs.caPem] } }))
    const first = await getJson(`${f.url}/one`, d)
    const second = await getJson(`${f.url}/two`, d)
    expect(first).toMatchObject({ status: 200, body: { method: 'GET', url: '/one', host: f.url.slice('https://'.length) } })
    expect(second.body.url).toBe('/two')
    expect(second.body.remotePort).toBe(first.body.remotePort) // the same upstream connection
    expect(f.connections).toBe(1)
  })

  describe('with requireClientCert (mTLS)', () => {
    it('rejects a client without a certificate', async () => {
      const f = await front(true)
      const err = await rejection(getJson(`${f.url}/x`, dispatcher(new Agent({ connect: { ca: [certs.caPem] } }))))
      expect(err.code).toMatch(/^(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|ECONNRESET|UND_ERR_SOCKET|EPIPE)$/)
      expect(f.connections).toBe(0)
    })

    it('rejects a client certificate from the unrelated CA', async () => {
      const f = await front(true)
      const err = await rejection(getJson(`${f.url}/x`, dispatcher(new Agent({
        connect: { ca: [certs.caPem], cert: certs.otherClientCert, key: certs.otherClientKey },
      }))))
      expect(err.code).toMatch(/^(ERR_SSL_TLSV1_ALERT_UNKNOWN_CA|ECONNRESET|UND_ERR_SOCKET|EPIPE)$/)
      expect(f.connections).toBe(0)
    })

    it('serves a client presenting the CA-signed certificate, also through the proxy', async () => {
      const f = await front(true)
      const tlsOptions = { ca: [certs.caPem], cert: certs.clientCert, key: certs.clientKey }
      expect((await getJson(`${f.url}/mtls`, dispatcher(new Agent({ connect: tlsOptions })))).status).toBe(200)
      const p = await proxy()
      expect((await getJson(`${f.url}/mtls-proxied`, dispatcher(new ProxyAgent({ uri: p.url, requestTls: tlsOptions })))).status).toBe(200)
      expect(p.requests).toEqual([{ method: 'CONNECT', target: f.url.slice('https://'.length), authorized: true }])
      expect(f.connections).toBe(2)
    })
  })

  it('close() ends open keep-alive connections', async () => {
    const f = await startTlsFront({ target, certs })
    const d = dispatcher(new Agent({ connect: { ca: [certs.caPem] } }))
    await getJson(`${f.url}/keep`, d)
    const started = Date.now()
    await f.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect((await rejection(getJson(`${f.url}/gone`, d))).code).toBe('ECONNREFUSED')
  })
})
