import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/config.js'
import { ConfigError } from '../../src/errors.js'

const base = { 'defectdojo-url': 'https://dojo.example.org', 'defectdojo-token': 'a'.repeat(40) }

function problemsOf(raw: Record<string, string>): string[] {
  try {
    parseConfig(raw)
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems]
    throw error
  }
  return []
}

describe('parseConfig', () => {
  it('fills every default when only URL and token are given', () => {
    const config = parseConfig(base)
    expect(config).toMatchObject({
      defectdojoUrl: 'https://dojo.example.org',
      paths: [],
      artifactPatterns: ['*'],
      dryRun: false,
      productTypeTemplate: '{owner}',
      productTemplate: '{repo}',
      engagementTemplate: 'CI/CD',
      environment: 'Development',
      ifNoReports: 'warn'
    })
  })

  it('keeps a path prefix and drops trailing slashes and a pasted /api/v2', () => {
    expect(parseConfig({ ...base, 'defectdojo-url': 'https://host.example/defectdojo/' }).defectdojoUrl).toBe('https://host.example/defectdojo')
    expect(parseConfig({ ...base, 'defectdojo-url': 'https://host.example/api/v2/' }).defectdojoUrl).toBe('https://host.example')
  })

  it('splits path lines and artifact patterns on newlines and commas, dropping blanks and comments', () => {
    const config = parseConfig({ ...base, path: 'reports/\n\n# comment\n  sarif/*.sarif  \n!reports/old/**', artifacts: 'trivy-*, semgrep\n!*-debug' })
    expect(config.paths).toEqual(['reports/', 'sarif/*.sarif', '!reports/old/**'])
    expect(config.artifactPatterns).toEqual(['trivy-*', 'semgrep', '!*-debug'])
  })

  it('treats an explicitly empty `artifacts` as "download nothing"', () => {
    expect(parseConfig({ ...base, artifacts: '' }).artifactPatterns).toEqual([])
    expect(parseConfig(base).artifactPatterns).toEqual(['*'])
  })

  it('requires URL and token unless dry-run', () => {
    expect(problemsOf({})).toEqual([expect.stringContaining('`defectdojo-url` is required'), expect.stringContaining('`defectdojo-token` is required')])
    const dry = parseConfig({ 'dry-run': 'true' })
    expect(dry.dryRun).toBe(true)
    expect(dry.defectdojoUrl).toBeNull()
    expect(dry.defectdojoToken).toBeNull()
  })

  it('names the input, the value and what is accepted for a bad boolean or choice', () => {
    expect(problemsOf({ ...base, 'dry-run': 'yes' })).toEqual(['Input `dry-run` is "yes": use true or false.'])
    expect(problemsOf({ ...base, 'if-no-reports': 'fail' })).toEqual(['Input `if-no-reports` is "fail": use one of warn, error, ignore.'])
  })

  it('accepts the YAML booleans @actions/core accepts', () => {
    for (const value of ['true', 'True', 'TRUE']) expect(parseConfig({ ...base, 'dry-run': value }).dryRun).toBe(true)
    for (const value of ['false', 'False', 'FALSE']) expect(parseConfig({ ...base, 'dry-run': value }).dryRun).toBe(false)
  })

  it('rejects a URL that is not http(s), not a URL, or carries credentials', () => {
    expect(problemsOf({ ...base, 'defectdojo-url': 'dojo.example.org' })[0]).toContain('not a URL')
    expect(problemsOf({ ...base, 'defectdojo-url': 'ftp://dojo.example.org' })[0]).toContain('http:// or https://')
    expect(problemsOf({ ...base, 'defectdojo-url': 'https://user:pw@dojo.example.org' })[0]).toContain('credentials')
  })

  it('rejects unknown placeholders in naming templates, naming the input', () => {
    const problems = problemsOf({ ...base, product: '{repository}', 'test-title': '{tool} {flie}' })
    expect(problems).toHaveLength(2)
    expect(problems[0]).toContain('Input `product` uses the unknown placeholder {repository}')
    expect(problems[1]).toContain('Input `test-title` uses the unknown placeholder {flie}')
  })

  it('reports every problem at once', () => {
    expect(problemsOf({ 'dry-run': 'maybe', 'if-no-reports': 'x' }).length).toBeGreaterThanOrEqual(3)
  })
})

