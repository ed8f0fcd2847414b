// The release's tag logic (scripts/release.ts): which tags release, the major tag they move, the notes
// from CHANGELOG.md, and the repository as it is: package.json's version has its changelog section.
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundledPackagesOf, changelogSection, checkRelease, checkReleaseWorkflow, packagesSection, parseTag, releaseCreateFiles, releaseNotes } from '../../scripts/release.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const RELEASE_YML = readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

## [1.2.0] - 2026-12-24

### Added

- Gifts.

## [1.1.0] - 2026-11-01
- Fixed a thing.

## 1.0.0
- First.

[1.2.0]: https://example.com/v1.2.0
`

describe('release tags', () => {
  it('vX.Y.Z releases version X.Y.Z and moves vX', () => {
    expect(parseTag('v1.2.3')).toEqual({ tag: 'v1.2.3', version: '1.2.3', major: 1, majorTag: 'v1' })
    expect(parseTag('v10.0.0').majorTag).toBe('v10')
    expect(parseTag('v0.9.12')).toMatchObject({ version: '0.9.12', majorTag: 'v0' })
  })

  it.each(['1.2.3', 'v1.2', 'v1', 'v1.2.3-rc.1', 'v1.2.3+build', 'v01.2.3', 'v1.02.3', 'V1.2.3', 'v1.2.3 ', 'release-1.2.3', 'v1.2.3.4'])('refuses %j, saying what a release tag is', (tag) => {
    expect(() => parseTag(tag)).toThrow(/is not a release tag: releases are tagged vMAJOR\.MINOR\.PATCH/)
  })
})

describe('release notes from CHANGELOG.md', () => {
  it("are the version's section, headings included, up to the next version", () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toBe('### Added\n\n- Gifts.')
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe('- Fixed a thing.')
  })

  it('take a heading without brackets or date, and leave out the link definitions at the end', () => {
    expect(changelogSection(CHANGELOG, '1.0.0')).toBe('- First.')
  })

  it('refuse a version without a section, or with an empty one', () => {
    expect(() => changelogSection(CHANGELOG, '1.3.0')).toThrow('CHANGELOG.md has no section for 1.3.0')
    expect(() => changelogSection(CHANGELOG, '1.2')).toThrow('no section for 1.2')
    expect(() => changelogSection('## [2.0.0] - 2027-01-01\n\n## [1.0.0]\n- x\n', '2.0.0')).toThrow("section for 2.0.0 is empty")
  })

  it('end with the command-line file and its SHA-256 when given its checksum line', () => {
    const sha = 'a'.repeat(64)
    const notes = releaseNotes('- Gifts.', `${sha}  defectdojo-reimport.mjs\n`)
    expect(notes.startsWith('- Gifts.\n')).toBe(true)
    expect(notes).toContain(`${sha}  defectdojo-reimport.mjs`)
    expect(() => releaseNotes('- Gifts.', 'not a checksum')).toThrow('Not a sha256sum line')
  })
})

describe('a release checked against the repository', () => {
  const repo = (version: string, changelog = CHANGELOG): string => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-release-'))
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }))
    writeFileSync(join(dir, 'CHANGELOG.md'), changelog)
    return dir
  }

  it('passes when the tag, package.json and CHANGELOG.md agree', () => {
    expect(checkRelease('v1.2.0', repo('1.2.0'))).toMatchObject({ version: '1.2.0', majorTag: 'v1', notes: '### Added\n\n- Gifts.' })
  })

  it("refuses a tag that is not package.json's version", () => {
    expect(() => checkRelease('v1.1.0', repo('1.2.0'))).toThrow(`Tag v1.1.0 does not match package.json's version 1.2.0`)
  })

  it('refuses a version the changelog does not describe', () => {
    expect(() => checkRelease('v1.3.0', repo('1.3.0'))).toThrow('CHANGELOG.md has no section for 1.3.0')
  })

  it("this repository: package.json's version is releasable as it stands", () => {
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
    expect(checkRelease(`v${version}`).notes.length).toBeGreaterThan(100)
  })
})

