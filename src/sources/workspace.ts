// `path` → Candidates: each line a file, a folder (walked recursively) or a glob, relative to the
// workspace; `!pattern` excludes. Files are listed, never read here. Every file a line reaches ends
// as a candidate or as an unusable file with its reason: nothing is dropped without a word.
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import picomatch from 'picomatch'
import { inputName } from '../config/inputs.js'
import type { Candidate } from '../model.js'
import { splitPatterns } from './patterns.js'
import { toPosix, walkFolder, type UnusableFile } from './walk.js'

/** Folders that never hold reports but can hold many thousands of files: not walked. */
const NEVER_REPORTS = ['.git', 'node_modules']

export interface WorkspaceFiles {
  candidates: Candidate[]
  /** Files reached that cannot be used (a name that is not UTF-8, a link out of the workspace…), each with its reason. */
  unusable: UnusableFile[]
  /** Lines that matched nothing, each a sentence for a warning. */
  unmatched: string[]
  /** Files that several lines reached, each a sentence for the log: they are looked at once. */
  notes: string[]
  /** Absolute paths of the files a `path` line names explicitly (not reached by walking a folder or a glob). */
  named: ReadonlySet<string>
}

export async function findWorkspaceFiles(lines: readonly string[], workspace: string): Promise<WorkspaceFiles> {
  const { includes, excluded } = splitPatterns(lines.map(toPosix))
  const found = new Map<string, Candidate>()
  const reachedBy = new Map<string, string[]>()
  const unusable = new Map<string, UnusableFile>()
  const unmatched: string[] = []
  const named = new Set<string>()
  const add = (absolutePath: string, displayPath: string, size: number, line: string): void => {
    if (!found.has(absolutePath)) found.set(absolutePath, { absolutePath, displayPath, artifact: null, size })
    reachedBy.set(absolutePath, [...(reachedBy.get(absolutePath) ?? []), line])
  }
  const walk = async (folder: string, line: string, keep: (displayPath: string) => boolean): Promise<number> => {
    const { files, unusable: bad } = await walkFolder(folder, { base: workspace, boundary: workspace, skipFolders: NEVER_REPORTS })
    let reached = 0
    files.sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : a.absolutePath > b.absolutePath ? 1 : 0))
    for (const file of files.filter((f) => keep(f.displayPath))) {
      add(file.absolutePath, file.displayPath, file.size, line)
      reached++
    }
    for (const file of bad.filter((f) => keep(f.displayPath))) {
      unusable.set(file.displayPath, file)
      reached++
    }
    return reached
  }
  for (const line of includes) {
    const absolute = resolve(workspace, line)
    const glob = picomatch.scan(line)
    if (!glob.isGlob) {
      // A file named explicitly may be anywhere, also behind a symbolic link.
      const info = await stat(absolute).catch(() => null)
      if (info?.isFile()) {
        const rel = toPosix(relative(workspace, absolute))
        add(absolute, rel.startsWith('../') || isAbsolute(rel) ? line : rel, info.size, line)
        named.add(absolute)
      } else if (info?.isDirectory()) {
        if ((await walk(absolute, line, () => true)) === 0) unmatched.push(`${inputName('path')} line "${line}" matches no file.`)
      } else {
        unmatched.push(`${inputName('path')} line "${line}" matches no file or folder under ${workspace}.`)
      }
      continue
    }
    // A glob: walk from its fixed prefix, keep what the glob matches (relative to the workspace).
    const matches = picomatch(toPosix(relative(workspace, absolute)) || line, { dot: true })
    const base = resolve(workspace, glob.base || '.')
    const exists = await stat(base).then((s) => s.isDirectory()).catch(() => false)
    if (!exists || (await walk(base, line, matches)) === 0) unmatched.push(`${inputName('path')} line "${line}" matches no file.`)
  }
  // Excludes apply to the path as shown (relative to the workspace), whichever line found the file.
  const candidates = [...found.values()].filter((c) => !excluded(c.displayPath))
  const notes = candidates.flatMap((c) => {
    const reached = reachedBy.get(c.absolutePath)!
    return reached.length > 1 ? [`${c.displayPath} is reached by ${inputName('path')} lines ${reached.map((l) => `"${l}"`).join(' and ')}: looked at once.`] : []
  })
  return { candidates, unusable: [...unusable.values()].filter((u) => !excluded(u.displayPath)), unmatched, notes, named }
}
