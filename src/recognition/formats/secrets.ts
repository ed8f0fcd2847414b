// The secrets lane of the format table: secret scanners (Gitleaks, TruffleHog, detect-secrets…).
import {
  allOf,
  anyOf,
  array,
  arrayOf,
  at,
  csv,
  has,
  hasAfter,
  isNull,
  json,
  lacks,
  empty,
  object
} from '../matchers.js'
import { lane, JSON_EXT, CSV_EXT, objectOrLines, gitlab, type FormatRule } from './shared.js'

export const SECRETS: FormatRule[] = lane('secrets', [
  {
    id: 'gitleaks-json',
    scanType: 'Gitleaks Scan',
    format: 'Gitleaks JSON',
    tool: 'gitleaks',
    extensions: JSON_EXT,
    // v8 findings carry RuleID/StartLine and Secret or Match; v7 findings line/offender/rule/commit.
    // A clean run prints [] (v8) or null (v7): shared with several other tools, so the name decides then.
    match: json(
      anyOf(
        arrayOf({ allowEmpty: true }, has('RuleID', 'StartLine'), anyOf(has('Secret'), has('Match'))),
        arrayOf({ allowEmpty: false }, has('offender', 'rule', 'commit', 'file')),
        isNull
      )
    ),
    nameHint: /gitleaks/i
  },
  {
    id: 'trufflehog-v2',
    scanType: 'Trufflehog Scan',
    format: 'truffleHog 2 JSON lines',
    tool: 'trufflehog',
    extensions: JSON_EXT,
    // `trufflehog --json` (v2): one {branch, commit, commitHash, diff, path, reason, stringsFound} per line.
    match: objectOrLines(has('branch', 'commitHash', 'diff', 'path', 'reason', 'stringsFound'))
  },
  {
    id: 'trufflehog-v3',
    scanType: 'Trufflehog Scan',
    format: 'TruffleHog 3 JSON lines',
    tool: 'trufflehog',
    extensions: JSON_EXT,
    // `trufflehog … --json` (v3): one {SourceMetadata, SourceType, DetectorType, DetectorName, Verified, Raw} per line.
    match: objectOrLines(has('SourceMetadata', 'DetectorName', 'DetectorType', 'Verified', 'Raw'))
  },
  {
    id: 'trufflehog3-json',
    scanType: 'Trufflehog3 Scan',
    format: 'trufflehog3 JSON',
    tool: 'trufflehog3',
    extensions: JSON_EXT,
    // trufflehog3 writes one JSON array: {rule: {id, message, severity}, path, line, secret, context} items,
    // or (legacy) truffleHog-2-like items {path, branch, commitHash, reason, stringsFound} in an array.
    match: json(
      anyOf(
        arrayOf({ allowEmpty: true }, has('rule', 'path', 'secret', 'context'), at('rule', has('id', 'severity'))),
        arrayOf({ allowEmpty: false }, has('path', 'branch', 'commitHash', 'reason', 'stringsFound'), lacks('old_file_id'))
      )
    ),
    nameHint: /trufflehog3/i
  },
  {
    id: 'detect-secrets-json',
    scanType: 'Detect-secrets Scan',
    format: 'detect-secrets baseline',
    tool: 'detect-secrets',
    extensions: JSON_EXT,
    match: json(has('version', 'plugins_used', 'results'), at('results', object))
  },
  {
    id: 'ggshield-json',
    scanType: 'Ggshield Scan',
    format: 'ggshield JSON',
    tool: 'ggshield',
    extensions: JSON_EXT,
    match: json(
      anyOf(
        allOf(has('id', 'type', 'total_incidents', 'total_occurrences'), anyOf(has('scans'), has('entities_with_incidents'))),
        // The totals follow the scans list: in a long report's head, the scans' own shape.
        allOf(has('id', 'type', 'scans'), hasAfter('scans', 'total_incidents', 'total_occurrences'), at('scans', arrayOf({ allowEmpty: false }, has('id', 'type', 'entities_with_incidents', 'total_incidents'))))
      )
    )
  },
  {
    id: 'github-secret-scanning',
    scanType: 'Github Secrets Detection Report Scan',
    format: 'GitHub secret scanning alerts (API)',
    tool: 'github',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('number', 'secret_type', 'state', 'locations_url'))),
    nameHint: /secret.?scanning|secrets?.?detection/i
  },
  {
    id: 'gitlab-secret-detection',
    scanType: 'GitLab Secret Detection Report',
    format: 'GitLab secret detection report',
    tool: 'gitlab-secret-detection',
    extensions: JSON_EXT,
    match: gitlab('secret_detection')
  },
  {
    id: 'noseyparker-jsonl',
    scanType: 'Nosey Parker Scan',
    format: 'Nosey Parker JSON lines',
    tool: 'noseyparker',
    // The parser branches on the name: JSON lines are read from a .jsonl upload.
    extensions: ['.jsonl'],
    // `noseyparker report --format jsonl`: {finding_id|type, rule_name, matches[] …} per line.
    match: objectOrLines(has('rule_name', 'matches', 'num_matches'), anyOf(has('finding_id'), has('match_content')))
  },
  {
    id: 'choctaw-hog-json',
    scanType: 'Choctaw Hog Scan',
    format: 'Rusty Hog (choctaw_hog, git) JSON',
    tool: 'rusty-hog',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('stringsFound', 'reason', 'commitHash', 'old_file_id', 'new_file_id')))
  },
  {
    id: 'duroc-hog-json',
    scanType: 'Duroc Hog Scan',
    format: 'Rusty Hog (duroc_hog, files) JSON',
    tool: 'rusty-hog',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('stringsFound', 'reason', 'path', 'linenum'), lacks('commitHash')))
  },
  {
    id: 'essex-hog-json',
    scanType: 'Essex Hog Scan',
    format: 'Rusty Hog (essex_hog, Confluence) JSON',
    tool: 'rusty-hog',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('stringsFound', 'reason', 'page_id', 'url')))
  },
  {
    id: 'gottingen-hog-json',
    scanType: 'Gottingen Hog Scan',
    format: 'Rusty Hog (gottingen_hog, Jira) JSON',
    tool: 'rusty-hog',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('stringsFound', 'reason', 'issue_id', 'url')))
  },
  {
    id: 'rusty-hog-empty',
    scanType: 'Rusty Hog Scan',
    format: 'Rusty Hog JSON (no findings)',
    tool: 'rusty-hog',
    extensions: JSON_EXT,
    // A clean Rusty Hog run prints []: only a name can say so.
    match: json(array, empty),
    nameHint: /hog/i
  },
  {
    id: 'talisman-json',
    scanType: 'Talisman Scan',
    format: 'Talisman JSON report',
    tool: 'talisman',
    extensions: JSON_EXT,
    match: json(has('summary', 'results'), at('results', arrayOf({ allowEmpty: true }, has('filename', 'failure_list'))))
  },
  {
    id: 'whispers-json',
    scanType: 'Whispers Scan',
    format: 'Whispers JSON',
    tool: 'whispers',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('key', 'value', 'file', 'line', 'rule_id', 'severity'))),
    nameHint: /whispers/i
  },
  {
    id: 'secretlint-json',
    scanType: 'Secretlint Scan',
    format: 'secretlint JSON',
    tool: 'secretlint',
    extensions: JSON_EXT,
    // `secretlint --format json`: [{filePath, messages[], sourceContent, …}] (no ESLint counters).
    match: json(arrayOf({ allowEmpty: true }, has('filePath', 'messages', 'sourceContent'), lacks('errorCount'))),
    nameHint: /secretlint/i
  },
  {
    id: 'n0s1-json',
    scanType: 'n0s1 Scanner',
    format: 'n0s1 JSON',
    tool: 'n0s1',
    extensions: JSON_EXT,
    match: json(has('tool', 'scan_date', 'regex_config', 'findings'))
  },
  {
    id: 'credscan-csv',
    scanType: 'CredScan Scan',
    format: 'CredScan CSV',
    tool: 'credscan',
    extensions: CSV_EXT,
    match: csv('TimeofDiscovery', 'Source', 'Searcher', 'Description', 'Line', 'IsSuppressed', 'HashKey')
  },
  {
    id: 'xygeni-secrets-json',
    scanType: 'Xygeni Secrets Scan',
    format: 'Xygeni secrets JSON',
    tool: 'xygeni',
    extensions: JSON_EXT,
    match: json(has('metadata', 'secrets'), at('metadata', has('scanType')))
  },
  {
    id: 'apkleaks-json',
    scanType: 'APKLeaks Scan',
    format: 'APKLeaks JSON',
    tool: 'apkleaks',
    extensions: JSON_EXT,
    match: json(has('package', 'results'), at('results', arrayOf({ allowEmpty: true }, has('name', 'matches'))))
  }
])
