// Include / exclude pattern lists, as the `path` and `artifacts` inputs take them: a line starting
// with `!` excludes what the others include.
import picomatch from 'picomatch'

export interface Patterns {
  readonly includes: readonly string[]
  readonly excludes: readonly string[]
  /** True when a name matches an exclude pattern. */
  readonly excluded: (name: string) => boolean
}

export function splitPatterns(lines: readonly string[]): Patterns {
  const includes = lines.filter((line) => !line.startsWith('!'))
  const excludes = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1))
  return { includes, excludes, excluded: anyOf(excludes) }
}

/** A matcher for any of the globs (dot files included); nothing matches an empty list. */
export function anyOf(globs: readonly string[]): (name: string) => boolean {
  return globs.length > 0 ? picomatch([...globs], { dot: true }) : () => false
}
