// The release's tag logic, kept out of the workflow so CI can run it without GitHub:
// a tag vX.Y.Z, package.json at X.Y.Z, a CHANGELOG.md section for X.Y.Z (the release notes), and the
// major tag vX that the release moves. .github/workflows/release.yml and .ci/release-dry-run use it.
//
//   node scripts/release.ts check vX.Y.Z
//       exit 1 with the reason unless the tag, package.json and CHANGELOG.md agree; prints
//       version=X.Y.Z, major-tag=vX and tag=vX.Y.Z, one a line (the format of $GITHUB_OUTPUT)
//   node scripts/release.ts notes vX.Y.Z [--checksum-file build/defectdojo-reimport.mjs.sha256]
//       the release notes: the version's CHANGELOG.md section, and the command-line file's SHA-256
import { readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

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

/** The release notes: the changelog section, then how to verify the command-line file. */
export function releaseNotes(notes: string, checksumLine?: string): string {
  if (!checksumLine) return `${notes}\n`
  const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(checksumLine.trim())
  if (!match) throw new Error(`Not a sha256sum line: ${JSON.stringify(checksumLine.trim())}`)
  const [, sha256, file] = match
  return `${notes}

### The command line as one file

\`${file}\` runs on Node.js 24 with nothing else installed (see the README's GitLab and Jenkins jobs). Its SHA-256:

\`\`\`
${sha256}  ${file}
\`\`\`

Keep this value in your pipeline and check the download against it (\`sha256sum -c\`) before running it.
`
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
      const checksum = at > 0 && argv[at + 1] ? readFileSync(resolve(argv[at + 1]!), 'utf8') : undefined
      process.stdout.write(releaseNotes(checkRelease(tag).notes, checksum))
      return 0
    }
    process.stderr.write(`usage: node scripts/${basename(fileURLToPath(import.meta.url))} check vX.Y.Z | notes vX.Y.Z [--checksum-file FILE]\n`)
    return 2
  } catch (error) {
    process.stderr.write(`release: ${(error as Error).message}\n`)
    return 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2))
