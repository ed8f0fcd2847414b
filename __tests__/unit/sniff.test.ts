/** The bounded head reader: what a head of bytes becomes, cut off or whole. */
import { describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sniff, sniffFile, splitCsvLine, HEAD_BYTES } from '../../src/recognition/sniff.js'
import { ZIP_TAIL_BYTES } from '../../src/recognition/zip.js'
import { makeZip } from '../support/zip.js'

const whole = (text: string) => sniff(Buffer.from(text), true)
const cut = (text: string) => sniff(Buffer.from(text), false)

describe('JSON', () => {
  test('a whole document', () => {
    expect(whole('{"SchemaVersion": 2, "Results": []}')).toEqual({ syntax: 'json', value: { SchemaVersion: 2, Results: [] }, complete: true })
  })

  test('a head cut inside a big document keeps what was read', () => {
    const head = cut('{"SchemaVersion": 2, "ArtifactName": "shop", "Results": [{"Target": "a"}, {"Target": "b", "Vulner')
    expect(head.syntax).toBe('json')
    if (head.syntax !== 'json') return
    expect(head.complete).toBe(false)
    expect(head.value).toMatchObject({ SchemaVersion: 2, ArtifactName: 'shop', Results: [{ Target: 'a' }, { Target: 'b' }] })
  })

  test('a whole file that stops early is truncated, not a report', () => {
    const head = whole('{"SchemaVersion": 2, "Results": [{"Target": "a"')
    expect(head).toMatchObject({ syntax: 'malformed', expected: 'JSON' })
  })

  test('an error before the cut is a broken file even in a head', () => {
    expect(cut('{"a": 1,, "b": 2, "c": [1, 2, 3')).toMatchObject({ syntax: 'malformed', expected: 'JSON' })
  })

  test('a BOM is ignored', () => {
    expect(whole('\uFEFF[]')).toEqual({ syntax: 'json', value: [], complete: true })
  })

  test('null is JSON (Gitleaks 7 and old Trivy print it when they find nothing)', () => {
    expect(whole('null\n')).toEqual({ syntax: 'json', value: null, complete: true })
  })

  test('JSON Lines: one object per line', () => {
    const head = whole('{"type": "auditAdvisory", "data": {}}\n{"type": "auditSummary", "data": {}}\n')
    expect(head).toEqual({ syntax: 'jsonl', lines: [{ type: 'auditAdvisory', data: {} }, { type: 'auditSummary', data: {} }], complete: true })
  })

  test('JSON Lines cut off: the partial last line is left out', () => {
    const head = cut('{"a": 1}\n{"a": 2}\n{"a": 3}\n{"a": ')
    expect(head).toEqual({ syntax: 'jsonl', lines: [{ a: 1 }, { a: 2 }, { a: 3 }], complete: false })
  })

  test('a stream of pretty-printed documents (govulncheck -json) is read like JSON Lines', () => {
    const head = whole('{\n  "config": {\n    "scanner_name": "govulncheck"\n  }\n}\n{\n  "progress": {\n    "message": "Scanning"\n  }\n}\n')
    expect(head).toEqual({ syntax: 'jsonl', lines: [{ config: { scanner_name: 'govulncheck' } }, { progress: { message: 'Scanning' } }], complete: true })
  })

  test('a log whose lines start with a bracketed time stamp is text, not broken JSON', () => {
    const head = whole('[10:00:00] Running Rootkit Hunter version 1.4.6 on app\n[10:00:01] Info: Start date is Mon\n')
    expect(head.syntax).toBe('text')
  })
})

