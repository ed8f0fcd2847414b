// Naming, Git context and import options through the bundle: the exact multipart fields DefectDojo
// receives for each kind of event, with zero naming inputs.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'
import { FIXTURES, runAction, type ActionRun } from '../support/run-action.ts'

const demo = (name: string) => readFileSync(join(FIXTURES, 'demo', name), 'utf8')
const HEAD = '9f4c2e1d7b3a5f6e8d0c1b2a3f4e5d6c7b8a9f0e'
const PR_HEAD = '5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d'
const runs: ActionRun[] = []

let dojo: DojoServer
beforeEach(async () => {
  dojo = await startDojoServer()
})
afterEach(async () => {
  for (const run of runs) expect(run.everything).not.toContain(dojo.token)
  await dojo.close()
})
afterAll(() => undefined)

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-naming-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

async function run(event: string, inputs: Record<string, string> = {}, files: Record<string, string> = { 'trivy.json': demo('trivy-image.json'), 'gitleaks.json': demo('gitleaks.json') }): Promise<ActionRun> {
  const result = await runAction({ inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: '.', artifacts: '', ...inputs }, workspace: workspace(files), event })
  runs.push(result)
  return result
}

const trivyFields = () => dojo.uploads.filter((u) => u.fields.scan_type![0] === 'Trivy Scan').at(-1)!.fields

describe('fields per event type, with zero naming inputs', () => {
  it('push to the default branch', async () => {
    expect((await run('push-main.json')).code).toBe(0)
    expect(trivyFields()).toEqual({
      scan_type: ['Trivy Scan'],
      product_type_name: ['acme'],
      product_name: ['web'],
      engagement_name: ['CI/CD'],
      test_title: ['trivy: trivy.json'],
      auto_create_context: ['true'],
      environment: ['Development'],
      branch_tag: ['main'],
      commit_hash: [HEAD],
      build_id: ['11223344556-1'],
      version: [''],
      source_code_management_uri: [`https://github.com/acme/web/tree/${HEAD}`]
    })
  })

  it('push to a feature branch goes to an engagement of its own', async () => {
    expect((await run('push-feature.json')).code).toBe(0)
    expect(trivyFields()).toMatchObject({ engagement_name: ['CI/CD (feature/login-form)'], branch_tag: ['feature/login-form'], commit_hash: [HEAD] })
  })

  it('pull request from a fork: head branch, head SHA, own engagement', async () => {
    expect((await run('pull-request-fork.json')).code).toBe(0)
    expect(trivyFields()).toMatchObject({
      engagement_name: ['CI/CD (contributor:harden-login)'],
      branch_tag: ['harden-login'],
      commit_hash: [PR_HEAD],
      source_code_management_uri: [`https://github.com/acme/web/tree/${PR_HEAD}`]
    })
  })

  it('tag push: version is the tag, the default engagement, empty branch', async () => {
    expect((await run('push-tag.json')).code).toBe(0)
    expect(trivyFields()).toMatchObject({ engagement_name: ['CI/CD'], branch_tag: [''], version: ['v2.4.0'], commit_hash: [HEAD] })
  })

  it('workflow_run: branch and commit of the triggering run', async () => {
    expect((await run('workflow-run.json')).code).toBe(0)
    expect(trivyFields()).toMatchObject({ engagement_name: ['CI/CD'], branch_tag: ['main'], commit_hash: [HEAD] })
  })

  it('schedule: the default branch', async () => {
    expect((await run('schedule.json')).code).toBe(0)
    expect(trivyFields()).toMatchObject({ engagement_name: ['CI/CD'], branch_tag: ['main'] })
  })

  it('a push to main and a pull request land in different engagements with distinct, stable tests', async () => {
    await run('push-main.json')
    await run('pull-request-fork.json')
    await run('push-main.json')
    await run('pull-request-fork.json')
    const engagements = dojo.state.engagements.map((e) => e.name).sort()
    expect(engagements).toEqual(['CI/CD', 'CI/CD (contributor:harden-login)'])
    // Two reports × two engagements, kept alive by reimport across runs.
    expect(dojo.state.tests).toHaveLength(4)
    const mainTests = dojo.state.tests.filter((t) => dojo.state.engagements.find((e) => e.id === t.engagement)!.name === 'CI/CD')
    expect(mainTests.map((t) => t.branch_tag)).toEqual(['main', 'main'])
  })

  it('branch-isolation: false sends a feature branch into the main engagement', async () => {
    await run('push-feature.json', { 'branch-isolation': 'false' })
    expect(trivyFields().engagement_name).toEqual(['CI/CD'])
  })
})

