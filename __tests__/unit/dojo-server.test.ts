/**
 * The DefectDojo stand-in must enforce the contract of docs/defectdojo-api.md, or end-to-end tests built on
 * it prove nothing. These tests talk plain HTTP to it (Node's fetch/FormData/Blob), as any client would.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from '@jest/globals'
import { startDojoServer } from '../support/dojo-server.ts'
import type { DojoServer, DojoServerOptions } from '../support/dojo-server.ts'

const servers: DojoServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function start(options: DojoServerOptions = {}): Promise<DojoServer> {
  const server = await startDojoServer(options)
  servers.push(server)
  return server
}

/** A Gitleaks v8 report with one finding per rule id. */
const gitleaks = (...rules: string[]): string =>
  JSON.stringify(rules.map((rule) => ({ RuleID: rule, File: `src/${rule}.ts`, StartLine: 1, Description: rule })))

interface Upload { fields?: Record<string, string | string[]>; file?: { name: string; content: string } | null }

/** The fields the action sends: reimport by names with a stable test_title (docs/defectdojo-api.md pitfall 1). */
const baseFields = (extra: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  scan_type: 'Gitleaks Scan', product_type_name: 'Acme', product_name: 'acme/web', engagement_name: 'CI main',
  test_title: 'gitleaks', auto_create_context: 'true', ...extra,
})

function form({ fields = baseFields(), file = { name: 'gitleaks.json', content: gitleaks('a', 'b', 'c') } }: Upload): FormData {
  const fd = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) fd.append(name, v)
  if (file) fd.append('file', new Blob([file.content], { type: 'application/json' }), file.name)
  return fd
}

interface Reply { status: number; body: any; headers: Headers }

async function call(server: DojoServer, path: string, init: RequestInit = {}, auth: string | null = `Token ${server.token}`): Promise<Reply> {
  const headers = new Headers(init.headers)
  if (auth !== null) headers.set('Authorization', auth)
  const res = await fetch(`${server.url}${path}`, { ...init, headers })
  const text = await res.text()
  let body: unknown = text
  try { body = JSON.parse(text) } catch { /* not JSON */ }
  return { status: res.status, body, headers: res.headers }
}

const reimport = (server: DojoServer, upload: Upload = {}, auth?: string | null): Promise<Reply> =>
  call(server, '/api/v2/reimport-scan/', { method: 'POST', body: form(upload) }, auth)
const importScan = (server: DojoServer, upload: Upload = {}): Promise<Reply> =>
  call(server, '/api/v2/import-scan/', { method: 'POST', body: form(upload) })

const STATUS_KEYS = ['active', 'verified', 'duplicate', 'false_p', 'out_of_scope', 'is_mitigated', 'risk_accepted', 'total']
const SEVERITY_KEYS = ['info', 'low', 'medium', 'high', 'critical', 'total']

function expectStatsShape(s: any): void {
  expect(Object.keys(s)).toEqual(SEVERITY_KEYS)
  for (const key of SEVERITY_KEYS) expect(Object.keys(s[key])).toEqual(STATUS_KEYS)
}

