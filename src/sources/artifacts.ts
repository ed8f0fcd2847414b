// Workflow artifacts → Candidates. Lists the run's artifacts through an ArtifactService (the Actions
// shell implements it with @actions/artifact; this module never imports @actions/*), keeps those whose
// names match the `artifacts` patterns, downloads each into a folder of its own (two artifacts often
// hold a `results.json` each: never merge) and walks every file inside.
import { mkdir, readdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Candidate } from '../model.js'
import { mapLimit } from '../pool.js'
import { anyOf, splitPatterns } from './patterns.js'

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
  /** Downloads and unpacks one artifact into `directory`; `digestMismatch` when the bytes did not match the listed digest. */
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

export async function collectArtifacts(service: ArtifactService, patterns: readonly string[], directory: string, concurrency = 4): Promise<ArtifactFiles> {
  const result: ArtifactFiles = { candidates: [], failures: [], unmatched: [], listError: null }
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

  const perArtifact = await mapLimit(chosen, concurrency, async (artifact, index): Promise<Candidate[]> => {
    // Folder names from the index, not the artifact name: names may hold characters a file system refuses.
    const target = join(directory, `${String(index + 1).padStart(3, '0')}-${artifact.id}`)
    if (artifact.expired) {
      result.failures.push({ artifact: artifact.name, reason: 'the artifact has expired (past its retention period): re-run the job that uploaded it' })
      return []
    }
    try {
      await mkdir(target, { recursive: true })
      const { digestMismatch } = await service.download(artifact, target)
      if (digestMismatch) {
        result.failures.push({ artifact: artifact.name, reason: `the downloaded artifact does not match its digest ${artifact.digest ?? ''}: it was corrupted in transit or storage, so none of its files were used` })
        return []
      }
      return await walk(target, artifact.name)
    } catch (error) {
      result.failures.push({ artifact: artifact.name, reason: service.explain(error, 'download', artifact.name) })
      return []
    }
  })
  result.candidates = perArtifact.flat()
  return result
}

/** Every file below `root`, as Candidates of `artifact` with paths relative to the artifact's root. */
async function walk(root: string, artifact: string): Promise<Candidate[]> {
  const out: Candidate[] = []
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await visit(path)
      else if (entry.isFile()) {
        const info = await stat(path)
        out.push({ absolutePath: path, displayPath: relative(root, path).split(sep).join('/'), artifact, size: info.size })
      }
    }
  }
  await visit(root)
  return out
}
