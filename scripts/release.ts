// The release's tag logic, kept out of the workflow so CI can run it without GitHub:
// a tag vX.Y.Z, package.json at X.Y.Z, a CHANGELOG.md section for X.Y.Z (the release notes), and the
// major tag vX that the release moves. .github/workflows/release.yml and .ci/release-dry-run use it.
//
//   node scripts/release.ts check vX.Y.Z
//       exit 1 with the reason unless the tag, package.json and CHANGELOG.md agree; prints
//       version=X.Y.Z, major-tag=vX and tag=vX.Y.Z, one a line (the format of $GITHUB_OUTPUT)
//   node scripts/release.ts notes vX.Y.Z [--checksum-file build/defectdojo-reimport.mjs.sha256]
//       the release notes: the version's CHANGELOG.md section, the npm packages bundled into dist/ (from
//       dist/licenses.txt) and into the command-line file (from its licence comment), and the file's SHA-256
//   node scripts/release.ts workflow [.github/workflows/release.yml]
//       exit 1 with the reasons unless the release workflow attests, with actions/attest-build-provenance
//       in a job of its own that alone may sign, exactly the files it attaches to the release; prints them
//   node scripts/release.ts packages dist/licenses.txt
//       the packages a licences text lists (dist/licenses.txt, the command-line file), `name version` a line
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export interface ReleaseTag {
  /** The tag as pushed, vX.Y.Z. */
  tag: string
  /** X.Y.Z. */
  version: string
  major: number
  /** vX: the tag users pin with `@vX`, moved to every X.Y.Z release. */
  majorTag: string
}

/** A release tag: v, then MAJOR.MINOR.PATCH without leading zeros (SemVer's core, no pre-release). */
export function parseTag(tag: string): ReleaseTag {
  const match = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(tag)
  if (!match) {
    throw new Error(`"${tag}" is not a release tag: releases are tagged vMAJOR.MINOR.PATCH, e.g. v1.2.3 (no pre-release suffix, no leading zeros).`)
  }
  const major = Number(match[1])
  return { tag, version: `${match[1]}.${match[2]}.${match[3]}`, major, majorTag: `v${major}` }
}

/**
 * The body of CHANGELOG.md's section for a version: the lines under its `## [X.Y.Z]` heading (a
 * ` - date` may follow), up to the next `## ` heading, trimmed. Throws when there is none or it is empty.
 */
export function changelogSection(changelog: string, version: string): string {
  const lines = changelog.split(/\r?\n/)
  const escaped = version.replace(/\./g, '\\.')
  const heading = new RegExp(`^## \\[?${escaped}\\]?(\\s+-\\s+\\S.*)?\\s*$`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start < 0) throw new Error(`CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD" with what the release changes.`)
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => /^## /.test(line))
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').replace(/\n\[[^\]]+\]: \S+\s*$/, '').trim()
  if (!body) throw new Error(`CHANGELOG.md's section for ${version} is empty: say what the release changes.`)
  return body
}

/** The tag checked against package.json's version and CHANGELOG.md; throws with the reason. */
export function checkRelease(tag: string, root = ROOT): ReleaseTag & { notes: string } {
  const release = parseTag(tag)
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  if (pkg.version !== release.version) {
    throw new Error(`Tag ${tag} does not match package.json's version ${pkg.version}: set "version": "${release.version}" (npm version ${release.version} --no-git-tag-version) and tag that commit.`)
  }
  return { ...release, notes: changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), release.version) }
}

/** One npm package inside a bundle, as its licence notice names it. */
export interface BundledPackage {
  name: string
  version: string
  license: string
}

/** The line between two notices of a licences text (scripts/licenses.ts, scripts/build-cli-file.ts). */
const NOTICE_SEPARATOR = '\n\n' + '-'.repeat(100) + '\n\n'

/**
 * The packages a licences text lists — dist/licenses.txt, or the comment at the end of the command-line
 * file — from each notice's heading, `name@version (licence)`. Throws when the count its first line
 * announces is not the count of notices, so a changed format cannot shorten the list unnoticed.
 */
export function bundledPackagesOf(text: string, what: string): BundledPackage[] {
  const start = text.lastIndexOf('Licences of the ')
  if (start < 0) throw new Error(`${what} has no licence notices ("Licences of the N npm packages …"): run npm run build`)
  const [intro, ...notices] = text.slice(start).split(NOTICE_SEPARATOR)
  const announced = Number(/^Licences of the (\d+) npm packages/.exec(intro!)?.[1])
  const packages = notices.map((notice) => {
    const heading = notice.split('\n', 1)[0]!
    const match = /^(@?[^@\s]+)@(\S+) \((.*)\)$/.exec(heading)
    if (!match) throw new Error(`${what}: a notice does not start with "name@version (licence)": ${JSON.stringify(heading)}`)
    return { name: match[1]!, version: match[2]!, license: match[3]! }
  })
  if (packages.length !== announced) throw new Error(`${what} announces ${announced} packages but has ${packages.length} notices`)
  return packages
}