describe('201 flow and statistics (docs/defectdojo-api.md §c, §e)', () => {
  it('first upload creates the test and reports only `after`; an identical retry is all untouched', async () => {
    const server = await start()
    const first = await reimport(server)
    expect(first.status).toBe(201)
    expect(Object.keys(first.body.statistics)).toEqual(['after'])
    expectStatsShape(first.body.statistics.after)
    expect(first.body.statistics.after.high).toMatchObject({ active: 3, total: 3 })
    expect(first.body.statistics.after.total.total).toBe(3)
    // Echo with multipart defaults filled in; omitted fields without a default are absent; file never echoed.
    expect(first.body).toMatchObject({
      minimum_severity: 'Info', active: false, verified: false, endpoint_to_add: null, lead: null, push_to_jira: false,
      auto_create_context: true, create_finding_groups_for_all_findings: true, close_old_findings: true,
      close_old_findings_product_scope: false, do_not_reactivate: false, deduplication_complete: false,
      scan_type: 'Gitleaks Scan', test: first.body.test_id,
    })
    for (const absent of ['file', 'version', 'scan_date', 'service', 'tags', 'pro', 'environment']) expect(first.body).not.toHaveProperty(absent)
    for (const id of ['test_id', 'engagement_id', 'product_id', 'product_type_id']) expect(typeof first.body[id]).toBe('number')

    const second = await reimport(server)
    expect(second.status).toBe(201)
    expect(Object.keys(second.body.statistics)).toEqual(['before', 'delta', 'after'])
    expect(Object.keys(second.body.statistics.delta)).toEqual(['created', 'closed', 'reactivated', 'untouched'])
    for (const action of ['created', 'closed', 'reactivated', 'untouched']) expectStatsShape(second.body.statistics.delta[action])
    expect(second.body.test_id).toBe(first.body.test_id)
    expect(second.body.statistics.delta.untouched.total.total).toBe(3)
    expect(second.body.statistics.delta.created.total.total).toBe(0)
    expect(second.body.statistics.delta.closed.total.total).toBe(0)
    expect(second.body.statistics.before.total.total).toBe(3)
    expect(server.state.tests).toHaveLength(1)
    expect(server.state.tests[0]?.imports).toHaveLength(2)
  })

  it('records every upload: fields in order, the file hash, status and response', async () => {
    const server = await start()
    const content = gitleaks('x')
    await reimport(server, { fields: baseFields({ tags: ['one', 'two'] }), file: { name: 'r.json', content } })
    const [upload] = server.uploads
    expect(upload).toMatchObject({ endpoint: 'reimport-scan', status: 201, authorization: `Token ${server.token}` })
    expect(upload?.fields.tags).toEqual(['one', 'two'])
    expect(upload?.fields.file).toBeUndefined()
    expect(upload?.file).toEqual({
      filename: 'r.json', contentType: 'application/json', size: Buffer.byteLength(content),
      sha256: createHash('sha256').update(content).digest('hex'),
    })
    expect(upload!.endedAt).toBeGreaterThanOrEqual(upload!.startedAt)
    expect((upload?.response as any).test_id).toBe(server.state.tests[0]?.id)
    expect(server.requests).toEqual([{ method: 'POST', path: '/api/v2/reimport-scan/', status: 201 }])
  })

  it('a changed report creates the new and closes the missing findings', async () => {
    const server = await start()
    await reimport(server, { file: { name: 'r.json', content: gitleaks('a', 'b', 'c') } })
    const changed = await reimport(server, { file: { name: 'r.json', content: gitleaks('b', 'c', 'd', 'e') } })
    const { delta, after } = changed.body.statistics
    expect(delta.created.total.total).toBe(2)
    expect(delta.closed.total.total).toBe(1)
    expect(delta.closed.total.is_mitigated).toBe(1) // inner counts show the current state
    expect(delta.untouched.total.total).toBe(2)
    expect(after.total).toMatchObject({ total: 5, active: 4, is_mitigated: 1 })
  })

  it('reactivates a mitigated finding that comes back, unless do_not_reactivate', async () => {
    const server = await start()
    await reimport(server, { file: { name: 'r.json', content: gitleaks('a', 'b') } })
    await reimport(server, { file: { name: 'r.json', content: gitleaks('a') } })
    const kept = await reimport(server, { fields: baseFields({ do_not_reactivate: 'true' }), file: { name: 'r.json', content: gitleaks('a', 'b') } })
    expect(kept.body.statistics.delta.reactivated.total.total).toBe(0)
    expect(kept.body.statistics.after.total.is_mitigated).toBe(1)
    const back = await reimport(server, { file: { name: 'r.json', content: gitleaks('a', 'b') } })
    expect(back.body.statistics.delta.reactivated.total.total).toBe(1)
    expect(back.body.statistics.delta.untouched.total.total).toBe(1)
    expect(back.body.statistics.after.total).toMatchObject({ active: 2, is_mitigated: 0, total: 2 })
  })

  it('close_old_findings=false keeps absent findings open; minimum_severity drops findings before matching', async () => {
    const server = await start()
    const semgrep = (...sev: string[]): string => JSON.stringify({ results: sev.map((s, i) => ({ check_id: `r${i}`, path: 'a.py', start: { line: i }, extra: { severity: s } })) })
    const fields = baseFields({ scan_type: 'Semgrep JSON Report', test_title: 'semgrep' })
    const first = await reimport(server, { fields, file: { name: 's.json', content: semgrep('ERROR', 'WARNING', 'INFO') } })
    expect(first.body.statistics.after).toMatchObject({ high: { total: 1 }, medium: { total: 1 }, low: { total: 1 } })
    expect(first.body.pro).toEqual(['Did you know, Pro has an automated no-code connector for Semgrep JSON Report? Try today for free or email us at hello@defectdojo.com'])
    const kept = await reimport(server, { fields: { ...fields, close_old_findings: 'false' }, file: { name: 's.json', content: semgrep('ERROR') } })
    expect(kept.body.statistics.delta.closed.total.total).toBe(0)
    const filtered = await reimport(server, { fields: { ...fields, minimum_severity: 'Medium' }, file: { name: 's.json', content: semgrep('ERROR', 'WARNING', 'INFO') } })
    expect(filtered.body.statistics.delta.closed.low.total).toBe(1)
    expect(filtered.body.statistics.delta.untouched.total.total).toBe(2)
  })

  it('import-scan always creates a new test and never closes by default', async () => {
    const server = await start()
    const a = await importScan(server)
    const b = await importScan(server)
    expect(a.status).toBe(201)
    expect(Object.keys(a.body.statistics)).toEqual(['after'])
    expect(a.body.close_old_findings).toBe(false)
    expect(b.body.test).not.toBe(a.body.test)
    expect(server.state.tests).toHaveLength(2)
  })
})

