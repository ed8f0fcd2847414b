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
  JSON.stringify(rules.map((rule) => ({ RuleID: rule, File: `src/${rule}.ts`, StartLine: 1, Description: rule, Secret: 'REDACTED' })))

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
    const semgrep = (...sev: string[]): string => JSON.stringify({ results: sev.map((s, i) => ({ check_id: `r${i}`, path: 'a.py', start: { line: i }, extra: { severity: s, message: 'm', metadata: {} } })) })
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

// ---------------------------------------------------------------------------------------------------------
// The read-only lookups (docs/defectdojo-api.md §i, §k), import history, importMs, anomalies, listing
// ---------------------------------------------------------------------------------------------------------

const get = (server: DojoServer, path: string): Promise<Reply> => call(server, path)
const names = (reply: Reply, key = 'name'): unknown[] => (reply.body.results as any[]).map((r) => r[key])
const until = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> => {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
const MICROSECONDS_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/

/** Three products in two product types, one engagement each, through the importer itself. */
async function hierarchy(server: DojoServer): Promise<void> {
  for (const [type, product] of [['Acme', 'acme/web'], ['Acme', 'acme/API'], ['Other', 'Web-shop']]) {
    expect((await reimport(server, { fields: baseFields({ product_type_name: type!, product_name: product! }) })).status).toBe(201)
  }
}

describe('list endpoints: filters (docs/defectdojo-api.md §i, §k)', () => {
  it('product_types: ?name= is exact and case-sensitive; rows are the serializer\'s', async () => {
    const server = await start()
    await hierarchy(server)
    const all = await get(server, '/api/v2/product_types/')
    expect(all.status).toBe(200)
    expect(Object.keys(all.body)).toEqual(['count', 'next', 'previous', 'results'])
    expect(names(all)).toEqual(['Acme', 'Other'])
    const acme = await get(server, '/api/v2/product_types/?name=Acme')
    expect(acme.body.count).toBe(1)
    expect(acme.body.results[0]).toMatchObject({ id: server.state.productTypes[0]!.id, name: 'Acme', critical_product: false, key_product: false })
    expect(acme.body.results[0].created).toMatch(MICROSECONDS_UTC)
    expect((await get(server, '/api/v2/product_types/?name=acme')).body.count).toBe(0)
    expect((await get(server, '/api/v2/product_types/?name=Acm')).body.count).toBe(0)
  })

  it('products: ?name_exact= is case-insensitive exact, ?name= is icontains, an empty value filters nothing', async () => {
    const server = await start()
    await hierarchy(server)
    const exact = await get(server, '/api/v2/products/?name_exact=ACME%2FWEB')
    expect(exact.body.count).toBe(1)
    // The client must compare the returned name itself: the importer's match is case-sensitive (§i).
    expect(exact.body.results[0]).toMatchObject({ name: 'acme/web', prod_type: server.state.productTypes[0]!.id, findings_count: 3 })
    expect(exact.body.results[0].findings_list).toHaveLength(3)
    expect((await get(server, '/api/v2/products/?name_exact=acme')).body.count).toBe(0)
    // icontains, ordered by name (get_authorized_products orders by name).
    expect(names(await get(server, '/api/v2/products/?name=WEB'))).toEqual(['Web-shop', 'acme/web'])
    expect(names(await get(server, '/api/v2/products/?name=acme'))).toEqual(['acme/API', 'acme/web'])
    expect((await get(server, '/api/v2/products/?name_exact=')).body.count).toBe(3)
    expect(names(await get(server, '/api/v2/products/?o=-id'))).toEqual(['Web-shop', 'acme/API', 'acme/web'])
  })

  it('engagements: ?product=<id>&name= both exact; an unknown product id is a 400, not an empty list', async () => {
    const server = await start()
    await hierarchy(server)
    await reimport(server, { fields: baseFields({ engagement_name: 'CI feature' }) })
    const web = server.state.products.find((p) => p.name === 'acme/web')!
    const both = await get(server, `/api/v2/engagements/?product=${web.id}`)
    expect(names(both)).toEqual(['CI main', 'CI feature'])
    const one = await get(server, `/api/v2/engagements/?product=${web.id}&name=CI%20main`)
    expect(one.body.count).toBe(1)
    expect(one.body.results[0]).toMatchObject({
      id: server.state.engagements[0]!.id, product: web.id, name: 'CI main', engagement_type: 'CI/CD', status: 'In Progress', lead: 1, active: true,
    })
    expect((await get(server, `/api/v2/engagements/?product=${web.id}&name=ci%20main`)).body.count).toBe(0)
    expect((await get(server, '/api/v2/engagements/?name=CI%20main')).body.count).toBe(3)
    const unknown = await get(server, '/api/v2/engagements/?product=999&name=CI%20main')
    expect(unknown.status).toBe(400)
    expect(unknown.body).toMatchObject({ product: ['Select a valid choice. That choice is not one of the available choices.'], pro: [expect.any(String)] })
    expect(unknown.body.message).toContain("code='invalid_choice'")
    expect((await get(server, '/api/v2/engagements/?product=abc')).status).toBe(400)
  })

  it('tests: every filter is exact; items are GET /api/v2/tests/{id}/ bodies', async () => {
    const server = await start()
    const meta = { build_id: '77-1', branch_tag: 'main', commit_hash: 'abc123', version: '1.0' }
    const first = await reimport(server, { fields: baseFields(meta) })
    await reimport(server, { fields: baseFields({ test_title: 'gitleaks-2', build_id: '78-1' }) })
    await reimport(server, { fields: baseFields({ scan_type: 'Bandit Scan', test_title: 'gitleaks' }), file: { name: 'b.json', content: '{"results": []}' } })
    const engagement = first.body.engagement_id
    const found = await get(server, `/api/v2/tests/?engagement=${engagement}&title=gitleaks&scan_type=Gitleaks%20Scan`)
    expect(found.body.count).toBe(1)
    expect(found.body.results[0]).toEqual((await get(server, `/api/v2/tests/${first.body.test_id}/`)).body)
    expect((await get(server, `/api/v2/tests/?engagement=${engagement}`)).body.count).toBe(3)
    expect(names(await get(server, '/api/v2/tests/?title=gitleaks'), 'scan_type')).toEqual(['Gitleaks Scan', 'Bandit Scan'])
    expect((await get(server, '/api/v2/tests/?title=Gitleaks')).body.count).toBe(0)
    expect((await get(server, '/api/v2/tests/?scan_type=gitleaks%20scan')).body.count).toBe(0)
    for (const [key, value] of Object.entries(meta)) {
      expect(names(await get(server, `/api/v2/tests/?${key}=${value}`), 'id')).toEqual([first.body.test_id])
    }
    expect(names(await get(server, '/api/v2/tests/?build_id=78-1'), 'title')).toEqual(['gitleaks-2'])
    expect((await get(server, '/api/v2/tests/?build_id=77')).body.count).toBe(0)
    expect((await get(server, '/api/v2/tests/?engagement=999')).status).toBe(400)
    // ApiTestFilter's `o` has no `id`: DefectDojo refuses it.
    const badOrder = await get(server, '/api/v2/tests/?o=-id')
    expect(badOrder.status).toBe(400)
    expect(badOrder.body.o).toEqual(['Select a valid choice. -id is not one of the available choices.'])
    expect(names(await get(server, '/api/v2/tests/?o=-title'), 'title')).toEqual(['gitleaks-2', 'gitleaks', 'gitleaks'])
  })

  it('findings: ?test=, ?active=, ?severity= (comma list, exact), ?o=-id, ?limit=; titles from the report', async () => {
    const server = await start()
    const first = await reimport(server, { file: { name: 'g.json', content: gitleaks('a', 'b', 'c') } })
    await reimport(server, { file: { name: 'g.json', content: gitleaks('b', 'c') } })
    const other = await reimport(server, {
      fields: baseFields({ scan_type: 'Trivy Scan', test_title: 'trivy' }),
      file: { name: 't.json', content: JSON.stringify({ SchemaVersion: 2, Results: [{ Target: 'go.sum', Vulnerabilities: [
        { VulnerabilityID: 'CVE-1', PkgName: 'x', InstalledVersion: '1', Severity: 'CRITICAL' },
        { VulnerabilityID: 'CVE-2', PkgName: 'y', InstalledVersion: '2', Severity: 'LOW' },
      ] }] }) },
    })
    const test = first.body.test_id
    const all = await get(server, `/api/v2/findings/?test=${test}`)
    expect(all.body.count).toBe(3)
    expect(all.body.results[0]).toMatchObject({
      id: expect.any(Number), title: 'Hard Coded a Found in src/a.ts', severity: 'High', active: false, verified: false, is_mitigated: true,
      duplicate: false, false_p: false, test, file_path: 'src/a.ts', line: 1, numerical_severity: 'S1',
    })
    expect(all.body.results[0].date).toMatch(/^\d{4}-\d\d-\d\d$/)
    expect(all.body.results[0].mitigated).toMatch(MICROSECONDS_UTC)
    expect(names(await get(server, `/api/v2/findings/?test=${test}&active=true`), 'title')).toEqual(['Hard Coded B Found in src/b.ts', 'Hard Coded C Found in src/c.ts'])
    expect((await get(server, `/api/v2/findings/?test=${test}&active=false`)).body.count).toBe(1)
    expect((await get(server, `/api/v2/findings/?test=${test}&active=maybe`)).body.count).toBe(3)
    const trivy = other.body.test_id
    expect(names(await get(server, `/api/v2/findings/?test=${trivy}`), 'title')).toEqual(['CVE-1 X 1', 'CVE-2 Y 2'])
    expect(names(await get(server, `/api/v2/findings/?test=${trivy}&severity=Critical`), 'title')).toEqual(['CVE-1 X 1'])
    expect((await get(server, `/api/v2/findings/?test=${trivy}&severity=critical`)).body.count).toBe(0)
    expect((await get(server, '/api/v2/findings/?severity=Critical,High')).body.count).toBe(4)
    const newest = await get(server, '/api/v2/findings/?o=-id&limit=2')
    expect(newest.body.count).toBe(5)
    expect(names(newest, 'id')).toEqual([5, 4])
    expect(names(await get(server, '/api/v2/findings/'), 'id')).toEqual([1, 2, 3, 4, 5])
    expect((await get(server, '/api/v2/findings/?test=999')).status).toBe(400)
  })
})

describe('list endpoints: pagination (DRF LimitOffsetPagination, 25 a page)', () => {
  it('count, next and previous keep the other parameters, sorted as DRF rebuilds them', async () => {
    const server = await start()
    for (let i = 1; i <= 30; i += 1) {
      server.state.productTypes.push({ id: i, name: `T${String(i).padStart(2, '0')}` })
    }
    server.state.lastIds.productType = 30
    const first = await get(server, '/api/v2/product_types/')
    expect(first.body.count).toBe(30)
    expect(first.body.results).toHaveLength(25)
    expect(first.body.previous).toBeNull()
    const origin = server.url
    expect(first.body.next).toBe(`${origin}/api/v2/product_types/?limit=25&offset=25`)
    const second = await call(server, new URL(first.body.next).pathname + new URL(first.body.next).search)
    expect(second.body.results).toHaveLength(5)
    expect(second.body.next).toBeNull()
    expect(second.body.previous).toBe(`${origin}/api/v2/product_types/?limit=25`)
    const page = await get(server, '/api/v2/product_types/?offset=20&limit=10&name=')
    expect(names(page)).toEqual(['T21', 'T22', 'T23', 'T24', 'T25', 'T26', 'T27', 'T28', 'T29', 'T30'])
    expect(page.body.next).toBeNull()
    expect(page.body.previous).toBe(`${origin}/api/v2/product_types/?limit=10&name=&offset=10`)
    // A limit that is not a positive integer is the default; a bad offset is 0.
    expect((await get(server, '/api/v2/product_types/?limit=0')).body.results).toHaveLength(25)
    expect((await get(server, '/api/v2/product_types/?limit=x&offset=y')).body.results[0].name).toBe('T01')
    expect((await get(server, '/api/v2/product_types/?offset=40')).body).toMatchObject({ count: 30, results: [], next: null })
  })

  it('lists need the token and GET, and answer a slash-less path with the 301', async () => {
    const server = await start()
    expect(await call(server, '/api/v2/products/', {}, null)).toMatchObject({ status: 403, body: { detail: 'Authentication credentials were not provided.' } })
    expect((await call(server, '/api/v2/findings/', { method: 'POST' })).status).toBe(405)
    const redirect = await call(server, '/api/v2/test_imports?test=1', { redirect: 'manual' })
    expect(redirect.status).toBe(301)
    expect(redirect.headers.get('location')).toBe('/api/v2/test_imports/?test=1')
  })
})

describe('import history (docs/defectdojo-api.md §k)', () => {
  it('one Test_Import row per (re)import; its actions N/C/R/U match the 201 statistics', async () => {
    const server = await start()
    const steps = [
      { build: '100-1', rules: ['a', 'b', 'c'] }, // import into a new test: 3 N
      { build: '101-1', rules: ['b', 'c', 'd'] }, // 1 N (d), 1 C (a), 2 U
      { build: '102-1', rules: ['a', 'b', 'c', 'd'] }, // 1 R (a), 3 U
      { build: '102-1', rules: ['a', 'b', 'c', 'd'] }, // a retry of the same build: 4 U
    ]
    const replies: Reply[] = []
    for (const step of steps) {
      replies.push(await reimport(server, { fields: baseFields({ build_id: step.build, commit_hash: 'c0ffee' }), file: { name: 'g.json', content: gitleaks(...step.rules) } }))
    }
    const test = replies[0]!.body.test_id
    const rows = (await get(server, `/api/v2/test_imports/?test=${test}`)).body.results as any[]
    expect(rows.map((r) => r.type)).toEqual(['import', 'reimport', 'reimport', 'reimport'])
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]) // id order without `o`
    const counts = (row: any): Record<string, number> => {
      const out: Record<string, number> = { N: 0, C: 0, R: 0, U: 0 }
      for (const a of row.test_import_finding_action_set) out[a.action] = (out[a.action] ?? 0) + 1
      return out
    }
    expect(counts(rows[0])).toEqual({ N: 3, C: 0, R: 0, U: 0 })
    expect(replies[0]!.body.statistics.after.total.total).toBe(3)
    for (let i = 1; i < rows.length; i += 1) {
      const delta = replies[i]!.body.statistics.delta
      expect(counts(rows[i])).toEqual({
        N: delta.created.total.total, C: delta.closed.total.total, R: delta.reactivated.total.total, U: delta.untouched.total.total,
      })
    }
    expect(counts(rows[1])).toEqual({ N: 1, C: 1, R: 0, U: 2 })
    expect(counts(rows[2])).toEqual({ N: 0, C: 0, R: 1, U: 3 })
    expect(counts(rows[3])).toEqual({ N: 0, C: 0, R: 0, U: 4 })
    const row = rows[1]
    expect(row).toMatchObject({
      test, type: 'reimport', build_id: '101-1', commit_hash: 'c0ffee', branch_tag: '', version: '',
      import_settings: { minimum_severity: 'Info', close_old_findings: true, do_not_reactivate: false, active: null, verified: null },
    })
    expect(row.created).toMatch(MICROSECONDS_UTC)
    expect(row.modified).toMatch(MICROSECONDS_UTC)
    // The action set is ordered by action, then finding; each entry names its finding and its row.
    expect(row.test_import_finding_action_set.map((a: any) => a.action)).toEqual(['C', 'N', 'U', 'U'])
    for (const a of row.test_import_finding_action_set) {
      expect(Object.keys(a).sort()).toEqual(['action', 'created', 'finding', 'id', 'modified', 'test_import'])
      expect(a.test_import).toBe(row.id)
      expect(a.created).toMatch(MICROSECONDS_UTC)
    }
    expect(row.findings_affected).toEqual(row.test_import_finding_action_set.map((a: any) => a.finding).sort((x: number, y: number) => x - y))
    const closed = row.test_import_finding_action_set.find((a: any) => a.action === 'C').finding
    // The finding closed by the second upload is the one the third reactivated.
    expect(rows[2].test_import_finding_action_set.find((a: any) => a.action === 'R').finding).toBe(closed)
    // Looking an upload up by build_id, newest first (§k).
    expect((await get(server, `/api/v2/test_imports/?test=${test}&build_id=102-1&o=-id`)).body.results.map((r: any) => r.id)).toEqual([4, 3])
    expect((await get(server, `/api/v2/test_imports/?test=${test}&build_id=102-1&o=id`)).body.results.map((r: any) => r.id)).toEqual([3, 4])
    expect((await get(server, `/api/v2/test_imports/?test=${test}&build_id=999`)).body.count).toBe(0)
    expect((await get(server, '/api/v2/test_imports/?test=999')).status).toBe(400)
    expect((await get(server, '/api/v2/test_imports/?o=-title')).status).toBe(400)
    // The counts on DojoTest are still there.
    expect(server.state.tests[0]!.imports.map((i) => [i.type, i.created, i.closed, i.reactivated, i.untouched])).toEqual([
      ['import', 3, 0, 0, 0], ['reimport', 1, 1, 0, 2], ['reimport', 0, 0, 1, 3], ['reimport', 0, 0, 0, 4],
    ])
    expect(server.state.testImports).toHaveLength(4)
  })

  it('an import-scan row records its close_old_findings closures in other tests, and a report that fails to parse writes none', async () => {
    const server = await start()
    const fields = baseFields({ close_old_findings: 'true' })
    const first = await importScan(server, { fields, file: { name: 'g.json', content: gitleaks('a', 'b') } })
    const second = await importScan(server, { fields, file: { name: 'g.json', content: gitleaks('b') } })
    const [, row] = (await get(server, '/api/v2/test_imports/')).body.results as any[]
    expect(row).toMatchObject({ type: 'import', test: second.body.test_id, import_settings: { close_old_findings: true } })
    const closedId = row.test_import_finding_action_set.find((a: any) => a.action === 'C').finding
    expect(server.state.tests.find((t) => t.id === first.body.test_id)!.findings.map((f) => f.id)).toContain(closedId)
    expect((await reimport(server, { file: { name: 'g.json', content: '{not json' } })).status).toBe(400)
    expect((await get(server, '/api/v2/test_imports/')).body.count).toBe(2)
  })
})

