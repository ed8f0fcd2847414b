// The HTTP dispatcher for DefectDojo, shaped for company networks: HTTP(S)_PROXY / NO_PROXY honoured
// (undici's EnvHttpProxyAgent; Node's built-in fetch ignores them), a private CA added to Node's
// trusted roots (never replacing them), a client certificate for mTLS, and timeouts sized for
// DefectDojo, which parses a report before it sends any response header.
import { readFile } from 'node:fs/promises'
import { rootCertificates } from 'node:tls'
import { EnvHttpProxyAgent, type Dispatcher } from 'undici'
import { ConfigError } from '../config.js'

export interface NetworkFiles {
  caCertificates: string | null
  clientCertificate: string | null
  clientKey: string | null
}

export interface NetworkOptions {
  /** PEM text of extra trusted CAs. */
  ca: string | null
  cert: string | null
  key: string | null
  requestTimeoutMs: number
  connectTimeoutMs: number
}

/** Reads the PEM files named by the inputs; a missing or non-PEM file is an input error. */
export async function readNetworkFiles(files: NetworkFiles): Promise<Pick<NetworkOptions, 'ca' | 'cert' | 'key'>> {
  const problems: string[] = []
  const read = async (input: string, path: string | null, marker: RegExp): Promise<string | null> => {
    if (!path) return null
    try {
      const text = await readFile(path, 'utf8')
      if (!marker.test(text)) problems.push(`Input \`${input}\` names ${path}, which holds no PEM block (-----BEGIN …-----).`)
      return text
    } catch (error) {
      problems.push(`Input \`${input}\` names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)
      return null
    }
  }
  const ca = await read('ca-certificates', files.caCertificates, /-----BEGIN CERTIFICATE-----/)
  const cert = await read('client-certificate', files.clientCertificate, /-----BEGIN CERTIFICATE-----/)
  const key = await read('client-key', files.clientKey, /-----BEGIN [A-Z ]*PRIVATE KEY-----/)
  if (problems.length > 0) throw new ConfigError(problems)
  return { ca, cert, key }
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