describe('test lookup (docs/defectdojo-api.md §b)', () => {
  it('two test_titles make two tests; without a title the newest test of the scan_type is reused', async () => {
    const server = await start()
    const one = await reimport(server, { fields: baseFields({ test_title: 'one' }) })
    const two = await reimport(server, { fields: baseFields({ test_title: 'two' }) })
    expect(two.body.test_id).not.toBe(one.body.test_id)
    expect(server.state.tests.map((t) => t.title)).toEqual(['one', 'two'])
    const again = await reimport(server, { fields: baseFields({ test_title: 'one' }) })
    expect(again.body.test_id).toBe(one.body.test_id)
    const { test_title: _omit, ...untitled } = baseFields()
    const newest = await reimport(server, { fields: untitled })
    expect(newest.body.test_id).toBe(two.body.test_id)
  })

  it('an explicit test id is honoured and checked against the names', async () => {
    const server = await start()
    const first = await reimport(server)
    const byId = await reimport(server, { fields: { scan_type: 'Gitleaks Scan', test: String(first.body.test_id) } })
    expect(byId.status).toBe(201)
    expect(byId.body.test).toBe(first.body.test_id)
    const missing = await reimport(server, { fields: { scan_type: 'Gitleaks Scan', test: '999' } })
    expect(missing).toMatchObject({ status: 400, body: ['Test "999" does not exist'] })
    const inconsistent = await reimport(server, { fields: { scan_type: 'Gitleaks Scan', test: String(first.body.test_id), engagement_name: 'other' } })
    expect(inconsistent.body).toEqual(['The provided identifiers are inconsistent — the test does not belong to the specified engagement.'])
  })

  it('without auto_create_context the permission step answers the descriptive 400s first', async () => {
    const server = await start()
    const noCreate = (extra: Record<string, string>): Record<string, string> => {
      const { auto_create_context: _a, ...rest } = baseFields(extra) as Record<string, string>
      return rest
    }
    expect((await reimport(server, { fields: { scan_type: 'Gitleaks Scan' } })).body).toEqual(['product_name parameter missing'])
    expect((await reimport(server, { fields: { scan_type: 'Gitleaks Scan', product_name: 'p' } })).body).toEqual(['engagement_name parameter missing'])
    expect((await reimport(server, { fields: noCreate({}) })).body).toEqual(['Product Type "Acme" does not exist'])
    await reimport(server)
    expect((await reimport(server, { fields: noCreate({ test_title: 'nope' }) })).body)
      .toEqual(['Test "nope" with scan_type "Gitleaks Scan" does not exist in Engagement "CI main"'])
    expect((await reimport(server, { fields: noCreate({ product_type_name: 'Other' }) })).body)
      .toEqual(['The fetched product has a conflict with the supplied product type name: existing product type name - Acme vs supplied product type name - Other'])
    // A sent "false" passes the raw-string permission check, then the serializer says no (§b gotcha).
    const explicitFalse = await reimport(server, { fields: baseFields({ test_title: 'nope', auto_create_context: 'false' }) })
    expect(explicitFalse).toMatchObject({ status: 404, body: { detail: 'A test could not be found!' } })
    expect(server.state.tests).toHaveLength(1)
  })
})