describe('importMs: the importer works after the context exists (docs/defectdojo-api.md §d, §e)', () => {
  const visible = async (server: DojoServer, query: string): Promise<number> => (await get(server, query)).body.count

  it('during the window the new test is visible but has no findings and no import row; then both are there', async () => {
    const server = await start({ importMs: 400 })
    const t0 = performance.now()
    const pending = reimport(server, { fields: baseFields({ build_id: '5-1' }) })
    await until('the test', async () => (await visible(server, '/api/v2/tests/?title=gitleaks&scan_type=Gitleaks%20Scan')) === 1)
    const test = server.state.tests[0]!.id
    expect(await visible(server, `/api/v2/engagements/?product=${server.state.products[0]!.id}&name=CI%20main`)).toBe(1)
    expect(await visible(server, `/api/v2/test_imports/?test=${test}&build_id=5-1`)).toBe(0)
    expect(await visible(server, `/api/v2/findings/?test=${test}`)).toBe(0)
    expect(server.uploads).toHaveLength(0)
    const reply = await pending
    expect(reply.status).toBe(201)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390)
    expect(await visible(server, `/api/v2/test_imports/?test=${test}&build_id=5-1`)).toBe(1)
    expect(await visible(server, `/api/v2/findings/?test=${test}`)).toBe(3)

    // A reimport into the existing test: the old import row only, until the new one is written.
    server.importMs = 300
    const again = reimport(server, { fields: baseFields({ build_id: '6-1' }) })
    await new Promise((r) => setTimeout(r, 100))
    expect(await visible(server, `/api/v2/test_imports/?test=${test}`)).toBe(1)
    expect((await again).body.statistics.delta.untouched.total.total).toBe(3)
    expect(await visible(server, `/api/v2/test_imports/?test=${test}&build_id=6-1`)).toBe(1)
  })

  it('a SARIF test (report-derived test type) only appears at the end, as DefectDojo creates it after parsing', async () => {
    const server = await start({ importMs: 300 })
    const sarif = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'CodeQL' } }, results: [{ ruleId: 'js/xss', level: 'error', message: { text: 'Cross-site scripting' } }] }] })
    const pending = reimport(server, { fields: baseFields({ scan_type: 'SARIF', test_title: 'codeql' }), file: { name: 'r.sarif', content: sarif } })
    await until('the engagement', () => server.state.engagements.length === 1)
    await new Promise((r) => setTimeout(r, 100))
    expect(await visible(server, '/api/v2/tests/?title=codeql')).toBe(0)
    expect((await pending).status).toBe(201)
    const [test] = (await get(server, '/api/v2/tests/?title=codeql')).body.results
    expect(test).toMatchObject({ scan_type: 'SARIF', test_type_name: 'CodeQL Scan (SARIF)' })
    expect(names(await get(server, `/api/v2/findings/?test=${test.id}`), 'title')).toEqual(['Cross-Site Scripting'])
  })

  it('a client that leaves during the window does not stop the import: recorded with status 0, state changed', async () => {
    const server = await start({ importMs: 300 })
    const controller = new AbortController()
    const pending = call(server, '/api/v2/reimport-scan/', { method: 'POST', body: form({ fields: baseFields({ build_id: '9-1' }) }), signal: controller.signal })
    await until('the test', () => server.state.tests.length === 1)
    controller.abort()
    await expect(pending).rejects.toThrow()
    await until('the upload record', () => server.uploads.length === 1)
    const [upload] = server.uploads
    expect(upload).toMatchObject({ status: 0, response: null, unsent: { status: 201 } })
    expect((upload!.unsent!.response as any).statistics.after.total.total).toBe(3)
    expect(server.requests.at(-1)).toMatchObject({ path: '/api/v2/reimport-scan/', status: 0 })
    const test = server.state.tests[0]!.id
    expect(await visible(server, `/api/v2/test_imports/?test=${test}&build_id=9-1`)).toBe(1)
    expect(await visible(server, `/api/v2/findings/?test=${test}`)).toBe(3)
  })

  it('latencyMs comes before the context exists, importMs after it', async () => {
    const server = await start({ latencyMs: 200, importMs: 200 })
    const pending = reimport(server)
    await new Promise((r) => setTimeout(r, 100))
    expect(server.state.engagements).toHaveLength(0)
    await until('the test', () => server.state.tests.length === 1)
    expect(server.state.testImports).toHaveLength(0)
    expect((await pending).status).toBe(201)
  })

  it('a test deleted while the importer works ends in the §d 400 and nothing is written', async () => {
    const server = await start()
    await reimport(server)
    server.importMs = 200
    const pending = reimport(server)
    await new Promise((r) => setTimeout(r, 50))
    server.state.tests.splice(0)
    const reply = await pending
    expect(reply.status).toBe(400)
    expect(reply.body.message).toMatch(/^\['The test this scan was being imported into \(id 1\) was deleted while the scan was being processed/)
    expect(server.state.testImports).toHaveLength(1)
  })
})

