// `path` → Candidates: each line a file, a folder (walked recursively) or a glob, relative to the
// workspace; `!pattern` excludes. Files are listed, never read here.
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import type { Candidate } from '../model.js'
import { splitPatterns } from './patterns.js'

/** Folders that never hold reports but can hold many thousands of files: not walked. */
const NEVER_REPORTS = ['**/.git/**', '**/node_modules/**']

export interface WorkspaceFiles {
  candidates: Candidate[]
  /** Lines that matched nothing, each a sentence for a warning. */
  unmatched: string[]
}

export async function findWorkspaceFiles(lines: readonly string[], workspace: string): Promise<WorkspaceFiles> {
  const { includes, excluded } = splitPatterns(lines.map(toPosix))
  const found = new Map<string, Candidate>()
  const unmatched: string[] = []
  for (const line of includes) {
    const absolute = resolve(workspace, line)
    const info = isDynamicPattern(line) ? null : await stat(absolute).catch(() => null)
    let pattern: string
    let cwd = workspace
    if (info?.isFile()) {
      pattern = toPosix(relative(workspace, absolute))
      // A file outside the workspace is fine when named explicitly.
      if (pattern.startsWith('../') || isAbsolute(pattern)) {
        add(found, absolute, line, info.size)
        continue
      }
    } else if (info?.isDirectory()) {
      cwd = absolute
      pattern = '**/*'
    } else if (isDynamicPattern(line)) {
      pattern = toPosix(line)
    } else {
      unmatched.push(`\`path\` line "${line}" matches no file or folder under ${workspace}.`)
      continue
    }
    const files = await glob(pattern, { cwd, dot: true, onlyFiles: true, absolute: true, followSymbolicLinks: false, expandDirectories: false, ignore: NEVER_REPORTS })
    if (files.length === 0) unmatched.push(`\`path\` line "${line}" matches no file.`)
    for (const file of files.sort()) {
      const info = await stat(file).catch(() => null)
      if (info?.isFile()) add(found, file, toPosix(relative(workspace, file)), info.size)
    }
  }
  // Excludes apply to the path as shown (relative to the workspace), whichever line found the file.
  const candidates = [...found.values()].filter((c) => !excluded(c.displayPath))
  return { candidates, unmatched }
}

function add(found: Map<string, Candidate>, absolutePath: string, displayPath: string, size: number): void {
  if (!found.has(absolutePath)) found.set(absolutePath, { absolutePath, displayPath, artifact: null, size })
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}
