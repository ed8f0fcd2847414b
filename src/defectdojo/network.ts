// The HTTP dispatcher for DefectDojo, shaped for company networks: HTTP(S)_PROXY / NO_PROXY honoured
// (undici's EnvHttpProxyAgent; Node's built-in fetch ignores them), a private CA added to Node's
// trusted roots (never replacing them), a client certificate for mTLS, and timeouts sized for
// DefectDojo, which parses a report before it sends any response header.
import { rootCertificates } from 'node:tls'
import { EnvHttpProxyAgent, type Dispatcher } from 'undici'
import type { TlsFiles } from '../config/files.js'

export interface NetworkOptions extends TlsFiles {
  requestTimeoutMs: number
  connectTimeoutMs: number
}

export function createDispatcher(options: NetworkOptions): Dispatcher {
  const tls = {
    ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
    ...(options.cert && options.key ? { cert: options.cert, key: options.key } : {})
  }
  return new EnvHttpProxyAgent({
    // Direct connections.
    connect: { timeout: options.connectTimeoutMs, ...tls },
    // Through a proxy: TLS to DefectDojo inside the tunnel, and the same CA for an https proxy.
    requestTls: tls,
    proxyTls: options.ca ? { ca: [...rootCertificates, options.ca] } : {},
    connectTimeout: options.connectTimeoutMs,
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
    keepAliveTimeout: 30_000
  } as ConstructorParameters<typeof EnvHttpProxyAgent>[0])
}