describe('XML', () => {
  test('an element tree with attributes and text', () => {
    const head = whole('<?xml version="1.0"?>\n<OWASPZAPReport version="2.15.0"><site name="x"><alerts/></site></OWASPZAPReport>')
    expect(head.syntax).toBe('xml')
    if (head.syntax !== 'xml') return
    expect(head.root.name).toBe('OWASPZAPReport')
    expect(head.root.attributes).toEqual({ version: '2.15.0' })
    expect(head.root.children[0]).toMatchObject({ name: 'site', attributes: { name: 'x' } })
  })

  test('a head cut inside the document is fine; a whole file cut is broken', () => {
    const text = '<?xml version="1.0"?>\n<issues burpVersion="2024.4"><issue><name>XSS</name></issue><issue><na'
    expect(cut(text).syntax).toBe('xml')
    expect(whole(text)).toMatchObject({ syntax: 'malformed', expected: 'XML' })
  })

  test('mismatched tags are broken', () => {
    expect(whole('<a><b></a>')).toMatchObject({ syntax: 'malformed', expected: 'XML' })
  })

  test('HTML is a page for people, with its title kept', () => {
    expect(whole('<!DOCTYPE html>\n<html><head><title>ZAP Scanning Report</title></head><body></body></html>')).toEqual({
      syntax: 'html',
      title: 'ZAP Scanning Report',
      complete: true
    })
  })
})

describe('CSV and text', () => {
  test('a header row, comma or semicolon separated, quoted or not', () => {
    expect(whole('"id","fqdn/ip","port","severity"\n"TLS1","a","443","INFO"\n')).toMatchObject({ syntax: 'csv', delimiter: ',', header: ['id', 'fqdn/ip', 'port', 'severity'] })
    expect(whole('AUTH_METHOD;TIMESTAMP;PROVIDER;STATUS\nprofile;2024;aws;FAIL\n')).toMatchObject({ syntax: 'csv', delimiter: ';', header: ['AUTH_METHOD', 'TIMESTAMP', 'PROVIDER', 'STATUS'] })
  })

  test('empty header cells are allowed (Plugin Output,,State; a trailing comma)', () => {
    expect(whole('Plugin ID,CVE,Risk,,Host,\n1,,Low,,a,\n')).toMatchObject({ syntax: 'csv', header: ['Plugin ID', 'CVE', 'Risk', '', 'Host', ''] })
  })

  test('a record with more fields than the header is marked, not dropped', () => {
    const head = whole('A,B,C\n1,2,3\n1,2,3,4,5\n')
    expect(head).toMatchObject({ syntax: 'csv', overfull: 'record 3 has 5 fields, the header 3' })
  })

  test('quoted cells may hold delimiters, quotes and line breaks', () => {
    expect(splitCsvLine('a,"b,c","d ""e"""', ',')).toEqual(['a', 'b,c', 'd "e"'])
    const head = whole('A,B,C\n1,"two\nlines",3\n')
    expect(head.syntax === 'csv' && head.overfull).toBeFalsy()
  })

  test('the data records after the header, quote-aware; a record cut by the head is left out', () => {
    expect(whole('A,B,C\n1,"two\nlines",3\n\n4,5,6\n')).toMatchObject({ syntax: 'csv', records: [['1', 'two\nlines', '3'], ['4', '5', '6']] })
    expect(cut('A,B,C\n1,2,3\n4,5')).toMatchObject({ syntax: 'csv', records: [['1', '2', '3']] })
  })

  test('anything else is text lines', () => {
    expect(whole('sqlmap identified the following injection point(s)\n---\n')).toMatchObject({ syntax: 'text', lines: ['sqlmap identified the following injection point(s)', '---', ''] })
  })
})

