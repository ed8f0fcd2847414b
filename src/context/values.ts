// Reading loosely typed environment and payload values.

type Json = Record<string, unknown>

/** The value at `path` inside nested objects, or undefined. */
export function get(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Json)[step]
  }
  return current
}

/** A non-empty string, or null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}
