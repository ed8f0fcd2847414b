// The licence notices of a bundle: every npm package ncc put into it, read from ncc's webpack stats
// (`--stats-out`), with the licence text the package ships. A bundled action redistributes its
// dependencies, so each needs its notice; where a package ships no licence file, the notice is
// composed from its package.json (licence name, author) and says so.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface BundledPackage {
  name: string
  version: string
  /** The package's folder on disk. */
  dir: string
}

interface StatsModule {
  nameForCondition?: string | null
  modules?: StatsModule[]
}

/** The packages whose files are in the bundle, by name@version, sorted. */
export function bundledPackages(statsFile: string): BundledPackage[] {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { modules?: StatsModule[]; children?: Array<{ modules?: StatsModule[] }> }
  const dirs = new Set<string>()
  const visit = (modules: StatsModule[] | undefined): void => {
    for (const module of modules ?? []) {
      // The innermost node_modules/<package>/ of the module's file: nested copies count on their own.
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(module.nameForCondition ?? '')
      if (match) dirs.add(match[1]!)
      visit(module.modules)
    }
  }
  visit(stats.modules)
  for (const child of stats.children ?? []) visit(child.modules)
  const packages = [...dirs].map((dir) => {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string }
    return { name: json.name, version: json.version, dir }
  })
  const unique = new Map(packages.map((p) => [`${p.name}@${p.version}`, p]))
  return [...unique.values()].sort((a, b) => `${a.name}@${a.version}`.localeCompare(`${b.name}@${b.version}`))
}

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`

const ISC = `Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.`

function author(json: { author?: string | { name?: string; email?: string } }): string {
  const a = json.author
  if (!a) return 'its authors'
  return typeof a === 'string' ? a : [a.name, a.email ? `<${a.email}>` : ''].filter(Boolean).join(' ')
}

/** One package's notice: its heading line, then the licence text it ships (or one composed from package.json). */
export function notice(pkg: BundledPackage): string {
  const json = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as { license?: string; author?: string | { name?: string; email?: string }; repository?: string | { url?: string } }
  const license = json.license ?? 'not stated'
  const files = existsSync(pkg.dir) ? readdirSync(pkg.dir).filter((f) => LICENSE_FILE.test(f)).sort() : []
  const heading = `${pkg.name}@${pkg.version} (${license})`
  if (files.length > 0) return `${heading}\n\n${files.map((f) => readFileSync(join(pkg.dir, f), 'utf8').trim()).join('\n\n')}`
  const composed = /^MIT/.test(license) ? MIT : license === 'ISC' ? ISC : null
  const repository = typeof json.repository === 'string' ? json.repository : (json.repository?.url ?? '')
  const source = `The package ships no licence file; this notice is composed from its package.json${repository ? ` (source: ${repository})` : ''}.`
  if (!composed) return `${heading}\n\n${source} It states no licence terms; its author is ${author(json)}.`
  return `${heading}\n\n${source}\n\nCopyright (c) ${author(json)}\n\n${composed}`
}

/** The whole licences file of a bundle. */
export function licensesText(packages: readonly BundledPackage[]): string {
  const intro = `Licences of the ${packages.length} npm packages bundled into this folder's code, one section each, as each package ships them.`
  return [intro, ...packages.map(notice)].join('\n\n' + '-'.repeat(100) + '\n\n') + '\n'
}
