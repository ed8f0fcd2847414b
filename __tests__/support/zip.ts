/**
 * Minimal, dependency-free zip writer for tests.
 *
 * Produces the same kind of archive `actions/upload-artifact` uploads: one deflated entry per
 * file, no explicit entries for parent directories (extractors create them from the path), no
 * data descriptors (sizes and CRC live in the local header, so streaming unzippers such as
 * `unzip-stream`, which `@actions/artifact` uses, can read it front to back).
 *
 * Timestamps are fixed so the same input always yields the same bytes, and therefore the same
 * sha256 digest: tests can compare digests across runs.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

export interface ZipEntry {
  /** Path inside the archive, `/`-separated. A trailing `/` makes an (empty) directory entry. */
  name: string
  data: Buffer | string
}

const LOCAL_FILE_HEADER = 0x04034b50
const CENTRAL_DIRECTORY_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
/** General purpose flag bit 11: the file name is UTF-8 (otherwise readers assume CP437). */
const FLAG_UTF8 = 0x0800
const METHOD_STORED = 0
const METHOD_DEFLATED = 8
/** "Version needed to extract" 2.0: deflate and directories. */
const VERSION_NEEDED = 20
/** "Version made by": high byte 3 = Unix, so the external attributes carry a Unix mode. */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED
/** 2024-01-01 00:00:00 in MS-DOS format; fixed for reproducible archives. */
const DOS_TIME = 0
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1
const MAX_16 = 0xffff
const MAX_32 = 0xffffffff

interface PreparedEntry {
  nameBytes: Buffer
  flags: number
  method: number
  crc: number
  compressed: Buffer
  uncompressedSize: number
  externalAttributes: number
  offset: number
}

/** Builds a zip archive holding `entries`, in the given order. */
export function makeZip(entries: Array<{ name: string; data: Buffer | string }>): Buffer {
  if (entries.length > MAX_16) throw new Error(`makeZip: ${entries.length} entries need zip64, which is not supported`)
  const chunks: Buffer[] = []
  const prepared: PreparedEntry[] = []
  let offset = 0
  for (const entry of entries) {
    const item = prepareEntry(entry, offset)
    const local = localHeader(item)
    chunks.push(local, item.compressed)
    offset += local.length + item.compressed.length
    prepared.push(item)
  }
  const centralStart = offset
  for (const item of prepared) {
    const central = centralHeader(item)
    chunks.push(central)
    offset += central.length
  }
  if (offset > MAX_32) throw new Error('makeZip: archive larger than 4 GiB needs zip64, which is not supported')
  chunks.push(endOfCentralDirectory(prepared.length, offset - centralStart, centralStart))
  return Buffer.concat(chunks)
}

/** Zips every file below `dir` (recursively) under its `/`-separated path relative to `dir`. */
export function zipFolder(dir: string): Buffer {
  return makeZip(collectEntries(dir, ''))
}

function collectEntries(root: string, prefix: string): ZipEntry[] {
  const entries: ZipEntry[] = []
  // Sorted so the archive (and its digest) does not depend on the file system's listing order.
  const children = fs.readdirSync(path.join(root, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const child of children) {
    const relative = prefix === '' ? child.name : `${prefix}/${child.name}`
    if (child.isDirectory()) {
      const inner = collectEntries(root, relative)
      // Only empty folders need an explicit entry; others are implied by their files' paths.
      entries.push(...(inner.length > 0 ? inner : [{ name: `${relative}/`, data: '' }]))
    } else if (child.isFile()) {
      entries.push({ name: relative, data: fs.readFileSync(path.join(root, relative)) })
    }
  }
  return entries
}

function prepareEntry(entry: ZipEntry, offset: number): PreparedEntry {
  const isDirectory = entry.name.endsWith('/')
  const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data
  if (isDirectory && raw.length > 0) throw new Error(`makeZip: directory entry ${entry.name} cannot have content`)
  if (raw.length > MAX_32) throw new Error(`makeZip: ${entry.name} needs zip64, which is not supported`)
  const nameBytes = Buffer.from(entry.name, 'utf8')
  if (nameBytes.length > MAX_16) throw new Error(`makeZip: name too long: ${entry.name.slice(0, 40)}…`)
  return {
    nameBytes,
    flags: isAscii(entry.name) ? 0 : FLAG_UTF8,
    method: isDirectory ? METHOD_STORED : METHOD_DEFLATED,
    crc: zlib.crc32(raw),
    compressed: isDirectory ? raw : zlib.deflateRawSync(raw),
    uncompressedSize: raw.length,
    // Unix mode in the high 16 bits; bit 4 (0x10) is the MS-DOS directory attribute.
    externalAttributes: isDirectory ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0,
    offset
  }
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text)
}

function localHeader(item: PreparedEntry): Buffer {
  const header = Buffer.alloc(30)
  header.writeUInt32LE(LOCAL_FILE_HEADER, 0)
  header.writeUInt16LE(VERSION_NEEDED, 4)
  header.writeUInt16LE(item.flags, 6)
  header.writeUInt16LE(item.method, 8)
  header.writeUInt16LE(DOS_TIME, 10)
  header.writeUInt16LE(DOS_DATE, 12)
  header.writeUInt32LE(item.crc, 14)
  header.writeUInt32LE(item.compressed.length, 18)
  header.writeUInt32LE(item.uncompressedSize, 22)
  header.writeUInt16LE(item.nameBytes.length, 26)
  header.writeUInt16LE(0, 28) // extra field length
  return Buffer.concat([header, item.nameBytes])
}

function centralHeader(item: PreparedEntry): Buffer {
  const header = Buffer.alloc(46)
  header.writeUInt32LE(CENTRAL_DIRECTORY_HEADER, 0)
  header.writeUInt16LE(VERSION_MADE_BY, 4)
  header.writeUInt16LE(VERSION_NEEDED, 6)
  header.writeUInt16LE(item.flags, 8)
  header.writeUInt16LE(item.method, 10)
  header.writeUInt16LE(DOS_TIME, 12)
  header.writeUInt16LE(DOS_DATE, 14)
  header.writeUInt32LE(item.crc, 16)
  header.writeUInt32LE(item.compressed.length, 20)
  header.writeUInt32LE(item.uncompressedSize, 24)
  header.writeUInt16LE(item.nameBytes.length, 28)
  header.writeUInt16LE(0, 30) // extra field length
  header.writeUInt16LE(0, 32) // comment length
  header.writeUInt16LE(0, 34) // disk number start
  header.writeUInt16LE(0, 36) // internal attributes
  header.writeUInt32LE(item.externalAttributes, 38)
  header.writeUInt32LE(item.offset, 42)
  return Buffer.concat([header, item.nameBytes])
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22)
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0)
  record.writeUInt16LE(0, 4) // this disk
  record.writeUInt16LE(0, 6) // disk with the central directory
  record.writeUInt16LE(count, 8)
  record.writeUInt16LE(count, 10)
  record.writeUInt32LE(size, 12)
  record.writeUInt32LE(offset, 16)
  record.writeUInt16LE(0, 20) // comment length
  return record
}
