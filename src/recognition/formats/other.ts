// Not reports: tool error outputs and formats DefectDojo cannot import. Matched first in spirit:
// every importable row below excludes these shapes, so a file matches one or the other.
import {
  allOf,
  anyLine,
  anyOf,
  at,
  attr,
  child,
  csv,
  every,
  has,
  is,
  json,
  lacks,
  noLine,
  not,
  oneOf,
  onlyKeys,
  xml
} from '../matchers.js'
import { lane, JSON_EXT, XML_EXT, CSV_EXT, type FormatRule } from './shared.js'

/** The finding fields the generic JSON parser accepts (required: title, severity, description). */
const GENERIC_FINDING_FIELDS = [
  'title', 'severity', 'description', 'date', 'cwe', 'cve', 'epss_score', 'epss_percentile', 'cvssv3', 'cvssv3_score', 'cvssv4',
  'cvssv4_score', 'mitigation', 'impact', 'steps_to_reproduce', 'severity_justification', 'references', 'active', 'verified',
  'false_p', 'out_of_scope', 'risk_accepted', 'under_review', 'is_mitigated', 'thread_id', 'mitigated', 'numerical_severity',
  'param', 'payload', 'line', 'file_path', 'component_name', 'component_version', 'static_finding', 'dynamic_finding',
  'scanner_confidence', 'unique_id_from_tool', 'vuln_id_from_tool', 'sast_source_object', 'sast_sink_object',
  'sast_source_line', 'sast_source_file_path', 'nb_occurences', 'publish_date', 'service', 'planned_remediation_date',
  'planned_remediation_version', 'effort_for_fixing', 'tags', 'kev_date', 'known_exploited', 'ransomware_used',
  'fix_available', 'fix_version', 'endpoints', 'files', 'vulnerability_ids', 'cwes'
]

