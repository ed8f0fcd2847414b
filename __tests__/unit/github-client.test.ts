// The GitHub client (Octokit through @actions/github) and the comment's decisions, against the GitHub
// stand-in on 127.0.0.1: pagination, the marker found on a later page, retries, refusals, and the pull
// request of a fork's workflow_run found by head repository and commit.
import { afterEach, describe, expect, it } from '@jest/globals'
import { classifyFailure, githubApi } from '../../src/github/client.ts'
import { findPullRequest, upsertComment } from '../../src/github/pull-request.ts'
import type { RunContext } from '../../src/model.ts'
import { deriveGithubContext } from '../../src/context/github.ts'
import { startGithubServer, type GithubServer } from '../support/github-server.ts'

const servers: GithubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function setup(options: Parameters<typeof startGithubServer>[0] = {}) {
  const gh = await startGithubServer(options)
  servers.push(gh)
  const controller = new AbortController()
  return { gh, api: githubApi({ token: gh.token, baseUrl: gh.url, owner: 'acme', repo: 'web', signal: controller.signal }), controller }
}

const MARKER = '<!-- defectdojo-reimport-action pr-comment 0123456789abcdef01234567 -->'

describe('upsertComment', () => {
  it('finds the marked comment on a later page and updates it in place', async () => {
    const { gh, api } = await setup()
    for (let i = 0; i < 150; i++) gh.addComment(42, `chatter ${i}`)
    const mine = gh.addComment(42, `${MARKER}\nold`, 'github-actions[bot]')
    const outcome = await upsertComment(api, 42, MARKER, `${MARKER}\nnew`, { createOnlyWithNews: true, news: false })
    expect(outcome.kind).toBe('updated')
    expect(mine.body).toBe(`${MARKER}\nnew`)
    expect(gh.comments.get(42)).toHaveLength(151)
    // Two pages of 100 were read.
    expect(gh.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1')).toEqual(['1', '2'])
  })

  it('creates one when none is marked; with auto and no news, creates none', async () => {
    const { gh, api } = await setup()
    gh.addComment(42, 'another bot: <!-- defectdojo-reimport-action pr-comment ffffffffffffffffffffffff -->')
    expect((await upsertComment(api, 42, MARKER, `${MARKER}\nx`, { createOnlyWithNews: true, news: false })).kind).toBe('not-needed')
    expect(gh.comments.get(42)).toHaveLength(1)
    const created = await upsertComment(api, 42, MARKER, `${MARKER}\nx`, { createOnlyWithNews: true, news: true })
    expect(created).toMatchObject({ kind: 'created', url: expect.stringContaining('#issuecomment-') })
    expect(gh.comments.get(42)).toHaveLength(2)
  })

  it('retries a 502 and a 429 (Octokit retry), not a 403 or 422', async () => {
    const { gh, api } = await setup()
    gh.faults.push({ match: { method: 'GET' }, times: 1, status: 502 }, { match: { method: 'POST' }, times: 1, status: 429, body: { message: 'slow down' } })
    await upsertComment(api, 42, MARKER, `${MARKER}\nx`, { createOnlyWithNews: false, news: false })
    expect(gh.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'POST'])
    gh.permission = 'read'
    gh.requests.length = 0
    const refused = await upsertComment(api, 43, MARKER, `${MARKER}\nx`, { createOnlyWithNews: false, news: false }).catch((e: unknown) => e)
    expect(classifyFailure(refused)).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('Resource not accessible by integration') })
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    gh.permission = 'write'
    const long = await api.createComment(43, 'x'.repeat(65_537)).catch((e: unknown) => e)
    expect(classifyFailure(long)).toMatchObject({ kind: 'rejected', status: 422 })
  })
})

describe('classifyFailure', () => {
  it('tells rate limits from refusals', () => {
    const error = (status: number, message: string, headers: Record<string, string> = {}) => Object.assign(new Error(message), { status, response: { headers } })
    expect(classifyFailure(error(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' })).kind).toBe('rate-limited')
    expect(classifyFailure(error(403, 'You have exceeded a secondary rate limit')).kind).toBe('rate-limited')
    expect(classifyFailure(error(429, 'x')).kind).toBe('rate-limited')
    expect(classifyFailure(error(403, 'Resource not accessible by integration')).kind).toBe('forbidden')
    expect(classifyFailure(error(404, 'Not Found')).kind).toBe('forbidden')
    expect(classifyFailure(new Error('connect ECONNREFUSED')).kind).toBe('unreachable')
    // The bound's abort: Octokit gives it status 500 but no answer came.
    expect(classifyFailure(Object.assign(new Error('This operation was aborted'), { name: 'AbortError', status: 500 })).kind).toBe('unreachable')
  })
})

describe('findPullRequest', () => {
  const env = { GITHUB_REPOSITORY: 'acme/web', GITHUB_EVENT_NAME: 'workflow_run' }
  const workflowRun = (pullRequests: unknown[], headRepo = 'contributor/web', event = 'pull_request'): RunContext =>
    deriveGithubContext({ env, payload: { workflow_run: { event, head_branch: 'fix', head_sha: 'a'.repeat(40), pull_requests: pullRequests, head_repository: { full_name: headRepo } } } })

  it('takes the number of a pull_request run and of a workflow_run that lists it, without asking GitHub', async () => {
    const { gh, api } = await setup()
    const pr = deriveGithubContext({ env: { GITHUB_REPOSITORY: 'acme/web', GITHUB_EVENT_NAME: 'pull_request_target' }, payload: { pull_request: { number: 5, head: { ref: 'x', sha: 'b'.repeat(40) } } } })
    expect(await findPullRequest(pr, api)).toEqual({ kind: 'found', number: 5 })
    expect(await findPullRequest(workflowRun([{ number: 6 }], 'acme/web'), api)).toEqual({ kind: 'found', number: 6 })
    expect(gh.requests).toHaveLength(0)
  })

  it("a fork's workflow_run: the one open pull request with that head and commit; none or two → unclear", async () => {
    const { gh, api } = await setup()
    expect(await findPullRequest(workflowRun([]), api)).toMatchObject({ kind: 'unclear', message: expect.stringContaining('no open pull request has the head contributor:fix') })
    gh.addPull({ number: 7, headSha: 'a'.repeat(40), headRef: 'fix', headRepo: 'contributor/web' })
    gh.addPull({ number: 8, headSha: 'f'.repeat(40), headRef: 'fix', headRepo: 'contributor/web' })
    expect(await findPullRequest(workflowRun([]), api)).toEqual({ kind: 'found', number: 7 })
    gh.addPull({ number: 9, headSha: 'a'.repeat(40), headRef: 'fix', headRepo: 'contributor/web' })
    expect(await findPullRequest(workflowRun([]), api)).toMatchObject({ kind: 'unclear', message: expect.stringContaining('#7, #9') })
  })

  it('a push, or a workflow_run a push triggered, has no pull request', async () => {
    const { gh, api } = await setup()
    const push = deriveGithubContext({ env: { GITHUB_REPOSITORY: 'acme/web', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, payload: {} })
    expect(await findPullRequest(push, api)).toEqual({ kind: 'none' })
    expect(await findPullRequest(workflowRun([], 'acme/web', 'push'), api)).toEqual({ kind: 'none' })
    expect(gh.requests).toHaveLength(0)
  })
})
