// The DefectDojo client inside the bundle against the stand-in with faults injected: every fault ends
// with each report uploaded exactly once or failed with one sentence, never both, never silently.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer, type DojoServer, type DojoServerOptions } from '../support/dojo-server.ts'
import { startForwardProxy } from '../support/proxy.ts'
import { makeCertificates, startTlsFront } from '../support/tls-front.ts'
import { FIXTURES, runAction, type ActionRun } from '../support/run-action.ts'

const demo = (name: string) => readFileSync(join(FIXTURES, 'demo', name), 'utf8')
const sha = (text: string) => createHash('sha256').update(text).digest('hex')
const runs: ActionRun[] = []
const tokens: string[] = []

let dojo: DojoServer
afterEach(async () => {
  await dojo?.close()
})
afterAll(() => {
  // The token-leak check: no captured output of any run here contains a token or a header secret.
  for (const run of runs) for (const secret of [...tokens, 'cf-secret-value-123']) expect(run.everything).not.toContain(secret)
})

async function start(options: DojoServerOptions = {}): Promise<void> {
  dojo = await startDojoServer(options)
  tokens.push(dojo.token)
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-net-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

async function run(inputs: Record<string, string> = {}, files: Record<string, string> = { 'gitleaks.json': demo('gitleaks.json') }, env: Record<string, string | undefined> = {}): Promise<ActionRun> {
  const result = await runAction({
    inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: '.', artifacts: '', ...inputs },
    workspace: workspace(files),
    env
  })
  runs.push(result)
  return result
}

const uploadsTo = () => dojo.uploads.filter((u) => u.endpoint === 'reimport-scan')

describe('retries: only safe ones, with the body rebuilt from disk each time', () => {
  it('502 twice then 201: uploaded once, after two retries, the file intact on every attempt', async () => {
    await start()
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, times: 2, action: { kind: 'status', status: 502, body: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' } })
    const result = await run()
    expect(result.code).toBe(0)
    const attempts = uploadsTo()
    expect(attempts.map((u) => u.status)).toEqual([502, 502, 201])
    for (const attempt of attempts) expect(attempt.file!.sha256).toBe(sha(demo('gitleaks.json')))
    expect(dojo.state.tests).toHaveLength(1)
    expect(result.results!.results[0]).toMatchObject({ status: 'uploaded', attempts: 3 })
    expect(result.stdout).toMatch(/attempt 1 failed: DefectDojo or a proxy in front of it answered HTTP 502/)
  })

  it('a connection reset in the middle of the upload is retried at once and lands once', async () => {
    await start()
    // 16 MiB: more than the socket buffers hold, so the stand-in's cut (after its first chunk) comes while
    // the body is still being written. (A reset after the whole body went out is ambiguous: gateway.e2e.)
    const big = JSON.stringify([{ RuleID: 'aws-access-token', StartLine: 1, Secret: 's', File: 'src/a.ts', Description: 'x'.repeat(16 * 1048576) }])
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, action: { kind: 'reset' } })
    const result = await run({}, { 'gitleaks.json': big })
    expect(result.code).toBe(0)
    expect(uploadsTo().map((u) => u.status)).toEqual([0, 201])
    expect(uploadsTo()[1]!.file!.sha256).toBe(sha(big))
    expect(dojo.state.tests).toHaveLength(1)
    // Not all of it was sent, so DefectDojo cannot have imported it: no lookup before sending it again.
    expect(result.stdout).not.toContain('Looking up whether DefectDojo imported it')
  })

  it('429 with Retry-After waits as asked', async () => {
    await start()
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, action: { kind: 'status', status: 429, body: '{"detail": "Request was throttled."}', contentType: 'application/json', headers: { 'retry-after': '2' } } })
    const result = await run()
    expect(result.code).toBe(0)
    const [first, second] = uploadsTo()
    expect(second!.startedAt - first!.endedAt).toBeGreaterThanOrEqual(1900)
    expect(result.stdout).toContain('Retrying in 2.0 s')
  })

  it('a response that never comes fails after `timeout-minutes`, naming the input; a retry then succeeds', async () => {
    await start()
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, action: { kind: 'hang' } })
    const failed = await run({ 'timeout-minutes': '0.03', retries: '0' })
    expect(failed.code).toBe(1)
    expect(failed.results!.results[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('did not answer within 1.8 s: raise the `timeout-minutes` input') })
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, action: { kind: 'hang' } })
    const retried = await run({ 'timeout-minutes': '0.03', retries: '1' })
    expect(retried.code).toBe(0)
    expect(retried.results!.results[0]).toMatchObject({ status: 'uploaded', attempts: 2 })
  })

  it.each([
    [400, 'application/json', '{"message": "[\'Internal error: Wrong file format, please use xml.\']", "pro": ["x"]}', 'DefectDojo refused the upload (HTTP 400: "Internal error: Wrong file format, please use xml.").'],
    [403, 'application/json', '{"detail": "You do not have permission to perform this action."}', 'DefectDojo refused the upload (HTTP 403: "You do not have permission to perform this action."): the token\'s user may not reimport into product "web" or create it.'],
    [413, 'text/html', '<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>', `The upload was rejected by a proxy in front of DefectDojo (HTTP 413, report is ${(Buffer.byteLength(demo('gitleaks.json')) / 1024).toFixed(1)} KB): raise its body size limit (nginx client_max_body_size).`],
    [500, 'application/json', '{"message": "Internal server error, check logs for details", "pro": ["x"]}', 'DefectDojo failed to parse this report as Gitleaks Scan (HTTP 500: "Internal server error, check logs for details"); the report or the scan type is wrong, so it was not retried.']
  ])('HTTP %i is not retried and fails with one exact sentence', async (status, contentType, body, sentence) => {
    await start()
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, action: { kind: 'status', status, body, contentType } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(uploadsTo()).toHaveLength(1)
    expect(result.results!.results[0]).toMatchObject({ status: 'failed', reason: sentence, attempts: 1 })
    expect(result.summary).toContain(`HTTP ${status}`)
  })
})

