// What recognition sees of a file: the types of a bounded head (sniff.ts) and of a zip's two windows
// (zip.ts). Types only, so that both can use them without importing each other.

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** Text directly inside the element, trimmed and capped. */
  text: string
}

/** UTF-16 text (what Windows PowerShell 5 writes with `>` and Out-File): the head was decoded from it. */
export type Utf16 = 'utf-16le' | 'utf-16be'

export type Head = HeadOf & { readonly encoding?: Utf16 }

export type HeadOf =
  | { syntax: 'json'; value: unknown; complete: boolean }
  | { syntax: 'jsonl'; lines: unknown[]; complete: boolean }
  | { syntax: 'xml'; root: XmlElement; complete: boolean }
  /** An HTML page; `title` is its <title> text, which is all a few importable HTML reports need. */
  | { syntax: 'html'; title: string; complete: boolean }
  | {
      syntax: 'csv'
      header: string[]
      delimiter: string
      lines: string[]
      complete: boolean
      /** The data records after the header (the first 50 of the head, whole ones only), cells trimmed. */
      records: string[][]
      /** Set when a data record has more fields than the header: the CSV is broken (see recognize). */
      overfull?: string
    }
  | { syntax: 'text'; lines: string[]; complete: boolean }
  | { syntax: 'empty'; complete: true }
  | { syntax: 'binary'; complete: boolean }
  /**
   * A zip archive (also .fpr, .xlsx): its member names (the full listing when the central directory
   * was read, `listed`), the sniffed start of a few members, and an Excel workbook's sheets (zip.ts).
   */
  | { syntax: 'zip'; entries: string[]; listed: boolean; members: Record<string, Head>; workbook?: Workbook; complete: boolean }
  | { syntax: 'malformed'; expected: 'JSON' | 'XML' | 'CSV'; detail: string; complete: boolean }

/** A window of the file: `bytes` are the file's bytes from `offset` on. */
export interface Window {
  offset: number
  bytes: Buffer
}

/** An Excel workbook's structure, as far as the bounded read shows it. */
export interface Workbook {
  /** Sheet names in workbook order (xl/workbook.xml). */
  sheets: string[]
  /** The header row (row 1) of the active sheet, or null when it lies beyond the bytes read. */
  header: string[] | null
}

export interface ZipView {
  /** Member names (directories end with `/`). */
  entries: string[]
  /** True when `entries` is the central directory's full listing, not just the local headers in the head. */
  listed: boolean
  /** The sniffed start of the members looked into, by name. */
  members: Record<string, Head>
  /** Set when the archive is an Excel workbook (it has xl/workbook.xml). */
  workbook?: Workbook
}
