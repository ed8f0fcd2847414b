// The Marketplace check (scripts/check-action.ts): the repository passes it, and each rule it holds
// action.yml to fails a metadata file that breaks it, with the reason.
import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COLORS, ICONS, OMITTED_ICONS, checkAction } from '../../scripts/check-action.ts'
import { ACTION } from '../../scripts/generate-docs.ts'

const ROOT = new URL('../../', import.meta.url).pathname

/** A copy of the repository's metadata files (no git), with action.yml changed by `edit`. */
function repoWith(edit: (actionYml: string) => string, extra: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-check-action-'))
  for (const file of ['package.json', 'LICENSE', 'README.md']) cpSync(join(ROOT, file), join(dir, file))
  mkdirSync(join(dir, 'dist'))
  writeFileSync(join(dir, 'dist', 'index.js'), '')
  writeFileSync(join(dir, 'action.yml'), edit(readFileSync(join(ROOT, 'action.yml'), 'utf8')))
  extra(dir)
  return dir
}

describe('the Marketplace check', () => {
  it('passes on this repository', () => {
    expect(checkAction(ROOT)).toEqual([])
    expect(ACTION.description.length).toBeLessThan(125)
  })

  it('refuses a description of 125 characters or more, and a missing one', () => {
    expect(checkAction(repoWith((yml) => yml.replace(/^description: .*$/m, `description: '${'x'.repeat(125)}'`)))).toEqual(['description is 125 characters; the Marketplace requires fewer than 125.'])
    expect(checkAction(repoWith((yml) => yml.replace(/^description: .*$/m, `description: '${'x'.repeat(124)}'`)))).toEqual([])
    expect(checkAction(repoWith((yml) => yml.replace(/^description: .*\n/m, '')))).toEqual(['description is missing: the Marketplace requires one.'])
  })

  it('refuses a missing or overlong name', () => {
    expect(checkAction(repoWith((yml) => yml.replace(/^name: .*\n/m, '')))).toEqual(['name is missing: the Marketplace requires one.'])
    expect(checkAction(repoWith((yml) => yml.replace(/^name: .*$/m, `name: '${'N'.repeat(51)}'`)))[0]).toMatch(/^name is 51 characters; keep it to 50/)
  })

  it("holds the branding to the Marketplace's icons and colours", () => {
    expect(ICONS).toHaveLength(257)
    expect(ICONS).toContain('shield')
    for (const omitted of OMITTED_ICONS) expect(ICONS).not.toContain(omitted)
    expect(COLORS).toEqual(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'])
    expect(checkAction(repoWith((yml) => yml.replace(/^ {2}icon: .*$/m, '  icon: key')))).toEqual(['branding.icon "key" is one of the Feather icons the Marketplace omits.'])
    expect(checkAction(repoWith((yml) => yml.replace(/^ {2}icon: .*$/m, '  icon: github')))).toEqual(['branding.icon "github" is not one of the Marketplace\'s Feather icons.'])
    expect(checkAction(repoWith((yml) => yml.replace(/^ {2}color: .*$/m, '  color: grey')))[0]).toMatch(/^branding.color "grey" is not one of white, black/)
  })

  it('wants runs.using node24 and a main that exists', () => {
    expect(checkAction(repoWith((yml) => yml.replace('using: node24', 'using: node20')))).toEqual(['runs.using is "node20"; the action is built for node24.'])
    expect(checkAction(repoWith((yml) => yml.replace('main: dist/index.js', 'main: dist/main.js')))).toEqual(['runs.main "dist/main.js" does not exist (npm run build writes it).'])
  })

  it("wants the author package.json names, and LICENSE's copyright to name it", () => {
    expect(checkAction(repoWith((yml) => yml.replace(/^author: .*$/m, "author: 'someone else'")))).toEqual([`author "someone else" differs from package.json's "DefectDojo Reimport contributors".`])
    const noHolder = repoWith((yml) => yml, (dir) => writeFileSync(join(dir, 'LICENSE'), readFileSync(join(dir, 'LICENSE'), 'utf8').replace('DefectDojo Reimport contributors', 'Jane Doe')))
    expect(checkAction(noHolder)).toEqual([`LICENSE's "Copyright (c) 2026 Jane Doe" does not name "DefectDojo Reimport contributors", the author in package.json and action.yml.`])
  })
})
