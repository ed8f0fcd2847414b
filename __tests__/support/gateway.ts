/**
 * A reverse proxy on 127.0.0.1 in front of a loopback HTTP server (the DefectDojo stand-in), for tests of
 * what a load balancer, WAF or ingress does to the action's requests: give up before the origin answers,
 * drop the connection once the body is sent, or answer something else than the origin did.
 *
 * Bodies are streamed both ways with backpressure (uploads can be large), never buffered. The request goes
 * to the target with its own path and query (the gateway's `url` carries the target's path prefix, so it
 * replaces the stand-in's `url` one for one), its Host header kept, hop-by-hop headers dropped and
 * X-Forwarded-For / X-Forwarded-Proto added, as an nginx `proxy_pass` with `proxy_set_header Host $host` does.
 *
 * Rules pick what happens to each request, like the stand-in's faults: every rule whose `match` fits counts
 * the request; the first one whose window [skip, skip + times) includes it applies; none = pass.
 *   - timeout: forward; when the upstream has not answered (status line and headers) within `afterMs` of the
 *     request's arrival, answer the client `status` (default 504, with an nginx-like HTML page unless `body`
 *     is given). The upstream request goes on to completion and its answer is read and dropped. The clock
 *     starts when the request arrives, so an upload still being sent at `afterMs` is answered too (and the
 *     client may then stop sending, leaving the upstream an incomplete body).
 *   - reset-after-body: forward the whole body; once it has been handed to the upstream connection, destroy
 *     the client's socket without answering. The upstream goes on.
 *   - replace: answer this instead. With `forward` (default true) the request still goes upstream and the
 *     replacement is sent once the upstream has answered (a WAF or proxy rewriting the answer), so the
 *     upstream's work is done when the client reads it; with `forward: false` the body is read and dropped
 *     and the replacement sent at once (a WAF blocking the request).
 *   - pass: forward and stream the answer back.
 * Once the request body is complete, a client that leaves never aborts the upstream request (DefectDojo's
 * uwsgi behind nginx does not notice either); a client that leaves mid-body aborts it (the origin then sees
 * an incomplete upload). close() ends everything, upstream requests too.
 *
 * Runs under jest (ts-jest ESM) and directly with Node 24 type stripping; only erasable TypeScript syntax.
 */
import { createServer, request as httpRequest } from 'node:http'
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import type { Socket } from 'node:net'
import { pipeline } from 'node:stream'
import { listenOnLoopback } from './listen.ts'

export type GatewayAction =
  | { kind: 'timeout'; afterMs: number; status?: number; body?: string; contentType?: string }
  | { kind: 'reset-after-body' }
  | { kind: 'replace'; status: number; body: string; contentType: string; forward?: boolean }
  | { kind: 'pass' }

export interface GatewayRule {
  /**
   * Omitted keys match anything. `method` is case-insensitive. A string `path` equals the request's path
   * (without the query), with or without the target's path prefix; a RegExp is tested on path + query.
   */
  match?: { method?: string; path?: string | RegExp }
  /** How many matching requests it applies to (default 1; Infinity = always). */
  times?: number
  /** Let the first N matching requests through first (default 0). */
  skip?: number
  action: GatewayAction
}

export interface GatewayRequestRecord {
  method: string
  /** The request's path, without the query. */
  path: string
  /** What the client got: 0 while nothing was answered yet, and for a reset (or a client that left). */
  status: number
  /** What the upstream answered: null while it has not answered, when the request was not forwarded, or when the upstream failed. */
  upstreamStatus: number | null
  /** Which rule's action applied ('pass' when none did). */
  action: GatewayAction['kind']
  /** True once the upstream exchange is over (answered and read, failed, or not forwarded). */
  upstreamDone: boolean
}

export interface Gateway {
  /** `http://127.0.0.1:PORT` plus the target's path prefix. */
  url: string
  /** Changeable at any time; read for each request as it arrives. */
  rules: GatewayRule[]
  /** One record per request, in arrival order, filled in as the exchange goes on. */
  requests: GatewayRequestRecord[]
  /** Resolves once every upstream exchange started so far is over (e.g. the stand-in finished an import the client no longer waits for). */
  idle(): Promise<void>
  /** Stops listening and destroys every client and upstream socket. */
  close(): Promise<void>
}

export interface GatewayOptions {
  /** `http://127.0.0.1:PORT[/prefix]`: only loopback http targets are accepted. */
  target: string
  rules?: GatewayRule[]
}

/** Hop-by-hop headers (RFC 9110 §7.6.1): never forwarded. */
const HOP_BY_HOP = new Set([
  'connection', 'proxy-connection', 'keep-alive', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'transfer-encoding', 'upgrade',
])

const GATEWAY_TIMEOUT_PAGE = '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n' +
  '<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
const BAD_GATEWAY_PAGE = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1'
  return false
}

