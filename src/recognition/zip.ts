// What recognition can learn about a zip archive (also .xlsx, .fpr) from a bounded read: the member
// names, the start of a few members' contents, and for an Excel workbook its sheet names and the
// header row of its active sheet. A zip lists its members in the central directory at the END of
// the file, so a zip is read as two windows: the head (HEAD_BYTES) and the tail (ZIP_TAIL_BYTES).
// A member is looked into only when its compressed data starts inside one of the two windows; at
// most MEMBER_INPUT_BYTES of it are inflated. Nothing else of the file is read.
import { inflateRawSync, constants as zlibConstants } from 'node:zlib'
import type { Head, Window, Workbook, XmlElement, ZipView } from './head.js'

/** The tail read of a zip: enough for the central directory of about a thousand members. */
export const ZIP_TAIL_BYTES = 64 * 1024
/** Compressed bytes of one member that are inflated at most (its start is all a rule needs). */
const MEMBER_INPUT_BYTES = 32 * 1024
/** Inflated bytes of one member kept at most. */
const MEMBER_OUTPUT_BYTES = 256 * 1024
/** Members looked into at most. */
const MAX_MEMBER_HEADS = 6

interface Entry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const LOCAL = 0x04034b50
const CENTRAL = 0x02014b50
const END = 0x06054b50

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 30 && bytes.readUInt32LE(0) === LOCAL
}

/** `sniffMember` is the head reader for a member's (partial) content. */
export function readZip(head: Window, tail: Window | null, complete: boolean, sniffMember: (bytes: Buffer, complete: boolean) => Head): ZipView {
  const windows = tail ? [head, tail] : [head]
  const central = centralDirectory(windows)
  const entries = central ?? localEntries(head.bytes)
  const members: Record<string, Head> = {}
  const look = (entry: Entry | undefined): Head | undefined => {
    if (!entry || entry.name in members || Object.keys(members).length >= MAX_MEMBER_HEADS) return entry ? members[entry.name] : undefined
    const content = memberContent(entry, windows)
    if (!content) return undefined
    members[entry.name] = sniffMember(content.bytes, content.complete)
    return members[entry.name]
  }
  const byName = new Map(entries.map((e) => [e.name, e]))
  let workbook: Workbook | undefined
  if (byName.has('xl/workbook.xml')) workbook = readWorkbook(byName, look)
  else {
    // Other archives: the first few files, for rules that look at what the archive holds.
    for (const entry of entries.filter((e) => !e.name.endsWith('/')).slice(0, 3)) look(entry)
  }
  const view: ZipView = { entries: entries.map((e) => e.name), listed: central !== null || complete, members }
  if (workbook) view.workbook = workbook
  return view
}

/** Sheet names, then the active sheet's first row resolved through the shared strings. */
function readWorkbook(byName: Map<string, Entry>, look: (entry: Entry | undefined) => Head | undefined): Workbook | undefined {
  const book = look(byName.get('xl/workbook.xml'))
  if (!book || book.syntax !== 'xml') return undefined
  const sheetElements = children(book.root, 'sheets').flatMap((s) => children(s, 'sheet'))
  const sheets = sheetElements.map((s) => s.attributes['name'] ?? '')
  const view = children(book.root, 'bookViews').flatMap((v) => children(v, 'workbookView'))[0]
  const active = Number(view?.attributes['activeTab'] ?? 0) || 0
  const activeSheet = sheetElements[active]
  let path = `xl/worksheets/sheet${active + 1}.xml`
  const relationId = activeSheet && Object.entries(activeSheet.attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1]
  const rels = look(byName.get('xl/_rels/workbook.xml.rels'))
  if (relationId && rels?.syntax === 'xml') {
    const target = children(rels.root, 'Relationship').find((r) => r.attributes['Id'] === relationId)?.attributes['Target']
    if (target) path = target.startsWith('/') ? target.slice(1) : `xl/${target}`
  }
  const sheet = look(byName.get(path))
  const strings = byName.has('xl/sharedStrings.xml') ? look(byName.get('xl/sharedStrings.xml')) : undefined
  return { sheets, header: sheet?.syntax === 'xml' ? headerRow(sheet.root, strings?.syntax === 'xml' ? strings.root : null) : null }
}

/** Row 1 of a worksheet: shared-string cells looked up, inline and plain cells as written. */
function headerRow(worksheet: XmlElement, sharedStrings: XmlElement | null): string[] | null {
  const row = children(worksheet, 'sheetData').flatMap((d) => children(d, 'row'))[0]
  if (!row) return null
  const header: string[] = []
  for (const cell of children(row, 'c')) {
    const type = cell.attributes['t']
    if (type === 'inlineStr') header.push(children(cell, 'is').map(stringItem).join(''))
    else if (type === 's') {
      const index = Number(children(cell, 'v')[0]?.text)
      const item = sharedStrings ? children(sharedStrings, 'si')[index] : undefined
      // An index beyond the strings read: the header is not known.
      if (!item) return null
      header.push(stringItem(item))
    } else header.push(children(cell, 'v')[0]?.text ?? '')
  }
  return header
}

