// Files checked into the repository are not this run's reports: sample reports under tests/, the
// fixtures of a scanner's own test suite. When `path` reaches a file by walking a folder or a glob,
// a file git tracks and that is unchanged from HEAD is left out, with one line saying how many.
// Never left out: a file `path` names explicitly, a tracked file the run changed (a regenerated
// `.secrets.baseline`, a SARIF a bot commits), anything from artifacts (they never pass here). Where
// git is missing or refuses the folder (a container job's "dubious ownership"), nothing is left out
// and one line says why. `include-tracked-files` turns it off.
import { execFile } from 'node:child_process'
import { realpath } from 'node:fs/promises'
import { isAbsolute, relative } from 'node:path'
import { promisify } from 'node:util'
import { inputName, inputSetting } from '../config/inputs.js'
import { toPosix } from './walk.js'
import type { WorkspaceFiles } from './workspace.js'

const run = promisify(execFile)

/** What git says about the workspace: the tracked files unchanged from HEAD, or why it cannot say. */
export type CheckedIn =
  | { readonly kind: 'repository'; readonly top: string; readonly unchanged: ReadonlySet<string> }
  /** Not inside a git work tree: nothing is checked in. */
  | { readonly kind: 'none' }
  | { readonly kind: 'unavailable'; readonly why: string }

/** Large monorepos list many files; the listing is held once. */
const MAX_BUFFER = 512 * 1024 * 1024

async function git(args: readonly string[], cwd: string): Promise<{ ok: true; stdout: string } | { ok: false; missing: boolean; stderr: string }> {
  try {
    const { stdout } = await run('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' })
    return { ok: true, stdout }
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string }
    return { ok: false, missing: e.code === 'ENOENT', stderr: String(e.stderr ?? e.message ?? '') }
  }
}

/** The files git tracks under the workspace's repository that are unchanged from HEAD (paths relative to its top). */
export async function checkedInFiles(workspace: string): Promise<CheckedIn> {
  const top = await git(['rev-parse', '--show-toplevel'], workspace)
  if (!top.ok) {
    if (top.missing) return { kind: 'unavailable', why: 'git is not installed' }
    if (/dubious ownership/i.test(top.stderr)) return { kind: 'unavailable', why: 'git refuses the checkout ("dubious ownership": it belongs to another user, as in a container job)' }
    if (/not a git repository/i.test(top.stderr)) return { kind: 'none' }
    return { kind: 'unavailable', why: `git failed: ${top.stderr.trim().split('\n')[0] ?? ''}` }
  }
  const root = await realpath(top.stdout.trim()).catch(() => top.stdout.trim())
  const [listed, changed] = await Promise.all([git(['ls-files', '-z'], root), git(['diff', '--name-only', '--no-renames', '-z', 'HEAD', '--'], root)])
  if (!listed.ok) return { kind: 'unavailable', why: `git ls-files failed: ${listed.stderr.trim().split('\n')[0] ?? ''}` }
  // No HEAD yet (a repository without commits): nothing is unchanged from it.
  if (!changed.ok) return { kind: 'repository', top: root, unchanged: new Set() }
  const modified = new Set(changed.stdout.split('\0'))
  return { kind: 'repository', top: root, unchanged: new Set(listed.stdout.split('\0').filter((f) => f !== '' && !modified.has(f))) }
}

export interface WithoutCheckedIn {
  readonly files: WorkspaceFiles
  /** The one line for the log, or null. */
  readonly note: string | null
  /** How many files were left out (the note goes into the summary too when there are any). */
  readonly leftOut: number
}

/** The workspace files without those checked in and unchanged (but those `path` names explicitly), and the one line to log. */
export async function withoutCheckedIn(files: WorkspaceFiles, workspace: string, ask: (workspace: string) => Promise<CheckedIn> = checkedInFiles): Promise<WithoutCheckedIn> {
  const walked = files.candidates.filter((c) => !files.named.has(c.absolutePath))
  if (walked.length === 0) return { files, note: null, leftOut: 0 }
  const checkedIn = await ask(workspace)
  if (checkedIn.kind === 'none') return { files, note: null, leftOut: 0 }
  if (checkedIn.kind === 'unavailable') return { files, note: `Could not tell which files are checked into the repository (${checkedIn.why}): every file found is looked at.`, leftOut: 0 }
  const skipped = new Set<string>()
  for (const candidate of walked) {
    const real = await realpath(candidate.absolutePath).catch(() => candidate.absolutePath)
    const rel = relative(checkedIn.top, real)
    if (rel.startsWith('..') || isAbsolute(rel)) continue
    if (checkedIn.unchanged.has(toPosix(rel))) skipped.add(candidate.absolutePath)
  }
  if (skipped.size === 0) return { files, note: null, leftOut: 0 }
  const n = skipped.size
  const note = `${n === 1 ? '1 file is' : `${n} files are`} checked into the repository and unchanged, not produced by this run: not looked at (name such a file in ${inputName('path')} explicitly, or use ${inputSetting('include-tracked-files', 'true')}, to upload it).`
  return { files: { ...files, candidates: files.candidates.filter((c) => !skipped.has(c.absolutePath)) }, note, leftOut: n }
}
