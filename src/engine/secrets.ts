// Secrets never reach anything the run writes. The runner masks them in its log, but not in the
// results file, the outputs or the summary, and a command line has no runner at all; an error body
// that echoes request headers would otherwise carry the token into all of them.
import { splitLines } from '../config/config.js'
import type { RawInputs } from '../config/inputs.js'

/** Short values would be found everywhere: only values this long are secrets worth hiding. */
const SHORTEST = 4

/** The secret values among the raw inputs: the tokens and every `extra-headers` value. */
export function secretsOf(raw: RawInputs): string[] {
  const headers = splitLines(raw['extra-headers'] ?? '').map((line) => line.slice(line.indexOf(':') + 1).trim())
  const values = [raw['defectdojo-token'], raw['github-token'], ...headers].map((v) => v?.trim() ?? '').filter((v) => v.length >= SHORTEST)
  // Longest first, so a secret that contains another is hidden whole.
  return [...new Set(values)].sort((a, b) => b.length - a.length)
}

/** Replaces every secret with `***`, and the `user:password@` of any URL with `***@`. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  return (text) => {
    let out = text
    for (const secret of secrets) out = out.split(secret).join('***')
    return out.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@')
  }
}
