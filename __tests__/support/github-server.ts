/**
 * A GitHub REST API stand-in on 127.0.0.1 for the pull request comment's tests, started by the test itself
 * like the DefectDojo one. It answers the few endpoints the action uses, with GitHub's shapes, status codes
 * and messages (docs.github.com/rest: issues/comments, pulls, commits):
 *
 *   GET   /repos/{owner}/{repo}/issues/{number}/comments   paginated (per_page ≤ 100, page), Link header
 *   POST  /repos/{owner}/{repo}/issues/{number}/comments   201; 403 for a read-only token; 422 over 65,536 characters
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}       200; the same 403 and 422
 *   GET   /repos/{owner}/{repo}/commits/{sha}/pulls        the pull requests whose head is that commit
 *   GET   /repos/{owner}/{repo}/pulls?head=owner:branch    open pull requests by head label (the fork case)
 *
 * Every request is recorded (`requests`), faults can be queued (`faults`: a status or a delay for matching
 * requests), and a wrong token gets 401 "Bad credentials".
 * Only erasable TypeScript syntax is used, so Node runs it directly as well.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** GitHub's limit on an issue comment's body, in characters. */
export const BODY_MAX = 65_536

/** The messages GitHub answers with (REST API, as an Actions token meets them). */
export const NOT_ACCESSIBLE = 'Resource not accessible by integration'

export interface GithubComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: { login: string; id: number; type: string }
  created_at: string
  updated_at: string
}

export interface GithubPull {
  number: number
  state: 'open' | 'closed'
  head: { ref: string; sha: string; label: string; repo: { full_name: string; owner: { login: string } } }
  base: { ref: string; repo: { full_name: string } }
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  authorization: string | null
  body: unknown
}

export interface GithubFault {
  /** Method and a regular expression over the path (without the query). */
  match: { method?: string; path?: RegExp }
  /** How many matching requests get it (default 1). */
  times?: number
  /** Answer with this status and body… */
  status?: number
  body?: unknown
  headers?: Record<string, string>
  /** …or wait this long before answering normally (or with the status, when one is given). */
  delayMs?: number
}

export interface GithubServerOptions {
  /** The token a request must carry (`Authorization: token …` or `Bearer …`). */
  token?: string
  /** `read`: the token may read but not write comments (a fork's pull_request, no pull-requests: write). */
  permission?: 'write' | 'read'
  owner?: string
  repo?: string
  /** The login comments are written as. */
  login?: string
}

export interface GithubServer {
  url: string
  token: string
  /** Comments by issue number, oldest first. */
  comments: Map<number, GithubComment[]>
  pulls: GithubPull[]
  requests: RecordedRequest[]
  faults: GithubFault[]
  permission: 'write' | 'read'
  /** Adds a comment as someone else would have written it. */
  addComment(issue: number, body: string, login?: string): GithubComment
  addPull(pull: { number: number; headSha: string; headRef: string; headRepo?: string; state?: 'open' | 'closed' }): GithubPull
  close(): Promise<void>
}

const MAX_PER_PAGE = 100
const DEFAULT_PER_PAGE = 30

