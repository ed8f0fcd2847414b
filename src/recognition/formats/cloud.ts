// The cloud lane of the format table: cloud posture (Prowler, ScoutSuite, Security Hub…) and host audits.
import {
  allOf,
  anyLine,
  anyOf,
  arrayOf,
  at,
  attr,
  child,
  csv,
  empty,
  everyLine,
  has,
  hasAfter,
  json,
  onlyKeys,
  textLines,
  xml,
  zip
} from '../matchers.js'
import { lane, JSON_EXT, XML_EXT, CSV_EXT, TXT_EXT, objectOrLines, type FormatRule } from './shared.js'

/** Keys of an ASFF finding (AWS Security Finding Format), written by Security Hub, Prowler, GuardDuty… */
const asffFinding = has('SchemaVersion', 'Id', 'ProductArn', 'GeneratorId')

export const CLOUD: FormatRule[] = lane('cloud', [
  {
    id: 'prowler-ocsf-json',
    scanType: 'Prowler Scan',
    format: 'Prowler OCSF JSON',
    tool: 'prowler',
    // `prowler … --output-formats json-ocsf` writes *.ocsf.json: a list of OCSF Detection Findings
    // (finding_info, status_code, metadata.product). `Prowler Scan` reads it under any .json name; `AWS
    // Prowler V3` reads Prowler 4 OCSF too, but only under a .ocsf.json name.
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('finding_info', 'status_code', 'metadata', 'class_uid'))),
    alsoReadBy: [{ scanType: 'AWS Prowler V3', extensions: ['.ocsf.json'] }]
  },
  {
    id: 'prowler-csv',
    scanType: 'Prowler Scan',
    format: 'Prowler CSV (v4+)',
    tool: 'prowler',
    extensions: CSV_EXT,
    // Semicolon-separated, upper-case columns.
    match: csv('AUTH_METHOD', 'TIMESTAMP', 'FINDING_UID', 'PROVIDER', 'CHECK_ID', 'STATUS', 'SEVERITY')
  },
  {
    id: 'prowler-v3-json',
    scanType: 'AWS Prowler V3',
    format: 'Prowler 3 JSON',
    tool: 'prowler',
    // The parser reads v3 JSON under a .json name and OCSF under .ocsf.json: never send v3 as .ocsf.json.
    extensions: JSON_EXT,
    avoidExtensions: ['.ocsf.json'],
    match: json(arrayOf({ allowEmpty: false }, has('AssessmentStartTime', 'FindingUniqueId', 'Provider', 'CheckID', 'Status')))
  },
  {
    id: 'prowler-v2-csv',
    scanType: 'AWS Prowler Scan',
    format: 'Prowler 2 CSV',
    tool: 'prowler',
    extensions: CSV_EXT,
    match: csv('PROFILE', 'ACCOUNT_NUM', 'REGION', 'TITLE_ID', 'CHECK_RESULT', 'TITLE_TEXT')
  },
  {
    id: 'prowler-v2-json',
    scanType: 'AWS Prowler Scan',
    format: 'Prowler 2 JSON lines',
    tool: 'prowler',
    extensions: JSON_EXT,
    match: objectOrLines(has('Profile', 'Account Number', 'Control', 'Status', 'Control ID'))
  },
  {
    id: 'asff-json',
    scanType: 'AWS Security Finding Format (ASFF) Scan',
    format: 'ASFF findings list',
    tool: 'asff',
    extensions: JSON_EXT,
    // A bare list of ASFF findings (prowler -M json-asff, GuardDuty exports, …).
    match: json(arrayOf({ allowEmpty: false }, asffFinding))
  },
  {
    id: 'aws-security-hub-json',
    scanType: 'AWS Security Hub Scan',
    format: 'Security Hub get-findings JSON',
    tool: 'securityhub',
    extensions: JSON_EXT,
    // `aws securityhub get-findings`: {Findings: [ASFF…]} (or findings).
    match: json(anyOf(at('Findings', arrayOf({ allowEmpty: true }, asffFinding)), at('findings', arrayOf({ allowEmpty: false }, asffFinding))))
  },
  {
    id: 'aws-inspector2-json',
    scanType: 'AWS Inspector2 Scan',
    format: 'Inspector2 list-findings JSON',
    tool: 'inspector2',
    extensions: JSON_EXT,
    // `aws inspector2 list-findings` with nothing found prints {"findings": []}: only a name can say then.
    match: json(
      has('findings'),
      anyOf(at('findings', arrayOf({ allowEmpty: false }, has('findingArn', 'awsAccountId', 'type', 'severity'))), allOf(onlyKeys('findings', 'nextToken'), at('findings', empty)))
    ),
    nameHint: /inspector/i
  },
  {
    id: 'azure-security-center-csv',
    scanType: 'Azure Security Center Recommendations Scan',
    format: 'Microsoft Defender for Cloud recommendations CSV',
    tool: 'defender-for-cloud',
    extensions: CSV_EXT,
    match: csv('subscriptionId', 'resourceGroup', 'resourceType', 'recommendationId', 'recommendationName', 'severity', 'state')
  },
  {
    id: 'cloudsploit-json',
    scanType: 'Cloudsploit Scan',
    format: 'CloudSploit JSON',
    tool: 'cloudsploit',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('plugin', 'category', 'title', 'resource', 'region', 'status'))),
    nameHint: /cloudsploit/i
  },
  {
    id: 'cloudflare-insights-json',
    scanType: 'Cloudflare Insights',
    format: 'Cloudflare Security Insights JSON',
    tool: 'cloudflare',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('issue_class', 'issue_type', 'severity', 'subject', 'dismissed')))
  },
  {
    id: 'cloudflare-insights-csv',
    scanType: 'Cloudflare Insights',
    format: 'Cloudflare Security Insights CSV',
    tool: 'cloudflare',
    extensions: CSV_EXT,
    match: csv('severity', 'issue_class', 'subject', 'issue_type', 'status', 'insight')
  },
  {
    id: 'scout-suite-js',
    scanType: 'Scout Suite Scan',
    format: 'Scout Suite results (scoutsuite_results.js)',
    tool: 'scoutsuite',
    extensions: ['.js'],
    match: textLines(/^scoutsuite_results\s*=/, 3)
  },
  {
    id: 'ms-defender-json',
    scanType: 'MSDefender Parser',
    format: 'Microsoft Defender for Endpoint vulnerabilities (API)',
    tool: 'ms-defender',
    extensions: JSON_EXT,
    match: json(has('@odata.context', 'value'), at('value', arrayOf({ allowEmpty: true }, has('cveId', 'machineId'))))
  },
  {
    id: 'ms-defender-zip',
    scanType: 'MSDefender Parser',
    format: 'Microsoft Defender for Endpoint export zip',
    tool: 'ms-defender',
    extensions: ['.zip'],
    match: zip(/^vulnerabilities\//)
  },
  {
    id: 'orca-json',
    scanType: 'Orca Security Alerts',
    format: 'Orca Security alerts JSON',
    tool: 'orca',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('OrcaScore', 'Title', 'Category', 'CloudAccount', 'Inventory'))),
    nameHint: /orca/i
  },
  {
    id: 'orca-csv',
    scanType: 'Orca Security Alerts',
    format: 'Orca Security alerts CSV',
    tool: 'orca',
    extensions: CSV_EXT,
    match: csv('OrcaScore', 'Title', 'Category', 'Inventory.Name', 'CloudAccount.Name', 'Status')
  },
  {
    id: 'wiz-csv',
    scanType: 'Wiz Scan',
    format: 'Wiz issues / vulnerabilities CSV',
    tool: 'wiz',
    extensions: CSV_EXT,
    match: anyOf(
      csv('Created At', 'Title', 'Severity', 'Status', 'Description', 'Resource Type', 'Resource external ID', 'Subscription ID'),
      csv('ID', 'WizURL', 'Name', 'CVSSSeverity', 'HasExploit', 'FindingStatus', 'VendorSeverity')
    )
  },
  {
    id: 'zora-csv',
    scanType: 'Zora Parser',
    format: 'Zora (Undistro) misconfigurations CSV',
    tool: 'zora',
    extensions: CSV_EXT,
    match: anyOf(csv('source', 'checkID', 'title', 'severity', 'status', 'remediation'), csv('source', 'image', 'id', 'title', 'severity', 'status', 'fixVersion'))
  },
  {
    id: 'cyberwatch-json',
    scanType: 'Cyberwatch scan (Galeax)',
    format: 'Cyberwatch JSON',
    tool: 'cyberwatch',
    extensions: JSON_EXT,
    match: json(anyOf(has('cves', 'security_issues'), allOf(hasAfter('cves', 'security_issues'), at('cves', arrayOf({ allowEmpty: false }, has('cve_code', 'cve_score', 'cve_level'))))))
  },
  {
    id: 'cycognito-json',
    scanType: 'Cycognito Scan',
    format: 'CyCognito issues JSON',
    tool: 'cycognito',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('affected_asset', 'base_severity_score', 'potential_threat', 'confidence'))),
    nameHint: /cycognito/i
  },
  {
    id: 'wazuh-json',
    scanType: 'Wazuh',
    format: 'Wazuh vulnerabilities (API)',
    tool: 'wazuh',
    extensions: JSON_EXT,
    match: anyOf(
      // Wazuh ≤ 4.7 API: {data: {affected_items: [{cve, name, version, severity}], total_affected_items}}.
      json(has('data'), at('data', has('affected_items'), hasAfter('affected_items', 'total_affected_items')), at('data.affected_items', arrayOf({ allowEmpty: true }, has('cve', 'severity')))),
      // Wazuh ≥ 4.8 indexer search: hits.hits[]._source with agent, package and vulnerability.
      json(has('hits', '_shards'), at('hits.hits', arrayOf({ allowEmpty: false }, at('_source', has('agent', 'package', 'vulnerability')))))
    )
  },
  {
    id: 'pingcastle-xml',
    scanType: 'PingCastle',
    format: 'PingCastle health check XML',
    tool: 'pingcastle',
    extensions: XML_EXT,
    match: xml('HealthcheckData', anyOf(child('EngineVersion'), child('DomainFQDN')))
  },
  {
    id: 'openscap-xml',
    scanType: 'Openscap Vulnerability Scan',
    format: 'OpenSCAP XCCDF results',
    tool: 'openscap',
    extensions: XML_EXT,
    match: xml('Benchmark', anyOf(attr('xmlns', /checklists\.nist\.gov\/xccdf/), attr('xmlns:cdf', /checklists\.nist\.gov\/xccdf/)))
  },
  {
    id: 'chef-inspec-log',
    scanType: 'Chef Inspect Log',
    format: 'Chef InSpec JSON lines log',
    tool: 'inspec',
    extensions: ['.log'],
    match: objectOrLines(has('profile', 'control_tags', 'impact', 'results', 'title', 'status'))
  },
  {
    id: 'lynis-report',
    scanType: 'Lynis Scan',
    format: 'Lynis report (lynis-report.dat)',
    tool: 'lynis',
    // `.dat` is not an accepted upload extension (docs/defectdojo-api.md §0).
    extensions: TXT_EXT,
    match: textLines(/^# Lynis Report\s*$[\s\S]*^report_version_major=/m)
  },
  {
    id: 'aide-text',
    scanType: 'AIDE Scan',
    format: 'AIDE check output',
    tool: 'aide',
    extensions: TXT_EXT,
    match: textLines(/^(Start timestamp: .*\(AIDE [\d.]+\)|AIDE(, version [\d.]+)? found (NO )?differences between database and filesystem)/m)
  },
  {
    id: 'chkrootkit-text',
    scanType: 'chkrootkit Scan',
    format: 'chkrootkit output',
    tool: 'chkrootkit',
    extensions: TXT_EXT,
    // Full output ("Checking `x'... result") or -q output (only the warnings of its chk* helpers).
    match: textLines(/^(ROOTDIR is `[^']*'|Checking `[^']+'\.\.\.|(WARNING: )?chk(dirs|proc|lastlog|wtmp|utmp): )/m, 200)
  },
  {
    id: 'rkhunter-log',
    scanType: 'rkhunter Scan',
    format: 'rkhunter log',
    tool: 'rkhunter',
    extensions: ['.log'],
    match: textLines(/^\[\d\d:\d\d:\d\d\] Running Rootkit Hunter version /m, 5)
  },
  {
    id: 'clamav-text',
    scanType: 'ClamAV Scan',
    format: 'clamscan output',
    tool: 'clamav',
    extensions: TXT_EXT,
    // "path: Signature FOUND" / "path: OK" lines and the ----------- SCAN SUMMARY ----------- block.
    // (`file: OK` lines alone are also what `sha256sum -c` prints: a FOUND line or the summary is required.)
    match: anyOf(textLines(/^-{5,} SCAN SUMMARY -{5,}\s*$/m, 200), allOf(everyLine(/^\S.*: (.+ FOUND|OK|Empty file|Symbolic link)$/), textLines(/^\S.*: .+ FOUND$/m, 200)))
  },
  {
    id: 'firmwalker-text',
    scanType: 'Firmwalker Scan',
    format: 'firmwalker output',
    tool: 'firmwalker',
    extensions: TXT_EXT,
    match: textLines(/^\*\*\*Firmware Directory\*\*\*\s*$/m, 3)
  },
  {
    id: 'yara-text',
    scanType: 'YARA Scan',
    format: 'yara output',
    tool: 'yara',
    extensions: TXT_EXT,
    // "RuleName [meta] path" hit lines, optionally followed by "0xOFFSET:$string: data" lines (-s).
    match: allOf(textLines(/^[A-Za-z_]\w* (\[[^\]]*\] )?\S*\/\S*/, 1), everyLine(/^([A-Za-z_]\w* (\[.*\] )?\S*\/.*|0x[0-9a-f]+:\$\w*: .*)$/)),
    nameHint: /yara/i
  },
  {
    id: 'alertlogic-csv',
    scanType: 'Alert Logic Scan',
    format: 'Alert Logic vulnerabilities CSV',
    tool: 'alertlogic',
    extensions: CSV_EXT,
    match: csv('Vulnerability', 'CVSS Score', 'Severity', 'Deployment Name', 'Asset Name', 'Vulnerability ID')
  },
  {
    id: 'contrast-csv',
    scanType: 'Contrast Scan',
    format: 'Contrast vulnerabilities CSV',
    tool: 'contrast',
    extensions: CSV_EXT,
    match: csv('Vulnerability Name', 'Vulnerability ID', 'Category', 'Rule Name', 'Severity', 'Status', 'Application Name')
  },
  {
    id: 'iriusrisk-csv',
    scanType: 'IriusRisk Threats Scan',
    format: 'IriusRisk threats CSV',
    tool: 'iriusrisk',
    extensions: CSV_EXT,
    match: csv('Component', 'Use case', 'Source', 'Threat', 'Risk Response', 'Inherent Risk', 'Current Risk')
  },
  {
    id: 'picus-csv',
    scanType: 'PICUS Scan',
    format: 'Picus simulation results CSV',
    tool: 'picus',
    extensions: CSV_EXT,
    match: csv('simulationRunId', 'threatId', 'threatName', 'threatSeverity', 'threatPreventionResult')
  },
  {
    id: 'intsights-json',
    scanType: 'IntSights Report',
    format: 'IntSights alerts JSON',
    tool: 'intsights',
    extensions: JSON_EXT,
    match: json(has('Alerts'), at('Alerts', arrayOf({ allowEmpty: true }, has('_id', 'Details', 'FoundDate'))))
  },
  {
    id: 'intsights-csv',
    scanType: 'IntSights Report',
    format: 'IntSights alerts CSV',
    tool: 'intsights',
    extensions: CSV_EXT,
    match: csv('Alert ID', 'Title', 'Description', 'Severity', 'Type', 'Source Date (UTC)', 'Alert Link')
  },
  {
    id: 'ptart-json',
    scanType: 'PTART Report',
    format: 'PTART report JSON',
    tool: 'ptart',
    extensions: JSON_EXT,
    match: json(has('name', 'assessments', 'cvss_type'), anyOf(has('executive_summary'), has('pentesters'), has('retests')))
  },
  {
    id: 'promptfoo-json',
    scanType: 'Promptfoo Scan',
    format: 'promptfoo eval JSON',
    tool: 'promptfoo',
    extensions: JSON_EXT,
    match: json(has('evalId', 'results'), hasAfter('results', 'config'), at('results', has('results'), hasAfter('results', 'stats')))
  },
  {
    id: 'garak-jsonl',
    scanType: 'Garak Scan',
    format: 'garak report JSON lines',
    tool: 'garak',
    extensions: ['.jsonl'],
    // garak's report.jsonl: {entry_type: …} lines (start_run setup, attempt, eval…) or attempt hits.
    match: anyOf(
      anyLine(has('entry_type', 'run_id')),
      objectOrLines(has('probe', 'detector', 'generator', 'run_id', 'attempt_id'))
    )
  }
])