/** Raw header pairs minus hop-by-hop ones and those the Connection header names. */
function endToEndHeaders(rawHeaders: string[], headers: IncomingHttpHeaders): string[] {
  const named = new Set([headers.connection ?? ''].flat().join(',').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
  const out: string[] = []
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const lower = rawHeaders[i]!.toLowerCase()
    if (!HOP_BY_HOP.has(lower) && !named.has(lower)) out.push(rawHeaders[i]!, rawHeaders[i + 1]!)
  }
  return out
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const target = new URL(options.target)
  if (target.protocol !== 'http:' || !isLoopbackHost(target.hostname)) {
    throw new Error(`gateway: only loopback http:// targets are allowed, not ${options.target}`)
  }
  const prefix = target.pathname.replace(/\/+$/, '')
  const upstreamHost = target.hostname.replace(/^\[(.*)\]$/, '$1')
  const upstreamPort = Number(target.port || 80)

  const sockets = new Set<Socket>()
  const track = (socket: Socket): void => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }
  const counts = new WeakMap<GatewayRule, number>()
  const pending = new Set<Promise<void>>()
  let closed = false

  const pathMatches = (want: string | RegExp, path: string, search: string): boolean => {
    if (typeof want !== 'string') return want.test(path + search)
    return want === path || (prefix !== '' && prefix + want === path)
  }

  const pickRule = (method: string, path: string, search: string): GatewayRule | undefined => {
    let chosen: GatewayRule | undefined
    for (const rule of gateway.rules) {
      const m = rule.match ?? {}
      if (m.method !== undefined && m.method.toUpperCase() !== method) continue
      if (m.path !== undefined && !pathMatches(m.path, path, search)) continue
      const seen = counts.get(rule) ?? 0
      counts.set(rule, seen + 1)
      const skip = rule.skip ?? 0
      if (!chosen && seen >= skip && seen < skip + (rule.times ?? 1)) chosen = rule
    }
    return chosen
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://gateway.invalid')
    const action: GatewayAction = pickRule(method, url.pathname, url.search)?.action ?? { kind: 'pass' }
    const record: GatewayRequestRecord = { method, path: url.pathname, status: 0, upstreamStatus: null, action: action.kind, upstreamDone: false }
    gateway.requests.push(record)
    let finishUpstream = (): void => undefined
    const done = new Promise<void>((resolve) => {
      finishUpstream = () => {
        record.upstreamDone = true
        resolve()
      }
    })
    pending.add(done)
    void done.then(() => pending.delete(done))

    /** Answers the client once, unless it is gone or was already answered. */
    const reply = (status: number, body: string, contentType: string): void => {
      if (res.headersSent || res.destroyed) return
      record.status = status
      res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) })
      res.end(body)
    }

    if (action.kind === 'replace' && action.forward === false) {
      req.resume()
      req.once('end', () => reply(action.status, action.body, action.contentType))
      finishUpstream()
      return
    }

    // nginx's $proxy_add_x_forwarded_for: what came in, then the client's address.
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].flat().filter(Boolean).join(', ')
    const headers: string[] = []
    const passed = endToEndHeaders(req.rawHeaders, req.headers)
    for (let i = 0; i + 1 < passed.length; i += 2) {
      const lower = passed[i]!.toLowerCase()
      if (lower !== 'x-forwarded-for' && lower !== 'x-forwarded-proto') headers.push(passed[i]!, passed[i + 1]!)
    }
    headers.push('X-Forwarded-For', forwarded, 'X-Forwarded-Proto', 'http')
    const upstream: ClientRequest = httpRequest({
      hostname: upstreamHost, port: upstreamPort, method, path: `${url.pathname}${url.search}`, headers, agent: false, setHost: req.headers.host === undefined,
    })
    upstream.on('socket', (socket) => track(socket))
    let timer: ReturnType<typeof setTimeout> | undefined
    const clearTimer = (): void => { if (timer !== undefined) clearTimeout(timer) }

    if (action.kind === 'timeout') {
      timer = setTimeout(() => {
        if (record.upstreamStatus !== null) return
        reply(action.status ?? 504, action.body ?? GATEWAY_TIMEOUT_PAGE, action.contentType ?? 'text/html')
      }, action.afterMs)
    }

    upstream.on('response', (upstreamRes) => {
      record.upstreamStatus = upstreamRes.statusCode ?? 0
      upstreamRes.once('end', finishUpstream)
      upstreamRes.once('error', finishUpstream)
      upstreamRes.once('close', finishUpstream)
      const passThrough = (action.kind === 'pass' || action.kind === 'timeout') && !res.headersSent && !res.destroyed
      clearTimer()
      if (!passThrough) {
        // Read and drop what the upstream answered (a replaced answer, or one nobody waits for any more).
        upstreamRes.resume()
        if (action.kind === 'replace') reply(action.status, action.body, action.contentType)
        return
      }
      record.status = upstreamRes.statusCode ?? 0
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, endToEndHeaders(upstreamRes.rawHeaders, upstreamRes.headers))
      pipeline(upstreamRes, res, (err) => {
        // The client left while the answer streamed: the upstream has answered, so let it finish.
        if (err) upstreamRes.resume()
      })
    })
    upstream.on('error', () => {
      clearTimer()
      finishUpstream()
      if (action.kind === 'reset-after-body') return
      if (action.kind === 'replace') reply(action.status, action.body, action.contentType)
      else if (!res.headersSent) reply(502, BAD_GATEWAY_PAGE, 'text/html')
      else res.destroy()
    })
    upstream.on('finish', () => {
      // The whole body is with the upstream connection.
      if (action.kind === 'reset-after-body') {
        record.status = 0
        req.socket.destroy()
      }
    })
    // The request body, with backpressure. A client that leaves mid-body aborts the upstream request.
    pipeline(req, upstream, (err) => {
      if (!err) return
      clearTimer()
      if (!upstream.writableFinished) upstream.destroy()
    })
  }

  const server = createServer({ requestTimeout: 0, headersTimeout: 60_000 }, onRequest)
  server.on('connection', (socket: Socket) => track(socket))
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  const port = await listenOnLoopback(server)

  let closing: Promise<void> | null = null
  const gateway: Gateway = {
    url: `http://127.0.0.1:${port}${prefix}`,
    rules: options.rules ?? [],
    requests: [],
    async idle(): Promise<void> {
      // Exchanges that start while waiting are waited for too.
      while (pending.size > 0 && !closed) await Promise.all([...pending])
    },
    close(): Promise<void> {
      closed = true
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
        sockets.clear()
      })
      return closing
    },
  }
  return gateway
}
