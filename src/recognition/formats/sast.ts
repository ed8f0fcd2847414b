// The SAST lane of the format table: source-code analysers, SARIF first.
import {
  allOf,
  anyOf,
  array,
  arrayOf,
  at,
  attr,
  child,
  csv,
  has,
  hasAfter,
  htmlTitle,
  is,
  json,
  keysMatching,
  lacks,
  noChild,
  not,
  onlyKeys,
  string,
  valuesOf,
  whole,
  xml,
  zip,
  zipMember,
  zipOnly
} from '../matchers.js'
import { BANDIT_FAILED, GOSEC_FAILED, SEMGREP_FAILED } from './failed-runs.js'
import { lane, JSON_EXT, XML_EXT, CSV_EXT, gitlab, type FormatRule } from './shared.js'
import type { Head } from '../head.js'

const SARIF_VERSION = /^2\.1\./

/** AppScan XML issues of a static scan: items naming a source file. */
const APPSCAN_STATIC_ISSUES = child('issue-group', child('item', anyOf(child('source-file'), attr('filename'))))
/** An AppScan XML export without issues: an empty issue group, or none in the whole file. */
const APPSCAN_CLEAN = anyOf(xml('xml-report', child('issue-group', attr('total', /^0$/), noChild('item'))), allOf(whole, xml('xml-report', noChild('issue-group'))))
/** The xmlExportVersion of IBM's AppScan Standard (≤ 2.4x); HCL's AppScan Standard writes 2.7 and on. */
const IBM_APPSCAN_EXPORT = /^(1\.\d+|2\.[0-4]\d*)$/

/** `runs[0].tool.driver.name` of a SARIF head as a short tool name ("CodeQL" → "codeql"). */
function sarifDriver(head: Head): string | null {
  if (head.syntax !== 'json') return null
  const runs = (head.value as { runs?: unknown }).runs
  const name = Array.isArray(runs) ? (runs[0] as { tool?: { driver?: { name?: unknown } } } | undefined)?.tool?.driver?.name : undefined
  if (typeof name !== 'string') return null
  const tool = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)
  return tool || null
}

