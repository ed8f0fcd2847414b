// What a security team checks before adopting the action, kept true by tests: Dependabot's groups
// (a package bundled into dist/ must be in the `bundle` group, whose pull requests need a rebuild),
// SECURITY.md's reporting channel and supported major, and the README's verification and DefectDojo user.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { bundledPackagesOf } from '../../scripts/release.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const read = (...path: string[]): string => readFileSync(join(ROOT, ...path), 'utf8')

interface Update {
  'package-ecosystem': string
  directory: string
  schedule: { interval: string }
  groups?: Record<string, { patterns: string[]; 'exclude-patterns'?: string[] }>
}

/** Dependabot's group patterns: `*` matches any run of characters, the rest literally. */
const matches = (pattern: string, name: string): boolean => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`).test(name)
const inGroup = (group: { patterns: string[]; 'exclude-patterns'?: string[] }, name: string): boolean =>
  group.patterns.some((p) => matches(p, name)) && !(group['exclude-patterns'] ?? []).some((p) => matches(p, name))

describe('.github/dependabot.yml', () => {
  const config = parse(read('.github', 'dependabot.yml')) as { version: number; updates: Update[] }
  const npm = config.updates.find((u) => u['package-ecosystem'] === 'npm')!
  const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string>; dependencies?: Record<string, string> }
  const direct = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })

  it('updates npm and the GitHub Actions pins weekly, grouped', () => {
    expect(config.version).toBe(2)
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) {
      expect(update).toMatchObject({ directory: '/', schedule: { interval: 'weekly' } })
      expect(Object.keys(update.groups ?? {}).length).toBeGreaterThan(0)
    }
  })

  it('puts every direct dependency bundled into dist/ (and the bundlers) in `bundle`, and each package in one group only', () => {
    const bundled = new Set([...bundledPackagesOf(read('dist', 'licenses.txt'), 'dist/licenses.txt'), ...bundledPackagesOf(read('dist', 'cli', 'licenses.txt'), 'dist/cli/licenses.txt')].map((p) => p.name))
    const groups = npm.groups!
    const shipped = direct.filter((name) => bundled.has(name))
    expect(shipped.length).toBeGreaterThan(3)
    for (const name of [...shipped, '@vercel/ncc', 'esbuild']) expect([name, inGroup(groups.bundle!, name)]).toEqual([name, true])
    for (const name of direct) expect([name, Object.keys(groups).filter((g) => inGroup(groups[g]!, name))]).toEqual([name, [shipped.includes(name) || name === '@vercel/ncc' || name === 'esbuild' ? 'bundle' : 'tooling']])
  })
})

describe('SECURITY.md', () => {
  const text = read('SECURITY.md')
  const major = (JSON.parse(read('package.json')) as { version: string }).version.split('.')[0]

  it('says how to report privately, and which versions get fixes', () => {
    expect(text).toMatch(/privately/i)
    expect(text).toContain('security/advisories/new')
    expect(text).toMatch(/## Supported versions/)
    expect(text).toContain(`The latest major (\`v${major}\``)
  })
})

describe('README', () => {
  const readme = read('README.md')

  it('shows the attestation check next to the checksum check', () => {
    const block = /```sh\n([^`]*gh attestation verify[^`]*)```/.exec(readme)?.[1] ?? ''
    expect(block).toContain('sha256sum -c defectdojo-reimport.mjs.sha256')
    expect(block).toContain('gh attestation verify defectdojo-reimport.mjs --repo your-org/defectdojo-reimport-action')
  })

  it('names the least-privileged DefectDojo user per server family, as measured', () => {
    const section = readme.slice(readme.indexOf('### The DefectDojo user'), readme.indexOf('## Inputs'))
    expect(section).toContain('authorized user of the product type')
    expect(section).toMatch(/no superuser and no staff/)
    expect(section).toMatch(/\*\*API_Importer\*\* role on the product type reimports into existing tests/)
    expect(section).toMatch(/needs \*\*Maintainer\*\* on the product type/)
    expect(section).toMatch(/Pro \| its own roles: not measured/)
  })
})