/**
 * The notes' list of bundled packages: what a reviewer compares with an advisory before adopting a
 * release. The action runs dist/ (dist/licenses.txt); the command-line file bundles its own set.
 */
export function packagesSection(action: readonly BundledPackage[], cliFile?: { file: string; packages: readonly BundledPackage[] }): string {
  const table = (packages: readonly BundledPackage[]): string => ['| Package | Version | Licence |', '| --- | --- | --- |', ...packages.map((p) => `| ${p.name} | ${p.version} | ${p.license.replace(/\|/g, '\\|')} |`)].join('\n')
  const block = (summary: string, packages: readonly BundledPackage[]): string => `<details><summary>${summary}</summary>\n\n${table(packages)}\n\n</details>`
  const parts = [
    '### Bundled packages',
    '',
    'The npm packages inside the release, by version; their licence texts are in `dist/licenses.txt` and at the end of the command-line file.',
    '',
    block(`The action (<code>dist/</code>): ${action.length} packages`, action)
  ]
  if (cliFile) parts.push('', block(`The command-line file (<code>${cliFile.file}</code>): ${cliFile.packages.length} packages`, cliFile.packages))
  return parts.join('\n')
}

/** The action's bundle as the release attaches it (.ci/release-dry-run packs it). */
export const BUNDLE_FILE = 'defectdojo-reimport-action.tgz'

/** The release notes: the changelog section, the bundled packages, then how to verify the command-line file. */
export function releaseNotes(notes: string, checksumLine?: string, packages?: string, repository = process.env.GITHUB_REPOSITORY || '<owner>/<repository>'): string {
  const body = packages ? `${notes}\n\n${packages}` : notes
  if (!checksumLine) return `${body}\n`
  const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(checksumLine.trim())
  if (!match) throw new Error(`Not a sha256sum line: ${JSON.stringify(checksumLine.trim())}`)
  const [, sha256, file] = match
  return `${body}

### The command line as one file

\`${file}\` runs on Node.js 24 with nothing else installed (see the README's GitLab and Jenkins jobs). Its SHA-256:

\`\`\`
${sha256}  ${file}
\`\`\`

Keep this value in your pipeline and check the download against it (\`sha256sum -c\`) before running it.

### Provenance

Each file of this release — \`${file}\`, its \`.sha256\`, and \`${BUNDLE_FILE}\` (\`npm pack\` of the
tag: \`dist/\`, \`action.yml\`, the README; its \`dist/\` is what \`uses:\` runs) — has a signed build
provenance from the release workflow. \`gh attestation verify ${file} --repo ${repository}\` checks that
this repository's release workflow built it, and shows the tag and commit it built from.
`
}

/** The action the release workflow attests with, and the files the attestation and the release name. */
export const ATTEST_ACTION = 'actions/attest-build-provenance'

/** `gh release create` options that take a value (the rest of its options are flags). */
const GH_RELEASE_VALUE_OPTIONS = new Set(['--title', '-t', '--notes', '-n', '--notes-file', '-F', '--target', '--discussion-category', '--notes-start-tag', '--repo', '-R'])

