// Misspelled inputs (src/config/misspelled.ts): which INPUT_* variables stop the run, which are one warning.
import { describe, expect, test } from '@jest/globals'
import { INPUT_NAMES } from '../../src/config/inputs.js'
import { inputVariable, misspellingOf, strayInputs } from '../../src/config/misspelled.js'
import { editDistance, nearestName } from '../../src/config/nearest.js'

describe('misspelled inputs', () => {
  test('the snake_case or case variant of a declared input, or a near spelling, names the input meant', () => {
    expect(misspellingOf('CLOSE_OLD_FINDINGS')).toBe('close-old-findings')
    expect(misspellingOf('Dry_Run')).toBe('dry-run')
    expect(misspellingOf('FAIL-ON-EROR')).toBe('fail-on-error')
    expect(misspellingOf('TGAS')).toBe('tags')
    expect(misspellingOf('DEFECTDOJO_URL')).toBe('defectdojo-url')
  })

  test('short unrelated words are not taken for each other, nor far spellings', () => {
    for (const key of ['REPO', 'X', 'SEVERITY', 'TOKEN', 'URL', 'NAME']) expect(misspellingOf(key)).toBeNull()
  })

  test('the variables the runner sets for declared inputs are never flagged; the others sorted into errors and one warning', () => {
    const env = Object.fromEntries(INPUT_NAMES.map((name) => [inputVariable(name), 'x']))
    expect(strayInputs(env)).toEqual({ errors: [], warnings: [] })
    const stray = strayInputs({ ...env, INPUT_CLOSE_OLD_FINDINGS: 'false', INPUT_SEVERITY: 'High', INPUT_X: '1', PATH: '/bin' })
    expect(stray.errors).toHaveLength(1)
    expect(stray.errors[0]).toContain('did you mean `close-old-findings`?')
    expect(stray.warnings).toEqual([expect.stringContaining('2 inputs this action does not declare: severity (INPUT_SEVERITY), x (INPUT_X).')])
  })

  test('edit distance counts a swap of two neighbours as one edit and stops past its limit', () => {
    expect(editDistance('tags', 'tgas')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('a', 'abcdef', 2)).toBe(3)
    expect(nearestName('concurency', ['concurrency', 'retries'])).toBe('concurrency')
    expect(nearestName('zzz', ['concurrency'])).toBeNull()
  })
})
