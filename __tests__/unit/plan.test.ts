import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/config.js'
import { CollisionError } from '../../src/errors.js'
import type { RecognizedReport, RunContext } from '../../src/model.js'
import { fillTemplate } from '../../src/config/templates.js'
import { isolateBranch, planUploads } from '../../src/plan/plan.js'
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
    const [upload] = planUploads(config, { ...context, tag: null, branch: '' }, [report('a.json', 'Bandit Scan', 'bandit')])
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

  it('stops before any upload when two reports would land in one test, naming both and the input to change', () => {
    const custom = parseConfig({ 'dry-run': 'true', 'test-title': '{tool}' })
    const clash = () => planUploads(custom, context, [report('fs.json', 'Trivy Scan', 'trivy', 'trivy-fs'), report('image.json', 'Trivy Scan', 'trivy', 'trivy-image')])
    expect(clash).toThrow(CollisionError)
    expect(clash).toThrow(/trivy-fs\/fs\.json, trivy-image\/image\.json[\s\S]*`test-title`/)
  })

  it('lets the same title exist under different scan types (they are different tests)', () => {
    const custom = parseConfig({ 'dry-run': 'true', 'test-title': 'scan' })
    expect(planUploads(custom, context, [report('a.json', 'Trivy Scan', 'trivy'), report('b.sarif', 'SARIF', 'sarif')])).toHaveLength(2)
  })
})

describe('branch isolation', () => {
  const on = { branchIsolation: true }
  it('isolates any branch but the default one, and nothing when turned off or not on a branch', () => {
    expect(isolateBranch(on, { branch: 'main', defaultBranch: 'main' })).toBe(false)
    expect(isolateBranch(on, { branch: 'feature/x', defaultBranch: 'main' })).toBe(true)
    expect(isolateBranch(on, { branch: 'develop', defaultBranch: 'develop' })).toBe(false)
    expect(isolateBranch(on, { branch: '', defaultBranch: 'main' })).toBe(false)
    expect(isolateBranch({ branchIsolation: false }, { branch: 'feature/x', defaultBranch: 'main' })).toBe(false)
    // Without a default branch in the payload, main and master count as default.
    expect(isolateBranch(on, { branch: 'master', defaultBranch: null })).toBe(false)
    expect(isolateBranch(on, { branch: 'feature/x', defaultBranch: null })).toBe(true)
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
