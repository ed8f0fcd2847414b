/**
 * TLS in front of a plain HTTP test server, with certificates from a private CA, for tests of the action's
 * TLS options (custom CA bundle, mutual TLS) without touching the network or the system trust store.
 *
 *  - makeCertificates(): a private CA, a server certificate for 127.0.0.1 and localhost signed by it, a
 *    client certificate signed by it (mTLS), an unrelated second CA and a client certificate signed by that
 *    one. Made once per process with the openssl CLI (EC P-256, ~0.5 s) and cached on disk under the OS tmp
 *    dir (`tls-front-<pid>`), so repeated calls, also from other jest test files in the same worker, are
 *    cheap. The directory is removed at exit of a direct Node run; under jest (whose sandboxed `process`
 *    never emits 'exit') the next generation removes the directories of dead pids.
 *  - startTlsFront(): a TLS server on 127.0.0.1 that terminates TLS and pipes the decrypted bytes to the
 *    target's TCP port, one upstream connection per TLS connection, so HTTP (keep-alive, chunked, large
 *    bodies) works end to end. ALPN offers only http/1.1: the target speaks HTTP/1. The front presents the
 *    chain leaf + private CA, so a client with only the default trust store fails, deterministically, with
 *    SELF_SIGNED_CERT_IN_CHAIN (the code a private-CA server sending its root produces; a server sending the
 *    leaf alone would give UNABLE_TO_VERIFY_LEAF_SIGNATURE instead).
 *
 * Runs under jest (ts-jest ESM) and directly with Node 24 type stripping; only erasable TypeScript syntax.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect as netConnect } from 'node:net'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve as resolvePath } from 'node:path'
import { createServer as createTlsServer } from 'node:tls'
import type { TLSSocket } from 'node:tls'
import { listenOnLoopback } from './listen.ts'

export interface Certificates {
  /** The private CA's certificate (PEM) and its path. */
  caPem: string
  caPath: string
  /** The server's key and leaf certificate (PEM; SAN IP:127.0.0.1, DNS:localhost), signed by the CA. */
  serverKey: string
  serverCert: string
  /** A client certificate (PEM, extendedKeyUsage clientAuth) signed by the CA, for mTLS, and their paths. */
  clientKey: string
  clientCert: string
  clientKeyPath: string
  clientCertPath: string
  /** An unrelated CA: trusting it instead of caPem must fail. */
  otherCaPem: string
  /** A client certificate signed by the unrelated CA: an mTLS front must reject it. */
  otherClientKey: string
  otherClientCert: string
}

export interface TlsFrontOptions {
  /** `http://127.0.0.1:PORT` of a plain HTTP server. */
  target: string
  certs: Certificates
  /** Reject handshakes without a client certificate signed by certs.caPem. */
  requireClientCert?: boolean
}

export interface TlsFront {
  /** `https://127.0.0.1:PORT` */
  url: string
  /** TLS connections accepted so far (successful handshakes); 1 after several keep-alive requests. */
  readonly connections: number
  /** Stops listening and destroys every TLS and upstream socket. */
  close(): Promise<void>
}