describe('answers without statistics', () => {
  it('reports counts as unknown, not zero, and still links the test', async () => {
    await start()
    expect((await run()).code).toBe(0)
    const testId = dojo.state.tests[0]!.id
    // A 201 that carries ids but no statistics (a future background import, or a proxy that trims it).
    dojo.faults.push({ match: { endpoint: 'reimport-scan' }, action: { kind: 'status', status: 201, body: JSON.stringify({ scan_type: 'Gitleaks Scan', test_id: testId, engagement_id: 1, product_id: 1, pro: ['x'] }), contentType: 'application/json' } })
    const result = await run()
    expect(result.code).toBe(0)
    expect(result.results!.results[0]).toMatchObject({ status: 'uploaded', testId, created: null, closed: null, reactivated: null, untouched: null })
    expect(result.results!.results[0]!.testUrl).toBe(`${dojo.url}/test/${testId}`)
    expect(result.summary).toMatch(/unknown/)
    // The test itself was read for what it can tell.
    expect(dojo.requests.some((r) => r.path === `/api/v2/tests/${testId}/`)).toBe(true)
  })
})

describe('concurrency without duplicate tests', () => {
  it('concurrent first uploads into one new engagement create no duplicate tests', async () => {
    // The stand-in emulates DefectDojo's lookup-then-create race with a 300 ms window.
    await start({ raceWindowMs: 300, latencyMs: 100 })
    const files = {
      'gitleaks.json': demo('gitleaks.json'),
      'semgrep.json': demo('semgrep.json'),
      'bandit.json': demo('bandit.json'),
      'trivy.json': demo('trivy-image.json'),
      'codeql.sarif': demo('codeql.sarif'),
      'zap.xml': demo('zap.xml')
    }
    const result = await run({ concurrency: '4' }, files)
    expect(result.code).toBe(0)
    expect(dojo.state.engagements).toHaveLength(1)
    expect(dojo.state.tests).toHaveLength(6)
    const uploads = [...uploadsTo()].sort((a, b) => a.startedAt - b.startedAt)
    // The first upload created the engagement before any other started; then they ran side by side.
    for (const later of uploads.slice(1)) expect(later.startedAt).toBeGreaterThanOrEqual(uploads[0]!.endedAt)
    const overlapping = uploads.slice(1).filter((u) => uploads.slice(1).some((v) => v !== u && v.startedAt < u.endedAt && u.startedAt < v.endedAt))
    expect(overlapping.length).toBeGreaterThan(1)
    // A second run finds the same six tests.
    await run({ concurrency: '4' }, files)
    expect(dojo.state.tests).toHaveLength(6)
  })

  it('concurrency 1 uploads one at a time', async () => {
    await start({ latencyMs: 50 })
    await run({ concurrency: '1' }, { 'gitleaks.json': demo('gitleaks.json'), 'bandit.json': demo('bandit.json'), 'semgrep.json': demo('semgrep.json') })
    const uploads = [...uploadsTo()].sort((a, b) => a.startedAt - b.startedAt)
    for (let i = 1; i < uploads.length; i++) expect(uploads[i]!.startedAt).toBeGreaterThanOrEqual(uploads[i - 1]!.endedAt)
  })
})