/** The files a `gh release create` command attaches: its arguments after the tag, without `#label`s. */
export function releaseCreateFiles(command: string): string[] | null {
  const words = command.trim().split(/\s+/).map((word) => word.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'))
  const at = words.findIndex((word, i) => word === 'gh' && words[i + 1] === 'release' && words[i + 2] === 'create')
  if (at < 0) return null
  const positional: string[] = []
  for (let i = at + 3; i < words.length; i++) {
    const word = words[i]!
    if (word === '&&' || word === ';' || word === '|') break
    if (word.startsWith('-')) {
      if (GH_RELEASE_VALUE_OPTIONS.has(word)) i++
      continue
    }
    positional.push(word)
  }
  return positional.slice(1).map((file) => file.replace(/#.*$/, ''))
}

const lines = (value: unknown): string[] =>
  String(value ?? '')
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean)

const writes = (permissions: unknown, scope: string): boolean => permissions === 'write-all' || (isMap(permissions) && permissions.get(scope) === 'write')

/**
 * The release workflow checked for its provenance: one step uses actions/attest-build-provenance, at
 * a commit; its job may mint an OIDC token and write attestations and no other job may; it attests
 * exactly the files `gh release create` attaches (no file published without provenance, none attested
 * that is not published). Returns the files; throws with every problem found.
 */
export function checkReleaseWorkflow(text: string, file = '.github/workflows/release.yml'): { attested: string[]; released: string[]; attestJob: string } {
  const problems: string[] = []
  const document = parseDocument(text)
  if (document.errors.length > 0) throw new Error(`${file} is not YAML: ${document.errors[0]!.message}`)
  const jobs = document.get('jobs')
  if (!isMap(jobs)) throw new Error(`${file} has no jobs`)
  const attestSteps: Array<{ job: string; step: YAMLMap }> = []
  const releaseCommands: Array<{ job: string; files: string[] }> = []
  for (const pair of jobs.items) {
    const job = String(isScalar(pair.key) ? pair.key.value : pair.key)
    const steps = isMap(pair.value) ? pair.value.get('steps') : null
    if (!isSeq(steps)) continue
    for (const step of steps.items) {
      if (!isMap(step)) continue
      const uses = step.get('uses')
      if (typeof uses === 'string' && uses.split('@')[0] === ATTEST_ACTION) attestSteps.push({ job, step })
      const files = releaseCreateFiles(String(step.get('run') ?? ''))
      if (files) releaseCommands.push({ job, files })
    }
  }
  if (attestSteps.length !== 1) throw new Error(`${file} must attest the release files in one ${ATTEST_ACTION} step; it has ${attestSteps.length}`)
  if (releaseCommands.length !== 1) throw new Error(`${file} must create the release in one \`gh release create\` step; it has ${releaseCommands.length}`)
  const [{ job: attestJob, step }] = attestSteps as [{ job: string; step: YAMLMap }]
  const uses = String(step.get('uses'))
  if (!/@[0-9a-f]{40}$/.test(uses)) problems.push(`"${uses}" is not pinned to a commit SHA`)
  const attested = lines(step.get('with') && isMap(step.get('with')) ? (step.get('with') as YAMLMap).get('subject-path') : undefined)
  if (attested.length === 0) problems.push(`the ${ATTEST_ACTION} step names no subject-path`)
  if (attested.some((path) => /[*?[]/.test(path))) problems.push(`the ${ATTEST_ACTION} step's subject-path has a glob: name each file, so the check below compares files`)
  const released = releaseCommands[0]!.files
  const missing = released.filter((path) => !attested.includes(path))
  const extra = attested.filter((path) => !released.includes(path))
  if (missing.length > 0) problems.push(`the release attaches ${missing.join(', ')} without attesting it`)
  if (extra.length > 0) problems.push(`the attestation names ${extra.join(', ')}, which the release does not attach`)
  for (const pair of jobs.items) {
    const job = String(isScalar(pair.key) ? pair.key.value : pair.key)
    const permissions = isMap(pair.value) ? pair.value.get('permissions') : undefined
    if (job === attestJob) {
      for (const scope of ['id-token', 'attestations']) if (!writes(permissions, scope)) problems.push(`job "${job}" attests but does not declare \`${scope}: write\``)
      if (writes(permissions, 'contents')) problems.push(`job "${job}" attests and may write contents: publish from another job`)
    } else {
      for (const scope of ['id-token', 'attestations']) if (writes(permissions, scope)) problems.push(`job "${job}" has \`${scope}: write\`, which only the attesting job "${attestJob}" needs`)
    }
  }
  if (writes(document.get('permissions'), 'id-token') || writes(document.get('permissions'), 'attestations')) problems.push('the workflow-wide permissions give id-token or attestations: give them to the attesting job only')
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`)
  return { attested, released, attestJob }
}

function main(argv: string[]): number {
  const [command, tag] = argv
  try {
    if (command === 'check' && tag) {
      const release = checkRelease(tag)
      process.stdout.write(`version=${release.version}\nmajor-tag=${release.majorTag}\ntag=${release.tag}\n`)
      return 0
    }
    if (command === 'notes' && tag) {
      const at = argv.indexOf('--checksum-file')
      const checksumFile = at > 0 && argv[at + 1] ? resolve(argv[at + 1]!) : undefined
      const checksum = checksumFile ? readFileSync(checksumFile, 'utf8') : undefined
      const action = bundledPackagesOf(readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8'), 'dist/licenses.txt')
      // The command-line file sits beside its checksum file, under the name the checksum line gives.
      const cliName = checksum ? checksum.trim().split(/\s+/)[1] : undefined
      const cliPath = checksumFile && cliName ? join(dirname(checksumFile), cliName) : undefined
      const cliFile = cliName && cliPath && existsSync(cliPath) ? { file: cliName, packages: bundledPackagesOf(readFileSync(cliPath, 'utf8'), cliName) } : undefined
      process.stdout.write(releaseNotes(checkRelease(tag).notes, checksum, packagesSection(action, cliFile)))
      return 0
    }
    if (command === 'packages' && tag) {
      for (const p of bundledPackagesOf(readFileSync(resolve(tag), 'utf8'), tag)) process.stdout.write(`${p.name} ${p.version}\n`)
      return 0
    }
    if (command === 'workflow') {
      const file = tag ?? join('.github', 'workflows', 'release.yml')
      const { attested } = checkReleaseWorkflow(readFileSync(resolve(ROOT, file), 'utf8'), file)
      process.stdout.write(attested.map((path) => `${path}\n`).join(''))
      return 0
    }
    process.stderr.write(`usage: node scripts/${basename(fileURLToPath(import.meta.url))} check vX.Y.Z | notes vX.Y.Z [--checksum-file FILE] | workflow [FILE] | packages LICENCES-FILE\n`)
    return 2
  } catch (error) {
    process.stderr.write(`release: ${(error as Error).message}\n`)
    return 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2))
