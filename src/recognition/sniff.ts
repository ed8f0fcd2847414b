// Reads a bounded head of a file and turns it into a partial document that recognition rules can
// inspect: a JSON value (containers cut off at the end of the head are kept with what was read), a
// tree of XML elements, CSV header cells or text lines. Nothing past HEAD_BYTES is read, so a 1 GiB
// report costs the same as a 1 KiB one.
import { open } from 'node:fs/promises'
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser'
import { SaxesParser } from 'saxes'
import type { Head, HeadOf, Utf16, Window, XmlElement } from './head.js'
import { isZip, readZip, ZIP_TAIL_BYTES } from './zip.js'

/** How much of a file recognition reads at most. Every format decides within its first elements. */
export const HEAD_BYTES = 256 * 1024

/** Reads at most `limit` bytes from the start of a file; reports how many were read. */
export async function readHead(path: string, limit = HEAD_BYTES): Promise<{ bytes: Buffer; complete: boolean }> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(limit + 1)
    let read = 0
    // One extra byte tells "exactly limit bytes long" from "longer than limit".
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    const complete = read <= limit
    return { bytes: buffer.subarray(0, Math.min(read, limit)), complete }
  } finally {
    await handle.close()
  }
}

/** Reads at most `limit` bytes from the end of a file (a zip's central directory lives there). */
export async function readTail(path: string, limit = ZIP_TAIL_BYTES): Promise<Window> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    const offset = Math.max(0, size - limit)
    const bytes = Buffer.alloc(size - offset)
    let read = 0
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, offset + read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    return { offset, bytes: bytes.subarray(0, read) }
  } finally {
    await handle.close()
  }
}

/**
 * Sniffs a file's head into a partial document. A zip that is longer than the head is read at its
 * end too (ZIP_TAIL_BYTES): recognition never reads more than HEAD_BYTES + ZIP_TAIL_BYTES of a file.
 */
export async function sniffFile(path: string, limit = HEAD_BYTES): Promise<Head> {
  const { bytes, complete } = await readHead(path, limit)
  const tail = !complete && isZip(bytes) ? await readTail(path) : undefined
  return sniff(bytes, complete, tail)
}

/**
 * Pure: the partial document of a head. `complete` says whether the head is the whole file; `tail`
 * is the end of a zip that is longer than its head.
 */
export function sniff(bytes: Buffer, complete: boolean, tail?: Window): Head {
  if (bytes.length === 0) return { syntax: 'empty', complete: true }
  if (isZip(bytes)) {
    const view = readZip({ offset: 0, bytes }, tail ?? null, complete, sniff)
    return { syntax: 'zip', ...view, complete }
  }
  const utf16 = utf16Of(bytes)
  if (utf16) return { ...sniffText(new TextDecoder(utf16, { fatal: false }).decode(bytes), complete), encoding: utf16 }
  if (looksBinary(bytes)) return { syntax: 'binary', complete }
  // A non-fatal decoder: a head cut inside a multi-byte character must not throw.
  return sniffText(new TextDecoder('utf-8', { fatal: false }).decode(bytes), complete)
}

/**
 * UTF-16 by its byte order mark, or by the zero bytes ASCII text has in UTF-16 (every other byte, at
 * the start of the file).
 */
export function utf16Of(bytes: Buffer): Utf16 | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const probe = bytes.subarray(0, 64 - (Math.min(64, bytes.length) % 2))
  if (probe.length < 8) return null
  let oddZeros = 0
  let evenZeros = 0
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue
    if (i % 2 === 1) oddZeros++
    else evenZeros++
  }
  const half = probe.length / 2
  if (oddZeros === half && evenZeros === 0) return 'utf-16le'
  if (evenZeros === half && oddZeros === 0) return 'utf-16be'
  return null
}

function sniffText(decoded: string, complete: boolean): HeadOf {
  let text = decoded
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const start = text.search(/\S/)
  if (start < 0) return { syntax: 'empty', complete: true }
  const first = text[start]
  if (first === '{' || first === '[') return sniffJson(text.slice(start), complete)
  // `null` is a JSON document too: what Gitleaks 7 and old Trivy print when they find nothing.
  if (complete && text.trim() === 'null') return { syntax: 'json', value: null, complete }
  if (first === '<') return sniffMarkup(text.slice(start), complete)
  return sniffDelimitedOrText(text, complete)
}