describe('authentication (docs/defectdojo-api.md §0, §d): 403, never 401', () => {
  it('answers the DRF texts', async () => {
    const server = await start()
    const notProvided = { status: 403, body: { detail: 'Authentication credentials were not provided.' } }
    expect(await reimport(server, {}, null)).toMatchObject(notProvided)
    expect(await reimport(server, {}, `Bearer ${server.token}`)).toMatchObject(notProvided)
    expect(await reimport(server, {}, 'Token wrong')).toMatchObject({ status: 403, body: { detail: 'Invalid token.' } })
    expect(await call(server, '/api/v2/user_profile/', {}, null)).toMatchObject(notProvided)
    expect(server.state.tests).toHaveLength(0)
    expect(server.uploads.map((u) => u.status)).toEqual([403, 403, 403])
    // The keyword is matched case-insensitively.
    expect((await reimport(server, {}, `token ${server.token}`)).status).toBe(201)
  })

  it('user_profile returns the user shape of §g', async () => {
    const server = await start({ token: 'abc123' })
    const profile = await call(server, '/api/v2/user_profile/')
    expect(profile.status).toBe(200)
    expect(Object.keys(profile.body.user)).toEqual(expect.arrayContaining(['id', 'username', 'email', 'is_active', 'is_superuser', 'configuration_permissions']))
    expect(profile.body.user).not.toHaveProperty('password')
  })
})