describe('anomaly log (docs/defectdojo-api.md §e caveat 2, §i)', () => {
  it('the race window\'s second test is logged as duplicate_test_created', async () => {
    const server = await start({ raceWindowMs: 100 })
    await Promise.all([reimport(server), reimport(server)])
    expect(server.state.tests).toHaveLength(2)
    expect(server.anomalies).toHaveLength(1)
    expect(server.anomalies[0]).toMatchObject({ kind: 'duplicate_test_created', at: expect.any(Number) })
    expect(server.anomalies[0]!.detail).toContain(`already has test ${server.state.tests[0]!.id}`)
  })

  it('nothing is logged without a race, nor for distinct titles; import-scan repeats are duplicates too', async () => {
    const server = await start()
    await Promise.all([reimport(server), reimport(server), reimport(server, { fields: baseFields({ test_title: 'other' }) })])
    expect(server.anomalies).toEqual([])
    await importScan(server)
    expect(server.anomalies.map((a) => a.kind)).toEqual(['duplicate_test_created'])
  })

  it('engagements: 3.2.0 locks their creation; engagementLock false (2.x) lets the race create two, logged', async () => {
    const locked = await start({ raceWindowMs: 100 })
    await Promise.all([reimport(locked), reimport(locked, { fields: baseFields({ test_title: 'two' }) })])
    expect(locked.state.engagements).toHaveLength(1)
    expect(locked.anomalies).toEqual([])
    const unlocked = await start({ raceWindowMs: 100, engagementLock: false })
    await Promise.all([reimport(unlocked), reimport(unlocked, { fields: baseFields({ test_title: 'two' }) })])
    expect(unlocked.state.engagements).toHaveLength(2)
    expect(unlocked.state.products).toHaveLength(1) // get_or_create on a unique name
    expect(unlocked.anomalies.map((a) => a.kind)).toEqual(['duplicate_engagement_created'])
    await Promise.all([importScan(unlocked, { fields: baseFields({ engagement_name: 'E2' }) }), importScan(unlocked, { fields: baseFields({ engagement_name: 'E2' }) })])
    expect(unlocked.anomalies.map((a) => a.kind)).toEqual(['duplicate_engagement_created', 'duplicate_engagement_created'])
  })
})

