// The GitHub REST API for the pull request comment, through @actions/github (Octokit): its base URL from
// GITHUB_API_URL (GitHub Enterprise Server, and the tests' loopback stand-in), Octokit's retry plugin for
// 5xx and 429 answers, and every call under one abort signal so the whole comment stays within a bound.
// Nothing else of the action talks to GitHub's API; the engine never sees this module.
import { getOctokit } from '@actions/github'
import { defaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'

/** A comment as the action needs it. */
export interface IssueComment {
  readonly id: number
  readonly body: string
  readonly url: string | null
}

/** An open pull request's number and head commit. */
export interface PullSummary {
  readonly number: number
  readonly headSha: string
}

export interface GithubApi {
  /** Every comment of an issue or pull request, all pages. */
  listComments(issue: number): Promise<IssueComment[]>
  createComment(issue: number, body: string): Promise<IssueComment>
  updateComment(id: number, body: string): Promise<IssueComment>
  /** Open pull requests whose head is `owner:branch` (a fork's pull request, found from its workflow_run). */
  openPullsByHead(headLabel: string): Promise<PullSummary[]>
}

/** Why a call failed, in the terms a notice needs. */
export type GithubFailure =
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'rate-limited'; readonly message: string }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string }
  | { readonly kind: 'unreachable'; readonly message: string }

export interface GithubApiOptions {
  readonly token: string
  /** e.g. https://api.github.com, or https://ghe.example.com/api/v3 */
  readonly baseUrl: string
  readonly owner: string
  readonly repo: string
  /** Aborts every call in flight and every later one. */
  readonly signal: AbortSignal
}

/** Further attempts after a 5xx or 429 (Octokit's retry plugin waits 1 s, then 4 s). */
const RETRIES = 2

export function githubApi(options: GithubApiOptions): GithubApi {
  // Octokit replaces, not merges, the request defaults: @actions/github's (its proxy-aware fetch) are kept
  // by hand beside the signal, which pagination would not pass on from a single call.
  const octokit = getOctokit(options.token, { baseUrl: options.baseUrl, request: { ...defaults.request, signal: options.signal }, retry: { retries: RETRIES } }, retry)
  const where = { owner: options.owner, repo: options.repo }
  const comment = (c: { id: number; body?: string | null; html_url?: string }): IssueComment => ({ id: c.id, body: c.body ?? '', url: c.html_url ?? null })
  return {
    async listComments(issue) {
      const all = await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: issue, per_page: 100 })
      return all.map(comment)
    },
    async createComment(issue, body) {
      return comment((await octokit.rest.issues.createComment({ ...where, issue_number: issue, body })).data)
    },
    async updateComment(id, body) {
      return comment((await octokit.rest.issues.updateComment({ ...where, comment_id: id, body })).data)
    },
    async openPullsByHead(headLabel) {
      const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...where, state: 'open', head: headLabel, per_page: 100 })
      return pulls.map((p) => ({ number: p.number, headSha: p.head.sha }))
    }
  }
}

/** An error of a call, classified: a token that may not write, a rate limit, another refusal, or no answer. */
export function classifyFailure(error: unknown): GithubFailure {
  const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : null
  const message = error instanceof Error ? error.message : String(error)
  const response = (error as { response?: { headers?: Record<string, string | undefined> } } | null)?.response
  // No answer at all: a connection failure, or the bound's abort (Octokit gives both status 500).
  if (!response) return { kind: 'unreachable', message }
  const headers = response.headers ?? {}
  if (status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message)))) return { kind: 'rate-limited', message }
  // 404 is what GitHub answers a token that may not even read the repository.
  if (status === 401 || status === 403 || status === 404) return { kind: 'forbidden', message }
  return { kind: 'rejected', status: status ?? 0, message }
}