/** The text of a shared or inline string: <t>, or the <t> of each rich-text run <r>. */
function stringItem(item: XmlElement): string {
  const plain = children(item, 't')[0]
  if (plain) return plain.text
  return children(item, 'r').map((r) => children(r, 't')[0]?.text ?? '').join('')
}

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name || c.name.endsWith(`:${name}`))
}

/** The central directory, when its end record and all of it lie in the windows; null otherwise. */
function centralDirectory(windows: Window[]): Entry[] | null {
  const last = windows[windows.length - 1]!
  // The end record is the last 22 bytes plus a comment of up to 64 KiB.
  const bytes = last.bytes
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const count = bytes.readUInt16LE(end + 10)
  const size = bytes.readUInt32LE(end + 12)
  const offset = bytes.readUInt32LE(end + 16)
  // Zip64 archives (offsets 0xffffffff) are not read: fall back to the local headers.
  if (offset === 0xffffffff || size === 0xffffffff) return null
  const directory = slice(windows, offset, size)
  if (!directory) return null
  const entries: Entry[] = []
  let at = 0
  for (let i = 0; i < count && at + 46 <= directory.length; i++) {
    if (directory.readUInt32LE(at) !== CENTRAL) return null
    const nameLength = directory.readUInt16LE(at + 28)
    const extraLength = directory.readUInt16LE(at + 30)
    const commentLength = directory.readUInt16LE(at + 32)
    entries.push({
      name: directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42)
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * Members from the local file headers found in the head (when the central directory is out of
 * reach). Entries written with a data descriptor carry no size, so headers are found by their
 * signature rather than by skipping data.
 */
function localEntries(bytes: Buffer): Entry[] {
  const entries: Entry[] = []
  const seen = new Set<string>()
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04])
  let at = bytes.indexOf(signature)
  while (at >= 0 && entries.length < 200 && at + 30 <= bytes.length) {
    const nameLength = bytes.readUInt16LE(at + 26)
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8')
    if (nameLength > 0 && nameLength < 512 && at + 30 + nameLength <= bytes.length && !/[\u0000-\u001f]/.test(name) && !seen.has(name)) {
      seen.add(name)
      const flags = bytes.readUInt16LE(at + 6)
      // Bit 3: sizes follow the data (data descriptor); the compressed size is unknown here.
      const unknownSize = (flags & 0x08) !== 0
      entries.push({ name, method: bytes.readUInt16LE(at + 8), compressedSize: unknownSize ? -1 : bytes.readUInt32LE(at + 18), size: unknownSize ? -1 : bytes.readUInt32LE(at + 22), localOffset: at })
    }
    at = bytes.indexOf(signature, at + 4)
  }
  return entries
}

/** The start of a member's uncompressed content, when its data starts inside a window. */
function memberContent(entry: Entry, windows: Window[]): { bytes: Buffer; complete: boolean } | null {
  if (entry.name.endsWith('/')) return null
  const header = slice(windows, entry.localOffset, 30)
  if (!header || header.readUInt32LE(0) !== LOCAL) return null
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  const window = windows.find((w) => start >= w.offset && start < w.offset + w.bytes.length)
  if (!window) return null
  const known = entry.compressedSize >= 0
  const available = window.offset + window.bytes.length - start
  const wanted = Math.min(known ? entry.compressedSize : available, MEMBER_INPUT_BYTES, available)
  const data = window.bytes.subarray(start - window.offset, start - window.offset + wanted)
  const whole = known && wanted === entry.compressedSize
  if (entry.method === 0) return { bytes: data.subarray(0, MEMBER_OUTPUT_BYTES), complete: whole && data.length <= MEMBER_OUTPUT_BYTES }
  if (entry.method !== 8) return null
  try {
    // Z_SYNC_FLUSH: a cut stream inflates to what its bytes hold instead of failing.
    const bytes = inflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: MEMBER_OUTPUT_BYTES })
    return { bytes, complete: whole && (entry.size < 0 || bytes.length === entry.size) }
  } catch {
    // More than MEMBER_OUTPUT_BYTES from this input, or not a deflate stream: try a smaller start.
    try {
      const bytes = inflateRawSync(data.subarray(0, 4096), { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: MEMBER_OUTPUT_BYTES })
      return { bytes, complete: false }
    } catch {
      return null
    }
  }
}

/** `length` bytes of the file from `offset`, when one window holds them all. */
function slice(windows: Window[], offset: number, length: number): Buffer | null {
  for (const w of windows) {
    if (offset >= w.offset && offset + length <= w.offset + w.bytes.length) return w.bytes.subarray(offset - w.offset, offset - w.offset + length)
  }
  return null
}
