// The container lane of the format table: image and cluster scanners (Trivy, Grype, Anchore, Clair…).
import {
  allOf,
  anyOf,
  arrayOf,
  at,
  csv,
  has,
  hasAfter,
  is,
  isNull,
  json,
  keysMatching,
  lacks,
  string,
  valuesOf,
  xlsxHeader,
  xlsxLacksSheets,
  xlsxSheets,
  xlsxHeaderUnread,
  xlsxSheetsUnread
} from '../matchers.js'
import { lane, JSON_EXT, CSV_EXT, gitlab, type FormatRule } from './shared.js'

/** The sheets DefectDojo's DSOP parser opens, by name. */
const DSOP_SHEETS = ['OpenSCAP - DISA Compliance', 'OpenSCAP - OVAL Results', 'Twistlock Vulnerability Results', 'Anchore CVE Results', 'Anchore Compliance Results']

export const CONTAINER: FormatRule[] = lane('container', [
  {
    id: 'trivy-json',
    scanType: 'Trivy Scan',
    format: 'Trivy JSON',
    tool: 'trivy',
    extensions: JSON_EXT,
    // `trivy … --format json` (schema 2): SchemaVersion and ArtifactName; a clean scan has no Results.
    match: json(has('SchemaVersion', 'ArtifactName'), at('SchemaVersion', is(2))),
    nameHint: /trivy/i
  },
  {
    id: 'trivy-k8s-json',
    scanType: 'Trivy Scan',
    format: 'Trivy Kubernetes JSON',
    tool: 'trivy',
    extensions: JSON_EXT,
    // `trivy k8s --format json`: ClusterName with Resources[] (or Vulnerabilities/Misconfigurations by kind).
    match: json(has('ClusterName'), anyOf(has('Resources'), has('Vulnerabilities'), has('Misconfigurations')))
  },
  {
    id: 'trivy-legacy-json',
    scanType: 'Trivy Scan',
    format: 'Trivy JSON (legacy list)',
    tool: 'trivy',
    extensions: JSON_EXT,
    // Trivy < 0.20: a list of {Target, Type, Vulnerabilities}; a clean scan printed null.
    match: json(anyOf(arrayOf({ allowEmpty: false }, has('Target', 'Vulnerabilities')), isNull)),
    nameHint: /trivy/i
  },
  {
    id: 'trivy-operator-json',
    scanType: 'Trivy Operator Scan',
    format: 'Trivy Operator report (CRD)',
    tool: 'trivy-operator',
    extensions: JSON_EXT,
    // Kubernetes objects of the aquasecurity.github.io group (VulnerabilityReport, ConfigAuditReport,
    // ExposedSecretReport, ClusterComplianceReport…), one, a list, or a map keyed by CRD name.
    match: json(
      anyOf(
        at('apiVersion', is(/^aquasecurity\.github\.io\//)),
        arrayOf({ allowEmpty: false }, at('apiVersion', is(/^aquasecurity\.github\.io\//))),
        at('items', arrayOf({ allowEmpty: false }, at('apiVersion', is(/^aquasecurity\.github\.io\//)))),
        keysMatching(/\.aquasecurity\.github\.io$/)
      )
    )
  },
  {
    id: 'anchore-grype-json',
    scanType: 'Anchore Grype',
    format: 'Grype JSON',
    tool: 'grype',
    extensions: JSON_EXT,
    // `grype -o json`: matches[] of {vulnerability, matchDetails, artifact}, source, distro, descriptor {name: grype}.
    match: json(
      has('matches'),
      anyOf(at('descriptor.name', is('grype')), allOf(lacks('descriptor'), at('matches', arrayOf({ allowEmpty: false }, has('vulnerability', 'matchDetails', 'artifact')))))
    )
  },
  {
    id: 'xeol-json',
    scanType: 'Xeol Parser',
    format: 'Xeol JSON',
    tool: 'xeol',
    extensions: JSON_EXT,
    // Grype's sibling for end-of-life: same envelope, descriptor {name: xeol}, matches[] of {Cycle, Package}.
    match: json(has('matches'), anyOf(at('descriptor.name', is('xeol')), at('matches', arrayOf({ allowEmpty: false }, has('Cycle', 'Package')))))
  },
  {
    id: 'anchore-engine-json',
    scanType: 'Anchore Engine Scan',
    format: 'Anchore Engine vulnerabilities JSON',
    tool: 'anchore',
    extensions: JSON_EXT,
    match: anyOf(
      json(has('vulnerabilities'), hasAfter('vulnerabilities', 'vulnerability_type'), anyOf(has('imageDigest'), has('image_digest'))),
      json(has('metadata', 'securityEvaluation'))
    )
  },
  {
    id: 'anchore-enterprise-policy',
    scanType: 'Anchore Enterprise Policy Check',
    format: 'Anchore policy evaluation JSON',
    tool: 'anchore',
    extensions: JSON_EXT,
    // [{"sha256:<digest>": {"<tag>": [{detail: {policy, result: {result…}}, policyId, status}]}}].
    match: json(
      arrayOf(
        { allowEmpty: false },
        keysMatching(/^sha256:[0-9a-f]{64}$/),
        valuesOf({ allowEmpty: false }, valuesOf({ allowEmpty: false }, arrayOf({ allowEmpty: false }, has('detail', 'policyId', 'status'), at('detail.result', has('result')))))
      )
    )
  },
  {
    id: 'anchorectl-policies-json',
    scanType: 'AnchoreCTL Policies Report',
    format: 'anchorectl policy evaluation JSON',
    tool: 'anchorectl',
    extensions: JSON_EXT,
    match: anyOf(
      json(arrayOf({ allowEmpty: true }, has('detail', 'digest', 'finalAction', 'policyId', 'status', 'tag'))),
      json(has('evaluatedTag', 'policyId', 'imageDigest', 'evaluations'))
    ),
    nameHint: /polic/i
  },
  {
    id: 'anchorectl-vulns-json',
    scanType: 'AnchoreCTL Vuln Report',
    format: 'anchorectl image vulnerabilities JSON',
    tool: 'anchorectl',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('feed', 'feedGroup', 'packageName', 'packageVersion', 'severity', 'vuln'))),
    nameHint: /anchore.*vuln|vuln.*anchore|anchorectl/i
  },
  {
    id: 'aqua-json',
    scanType: 'Aqua Scan',
    format: 'Aqua scanner / API JSON',
    tool: 'aqua',
    extensions: JSON_EXT,
    match: anyOf(
      // scannercli: {image, digest, os, resources[], vulnerability_summary, image_assurance_results}.
      json(has('image', 'resources'), hasAfter('resources', 'vulnerability_summary')),
      // Aqua DevOps (CI): [{image_name, results: {…scannercli…}}].
      json(arrayOf({ allowEmpty: false }, has('image_name', 'results'), at('results', has('resources')))),
      // API v1: {image_name, registry, cves[], cves_counts}.
      json(has('image_name', 'cves', 'cves_counts')),
      // API v2 risk vulnerabilities: {count, page, pagesize, result[], query}.
      json(has('count', 'page', 'pagesize', 'result'), at('result', arrayOf({ allowEmpty: true }, has('name', 'aqua_severity'))))
    )
  },
  {
    id: 'clair-json',
    scanType: 'Clair Scan',
    format: 'Clair / clair-scanner JSON',
    tool: 'clair',
    extensions: JSON_EXT,
    match: json(has('image', 'unapproved', 'vulnerabilities'))
  },
  {
    id: 'clair-klar-json',
    scanType: 'Clair Scan',
    format: 'Klar (Clair) JSON',
    tool: 'clair',
    extensions: JSON_EXT,
    // 0197_parser_merge: the Clair Klar parser became this format's part of the Clair one.
    formerly: 'Clair Klar Scan',
    match: json(has('LayerCount', 'Vulnerabilities'))
  },
  {
    id: 'dockle-json',
    scanType: 'Dockle Scan',
    format: 'Dockle JSON',
    tool: 'dockle',
    extensions: JSON_EXT,
    match: json(has('summary', 'details'), at('summary', has('fatal', 'warn', 'info', 'pass')))
  },
  {
    id: 'dockerbench-json',
    scanType: 'docker-bench-security Scan',
    format: 'docker-bench-security JSON',
    tool: 'docker-bench',
    extensions: JSON_EXT,
    match: json(has('dockerbenchsecurity', 'tests'), hasAfter('tests', 'checks', 'score'))
  },
  {
    id: 'hadolint-json',
    scanType: 'Hadolint Dockerfile check',
    format: 'Hadolint JSON',
    tool: 'hadolint',
    extensions: JSON_EXT,
    // `hadolint -f json`: [{line, code, message, column, file, level}]; a clean run prints []. Its
    // codes are strings (DL3008, and SC2086 for the ShellCheck rules it runs), which the parser
    // joins into the title; ShellCheck's own JSON has numbers there and endLine/endColumn/fix.
    match: json(arrayOf({ allowEmpty: true }, has('line', 'code', 'message', 'column', 'file', 'level'), at('code', string), lacks('endLine', 'endColumn', 'fix'))),
    nameHint: /hadolint|dockerfile/i
  },
  {
    id: 'harbor-json',
    scanType: 'Harbor Vulnerability Scan',
    format: 'Harbor vulnerability report',
    tool: 'harbor',
    extensions: JSON_EXT,
    match: anyOf(
      // Keyed by the report MIME type, or the report itself.
      json(keysMatching(/^application\/vnd\.(scanner\.adapter|security)\.vuln/)),
      json(has('generated_at', 'scanner', 'severity', 'vulnerabilities'), at('scanner', has('name', 'vendor', 'version')))
    )
  },
  {
    id: 'jfrog-xray-json',
    scanType: 'JFrog Xray Scan',
    format: 'JFrog Xray violations JSON',
    tool: 'jfrog-xray',
    extensions: JSON_EXT,
    match: json(has('total_count', 'data'), at('data', arrayOf({ allowEmpty: true }, has('component', 'issue_type', 'provider'))))
  },
  {
    id: 'jfrog-xray-unified-json',
    scanType: 'JFrog Xray Unified Scan',
    format: 'JFrog Xray vulnerabilities report',
    tool: 'jfrog-xray',
    extensions: JSON_EXT,
    match: json(has('total_rows', 'rows'), at('rows', arrayOf({ allowEmpty: true }, has('vulnerable_component', 'impacted_artifact', 'issue_id'))))
  },
  {
    id: 'jfrog-xray-summary-artifact-json',
    scanType: 'JFrog Xray API Summary Artifact Scan',
    format: 'JFrog Xray summary/artifact (API)',
    tool: 'jfrog-xray',
    extensions: JSON_EXT,
    match: json(has('artifacts'), at('artifacts', arrayOf({ allowEmpty: true }, has('general', 'issues'))))
  },
  {
    id: 'jfrog-xray-on-demand-json',
    scanType: 'JFrog Xray On Demand Binary Scan',
    format: 'jf scan JSON',
    tool: 'jfrog-xray',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('scan_id', 'component_id', 'package_type', 'status')))
  },
  {
    id: 'neuvector-json',
    scanType: 'NeuVector (REST)',
    format: 'NeuVector scan report (REST)',
    tool: 'neuvector',
    extensions: JSON_EXT,
    match: json(has('report'), lacks('apiVersion', 'kind', 'metadata'), at('report', has('vulnerabilities')), at(
        'report',
        anyOf(
          has('modules'),
          has('checks'),
          has('registry'),
          has('repository'),
          // A long vulnerability list cut before modules, checks …: the vulnerabilities' own shape.
          allOf(hasAfter('vulnerabilities', 'modules'), at('vulnerabilities', arrayOf({ allowEmpty: false }, has('name', 'severity', 'package_name', 'package_version'))))
        )
      )
    )
  },
  {
    id: 'neuvector-compliance-json',
    scanType: 'NeuVector (compliance)',
    format: 'NeuVector compliance report',
    tool: 'neuvector',
    extensions: JSON_EXT,
    match: json(has('items'), anyOf(has('kubernetes_cis_version'), has('docker_cis_version')))
  },
  {
    id: 'twistlock-json',
    scanType: 'Twistlock Image Scan',
    format: 'twistcli / Prisma Cloud JSON',
    tool: 'twistlock',
    extensions: JSON_EXT,
    // `twistcli images scan --output-file`: {results: [{id, distro|name, vulnerabilities, compliances, …}]}.
    match: json(has('results'), at('results', arrayOf({ allowEmpty: false }, has('id'), anyOf(has('vulnerabilities'), has('compliances')), anyOf(has('distro'), has('vulnerabilityDistribution')))))
  },
  {
    id: 'twistlock-csv',
    scanType: 'Twistlock Image Scan',
    format: 'Prisma Cloud (Twistlock) CSV',
    tool: 'twistlock',
    extensions: CSV_EXT,
    match: csv('Registry', 'Repository', 'Tag', 'Id', 'Distro', 'CVE ID', 'Compliance ID', 'Severity', 'Packages')
  },
  {
    id: 'gitlab-container-scanning',
    scanType: 'GitLab Container Scan',
    format: 'GitLab container scanning report',
    tool: 'gitlab-container-scanning',
    extensions: JSON_EXT,
    match: gitlab('container_scanning')
  },
  {
    id: 'gcloud-artifact-scan-json',
    scanType: 'Google Cloud Artifact Vulnerability Scan',
    format: 'gcloud artifacts docker images describe --show-package-vulnerability',
    tool: 'gcloud',
    extensions: JSON_EXT,
    match: json(has('image_summary', 'package_vulnerability_summary'))
  },
  {
    id: 'sysdig-cli-json',
    scanType: 'Sysdig CLI Report',
    format: 'sysdig-cli-scanner JSON',
    tool: 'sysdig',
    extensions: JSON_EXT,
    match: json(has('info', 'scanner', 'result'), at('result', has('metadata', 'packages')))
  },
  {
    id: 'sysdig-cli-csv',
    scanType: 'Sysdig CLI Report',
    format: 'sysdig-cli-scanner CSV',
    tool: 'sysdig',
    extensions: CSV_EXT,
    match: csv('CVE ID', 'CVE Severity', 'Package Name', 'Package Version', 'Package Path', 'Fix Version')
  },
  {
    id: 'sysdig-reports-json',
    scanType: 'Sysdig Vulnerability Report',
    format: 'Sysdig vulnerability report JSON',
    tool: 'sysdig',
    extensions: JSON_EXT,
    match: anyOf(
      json(has('data'), at('data', arrayOf({ allowEmpty: false }, has('vulnName', 'vulnSeverity', 'packageName')))),
      // Report definitions with their data: {name, schedule, zones, panels: [{type, filters, data}]}.
      json(has('schedule', 'zones', 'panels'), at('panels', arrayOf({ allowEmpty: false }, has('type', 'filters', 'data'))))
    )
  },
  {
    id: 'sysdig-reports-csv',
    scanType: 'Sysdig Vulnerability Report',
    format: 'Sysdig vulnerability report CSV',
    tool: 'sysdig',
    extensions: CSV_EXT,
    match: anyOf(
      csv('Vulnerability ID', 'Severity', 'Package name', 'Package version', 'Package type', 'Package path', 'Image'),
      csv('Vulnerability Name', 'Vulnerability Severity', 'Package Name', 'Package Version', 'Package Type', 'Image Name')
    )
  },
  {
    id: 'wizcli-img-json',
    scanType: 'Wizcli Img Scan',
    format: 'wizcli docker scan JSON',
    tool: 'wizcli',
    extensions: JSON_EXT,
    // wizcli's JSON names its scan origin: a container image, a directory, or IaC files.
    match: json(has('scanOriginResource', 'result', 'policies'), at('scanOriginResource.__typename', is('CICDScanOriginContainerImage')))
  },
  // Excel workbooks: two parsers read .xlsx. DSOP's opens five named sheets (and fails without any of
  // them); Deepfence's reads the active sheet by its header row.
  {
    id: 'dsop-xlsx',
    scanType: 'DSOP Scan',
    format: 'DSOP Excel',
    tool: 'dsop',
    extensions: ['.xlsx'],
    match: xlsxSheets(...DSOP_SHEETS),
    nameHint: /dsop/i
  },
  {
    id: 'deepfence-xlsx',
    scanType: 'Deepfence Threatmapper Report',
    format: 'Deepfence ThreatMapper Excel',
    tool: 'threatmapper',
    extensions: ['.xlsx'],
    // The header columns by which the parser tells a malware, secret, vulnerability or compliance
    // report (the old and the new export); any other sheet it reads as no findings.
    match: allOf(
      xlsxLacksSheets(DSOP_SHEETS[0]!),
      anyOf(
        xlsxHeader('Rule Name', 'Class'),
        xlsxHeader('Rule Name', 'Node Type'),
        xlsxHeader('Filename', 'Content'),
        xlsxHeader('cve_id', 'cve_attack_vector'),
        xlsxHeader('CVE ID', 'Attack Vector'),
        xlsxHeader('compliance_check_type', 'test_number'),
        xlsxHeader('Compliance Standard', 'Control ID')
      )
    ),
    nameHint: /deepfence|threat.?mapper/i
  },
  {
    id: 'deepfence-xlsx-unread',
    scanType: 'Deepfence Threatmapper Report',
    format: 'Excel workbook',
    tool: 'threatmapper',
    extensions: ['.xlsx'],
    // A workbook whose sheet list or header row lies beyond the bounded read: only a name can say.
    match: anyOf(xlsxSheetsUnread, allOf(xlsxHeaderUnread, xlsxLacksSheets(DSOP_SHEETS[0]!))),
    nameHint: /deepfence|threat.?mapper/i
  },
  {
    id: 'dsop-xlsx-unread',
    scanType: 'DSOP Scan',
    format: 'Excel workbook',
    tool: 'dsop',
    extensions: ['.xlsx'],
    match: xlsxSheetsUnread,
    nameHint: /dsop/i
  }
])