describe('preflight and configuration', () => {
  it('a URL with a path prefix works', async () => {
    await start({ pathPrefix: '/defectdojo' })
    const result = await run()
    expect(result.code).toBe(0)
    expect(dojo.requests[0]!.path).toBe('/defectdojo/api/v2/user_profile/')
    expect(result.results!.results[0]!.testUrl).toMatch(/\/defectdojo\/test\/\d+$/)
  })

  it('an HTML answer says the URL does not serve the DefectDojo API, and nothing is uploaded', async () => {
    await start()
    dojo.faults.push({ match: { endpoint: 'user_profile' }, action: { kind: 'status', status: 200, body: '<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>', contentType: 'text/html' } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('does not serve the DefectDojo API (got HTML with HTTP 200 from /api/v2/user_profile/)')
    expect(uploadsTo()).toHaveLength(0)
    expect(result.results!.results[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^not attempted: /) })
  })

  it.each([
    ['a redirect to another host', { kind: 'status', status: 302, body: '', headers: { location: 'https://sso.example.com/oauth2/authorize?client_id=dd&state=s3cr3t-state' } }, 'was redirected (HTTP 302) to https://sso.example.com/oauth2/authorize'],
    ['a login page', { kind: 'status', status: 200, body: '<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>Login</body></html>', contentType: 'text/html' }, 'was answered with a login page (HTML, HTTP 200)']
  ] as const)('%s on the token check says DefectDojo is behind a login and names `extra-headers`', async (_, action, how) => {
    await start()
    dojo.faults.push({ match: { endpoint: 'user_profile' }, action: { ...action } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`DefectDojo is behind a login: the token check (GET /api/v2/user_profile/) ${how}, which an API token cannot pass.`)
    expect(result.stdout).toContain('the `extra-headers` input (for Cloudflare Access, `CF-Access-Client-Id: …` and `CF-Access-Client-Secret: …`')
    // The login's query (state, client ids) is not repeated.
    expect(result.everything).not.toContain('s3cr3t-state')
    expect(uploadsTo()).toHaveLength(0)
  })

  it('a redirect of the API on the same host names the address to use instead', async () => {
    await start()
    dojo.faults.push({ match: { endpoint: 'user_profile' }, action: { kind: 'status', status: 301, body: '', headers: { location: `${dojo.url}/dd/api/v2/user_profile/` } } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`redirects the API (HTTP 301) to ${dojo.url}/dd/api/v2/user_profile/: set \`defectdojo-url\` to ${dojo.url}/dd.`)
    expect(uploadsTo()).toHaveLength(0)
  })

  it('a refused connection names the URL', async () => {
    await start()
    const url = dojo.url
    await dojo.close()
    const result = await runAction({ inputs: { 'defectdojo-url': url, 'defectdojo-token': dojo.token, path: '.', retries: '0' }, workspace: workspace({ 'gitleaks.json': demo('gitleaks.json') }) })
    runs.push(result)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`Cannot connect to ${url} (ECONNREFUSED)`)
    dojo = await startDojoServer()
  })

  it('a report over max-report-size-mb is not sent and fails with the limit named', async () => {
    await start()
    const result = await run({ 'max-report-size-mb': '0.001' })
    expect(result.code).toBe(1)
    expect(uploadsTo()).toHaveLength(0)
    expect(result.results!.results[0]!.reason).toContain('over `max-report-size-mb`')
  })

  it('extra-headers are sent on every request and their values never printed', async () => {
    await start()
    const result = await run({ 'extra-headers': 'CF-Access-Client-Secret: cf-secret-value-123\nX-Team: appsec' })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('::add-mask::cf-secret-value-123')
    expect(uploadsTo()[0]!.headers).toMatchObject({ 'cf-access-client-secret': 'cf-secret-value-123', 'x-team': 'appsec' })
  })

  it('refuses plain http:// to another host, and bad numbers, before sending anything', async () => {
    await start()
    const result = await run({ 'defectdojo-url': 'http://dojo.internal.example', concurrency: '0', retries: 'many', 'extra-headers': 'Authorization: Token x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('plain http:// would send the API key unencrypted')
    expect(result.stdout).toContain('Input `concurrency` is "0": use a whole number from 1 to 32.')
    expect(result.stdout).toContain('Input `retries` is "many"')
    expect(result.stdout).toContain('Input `extra-headers` may not set Authorization')
    expect(dojo.requests).toHaveLength(0)
  })
})

describe('networks of real companies', () => {
  it('goes through HTTP_PROXY / HTTPS_PROXY, and fails when the proxy is down', async () => {
    await start()
    const proxy = await startForwardProxy()
    try {
      const result = await run({}, undefined, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' })
      expect(result.code).toBe(0)
      // Every request DefectDojo saw came through the proxy.
      expect(proxy.requests.length).toBe(dojo.requests.length)
      expect(proxy.requests.map((r) => r.target)).toEqual(expect.arrayContaining([`${dojo.url}/api/v2/user_profile/`, `${dojo.url}/api/v2/reimport-scan/`]))
    } finally {
      await proxy.close()
    }
    const down = await run({ retries: '0' }, undefined, { HTTP_PROXY: proxy.url, NO_PROXY: '' })
    expect(down.code).toBe(1)
    expect(uploadsTo()).toHaveLength(1)
  })

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    await start()
    const proxy = await startForwardProxy()
    try {
      const result = await run({}, undefined, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })
      expect(result.code).toBe(0)
      expect(proxy.requests).toHaveLength(0)
    } finally {
      await proxy.close()
    }
  })

  it('trusts a private CA only when given in `ca-certificates` (added to, not replacing, the roots)', async () => {
    await start()
    const certs = makeCertificates()
    const front = await startTlsFront({ target: dojo.url, certs })
    try {
      const refused = await run({ 'defectdojo-url': front.url, retries: '0' })
      expect(refused.code).toBe(1)
      expect(refused.stdout).toContain('TLS to ' + front.url + ' failed (SELF_SIGNED_CERT_IN_CHAIN): if DefectDojo uses a private CA, give its PEM file in `ca-certificates`.')
      expect(uploadsTo()).toHaveLength(0)
      const trusted = await run({ 'defectdojo-url': front.url, 'ca-certificates': certs.caPath })
      expect(trusted.code).toBe(0)
      expect(uploadsTo()).toHaveLength(1)
    } finally {
      await front.close()
    }
  })

  it('presents a client certificate for mutual TLS', async () => {
    await start()
    const certs = makeCertificates()
    const front = await startTlsFront({ target: dojo.url, certs, requireClientCert: true })
    try {
      const without = await run({ 'defectdojo-url': front.url, 'ca-certificates': certs.caPath, retries: '0' })
      expect(without.code).toBe(1)
      expect(uploadsTo()).toHaveLength(0)
      const withCert = await run({ 'defectdojo-url': front.url, 'ca-certificates': certs.caPath, 'client-certificate': certs.clientCertPath, 'client-key': certs.clientKeyPath })
      expect(withCert.code).toBe(0)
      expect(uploadsTo()).toHaveLength(1)
    } finally {
      await front.close()
    }
  })

  it('delivers every byte of a multi-MiB report intact over TLS, through a proxy and through a TLS tunnel', async () => {
    // The client streams the file through two reused buffers: any chunk overwritten before it left would change the hash.
    await start()
    const findings = Array.from({ length: 40_000 }, (_, i) => ({ RuleID: `rule-${i}`, Description: randomBytes(96).toString('hex'), File: `src/f${i}.ts`, StartLine: i, Secret: 'x', Match: 'x' }))
    const big = JSON.stringify(findings)
    expect(big.length).toBeGreaterThan(8 * 1048576)
    const certs = makeCertificates()
    const front = await startTlsFront({ target: dojo.url, certs })
    const proxy = await startForwardProxy()
    try {
      const overTls = await run({ 'defectdojo-url': front.url, 'ca-certificates': certs.caPath }, { 'gitleaks.json': big })
      const viaProxy = await run({}, { 'gitleaks.json': big }, { HTTP_PROXY: proxy.url, NO_PROXY: '' })
      const tunnelled = await run({ 'defectdojo-url': front.url, 'ca-certificates': certs.caPath }, { 'gitleaks.json': big }, { HTTPS_PROXY: proxy.url, NO_PROXY: '' })
      for (const result of [overTls, viaProxy, tunnelled]) expect(result.code).toBe(0)
      expect(proxy.requests.map((r) => r.method)).toEqual(expect.arrayContaining(['POST', 'CONNECT']))
      expect(uploadsTo()).toHaveLength(3)
      for (const upload of uploadsTo()) expect(upload.file).toMatchObject({ size: Buffer.byteLength(big), sha256: sha(big) })
    } finally {
      await proxy.close()
      await front.close()
    }
  })

  it('names the input when a certificate file is missing or not PEM', async () => {
    await start()
    const notPem = join(workspace({ 'ca.txt': 'hello' }), 'ca.txt')
    const result = await run({ 'ca-certificates': notPem, 'client-certificate': '/nonexistent/cert.pem', 'client-key': '/nonexistent/key.pem' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`Input \`ca-certificates\` names ${notPem}, which holds no PEM block`)
    expect(result.stdout).toContain('Input `client-certificate` names /nonexistent/cert.pem, which cannot be read (ENOENT)')
    expect(dojo.requests).toHaveLength(0)
  })
})
