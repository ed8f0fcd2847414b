// Workflow artifacts → Candidates. Lists the run's artifacts through an ArtifactService (the Actions
// shell implements it with @actions/artifact; this module never imports @actions/*), keeps those whose
// names match the `artifacts` patterns, downloads each into a folder of its own (two artifacts often
// hold a `results.json` each: never merge), unpacks it within limits (unzip.ts) and walks every file inside.
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Candidate } from '../model.js'
import { mapLimit } from '../pool.js'
import { anyOf, splitPatterns } from './patterns.js'
import { UnzipError, unzipBounded, type UnzipLimits } from './unzip.js'
import { walkFolder, type UnusableFile } from './walk.js'

export interface ArtifactInfo {
  id: number
  name: string
  size: number
  /** `sha256:<hex>` of the zip, when the service gives it. */
  digest: string | null
  /** Known to be expired (REST listing says so). */
  expired: boolean
}

/** What the shell provides: the artifact backend, plain. */
export interface ArtifactService {
  /** Lists the artifacts of the run (the current one, or another given by run-id). */
  list(): Promise<ArtifactInfo[]>
  /** Downloads one artifact into `directory` as it is stored (a zip, not unpacked); `digestMismatch` when the bytes did not match the listed digest. */
  download(artifact: ArtifactInfo, directory: string): Promise<{ digestMismatch: boolean }>
  /** Turns a library error into one sentence saying what to do. */
  explain(error: unknown, what: 'list' | 'download', artifact?: string): string
}

/** An artifact that could not be used, with the reason. */
export interface ArtifactFailure {
  artifact: string
  reason: string
}

export interface ArtifactFiles {
  candidates: Candidate[]
  failures: ArtifactFailure[]
  /** Files inside artifacts that cannot be used (a link out of the artifact, a name that is not UTF-8…). */
  unusable: Array<UnusableFile & { artifact: string }>
  /** Names of the artifacts listed but not matched by the patterns. */
  unmatched: string[]
  /** Set when listing itself failed: nothing could be downloaded. */
  listError: string | null
}

/** Name filter from `artifacts` patterns: includes (default none) minus `!` excludes. */
export function artifactFilter(patterns: readonly string[]): (name: string) => boolean {
  const { includes, excluded } = splitPatterns(patterns)
  const included = anyOf(includes)
  return (name) => included(name) && !excluded(name)
}

/** Most files one artifact may unpack to (an archive of more is failed whole). */
export const MAX_FILES = 10_000

/**
 * Lists, downloads and unpacks the matching artifacts, each into a folder of its own. `maxFileBytes`
 * (`max-report-size-mb`) bounds every unpacked file, ten times it the whole artifact.
 */
export async function collectArtifacts(service: ArtifactService, patterns: readonly string[], directory: string, maxFileBytes: number, concurrency = 4): Promise<ArtifactFiles> {
  const result: ArtifactFiles = { candidates: [], failures: [], unusable: [], unmatched: [], listError: null }
  if (patterns.length === 0) return result
  let listed: ArtifactInfo[]
  try {
    listed = await service.list()
  } catch (error) {
    result.listError = service.explain(error, 'list')
    return result
  }
  const keep = artifactFilter(patterns)
  const chosen = listed.filter((a) => keep(a.name)).sort((a, b) => a.name.localeCompare(b.name))
  result.unmatched = listed.filter((a) => !keep(a.name)).map((a) => a.name)

  const limits: UnzipLimits = { maxEntryBytes: maxFileBytes, maxTotalBytes: 10 * maxFileBytes, maxEntries: MAX_FILES }
  const perArtifact = await mapLimit(chosen, concurrency, async (artifact, index): Promise<Candidate[]> => {
    // Folder names from the index, not the artifact name: names may hold characters a file system refuses.
    const target = join(directory, `${String(index + 1).padStart(3, '0')}-${artifact.id}`)
    const fail = (reason: string): Candidate[] => {
      result.failures.push({ artifact: artifact.name, reason })
      return []
    }
    if (artifact.expired) return fail('the artifact has expired (past its retention period): re-run the job that uploaded it')
    const download = `${target}.download`
    try {
      await mkdir(download, { recursive: true })
      await mkdir(target, { recursive: true })
      const { digestMismatch } = await service.download(artifact, download)
      if (digestMismatch) return fail(`the downloaded artifact does not match its digest ${artifact.digest ?? ''}: it was corrupted in transit or storage, so none of its files were used`)
      // The service leaves the artifact as it is stored: a zip (unpacked here, within limits) or one unarchived file.
      for (const name of await readdir(download)) {
        const file = join(download, name)
        if (await isZip(file)) await unzipBounded(file, target, limits)
        else await rename(file, join(target, name))
      }
    } catch (error) {
      if (error instanceof UnzipError) return fail(`${error.message}, so none of its files were used`)
      return fail(service.explain(error, 'download', artifact.name))
    } finally {
      await rm(download, { recursive: true, force: true })
    }
    const { files, unusable } = await walkFolder(target, { base: target, boundary: target })
    for (const file of unusable) result.unusable.push({ artifact: artifact.name, ...file })
    return files.sort((a, b) => a.displayPath.localeCompare(b.displayPath)).map((f) => ({ ...f, artifact: artifact.name }))
  })
  result.candidates = perArtifact.flat()
  return result
}

/** A zip archive starts with a local file header (or, when empty, the end of central directory). */
async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    return bytesRead === 4 && (head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || head.equals(Buffer.from([0x50, 0x4b, 0x05, 0x06])))
  } finally {
    await handle.close()
  }
}
