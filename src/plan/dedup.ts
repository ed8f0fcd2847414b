// Deduplication by target test, not by bytes. Two clean reports of two scanners or two services are
// byte for byte the same (`[]`), and each must still reimport into its own test, or that test's fixed
// findings stay open forever. So a file is uploaded once per distinct test it plans to, and skipped
// only when it is the very same report reached twice, or when the same content would go to the same
// test again. Only files of equal size are hashed, so the usual run, where every report has its own
// size or its own test, reads nothing.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { theInput } from '../config/inputs.js'
import { CollisionError } from '../errors.js'
import { reportLabel, type Candidate, type PlannedUpload } from '../model.js'

/** Streams a file through sha256. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A skipped copy and the report that is used instead. */
export interface Copy {
  readonly copy: number
  readonly kept: number
  readonly why: 'same-file' | 'same-test'
}

/**
 * The very same report reached twice: a file of a downloaded artifact that is also in the workspace
 * (actions/download-artifact put it there, as `<folder>/<artifact>/<path>` for several artifacts or
 * `<folder>/<path>` for one, and `path` found it). Same content, and the workspace path ends with the
 * artifact's name and path; with the artifact's path alone only when no other artifact file of that
 * path and content could be the one. The workspace file, found first, is kept.
 */
export async function sameFiles(candidates: readonly Candidate[]): Promise<Copy[]> {
  const hashes = new Map<number, Promise<string>>()
  const hash = (index: number) => hashes.get(index) ?? hashes.set(index, sha256File(candidates[index]!.absolutePath)).get(index)!
  const same = async (a: number, b: number) => candidates[a]!.size === candidates[b]!.size && (await hash(a)) === (await hash(b))
  const endsWith = (path: string, tail: string) => path === tail || path.endsWith(`/${tail}`)
  const workspace = candidates.flatMap((c, index) => (c.artifact === null ? [index] : []))
  const artifacts = candidates.flatMap((c, index) => (c.artifact !== null ? [index] : []))
  const copies: Copy[] = []
  const used = new Set<number>()
  for (const a of artifacts) {
    const { artifact, displayPath } = candidates[a]!
    for (const w of workspace) {
      if (!used.has(w) && endsWith(candidates[w]!.displayPath, `${artifact}/${displayPath}`) && (await same(a, w))) {
        copies.push({ copy: a, kept: w, why: 'same-file' })
        used.add(w)
        break
      }
    }
  }
  const copied = new Set(copies.map((c) => c.copy))
  for (const w of workspace) {
    if (used.has(w)) continue
    const matches: number[] = []
    for (const a of artifacts) if (!copied.has(a) && endsWith(candidates[w]!.displayPath, candidates[a]!.displayPath) && (await same(a, w))) matches.push(a)
    if (matches.length === 1) {
      copies.push({ copy: matches[0]!, kept: w, why: 'same-file' })
      copied.add(matches[0]!)
      used.add(w)
    }
  }
  return copies
}

/** The DefectDojo test an upload lands in: reimport finds it by product, engagement, scan type and title (docs/defectdojo-api.md §b). */
export function testKey(upload: PlannedUpload): string {
  const t = upload.target
  return JSON.stringify([t.product, t.engagement, upload.recognition.scanType, t.testTitle])
}

/**
 * Uploads that would land in one test: the same content is sent once (the others are copies of the
 * first); different contents would take turns closing each other's findings on every run, which is a
 * collision, reported before anything is sent.
 */
export async function oneUploadPerTest(planned: readonly PlannedUpload[]): Promise<{ copies: Copy[]; collision: CollisionError | null }> {
  const byTest = new Map<string, number[]>()
  planned.forEach((upload, index) => byTest.set(testKey(upload), [...(byTest.get(testKey(upload)) ?? []), index]))
  const copies: Copy[] = []
  const clashes: number[][] = []
  for (const group of byTest.values()) {
    if (group.length < 2) continue
    const firstWithContent = new Map<string, number>()
    for (const index of group) {
      const upload = planned[index]!
      const digest = `${upload.candidate.size}:${await sha256File(upload.candidate.absolutePath)}`
      const kept = firstWithContent.get(digest)
      if (kept === undefined) firstWithContent.set(digest, index)
      else copies.push({ copy: index, kept, why: 'same-test' })
    }
    if (firstWithContent.size > 1) clashes.push([...firstWithContent.values()])
  }
  if (clashes.length === 0) return { copies, collision: null }
  const lines = clashes.map((group) => {
    const first = planned[group[0]!]!
    const t = first.target
    return `- ${group.map((i) => reportLabel(planned[i]!.candidate)).join(', ')} → product "${t.product}", engagement "${t.engagement}", ${first.recognition.scanType}, test "${t.testTitle}"`
  })
  return {
    copies,
    collision: new CollisionError(
      `These reports would land in the same DefectDojo test and close each other's findings on every run:\n${lines.join('\n')}\n` +
        `Give each its own test: add {report}, {artifact} or {file} to ${theInput('test-title')}, or route them apart with ${theInput('engagement')}.`
    )
  }
}
