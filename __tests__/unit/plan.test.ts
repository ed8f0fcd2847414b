import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/config.js'
import { CollisionError } from '../../src/errors.js'
import type { RecognizedReport, RunContext } from '../../src/model.js'
import { fillTemplate } from '../../src/config/templates.js'
import { isolationOf, planUploads } from '../../src/plan/plan.js'
import { oneUploadPerTest } from '../../src/plan/dedup.js'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Candidate } from '../../src/model.js'

const context: RunContext = {
  owner: 'acme', repo: 'web', serverUrl: 'https://github.com', eventName: 'push', branch: 'main', defaultBranch: 'main',
  sha: '9f4c2e1d', pr: null, pullRequest: false, fork: null, secretsWithheld: null, source: 'GitHub Actions', tag: null, runId: '777', runAttempt: '2', runNumber: '31', workflow: 'security', job: 'dojo', runUrl: null, workspace: '/w',
  buildId: '777-2', scmUri: 'https://github.com/acme/web/tree/9f4c2e1d'
}
const config = parseConfig({ 'dry-run': 'true' })

function report(file: string, scanType: string, tool: string, artifact: string | null = null): { candidate: Candidate; recognition: RecognizedReport } {
  return {
    candidate: { absolutePath: `/w/${file}`, displayPath: file, artifact, size: 10 },
    recognition: { kind: 'report', scanType, format: scanType, tool, lane: 'sast', uploadName: file, decidedBy: 'content', evidence: [] }
  }
}

describe('fillTemplate', () => {
  const values = { owner: 'acme', repo: 'web', branch: '', pr: '', workflow: 'w', job: 'j', artifact: '', tool: 'trivy', scan_type: 'Trivy Scan', lane: 'container', file: 'trivy', report: 'trivy.json', environment: 'Development' }
  it('replaces placeholders and folds what empty values leave behind', () => {
    expect(fillTemplate('{owner}/{repo}', values)).toBe('acme/web')
    expect(fillTemplate('CI/CD ({branch})', values)).toBe('CI/CD')
    expect(fillTemplate('{tool}  {artifact} {file}', values)).toBe('trivy trivy')
  })
})

describe('planUploads', () => {
  it('names product type, product, engagement and a per-report test title by default', () => {
    const [upload] = planUploads(config, context, [report('reports/gitleaks.json', 'Gitleaks Scan', 'gitleaks', 'secrets')])
    expect(upload!.target).toEqual({ productType: 'acme', product: 'web', engagement: 'CI/CD', testTitle: 'gitleaks: secrets/reports/gitleaks.json' })
  })

  it('sends every context field, empty ones too, because an omitted value clears the stored one', () => {
    const unisolated = parseConfig({ 'dry-run': 'true', 'branch-isolation': 'false' })
    const [upload] = planUploads(unisolated, { ...context, tag: null, branch: '' }, [report('a.json', 'Bandit Scan', 'bandit')])
    expect(upload!.endpoint).toBe('reimport-scan')
    expect(upload!.fields).toEqual({
      source_code_management_uri: 'https://github.com/acme/web/tree/9f4c2e1d',
      scan_type: 'Bandit Scan',
      product_type_name: 'acme',
      product_name: 'web',
      engagement_name: 'CI/CD',
      test_title: 'bandit: a.json',
      auto_create_context: 'true',
      environment: 'Development',
      branch_tag: '',
      commit_hash: '9f4c2e1d',
      build_id: '777-2',
      version: ''
    })
  })

  it('finds reports that would land in one test: a collision naming both and the input, or one upload when the content is the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-plan-'))
    const file = (name: string, content: string) => {
      writeFileSync(join(dir, name), content)
      return { ...report(name, 'Trivy Scan', 'trivy', `trivy-${name.split('.')[0]}`), candidate: { absolutePath: join(dir, name), displayPath: name, artifact: `trivy-${name.split('.')[0]}`, size: content.length } }
    }
    const custom = parseConfig({ 'dry-run': 'true', 'test-title': '{tool}' })
    const different = planUploads(custom, context, [file('fs.json', '{"a":1}'), file('image.json', '{"b":2}')])
    const clash = await oneUploadPerTest(different)
    expect(clash.collision).toBeInstanceOf(CollisionError)
    expect(clash.collision!.message).toMatch(/trivy-fs\/fs\.json, trivy-image\/image\.json[\s\S]*`test-title`/)
    const same = await oneUploadPerTest(planUploads(custom, context, [file('one.json', '[]'), file('two.json', '[]')]))
    expect(same).toEqual({ copies: [{ copy: 1, kept: 0, why: 'same-test' }], collision: null })
    // The same bytes into different tests are different reports: both are sent.
    const apart = await oneUploadPerTest(planUploads(config, context, [file('web.json', '[]'), file('api.json', '[]')]))
    expect(apart).toEqual({ copies: [], collision: null })
  })

  it('lets the same title exist under different scan types (they are different tests)', () => {
    const custom = parseConfig({ 'dry-run': 'true', 'test-title': 'scan' })
    expect(planUploads(custom, context, [report('a.json', 'Trivy Scan', 'trivy'), report('b.sarif', 'SARIF', 'sarif')])).toHaveLength(2)
  })
})

