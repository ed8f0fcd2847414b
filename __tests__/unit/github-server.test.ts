/**
 * The GitHub REST stand-in must answer as GitHub does where the action depends on it, or the comment's
 * end-to-end tests prove nothing. Plain HTTP (Node's fetch), as any client would.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { BODY_MAX, NOT_ACCESSIBLE, startGithubServer, type GithubServer, type GithubServerOptions } from '../support/github-server.ts'

const servers: GithubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function start(options: GithubServerOptions = {}): Promise<GithubServer> {
  const server = await startGithubServer(options)
  servers.push(server)
  return server
}

async function call(server: GithubServer, path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: any; link: string | null }> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.token ?? server.token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
  return { status: res.status, body: await res.json(), link: res.headers.get('link') }
}

describe('issue comments', () => {
  it('creates, lists and updates comments with GitHub shapes', async () => {
    const gh = await start()
    const created = await call(gh, '/repos/acme/web/issues/42/comments', { method: 'POST', body: { body: 'hello' } })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ body: 'hello', user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: expect.stringMatching(/pull\/42#issuecomment-\d+$/) })
    const updated = await call(gh, `/repos/acme/web/issues/comments/${created.body.id}`, { method: 'PATCH', body: { body: 'bye' } })
    expect(updated.status).toBe(200)
    expect(updated.body.body).toBe('bye')
    const list = await call(gh, '/repos/acme/web/issues/42/comments')
    expect(list.body.map((c: { body: string }) => c.body)).toEqual(['bye'])
    expect((await call(gh, '/repos/acme/web/issues/comments/1', { method: 'PATCH', body: { body: 'x' } })).status).toBe(404)
  })

  it('paginates with per_page (at most 100), page and a Link header', async () => {
    const gh = await start()
    for (let i = 0; i < 205; i++) gh.addComment(7, `c${i}`)
    const first = await call(gh, '/repos/acme/web/issues/7/comments?per_page=100')
    expect(first.body).toHaveLength(100)
    expect(first.link).toMatch(/<http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/web\/issues\/7\/comments\?per_page=100&page=2>; rel="next", <[^>]*page=3>; rel="last"/)
    const last = await call(gh, '/repos/acme/web/issues/7/comments?per_page=100&page=3')
    expect(last.body.map((c: { body: string }) => c.body)).toEqual(['c200', 'c201', 'c202', 'c203', 'c204'])
    expect(last.link).toMatch(/rel="first".*rel="prev"/)
    expect(last.link).not.toContain('rel="next"')
    expect((await call(gh, '/repos/acme/web/issues/7/comments?per_page=1000')).body).toHaveLength(100)
    expect((await call(gh, '/repos/acme/web/issues/7/comments')).body).toHaveLength(30)
  })

  it('a read-only token gets 403 "Resource not accessible by integration" on create and update, and may still read', async () => {
    const gh = await start({ permission: 'read' })
    const existing = gh.addComment(42, 'old')
    const create = await call(gh, '/repos/acme/web/issues/42/comments', { method: 'POST', body: { body: 'x' } })
    expect(create.status).toBe(403)
    expect(create.body.message).toBe(NOT_ACCESSIBLE)
    expect((await call(gh, `/repos/acme/web/issues/comments/${existing.id}`, { method: 'PATCH', body: { body: 'x' } })).status).toBe(403)
    expect((await call(gh, '/repos/acme/web/issues/42/comments')).status).toBe(200)
  })

  it('a body over 65,536 characters gets 422 Validation Failed; exactly 65,536 is accepted', async () => {
    const gh = await start()
    const long = await call(gh, '/repos/acme/web/issues/42/comments', { method: 'POST', body: { body: 'x'.repeat(BODY_MAX + 1) } })
    expect(long.status).toBe(422)
    expect(long.body).toMatchObject({ message: 'Validation Failed', errors: [{ field: 'body', message: 'body is too long (maximum is 65536 characters)' }] })
    expect((await call(gh, '/repos/acme/web/issues/42/comments', { method: 'POST', body: { body: 'x'.repeat(BODY_MAX) } })).status).toBe(201)
  })

  it('a wrong token gets 401 Bad credentials; faults answer what they are told', async () => {
    const gh = await start()
    expect((await call(gh, '/repos/acme/web/issues/42/comments', { token: 'nope' })).body.message).toBe('Bad credentials')
    gh.faults.push({ match: { method: 'GET', path: /comments$/ }, times: 2, status: 502 })
    expect((await call(gh, '/repos/acme/web/issues/42/comments')).status).toBe(502)
    expect((await call(gh, '/repos/acme/web/issues/42/comments')).status).toBe(502)
    expect((await call(gh, '/repos/acme/web/issues/42/comments')).status).toBe(200)
    expect(gh.requests.map((r) => r.authorization)).toContain(`Bearer ${gh.token}`)
  })
})

describe('pull requests', () => {
  it('lists open pull requests by head label, and those of a commit (this repository only)', async () => {
    const gh = await start()
    gh.addPull({ number: 7, headSha: 'a'.repeat(40), headRef: 'fix', headRepo: 'contributor/web' })
    gh.addPull({ number: 8, headSha: 'b'.repeat(40), headRef: 'fix' })
    gh.addPull({ number: 9, headSha: 'c'.repeat(40), headRef: 'fix', headRepo: 'contributor/web', state: 'closed' })
    const byHead = await call(gh, '/repos/acme/web/pulls?head=contributor:fix&state=open')
    expect(byHead.body.map((p: { number: number }) => p.number)).toEqual([7])
    expect((await call(gh, '/repos/acme/web/pulls?head=contributor:fix&state=all')).body).toHaveLength(2)
    expect((await call(gh, `/repos/acme/web/commits/${'b'.repeat(40)}/pulls`)).body.map((p: { number: number }) => p.number)).toEqual([8])
    expect((await call(gh, `/repos/acme/web/commits/${'a'.repeat(40)}/pulls`)).body).toEqual([])
  })
})
