// The same report reached twice (an artifact that was also downloaded into the workspace, a folder
// listed twice under different names) is uploaded once. Only files of equal size are hashed, so the
// usual run, where every report has its own size, reads nothing.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { Candidate } from '../model.js'

/** Streams a file through sha256. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Groups candidates with identical content. Returns, for each candidate that is a copy, the index of
 * the one kept (the first in input order: workspace files come before artifacts).
 */
export async function findCopies(candidates: readonly Candidate[]): Promise<Map<number, number>> {
  const bySize = new Map<number, number[]>()
  candidates.forEach((c, index) => bySize.set(c.size, [...(bySize.get(c.size) ?? []), index]))
  const copies = new Map<number, number>()
  for (const indexes of bySize.values()) {
    if (indexes.length < 2) continue
    const byHash = new Map<string, number>()
    for (const index of indexes) {
      const digest = await sha256File(candidates[index]!.absolutePath)
      const kept = byHash.get(digest)
      if (kept === undefined) byHash.set(digest, index)
      else copies.set(index, kept)
    }
  }
  return copies
}
