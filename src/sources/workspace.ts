// `path` → Candidates: each line a file, a folder (walked recursively) or a glob, relative to the
// workspace; `!pattern` excludes. Files are listed, never read here.
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { inputName } from '../config/inputs.js'
import type { Candidate } from '../model.js'
import { splitPatterns } from './patterns.js'

/** Folders that never hold reports but can hold many thousands of files: not walked. */
const NEVER_REPORTS = ['**/.git/**', '**/node_modules/**']

export interface WorkspaceFiles {
  candidates: Candidate[]
  /** Lines that matched nothing, each a sentence for a warning. */
  unmatched: string[]
  /** Files that several lines reached, each a sentence for the log: they are looked at once. */
  notes: string[]
}

export async function findWorkspaceFiles(lines: readonly string[], workspace: string): Promise<WorkspaceFiles> {
  const { includes, excluded } = splitPatterns(lines.map(toPosix))
  const found = new Map<string, Candidate>()
  const reachedBy = new Map<string, string[]>()
  const unmatched: string[] = []
  const add = (absolutePath: string, displayPath: string, size: number, line: string): void => {
    if (!found.has(absolutePath)) found.set(absolutePath, { absolutePath, displayPath, artifact: null, size })
    reachedBy.set(absolutePath, [...(reachedBy.get(absolutePath) ?? []), line])
  }
  for (const line of includes) {
    const absolute = resolve(workspace, line)
    const info = isDynamicPattern(line) ? null : await stat(absolute).catch(() => null)
    let pattern: string
    let cwd = workspace
    if (info?.isFile()) {
      pattern = toPosix(relative(workspace, absolute))
      // A file outside the workspace is fine when named explicitly.
      if (pattern.startsWith('../') || isAbsolute(pattern)) {
        add(absolute, line, info.size, line)
        continue
      }
    } else if (info?.isDirectory()) {
      cwd = absolute
      pattern = '**/*'
    } else if (isDynamicPattern(line)) {
      pattern = toPosix(line)
    } else {
      unmatched.push(`${inputName('path')} line "${line}" matches no file or folder under ${workspace}.`)
      continue
    }
    const files = await glob(pattern, { cwd, dot: true, onlyFiles: true, absolute: true, followSymbolicLinks: false, expandDirectories: false, ignore: NEVER_REPORTS })
    if (files.length === 0) unmatched.push(`${inputName('path')} line "${line}" matches no file.`)
    for (const file of files.sort()) {
      const info = await stat(file).catch(() => null)
      if (info?.isFile()) add(file, toPosix(relative(workspace, file)), info.size, line)
    }
  }
  // Excludes apply to the path as shown (relative to the workspace), whichever line found the file.
  const candidates = [...found.values()].filter((c) => !excluded(c.displayPath))
  const notes = candidates.flatMap((c) => {
    const lines = reachedBy.get(c.absolutePath)!
    return lines.length > 1 ? [`${c.displayPath} is reached by ${inputName('path')} lines ${lines.map((l) => `"${l}"`).join(' and ')}: looked at once.`] : []
  })
  return { candidates, unmatched, notes }
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}