function looksBinary(bytes: Buffer): boolean {
  const probe = bytes.subarray(0, 8192)
  return probe.includes(0)
}

function sniffJson(text: string, complete: boolean): Head {
  const jsonl = sniffJsonLines(text, complete)
  if (jsonl) return jsonl
  const errors: ParseError[] = []
  const value = parseJson(text, errors, { disallowComments: true, allowTrailingComma: false })
  // In a cut-off head every error sits at the cut; an error before it means the file is broken.
  const end = text.trimEnd().length
  const broken = errors.find((e) => complete || e.offset + e.length < end)
  if (broken) {
    // Several JSON documents one after the other (`govulncheck -json` prints a stream of
    // pretty-printed objects): a stream, like JSON Lines.
    if (printParseErrorCode(broken.error) === 'EndOfFileExpected') {
      const stream = sniffJsonStream(text, complete)
      if (stream) return stream
    }
    // A log whose lines start with a bracketed time stamp (`[12:00:01] Checking …`) is text.
    if (text[0] === '[' && /^\[[^\]["{}]*\]\s*[A-Za-z]/.test(text)) return sniffDelimitedOrText(text, complete)
    return {
      syntax: 'malformed',
      expected: 'JSON',
      detail: `${printParseErrorCode(broken.error)} at byte ${broken.offset}`,
      complete
    }
  }
  return { syntax: 'json', value, complete }
}

/** JSON Lines: one complete object per line, at least two lines (a one-line file is plain JSON). */
function sniffJsonLines(text: string, complete: boolean): Head | null {
  const newline = text.indexOf('\n')
  if (newline < 0) return null
  const rest = text.slice(newline + 1).trimStart()
  if (!rest.startsWith('{')) return null
  const rawLines = text.split('\n')
  // The last line of a cut-off head is partial: leave it out.
  if (!complete) rawLines.pop()
  const lines: unknown[] = []
  for (const raw of rawLines) {
    if (raw.trim() === '') continue
    const errors: ParseError[] = []
    const value = parseJson(raw, errors, { disallowComments: true })
    if (errors.length > 0 || typeof value !== 'object' || value === null) return null
    lines.push(value)
  }
  // In a cut-off head, one complete line and the start of the next (cut, left out above) is JSON Lines too.
  return lines.length >= 2 || (!complete && lines.length === 1) ? { syntax: 'jsonl', lines, complete } : null
}

/** Top-level JSON values one after the other, at least two; the last one may be cut off in a head. */
function sniffJsonStream(text: string, complete: boolean): Head | null {
  const lines: unknown[] = []
  let start = 0
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length && lines.length < 10000; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i
      depth++
    } else if (c === '}' || c === ']') {
      depth--
      if (depth < 0) return null
      if (depth === 0) {
        const errors: ParseError[] = []
        const value = parseJson(text.slice(start, i + 1), errors, { disallowComments: true })
        if (errors.length > 0 || typeof value !== 'object' || value === null) return null
        lines.push(value)
      }
    } else if (depth === 0 && !/\s/.test(c!)) return null
  }
  // Whatever is left open at the end is a value cut by the head: fine unless the file is complete.
  if (depth !== 0 && complete) return null
  // In a cut-off head, one complete value followed by the start of another is a stream too.
  return lines.length >= 2 || (!complete && lines.length === 1 && depth > 0) ? { syntax: 'jsonl', lines, complete } : null
}

const MAX_DEPTH = 8
const MAX_CHILDREN = 64
const MAX_TEXT = 512

function htmlTitle(text: string): string {
  const match = /<title[^>]*>([^<]{0,300})<\/title>/i.exec(text.slice(0, 65536))
  return match ? match[1]!.replace(/\s+/g, ' ').trim() : ''
}

function sniffMarkup(text: string, complete: boolean): Head {
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) return { syntax: 'html', title: htmlTitle(text), complete }
  const parser = new SaxesParser({ xmlns: false, position: false })
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  let error: Error | null = null
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' }
    const parent = stack[stack.length - 1]!
    // Keep the tree small: deep or wide parts of a huge report add nothing to recognition.
    if (stack.length <= MAX_DEPTH && parent.children.length < MAX_CHILDREN) parent.children.push(element)
    stack.push(element)
  })
  parser.on('text', (t) => {
    const current = stack[stack.length - 1]!
    // xml:space="preserve" keeps the spaces (an Excel rich-text run "Attack " of "Attack Vector").
    const piece = current.attributes['xml:space'] === 'preserve' ? t : t.trim()
    if (current.text.length < MAX_TEXT) current.text = (current.text + piece).slice(0, MAX_TEXT)
  })
  parser.on('cdata', (t) => {
    const current = stack[stack.length - 1]!
    if (current.text.length < MAX_TEXT) current.text = (current.text + t.trim()).slice(0, MAX_TEXT)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.on('error', (e) => {
    error ??= e
  })
  try {
    parser.write(text)
    if (complete) parser.close()
  } catch (e) {
    error ??= e as Error
  }
  const top = root.children[0]
  // Without close() saxes reports nothing for a document that simply stops: a cut-off head fails
  // only where the markup itself is broken.
  if (error || !top) {
    if (/<html[\s>]/i.test(text.slice(0, 2048))) return { syntax: 'html', title: htmlTitle(text), complete }
    if (!top && !complete && !error) return { syntax: 'text', lines: [], complete }
    return { syntax: 'malformed', expected: 'XML', detail: shortXmlError(error), complete }
  }
  if (top.name.toLowerCase() === 'html') return { syntax: 'html', title: htmlTitle(text), complete }
  return { syntax: 'xml', root: top, complete }
}

function shortXmlError(error: Error | null): string {
  if (!error) return 'no root element'
  return error.message.split('\n')[0]!.slice(0, 160)
}

function sniffDelimitedOrText(text: string, complete: boolean): Head {
  const rawLines = text.split(/\r?\n/)
  if (!complete) rawLines.pop()
  const lines = rawLines.slice(0, 200)
  const firstLine = lines.find((l) => l.trim() !== '') ?? ''
  for (const delimiter of [',', ';', '\t']) {
    const header = splitCsvLine(firstLine, delimiter)
    // Exports leave some header cells empty (`Plugin Output,,State`, a trailing comma).
    if (header.filter((cell) => cell.length > 0).length >= 3 && header.every((cell) => cell.length < 120)) {
      const overfull = overfullRecord(text, delimiter, header.length, complete)
      const records = dataRecords(text, delimiter, complete)
      return overfull ? { syntax: 'csv', header, delimiter, lines, complete, records, overfull } : { syntax: 'csv', header, delimiter, lines, complete, records }
    }
  }
  return { syntax: 'text', lines, complete }
}

/**
 * A data record with more (non-empty) fields than the header has columns: the CSV is broken and
 * parsers reject it ("Number of fields in row does not match number of headers"). Reads records
 * quote-aware (a quoted cell may span lines) among the first 50 of the head.
 */
function overfullRecord(text: string, delimiter: string, columns: number, complete: boolean): string | null {
  const records = csvRecords(text, delimiter, 50)
  // The last record of a cut-off head is partial; of a complete file, it counts.
  const checked = complete ? records : records.filter((r) => r.ended)
  for (const [index, { cells }] of checked.entries()) {
    let used = cells.length
    while (used > 0 && cells[used - 1]!.trim() === '') used--
    if (index > 0 && used > columns) return `record ${index + 1} has ${used} fields, the header ${columns}`
  }
  return null
}

/** The data records after the header row (blank lines and a record cut by the head left out). */
function dataRecords(text: string, delimiter: string, complete: boolean): string[][] {
  const records = csvRecords(text.replace(/^(\s*\r?\n)+/, ''), delimiter, 51)
  return records
    .slice(1)
    .filter((r) => (complete || r.ended) && r.cells.some((c) => c.trim() !== ''))
    .map((r) => r.cells.map((c) => c.trim()))
}

/**
 * The first `limit` CSV records of a text, quote-aware (a quoted cell may hold the delimiter, doubled
 * quotes and line breaks). `ended` is false for a last record that the text cuts off.
 */
function csvRecords(text: string, delimiter: string, limit: number): Array<{ cells: string[]; ended: boolean }> {
  const records: Array<{ cells: string[]; ended: boolean }> = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (c === '\n') {
      records.push({ cells: [...cells, cell], ended: true })
      cells = []
      cell = ''
    } else if (c !== '\r') cell += c
  }
  if (records.length < limit && (cell !== '' || cells.length > 0)) records.push({ cells: [...cells, cell], ended: false })
  return records
}

/** Splits one CSV line, honouring double quotes; cells are trimmed. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  return (csvRecords(line, delimiter, 1)[0]?.cells ?? ['']).map((cell) => cell.trim())
}
