// THE scanner table: one row per report format. Each row says which exact DefectDojo scan_type the
// format is imported as (strings from shared/defectdojo/scan-types.tsv, checked by a unit test against
// SCAN_TYPES), which lane it belongs to, how to recognise it by content, and what the uploaded file
// name must end with (API.md §0: the server checks the extension and several parsers branch on it).
//
// A row with `scanType: null` is a format we know DefectDojo cannot import: recognising it lets us
// skip it with a precise reason instead of a vague "unknown".
import type { Lane } from '../types.js'
import { anyOf, arrayOf, at, has, is, json, lacks, xml, type Matcher } from './matchers.js'

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
  /** How the content is recognised. */
  match: Matcher
  /** File or artifact names that point to this tool: used only to break a tie between rows that all match. */
  nameHint?: RegExp
  /** Why a `scanType: null` format is skipped. */
  reason?: string
  /** Other scan types whose (different) parser reads this same format too: documented, never chosen. */
  alsoReadBy?: readonly string[]
}

const SARIF_VERSION = /^2\.1\./

export const FORMATS: readonly FormatRule[] = [
  {
    id: 'gitleaks-json',
    scanType: 'Gitleaks Scan',
    format: 'Gitleaks JSON',
    tool: 'gitleaks',
    lane: 'secrets',
    extensions: ['.json'],
    // v8 findings carry RuleID/StartLine and Secret or Match; a clean run prints [] (shared with
    // several other tools, so the name decides then).
    match: json(arrayOf({ allowEmpty: true }, has('RuleID', 'StartLine'), anyOf(has('Secret'), has('Match')))),
    nameHint: /gitleaks/i
  },
  {
    id: 'semgrep-json',
    scanType: 'Semgrep JSON Report',
    format: 'Semgrep JSON',
    tool: 'semgrep',
    lane: 'sast',
    extensions: ['.json'],
    // `semgrep --json`: results[] of {check_id, path, start, end, extra} next to errors[] and paths.
    match: json(has('results', 'errors'), lacks('generated_at', 'metrics'), at('results', arrayOf({ allowEmpty: true }, has('check_id', 'path', 'extra')))),
    nameHint: /semgrep/i
  },
  {
    id: 'bandit-json',
    scanType: 'Bandit Scan',
    format: 'Bandit JSON',
    tool: 'bandit',
    lane: 'sast',
    extensions: ['.json'],
    // `bandit -f json`: errors, generated_at, metrics, results[] of {test_id, issue_severity, …}.
    // The parser needs top-level "results" (scan-types.tsv notes: missing → 500).
    match: json(has('results', 'generated_at', 'metrics'), at('results', arrayOf({ allowEmpty: true }, has('test_id', 'issue_severity')))),
    nameHint: /bandit/i
  },
  {
    id: 'trivy-json',
    scanType: 'Trivy Scan',
    format: 'Trivy JSON',
    tool: 'trivy',
    lane: 'container',
    extensions: ['.json'],
    // `trivy … --format json` (schema 2): SchemaVersion and ArtifactName; a clean scan has no Results.
    match: json(has('SchemaVersion', 'ArtifactName'), at('SchemaVersion', is(2))),
    nameHint: /trivy/i
  },
  {
    id: 'sarif',
    scanType: 'SARIF',
    format: 'SARIF 2.1',
    tool: 'sarif',
    lane: 'sast',
    // Every SARIF producer goes to the generic `SARIF` parser, which names the test after the tool
    // (API.md §h); tool-specific SARIF scan types are left to `scan-types` overrides.
    extensions: ['.sarif', '.json'],
    match: json(has('version', 'runs'), at('version', is(SARIF_VERSION)))
  },
  {
    id: 'zap-xml',
    scanType: 'ZAP Scan',
    format: 'ZAP XML',
    tool: 'zap',
    lane: 'dast',
    // The ZAP parser raises unless the uploaded name ends with lower-case `.xml` (API.md §0).
    extensions: ['.xml'],
    // A clean scan has a report element without <site> children.
    match: xml('OWASPZAPReport'),
    nameHint: /zap/i
  }
]
