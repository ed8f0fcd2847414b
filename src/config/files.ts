// The input files a run needs (PEM files for TLS), read and checked right after the inputs, so a
// missing or wrong file is a configuration error before anything else, in dry-run too.
import { readFile } from 'node:fs/promises'
import { ConfigError } from '../errors.js'
import type { Config } from './config.js'
import { inputSubject, type InputName } from './inputs.js'

/** PEM texts for the DefectDojo connection, or null where not given. */
export interface TlsFiles {
  /** Extra trusted CAs. */
  readonly ca: string | null
  readonly cert: string | null
  readonly key: string | null
}

/** Reads the PEM files named by the inputs; a missing or non-PEM file is a configuration error. */
export async function readConfigFiles(config: Pick<Config, 'caCertificates' | 'clientCertificate' | 'clientKey'>): Promise<TlsFiles> {
  const problems: string[] = []
  const read = async (input: InputName, path: string | null, marker: RegExp): Promise<string | null> => {
    if (!path) return null
    try {
      const text = await readFile(path, 'utf8')
      if (!marker.test(text)) problems.push(`${inputSubject(input)} names ${path}, which holds no PEM block (-----BEGIN …-----).`)
      return text
    } catch (error) {
      problems.push(`${inputSubject(input)} names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)
      return null
    }
  }
  // One after another, so the problems come in the order of the inputs.
  const ca = await read('ca-certificates', config.caCertificates, /-----BEGIN CERTIFICATE-----/)
  const cert = await read('client-certificate', config.clientCertificate, /-----BEGIN CERTIFICATE-----/)
  const key = await read('client-key', config.clientKey, /-----BEGIN [A-Z ]*PRIVATE KEY-----/)
  if (problems.length > 0) throw new ConfigError(problems)
  return { ca, cert, key }
}
