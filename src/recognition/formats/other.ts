// Not reports: tool error outputs and formats DefectDojo cannot import. Matched first in spirit:
// every importable row below excludes these shapes, so a file matches one or the other.
import {
  allOf,
  anyLine,
  anyOf,
  arrayOf,
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
  number,
  oneOf,
  onlyKeys,
  xml,
  type JsonCondition
} from '../matchers.js'
import { BANDIT_FAILED, CHECKOV_FAILED, GOSEC_FAILED, SEMGREP_FAILED, SNYK_FAILED, firstMessage } from './failed-runs.js'
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

/** File types DefectDojo accepts as a finding's attachment (its FILE_UPLOAD_TYPES default). */
const ATTACHMENT_NAME = /\.(txt|pdf|json|xml|csv|yml|png|jpeg|sarif|xlsx|doc|html|js|nessus|zip|fpr)$/

/** Findings whose `files` attachments (those read) are titled with a file type DefectDojo accepts. */
const ATTACHMENTS_NAMED: JsonCondition = (value) => {
  if (!Array.isArray(value)) return null
  const titles = value.slice(0, 20).flatMap((f) => (f && typeof f === 'object' && Array.isArray((f as { files?: unknown }).files) ? ((f as { files: Array<{ title?: unknown }> }).files) : []).map((file) => file?.title))
  return titles.every((t) => typeof t === 'string' && ATTACHMENT_NAME.test(t)) ? ['attachments named with an accepted type'] : null
}

/** "Semgrep failed: <its message>: not a clean report, uploading it would close every finding of the test". */
function failedRun(tool: string, message: string | null): string | null {
  return message === null ? null : `${tool} failed: "${message}". Not a clean report: uploading it would close every finding of its test`
}