const LIST_PATHS = ['/api/v2/product_types/', '/api/v2/products/', '/api/v2/engagements/', '/api/v2/tests/', '/api/v2/test_imports/', '/api/v2/findings/']

describe('listing permissions (docs/defectdojo-api.md §i)', () => {
  it('forbidden: every list is a 403; uploads and the other endpoints are unaffected', async () => {
    const server = await start({ listing: 'forbidden' })
    const upload = await reimport(server)
    expect(upload.status).toBe(201)
    for (const path of LIST_PATHS) {
      expect(await get(server, `${path}?name=x`)).toMatchObject({ status: 403, body: { detail: 'You do not have permission to perform this action.' } })
    }
    expect((await get(server, `/api/v2/tests/${upload.body.test_id}/`)).status).toBe(200)
    expect((await get(server, '/api/v2/user_profile/')).status).toBe(200)
    server.listing = 'allowed'
    expect((await get(server, '/api/v2/products/')).body.count).toBe(1)
  })

  it('empty: every list is a 200 with no results', async () => {
    const server = await start({ listing: 'empty' })
    expect((await reimport(server)).status).toBe(201)
    for (const path of LIST_PATHS) {
      expect(await get(server, path)).toMatchObject({ status: 200, body: { count: 0, next: null, previous: null, results: [] } })
    }
    expect(server.state.tests).toHaveLength(1)
  })
})