describe('empty, binary and zip', () => {
  test('nothing or only white space', () => {
    expect(whole('')).toEqual({ syntax: 'empty', complete: true })
    expect(whole(' \n\t\n')).toEqual({ syntax: 'empty', complete: true })
  })

  test('binary content', () => {
    expect(sniff(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), true).syntax).toBe('binary')
  })

  test('a zip archive lists its entry names from the local headers', () => {
    const entry = (name: string, data: string) => {
      const header = Buffer.alloc(30)
      header.writeUInt32LE(0x04034b50, 0)
      header.writeUInt32LE(Buffer.byteLength(data), 18)
      header.writeUInt32LE(Buffer.byteLength(data), 22)
      header.writeUInt16LE(Buffer.byteLength(name), 26)
      return Buffer.concat([header, Buffer.from(name), Buffer.from(data)])
    }
    const bytes = Buffer.concat([entry('audit.fvdl', '<FVDL/>'), entry('VERSION', '23.1')])
    // Cut before the central directory: the local headers give the names, not the full listing.
    expect(sniff(bytes, false)).toMatchObject({ syntax: 'zip', entries: ['audit.fvdl', 'VERSION'], listed: false, complete: false })
  })

  test('a whole zip lists its members from the central directory and looks into the first files', () => {
    const head = sniff(makeZip([{ name: 'pages/', data: '' }, { name: 'pages/1.json', data: '{"issues": [], "paging": {}}' }]), true)
    expect(head).toMatchObject({ syntax: 'zip', entries: ['pages/', 'pages/1.json'], listed: true, members: { 'pages/1.json': { syntax: 'json', value: { issues: [], paging: {} }, complete: true } } })
  })

  test('a zip longer than the head is listed from its tail, and read no further than head and tail', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sniff-zip-'))
    try {
      const file = path.join(dir, 'big.zip')
      // An incompressible member pushes the last one past the head: the tail still holds it.
      fs.writeFileSync(file, makeZip([{ name: 'blob.bin', data: randomBytes(HEAD_BYTES + 128 * 1024) }, { name: 'summary.json', data: '{"total": 0}' }]))
      const before = bytesReadByProcess()
      const head = await sniffFile(file)
      const after = bytesReadByProcess()
      expect(head).toMatchObject({ syntax: 'zip', entries: ['blob.bin', 'summary.json'], listed: true, complete: false, members: { 'summary.json': { syntax: 'json', value: { total: 0 } } } })
      // rchar counts every read of the process, the test runner's own too (a few KiB under load): 32 KiB of
      // slack, while reading the whole file would be 64 KiB more than head and tail.
      if (before !== null && after !== null) expect(after - before).toBeLessThanOrEqual(HEAD_BYTES + 1 + ZIP_TAIL_BYTES + 32 * 1024)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('an Excel workbook: its sheet names and the active sheet\'s header row, shared strings resolved', () => {
    const workbook = makeZip([
      { name: 'xl/workbook.xml', data: '<workbook xmlns:r="r"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="Summary" sheetId="1" r:id="rId1"/><sheet name="Findings" sheetId="2" r:id="rId2"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/findings.xml"/></Relationships>' },
      { name: 'xl/sharedStrings.xml', data: '<sst><si><t>CVE ID</t></si><si><r><t xml:space="preserve">Attack </t></r><r><t>Vector</t></r></si></sst>' },
      { name: 'xl/worksheets/findings.xml', data: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Score</t></is></c></row></sheetData></worksheet>' }
    ])
    expect(sniff(workbook, true)).toMatchObject({ syntax: 'zip', workbook: { sheets: ['Summary', 'Findings'], header: ['CVE ID', 'Attack Vector', 'Score'] } })
  })

  test('a header cell whose shared string was not read leaves the header unknown', () => {
    const workbook = makeZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>' },
      { name: 'xl/sharedStrings.xml', data: '<sst><si><t>only one</t></si></sst>' }
    ])
    expect(sniff(workbook, true)).toMatchObject({ syntax: 'zip', workbook: { sheets: ['Sheet1'], header: null } })
  })

  test('the head bound is 256 KiB', () => {
    expect(HEAD_BYTES).toBe(256 * 1024)
  })
})

describe('JSON Lines cut by the head', () => {
  test('one complete line and the start of the next is still JSON Lines, not broken JSON', () => {
    const first = JSON.stringify({ 'template-id': 'tech-detect', info: { severity: 'info' }, host: 'https://a.example' })
    const text = `${first}\n{"template-id": "ssl-dns-names", "info": {"sev`
    const head = sniff(Buffer.from(text), false)
    expect(head.syntax).toBe('jsonl')
    const whole = sniff(Buffer.from(`${first}\n`), true)
    expect(whole.syntax).toBe('json')
  })
})

/** Bytes this process has read so far (Linux); null where /proc is not available. */
function bytesReadByProcess(): number | null {
  try {
    const match = /^rchar:\s*(\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'))
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}