describe('branch isolation', () => {
  const on = { branchIsolation: true, ifNoBranch: 'error' as const }
  const at = (branch: string, more: Partial<RunContext> = {}) => ({ branch, defaultBranch: 'main', pullRequest: false, fork: null, tag: null, ...more })
  it('isolates by where the code comes from: any branch but the default one, every pull request, every fork', () => {
    expect(isolationOf(on, at('main'))).toEqual({ kind: 'none', suffix: null })
    expect(isolationOf(on, at('feature/x'))).toEqual({ kind: 'isolated', suffix: 'feature/x' })
    expect(isolationOf(on, at('develop', { defaultBranch: 'develop' }))).toEqual({ kind: 'none', suffix: null })
    expect(isolationOf({ ...on, branchIsolation: false }, at('feature/x'))).toEqual({ kind: 'none', suffix: null })
    // Without a default branch in the payload, main and master count as default.
    expect(isolationOf(on, at('master', { defaultBranch: null })).kind).toBe('none')
    expect(isolationOf(on, at('feature/x', { defaultBranch: null })).kind).toBe('isolated')
    // A pull request is isolated whatever its branch is called; a fork names its owner.
    expect(isolationOf(on, at('main', { pullRequest: true }))).toEqual({ kind: 'isolated', suffix: 'main' })
    expect(isolationOf(on, at('main', { pullRequest: true, fork: 'octo' }))).toEqual({ kind: 'isolated', suffix: 'octo:main' })
    expect(isolationOf(on, at('main', { fork: 'octo' }))).toEqual({ kind: 'isolated', suffix: 'octo:main' })
  })

  it('never falls back to the default engagement without a branch: unknown, or "no branch" when chosen; a tag build keeps the default', () => {
    expect(isolationOf(on, at(''))).toEqual({ kind: 'unknown' })
    expect(isolationOf({ ...on, ifNoBranch: 'isolate' }, at(''))).toEqual({ kind: 'isolated', suffix: 'no branch' })
    expect(isolationOf(on, at('', { tag: 'v1.2.0' }))).toEqual({ kind: 'none', suffix: null })
    expect(isolationOf(on, at('', { tag: 'v1.2.0', pullRequest: true })).kind).toBe('unknown')
    expect(isolationOf({ ...on, branchIsolation: false }, at(''))).toEqual({ kind: 'none', suffix: null })
    expect(() => planUploads(config, { ...context, branch: '', source: 'Jenkins' }, [report('a.json', 'Bandit Scan', 'bandit')])).toThrow(/No branch is known for this run \(Jenkins did not say which/)
  })

  it('refuses a template that gives an empty name, naming the input and the report', () => {
    const noRepo = { ...context, repo: '' }
    expect(() => planUploads(config, noRepo, [report('a.json', 'Bandit Scan', 'bandit')])).toThrow('Input `product` ("{repo}") gives an empty name for a.json')
    const titled = parseConfig({ 'dry-run': 'true', 'test-title': '{artifact}' })
    expect(() => planUploads(titled, context, [report('a.json', 'Bandit Scan', 'bandit')])).toThrow('Input `test-title` ("{artifact}") gives an empty name for a.json')
  })

  it('applies the first matching `scan-types` line whole: a later routing line does not add to it', () => {
    const ruled = parseConfig({ 'dry-run': 'true', 'scan-types': 'reports/*.json = Gitleaks Scan\nreports/** = *; product=api' })
    const [first, second] = planUploads(ruled, context, [report('reports/g.json', 'Gitleaks Scan', 'gitleaks'), report('reports/sub/t.json', 'Trivy Scan', 'trivy')])
    expect(first!.target.product).toBe('web')
    expect(second!.target.product).toBe('api')
  })

  it('names the engagement "<engagement> (<branch>)", unless the template already uses {branch}', () => {
    const feature = { ...context, branch: 'feature/x' }
    expect(planUploads(config, feature, [report('a.json', 'Bandit Scan', 'bandit')])[0]!.target.engagement).toBe('CI/CD (feature/x)')
    const custom = parseConfig({ 'dry-run': 'true', engagement: 'branch {branch}' })
    expect(planUploads(custom, feature, [report('a.json', 'Bandit Scan', 'bandit')])[0]!.target.engagement).toBe('branch feature/x')
  })
})

describe('options and per-file rules', () => {
  it('sends set options with the server spelling, tags as repeated fields, and the version input', () => {
    const custom = parseConfig({ 'dry-run': 'true', 'minimum-severity': 'Low', active: 'false', tags: 'ci,nightly', version: '1.2.3', service: 'api', 'push-to-jira': 'true' })
    const fields = planUploads(custom, context, [report('a.json', 'Bandit Scan', 'bandit')])[0]!.fields
    expect(fields).toMatchObject({ minimum_severity: 'Low', active: 'false', tags: ['ci', 'nightly'], version: '1.2.3', service: 'api', push_to_jira: 'true' })
    expect(fields).not.toHaveProperty('verified')
    expect(fields).not.toHaveProperty('scan_date')
    expect(fields).not.toHaveProperty('close_old_findings')
  })

  it('uses the tag name as version on tag pushes, and import-scan with mode import', () => {
    const tagged = { ...context, branch: '', tag: 'v2.4.0' }
    const importing = parseConfig({ 'dry-run': 'true', mode: 'import' })
    const [upload] = planUploads(importing, tagged, [report('a.json', 'Bandit Scan', 'bandit')])
    expect(upload!.fields.version).toBe('v2.4.0')
    expect(upload!.endpoint).toBe('import-scan')
  })

  it('routes files of a monorepo to their own products by `scan-types` lines', () => {
    const custom = parseConfig({ 'dry-run': 'true', 'scan-types': 'services/api/** = *; product=api\nservices/web/** = *; product=web; engagement=web-{lane}' })
    const uploads = planUploads(custom, context, [report('services/api/semgrep.json', 'Semgrep JSON Report', 'semgrep'), report('services/web/semgrep.json', 'Semgrep JSON Report', 'semgrep'), report('other/bandit.json', 'Bandit Scan', 'bandit')])
    expect(uploads.map((u) => [u.target.product, u.target.engagement])).toEqual([
      ['api', 'CI/CD'],
      ['web', 'web-sast'],
      ['web', 'CI/CD']
    ])
  })
})
