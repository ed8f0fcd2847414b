// The command line as ONE self-contained file, the one each GitHub release attaches:
// build/defectdojo-reimport.mjs, and build/defectdojo-reimport.mjs.sha256 beside it in `sha256sum`
// format (`sha256sum -c defectdojo-reimport.mjs.sha256` verifies it in the folder of the file).
//
// Why a second bundler: ncc (webpack) puts every lazily imported module (the DefectDojo client, the
// format table, the artifact client) into chunks beside the entry, so dist/cli/ is a folder of files.
// A file people download, check against a SHA-256 and run must be one file: esbuild bundles dynamic
// import()s into the same file when code splitting is off. The action and dist/ stay on ncc — dist/ is
// what action.yml runs and what CI compares with the source; this file is built from the same
// src/cli.ts, with the same Node version check as dist/cli.js, and is never committed (build/ is
// ignored): the release workflow builds it from the tag.
//
//   npm run build:cli-file                      build/defectdojo-reimport.mjs and .sha256
//   npm run build:cli-file -- --out-dir DIR     the same two files into DIR
import { createHash } from 'node:crypto'
import { isBuiltin } from 'node:module'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'
import { NODE_CHECK } from './build.ts'
import { ROOT } from './generate-docs.ts'
import { notice, type BundledPackage } from './licenses.ts'

export const CLI_FILE = 'defectdojo-reimport.mjs'

/** The npm packages whose files esbuild put into the bundle (from its metafile), by name@version. */
function packagesIn(inputs: readonly string[]): BundledPackage[] {
  const dirs = new Set<string>()
  for (const input of inputs) {
    // The innermost node_modules/<package>/ of the file: nested copies count on their own.
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
    if (match) dirs.add(resolve(ROOT, match[1]!))
  }
  const packages = [...dirs].map((dir) => {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string }
    return { name: json.name, version: json.version, dir }
  })
  const unique = new Map(packages.map((p) => [`${p.name}@${p.version}`, p]))
  return [...unique.values()].sort((a, b) => `${a.name}@${a.version}`.localeCompare(`${b.name}@${b.version}`))
}

/** The licence notices, as a comment at the end of the file: the file travels alone, so do they. */
function licenceComment(packages: readonly BundledPackage[]): string {
  const text = [`Licences of the ${packages.length} npm packages bundled into this file, one section each, as each package ships them.`, ...packages.map(notice)].join('\n\n' + '-'.repeat(100) + '\n\n')
  return `\n/*!\n${text.replace(/\*\//g, '* /')}\n*/\n`
}

export interface CliFile {
  /** Absolute path of the .mjs file. */
  file: string
  /** Absolute path of its .sha256 file. */
  checksumFile: string
  sha256: string
}

export async function buildCliFile(outDir = join(ROOT, 'build')): Promise<CliFile> {
  const result = await build({
    entryPoints: [join(ROOT, 'src', 'cli.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // A package's ES module build before its CommonJS/UMD one, as ncc (webpack) picks them: a UMD
    // build's require('./impl/…') of its own files cannot be followed into a single file.
    mainFields: ['module', 'main'],
    write: false,
    outfile: join(outDir, CLI_FILE),
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    banner: {
      // The shebang; the Node version check before any bundled code runs (in a block, so its names
      // cannot meet the bundle's); `require` for the CommonJS dependencies' require() of Node's modules.
      js: [
        '#!/usr/bin/env node',
        `// defectdojo-reimport, the command line of the DefectDojo Reimport action, as one file (built from src/cli.ts by scripts/build-cli-file.ts).`,
        `{\n${NODE_CHECK}}`,
        "import { createRequire as __defectdojoCreateRequire } from 'node:module'",
        'const require = __defectdojoCreateRequire(import.meta.url)'
      ].join('\n')
    }
  })
  const output = result.outputFiles[0]!
  // One file means nothing left to load beside it: every import esbuild left in is one of Node's modules.
  const outside = Object.values(result.metafile.outputs).flatMap((out) => out.imports).filter((imported) => !imported.external || !isBuiltin(imported.path))
  if (outside.length > 0) throw new Error(`The single-file command line would load other files: ${outside.map((i) => i.path).join(', ')}`)
  const code = output.text + licenceComment(packagesIn(Object.keys(result.metafile.inputs)))
  const file = join(outDir, CLI_FILE)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, code)
  chmodSync(file, 0o755)
  const sha256 = createHash('sha256').update(code).digest('hex')
  const checksumFile = `${file}.sha256`
  writeFileSync(checksumFile, `${sha256}  ${CLI_FILE}\n`)
  return { file, checksumFile, sha256 }
}

if (process.argv[1] && resolve(process.argv[1]) === join(ROOT, 'scripts', 'build-cli-file.ts')) {
  const at = process.argv.indexOf('--out-dir')
  const outDir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : join(ROOT, 'build')
  const built = await buildCliFile(outDir)
  console.log(`${relative(process.cwd(), built.file) || built.file}: ${readFileSync(built.file).length} bytes, sha256 ${built.sha256}`)
}
