import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config.js'
import type { RunContext } from '../../src/context.js'
import { fillTemplate } from '../../src/plan/naming.js'
import { CollisionError, planUploads, type ReportRecognition } from '../../src/plan/plan.js'
import type { Candidate } from '../../src/types.js'

const context: RunContext = {
  owner: 'acme', repo: 'web', serverUrl: 'https://github.com', eventName: 'push', branch: 'main', defaultBranch: 'main',
  sha: '9f4c2e1d', pr: null, tag: null, runId: '777', runAttempt: '2', workflow: 'security', job: 'dojo', runUrl: null, workspace: '/w'
}
const config = parseConfig({ 'dry-run': 'true' })

function report(file: string, scanType: string, tool: string, artifact: string | null = null): { candidate: Candidate; recognition: ReportRecognition } {
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
    expect(upload!.fields).toEqual({
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
