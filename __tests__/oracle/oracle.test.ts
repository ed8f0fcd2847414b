/**
 * Recognition judged by DefectDojo's real parsers (the oracle, ./ddparse.ts): every recognition
 * fixture (fixtures/, the demo's included) and every sample of DefectDojo's corpus is recognised as the engine
 * recognises it, and DefectDojo's parser for the planned scan type reads the planned upload. No
 * planned upload may be refused, and none may read as no findings while another scan type the file
 * could be reads findings from it.
 *
 * Needs the oracle (DEFECTDOJO_ORACLE, ../shared/defectdojo/parser-oracle), DefectDojo's code it runs
 * (DEFECTDOJO_SRC, a DefectDojo 3.2.0 checkout kept outside the repository, and DDORACLE_LIBS, the
 * libraries it pins) and, for the corpus, DEFECTDOJO_SAMPLES: `eval "$(.ci/oracle-setup)"` prints them
 * where they are given. Without them the suite says plainly that it skipped, unless REQUIRE_ORACLE=1.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { oracleFromEnv, type OracleSetup } from './ddparse.js'
import { describeFailure, figures, judge, type Input, type Judgement } from './judge.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url))
const required = process.env['REQUIRE_ORACLE'] === '1'
const needs = { fixtures: ['DEFECTDOJO_ORACLE', 'DEFECTDOJO_SRC', 'DDORACLE_LIBS'], corpus: ['DEFECTDOJO_ORACLE', 'DEFECTDOJO_SRC', 'DDORACLE_LIBS', 'DEFECTDOJO_SAMPLES'] } as const
const unset = (set: keyof typeof needs): string[] => needs[set].filter((v) => !process.env[v])

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

function inputsOf(set: keyof typeof needs, setup: OracleSetup): Input[] {
  if (set === 'fixtures') {
    // Every fixture, reports and non-reports alike (the demo's too), but the expectation table and the event payloads.
    return walk(FIXTURES)
      .filter((f) => !f.endsWith(`${sep}expected.json`) && !relative(FIXTURES, f).startsWith(`events${sep}`))
      .map((file) => ({ file, label: relative(FIXTURES, file).split(sep).join('/') }))
  }
  const scans = setup.scans!
  return walk(scans).map((file) => {
    const label = relative(scans, file).split(sep).join('/')
    // Samples are filed under their parser's folder: scans/<folder>/…
    return { file, label, folder: label.split('/')[0]! }
  })
}

const skippedSets = (['fixtures', 'corpus'] as const).filter((set) => unset(set).length > 0)
if (skippedSets.length > 0 && !required) {
  const missing = [...new Set(skippedSets.flatMap(unset))].join(' and ')
  process.stdout.write(
    `oracle suite SKIPPED (${skippedSets.join(', ')}): ${missing} not set, so DefectDojo's parsers did not judge recognition. Give DEFECTDOJO_SRC (a DefectDojo 3.2.0 checkout outside the repository) and DDORACLE_LIBS, then \`eval "$(.ci/oracle-setup)"\` sets the rest (REQUIRE_ORACLE=1 makes this a failure)\n`
  )
}

for (const set of ['fixtures', 'corpus'] as const) {
  const missing = unset(set)
  if (missing.length > 0 && required) {
    test(`the oracle can judge the ${set} (REQUIRE_ORACLE=1)`, () => {
      throw new Error(`REQUIRE_ORACLE=1 but ${missing.join(' and ')} not set: run \`eval "$(.ci/oracle-setup)"\` first`)
    })
    continue
  }
  const suite = missing.length === 0 ? describe : describe.skip
  suite(`recognition of the ${set} judged by DefectDojo's parsers`, () => {
    let setup: OracleSetup | null = null
    let judgement: Judgement

    beforeAll(async () => {
      // The fixtures need no corpus: leave the samples unextracted.
      setup = await oracleFromEnv(set === 'fixtures' ? { ...process.env, DEFECTDOJO_SAMPLES: '' } : process.env)
      judgement = await judge(setup!.oracle, inputsOf(set, setup!))
      console.log(figures(set, judgement))
    }, 20 * 60 * 1000)

    afterAll(() => setup?.cleanup())

    test('no planned upload is refused', () => {
      expect(judgement.refused.map(describeFailure)).toEqual([])
    })

    test('no planned upload reads as no findings while another scan type of the file reads findings', () => {
      expect(judgement.empty.map(describeFailure)).toEqual([])
    })

    test('every planned upload was judged', () => {
      expect(judgement.planned.length).toBeGreaterThan(0)
      expect(judgement.read.length + judgement.refused.length).toBe(judgement.planned.length)
    })
  })
}