const OPENSSL_CONFIG = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = tls-front
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
[client_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
`

/** File names inside the certificate directory; `complete` is written last. */
const FILES = {
  config: 'openssl.cnf',
  caKey: 'ca.key', ca: 'ca.pem',
  serverKey: 'server.key', serverCsr: 'server.csr', server: 'server.pem',
  clientKey: 'client.key', clientCsr: 'client.csr', client: 'client.pem',
  otherCaKey: 'other-ca.key', otherCa: 'other-ca.pem',
  otherClientKey: 'other-client.key', otherClientCsr: 'other-client.csr', otherClient: 'other-client.pem',
  complete: 'complete',
} as const

const cache = new Map<string, Certificates>()

function openssl(dir: string, args: string[]): void {
  try {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OPENSSL_CONF: join(dir, FILES.config) } })
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? ''
    throw new Error(`openssl ${args.join(' ')} failed: ${stderr || (err as Error).message}`, { cause: err })
  }
}

function generate(dir: string): void {
  writeFileSync(join(dir, FILES.config), OPENSSL_CONFIG)
  const key = (file: string): void => openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file])
  const selfSignedCa = (keyFile: string, certFile: string, cn: string): void => {
    key(keyFile)
    openssl(dir, ['req', '-x509', '-new', '-key', keyFile, '-sha256', '-days', '3650', '-subj', `/CN=${cn}`,
      '-config', FILES.config, '-extensions', 'ca_ext', '-out', certFile])
  }
  const leaf = (keyFile: string, csrFile: string, certFile: string, cn: string, caCert: string, caKey: string, ext: string): void => {
    key(keyFile)
    openssl(dir, ['req', '-new', '-key', keyFile, '-subj', `/CN=${cn}`, '-config', FILES.config, '-out', csrFile])
    openssl(dir, ['x509', '-req', '-in', csrFile, '-CA', caCert, '-CAkey', caKey, '-set_serial', `0x${randomBytes(16).toString('hex')}`,
      '-days', '825', '-sha256', '-extfile', FILES.config, '-extensions', ext, '-out', certFile])
  }
  selfSignedCa(FILES.caKey, FILES.ca, 'tls-front test CA')
  leaf(FILES.serverKey, FILES.serverCsr, FILES.server, '127.0.0.1', FILES.ca, FILES.caKey, 'server_ext')
  leaf(FILES.clientKey, FILES.clientCsr, FILES.client, 'tls-front test client', FILES.ca, FILES.caKey, 'client_ext')
  selfSignedCa(FILES.otherCaKey, FILES.otherCa, 'tls-front unrelated CA')
  leaf(FILES.otherClientKey, FILES.otherClientCsr, FILES.otherClient, 'tls-front stranger', FILES.otherCa, FILES.otherCaKey, 'client_ext')
  writeFileSync(join(dir, FILES.complete), '')
}

/**
 * Removes default certificate directories of processes that are gone. Jest runs test files with a sandboxed
 * `process` whose 'exit' listeners never fire, so removeAtExit() alone would leave one directory per worker.
 */
function removeStaleDirectories(): void {
  let entries: string[]
  try {
    entries = readdirSync(tmpdir())
  } catch {
    return
  }
  for (const entry of entries) {
    const match = /^tls-front-(\d+)$/.exec(entry)
    if (!match || Number(match[1]) === process.pid) continue
    try {
      process.kill(Number(match[1]), 0)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') {
        try {
          rmSync(join(tmpdir(), entry), { recursive: true, force: true })
        } catch {
          // another user's directory, or removed concurrently: leave it
        }
      }
    }
  }
}

/** Removes this process's default certificate directory at exit (direct Node runs); registered once per dir. */
function removeAtExit(dir: string): void {
  const registered = process.listeners('exit').some((listener) => (listener as { tlsFrontDir?: string }).tlsFrontDir === dir)
  if (registered) return
  const cleanup = Object.assign(() => rmSync(dir, { recursive: true, force: true }), { tlsFrontDir: dir })
  process.on('exit', cleanup)
}

/**
 * Generates (or reuses) the test certificates. Without `dir` they live in `<os tmp>/tls-front-<pid>`; with
 * `dir` in that directory (created if missing, reused when a previous call completed it, never removed).
 */
export function makeCertificates(dir?: string): Certificates {
  const ownDir = dir === undefined
  const directory = resolvePath(dir ?? join(tmpdir(), `tls-front-${process.pid}`))
  const cached = cache.get(directory)
  if (cached) return cached
  if (!existsSync(join(directory, FILES.complete))) {
    if (ownDir) removeStaleDirectories()
    mkdirSync(directory, { recursive: true, mode: 0o700 })
    if (ownDir) removeAtExit(directory)
    generate(directory)
  } else if (ownDir) {
    removeAtExit(directory)
  }
  const read = (file: string): string => readFileSync(join(directory, file), 'utf8')
  const certs: Certificates = {
    caPem: read(FILES.ca),
    caPath: join(directory, FILES.ca),
    serverKey: read(FILES.serverKey),
    serverCert: read(FILES.server),
    clientKey: read(FILES.clientKey),
    clientCert: read(FILES.client),
    clientKeyPath: join(directory, FILES.clientKey),
    clientCertPath: join(directory, FILES.client),
    otherCaPem: read(FILES.otherCa),
    otherClientKey: read(FILES.otherClientKey),
    otherClientCert: read(FILES.otherClient),
  }
  cache.set(directory, certs)
  return certs
}

export async function startTlsFront(options: TlsFrontOptions): Promise<TlsFront> {
  const target = new URL(options.target)
  if (target.protocol !== 'http:') throw new Error(`tls-front: target must be http://host:port, got ${options.target}`)
  const targetHost = target.hostname.replace(/^\[(.*)\]$/, '$1')
  const targetPort = Number(target.port || 80)
  const requireClientCert = options.requireClientCert === true
  const sockets = new Set<Socket>()
  const track = (socket: Socket): void => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }
  let connections = 0

  const server = createTlsServer({
    key: options.certs.serverKey,
    // Leaf + CA explicitly, rather than relying on OpenSSL building the chain from `ca` (client verification).
    cert: `${options.certs.serverCert.trimEnd()}\n${options.certs.caPem}`,
    ca: [options.certs.caPem],
    requestCert: requireClientCert,
    rejectUnauthorized: requireClientCert,
    ALPNProtocols: ['http/1.1'],
  })
  server.on('connection', (socket: Socket) => {
    track(socket)
    socket.on('error', () => socket.destroy())
  })
  // A failed handshake (no or untrusted client certificate, client distrusting us): the socket is gone.
  server.on('tlsClientError', (_err, socket: TLSSocket) => socket.destroy())
  server.on('secureConnection', (tlsSocket: TLSSocket) => {
    connections++
    track(tlsSocket)
    const upstream = netConnect({ host: targetHost, port: targetPort })
    track(upstream)
    tlsSocket.pipe(upstream)
    upstream.pipe(tlsSocket)
    tlsSocket.on('error', () => upstream.destroy())
    upstream.on('error', () => tlsSocket.destroy())
    tlsSocket.on('close', () => upstream.destroy())
    upstream.on('close', () => tlsSocket.destroy())
  })

  const port = await listenOnLoopback(server)

  let closing: Promise<void> | null = null
  return {
    url: `https://127.0.0.1:${port}`,
    get connections(): number {
      return connections
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
        sockets.clear()
      })
      return closing
    },
  }
}