describe('the bundled packages in the release notes', () => {
  const SEPARATOR = '\n\n' + '-'.repeat(100) + '\n\n'
  const licences = ['Licences of the 2 npm packages bundled into this folder\'s code, one section each, as each package ships them.', '@actions/core@3.0.1 (MIT)\n\nThe MIT License (MIT)\n\nCopyright 2019 GitHub', 'undici@8.13.1 (MIT)\n\nMIT License'].join(SEPARATOR)

  it('are read from each notice heading of a licences text, scoped names included', () => {
    expect(bundledPackagesOf(licences, 'dist/licenses.txt')).toEqual([
      { name: '@actions/core', version: '3.0.1', license: 'MIT' },
      { name: 'undici', version: '8.13.1', license: 'MIT' }
    ])
    // The command-line file carries the same text in a comment at its end.
    expect(bundledPackagesOf(`#!/usr/bin/env node\ncode()\n/*!\n${licences}\n*/\n`, 'defectdojo-reimport.mjs')).toHaveLength(2)
  })

  it('refuse a text whose count and notices disagree, or that has none', () => {
    expect(() => bundledPackagesOf(licences.replace('of the 2 npm', 'of the 3 npm'), 'dist/licenses.txt')).toThrow('dist/licenses.txt announces 3 packages but has 2 notices')
    expect(() => bundledPackagesOf('nothing', 'dist/licenses.txt')).toThrow('has no licence notices')
  })

  it("list this repository's dist/licenses.txt, every package, in the notes", () => {
    const text = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8')
    const packages = bundledPackagesOf(text, 'dist/licenses.txt')
    expect(packages.length).toBe(Number(/^Licences of the (\d+) /.exec(text)![1]))
    expect(packages).toContainEqual({ name: '@actions/core', version: '3.0.1', license: 'MIT' })
    const section = packagesSection(packages, { file: 'defectdojo-reimport.mjs', packages: packages.slice(0, 1) })
    expect(section.startsWith('### Bundled packages\n')).toBe(true)
    expect(section).toContain(`The action (<code>dist/</code>): ${packages.length} packages`)
    expect(section).toContain('The command-line file (<code>defectdojo-reimport.mjs</code>): 1 packages')
    for (const p of packages) expect(section).toContain(`| ${p.name} | ${p.version} |`)
  })

  it('come between the changelog section and the checksum, with the verification commands', () => {
    const sha = 'b'.repeat(64)
    const notes = releaseNotes('- Gifts.', `${sha}  defectdojo-reimport.mjs`, '### Bundled packages\n\nlist', 'acme/dd-action')
    expect(notes.indexOf('- Gifts.')).toBeLessThan(notes.indexOf('### Bundled packages'))
    expect(notes.indexOf('### Bundled packages')).toBeLessThan(notes.indexOf(sha))
    expect(notes).toContain('gh attestation verify defectdojo-reimport.mjs --repo acme/dd-action')
    expect(notes).toContain('defectdojo-reimport-action.tgz')
  })

  it('are in the notes the release command writes (node scripts/release.ts notes)', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
    const notes = execFileSync(process.execPath, [join(ROOT, 'scripts', 'release.ts'), 'notes', `v${version}`], { encoding: 'utf8' })
    const listed = execFileSync(process.execPath, [join(ROOT, 'scripts', 'release.ts'), 'packages', join(ROOT, 'dist', 'licenses.txt')], { encoding: 'utf8' }).trim().split('\n')
    expect(listed.length).toBeGreaterThan(100)
    expect(notes).toContain('### Bundled packages')
    for (const line of listed) {
      const [name, pkgVersion] = line.split(' ')
      expect(notes).toContain(`| ${name} | ${pkgVersion} |`)
    }
  })
})

describe('provenance: release.yml attests exactly the files it publishes', () => {
  it('this repository: the attest job alone may sign, and signs the three files the release attaches', () => {
    const { attested, released, attestJob } = checkReleaseWorkflow(RELEASE_YML)
    expect(attestJob).toBe('attest')
    expect(attested).toEqual(['build/defectdojo-reimport.mjs', 'build/defectdojo-reimport.mjs.sha256', 'build/defectdojo-reimport-action.tgz'])
    expect(released).toEqual(attested)
    const cli = spawnSync(process.execPath, [join(ROOT, 'scripts', 'release.ts'), 'workflow'], { encoding: 'utf8' })
    expect([cli.status, cli.stdout]).toEqual([0, attested.join('\n') + '\n'])
  })

  it('reads the files of a gh release create command, past its options and labels', () => {
    expect(releaseCreateFiles('gh release create "$T" --verify-tag --title "$T" --notes-file n.md a.mjs b.sha256#Checksum')).toEqual(['a.mjs', 'b.sha256'])
    expect(releaseCreateFiles('echo hi')).toBeNull()
  })

  const broken = (from: string | RegExp, to: string): string => {
    const text = RELEASE_YML.replace(from, to)
    expect(text).not.toBe(RELEASE_YML)
    return text
  }

  it('refuses a released file without provenance, and an attested file the release does not attach', () => {
    expect(() => checkReleaseWorkflow(broken(/\n {12}build\/defectdojo-reimport-action\.tgz\n(?= {2}publish:|\n)/, '\n'))).toThrow('the release attaches build/defectdojo-reimport-action.tgz without attesting it')
    expect(() => checkReleaseWorkflow(broken(/\n {10}build\/defectdojo-reimport-action\.tgz\n/, '\n'))).toThrow('the attestation names build/defectdojo-reimport-action.tgz, which the release does not attach')
  })

  it('refuses a release workflow without the attest step, or with an unpinned or globbed one', () => {
    const withoutStep = broken(/ {6}- name: Attest the files the release publishes\n(?: {8}.*\n)+/, '')
    expect(() => checkReleaseWorkflow(withoutStep)).toThrow('must attest the release files in one actions/attest-build-provenance step; it has 0')
    expect(() => checkReleaseWorkflow(broken(/actions\/attest-build-provenance@\S+/, 'actions/attest-build-provenance@v4'))).toThrow('"actions/attest-build-provenance@v4" is not pinned to a commit SHA')
    expect(() => checkReleaseWorkflow(broken('            build/defectdojo-reimport.mjs.sha256\n            build/defectdojo-reimport-action.tgz\n\n', '            build/*\n\n'))).toThrow('has a glob')
  })

  it('refuses signing rights outside the attest job, and the attest job without them or with contents: write', () => {
    expect(() => checkReleaseWorkflow(broken('      contents: write # create the release', '      id-token: write\n      contents: write # create the release'))).toThrow('job "publish" has `id-token: write`, which only the attesting job "attest" needs')
    expect(() => checkReleaseWorkflow(broken('      attestations: write # store', '      attestations: read # store'))).toThrow('job "attest" attests but does not declare `attestations: write`')
    expect(() => checkReleaseWorkflow(broken('      attestations: write # store', '      attestations: write\n      contents: write # store'))).toThrow('job "attest" attests and may write contents')
    expect(() => checkReleaseWorkflow(broken('permissions: {}', 'permissions:\n  id-token: write'))).toThrow('the workflow-wide permissions give id-token')
  })
})
