// The DAST lane of the format table: web, API and network scanners (ZAP, Burp, Nuclei, Nmap…).
import {
  allOf,
  anyOf,
  arrayOf,
  at,
  attr,
  child,
  csv,
  csvExactly,
  csvValues,
  csvWithin,
  every,
  everyLine,
  has,
  hasAfter,
  hasKeyMatching,
  htmlTitle,
  is,
  json,
  lacks,
  noChild,
  not,
  object,
  onlyKeys,
  string,
  textLines,
  valuesOf,
  xml
} from '../matchers.js'
import { lane, JSON_EXT, XML_EXT, CSV_EXT, TXT_EXT, objectOrLines, findings, gitlab, type FormatRule } from './shared.js'

/** The header of a Qualys PCI scan CSV (HackerGuardian's too), with the columns both parsers read. */
const QUALYS_PCI_COLUMNS = ['IP', 'HOSTNAME', 'LAST SCAN', 'QID', 'VULN TITLE', 'IS_PCI', 'CVSS_BASE', 'SEVERITY', 'Q_SEVERITY', 'THREAT', 'IMPACT', 'SOLUTION']

/** The fields of a RiskRecon finding that DefectDojo's parser joins into title and description. */
const RISK_RECON_FIELDS = ['vendor', 'finding', 'domain_name', 'ip_address', 'finding_id', 'finding_context', 'finding_data_value', 'hosting_provider', 'host_name', 'security_domain', 'security_criteria', 'asset_value', 'country_name', 'priority', 'first_seen']

/** The export envelope of Acunetix 360, Invicti and Netsparker. */
const A360_ENVELOPE = [has('Generated', 'Target', 'Vulnerabilities'), at('Target', has('ScanId', 'Url'))]
/** A vulnerability as DefectDojo's Invicti/Netsparker parser reads it: Classification must be an object. */
const INVICTI_ITEM = allOf(has('Name', 'Severity', 'Url', 'HttpRequest', 'HttpResponse'), at('Classification', object))
/** A vulnerability as its Acunetix parser reads it: these keys are read without a default. */
const ACUNETIX360_ITEM = has('Name', 'Severity', 'Url', 'Classification', 'RemedialProcedure', 'RemedyReferences', 'Impact', 'State', 'HttpRequest', 'HttpResponse')

/** A drHEADer rule result: {rule, message, severity} and only the documented optional keys. */
const DRHEADER_ITEM = allOf(has('rule', 'severity', 'message'), onlyKeys('rule', 'severity', 'message', 'value', 'expected', 'delimiter', 'anomaly', 'anomalies', 'avoid'))

