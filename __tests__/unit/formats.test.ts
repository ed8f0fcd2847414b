/**
 * The format table, row by row: every scan type exists on the server, every row is proven by at
 * least one project-written fixture (fixtures/recognition/expected.json: fixture → rule id or
 * "skip"), and a fixture of a row that content alone decides matches that row and no other.
 */
import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FORMATS, type FormatRule } from '../../src/recognition/formats/index.js'
import { recognize } from '../../src/recognition/recognize.js'
import { SCAN_TYPES } from '../../src/scan-types.js'
import { sniffFile } from '../../src/recognition/sniff.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/recognition', import.meta.url))
const expected: Record<string, string> = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'))

/** DefectDojo's default DD_FILE_IMPORT_TYPES (docs/defectdojo-api.md §0); the server compares the last suffix. */
const ALLOWED_UPLOAD_EXTENSIONS = ['.xml', '.csv', '.nessus', '.json', '.jsonl', '.html', '.js', '.zip', '.xlsx', '.txt', '.sarif', '.fpr', '.md', '.log', '.fvdl']

const candidate = (file: string) => {
  const absolutePath = path.join(FIXTURES, file)
  return { absolutePath, displayPath: path.basename(file), artifact: null, size: fs.statSync(absolutePath).size }
}

describe('the format table', () => {
  test('ids are unique', () => {
    const ids = FORMATS.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  test.each(FORMATS.map((f) => [f.id, f] as [string, FormatRule]))('%s names a real scan type, or none with a reason', (_id, rule) => {
    if (rule.scanType === null) {
      expect(rule.reason).toEqual(expect.any(String))
      expect(rule.reason!.length).toBeGreaterThan(10)
    } else {
      expect(SCAN_TYPES).toContain(rule.scanType)
    }
    for (const other of rule.alsoReadBy ?? []) expect(SCAN_TYPES).toContain(other.scanType)
  })

  test.each(FORMATS.map((f) => [f.id, f] as [string, FormatRule]))('%s uploads under a name the server accepts', (_id, rule) => {
    expect(rule.extensions.length).toBeGreaterThan(0)
    for (const extension of [...rule.extensions, ...(rule.alsoReadBy ?? []).flatMap((a) => a.extensions ?? [])]) {
      expect(extension).toMatch(/^\./)
      expect(ALLOWED_UPLOAD_EXTENSIONS).toContain(extension.slice(extension.lastIndexOf('.')).toLowerCase())
    }
  })

  test.each(FORMATS.map((f) => [f.id] as [string]))('%s has a fixture', (id) => {
    expect(Object.values(expected)).toContain(id)
  })

  test('every fixture listed exists, and every fixture file is listed', () => {
    const onDisk: string[] = []
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (full !== path.join(FIXTURES, 'expected.json')) onDisk.push(path.relative(FIXTURES, full).split(path.sep).join('/'))
      }
    }
    walk(FIXTURES)
    expect(onDisk.sort()).toEqual(Object.keys(expected).sort())
  })
})

describe('each fixture is recognised as the row it was written for', () => {
  test.each(Object.entries(expected))('%s → %s', async (file, id) => {
    const recognition = await recognize(candidate(file))
    if (id === 'skip') {
      expect(recognition.kind).toBe('skipped')
      return
    }
    const rule = FORMATS.find((f) => f.id === id)!
    expect(rule).toBeDefined()
    // Report rows are uploaded; rows without a scan type are skipped with their reason — both name the row.
    expect(recognition.kind).toBe(rule.scanType === null ? 'skipped' : 'report')
    expect(recognition.evidence[0]).toMatch(new RegExp(`^${id}: `))
    if (recognition.kind === 'report') expect(recognition.scanType).toBe(rule.scanType)
  })

  test.each(Object.entries(expected).filter(([, id]) => id !== 'skip' && !FORMATS.find((f) => f.id === id)!.nameHint))(
    '%s matches its own row and no other',
    async (file, id) => {
      const head = await sniffFile(path.join(FIXTURES, file))
      const matching = FORMATS.filter((f) => f.match(head)).map((f) => f.id)
      expect(matching).toEqual([id])
    }
  )

  // (Broken files of a real format — `negative/broken.*` — may match their row: recognition refuses them as broken.)
  test.each(Object.entries(expected).filter(([file, id]) => id === 'skip' && !file.startsWith('negative/broken')))('%s (not a report) matches no report row', async (file) => {
    const abs = path.join(FIXTURES, file)
    if (fs.statSync(abs).size === 0) return
    const head = await sniffFile(abs)
    expect(FORMATS.filter((f) => f.scanType !== null && f.match(head)).map((f) => f.id)).toEqual([])
  })
})
