// The failure policy (src/engine/verdict.ts) for the cases of issue 23: a DefectDojo-wide failure under
// fail-on-error, and unsafe files, which no `scan-types` rule is suggested for.
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/config.js'
import { useDialect } from '../../src/config/inputs.js'
import { decideOutcome } from '../../src/engine/verdict.js'
import type { Fatal } from '../../src/errors.js'
import type { Result } from '../../src/model.js'
import { baseResult } from '../../src/report/results.js'

useDialect('action')
const config = (failOnError: boolean, extra: Record<string, string> = {}) =>
  parseConfig({ 'defectdojo-url': 'https://defectdojo.example.com', 'defectdojo-token': 't0ken', 'fail-on-error': String(failOnError), ...extra })
const row = (file: string, over: Partial<Result>): Result => ({ ...baseResult({ absolutePath: `/w/${file}`, displayPath: file, artifact: null, size: 1 }), ...over })
const notAttempted = [row('a.json', { status: 'failed', reason: 'not attempted' }), row('b.json', { status: 'failed', reason: 'not attempted' })]
const outage: Fatal = { kind: 'connection', message: 'Cannot connect to https://defectdojo.example.com (ECONNREFUSED).', outage: 'unavailable' }

describe('a DefectDojo-wide failure', () => {
  it('fails the step with fail-on-error true', () => {
    expect(decideOutcome(config(true), notAttempted, outage, 2)).toMatchObject({ failure: outage.message, warnings: [] })
  })

  it('passes with exactly one warning, the error said once, with fail-on-error false', () => {
    const verdict = decideOutcome(config(false), notAttempted, outage, 2)
    expect(verdict.failure).toBeNull()
    expect(verdict.warnings).toEqual([`${outage.message} None of the 2 reports was uploaded (the output \`defectdojo\` is "unavailable", \`failed\` is 2); the step passes because \`fail-on-error\` is false.`])
  })

  it('still fails on a stop of the run itself (invalid input, collision, artifact listing) whatever fail-on-error says', () => {
    for (const kind of ['configuration', 'collision', 'artifacts', 'cancelled'] as const) {
      expect(decideOutcome(config(false), notAttempted, { kind, message: 'stopped' }, 2).failure).toBe('stopped')
    }
  })

  it('still applies fail-on-unrecognized under an outage', () => {
    const results = [...notAttempted, row('x.json', { reportLike: true, reason: 'unknown' })]
    expect(decideOutcome(config(false, { 'fail-on-unrecognized': 'true' }), results, outage, 3).failure).toMatch(/not recognised/)
  })
})

describe('unsafe files', () => {
  it('are counted apart and never pointed to `scan-types`', () => {
    const results = [row('ok.json', { status: 'uploaded' }), row('empty.json', { reportLike: true, unsafe: true }), row('odd.json', { reportLike: true })]
    const [warning] = decideOutcome(config(true), results, null, 3).warnings
    expect(warning).toBe(
      '1 file was not recognised as a report and not uploaded (the summary says why, and what to do for each). ' +
        "1 file was refused as unsafe to upload (empty, broken, or a scanner's failed run: uploading one would close every finding of its test; the summary says why)."
    )
    const unsafeOnly = decideOutcome(config(true), [results[0]!, results[1]!], null, 2).warnings.join(' ')
    expect(unsafeOnly).not.toContain('scan-types')
  })
})
