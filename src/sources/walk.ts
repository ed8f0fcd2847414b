// Walks a folder for candidate files, and gives every entry it cannot use a reason instead of dropping
// it: a name that is not UTF-8, a symbolic link that leads out of the folder or nowhere, a device or
// pipe. Symbolic links that stay inside `boundary` are followed (a linked folder is walked once).
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { inputName } from '../config/inputs.js'

export interface FoundFile {
  readonly absolutePath: string
  /** Relative to the walk's `base`, with forward slashes. */
  readonly displayPath: string
  readonly size: number
}

export interface UnusableFile {
  readonly displayPath: string
  readonly reason: string
}

export interface WalkOptions {
  /** What display paths are relative to (the workspace, or the artifact's folder). */
  readonly base: string
  /** Links may point anywhere inside this folder, not outside it. */
  readonly boundary: string
  /** Folder names never entered (they never hold reports but can hold many thousands of files). */
  readonly skipFolders?: readonly string[]
}

export function toPosix(path: string): string {
  return path.split(sep).join('/')
}

/** A name as bytes shown safely: valid UTF-8 as text, other bytes as \xNN. */
function shownName(bytes: Buffer): string {
  let out = ''
  for (const byte of bytes) out += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`
  return out
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return !isAbsolute(rel) && rel.split(sep)[0] !== '..'
}

export async function walkFolder(root: string, options: WalkOptions): Promise<{ files: FoundFile[]; unusable: UnusableFile[] }> {
  const files: FoundFile[] = []
  const unusable: UnusableFile[] = []
  const boundary = await realpath(options.boundary).catch(() => options.boundary)
  const skip = new Set(options.skipFolders ?? [])
  const visited = new Set<string>()
  const shown = (path: string) => toPosix(relative(options.base, path))

  const visit = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir)
    if (visited.has(real)) return
    visited.add(real)
    const entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' })
    entries.sort((a, b) => Buffer.compare(a.name, b.name))
    for (const entry of entries) {
      const name = entry.name.toString('utf8')
      if (!Buffer.from(name, 'utf8').equals(entry.name)) {
        unusable.push({ displayPath: toPosix(relative(options.base, join(dir, shownName(entry.name)))), reason: `its name is not valid UTF-8, so it cannot be named to DefectDojo or matched by ${inputName('path')} and ${inputName('scan-types')}: rename it` })
        continue
      }
      const path = join(dir, name)
      if (entry.isDirectory()) {
        if (!skip.has(name)) await visit(path)
        continue
      }
      if (entry.isFile()) {
        const info = await stat(path).catch(() => null)
        if (info) files.push({ absolutePath: path, displayPath: shown(path), size: info.size })
        else unusable.push({ displayPath: shown(path), reason: 'it could not be read (it went away while the folder was walked)' })
        continue
      }
      if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => null)
        if (target === null) {
          unusable.push({ displayPath: shown(path), reason: 'a symbolic link to nothing (its target does not exist)' })
          continue
        }
        if (!inside(target, boundary)) {
          unusable.push({ displayPath: shown(path), reason: `a symbolic link to ${target}, outside ${boundary}: not followed` })
          continue
        }
        const info = await stat(path).catch(() => null)
        if (info?.isDirectory()) {
          if (!skip.has(name)) await visit(path)
        } else if (info?.isFile()) files.push({ absolutePath: path, displayPath: shown(path), size: info.size })
        else unusable.push({ displayPath: shown(path), reason: 'a symbolic link to something that is not a file' })
        continue
      }
      const kind = (await lstat(path).catch(() => null))?.isFIFO() ? 'a named pipe' : 'a device or socket'
      unusable.push({ displayPath: shown(path), reason: `${kind}, not a file` })
    }
  }
  await visit(root)
  return { files, unusable }
}