describe('transport errors (docs/defectdojo-api.md §0, §d)', () => {
  it('refuses a non-multipart body with 415', async () => {
    const server = await start()
    const res = await call(server, '/api/v2/import-scan/', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
    expect(res).toMatchObject({ status: 415, body: { detail: 'Unsupported media type "application/json" in request.' } })
  })

  it('rejects an unknown scan_type with the DRF field dict, message and pro', async () => {
    const server = await start()
    const res = await importScan(server, { fields: baseFields({ scan_type: 'Trivy' }) })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      scan_type: ['"Trivy" is not a valid choice.'],
      message: `{'scan_type': [ErrorDetail(string='"Trivy" is not a valid choice.', code='invalid_choice')]}`,
      pro: ['Pro comes with support. Try today for free or email us at hello@defectdojo.com'],
    })
  })

  it('rejects a file extension outside the allow-list, case-insensitively on the last suffix', async () => {
    const server = await start()
    const res = await reimport(server, { file: { name: 'report.json.yaml', content: '[]' } })
    expect(res.status).toBe(400)
    expect(res.body.file).toEqual(['File extension “yaml” is not allowed. Allowed extensions are: xml, csv, nessus, json, jsonl, html, js, zip, xlsx, txt, sarif, fpr, md, log, fvdl.'])
    expect((await reimport(server, { file: { name: 'REPORT.JSON', content: '[]' } })).status).toBe(201)
  })

  it('validates booleans, tags, the file and the size limit', async () => {
    const server = await start({ maxFileMb: 0.0001 })
    const bad = await reimport(server, { fields: baseFields({ active: 'maybe', tags: 'a b' }), file: { name: 'r.json', content: '[]' } })
    expect(bad.body.active).toEqual(['Must be a valid boolean.'])
    expect(bad.body.tags).toEqual(["Invalid tag: 'a b'. Tags should not contain spaces, commas, or quotes."])
    const noFile = await reimport(server, { file: null })
    expect(noFile.body.non_field_errors).toEqual(['Uploading a Report File is required for Gitleaks Scan'])
    const big = await reimport(server, { file: { name: 'r.json', content: gitleaks(...Array.from({ length: 50 }, (_, i) => `r${i}`)) } })
    expect(big.body.non_field_errors).toEqual(['Report file is too large. Maximum supported size is 0.0001 MB'])
    expect(server.state.tests).toHaveLength(0)
  })

  it('an unknown environment is a Django ValidationError unless auto_create_context', async () => {
    const server = await start()
    await reimport(server)
    const { auto_create_context: _a, ...fields } = baseFields({ environment: 'Nowhere' }) as Record<string, string>
    const res = await reimport(server, { fields })
    expect(res).toMatchObject({ status: 400, body: { message: "['Environment named Nowhere does not exist.']" } })
    expect((await reimport(server, { fields: baseFields({ environment: 'Nowhere' }) })).status).toBe(201)
    expect(server.state.environments.map((e) => e.name)).toContain('Nowhere')
  })

  it('a report that does not parse is a 400 and changes nothing on reimport', async () => {
    const server = await start()
    await reimport(server)
    const res = await reimport(server, { file: { name: 'r.json', content: '{' } })
    expect(res.status).toBe(400)
    expect(res.body.message).toBe("['Expecting property name enclosed in double quotes: line 1 column 2 (char 1)']")
    expect(server.state.tests[0]?.findings.filter((f) => f.active)).toHaveLength(3)
    const zap = await reimport(server, { fields: baseFields({ scan_type: 'ZAP Scan', test_title: 'zap' }), file: { name: 'zap.XML', content: '<a/>' } })
    expect(zap.body.message).toBe("['Internal error: Wrong file format, please use xml.']")
  })

  it('answers a slash-less path with a 301 to the slashed one (APPEND_SLASH)', async () => {
    const server = await start()
    const res = await call(server, '/api/v2/reimport-scan?x=1', { method: 'POST', body: form({}), redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/api/v2/reimport-scan/?x=1')
    expect(server.uploads).toHaveLength(0)
    expect(server.state.tests).toHaveLength(0)
    expect(await call(server, '/api/v2/nothing/')).toMatchObject({ status: 404, body: { detail: 'Not found.' } })
  })
})

describe('GET /api/v2/tests/{id}/ and test metadata (docs/defectdojo-api.md §a pitfall)', () => {
  it('omitting version/branch_tag/build_id/commit_hash on reimport clears them; tags replace when sent', async () => {
    const server = await start()
    const meta = { version: '1.2.3', branch_tag: 'main', build_id: '42', commit_hash: 'abc', tags: 'ci,nightly' }
    const first = await reimport(server, { fields: baseFields(meta) })
    const id = first.body.test_id
    expect((await call(server, `/api/v2/tests/${id}/`)).body).toMatchObject({
      id, title: 'gitleaks', scan_type: 'Gitleaks Scan', engagement: first.body.engagement_id, ...meta, tags: ['ci', 'nightly'],
    })
    await reimport(server)
    const cleared = await call(server, `/api/v2/tests/${id}/`)
    expect(cleared.body).toMatchObject({ version: '', branch_tag: '', build_id: '', commit_hash: '', tags: ['ci', 'nightly'] })
    await reimport(server, { fields: baseFields({ tags: 'Release' }) })
    expect((await call(server, `/api/v2/tests/${id}/`)).body.tags).toEqual(['release'])
    expect(await call(server, '/api/v2/tests/999/')).toMatchObject({ status: 404, body: { detail: 'No Test matches the given query.' } })
  })
})

describe('race emulation (docs/defectdojo-api.md §e caveat 2)', () => {
  it('two concurrent first uploads into the same new test both create one', async () => {
    const server = await start({ raceWindowMs: 100 })
    const [a, b] = await Promise.all([reimport(server), reimport(server)])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.test_id).not.toBe(b.body.test_id)
    expect(server.state.tests).toHaveLength(2)
    // Product and engagement creation is locked: only the test is duplicated.
    expect(server.state.products).toHaveLength(1)
    expect(server.state.engagements).toHaveLength(1)
  })

  it('without a race window concurrent first uploads end in one test', async () => {
    const server = await start()
    await Promise.all([reimport(server), reimport(server)])
    expect(server.state.tests).toHaveLength(1)
  })
})