export const SAST: FormatRule[] = lane('sast', [
  {
    id: 'sarif',
    scanType: 'SARIF',
    format: 'SARIF 2.1',
    tool: 'sarif',
    toolFrom: sarifDriver,
    // Every SARIF producer goes to the generic `SARIF` parser, which names the test after the tool
    // (docs/defectdojo-api.md §h). Tools with a SARIF scan type of their own are listed here: an override chooses them.
    extensions: ['.sarif', '.json'],
    // `version` may follow a long `runs` (DefectDojo's own samples write it last): in a cut head, the
    // schema URI or the first run's tool stands in for it.
    match: json(
      has('runs'),
      hasAfter('runs', 'version'),
      at('runs', array),
      anyOf(at('version', is(SARIF_VERSION)), allOf(lacks('version'), anyOf(at('$schema', is(/sarif-2\.1|sarif-schema-2\.1/i)), at('runs.0.tool.driver.name', string))))
    ),
    alsoReadBy: [
      { scanType: 'Cppcheck Scan', extensions: ['.sarif'] },
      { scanType: 'DevSkim Scan', extensions: ['.sarif'] },
      { scanType: 'Flawfinder Scan', extensions: ['.sarif'] },
      { scanType: 'Mayhem SARIF Report', extensions: ['.sarif'] },
      { scanType: 'Snyk Code Scan', extensions: ['.json'] },
      { scanType: 'Snyk Scan', extensions: ['.json'] }
    ]
  },
  {
    id: 'semgrep-json',
    scanType: 'Semgrep JSON Report',
    format: 'Semgrep JSON',
    tool: 'semgrep',
    extensions: JSON_EXT,
    // `semgrep --json`: results[] of {check_id, path, start, end, extra} next to errors[].
    match: json(has('results'), hasAfter('results', 'errors'), lacks('generated_at', 'metrics', 'runs'), not(SEMGREP_FAILED), at('results', arrayOf({ allowEmpty: true }, has('check_id', 'path', 'extra')))),
    nameHint: /semgrep/i
  },
  {
    id: 'semgrep-supply-chain-json',
    scanType: 'Semgrep JSON Report',
    format: 'Semgrep Supply Chain findings (API)',
    tool: 'semgrep',
    extensions: JSON_EXT,
    // Semgrep AppSec Platform supply-chain export: vulns[] of {advisory, exposureType, …}, paged by cursor.
    match: json(has('vulns', 'hasMore'), at('vulns', arrayOf({ allowEmpty: true }, has('advisory', 'exposureType')))),
    nameHint: /semgrep/i
  },
  {
    id: 'semgrep-pro-json',
    scanType: 'Semgrep Pro JSON Report',
    format: 'Semgrep AppSec Platform findings (API)',
    tool: 'semgrep',
    extensions: JSON_EXT,
    // /deployments/{slug}/findings: findings[] of {rule_name, rule_message, location, repository, triage_state}.
    match: json(has('findings'), onlyKeys('findings', 'cursor', 'hasMore'), at('findings', arrayOf({ allowEmpty: true }, has('rule_name', 'location', 'repository')))),
    nameHint: /semgrep/i
  },
  {
    id: 'bandit-json',
    scanType: 'Bandit Scan',
    format: 'Bandit JSON',
    tool: 'bandit',
    extensions: JSON_EXT,
    // `bandit -f json`: errors, generated_at, metrics, results[] of {test_id, issue_severity, …}.
    // The parser needs top-level "results" (scan-types.tsv notes: missing → 500).
    match: json(has('results', 'generated_at', 'metrics'), not(BANDIT_FAILED), at('results', arrayOf({ allowEmpty: true }, has('test_id', 'issue_severity')))),
    nameHint: /bandit/i
  },
  {
    id: 'brakeman-json',
    scanType: 'Brakeman Scan',
    format: 'Brakeman JSON',
    tool: 'brakeman',
    extensions: JSON_EXT,
    match: json(has('scan_info', 'warnings'), at('scan_info', has('brakeman_version')))
  },
  {
    id: 'checkmarx-xml',
    scanType: 'Checkmarx Scan',
    format: 'Checkmarx SAST XML',
    tool: 'checkmarx',
    extensions: XML_EXT,
    // CxSAST XML report: <CxXMLResults ScanId ProjectName …><Query><Result>…
    match: xml('CxXMLResults', attr('ScanId'), attr('ProjectName'))
  },
  {
    id: 'checkmarx-json',
    scanType: 'Checkmarx Scan',
    format: 'Checkmarx SAST JSON report',
    tool: 'checkmarx',
    extensions: JSON_EXT,
    match: json(has('reportId', 'reportHeader', 'scanSummary', 'scanResults'))
  },
  {
    id: 'checkmarx-cxflow-json',
    scanType: 'Checkmarx CxFlow SAST',
    format: 'Checkmarx CxFlow JSON',
    tool: 'checkmarx',
    extensions: JSON_EXT,
    // CxFlow's JSON bug tracker output: xissues[] and unFilteredIssues[] with the scan's project.
    match: json(has('xissues', 'project', 'scanType'), hasAfter('xissues', 'unFilteredIssues'))
  },
  {
    id: 'checkmarx-one-api',
    scanType: 'Checkmarx One Scan',
    format: 'Checkmarx One results (API)',
    tool: 'checkmarx-one',
    extensions: JSON_EXT,
    // /api/results: results[] of {type, similarityId, state, data, …} with totalCount.
    match: json(has('results'), hasAfter('results', 'totalCount'), at('results', arrayOf({ allowEmpty: true }, has('type', 'similarityId', 'data'))))
  },
  {
    id: 'checkmarx-one-report',
    scanType: 'Checkmarx One Scan',
    format: 'Checkmarx One scan report JSON',
    tool: 'checkmarx-one',
    extensions: JSON_EXT,
    match: json(has('reportCreationDate', 'reportType', 'reportHeader'), anyOf(has('scanResults'), has('vulnerabilityDetails'), has('scanInformation')))
  },
  {
    id: 'codechecker-json',
    scanType: 'Codechecker Report native',
    format: 'CodeChecker JSON',
    tool: 'codechecker',
    extensions: JSON_EXT,
    // `CodeChecker parse -e json`: {version, reports[] of {checker_name, analyzer_name, report_hash, …}}.
    match: json(has('version', 'reports'), at('reports', arrayOf({ allowEmpty: true }, has('checker_name', 'analyzer_name', 'report_hash'))))
  },
  {
    id: 'coverity-scan-json',
    scanType: 'Coverity Scan JSON Report',
    format: 'Coverity JSON (v10)',
    tool: 'coverity',
    extensions: JSON_EXT,
    // cov-format-errors --json-output-v10: {type: "Coverity issues", formatVersion, issues[]}.
    match: json(has('type', 'formatVersion', 'issues'), at('type', is('Coverity issues')))
  },
  {
    id: 'coverity-api-json',
    scanType: 'Coverity API',
    format: 'Coverity Connect view contents (API)',
    tool: 'coverity',
    extensions: JSON_EXT,
    match: json(has('viewContentsV1'), at('viewContentsV1', has('columns', 'rows')))
  },
  {
    id: 'cwe-checker-json',
    scanType: 'cwe_checker Scan',
    format: 'cwe_checker JSON',
    tool: 'cwe_checker',
    extensions: JSON_EXT,
    // `cwe_checker --json`: an array of CWE warnings {name, version, addresses, tids, symbols, other, description}.
    match: json(arrayOf({ allowEmpty: true }, has('name', 'version', 'addresses', 'tids', 'symbols', 'description'))),
    nameHint: /cwe.?checker/i
  },
  {
    id: 'dawnscanner-json',
    scanType: 'DawnScanner Scan',
    format: 'Dawnscanner JSON',
    tool: 'dawnscanner',
    extensions: JSON_EXT,
    match: json(has('dawn_version', 'vulnerabilities', 'target'))
  },
  {
    id: 'eslint-json',
    scanType: 'ESLint Scan',
    format: 'ESLint JSON',
    tool: 'eslint',
    extensions: JSON_EXT,
    // `eslint -f json`: an array of {filePath, messages[], errorCount, warningCount, …}.
    match: json(arrayOf({ allowEmpty: true }, has('filePath', 'messages', 'errorCount', 'warningCount'))),
    nameHint: /eslint/i
  },
  {
    id: 'fortify-xml',
    scanType: 'Fortify Scan',
    format: 'Fortify report XML',
    tool: 'fortify',
    extensions: XML_EXT,
    // ReportGenerator XML: <ReportDefinition type=…><ReportSection>…
    match: xml('ReportDefinition', attr('type'), anyOf(child('ReportSection'), child('TemplateName')))
  },
  {
    id: 'fortify-fpr',
    scanType: 'Fortify Scan',
    format: 'Fortify FPR',
    tool: 'fortify',
    extensions: ['.fpr'],
    // An .fpr is a zip holding audit.fvdl.
    match: zip(/^audit\.fvdl$/)
  },
  {
    id: 'webinspect-scan-xml',
    scanType: 'Fortify Scan',
    format: 'WebInspect scan XML (Fortify)',
    tool: 'fortify',
    extensions: XML_EXT,
    // <Scan><Name/><PolicyName/>…<Issues><Issue><CheckTypeID/>…, read by the Fortify parser.
    match: xml('Scan', child('PolicyName'), child('Issues'))
  },
  {
    id: 'gitlab-sast',
    scanType: 'GitLab SAST Report',
    format: 'GitLab SAST report',
    tool: 'gitlab-sast',
    extensions: JSON_EXT,
    // GitLab security report schema with scan.type "sast" (older reports: vulnerabilities[].category).
    // Checkmarx One exports this schema too; its parser reads it as well.
    match: gitlab('sast'),
    alsoReadBy: [{ scanType: 'Checkmarx One Scan' }]
  },
  {
    id: 'github-code-scanning',
    scanType: 'Github SAST Scan',
    format: 'GitHub code scanning alerts (API)',
    tool: 'github',
    extensions: JSON_EXT,
    // GET /repos/{owner}/{repo}/code-scanning/alerts: [{number, rule, tool, most_recent_instance, …}].
    match: json(arrayOf({ allowEmpty: true }, has('number', 'rule', 'tool', 'most_recent_instance'))),
    nameHint: /code.?scanning|github.?sast|codeql/i,
    // DefectDojo's tests feed this list to the Github Vulnerability parser too.
    alsoReadBy: [{ scanType: 'Github Vulnerability Scan' }]
  },
  {
    id: 'gosec-json',
    scanType: 'Gosec Scanner',
    format: 'gosec JSON',
    tool: 'gosec',
    extensions: JSON_EXT,
    // `gosec -fmt=json`: {Issues: [{rule_id, details, file, line, …}], Stats, GosecVersion}.
    match: json(has('Issues'), hasAfter('Issues', 'Stats'), not(GOSEC_FAILED), at('Issues', arrayOf({ allowEmpty: true }, has('rule_id', 'details', 'file'))))
  },
  // AppScan XML (<xml-report>) comes from AppScan on Cloud (AsocXmlExportVersion) or AppScan Standard
  // (xmlExportVersion) and is read by three parsers: HCL's ASoC SAST parser (static issues: a source
  // file and line), HCL's AppScan parser (dynamic issues) and the IBM one (IBM's own export).
  {
    id: 'hcl-asoc-sast-xml',
    scanType: 'HCL AppScan on Cloud SAST XML',
    format: 'HCL AppScan on Cloud SAST XML',
    tool: 'appscan',
    extensions: XML_EXT,
    // Static issues; or an AppScan on Cloud export of a scan that is not dynamic and found nothing
    // (the HCL AppScan parser reads that as no findings too).
    match: anyOf(
      xml('xml-report', attr('AsocXmlExportVersion'), APPSCAN_STATIC_ISSUES),
      allOf(xml('xml-report', attr('AsocXmlExportVersion'), not(attr('xmlExportVersion')), not(attr('technology', /^DAST$/))), APPSCAN_CLEAN)
    ),
    alsoReadBy: [{ scanType: 'HCLAppScan XML' }]
  },
  {
    id: 'hcl-appscan-xml',
    scanType: 'HCLAppScan XML',
    format: 'HCL AppScan XML',
    tool: 'appscan',
    extensions: XML_EXT,
    // Dynamic issues (a URL, no source file) from AppScan on Cloud, or any export of a DAST scan;
    // and AppScan Standard's export from HCL (an xmlExportVersion after IBM's 2.4x: 2.7 on).
    match: anyOf(
      xml('xml-report', attr('AsocXmlExportVersion'), child('issue-group', child('item', child('url'))), not(APPSCAN_STATIC_ISSUES)),
      xml('xml-report', attr('AsocXmlExportVersion'), attr('technology', /^DAST$/), not(APPSCAN_STATIC_ISSUES)),
      xml('xml-report', attr('xmlExportVersion'), not(attr('xmlExportVersion', IBM_APPSCAN_EXPORT)), not(APPSCAN_STATIC_ISSUES))
    )
  },
  {
    id: 'ibm-appscan-dast-xml',
    scanType: 'IBM AppScan DAST',
    format: 'IBM AppScan Standard XML',
    tool: 'appscan',
    extensions: XML_EXT,
    // IBM Security AppScan Standard (9.x) writes xmlExportVersion 2.42 and earlier; the IBM parser
    // needs what that export holds (advisory texts, a fix recommendation on every issue type).
    match: xml('xml-report', attr('xmlExportVersion', IBM_APPSCAN_EXPORT), not(attr('AsocXmlExportVersion')), child('scan-information'))
  },
  {
    id: 'horusec-json',
    scanType: 'Horusec Scan',
    format: 'Horusec JSON',
    tool: 'horusec',
    extensions: JSON_EXT,
    match: json(has('analysisVulnerabilities', 'repositoryName', 'status'))
  },
  {
    id: 'huskyci-json',
    scanType: 'HuskyCI Report',
    format: 'huskyCI JSON',
    tool: 'huskyci',
    extensions: JSON_EXT,
    match: json(has('containers', 'repositoryURL'), hasAfter('containers', 'huskyciresults'))
  },
  {
    id: 'infer-json',
    scanType: 'Infer Scan',
    format: 'Infer report.json',
    tool: 'infer',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('bug_type', 'qualifier', 'severity', 'file', 'procedure'))),
    nameHint: /infer/i
  },
  {
    id: 'kiuwan-csv',
    scanType: 'Kiuwan Scan',
    format: 'Kiuwan defects CSV',
    tool: 'kiuwan',
    extensions: CSV_EXT,
    match: csv('Rule code', 'Rule', 'Priority', 'Software characteristic', 'Language', 'File', 'Line number')
  },
  {
    id: 'mobsf-json',
    scanType: 'MobSF Scan',
    format: 'MobSF static analysis JSON',
    tool: 'mobsf',
    extensions: JSON_EXT,
    // MobSF REST API /report_json: app identity (file_name, app_name, app_type, hashes) and analyses.
    // MobSF Scorecard reads the `appsec` part of the same report.
    match: json(has('file_name', 'app_name', 'app_type', 'md5', 'sha256'), anyOf(has('code_analysis'), has('binary_analysis'), has('permissions'))),
    nameHint: /mobsf/i,
    alsoReadBy: [{ scanType: 'MobSF Scorecard Scan' }]
  },
  {
    id: 'mobsfscan-json',
    scanType: 'Mobsfscan Scan',
    format: 'mobsfscan JSON',
    tool: 'mobsfscan',
    extensions: JSON_EXT,
    match: json(has('mobsfscan_version', 'results'))
  },
  {
    id: 'njsscan-json',
    scanType: 'njsscan Scan',
    format: 'njsscan JSON',
    tool: 'njsscan',
    extensions: JSON_EXT,
    match: json(has('njsscan_version', 'nodejs'), hasAfter('nodejs', 'templates'))
  },
  {
    id: 'php-security-audit-v2-json',
    scanType: 'PHP Security Audit v2',
    format: 'PHP_CodeSniffer (phpcs-security-audit) JSON',
    tool: 'phpcs',
    extensions: JSON_EXT,
    // `phpcs --report=json`: {totals: {errors, warnings, fixable}, files: {path: {errors, warnings, messages}}}.
    match: json(has('totals', 'files'), at('totals', has('errors', 'warnings', 'fixable')))
  },
  {
    id: 'pmd-csv',
    scanType: 'PMD Scan',
    format: 'PMD CSV',
    tool: 'pmd',
    extensions: CSV_EXT,
    match: csv('Problem', 'Package', 'File', 'Priority', 'Line', 'Description', 'Rule set', 'Rule')
  },
  {
    id: 'progpilot-json',
    scanType: 'Progpilot Scan',
    format: 'Progpilot JSON',
    tool: 'progpilot',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('source_name', 'sink_name', 'vuln_name', 'vuln_cwe'))),
    nameHint: /progpilot/i
  },
  {
    id: 'pwn-sast-json',
    scanType: 'PWN SAST',
    format: 'PWN SAST JSON',
    tool: 'pwn',
    extensions: JSON_EXT,
    match: json(has('report_name', 'data'), at('data', arrayOf({ allowEmpty: true }, has('security_references', 'line_no_and_contents'))))
  },
  {
    id: 'qark-json',
    scanType: 'QARK Scan',
    format: 'QARK JSON',
    tool: 'qark',
    extensions: JSON_EXT,
    // QARK's JSON report; the MobSF parser reads this list format too.
    match: json(arrayOf({ allowEmpty: true }, has('category', 'severity', 'name', 'line_number', 'file_object', 'apk_exploit_dict'))),
    nameHint: /qark/i,
    alsoReadBy: [{ scanType: 'MobSF Scan' }]
  },
  {
    id: 'rubocop-json',
    scanType: 'Rubocop Scan',
    format: 'RuboCop JSON',
    tool: 'rubocop',
    extensions: JSON_EXT,
    match: json(has('metadata', 'files'), hasAfter('files', 'summary'), at('metadata', has('rubocop_version')))
  },
  {
    id: 'solar-appscreener-csv',
    scanType: 'Solar Appscreener Scan',
    format: 'Solar appScreener CSV',
    tool: 'appscreener',
    extensions: CSV_EXT,
    match: csv('Vulnerability', 'Language', 'Description', 'Recommendations', 'File', 'Line', 'Severity Level', 'Status', 'Trace')
  },
  {
    id: 'sonarqube-issues-json',
    scanType: 'SonarQube Scan',
    format: 'SonarQube issues search (API)',
    tool: 'sonarqube',
    extensions: ['.json'],
    // /api/issues/search: {total, paging, issues[], components[]}; /api/hotspots/search: {paging, hotspots[]}.
    match: json(anyOf(allOf(has('issues', 'paging'), hasAfter('issues', 'components')), has('hotspots', 'paging')))
  },
  {
    id: 'sonarqube-report-json',
    scanType: 'SonarQube Scan',
    format: 'sonar-report JSON',
    tool: 'sonarqube',
    extensions: ['.json'],
    // sonar-report's JSON: project facts, rules{} and issues[].
    match: json(has('projectName', 'sonarComponent', 'rules', 'issues'))
  },
  {
    id: 'sonarqube-issues-zip',
    scanType: 'SonarQube Scan',
    format: 'SonarQube issues search pages (zip)',
    tool: 'sonarqube',
    extensions: ['.zip'],
    // A zip of /api/issues/search responses, one page per .json file: the parser reads every .json member.
    match: allOf(zipOnly(/\.json$/i), zipMember(/\.json$/i, json(has('issues', 'components', 'paging'))))
  },
  {
    id: 'sonarqube-html',
    scanType: 'SonarQube Scan',
    format: 'sonar-report HTML',
    tool: 'sonarqube',
    // The parser reads HTML under any name not ending .json/.zip.
    extensions: ['.html'],
    // sonar-report's HTML always carries this title; other HTML pages are skipped as pages for people.
    match: htmlTitle(/^SonarQube Vulnerability Report$/)
  },
  {
    id: 'spotbugs-xml',
    scanType: 'SpotBugs Scan',
    format: 'SpotBugs XML',
    tool: 'spotbugs',
    extensions: XML_EXT,
    match: xml('BugCollection', child('Project'), attr('version'))
  },
  {
    id: 'threagile-json',
    scanType: 'Threagile risks report',
    format: 'Threagile risks.json',
    tool: 'threagile',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('category', 'risk_status', 'severity', 'exploitation_likelihood', 'synthetic_id'))),
    nameHint: /threagile|risks/i
  },
  {
    id: 'threat-composer-json',
    scanType: 'ThreatComposer Scan',
    format: 'Threat Composer JSON',
    tool: 'threat-composer',
    extensions: JSON_EXT,
    // A workspace export without threats[] is rejected by the parser: not matched.
    match: json(has('schema', 'applicationInfo', 'threats'))
  },
  {
    id: 'vcg-xml',
    scanType: 'VCG Scan',
    format: 'VisualCodeGrepper XML',
    tool: 'vcg',
    extensions: XML_EXT,
    match: xml('CodeIssueCollection')
  },
  {
    id: 'veracode-xml',
    scanType: 'Veracode Scan',
    format: 'Veracode detailed report XML',
    tool: 'veracode',
    extensions: XML_EXT,
    match: xml('detailedreport', attr('report_format_version'))
  },
  {
    id: 'veracode-findings-json',
    scanType: 'Veracode Scan',
    format: 'Veracode findings (API)',
    tool: 'veracode',
    extensions: JSON_EXT,
    // Findings REST API: findings[] (or _embedded.findings[]) of {issue_id, scan_type, finding_details}.
    match: json(
      anyOf(
        at('findings', arrayOf({ allowEmpty: false }, has('scan_type', 'finding_details', 'finding_status'))),
        at('_embedded.findings', arrayOf({ allowEmpty: true }, has('scan_type', 'finding_details', 'finding_status')))
      )
    )
  },
  {
    id: 'xanitizer-xml',
    scanType: 'Xanitizer Scan',
    format: 'Xanitizer findings XML',
    tool: 'xanitizer',
    extensions: XML_EXT,
    match: xml('XanitizerFindingsList')
  },
  {
    id: 'xygeni-sast-json',
    scanType: 'Xygeni SAST Scan',
    format: 'Xygeni SAST JSON',
    tool: 'xygeni',
    extensions: JSON_EXT,
    match: json(has('metadata', 'vulnerabilities'), at('metadata', has('scanType')), at('metadata.scanType', is('sast')))
  },
  {
    id: 'bearer-json',
    scanType: 'Bearer CLI',
    format: 'Bearer JSON',
    tool: 'bearer',
    extensions: JSON_EXT,
    // `bearer scan --format json`: findings grouped by severity (critical/high/medium/low/warning).
    match: json(keysMatching(/^(critical|high|medium|low|warning)$/), valuesOf({ allowEmpty: false }, arrayOf({ allowEmpty: false }, has('cwe_ids', 'id', 'fingerprint', 'line_number'))))
  },
  {
    id: 'crunch42-json',
    scanType: 'Crunch42 Scan',
    format: '42Crunch audit JSON',
    tool: '42crunch',
    extensions: JSON_EXT,
    match: json(has('report', 'taskId'), at('report', has('assessmentVersion', 'openapiState')))
  }
])
