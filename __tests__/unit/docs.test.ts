// An input or output is defined once (src/config/inputs.ts, src/report/outputs.ts): action.yml, the
// README's tables and the command line's --help must say exactly what those tables say.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { INPUTS, type InputName } from '../../src/config/inputs.js'
import { OUTPUTS } from '../../src/report/outputs.js'
import { cliDescription, helpText } from '../../src/shells/cli-options.js'
import { README_SECTIONS, actionYml, readmeWithTables } from '../../scripts/generate-docs.ts'

const root = new URL('../../', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, root), 'utf8')

describe('generated documentation', () => {
  it('action.yml is exactly what the input and output tables generate', () => {
    expect(read('action.yml')).toBe(actionYml())
  })

  it('action.yml declares every input with its description and default, and every output', () => {
    const yml = read('action.yml')
    const inputs = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'))
    const declared = [...inputs.matchAll(/\n {2}([a-z-]+):\n {4}description: '(.*)'\n {4}required: false\n {4}default: '(.*)'/g)].map(([, name, description, value]) => [name, description!.replace(/''/g, "'"), value!.replace(/''/g, "'")])
    expect(declared).toEqual(Object.entries(INPUTS).map(([name, spec]) => [name, spec.description, spec.default]))
    const outputs = yml.slice(yml.indexOf('\noutputs:'), yml.indexOf('\nruns:'))
    expect([...outputs.matchAll(/\n {2}([a-z-]+):\n/g)].map(([, name]) => name)).toEqual(Object.keys(OUTPUTS))
  })

  it('the README holds every generated table, each as the tables generate it', () => {
    const readme = read('README.md')
    for (const section of README_SECTIONS) expect(readme).toContain(`<!-- generated: ${section} -->`)
    expect(readme).toBe(readmeWithTables(readme))
    for (const name of Object.keys(INPUTS)) expect(readme).toContain(`| \`${name}\` |`)
    for (const name of Object.keys(OUTPUTS)) expect(readme).toContain(`| \`${name}\` |`)
  })

  it('--help lists every input the command line takes, with its description, and no other', () => {
    const help = helpText()
    for (const [name, spec] of Object.entries(INPUTS) as Array<[InputName, (typeof INPUTS)[InputName]]>) {
      const cli = 'cli' in spec ? spec.cli : undefined
      const option = cli && 'name' in cli && typeof cli.name === 'string' ? cli.name : name
      if (cli && 'option' in cli && cli.option === false) expect(help).not.toMatch(new RegExp(`--(\\[no-\\])?${option}\\b(?!-)`))
      else {
        // The command line's wording of it: its own description where it has one, inputs named as options.
        expect(help).toMatch(new RegExp(`\\n  --(\\[no-\\])?${option}( <value>)?( \\*)?\\n      ${cliDescription(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      }
    }
  })
})