describe('faults', () => {
  it('a status fault answers once, consumes the body and leaves state alone', async () => {
    const server = await start()
    server.faults.push({ match: { endpoint: 'reimport-scan' }, action: { kind: 'status', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' } })
    const faulted = await reimport(server)
    expect(faulted).toMatchObject({ status: 502, body: '<html>Bad Gateway</html>' })
    expect(faulted.headers.get('content-type')).toBe('text/html')
    expect(server.state.tests).toHaveLength(0)
    expect(server.uploads[0]).toMatchObject({ status: 502, response: '<html>Bad Gateway</html>' })
    expect(server.uploads[0]?.file?.size).toBeGreaterThan(0)
    const normal = await reimport(server)
    expect(normal.status).toBe(201)
    expect(Object.keys(normal.body.statistics)).toEqual(['after'])
  })

  it('skip lets requests through first; match filters by endpoint and method', async () => {
    const server = await start()
    server.faults.push({ match: { endpoint: 'user_profile', method: 'get' }, skip: 1, times: 2, action: { kind: 'status', status: 503, body: '{"detail":"down"}' } })
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1) statuses.push((await call(server, '/api/v2/user_profile/')).status)
    expect(statuses).toEqual([200, 503, 503, 200])
    expect((await reimport(server)).status).toBe(201)
  })

  it('a reset drops the connection without an answer', async () => {
    const server = await start()
    server.faults.push({ action: { kind: 'reset' } })
    await expect(reimport(server)).rejects.toThrow()
    expect(server.uploads[0]?.status).toBe(0)
    expect(server.state.tests).toHaveLength(0)
    expect((await reimport(server)).status).toBe(201)
  })

  it('a hang never answers, and close() ends it', async () => {
    const server = await startDojoServer()
    server.faults.push({ match: { endpoint: 'reimport-scan' }, action: { kind: 'hang' } })
    const pending = reimport(server).then(() => 'answered', () => 'failed')
    await new Promise((r) => setTimeout(r, 200))
    expect(server.uploads).toHaveLength(1)
    expect(server.uploads[0]?.status).toBe(0)
    await server.close()
    expect(await pending).toBe('failed')
  })

  it('a delay fault and latencyMs slow the answer down', async () => {
    const server = await start({ latencyMs: 50 })
    server.faults.push({ action: { kind: 'delay', ms: 100 } })
    const t0 = performance.now()
    expect((await reimport(server)).status).toBe(201)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140)
  })
})

describe('path prefix and large files', () => {
  it('serves under a path prefix only', async () => {
    const server = await start({ pathPrefix: '/defectdojo/' })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/defectdojo$/)
    expect((await reimport(server)).status).toBe(201)
    const outside = await fetch(server.url.replace('/defectdojo', '') + '/api/v2/user_profile/', { headers: { Authorization: `Token ${server.token}` } })
    expect(outside.status).toBe(404)
    const redirect = await call(server, '/api/v2/import-scan', { method: 'POST', body: form({}), redirect: 'manual' })
    expect(redirect.headers.get('location')).toBe('/defectdojo/api/v2/import-scan/')
    expect(server.requests.map((r) => r.path)).toContain('/defectdojo/api/v2/reimport-scan/')
  })

  it('hashes files above keepFileBytesUpTo without parsing them', async () => {
    const server = await start({ keepFileBytesUpTo: 1024 })
    const content = gitleaks(...Array.from({ length: 200 }, (_, i) => `rule-${i}`))
    const res = await reimport(server, { file: { name: 'big.json', content } })
    expect(res.status).toBe(201)
    expect(res.body.statistics.after.total.total).toBe(0)
    expect(server.uploads[0]?.file).toMatchObject({ size: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') })
  })
})

describe('CLI', () => {
  it('prints one JSON line and serves until SIGTERM', async () => {
    const script = fileURLToPath(new URL('../support/dojo-server.ts', import.meta.url))
    const child = spawn(process.execPath, [script, '--port', '0', '--token', 'cli-token'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('\n')) resolve(stdout)
      })
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)))
    })
    const { url, token } = JSON.parse(line) as { url: string; token: string }
    expect(token).toBe('cli-token')
    const profile = await fetch(`${url}/api/v2/user_profile/`, { headers: { Authorization: `Token ${token}` } })
    expect(profile.status).toBe(200)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
  })
})
