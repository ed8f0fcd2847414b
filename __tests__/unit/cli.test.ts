import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { helpText, parseCliArgs } from '../../src/shells/cli-options.js'
import { dotenv } from '../../src/report/table.js'
import { INPUTS, type InputSpec } from '../../src/config/inputs.js'
import { VERSION } from '../../src/version.js'

describe('command-line options', () => {
  it('are the action inputs as long options, repeatable where the input takes lines', () => {
    const { raw } = parseCliArgs(['--path', 'a.json', '--path', 'reports/', '--dry-run', '--no-fail-on-error', '--product', 'api', '--tags', 'ci', '--tags', 'main'])
    expect(raw).toMatchObject({ path: 'a.json\nreports/', 'dry-run': 'true', 'fail-on-error': 'false', product: 'api', tags: 'ci\nmain' })
  })
  it('refuse a token on the command line and anything unknown', () => {
    expect(() => parseCliArgs(['--defectdojo-token', 'x'])).toThrow('--defectdojo-token is not accepted')
    expect(() => parseCliArgs(['--defectdojo-token=x'])).toThrow('--defectdojo-token is not accepted')
    expect(() => parseCliArgs(['--artifacts', '*'])).toThrow(/Unknown option '--artifacts'/)
    expect(() => parseCliArgs(['report.json'])).toThrow(/see --help/)
  })
  it('--help names every option the CLI takes, by its command-line name', () => {
    const help = helpText()
    for (const [name, spec] of Object.entries(INPUTS) as Array<[string, InputSpec]>) {
      const option = spec.cli?.name ?? name
      if (spec.cli?.option === false) expect(help).not.toContain(`--${name} `)
      else expect(help).toMatch(new RegExp(`  --(\\[no-\\])?${option.replace(/[-]/g, '\\-')}( |\\n)`))
    }
    for (const name of ['artifacts', 'run-id', 'repository', 'github-token', 'keep-downloads', 'defectdojo-token']) expect(help).not.toContain(`--${name} `)
    expect(help).toContain('--minimum-severity <value>')
    // `--version` is the command's own version; the upload's version is --test-version.
    expect(help).toContain('--test-version <value>')
    expect(parseCliArgs(['--version']).version).toBe(true)
    expect(parseCliArgs(['--test-version', '2.4.0']).raw).toMatchObject({ version: '2.4.0' })
  })
  it('writes GitLab dotenv lines', () => {
    expect(dotenv({ created: '2', 'created-critical': '1', results: '{"x":1}', 'results-file': '/b/r.json' })).toBe('DEFECTDOJO_CREATED=2\nDEFECTDOJO_CREATED_CRITICAL=1\nDEFECTDOJO_RESULTS_FILE=/b/r.json\n')
  })
  it('reports the package version', () => {
    expect(VERSION).toBe((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version)
  })
})
