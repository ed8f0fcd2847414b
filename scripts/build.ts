// The build: action.yml and the README tables from their source tables, the two ncc bundles (the
// action in dist/, the command line in dist/cli/ so their lazily loaded chunks never collide), every
// bundled package's licence notice, the `defectdojo-reimport` bin, and dist/source-hash.txt, a hash of
// everything the bundle is built from.
//
//   npm run build                      build
//   npm run build -- --if-stale        build only when dist/source-hash.txt does not match the sources
//                                      (npm test runs this first: a stale bundle can never pass the tests)
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ROOT, actionYml, readmeWithTables } from './generate-docs.ts'
import { bundledPackages, licensesText } from './licenses.ts'

const DIST = join(ROOT, 'dist')
const HASH_FILE = join(DIST, 'source-hash.txt')

/** Every file the bundle is built from, by path relative to the root. */
function sourceFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else files.push(relative(ROOT, path))
    }
  }
  walk(join(ROOT, 'src'))
  files.push('package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.ts', 'scripts/generate-docs.ts', 'scripts/licenses.ts')
  return files.sort()
}

/** sha256 over the sources' paths and contents. */
export function sourceHash(): string {
  const hash = createHash('sha256')
  for (const file of sourceFiles()) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0')
  return hash.digest('hex')
}

function bundle(entry: string, out: string, stats: string): void {
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--target', 'es2024', '--stats-out', stats, '--quiet'], { cwd: ROOT, stdio: 'inherit' })
}

/** Node's major version the command needs (package.json engines): older ones fail deep inside a dependency. */
const NODE_MAJOR = Number(/(\d+)/.exec((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node)![1])

/**
 * The command's Node version check: an old Node says so in one line (exit 2) instead of failing deep
 * inside a dependency. dist/cli.js runs it before it loads the bundle; the single-file command
 * (scripts/build-cli-file.ts) runs it before any of its own code.
 */
export const NODE_CHECK = `const major = Number(process.versions.node.split('.')[0])
if (major < ${NODE_MAJOR}) {
  process.stderr.write(\`defectdojo-reimport needs Node.js ${NODE_MAJOR} or later; this is Node.js \${process.versions.node}: run it with Node ${NODE_MAJOR} (e.g. the node:${NODE_MAJOR} image).\\n\`)
  process.exit(2)
}
`

/** dist/cli.js: checks the Node version before it loads the bundle, so an old Node says so in one line. */
const CLI_ENTRY = `#!/usr/bin/env node
// The defectdojo-reimport command: the bundle in ./cli/ (built from src/cli.ts), on the Node it needs.
${NODE_CHECK}await import('./cli/index.js')
`

export function build(): void {
  rmSync(DIST, { recursive: true, force: true })
  writeFileSync(join(ROOT, 'action.yml'), actionYml())
  writeFileSync(join(ROOT, 'README.md'), readmeWithTables(readFileSync(join(ROOT, 'README.md'), 'utf8')))
  const temp = mkdtempSync(join(tmpdir(), 'dd-build-'))
  try {
    for (const [entry, out] of [
      ['src/main.ts', 'dist'],
      ['src/cli.ts', 'dist/cli']
    ] as const) {
      const stats = join(temp, `${out.replace('/', '-')}.json`)
      bundle(entry, out, stats)
      writeFileSync(join(ROOT, out, 'licenses.txt'), licensesText(bundledPackages(stats)))
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  writeFileSync(join(DIST, 'cli.js'), CLI_ENTRY)
  chmodSync(join(DIST, 'cli.js'), 0o755)
  writeFileSync(HASH_FILE, `${sourceHash()}\n`)
}

function isStale(): boolean {
  if (!existsSync(HASH_FILE) || !existsSync(join(DIST, 'index.js'))) return true
  return readFileSync(HASH_FILE, 'utf8').trim() !== sourceHash()
}

if (process.argv[1] && statSync(process.argv[1]).isFile() && relative(ROOT, process.argv[1]) === join('scripts', 'build.ts')) {
  if (!process.argv.includes('--if-stale')) build()
  else if (isStale()) {
    console.log('dist/ is not built from the current sources: building it (npm run build).')
    build()
  }
}