describe('templates, options, rules and modes', () => {
  it('fills naming templates and sends every option set', async () => {
    const result = await run('push-main.json', {
      'product-type': 'Org {owner}',
      product: '{repo}-{environment}',
      engagement: '{lane}-{branch}',
      'test-title': '{scan_type} / {file}',
      environment: 'Staging',
      'minimum-severity': 'Medium',
      tags: 'ci,nightly',
      'apply-tags-to-findings': 'true',
      'do-not-reactivate': 'true',
      'group-by': 'file_path',
      'scan-date': '2026-01-15',
      service: 'web-api',
      verified: 'true',
      version: '3.1.0'
    })
    expect(result.code).toBe(0)
    expect(trivyFields()).toMatchObject({
      product_type_name: ['Org acme'],
      product_name: ['web-Staging'],
      engagement_name: ['container-main'],
      test_title: ['Trivy Scan / trivy'],
      environment: ['Staging'],
      minimum_severity: ['Medium'],
      tags: ['ci', 'nightly'],
      apply_tags_to_findings: ['true'],
      do_not_reactivate: ['true'],
      group_by: ['file_path'],
      scan_date: ['2026-01-15'],
      service: ['web-api'],
      verified: ['true'],
      version: ['3.1.0']
    })
    expect(trivyFields()).not.toHaveProperty('active')
  })

  it('stops before any upload when two reports would share a test, listing them and the input to change', async () => {
    const result = await run('push-main.json', { 'test-title': '{tool}' }, { 'fs/trivy.json': demo('trivy-image.json'), 'image/trivy.json': demo('trivy-image.json').replace('CVE-2026-10001', 'CVE-2026-19999') })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('These reports would land in the same DefectDojo test')
    expect(result.stdout).toContain('fs/trivy.json, image/trivy.json')
    expect(result.stdout).toContain('`test-title`')
    // Only the token check, which travels while the files are recognised: nothing else, nothing written.
    expect(dojo.requests.filter((r) => r.path !== '/api/v2/user_profile/' && r.path !== '/api/v2/oa3/schema/')).toHaveLength(0)
  })

  it('`scan-types` overrides recognition, routes a monorepo, and names the unknown scan type with a suggestion', async () => {
    const generic = JSON.stringify({ findings: [{ title: 'Custom check', severity: 'High', description: 'x' }] })
    const files = { 'services/api/semgrep.json': demo('semgrep.json'), 'services/web/semgrep.json': demo('semgrep.json').replace('views.py', 'web.py'), 'custom/findings.json': generic }
    const ok = await run('push-main.json', { 'scan-types': 'custom/*.json = Generic Findings Import\nservices/api/** = *; product=api\nservices/web/** = *; product=web' }, files)
    expect(ok.code).toBe(0)
    const byProduct = dojo.uploads.map((u) => `${u.fields.product_name![0]}:${u.fields.scan_type![0]}`).sort()
    expect(byProduct).toEqual(['api:Semgrep JSON Report', 'web:Generic Findings Import', 'web:Semgrep JSON Report'])
    expect(ok.results!.results.find((r) => r.file === 'custom/findings.json')).toMatchObject({ decidedBy: 'override', scanType: 'Generic Findings Import' })
    const bad = await run('push-main.json', { 'scan-types': 'custom/*.json = Generic' }, files)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('did you mean "Generic Findings Import"?')
  })

  it('mode: import creates a new test on every run', async () => {
    await run('push-main.json', { mode: 'import' }, { 'gitleaks.json': demo('gitleaks.json') })
    await run('push-main.json', { mode: 'import' }, { 'gitleaks.json': demo('gitleaks.json') })
    expect(dojo.uploads.map((u) => u.endpoint)).toEqual(['import-scan', 'import-scan'])
    expect(dojo.state.tests).toHaveLength(2)
  })

  it('dry-run shows the plan with every field that would be sent, never the token', async () => {
    const result = await runAction({ inputs: { 'dry-run': 'true', path: '.', 'defectdojo-token': 'a'.repeat(40) }, workspace: workspace({ 'gitleaks.json': demo('gitleaks.json') }), event: 'pull-request-fork.json' })
    expect(result.code).toBe(0)
    expect(result.results!.results[0]!.fields).toMatchObject({ engagement_name: 'CI/CD (contributor:harden-login)', branch_tag: 'harden-login', commit_hash: PR_HEAD })
    expect(result.summary).toContain('CI/CD (contributor:harden-login)')
    expect(result.everything).not.toContain('a'.repeat(40))
  })
})