export const OTHER: FormatRule[] = lane('other', [
  {
    id: 'npm-audit-error',
    scanType: null,
    format: 'npm audit error output',
    tool: 'npm',
    extensions: JSON_EXT,
    // `npm audit --json` prints {"error": {"code", "summary", "detail"}} when the audit endpoint fails.
    match: json(has('error'), lacks('vulnerabilities', 'advisories'), at('error', has('code', 'summary'))),
    reason: '`npm audit` failed and printed its error (not a report); uploading it would close every finding of the test'
  },
  {
    id: 'yarn-audit-error',
    scanType: null,
    format: 'yarn audit error output',
    tool: 'yarn',
    extensions: JSON_EXT,
    // `yarn audit --json` streams {"type", "data"} lines; a failed run has a {"type": "error"} line.
    match: allOf(anyLine(at('type', is('error')), has('data')), noLine(at('type', oneOf('auditAdvisory', 'auditSummary')))),
    reason: '`yarn audit` failed (a {"type": "error"} line and no audit result): not a report'
  },
  {
    id: 'wpscan-aborted',
    scanType: null,
    format: 'WPScan aborted scan',
    tool: 'wpscan',
    extensions: JSON_EXT,
    // `wpscan -f json` prints banner + scan_aborted (and no findings) when the scan could not run.
    match: json(has('banner', 'scan_aborted'), lacks('interesting_findings', 'version')),
    reason: 'WPScan aborted the scan (`scan_aborted`): not a report; uploading it would close every finding of the test'
  },
  {
    id: 'zap-json',
    scanType: null,
    format: 'ZAP JSON',
    tool: 'zap',
    extensions: JSON_EXT,
    // ZAP's traditional JSON report: @programName/@version/@generated and site[].
    match: json(has('@version', '@generated', 'site'), lacks('vulnerabilities')),
    reason: 'DefectDojo has no parser for ZAP JSON (`ZAP Scan` reads the XML report only): export the traditional XML report'
  },
  {
    id: 'dependency-check-json',
    scanType: null,
    format: 'OWASP Dependency-Check JSON',
    tool: 'dependency-check',
    extensions: JSON_EXT,
    // dependency-check-report.json: reportSchema, scanInfo, projectInfo, dependencies.
    match: json(has('reportSchema', 'scanInfo', 'dependencies')),
    reason: '`Dependency Check Scan` reads the XML report only (a JSON report fails with a server error): run Dependency-Check with --format XML'
  },
  {
    id: 'eslint-json-with-metadata',
    scanType: null,
    format: 'ESLint json-with-metadata',
    tool: 'eslint',
    extensions: JSON_EXT,
    // `eslint -f json-with-metadata`: {results: [...json format...], metadata: {rulesMeta}}.
    match: json(has('results', 'metadata'), at('metadata', has('rulesMeta'))),
    reason: '`ESLint Scan` reads the `json` formatter output (an array of files), not `json-with-metadata`: use `eslint -f json`'
  },
  {
    id: 'cppcheck-xml',
    scanType: null,
    format: 'Cppcheck XML',
    tool: 'cppcheck',
    extensions: XML_EXT,
    // `cppcheck --xml`: <results version="2"><cppcheck version/><errors>…
    match: xml('results', child('cppcheck', attr('version')), child('errors')),
    reason: "DefectDojo's `Cppcheck Scan` reads SARIF now: run cppcheck with --output-format=sarif (uploaded as `SARIF`)"
  },
  {
    id: 'junit-xml',
    scanType: null,
    format: 'JUnit XML',
    tool: 'junit',
    extensions: XML_EXT,
    // Test results from linters and test runners (<testsuites>/<testsuite> of <testcase>). Dastardly
    // writes JUnit XML too; its row (dast) is told apart by the report name it always writes.
    match: xml(/^testsuites?$/, not(attr('name', /Dastardly/)), anyOf(child('testsuite'), child('testcase'), attr('tests'))),
    reason: 'JUnit XML (test results from a linter or test runner) is not an importable security report'
  },
  {
    id: 'checkstyle-xml',
    scanType: null,
    format: 'Checkstyle XML',
    tool: 'checkstyle',
    extensions: XML_EXT,
    // <checkstyle version=…><file name=…><error …/>: the lint format of checkstyle, ESLint, ktlint, …
    match: xml('checkstyle', anyOf(child('file'), attr('version'))),
    reason: 'Checkstyle XML (a linter report) is not an importable security report'
  },
  {
    id: 'spdx3-json',
    scanType: null,
    format: 'SPDX 3 JSON-LD',
    tool: 'spdx',
    extensions: JSON_EXT,
    match: json(has('@context', '@graph'), anyOf(at('@context', is(/spdx\.org\/rdf\/3/)), at('spdxVersion', is(/^SPDX-3/)))),
    reason: '`SPDX Scan` reads SPDX 2.2/2.3 (JSON or tag-value); SPDX 3 JSON-LD is not supported yet'
  },
  {
    id: 'generic-json',
    scanType: 'Generic Findings Import',
    format: 'DefectDojo generic findings JSON',
    tool: 'generic',
    extensions: JSON_EXT,
    // DefectDojo's own format: {findings: [{title, severity, description, …}]} with optional name, type,
    // version… The parser accepts a closed set of finding fields (and rejects any other), so does this rule.
    match: json(
      has('findings'),
      onlyKeys('findings', 'name', 'type', 'version', 'description', 'title', 'static_tool', 'dynamic_tool', 'soc', 'date'),
      at('findings', every({ allowEmpty: true }, has('title', 'severity', 'description'), onlyKeys(...GENERIC_FINDING_FIELDS)))
    ),
    nameHint: /generic|defect.?dojo/i
  },
  {
    id: 'generic-csv',
    scanType: 'Generic Findings Import',
    format: 'DefectDojo generic findings CSV',
    tool: 'generic',
    extensions: CSV_EXT,
    match: anyOf(csv('Date', 'Title', 'CweId', 'Severity', 'Description', 'Mitigation', 'Impact', 'References'), csv('Title', 'Description', 'Severity', 'Date', 'Url', 'Vulnerability Id'))
  }
])
