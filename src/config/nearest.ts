// How close two names are, for "did you mean": an unknown command-line option, a misspelled input.

/** Edit distance (insertions, deletions, substitutions and swaps of two neighbours), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let beforePrevious: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      // Two letters swapped count as one edit (`tgas` → `tags`).
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, beforePrevious[j - 2]! + 1)
      best = Math.min(best, current[j]!)
    }
    if (best > limit) return limit + 1
    beforePrevious = previous
    previous = current
  }
  return previous[b.length]!
}

/** A name as people vary it: case, and `_`, `-`, spaces or nothing between words all alike. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[-_\s]+/g, '-')
}

/**
 * The known name `given` most likely means: the same name in another case or separator, else the only
 * one within `maxDistance` edits (the nearest, when several are), else null.
 */
export function nearestName(given: string, known: readonly string[], maxDistance = 2): string | null {
  const loose = looseName(given)
  const same = known.find((k) => looseName(k) === loose)
  if (same) return same
  let best: { name: string; distance: number } | null = null
  for (const name of known) {
    const distance = editDistance(loose, looseName(name), maxDistance)
    if (distance <= maxDistance && (best === null || distance < best.distance)) best = { name, distance }
  }
  return best?.name ?? null
}
