import { describe, expect, it } from '@jest/globals'
import { parseReportRules, suggestScanType } from '../../src/config/rules.js'

describe('parseReportRules (`scan-types`)', () => {
  it('reads a scan type and optional naming per glob', () => {
    const problems: string[] = []
    const [custom, api, web] = parseReportRules(
      ['reports/custom/*.json = Generic Findings Import', 'services/api/** = *; product=api; engagement=api-{lane}', 'services/web/** = Semgrep JSON Report; product=web; test-title=semgrep web'],
      problems
    )
    expect(problems).toEqual([])
    expect(custom).toMatchObject({ pattern: 'reports/custom/*.json', scanType: 'Generic Findings Import', product: null })
    expect(custom!.matches('reports/custom/a.json')).toBe(true)
    expect(custom!.matches('reports/other/a.json')).toBe(false)
    expect(api).toMatchObject({ scanType: null, product: 'api', engagement: 'api-{lane}' })
    expect(api!.matches('services/api/deep/semgrep.json')).toBe(true)
    expect(web).toMatchObject({ scanType: 'Semgrep JSON Report', product: 'web', testTitle: 'semgrep web' })
  })

  it('rejects a scan type DefectDojo does not accept, with a did-you-mean', () => {
    const problems: string[] = []
    parseReportRules(['trivy/*.json = Trivy', 'zap/*.xml = Zed Attack Proxy', 'b/*.json = bandit scan'], problems)
    expect(problems[0]).toBe('Input `scan-types` line 1 ("trivy/*.json = Trivy") names the scan type "Trivy", which DefectDojo does not accept: did you mean "Trivy Scan"? Scan types are exact, case-sensitive strings.')
    expect(problems[1]).toContain('"Zed Attack Proxy", which DefectDojo does not accept')
    expect(problems[2]).toContain('did you mean "Bandit Scan"?')
  })

  it('rejects malformed lines, unknown settings and unknown placeholders', () => {
    const problems: string[] = []
    parseReportRules(['just-a-glob', 'a/** = ', 'b/** = *; owner=x', 'c/** = *; product={service}'], problems)
    expect(problems).toHaveLength(4)
    expect(problems[0]).toContain('is not `<glob> = <Scan Type>`')
    expect(problems[1]).toContain('has no scan type after "="')
    expect(problems[2]).toContain('"owner=x" is not one of product=…')
    expect(problems[3]).toContain('unknown placeholder {service}')
  })
})

describe('suggestScanType', () => {
  it('finds the exact string people mean', () => {
    expect(suggestScanType('Trivy')).toBe('Trivy Scan')
    expect(suggestScanType('gitleaks')).toBe('Gitleaks Scan')
    expect(suggestScanType('ZAP scan')).toBe('ZAP Scan')
    expect(suggestScanType('Dependency Check')).toBe('Dependency Check Scan')
    expect(suggestScanType('qwertyuiopasdf')).toBeNull()
  })
})