describe('faults on the list endpoints', () => {
  it('each list endpoint has its own fault name; tests_list is the list, tests the detail', async () => {
    const server = await start()
    const upload = await reimport(server)
    const endpoints = ['product_types', 'products', 'engagements', 'tests_list', 'test_imports', 'findings'] as const
    for (const [i, endpoint] of endpoints.entries()) {
      server.faults.splice(0, server.faults.length, { match: { endpoint }, action: { kind: 'status', status: 503, body: '<html>down</html>', contentType: 'text/html' } })
      for (const [j, path] of LIST_PATHS.entries()) expect((await get(server, path)).status).toBe(i === j ? 503 : 200)
      expect((await get(server, `/api/v2/tests/${upload.body.test_id}/`)).status).toBe(200)
    }
    server.faults.splice(0, server.faults.length, { match: { endpoint: 'tests' }, times: Infinity, action: { kind: 'status', status: 502, body: '' } })
    expect((await get(server, `/api/v2/tests/${upload.body.test_id}/`)).status).toBe(502)
    expect((await get(server, '/api/v2/tests/')).status).toBe(200)
  })

  it('a reset and a delay work on a GET too', async () => {
    const server = await start()
    server.faults.push({ match: { endpoint: 'test_imports' }, action: { kind: 'reset' } })
    await expect(get(server, '/api/v2/test_imports/')).rejects.toThrow()
    server.faults.push({ match: { endpoint: 'findings' }, action: { kind: 'delay', ms: 150 } })
    const t0 = performance.now()
    expect((await get(server, '/api/v2/findings/')).status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140)
  })
})
