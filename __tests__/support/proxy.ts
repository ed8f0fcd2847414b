/**
 * An HTTP forward proxy on 127.0.0.1 for tests of the action's proxy support (undici ProxyAgent /
 * EnvHttpProxyAgent).
 *
 * It speaks both forms a proxy client uses (RFC 9110 §9.3.6, RFC 9112 §3.2.2):
 *   - `CONNECT host:port` tunnelling: what undici sends for https:// origins, and for http:// origins when
 *     ProxyAgent is built with `proxyTunnel: true`;
 *   - absolute-form forwarding (`POST http://host:port/path HTTP/1.1`): what undici 8 sends for http://
 *     origins by default (`proxyTunnel` unset; lib/dispatcher/proxy-agent.js shouldProxyTunnel()).
 * Bodies are streamed in both directions with backpressure (uploads can be 1 GiB), never buffered.
 *
 * With `auth`, every request must carry `Proxy-Authorization: Basic base64(user:pass)`, otherwise the proxy
 * answers 407 with `Proxy-Authenticate: Basic`. Only loopback targets (127.0.0.0/8, ::1, localhost) are
 * forwarded; anything else gets 403, so a test can never reach the network through it.
 *
 * Runs under jest (ts-jest ESM) and directly with Node 24 type stripping; only erasable TypeScript syntax.
 */
import { createServer, request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { connect as netConnect, isIP } from 'node:net'
import type { Socket } from 'node:net'
import { pipeline } from 'node:stream'
import type { Duplex } from 'node:stream'
import { listenOnLoopback } from './listen.ts'

export interface ProxyOptions {
  /** Require these credentials in `Proxy-Authorization: Basic …`; 407 otherwise. */
  auth?: { username: string; password: string }
}

export interface ProxyRequestRecord {
  /** `CONNECT` for tunnels, otherwise the forwarded request's method. */
  method: string
  /** `host:port` for CONNECT, the absolute URL (`http://host:port/path`) for forwarded requests. */
  target: string
  /** True when the request passed the proxy's auth check (always true without `auth`). */
  authorized: boolean
}

export interface ForwardProxy {
  /** `http://127.0.0.1:PORT` */
  url: string
  /** Every request the proxy received, in arrival order (also rejected ones). */
  requests: ProxyRequestRecord[]
  /** Stops listening and destroys every open client, tunnel and upstream socket. */
  close(): Promise<void>
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) plus the proxy's own ones: never forwarded. */
const HOP_BY_HOP = new Set([
  'connection', 'proxy-connection', 'keep-alive', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer',
  'transfer-encoding', 'upgrade',
])

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1'
  return false
}

/** Raw header pairs minus hop-by-hop ones and those the Connection header names. */
function endToEndHeaders(rawHeaders: string[], headers: IncomingHttpHeaders): string[] {
  const connection = [headers.connection ?? ''].flat().join(',')
  const named = new Set(connection.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
  const out: string[] = []
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!
    const lower = name.toLowerCase()
    if (HOP_BY_HOP.has(lower) || named.has(lower)) continue
    out.push(name, rawHeaders[i + 1]!)
  }
  return out
}

/** Parses a CONNECT request-target (`host:port`, `[v6]:port`). */
function parseAuthority(authority: string): { hostname: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(authority)
  if (!match) return null
  const port = Number(match[2])
  if (port < 1 || port > 65535) return null
  return { hostname: match[1]!.replace(/^\[(.*)\]$/, '$1'), port }
}

export async function startForwardProxy(options: ProxyOptions = {}): Promise<ForwardProxy> {
  const requests: ProxyRequestRecord[] = []
  const sockets = new Set<Socket | Duplex>()
  const track = <T extends Socket | Duplex>(socket: T): T => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    return socket
  }
  const expected = options.auth
    ? `${options.auth.username}:${options.auth.password}`
    : null

  const isAuthorized = (req: IncomingMessage): boolean => {
    if (expected === null) return true
    const header = req.headers['proxy-authorization']
    if (typeof header !== 'string') return false
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)
    if (!match) return false
    return Buffer.from(match[1]!, 'base64').toString('utf8') === expected
  }

  // Forwarding: absolute-form requests (and a 400 for anything else that is not CONNECT).
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const authorized = isAuthorized(req)
    requests.push({ method: req.method ?? '', target: req.url ?? '', authorized })
    const fail = (status: number, message: string, headers: Record<string, string> = {}): void => {
      req.resume()
      res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(message), ...headers })
      res.end(message)
    }
    if (!authorized) {
      fail(407, 'proxy authentication required\n', { 'proxy-authenticate': 'Basic realm="test-proxy"' })
      return
    }
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      fail(400, 'proxy: expected an absolute-form request target\n')
      return
    }
    if (target.protocol !== 'http:') {
      fail(400, `proxy: cannot forward ${target.protocol} requests, use CONNECT\n`)
      return
    }
    if (!isLoopbackHost(target.hostname)) {
      fail(403, 'proxy: only loopback targets are allowed\n')
      return
    }

    const upstream = httpRequest({
      hostname: target.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(target.port || 80),
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers: endToEndHeaders(req.rawHeaders, req.headers),
      agent: false,
      setHost: req.headers.host === undefined,
    })
    upstream.on('socket', (socket) => track(socket))
    upstream.on('response', (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage,
        endToEndHeaders(upstreamRes.rawHeaders, upstreamRes.headers))
      pipeline(upstreamRes, res, (err) => {
        if (err) {
          upstream.destroy()
          res.destroy()
        }
      })
    })
    upstream.on('error', () => {
      if (!res.headersSent) fail(502, 'proxy: upstream connection failed\n')
      else res.destroy()
    })
    // Request body: streamed with backpressure; a client abort tears the upstream request down.
    pipeline(req, upstream, (err) => {
      if (err) {
        upstream.destroy()
        if (!res.headersSent && !res.destroyed) fail(502, 'proxy: request body aborted\n')
      }
    })
  }

  // Tunnelling: CONNECT host:port.
  const onConnect = (req: IncomingMessage, client: Duplex, head: Buffer): void => {
    track(client)
    client.on('error', () => client.destroy())
    const authorized = isAuthorized(req)
    const authority = req.url ?? ''
    requests.push({ method: 'CONNECT', target: authority, authorized })
    const refuse = (status: string, extra = ''): void => {
      client.end(`HTTP/1.1 ${status}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`)
    }
    if (!authorized) {
      refuse('407 Proxy Authentication Required', 'Proxy-Authenticate: Basic realm="test-proxy"\r\n')
      return
    }
    const parsed = parseAuthority(authority)
    if (!parsed) {
      refuse('400 Bad Request')
      return
    }
    if (!isLoopbackHost(parsed.hostname)) {
      refuse('403 Forbidden')
      return
    }
    const upstream = track(netConnect({ host: parsed.hostname, port: parsed.port }))
    let established = false
    upstream.once('connect', () => {
      established = true
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => {
      if (!established && client.writable) refuse('502 Bad Gateway')
      else client.destroy()
      upstream.destroy()
    })
    upstream.on('close', () => client.destroy())
    client.on('close', () => upstream.destroy())
  }

  const server = createServer({ requestTimeout: 0, headersTimeout: 60_000 }, onRequest)
  server.on('connect', onConnect)
  server.on('connection', (socket: Socket) => track(socket))
  server.on('clientError', (_err, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  const port = await listenOnLoopback(server)

  let closing: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
        sockets.clear()
      })
      return closing
    },
  }
}