export const OTHER: FormatRule[] = lane('other', [
  {
    id: 'semgrep-failed-run',
    scanType: null,
    unsafe: true,
    format: 'Semgrep failed run',
    tool: 'semgrep',
    extensions: JSON_EXT,
    match: json(SEMGREP_FAILED),
    reason: 'Semgrep scanned nothing (errors, no results, no scanned path): not a clean report; uploading it would close every Semgrep finding of the test',
    reasonFrom: (head) => failedRun('Semgrep', firstMessage(head, (v) => (v.errors as Array<{ message?: unknown }> | undefined)?.find((e) => e && typeof e === 'object')?.message))
  },
  {
    id: 'bandit-failed-run',
    scanType: null,
    unsafe: true,
    format: 'Bandit failed run',
    tool: 'bandit',
    extensions: JSON_EXT,
    match: json(BANDIT_FAILED),
    reason: 'Bandit could not parse any file (errors, no results, no line of code): not a clean report; uploading it would close every Bandit finding of the test',
    reasonFrom: (head) => failedRun('Bandit', firstMessage(head, (v) => (v.errors as Array<{ reason?: unknown }> | undefined)?.[0]?.reason))
  },
  {
    id: 'gosec-failed-run',
    scanType: null,
    unsafe: true,
    format: 'gosec failed run',
    tool: 'gosec',
    extensions: JSON_EXT,
    match: json(GOSEC_FAILED),
    reason: 'gosec could not build the packages (Golang errors, no issues, no line scanned): not a clean report',
    reasonFrom: (head) => failedRun('gosec', firstMessage(head, (v) => Object.values((v['Golang errors'] as Record<string, Array<{ error?: unknown }>>) ?? {})[0]?.[0]?.error))
  },
  {
    id: 'checkov-failed-run',
    scanType: null,
    unsafe: true,
    format: 'Checkov failed run',
    tool: 'checkov',
    extensions: JSON_EXT,
    match: json(CHECKOV_FAILED),
    reason: 'Checkov could not parse any file (parsing errors, no resource): not a clean report; uploading it would close every Checkov finding of the test'
  },
  {
    id: 'snyk-failed-run',
    scanType: null,
    unsafe: true,
    format: 'Snyk error output',
    tool: 'snyk',
    extensions: JSON_EXT,
    match: json(SNYK_FAILED),
    reason: '`snyk test` could not run ({"ok": false, "error": …}): not a report',
    reasonFrom: (head) => failedRun('`snyk test`', firstMessage(head, (v) => v.error))
  },
  {
    id: 'npm-audit-error',
    scanType: null,
    unsafe: true,
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
    unsafe: true,
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
    unsafe: true,
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
    // ZAP's traditional JSON report: @programName/@version/@generated and site[]. GitLab's DAST report
    // embeds the same keys with scan and remediations before a long site[] (its vulnerabilities come after).
    match: json(has('@version', '@generated', 'site'), lacks('vulnerabilities', 'scan', 'remediations')),
    // Naming a scan type for it would only make a failed upload: say how to get the report that imports.
    reason:
      "DefectDojo's `ZAP Scan` reads ZAP's XML report, not this JSON one (no scan type imports it): have ZAP write the XML report too, e.g. `zap-baseline.py -x report.xml` (the same `-x` for zap-full-scan.py and zap-api-scan.py), or with the ZAP GitHub actions add `-x report_xml.xml` to `cmd_options`; then upload that file"
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
    id: 'risk-recon-api-config',
    scanType: null,
    format: 'Risk Recon API configuration',
    tool: 'riskrecon',
    extensions: JSON_EXT,
    // {api_key, url_endpoint, companies | filters}: what the Risk Recon importer calls the API with.
    match: json(has('api_key'), anyOf(has('url_endpoint'), has('companies'), has('filters')), lacks('test', 'findings')),
    reason: 'a Risk Recon API configuration (an API key and endpoint), not a report: the importer would call the RiskRecon API with it'
  },
  {
    id: 'shellcheck-json',
    scanType: null,
    format: 'ShellCheck JSON',
    tool: 'shellcheck',
    extensions: JSON_EXT,
    // `shellcheck -f json`: [{file, line, endLine, column, endColumn, level, code: 2086, message, fix}]
    // (`-f json1` wraps the list in {comments}). Hadolint's JSON looks alike but has string codes.
    match: anyOf(
      json(arrayOf({ allowEmpty: false }, has('file', 'line', 'endLine', 'column', 'endColumn', 'level', 'code', 'message'), at('code', number))),
      json(has('comments'), onlyKeys('comments'), at('comments', arrayOf({ allowEmpty: false }, has('file', 'line', 'endLine', 'column', 'endColumn', 'level', 'code', 'message'), at('code', number))))
    ),
    reason: 'not a DefectDojo format: DefectDojo has no ShellCheck parser (`Hadolint Dockerfile check` reads Hadolint\'s JSON only, whose codes are strings)'
  },
  {
    id: 'fortify-fvdl',
    scanType: null,
    format: 'Fortify FVDL',
    tool: 'fortify',
    extensions: ['.fvdl'],
    // A bare FVDL (the audit.fvdl inside an .fpr): the Fortify parser refuses any name but .xml and
    // .fpr, and as .xml it reads only ReportGenerator XML.
    match: xml('FVDL', anyOf(child('Build'), child('Vulnerabilities'), child('UUID'))),
    reason: "`Fortify Scan` reads the .fpr archive (which holds audit.fvdl) or a ReportGenerator XML report, not a bare FVDL: upload the .fpr"
  },
  {
    id: 'deepfence-csv',
    scanType: null,
    format: 'Deepfence ThreatMapper CSV',
    tool: 'threatmapper',
    extensions: CSV_EXT,
    // The CSV twins of ThreatMapper's Excel exports: the parser opens the upload as a workbook.
    match: anyOf(
      csv('@timestamp', 'cve_id', 'cve_severity', 'cve_caused_by_package', 'cve_container_image'),
      csv('@timestamp', 'compliance_check_type', 'node_name', 'status', 'test_category', 'test_number'),
      csv('Rule Name', 'Class', 'File Name', 'Summary', 'Severity', 'Node Name', 'NodeType'),
      csv('Filename', 'Content', 'Name', 'Rule', 'Severity', 'Node Name', 'Signature')
    ),
    reason: '`Deepfence Threatmapper Report` reads the Excel (.xlsx) export only: export the report from ThreatMapper as XLSX'
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
      at('findings', every({ allowEmpty: true }, has('title', 'severity', 'description'), onlyKeys(...GENERIC_FINDING_FIELDS))),
      // DefectDojo saves each attachment under its title and refuses a title without an accepted type.
      at('findings', ATTACHMENTS_NAMED)
    ),
    nameHint: /generic|defect.?dojo/i
  },
  {
    id: 'generic-json-unnamed-attachment',
    scanType: null,
    format: 'DefectDojo generic findings JSON',
    tool: 'generic',
    extensions: JSON_EXT,
    match: json(has('findings'), at('findings', every({ allowEmpty: false }, has('title', 'severity', 'description'))), at('findings', not(ATTACHMENTS_NAMED))),
    reason: 'a finding attaches a file whose title has no file type DefectDojo accepts (e.g. `.png`, `.txt`): DefectDojo refuses the whole import; name the attachment with its type'
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
