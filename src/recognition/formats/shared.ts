// What the format rows share: the row type, the lane helper, the file-name extensions and the
// matchers several lanes use.
import type { Lane } from '../../model.js'
import type { Head } from '../head.js'
import {
  allOf,
  anyOf,
  arrayOf,
  at,
  has,
  is,
  json,
  jsonLines,
  lacks,
  type JsonCondition,
  type Matcher
} from '../matchers.js'

export interface FormatRule {
  /** Stable identifier, used in tests and evidence. */
  id: string
  /** Exact DefectDojo scan_type, or null for a known format that cannot be imported. */
  scanType: string | null
  /** Human name of the tool and format. */
  format: string
  /** Short tool name for the `{tool}` placeholder and default test titles. */
  tool: string
  lane: Lane
  /** Accepted endings of the uploaded file name; the first is used when the file must be renamed. */
  extensions: string[]
  /** Endings the uploaded name must not keep, because the parser would read it as another format. */
  avoidExtensions?: string[]
  /** How the content is recognised. */
  match: Matcher
  /** File or artifact names that point to this tool: used only to break a tie between rows that all match. */
  nameHint?: RegExp
  /**
   * A tool's failed run or error output (`scanType: null`): DefectDojo would read it as no findings and
   * close every finding of the test, so no `scan-types` rule uploads it (forced.ts).
   */
  unsafe?: true
  /** Why a `scanType: null` format is skipped. */
  reason?: string
  /** The reason in the tool's own words when its output says them (a failed run's error message). */
  reasonFrom?: (head: Head) => string | null
  /** The producing tool when the format names it (SARIF's driver), for `{tool}` and test titles. */
  toolFrom?: (head: Head) => string | null
  /**
   * Other scan types whose (different) parser reads this same format too. Documented, never chosen by
   * recognition: a `scan-types` override picks one, and the upload then uses the extensions given here.
   */
  alsoReadBy?: ReadonlyArray<{ scanType: string; extensions?: string[] }>
  /**
   * The id of the row this one is a twin of: whatever both rows match, both parsers read alike (the
   * oracle suite checks it). When the names do not choose between them, recognition uploads the twin
   * row's scan type instead of asking for an override (LEFT-TO-OVERRIDES.md says why that one).
   */
  twinOf?: string
  /**
   * This format's scan type before a DefectDojo migration renamed it and rewrote the existing tests (a
   * pure rename, docs/defectdojo-api.md §h): a server that still accepts the name gets the report under
   * it. Only where that older parser read this very format; never another scan type's name.
   */
  formerly?: string
}

export const JSON_EXT = ['.json']
export const XML_EXT = ['.xml']
export const CSV_EXT = ['.csv']
export const TXT_EXT = ['.txt']

export type Row = Omit<FormatRule, 'lane'>
export const lane = (name: Lane, rows: Row[]): FormatRule[] => rows.map((row) => ({ ...row, lane: name }))

/** One finding object, or JSON Lines of them (tools that print one JSON object per finding). */
export const objectOrLines = (...conditions: JsonCondition[]): Matcher => anyOf(jsonLines(...conditions), json(...conditions))
/** An array of findings, JSON Lines of them, or a single one. */
export const findings = (...conditions: JsonCondition[]): Matcher =>
  anyOf(json(arrayOf({ allowEmpty: true }, ...conditions)), jsonLines(...conditions), json(...conditions))

/** GitLab security report schema (also written by other tools for GitLab): `scan.type` names the kind. */
export const gitlab = (type: string): Matcher =>
  json(
    has('version', 'vulnerabilities'),
    anyOf(
      at('scan.type', is(type)),
      // Without scan (old reports, or cut off by the head): the vulnerabilities' category (≤ v14) or
      // the location object the schema defines for each report type (v15 dropped category).
      allOf(lacks('scan'), at('vulnerabilities', arrayOf({ allowEmpty: false }, anyOf(at('category', is(type)), allOf(lacks('category'), at('location', GITLAB_LOCATION[type] ?? never))))))
    )
  )
const never: JsonCondition = () => null
const GITLAB_LOCATION: Record<string, JsonCondition> = {
  sast: allOf(has('file', 'start_line'), lacks('commit', 'image', 'hostname')),
  secret_detection: has('file', 'commit'),
  dependency_scanning: allOf(has('file', 'dependency'), lacks('image', 'start_line')),
  container_scanning: has('image', 'operating_system'),
  dast: has('hostname', 'method')
}