export async function startGithubServer(options: GithubServerOptions = {}): Promise<GithubServer> {
  const token = options.token ?? 'ghs_standInToken0123456789abcdefABCDEF'
  const owner = options.owner ?? 'acme'
  const repo = options.repo ?? 'web'
  const login = options.login ?? 'github-actions[bot]'
  let nextId = 1_000_000
  let url = ''
  const state: GithubServer = {
    url: '',
    token,
    comments: new Map(),
    pulls: [],
    requests: [],
    faults: [],
    permission: options.permission ?? 'write',
    addComment: (issue, body, author = 'someone') => makeComment(issue, body, author),
    addPull: ({ number, headSha, headRef, headRepo, state: prState }) => {
      const full = headRepo ?? `${owner}/${repo}`
      const headOwner = full.split('/')[0]!
      const pull: GithubPull = {
        number,
        state: prState ?? 'open',
        head: { ref: headRef, sha: headSha, label: `${headOwner}:${headRef}`, repo: { full_name: full, owner: { login: headOwner } } },
        base: { ref: 'main', repo: { full_name: `${owner}/${repo}` } }
      }
      state.pulls.push(pull)
      return pull
    },
    close: () => new Promise<void>((done) => {
      server.closeAllConnections()
      server.close(() => done())
    })
  }

  function makeComment(issue: number, body: string, author: string): GithubComment {
    const id = nextId++
    const now = new Date().toISOString()
    const comment: GithubComment = {
      id,
      node_id: `IC_${id.toString(36)}`,
      url: `${url}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${url}/repos/${owner}/${repo}/issues/${issue}`,
      body,
      user: { login: author, id: author === login ? 41898282 : 1, type: author.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: now,
      updated_at: now
    }
    const list = state.comments.get(issue) ?? []
    list.push(comment)
    state.comments.set(issue, list)
    return comment
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://stand-in')
    const text = await readBody(req)
    let body: unknown = null
    if (text) {
      try {
        body = JSON.parse(text)
      } catch {
        return send(res, 400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' })
      }
    }
    const method = req.method ?? 'GET'
    const path = parsed.pathname
    state.requests.push({ method, path, query: Object.fromEntries(parsed.searchParams), authorization: req.headers.authorization ?? null, body })

    const fault = state.faults.find((f) => (!f.match.method || f.match.method === method) && (!f.match.path || f.match.path.test(path)))
    if (fault) {
      fault.times = (fault.times ?? 1) - 1
      if (fault.times <= 0) state.faults.splice(state.faults.indexOf(fault), 1)
      if (fault.delayMs) {
        // Until the delay passes or the client leaves (so a hanging answer never outlives its test).
        await new Promise<void>((done) => {
          const timer = setTimeout(done, fault.delayMs)
          res.once('close', () => {
            clearTimeout(timer)
            done()
          })
        })
        if (res.destroyed) return
      }
      if (fault.status) return send(res, fault.status, fault.body ?? { message: 'Server Error' }, fault.headers)
    }

    const auth = req.headers.authorization ?? ''
    if (!/^(token|bearer) /i.test(auth) || auth.slice(auth.indexOf(' ') + 1) !== token) {
      return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })
    }

    const base = `/repos/${owner}/${repo}`
    if (!path.startsWith(`${base}/`)) return notFound(res)
    const rest = path.slice(base.length)
    let m: RegExpExecArray | null
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1])
      if (method === 'GET') return listComments(res, parsed, issue)
      if (method === 'POST') {
        const refused = refuseWrite(body, 'create-an-issue-comment')
        if (refused) return send(res, refused.status, refused.body)
        return send(res, 201, makeComment(issue, (body as { body: string }).body, login))
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const id = Number(m[1])
      const comment = [...state.comments.values()].flat().find((c) => c.id === id)
      if (!comment) return notFound(res)
      const refused = refuseWrite(body, 'update-an-issue-comment')
      if (refused) return send(res, refused.status, refused.body)
      comment.body = (body as { body: string }).body
      comment.updated_at = new Date().toISOString()
      return send(res, 200, comment)
    }
    if ((m = /^\/commits\/([0-9a-f]{7,40})\/pulls$/.exec(rest)) && method === 'GET') {
      const sha = m[1]!
      // GitHub lists the pull requests of this repository whose head contains the commit; the stand-in: whose head is it.
      return paginate(res, parsed, state.pulls.filter((p) => p.head.sha.startsWith(sha) && p.head.repo.full_name === `${owner}/${repo}`))
    }
    if (rest === '/pulls' && method === 'GET') {
      const wanted = parsed.searchParams.get('state') ?? 'open'
      const head = parsed.searchParams.get('head')
      return paginate(res, parsed, state.pulls.filter((p) => (wanted === 'all' || p.state === wanted) && (!head || p.head.label === head)))
    }
    return notFound(res)
  }

  /** A read-only token's refusal first (GitHub checks permissions before the body), then the body's checks. */
  function refuseWrite(body: unknown, doc: string): { status: number; body: unknown } | null {
    if (state.permission === 'read') return { status: 403, body: { message: NOT_ACCESSIBLE, documentation_url: `https://docs.github.com/rest/issues/comments#${doc}`, status: '403' } }
    const text = (body as { body?: unknown } | null)?.body
    if (typeof text !== 'string' || text.length === 0) {
      return { status: 422, body: { message: 'Invalid request.\n\nFor \'properties/body\', nil is not a string.', documentation_url: `https://docs.github.com/rest/issues/comments#${doc}`, status: '422' } }
    }
    if (text.length > BODY_MAX) {
      return {
        status: 422,
        body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_MAX} characters)` }], documentation_url: `https://docs.github.com/rest/issues/comments#${doc}`, status: '422' }
      }
    }
    return null
  }

  function listComments(res: ServerResponse, parsed: URL, issue: number): void {
    paginate(res, parsed, state.comments.get(issue) ?? [])
  }

  /** GitHub's page-based pagination: `per_page` (≤ 100), `page`, and a Link header with next/last/first/prev. */
  function paginate(res: ServerResponse, parsed: URL, items: readonly unknown[]): void {
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(parsed.searchParams.get('per_page')) || DEFAULT_PER_PAGE))
    const page = Math.max(1, Number(parsed.searchParams.get('page')) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const pageUrl = (n: number) => {
      const u = new URL(parsed.pathname + parsed.search, url)
      u.searchParams.set('per_page', String(perPage))
      u.searchParams.set('page', String(n))
      return `<${u.href}>`
    }
    const links: string[] = []
    if (page < last) links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`)
    if (page > 1) links.push(`${pageUrl(1)}; rel="first"`, `${pageUrl(page - 1)}; rel="prev"`)
    send(res, 200, items.slice((page - 1) * perPage, page * perPage), links.length > 0 ? { link: links.join(', ') } : {})
  }

  function notFound(res: ServerResponse): void {
    send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3; format=json', ...headers })
    res.end(text)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state.url = url
  return state
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
