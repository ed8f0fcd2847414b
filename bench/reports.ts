// Real-shaped Gitleaks 8 JSON reports (an array of findings, pretty-printed as gitleaks writes them) of an
// exact byte size, deterministic per seed. Small ones are built in memory; the huge one is streamed to
// disk in chunks with back-pressure, so generating 1 GiB never holds more than a few MB.
import { createHash } from 'node:crypto'
import { createWriteStream, writeFileSync } from 'node:fs'

const RULES = [
  ['generic-api-key', 'Detected a Generic API Key, potentially exposing access to various services and sensitive operations.'],
  ['aws-access-token', 'Identified a pattern that may indicate AWS credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.'],
  ['github-pat', 'Uncovered a GitHub Personal Access Token, potentially leading to unauthorized repository access and sensitive content exposure.'],
  ['private-key', 'Identified a Private Key, which may compromise cryptographic security and sensitive data encryption.'],
  ['slack-webhook-url', 'Discovered a Slack Webhook, which could lead to unauthorized message posting and data leakage in Slack channels.']
] as const
const AUTHORS = [['Dana Developer', 'dana@example.org'], ['Sam Ops', 'sam@example.org'], ['Kim Build', 'kim@example.org']] as const

/** A fixed pool of pseudo-random text; findings take slices of it (cheap, and no two findings alike). */
const POOL = (() => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let state = 0x9e3779b9
  let out = ''
  for (let i = 0; i < 1 << 17; i++) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    out += alphabet[(state >>> 0) % alphabet.length]
  }
  return out
})()

function slice(seed: number, length: number): string {
  const start = (seed * 7919) % (POOL.length - length)
  return POOL.slice(start, start + length)
}

function hex(seed: number, length: number): string {
  let out = ''
  let state = (seed * 2654435761) >>> 0 || 1
  while (out.length < length) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    out += (state >>> 0).toString(16).padStart(8, '0')
  }
  return out.slice(0, length)
}

/** One finding as gitleaks prints it (2-space indent inside the array); ASCII only, so chars = bytes. */
function finding(seed: number, matchLength: number, padding = 0): string {
  const [rule, description] = RULES[seed % RULES.length]!
  const [author, email] = AUTHORS[seed % AUTHORS.length]!
  const line = 1 + (seed % 4000)
  const file = `services/svc-${seed % 97}/src/module-${seed % 13}/file-${seed}.js`
  const commit = hex(seed, 40)
  const secret = slice(seed, 40)
  const match = `const token = '${secret}'; ${slice(seed + 1, Math.max(0, matchLength - 60))}`
  return [
    '  {',
    `    "RuleID": "${rule}",`,
    `    "Description": "${description}",`,
    `    "StartLine": ${line},`,
    `    "EndLine": ${line},`,
    `    "StartColumn": 15,`,
    `    "EndColumn": ${15 + match.length},`,
    `    "Match": "${match}",`,
    `    "Secret": "${secret}",`,
    `    "File": "${file}",`,
    '    "SymlinkFile": "",',
    `    "Commit": "${commit}",`,
    `    "Entropy": ${(3 + (seed % 1000) / 1000).toFixed(4)},`,
    `    "Author": "${author}",`,
    `    "Email": "${email}",`,
    `    "Date": "2026-10-${String(1 + (seed % 28)).padStart(2, '0')}T09:14:55Z",`,
    `    "Message": "change ${seed}${'-'.repeat(padding)}",`,
    '    "Tags": [],',
    `    "Fingerprint": "${commit}:${file}:${rule}:${line}"`,
    '  }'
  ].join('\n')
}

const OPEN = '[\n'
const SEPARATOR = ',\n'
const CLOSE = '\n]\n'

/**
 * The report as chunks of roughly `chunkBytes`, exactly `totalBytes` long together: findings with a
 * Match of about `matchLength` characters, the last one padded to land on the size.
 */
export function* gitleaksChunks(totalBytes: number, seed: number, matchLength: number, chunkBytes = 4 * 1024 * 1024): Generator<string> {
  const probe = finding(seed, matchLength).length
  if (totalBytes < OPEN.length + CLOSE.length + 2 * probe) throw new Error(`a report of ${totalBytes} bytes is too small for findings of ${probe} bytes`)
  let written = OPEN.length
  let chunk = OPEN
  let n = 0
  // Stop while there is room for one padded finding of at least one normal finding's size.
  const limit = totalBytes - CLOSE.length - 3 * probe
  while (written < limit) {
    const text = (n > 0 ? SEPARATOR : '') + finding(seed + n, matchLength)
    chunk += text
    written += text.length
    n++
    if (chunk.length >= chunkBytes) {
      yield chunk
      chunk = ''
    }
  }
  const separator = n > 0 ? SEPARATOR : ''
  // The last finding's Message is padded with exactly the bytes still missing.
  const room = totalBytes - written - CLOSE.length - separator.length - finding(seed + n, matchLength).length
  const last = finding(seed + n, matchLength, room)
  chunk += separator + last + CLOSE
  yield chunk
}

/** Writes a small report in one go. */
export function writeGitleaksReport(path: string, totalBytes: number, seed: number, matchLength = 600): void {
  writeFileSync(path, [...gitleaksChunks(totalBytes, seed, matchLength)].join(''))
}

/** Streams a huge report to disk, waiting for the stream to drain between chunks; returns its sha256 (hex). */
export async function writeHugeGitleaksReport(path: string, totalBytes: number, seed: number, matchLength = 3500): Promise<string> {
  const out = createWriteStream(path)
  const hash = createHash('sha256')
  const failed = new Promise<never>((_, reject) => out.once('error', reject))
  try {
    for (const chunk of gitleaksChunks(totalBytes, seed, matchLength)) {
      hash.update(chunk)
      if (!out.write(chunk)) await Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), failed])
    }
    await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed])
    return hash.digest('hex')
  } catch (error) {
    out.destroy()
    throw error
  }
}

/** A report of exactly `count` findings (seeds `seed` … `seed + count - 1`), each with a Match of about `matchLength` characters. */
export function writeGitleaksFindings(path: string, count: number, seed: number, matchLength = 200): void {
  const findings: string[] = []
  for (let i = 0; i < count; i++) findings.push(finding(seed + i, matchLength))
  writeFileSync(path, OPEN + findings.join(SEPARATOR) + CLOSE)
}
