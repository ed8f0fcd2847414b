// The release's tag logic (scripts/release.ts): which tags release, the major tag they move, the notes
// from CHANGELOG.md, and the repository as it is: package.json's version has its changelog section.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { changelogSection, checkRelease, parseTag, releaseNotes } from '../../scripts/release.ts'

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