export const DAST: FormatRule[] = lane('dast', [
  {
    id: 'zap-xml',
    scanType: 'ZAP Scan',
    format: 'ZAP XML',
    tool: 'zap',
    // The ZAP parser raises unless the uploaded name ends with lower-case `.xml` (docs/defectdojo-api.md §0).
    extensions: ['.xml'],
    // A clean scan has a report element without <site> children.
    match: xml('OWASPZAPReport', attr('version')),
    nameHint: /zap/i
  },
  {
    id: 'acunetix-xml',
    scanType: 'Acunetix Scan',
    format: 'Acunetix XML export',
    tool: 'acunetix',
    extensions: XML_EXT,
    match: xml('ScanGroup', child('Scan', anyOf(child('StartURL'), child('ReportItems'))))
  },
  // Acunetix 360, Invicti and Netsparker export one JSON format (Generated, Target, Vulnerabilities)
  // read by two DefectDojo parsers: Acunetix's, and the one Invicti and Netsparker share. What each
  // parser needs tells them apart; where both read a report alike the Invicti row is chosen (twinOf).
  {
    id: 'acunetix-json',
    scanType: 'Acunetix Scan',
    format: 'Acunetix 360 JSON',
    tool: 'acunetix',
    extensions: JSON_EXT,
    // 0208_merge_acunetix: the Acunetix360 parser became this format's part of the Acunetix one.
    formerly: 'Acunetix360 Scan',
    // The Acunetix parser reads Generated as a date (the "(UTC-06:00)" suffix Netsparker writes is not
    // one) and every key below without a default; it accepts Classification: null, which Acunetix
    // 360 writes for some issues and the Invicti parser crashes on.
    match: json(...A360_ENVELOPE, at('Generated', string, not(is(/\(UTC[+-]/))), at('Vulnerabilities', every({ allowEmpty: true }, ACUNETIX360_ITEM))),
    nameHint: /acunetix/i,
    twinOf: 'invicti-json'
  },
  {
    id: 'invicti-json',
    scanType: 'Invicti Scan',
    format: 'Invicti (Netsparker) JSON',
    tool: 'invicti',
    extensions: JSON_EXT,
    // The Invicti/Netsparker parser needs a Classification object on every vulnerability.
    match: json(...A360_ENVELOPE, at('Vulnerabilities', every({ allowEmpty: true }, INVICTI_ITEM))),
    nameHint: /invicti/i
  },
  {
    id: 'netsparker-json',
    scanType: 'Netsparker Scan',
    format: 'Netsparker JSON',
    tool: 'netsparker',
    extensions: JSON_EXT,
    // Netsparker is Invicti's former name; DefectDojo's Invicti parser is Netsparker's.
    match: json(...A360_ENVELOPE, at('Vulnerabilities', every({ allowEmpty: true }, INVICTI_ITEM))),
    nameHint: /netsparker/i,
    twinOf: 'invicti-json'
  },
  {
    id: 'appspider-xml',
    scanType: 'AppSpider Scan',
    format: 'AppSpider VulnSummary XML',
    tool: 'appspider',
    extensions: XML_EXT,
    match: xml('VulnSummary', anyOf(child('VulnList'), child('ScanName')))
  },
  {
    id: 'appcheck-json',
    scanType: 'AppCheck Web Application Scanner',
    format: 'AppCheck JSON',
    tool: 'appcheck',
    extensions: JSON_EXT,
    match: json(has('items'), hasAfter('items', 'hosts'), at('items', arrayOf({ allowEmpty: true }, has('cvss_base_score', 'first_detected_at', 'meta')))),
    nameHint: /appcheck/i
  },
  {
    id: 'arachni-json',
    scanType: 'Arachni Scan',
    format: 'Arachni JSON (AFR report)',
    tool: 'arachni',
    extensions: JSON_EXT,
    match: json(has('version', 'seed', 'options'), anyOf(has('sitemap'), has('issues')), at('options', has('url')))
  },
  {
    id: 'burp-xml',
    scanType: 'Burp Scan',
    format: 'Burp Suite issues XML',
    tool: 'burp',
    extensions: XML_EXT,
    match: xml('issues', attr('burpVersion'))
  },
  {
    id: 'burp-rest-api-json',
    scanType: 'Burp REST API',
    format: 'Burp REST API scan status',
    tool: 'burp',
    extensions: JSON_EXT,
    match: json(
      anyOf(
        has('task_id', 'scan_status', 'issue_events'),
        // Burp writes task_id and scan_status after the issue events, beyond the head of a long report.
        allOf(has('scan_metrics', 'issue_events'), hasAfter('issue_events', 'task_id', 'scan_status'), at('issue_events', arrayOf({ allowEmpty: false }, has('id', 'type', 'issue'))))
      )
    )
  },
  {
    id: 'burp-graphql-json',
    scanType: 'Burp GraphQL API',
    format: 'Burp Enterprise GraphQL issues',
    tool: 'burp',
    extensions: JSON_EXT,
    // {Issues: [{issue_type, description_html, remediation_html, severity, path, origin, evidence}]} (no gosec Stats).
    // Every issue needs issue_type.name (the parser rejects a report with a nameless issue).
    match: json(has('Issues'), lacks('Stats'), at('Issues', arrayOf({ allowEmpty: true }, has('issue_type', 'severity', 'path', 'origin'), at('issue_type.name', string))))
  },
  {
    id: 'burp-dastardly-xml',
    scanType: 'Burp Dastardly Scan',
    format: 'Dastardly JUnit XML',
    tool: 'dastardly',
    extensions: XML_EXT,
    // Dastardly writes JUnit XML whose suites are named "Dastardly scan results…".
    match: xml(/^testsuites?$/, attr('name', /Dastardly/))
  },
  {
    id: 'burp-suite-dast-html',
    scanType: 'Burp Suite DAST Scan',
    format: 'Burp Suite DAST (Enterprise) HTML report',
    tool: 'burp',
    extensions: ['.html'],
    match: htmlTitle(/^Scan Remediation Report #\d+$/)
  },
  {
    id: 'crashtest-json',
    scanType: 'Crashtest Security JSON File',
    format: 'Crashtest Security JSON',
    tool: 'crashtest',
    extensions: JSON_EXT,
    match: json(anyOf(has('findings', 'descriptions'), at('data', has('findings', 'descriptions'))), anyOf(at('findings', object), at('data.findings', object)))
  },
  {
    id: 'drheader-json',
    scanType: 'DrHeader JSON Importer',
    format: 'drHEADer JSON',
    tool: 'drheader',
    extensions: JSON_EXT,
    match: json(
      anyOf(
        arrayOf({ allowEmpty: false }, DRHEADER_ITEM),
        arrayOf({ allowEmpty: false }, has('url', 'report'), at('report', arrayOf({ allowEmpty: true }, DRHEADER_ITEM)))
      )
    )
  },
  {
    id: 'dirsearch-json',
    scanType: 'Dirsearch Scan',
    format: 'dirsearch JSON',
    tool: 'dirsearch',
    extensions: JSON_EXT,
    match: json(has('info', 'results'), at('info', has('args')), at('results', arrayOf({ allowEmpty: true }, has('url', 'status'))))
  },
  {
    id: 'ffuf-json',
    scanType: 'ffuf Scan',
    format: 'ffuf JSON',
    tool: 'ffuf',
    extensions: JSON_EXT,
    match: json(has('commandline', 'time', 'results'), hasAfter('results', 'config'))
  },
  {
    id: 'gobuster-text',
    scanType: 'Gobuster Scan',
    format: 'gobuster dir output',
    tool: 'gobuster',
    extensions: TXT_EXT,
    // One "path (Status: NNN) [Size: N]" line per hit.
    match: anyOf(everyLine(/^\S.*\s\(Status: \d{3}\)( \[Size: \d+\])?( \[--> .*\])?\s*$/))
  },
  {
    id: 'gitlab-dast',
    scanType: 'GitLab DAST Report',
    format: 'GitLab DAST report',
    tool: 'gitlab-dast',
    extensions: JSON_EXT,
    // The schema's DAST vulnerabilities carry location {hostname, method, path}: that tells a report
    // without version and scan (written by older tools) too.
    match: anyOf(gitlab('dast'), json(has('vulnerabilities'), lacks('version'), at('vulnerabilities', arrayOf({ allowEmpty: false }, has('id', 'location'), at('location', has('hostname', 'method')))))),
    nameHint: /dast/i
  },
  {
    id: 'gitlab-api-fuzzing',
    scanType: 'GitLab API Fuzzing Report Scan',
    format: 'GitLab API fuzzing report',
    tool: 'gitlab-api-fuzzing',
    extensions: JSON_EXT,
    // API fuzzing and coverage fuzzing share the schema; a report without vulnerabilities[] is rejected.
    match: allOf(anyOf(gitlab('api_fuzzing'), gitlab('coverage_fuzzing')), json(has('vulnerabilities')))
  },
  {
    id: 'httpx-json',
    scanType: 'httpx Scan',
    format: 'httpx JSON lines',
    tool: 'httpx',
    extensions: JSON_EXT,
    match: objectOrLines(has('url', 'input', 'scheme', 'host', 'status_code', 'timestamp'), lacks('template-id', 'templateID'))
  },
  {
    id: 'humble-json',
    scanType: 'Humble Json Importer',
    format: 'humble JSON',
    tool: 'humble',
    extensions: JSON_EXT,
    match: json(hasKeyMatching(/^\[0\. Info\]$/), hasKeyMatching(/^\[1\. Missing HTTP Security Headers\]$/))
  },
  {
    id: 'hydra-json',
    scanType: 'Hydra Scan',
    format: 'THC Hydra JSON',
    tool: 'hydra',
    extensions: JSON_EXT,
    match: json(has('generator', 'quantityfound', 'results'), hasAfter('results', 'success'), at('generator', has('software', 'version')))
  },
  {
    id: 'immuniweb-xml',
    scanType: 'Immuniweb Scan',
    format: 'ImmuniWeb XML',
    tool: 'immuniweb',
    extensions: XML_EXT,
    match: xml('Vulnerabilities', anyOf(child('Vulnerability', child('CWE-ID')), noChild('Vulnerability'))),
    nameHint: /immuniweb/i
  },
  {
    id: 'immuniweb-json',
    scanType: 'Immuniweb Scan',
    format: 'ImmuniWeb Discovery JSON',
    tool: 'immuniweb',
    extensions: JSON_EXT,
    match: json(has('domains', 'webapps', 'mobileapps', 'cloud', 'network'))
  },
  {
    id: 'krakend-audit-json',
    scanType: 'KrakenD Audit Scan',
    format: 'krakend audit JSON',
    tool: 'krakend',
    extensions: JSON_EXT,
    match: json(has('recommendations'), hasAfter('recommendations', 'stats'), at('recommendations', arrayOf({ allowEmpty: true }, has('rule', 'severity', 'message'))))
  },
  {
    id: 'masscan-json',
    scanType: 'Masscan Scan',
    format: 'masscan JSON',
    tool: 'masscan',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('ip', 'timestamp', 'ports'), at('ports', arrayOf({ allowEmpty: true }, has('port', 'proto', 'status')))))
  },
  {
    id: 'microfocus-webinspect-xml',
    scanType: 'Microfocus Webinspect Scan',
    format: 'WebInspect sessions XML',
    tool: 'webinspect',
    extensions: XML_EXT,
    match: xml('Sessions', child('Session', anyOf(child('URL'), child('Issues'))))
  },
  {
    id: 'mozilla-observatory-json',
    scanType: 'Mozilla Observatory Scan',
    format: 'Mozilla Observatory JSON',
    tool: 'observatory',
    extensions: JSON_EXT,
    match: anyOf(
      json(has('scan', 'tests'), at('scan', has('grade', 'score'))),
      json(valuesOf({ allowEmpty: false }, has('expectation', 'name', 'pass', 'result', 'score_modifier')))
    )
  },
  {
    id: 'naabu-json',
    scanType: 'Naabu Scan',
    format: 'naabu JSON lines',
    tool: 'naabu',
    extensions: JSON_EXT,
    match: objectOrLines(has('ip', 'port', 'timestamp'), lacks('ports', 'url'), anyOf(has('protocol'), has('host')))
  },
  {
    id: 'nettacker-json',
    scanType: 'Nettacker Scan',
    format: 'OWASP Nettacker JSON',
    tool: 'nettacker',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('scan_id', 'target', 'module_name', 'event', 'json_event')))
  },
  {
    id: 'nexpose-xml',
    scanType: 'Nexpose Scan',
    format: 'Nexpose XML 2.0',
    tool: 'nexpose',
    extensions: XML_EXT,
    match: xml('NexposeReport', anyOf(child('scans'), child('nodes')))
  },
  {
    id: 'nikto-xml',
    scanType: 'Nikto Scan',
    format: 'Nikto XML',
    tool: 'nikto',
    // The parser branches on the name: .xml is read as XML, .json as JSON.
    extensions: XML_EXT,
    match: xml('niktoscan')
  },
  {
    id: 'nikto-json',
    scanType: 'Nikto Scan',
    format: 'Nikto JSON',
    tool: 'nikto',
    extensions: JSON_EXT,
    match: json(anyOf(has('host', 'ip', 'port', 'banner', 'vulnerabilities'), arrayOf({ allowEmpty: false }, has('host', 'ip', 'port', 'banner', 'vulnerabilities'))))
  },
  {
    id: 'nmap-xml',
    scanType: 'Nmap Scan',
    format: 'Nmap XML',
    tool: 'nmap',
    extensions: XML_EXT,
    match: xml('nmaprun', attr('scanner'))
  },
  {
    id: 'nuclei-json',
    scanType: 'Nuclei Scan',
    format: 'Nuclei JSON / JSON lines',
    tool: 'nuclei',
    extensions: JSON_EXT,
    // Nuclei results: {template-id|templateID, info: {name, severity}, type, host, matched-at|matched}.
    match: findings(anyOf(has('template-id'), has('templateID')), has('info', 'type'), anyOf(has('matched-at'), has('matched'), has('host'))),
    nameHint: /nuclei/i
  },
  {
    id: 'openvas-xml',
    scanType: 'OpenVAS Parser',
    format: 'OpenVAS / Greenbone XML report',
    tool: 'openvas',
    extensions: XML_EXT,
    // 0197_parser_merge: OpenVAS XML and OpenVAS CSV became one parser.
    formerly: 'OpenVAS XML',
    match: xml('report', attr('format_id'), child('report'))
  },
  {
    id: 'openvas-csv',
    scanType: 'OpenVAS Parser',
    format: 'OpenVAS / Greenbone CSV results',
    tool: 'openvas',
    extensions: CSV_EXT,
    formerly: 'OpenVAS CSV',
    match: csv('IP', 'Hostname', 'Port', 'Port Protocol', 'CVSS', 'Severity', 'NVT Name', 'NVT OID')
  },
  {
    id: 'outpost24-xml',
    scanType: 'Outpost24 Scan',
    format: 'Outpost24 XML',
    tool: 'outpost24',
    extensions: XML_EXT,
    match: xml('main', child('reportinfo'), child('hostlist'))
  },
  {
    id: 'qualys-xml',
    scanType: 'Qualys Scan',
    format: 'Qualys asset data report XML',
    tool: 'qualys',
    extensions: XML_EXT,
    match: xml('ASSET_DATA_REPORT', child('HEADER'))
  },
  {
    id: 'qualys-csv',
    scanType: 'Qualys Scan',
    format: 'Qualys scan results CSV',
    tool: 'qualys',
    extensions: CSV_EXT,
    match: csv('IP', 'DNS', 'NetBIOS', 'QID', 'Title', 'Vuln Status', 'Severity')
  },
  // Qualys PCI and HackerGuardian PCI exports share one header. The Qualys parser uses SEVERITY as the
  // finding's severity, so it reads only full words (HackerGuardian writes "M"); the HackerGuardian
  // parser maps Q_SEVERITY 1-5. Where both read a report, the Qualys row is chosen (twinOf).
  {
    id: 'qualys-pci-csv',
    scanType: 'Qualys Scan',
    format: 'Qualys PCI scan CSV',
    tool: 'qualys',
    extensions: CSV_EXT,
    match: allOf(csv(...QUALYS_PCI_COLUMNS), csvValues('SEVERITY', /^(Critical|High|Medium|Low|Info|info.*|none)$/i)),
    nameHint: /qualys/i
  },
  {
    id: 'qualys-hacker-guardian-csv',
    scanType: 'Qualys Hacker Guardian Scan',
    format: 'HackerGuardian PCI scan CSV',
    tool: 'hackerguardian',
    extensions: CSV_EXT,
    // The parser looks Q_SEVERITY up in 1-5 and reads LAST SCAN as a date.
    match: allOf(csv(...QUALYS_PCI_COLUMNS), csvValues('Q_SEVERITY', /^[1-5]$/), csvValues('LAST SCAN', /\d/)),
    nameHint: /hacker.?guardian/i,
    twinOf: 'qualys-pci-csv'
  },
  {
    id: 'qualys-infrascan-xml',
    scanType: 'Qualys Infrastructure Scan (WebGUI XML)',
    format: 'Qualys scan XML (WebGUI)',
    tool: 'qualys',
    extensions: XML_EXT,
    match: xml('SCAN', attr('value'), child('HEADER'))
  },
  {
    id: 'qualys-webapp-xml',
    scanType: 'Qualys Webapp Scan',
    format: 'Qualys WAS scan report XML',
    tool: 'qualys-was',
    extensions: XML_EXT,
    match: xml('WAS_SCAN_REPORT', child('HEADER'))
  },
  {
    id: 'qualys-vmdr-csv',
    scanType: 'Qualys VMDR',
    format: 'Qualys VMDR CSV',
    tool: 'qualys-vmdr',
    extensions: CSV_EXT,
    // VMDR exports start with a few report-identification rows before the header row.
    match: anyOf(csvWithin(12, 'QID', 'Title', 'Severity', 'Asset Id', 'Asset Name', 'Asset IPV4'), csvWithin(12, 'QID', 'Title', 'Severity', 'Asset ID', 'Asset Name', 'Asset IPV4'))
  },
  {
    id: 'rapplex-json',
    scanType: 'Rapplex Scan',
    format: 'Rapplex JSON',
    tool: 'rapplex',
    extensions: JSON_EXT,
    match: json(has('ScanId', 'Target', 'ScanPolicy', 'Severities'))
  },
  {
    id: 'skf-csv',
    scanType: 'SKF Scan',
    format: 'OWASP SKF checklist CSV',
    tool: 'skf',
    extensions: CSV_EXT,
    match: csvExactly('title', 'description', 'mitigation')
  },
  {
    id: 'sqlmap-csv',
    scanType: 'Sqlmap Scan',
    format: 'sqlmap results CSV',
    tool: 'sqlmap',
    extensions: CSV_EXT,
    match: csv('Target URL', 'Place', 'Parameter', 'Technique(s)', 'Note(s)')
  },
  {
    id: 'sqlmap-log',
    scanType: 'Sqlmap Scan',
    format: 'sqlmap log',
    tool: 'sqlmap',
    extensions: ['.log'],
    match: textLines(/^sqlmap (identified|resumed) the following injection point\(s\)/m, 50)
  },
  {
    id: 'ssh-audit-json',
    scanType: 'SSH Audit Importer',
    format: 'ssh-audit JSON',
    tool: 'ssh-audit',
    extensions: JSON_EXT,
    match: json(has('banner', 'kex', 'key', 'enc', 'mac', 'target'))
  },
  {
    id: 'ssllabs-json',
    scanType: 'SSL Labs Scan',
    format: 'SSL Labs API JSON',
    tool: 'ssllabs',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('host', 'port', 'protocol', 'endpoints', 'engineVersion', 'criteriaVersion'))),
    nameHint: /ssl.?labs/i
  },
  {
    id: 'sslscan-xml',
    scanType: 'Sslscan',
    format: 'sslscan XML',
    tool: 'sslscan',
    extensions: XML_EXT,
    match: xml('document', child('ssltest'))
  },
  {
    id: 'sslyze-xml',
    scanType: 'Sslyze Scan',
    format: 'SSLyze XML',
    tool: 'sslyze',
    extensions: XML_EXT,
    match: xml('document', attr('SSLyzeVersion'), child('results'))
  },
  {
    id: 'sslyze-json',
    scanType: 'SSLyze Scan (JSON)',
    format: 'SSLyze JSON',
    tool: 'sslyze',
    extensions: JSON_EXT,
    match: json(has('server_scan_results'), anyOf(has('sslyze_version'), at('server_scan_results', arrayOf({ allowEmpty: false }, anyOf(has('connectivity_status', 'network_configuration'), has('server_location', 'scan_result'), has('server_info', 'scan_commands_results'))))))
  },
  {
    id: 'stackhawk-json',
    scanType: 'StackHawk HawkScan',
    format: 'HawkScan webhook JSON',
    tool: 'stackhawk',
    extensions: JSON_EXT,
    match: json(has('service', 'scanCompleted'), at('scanCompleted', has('scan')), at('scanCompleted.scan', has('hawkscanVersion')))
  },
  {
    id: 'testssl-csv',
    scanType: 'Testssl Scan',
    format: 'testssl.sh CSV',
    tool: 'testssl',
    extensions: CSV_EXT,
    match: csv('id', 'fqdn/ip', 'port', 'severity', 'finding', 'cve', 'cwe')
  },
  {
    id: 'tenable-xml',
    scanType: 'Tenable Scan',
    format: 'Nessus XML (.nessus)',
    tool: 'nessus',
    // 0187_nessus_to_tenable. Not on the CSV row: it also matches Tenable exports the Nessus parser may not have read.
    formerly: 'Nessus Scan',
    // The parser reads XML for .xml/.nessus names.
    extensions: ['.nessus', '.xml'],
    match: xml('NessusClientData_v2')
  },
  {
    id: 'tenable-csv',
    scanType: 'Tenable Scan',
    format: 'Nessus / Tenable CSV',
    tool: 'nessus',
    extensions: CSV_EXT,
    match: anyOf(
      csv('Plugin ID', 'CVE', 'Risk', 'Host', 'Protocol', 'Port', 'Name'),
      csv('Plugin', 'Plugin Name', 'Family', 'Severity', 'IP Address', 'Protocol', 'Port'),
      csv('asset.display_ipv4_address', 'definition.id', 'definition.name')
    )
  },
  {
    id: 'trustwave-csv',
    scanType: 'Trustwave Scan (CSV)',
    format: 'Trustwave CSV',
    tool: 'trustwave',
    extensions: CSV_EXT,
    match: csv('Status', 'IP', 'Target Name', 'Domain', 'Vulnerability Name', 'Remediation', 'Severity', 'Evidence')
  },
  {
    id: 'trustwave-fusion-api',
    scanType: 'Trustwave Fusion API Scan',
    format: 'Trustwave Fusion findings (API)',
    tool: 'trustwave',
    extensions: JSON_EXT,
    match: json(has('items'), onlyKeys('items', 'lastPageNumber', 'pageNumber', 'pageSize', 'sorting', 'totalCount'), at('items', arrayOf({ allowEmpty: true }, has('customerId', 'assetId', 'kb', 'location'))))
  },
  {
    id: 'wapiti-xml',
    scanType: 'Wapiti Scan',
    format: 'Wapiti XML',
    tool: 'wapiti',
    extensions: XML_EXT,
    match: xml('report', child('report_infos'), child('vulnerabilities'))
  },
  {
    id: 'wfuzz-json',
    scanType: 'WFuzz JSON report',
    format: 'wfuzz JSON',
    tool: 'wfuzz',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('chars', 'payload', 'lines', 'words', 'url', 'method'))),
    nameHint: /wfuzz/i
  },
  {
    id: 'whatweb-json',
    scanType: 'WhatWeb Scan',
    format: 'WhatWeb JSON',
    tool: 'whatweb',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('target', 'http_status', 'plugins'))),
    nameHint: /whatweb/i
  },
  {
    id: 'whitehat-sentinel-json',
    scanType: 'WhiteHat Sentinel',
    format: 'WhiteHat Sentinel vulnerabilities (API)',
    tool: 'whitehat',
    extensions: JSON_EXT,
    // {collection: [...]}: the parser rejects an empty collection, so only a non-empty one is a report.
    match: json(has('collection'), at('collection', arrayOf({ allowEmpty: false }, has('class', 'site_name', 'severity'))))
  },
  {
    id: 'wpscan-json',
    scanType: 'Wpscan',
    format: 'WPScan JSON',
    tool: 'wpscan',
    extensions: JSON_EXT,
    match: json(has('banner', 'target_url'), lacks('scan_aborted'), anyOf(has('interesting_findings'), has('version'), has('plugins')))
  },
  {
    id: 'bugcrowd-csv',
    scanType: 'BugCrowd Scan',
    format: 'Bugcrowd submissions CSV',
    tool: 'bugcrowd',
    extensions: CSV_EXT,
    match: csv('reference_number', 'bounty_code', 'title', 'priority', 'vrt_lineage', 'bug_url')
  },
  {
    id: 'bugcrowd-api-json',
    scanType: 'Bugcrowd API Import',
    format: 'Bugcrowd submissions (API)',
    tool: 'bugcrowd',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('id', 'type', 'attributes', 'relationships'), at('type', is('submission'))))
  },
  {
    id: 'cobalt-csv',
    scanType: 'Cobalt.io Scan',
    format: 'Cobalt.io findings CSV',
    tool: 'cobalt',
    extensions: CSV_EXT,
    match: csv('Token', 'Tag', 'Title', 'Type', 'CreatedAt', 'BrowserUrl', 'StepsToReproduce')
  },
  {
    id: 'cobalt-api-json',
    scanType: 'Cobalt.io API Import',
    format: 'Cobalt.io findings (API)',
    tool: 'cobalt',
    extensions: JSON_EXT,
    match: json(has('data'), onlyKeys('data', 'pagination'), at('data', arrayOf({ allowEmpty: true }, has('resource', 'links'), at('resource', has('id', 'severity', 'type_category')))))
  },
  {
    id: 'edgescan-api-json',
    scanType: 'Edgescan Scan',
    format: 'Edgescan vulnerabilities (API)',
    tool: 'edgescan',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('id', 'asset_id', 'name', 'location', 'pci_compliance_status', 'severity')))
  },
  {
    id: 'hackerone-json',
    scanType: 'HackerOne Cases',
    format: 'HackerOne reports',
    tool: 'hackerone',
    extensions: JSON_EXT,
    match: anyOf(
      // API: {data: [{type: "report", attributes, relationships}], links}.
      json(has('data'), hasAfter('data', 'links'), at('data', arrayOf({ allowEmpty: true }, has('attributes', 'relationships'), at('type', is('report'))))),
      // Bug bounty export: {findings: [{id, title, severity_rating, state, substate, weakness, reported_at}]}.
      json(has('findings'), at('findings', arrayOf({ allowEmpty: false }, has('severity_rating', 'substate', 'weakness', 'reported_at'))))
    )
  },
  {
    id: 'hackerone-csv',
    scanType: 'HackerOne Cases',
    format: 'HackerOne bug bounty CSV',
    tool: 'hackerone',
    extensions: CSV_EXT,
    match: csv('id', 'title', 'severity_rating', 'state', 'substate', 'weakness', 'reported_at')
  },
  {
    id: 'risk-recon-findings-json',
    scanType: 'Risk Recon API Importer',
    format: 'RiskRecon findings JSON',
    tool: 'riskrecon',
    extensions: JSON_EXT,
    // {test: true, findings: [RiskRecon API findings]}: with `test` set the parser reads the findings
    // instead of calling the API, and joins every field below into the finding (none may be missing).
    match: json(has('test', 'findings'), at('test', is(true)), at('findings', every({ allowEmpty: true }, has(...RISK_RECON_FIELDS))))
  },
  {
    id: 'vulners-api-json',
    scanType: 'Vulners',
    format: 'Vulners audit (API)',
    tool: 'vulners',
    extensions: JSON_EXT,
    match: json(has('result', 'data'), at('data', anyOf(has('report', 'vulns'), allOf(hasAfter('report', 'vulns'), at('report', arrayOf({ allowEmpty: false }, has('vulnID', 'severity', 'agentip')))))))
  }
])
