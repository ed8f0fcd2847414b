// The IaC lane of the format table: infrastructure-as-code and Kubernetes configuration checks.
import {
  allOf,
  anyOf,
  arrayOf,
  at,
  has,
  hasAfter,
  is,
  isNull,
  json,
  not,
  onlyKeys,
  valuesOf
} from '../matchers.js'
import { CHECKOV_FAILED } from './failed-runs.js'
import { lane, JSON_EXT, objectOrLines, type FormatRule } from './shared.js'

export const IAC: FormatRule[] = lane('iac', [
  {
    id: 'checkov-json',
    scanType: 'Checkov Scan',
    format: 'Checkov JSON',
    tool: 'checkov',
    extensions: JSON_EXT,
    // `checkov -o json`: one {check_type, results: {passed_checks, failed_checks}, summary} per framework
    // (a single object, or a list when several frameworks ran); a run with nothing to scan prints the
    // bare summary {passed, failed, skipped, parsingerrors, resourcecount, checkov_version}.
    match: json(
      anyOf(
        allOf(has('check_type', 'results'), at('results', anyOf(has('failed_checks'), has('passed_checks')))),
        arrayOf({ allowEmpty: false }, has('check_type', 'results'), at('results', anyOf(has('failed_checks'), has('passed_checks')))),
        allOf(has('passed', 'failed', 'skipped', 'checkov_version'), not(CHECKOV_FAILED))
      )
    )
  },
  {
    id: 'kics-json',
    scanType: 'KICS Scan',
    format: 'KICS JSON',
    tool: 'kics',
    extensions: JSON_EXT,
    // The parser needs "queries" (scan-types.tsv notes: missing → 500).
    match: json(has('queries', 'files_scanned', 'queries_total'))
  },
  {
    id: 'tfsec-json',
    scanType: 'TFSec Scan',
    format: 'tfsec JSON',
    tool: 'tfsec',
    extensions: JSON_EXT,
    match: json(has('results'), onlyKeys('results'), at('results', anyOf(isNull, arrayOf({ allowEmpty: true }, has('rule_id', 'location', 'severity'))))),
    nameHint: /tfsec/i
  },
  {
    id: 'terrascan-json',
    scanType: 'Terrascan Scan',
    format: 'Terrascan JSON',
    tool: 'terrascan',
    extensions: JSON_EXT,
    match: json(has('results'), at('results', has('violations'), hasAfter('violations', 'scan_summary')))
  },
  {
    id: 'cfn-lint-json',
    scanType: 'cfn-lint Scan',
    format: 'cfn-lint JSON',
    tool: 'cfn-lint',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('Filename', 'Level', 'Location', 'Message', 'Rule'))),
    nameHint: /cfn.?lint/i
  },
  {
    id: 'cfn-nag-json',
    scanType: 'cfn-nag Scan',
    format: 'cfn_nag JSON',
    tool: 'cfn-nag',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('filename', 'file_results'), at('file_results', has('violations'))))
  },
  {
    id: 'conftest-json',
    scanType: 'Conftest Scan',
    format: 'conftest JSON',
    tool: 'conftest',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('filename', 'namespace', 'successes')))
  },
  {
    id: 'kube-bench-json',
    scanType: 'kube-bench Scan',
    format: 'kube-bench JSON',
    tool: 'kube-bench',
    extensions: JSON_EXT,
    match: json(anyOf(has('Controls', 'Totals'), arrayOf({ allowEmpty: false }, has('id', 'version', 'text', 'node_type', 'tests'))))
  },
  {
    id: 'kubeaudit-json',
    scanType: 'Kubeaudit Scan',
    format: 'kubeaudit JSON lines',
    tool: 'kubeaudit',
    extensions: JSON_EXT,
    match: objectOrLines(has('AuditResultName', 'ResourceKind', 'level', 'msg'))
  },
  {
    id: 'kubehunter-json',
    scanType: 'KubeHunter Scan',
    format: 'kube-hunter JSON',
    tool: 'kube-hunter',
    extensions: JSON_EXT,
    match: json(has('nodes', 'services', 'vulnerabilities'))
  },
  {
    id: 'kubelinter-json',
    scanType: 'KubeLinter Scan',
    format: 'kube-linter JSON',
    tool: 'kube-linter',
    extensions: JSON_EXT,
    match: json(has('Checks', 'Reports'), hasAfter('Reports', 'Summary'))
  },
  {
    id: 'kubescape-json',
    scanType: 'Kubescape JSON Importer',
    format: 'Kubescape JSON',
    tool: 'kubescape',
    extensions: JSON_EXT,
    match: json(has('generationTime', 'customerGUID', 'reportGUID'), anyOf(has('resources'), has('results'), has('summaryDetails')))
  },
  {
    id: 'polaris-json',
    scanType: 'Polaris Scan',
    format: 'Polaris audit JSON',
    tool: 'polaris',
    extensions: JSON_EXT,
    match: json(has('PolarisOutputVersion', 'Results'))
  },
  {
    id: 'popeye-json',
    scanType: 'Popeye Scan',
    format: 'Popeye JSON',
    tool: 'popeye',
    extensions: JSON_EXT,
    match: json(has('popeye'), at('popeye', has('score', 'grade')), at('popeye', anyOf(has('sanitizers'), has('sections'))))
  },
  {
    id: 'openreports-json',
    scanType: 'OpenReports',
    format: 'OpenReports (PolicyReport) JSON',
    tool: 'openreports',
    extensions: JSON_EXT,
    match: json(
      anyOf(
        at('apiVersion', is(/^(openreports\.io|wgpolicyk8s\.io)\//)),
        at('items', arrayOf({ allowEmpty: false }, at('apiVersion', is(/^(openreports\.io|wgpolicyk8s\.io)\//))))
      )
    )
  },
  {
    id: 'wizcli-iac-json',
    scanType: 'Wizcli IaC Scan',
    format: 'wizcli iac scan JSON',
    tool: 'wizcli',
    extensions: JSON_EXT,
    match: json(has('scanOriginResource', 'result', 'policies'), at('scanOriginResource.__typename', is('CICDScanOriginIAC')))
  },
  {
    id: 'wizcli-dir-json',
    scanType: 'Wizcli Dir Scan',
    format: 'wizcli dir scan JSON',
    tool: 'wizcli',
    extensions: JSON_EXT,
    match: json(has('scanOriginResource', 'result', 'policies'), at('scanOriginResource.__typename', is('CICDScanOriginDirectory')))
  },
  {
    id: 'legitify-json',
    scanType: 'Legitify Scan',
    format: 'Legitify JSON',
    tool: 'legitify',
    extensions: JSON_EXT,
    match: json(has('type', 'content'), at('content', valuesOf({ allowEmpty: true }, has('policyInfo', 'violations'))))
  }
])