describe('parseConfig: import options', () => {
  it('omits every pass-through option unless set, and keeps the server spelling of set ones', () => {
    expect(Object.values(parseConfig(base).options).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0))).toEqual([])
    const config = parseConfig({
      ...base,
      'minimum-severity': 'High',
      active: 'true',
      verified: 'false',
      'close-old-findings': 'false',
      'do-not-reactivate': 'true',
      tags: 'ci, main\nteam-appsec',
      'group-by': 'component_name+component_version',
      'engagement-end-date': '2027-03-31',
      'scan-date': '2026-01-15',
      lead: '7',
      'api-scan-configuration': '3',
      service: 'payments'
    })
    expect(config.options).toMatchObject({
      minimumSeverity: 'High', active: true, verified: false, closeOldFindings: false, doNotReactivate: true,
      tags: ['ci', 'main', 'team-appsec'], groupBy: 'component_name+component_version', engagementEndDate: '2027-03-31', scanDate: '2026-01-15', lead: 7, apiScanConfiguration: 3, service: 'payments'
    })
  })

  it('names the input, the value and the accepted values for each invalid option', () => {
    const problems = problemsOf({
      ...base,
      'minimum-severity': 'high',
      active: 'yes',
      tags: 'has space,ok',
      'group-by': 'component',
      'engagement-end-date': '31/03/2027',
      'scan-date': '2999-01-01',
      lead: 'alice',
      mode: 'upsert'
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        'Input `minimum-severity` is "high": use one of Info, Low, Medium, High, Critical.',
        'Input `active` is "yes": use true or false.',
        'Input `tags` has "has space": tags may not contain spaces, commas or quotes.',
        'Input `group-by` is "component": use one of component_name, component_name+component_version, file_path, finding_title, vuln_id_from_tool.',
        'Input `engagement-end-date` is "31/03/2027": use a date as YYYY-MM-DD.',
        'Input `scan-date` is "2999-01-01", which is in the future: DefectDojo refuses it.',
        'Input `lead` is "alice": use a whole number from 1 to 9007199254740991.',
        'Input `mode` is "upsert": use one of reimport, import.'
      ])
    )
  })

  it('refuses options that do not apply to the chosen mode', () => {
    expect(problemsOf({ ...base, 'close-old-findings-product-scope': 'true' })[0]).toContain('has no effect on reimport')
    expect(problemsOf({ ...base, mode: 'import', 'do-not-reactivate': 'true' })[0]).toContain('only applies to reimport')
    expect(parseConfig({ ...base, mode: 'import', 'close-old-findings': 'true', 'close-old-findings-product-scope': 'true' }).mode).toBe('import')
  })

  it('validates network inputs', () => {
    expect(problemsOf({ ...base, 'client-certificate': 'c.pem' })).toEqual(['Inputs `client-certificate` and `client-key` go together: give both PEM files for mutual TLS, or neither.'])
    expect(problemsOf({ ...base, 'defectdojo-url': 'http://127.0.0.1:8080' })).toEqual([])
    expect(problemsOf({ ...base, 'defectdojo-url': 'http://dojo.corp', 'allow-insecure-http': 'true' })).toEqual([])
    expect(problemsOf({ ...base, 'extra-headers': 'not a header line with secret' })).toEqual(['Input `extra-headers` line 1 is not `Name: value`.'])
    expect(parseConfig({ ...base, 'timeout-minutes': '0.5' }).requestTimeoutMs).toBe(30_000)
  })
})
