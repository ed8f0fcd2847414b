// What `git` says about the working folder: the facts the CLI's context falls back on (ci.ts).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

/** What `git` says about a working folder (any field may be missing outside a repository). */
export interface GitFacts {
  branch: string | null
  sha: string | null
  /** `origin`'s URL, e.g. git@github.com:acme/web.git or https://gitlab.example.com/group/sub/web.git. */
  remoteUrl: string | null
  /** The remote's default branch (origin/HEAD), when known. */
  defaultBranch: string | null
  /** A tag pointing at HEAD, when any. */
  tag: string | null
  /** The remotes' names (origin, upstream…): Jenkins' GIT_BRANCH starts with one. */
  remotes?: readonly string[]
}

/** owner/repo and the web URL of a git remote (scp-like or URL form); null when it is neither. */
export function parseRemote(url: string | null): { serverUrl: string; owner: string; repo: string } | null {
  if (!url) return null
  const scp = /^[^@/]+@([^:/]+):(.+?)(?:\.git)?\/?$/.exec(url)
  let host: string
  let path: string
  if (scp) {
    host = scp[1]!
    path = scp[2]!
  } else {
    try {
      const parsed = new URL(url)
      host = parsed.host
      path = parsed.pathname.replace(/^\/+/, '').replace(/\.git\/?$/, '').replace(/\/+$/, '')
    } catch {
      return null
    }
  }
  const parts = path.split('/').filter(Boolean)
  if (parts.length < 2) return null
  return { serverUrl: `https://${host}`, owner: parts.slice(0, -1).join('/'), repo: parts.at(-1)! }
}

const run = promisify(execFile)

async function git(args: string[], cwd: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', args, { cwd })
    return stdout.trim() || null
  } catch {
    return null
  }
}

/** Asks git about the working folder; every field is null where git does not know (or is not installed). */
export async function readGitFacts(cwd: string): Promise<GitFacts> {
  const [branch, sha, remoteUrl, originHead, tag, remotes] = await Promise.all([
    git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd),
    git(['rev-parse', 'HEAD'], cwd),
    git(['remote', 'get-url', 'origin'], cwd),
    git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd),
    git(['tag', '--points-at', 'HEAD'], cwd),
    git(['remote'], cwd)
  ])
  return { branch, sha, remoteUrl, defaultBranch: originHead?.replace(/^origin\//, '') ?? null, tag: tag?.split('\n')[0] ?? null, remotes: remotes?.split('\n') ?? [] }
}
