// The SCA lane of the format table: dependency audits (npm, pip, Snyk, Dependency-Check…).
import {
  allOf,
  anyLine,
  anyOf,
  array,
  arrayOf,
  at,
  attr,
  child,
  csv,
  every,
  everyValue,
  has,
  hasAfter,
  is,
  isNull,
  json,
  keysMatching,
  lacks,
  noLine,
  not,
  number,
  object,
  oneOf,
  onlyKeys,
  some,
  string,
  textLines,
  valuesOf,
  xml,
  zip,
  zipLacks,
  type JsonCondition
} from '../matchers.js'
import { lane, JSON_EXT, XML_EXT, CSV_EXT, TXT_EXT, objectOrLines, gitlab, type FormatRule } from './shared.js'

/** A `snyk test --json` project: its keys, or (cut by the head) Snyk's vulnerability items. */
const SNYK_PROJECT = anyOf(
  has('vulnerabilities', 'ok', 'dependencyCount', 'packageManager'),
  at('vulnerabilities', arrayOf({ allowEmpty: false }, has('id', 'from', 'upgradePath', 'isUpgradable', 'packageName')))
)

/** A npm 7+ vulnerability's `via`: package names, or advisories of which the parser reads the first's cwe and cvss. */
const NPM7_VIA = at('via', anyOf(arrayOf({ allowEmpty: true }, string), arrayOf({ allowEmpty: false }, has('title', 'url', 'source', 'cwe', 'cvss'))))

/** Exactly two lists (Checkmarx OSA's [vulnerabilities, libraries]). */
const PAIR_OF_LISTS: JsonCondition = (value) => (Array.isArray(value) && value.length === 2 && value.every(Array.isArray) ? ['a pair of lists'] : null)

export const SCA: FormatRule[] = lane('sca', [
  {
    id: 'npm-audit-v6',
    scanType: 'NPM Audit Scan',
    format: 'npm audit JSON (npm 6)',
    tool: 'npm',
    extensions: JSON_EXT,
    // npm ≤ 6: actions[], advisories{id: {id, title, module_name, findings…}}, muted, metadata. npm ≥ 7
    // prints auditReportVersion instead.
    match: json(
      has('actions'),
      lacks('auditReportVersion'),
      anyOf(
        allOf(has('advisories'), hasAfter('advisories', 'metadata'), at('advisories', valuesOf({ allowEmpty: true }, has('id', 'title', 'module_name', 'findings')))),
        // `actions` can be long too: with advisories beyond the head, the actions' own shape is the evidence.
        allOf(hasAfter('actions', 'advisories', 'metadata'), at('actions', arrayOf({ allowEmpty: false }, has('action', 'module', 'resolves'))))
      )
    ),
    // audit-ci prints this same format for yarn projects, and the Yarn parser reads it.
    alsoReadBy: [{ scanType: 'Yarn Audit Scan' }]
  },
  {
    id: 'npm-audit-v7',
    scanType: 'NPM Audit v7+ Scan',
    format: 'npm audit JSON (npm 7+)',
    tool: 'npm',
    extensions: JSON_EXT,
    // npm ≥ 7: auditReportVersion 2, vulnerabilities{name: {name, severity, via, effects, range, nodes}}, metadata.
    // The parser reads the first `via` advisory's cwe and cvss (later npm 7 releases write them).
    match: json(has('auditReportVersion', 'vulnerabilities'), hasAfter('vulnerabilities', 'metadata'), at('vulnerabilities', everyValue({ allowEmpty: true }, has('name', 'severity', 'via', 'range', 'nodes', 'fixAvailable'), NPM7_VIA)))
  },
  {
    id: 'npm-audit-v7-early',
    scanType: null,
    format: 'npm audit JSON (early npm 7)',
    tool: 'npm',
    extensions: JSON_EXT,
    // Early npm 7 releases wrote `via` advisories without cwe and cvss.
    match: json(has('auditReportVersion', 'vulnerabilities'), at('vulnerabilities', some(at('via', arrayOf({ allowEmpty: false }, object, not(has('cwe', 'cvss'))))))),
    reason: 'an early npm 7 audit report (its advisories carry no cwe and cvss): `NPM Audit v7+ Scan` needs them and `NPM Audit Scan` reads npm 6 only; run `npm audit --json` with a current npm'
  },
  {
    id: 'pnpm-audit',
    scanType: 'pnpm Audit Scan',
    format: 'pnpm audit JSON',
    tool: 'pnpm',
    extensions: JSON_EXT,
    // `pnpm audit --json`: advisories{id: {module_name, findings, github_advisory_id, …}} and metadata, no actions.
    match: json(has('advisories'), hasAfter('advisories', 'metadata'), lacks('actions', 'auditReportVersion'), at('advisories', valuesOf({ allowEmpty: true }, has('module_name', 'findings', 'severity')))),
    nameHint: /pnpm/i
  },
  {
    id: 'yarn-audit-jsonl',
    scanType: 'Yarn Audit Scan',
    format: 'yarn audit JSON lines (yarn 1)',
    tool: 'yarn',
    extensions: JSON_EXT,
    // `yarn audit --json`: {"type": "auditAdvisory" | "auditSummary", "data": …} lines, no error line.
    match: allOf(anyLine(at('type', oneOf('auditAdvisory', 'auditSummary')), has('data')), noLine(at('type', is('error'))))
  },
  {
    id: 'yarn-berry-audit',
    scanType: 'Yarn Audit Scan',
    format: 'yarn npm audit JSON (yarn 2+)',
    tool: 'yarn',
    extensions: JSON_EXT,
    // `yarn npm audit --json`: one {value, children: {ID, Issue, Severity, "Vulnerable Versions"}} per line.
    match: objectOrLines(has('value', 'children'), at('children', has('Issue', 'Severity', 'Vulnerable Versions')))
  },
  {
    id: 'nsp-json',
    scanType: 'Node Security Platform Scan',
    format: 'nsp check JSON',
    tool: 'nsp',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('module', 'version', 'vulnerable_versions', 'patched_versions', 'advisory', 'cvss_score'))),
    nameHint: /nsp/i
  },
  {
    id: 'auditjs-json',
    scanType: 'AuditJS Scan',
    format: 'AuditJS JSON',
    tool: 'auditjs',
    extensions: JSON_EXT,
    // `auditjs ossi --json`: [{coordinates, description, reference, vulnerabilities[]}] (OSS Index).
    match: json(arrayOf({ allowEmpty: true }, has('coordinates', 'reference', 'vulnerabilities'))),
    nameHint: /auditjs/i
  },
  {
    id: 'retirejs-json',
    scanType: 'Retire.js Scan',
    format: 'Retire.js JSON',
    tool: 'retire',
    extensions: JSON_EXT,
    match: json(has('version', 'data'), hasAfter('data', 'messages', 'errors'), at('data', arrayOf({ allowEmpty: true }, has('file', 'results'))))
  },
  {
    id: 'retirejs-jsonsimple',
    scanType: 'Retire.js Scan',
    format: 'Retire.js JSON (jsonsimple)',
    tool: 'retire',
    extensions: JSON_EXT,
    // `retire --outputformat jsonsimple`: the bare list of {file, results: [{component, version,
    // vulnerabilities: [{severity, info, identifiers}]}]} that the json format wraps in `data`.
    match: json(arrayOf({ allowEmpty: true }, has('file', 'results'), at('results', every({ allowEmpty: true }, has('component', 'version'), anyOf(lacks('vulnerabilities'), at('vulnerabilities', every({ allowEmpty: true }, has('severity', 'info')))))))),
    nameHint: /retire/i
  },
  {
    id: 'composer-audit-json',
    scanType: 'Composer Audit Scan',
    format: 'composer audit JSON',
    tool: 'composer',
    extensions: JSON_EXT,
    match: json(
      lacks('metadata'),
      anyOf(
        has('advisories', 'abandoned'),
        // A long advisories map cut before `abandoned`: composer's package → [advisory] shape, not npm's or pnpm's id → advisory.
        allOf(hasAfter('advisories', 'abandoned'), at('advisories', valuesOf({ allowEmpty: false }, arrayOf({ allowEmpty: false }, has('advisoryId', 'packageName')))))
      )
    )
  },
  {
    id: 'php-symfony-security-check',
    scanType: 'PHP Symfony Security Check',
    format: 'Symfony security:check JSON',
    tool: 'symfony',
    extensions: JSON_EXT,
    // {"vendor/package": {version, advisories[]}}; a clean run prints {} (not recognisable).
    match: json(keysMatching(/^[\w.-]+\/[\w.-]+$/), valuesOf({ allowEmpty: false }, has('version', 'advisories')))
  },
  {
    id: 'bundler-audit-json',
    scanType: 'Bundler-Audit Scan',
    format: 'bundler-audit JSON',
    tool: 'bundler-audit',
    extensions: JSON_EXT,
    match: json(has('version', 'created_at', 'results'), at('results', arrayOf({ allowEmpty: true }, has('type', 'gem', 'advisory'))))
  },
  {
    id: 'bundler-audit-text',
    scanType: 'Bundler-Audit Scan',
    format: 'bundler-audit text',
    tool: 'bundler-audit',
    extensions: TXT_EXT,
    // `bundle-audit check` text: blocks of "Name: … / Version: … / Advisory: …|CVE: … / Criticality: …".
    match: textLines(/^Name: \S+\r?\nVersion: \S+\r?\n((Advisory|CVE|GHSA|OSVDB): .+\r?\n)+Criticality: /m)
  },
  {
    id: 'cargo-audit-json',
    scanType: 'CargoAudit Scan',
    format: 'cargo audit JSON',
    tool: 'cargo-audit',
    extensions: JSON_EXT,
    match: json(has('database', 'lockfile', 'vulnerabilities'), at('vulnerabilities', has('found', 'list')))
  },
  {
    id: 'mix-audit-json',
    scanType: 'Mix Audit Scan',
    format: 'mix_audit JSON',
    tool: 'mix-audit',
    extensions: JSON_EXT,
    match: json(has('pass', 'vulnerabilities'), at('vulnerabilities', arrayOf({ allowEmpty: true }, has('dependency', 'advisory'))))
  },
  {
    id: 'pip-audit-json',
    scanType: 'pip-audit Scan',
    format: 'pip-audit JSON',
    tool: 'pip-audit',
    extensions: JSON_EXT,
    // `pip-audit -f json`: {dependencies: [{name, version, vulns}], fixes} (older: the bare list).
    match: anyOf(
      json(has('dependencies'), onlyKeys('dependencies', 'fixes'), at('dependencies', arrayOf({ allowEmpty: true }, has('name', 'version', 'vulns')))),
      json(arrayOf({ allowEmpty: true }, has('name', 'version', 'vulns')))
    ),
    nameHint: /pip.?audit/i
  },
  {
    id: 'dotnet-vulnerable-json',
    scanType: 'Dotnet Vulnerable Packages Scan',
    format: 'dotnet list package --vulnerable --format json',
    tool: 'dotnet',
    extensions: JSON_EXT,
    match: json(has('version', 'parameters', 'sources', 'projects'), at('projects', arrayOf({ allowEmpty: true }, has('path'))))
  },
  {
    id: 'govulncheck-json',
    scanType: 'Govulncheck Scanner',
    format: 'govulncheck -json',
    tool: 'govulncheck',
    extensions: JSON_EXT,
    // The stream of messages ({config}, {progress}, {osv}, {finding}), pretty-printed or as a list,
    // or the vulncheck result of releases before 0.1: {Calls, Imports, Requires, Vulns, Modules},
    // whose call graph may fill the head before Vulns (the parser follows CallSink and RequireSink).
    match: anyOf(
      anyLine(at('config', has('scanner_name')), at('config.scanner_name', is('govulncheck'))),
      json(arrayOf({ allowEmpty: false }, at('config.scanner_name', is('govulncheck')))),
      json(at('config.scanner_name', is('govulncheck'))),
      json(has('Calls', 'Imports', 'Requires'), at('Calls', has('Functions')), anyOf(lacks('Vulns'), at('Vulns', anyOf(isNull, every({ allowEmpty: true }, has('OSV', 'CallSink', 'RequireSink')))))),
      json(has('Calls'), at('Calls.Functions', valuesOf({ allowEmpty: false }, has('ID', 'Name', 'PkgPath', 'CallSites'))))
    ),
    // V2 reads the stream only (the vulncheck result as no findings): V1 reads both.
    alsoReadBy: [{ scanType: 'Govulncheck Scanner V2' }]
  },
  {
    id: 'govulncheck-0.1-json',
    scanType: null,
    format: 'govulncheck -json (0.1, 0.2)',
    tool: 'govulncheck',
    extensions: JSON_EXT,
    // govulncheck 0.1 and 0.2 printed {Vulns: [{OSV, Modules: [{Path, FoundVersion, Packages}]}]}.
    match: json(has('Vulns'), lacks('Calls', 'Requires'), at('Vulns', arrayOf({ allowEmpty: false }, has('OSV', 'Modules')))),
    reason: 'govulncheck 0.1/0.2 output: `Govulncheck Scanner` reads the JSON of govulncheck 1.x and of releases before 0.1 (this one makes it fail) and `Govulncheck Scanner V2` reads it as no findings; run a current govulncheck with -json'
  },
  {
    id: 'nancy-json',
    scanType: 'Nancy Scan',
    format: 'nancy sleuth JSON',
    tool: 'nancy',
    extensions: JSON_EXT,
    match: json(
      anyOf(
        has('audited', 'vulnerable', 'num_audited', 'num_vulnerable'),
        // `audited` lists every dependency and comes first: the counts may lie beyond the head.
        allOf(hasAfter('audited', 'vulnerable', 'num_audited', 'num_vulnerable'), at('audited', arrayOf({ allowEmpty: false }, has('Coordinates', 'Reference', 'Vulnerabilities'))))
      )
    )
  },
  {
    id: 'osv-scanner-json',
    scanType: 'OSV Scan',
    format: 'osv-scanner JSON',
    tool: 'osv-scanner',
    extensions: JSON_EXT,
    match: json(has('results'), onlyKeys('results', 'experimental_config'), at('results', arrayOf({ allowEmpty: true }, has('source', 'packages')))),
    nameHint: /osv/i
  },
  {
    id: 'ossindex-devaudit-json',
    scanType: 'OssIndex Devaudit SCA Scan Importer',
    format: 'DevAudit JSON',
    tool: 'devaudit',
    extensions: JSON_EXT,
    match: json(has('Packages Audited', 'Vulnerabilities Found', 'Packages'))
  },
  {
    id: 'dependency-check-xml',
    scanType: 'Dependency Check Scan',
    format: 'OWASP Dependency-Check XML',
    tool: 'dependency-check',
    extensions: XML_EXT,
    match: xml('analysis', attr('xmlns', /dependency-?check/i), anyOf(child('scanInfo'), child('dependencies')))
  },
  {
    id: 'dependency-track-fpf',
    scanType: 'Dependency Track Finding Packaging Format (FPF) Export',
    format: 'Dependency-Track FPF',
    tool: 'dependency-track',
    extensions: ['.json'],
    // Finding Packaging Format: {version, meta: {application: "Dependency-Track"}, project, findings[]}.
    match: json(has('meta'), hasAfter('findings', 'version', 'project'), at('meta.application', is('Dependency-Track')))
  },
  {
    id: 'gitlab-dependency-scanning',
    scanType: 'GitLab Dependency Scanning Report',
    format: 'GitLab dependency scanning report',
    tool: 'gitlab-dependency-scanning',
    extensions: JSON_EXT,
    match: anyOf(gitlab('dependency_scanning'), json(has('version', 'vulnerabilities', 'dependency_files'), lacks('scan')))
  },
  {
    id: 'github-dependabot-graphql',
    scanType: 'Github Vulnerability Scan',
    format: 'GitHub vulnerability alerts (GraphQL)',
    tool: 'github',
    extensions: JSON_EXT,
    // GraphQL {data: {repository: {vulnerabilityAlerts}}} or {data: {search: {nodes}}}.
    match: json(has('data'), anyOf(at('data.repository.vulnerabilityAlerts', object), at('data.search.nodes', array), at('data.repository.search.nodes', array)))
  },
  {
    id: 'mend-json',
    scanType: 'Mend Scan',
    format: 'Mend (WhiteSource) JSON',
    tool: 'mend',
    extensions: JSON_EXT,
    match: anyOf(
      // Unified agent / API report: vulnerabilities[] of {name, type, severity, library, project}.
      json(has('vulnerabilities'), lacks('version', 'bomFormat', 'pass'), at('vulnerabilities', arrayOf({ allowEmpty: false }, has('name', 'severity', 'library')))),
      // CLI report: projectVitals, libraries[] with vulnerabilities.
      json(has('projectVitals', 'libraries')),
      // Platform API 3.0: {supportToken, response: [{component, vulnerability, …}], additionalData}.
      json(has('supportToken', 'response', 'additionalData'))
    )
  },
  {
    id: 'meterian-json',
    scanType: 'Meterian Scan',
    format: 'Meterian JSON',
    tool: 'meterian',
    extensions: JSON_EXT,
    match: json(has('url', 'timestamp', 'scores', 'reports'), at('reports', has('security')))
  },
  {
    id: 'snyk-json',
    scanType: 'Snyk Scan',
    format: 'snyk test --json',
    tool: 'snyk',
    extensions: JSON_EXT,
    // One project {vulnerabilities, ok, dependencyCount, org, packageManager, …} or an array of them (--all-projects).
    // A big project's vulnerabilities[] fills the head before the other keys: its items tell then.
    match: json(anyOf(SNYK_PROJECT, arrayOf({ allowEmpty: false }, SNYK_PROJECT)))
  },
  {
    id: 'snyk-issue-api',
    scanType: 'Snyk Issue API Scan',
    format: 'Snyk REST issues (API)',
    tool: 'snyk',
    extensions: JSON_EXT,
    // JSON:API document {jsonapi, data: [{type: "issue", attributes}]}.
    match: json(has('jsonapi', 'data'), at('data', arrayOf({ allowEmpty: true }, has('attributes'), at('type', is('issue')))))
  },
  {
    id: 'sonatype-json',
    scanType: 'Sonatype Application Scan',
    format: 'Sonatype Lifecycle report JSON',
    tool: 'sonatype',
    extensions: JSON_EXT,
    match: json(has('components'), hasAfter('components', 'matchSummary'), at('components', arrayOf({ allowEmpty: true }, has('hash', 'componentIdentifier'))))
  },
  {
    id: 'veracode-sca-json',
    scanType: 'Veracode SourceClear Scan',
    format: 'Veracode SCA issues (API)',
    tool: 'veracode-sca',
    extensions: JSON_EXT,
    match: json(at('_embedded.issues', arrayOf({ allowEmpty: true }, has('issue_type', 'severity', 'library'))))
  },
  {
    id: 'veracode-sca-csv',
    scanType: 'Veracode SourceClear Scan',
    format: 'Veracode SCA CSV',
    tool: 'veracode-sca',
    extensions: CSV_EXT,
    match: csv('Issue ID', 'Issue type', 'Library', 'Version in use', 'Package manager')
  },
  {
    id: 'kiuwan-sca-json',
    scanType: 'Kiuwan SCA Scan',
    format: 'Kiuwan Insights JSON',
    tool: 'kiuwan',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('cve', 'cwe', 'securityRisk', 'components'))),
    nameHint: /kiuwan/i
  },
  {
    id: 'scantist-json',
    scanType: 'Scantist Scan',
    format: 'Scantist JSON',
    tool: 'scantist',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: true }, has('Public ID', 'Library', 'Library Version', 'Issue Type'))),
    nameHint: /scantist/i
  },
  {
    id: 'checkmarx-osa-json',
    scanType: 'Checkmarx OSA',
    format: 'Checkmarx OSA (CxOSA) JSON',
    tool: 'checkmarx-osa',
    extensions: JSON_EXT,
    // [[vulnerabilities…], [libraries…]]: a pair of lists, the first of {cveName, severity, state, …}.
    match: json(PAIR_OF_LISTS, arrayOf({ allowEmpty: false }, arrayOf({ allowEmpty: true }, has('cveName', 'severity', 'state', 'libraryId')))),
    nameHint: /osa|checkmarx/i
  },
  {
    id: 'blackduck-csv',
    scanType: 'Blackduck Hub Scan',
    format: 'Black Duck security CSV',
    tool: 'blackduck',
    extensions: CSV_EXT,
    match: anyOf(
      csv('Project name', 'Version', 'Vulnerability id', 'Description', 'Base score', 'Remediation status'),
      csv('Component name', 'Component version name', 'Vulnerability id', 'Description', 'Base score')
    )
  },
  {
    id: 'blackduck-zip',
    scanType: 'Blackduck Hub Scan',
    format: 'Black Duck report zip',
    tool: 'blackduck',
    extensions: ['.zip'],
    // Project version report: security.csv with files.csv/source.csv (component locations).
    match: allOf(zip(/(^|\/)security(_[\d_-]+)?\.csv$/, /(^|\/)(files|source)(_[\d_-]+)?\.csv$/))
  },
  {
    id: 'blackduck-component-risk-zip',
    scanType: 'Blackduck Component Risk',
    format: 'Black Duck component risk zip',
    tool: 'blackduck',
    extensions: ['.zip'],
    match: allOf(zip(/(^|\/)components(_[\d_-]+)?\.csv$/, /(^|\/)security(_[\d_-]+)?\.csv$/), zipLacks(/(^|\/)(files|source)(_[\d_-]+)?\.csv$/))
  },
  {
    id: 'blackduck-binary-analysis-csv',
    scanType: 'Blackduck Binary Analysis',
    format: 'Black Duck Binary Analysis CSV',
    tool: 'blackduck',
    extensions: CSV_EXT,
    match: csv('Component', 'Version', 'Latest version', 'CVE', 'Matching type', 'Object', 'Object full path')
  },
  {
    id: 'blackduck-api-json',
    scanType: 'BlackDuck API',
    format: 'Black Duck vulnerable BOM components (API)',
    tool: 'blackduck',
    extensions: JSON_EXT,
    match: json(arrayOf({ allowEmpty: false }, has('componentName', 'componentVersionName', 'vulnerabilityWithRemediation')))
  },
  {
    id: 'ort-evaluated-model',
    scanType: 'ORT evaluated model Importer',
    format: 'OSS Review Toolkit evaluated model',
    tool: 'ort',
    extensions: JSON_EXT,
    match: json(has('scan_results', 'packages', 'rule_violations', 'repository_configuration'))
  },
  {
    id: 'xygeni-sca-json',
    scanType: 'Xygeni SCA Scan',
    format: 'Xygeni SCA JSON',
    tool: 'xygeni',
    extensions: JSON_EXT,
    match: json(has('dependencies'), anyOf(at('metadata.scanType', oneOf('deps', 'sca')), has('projectName', 'directory', 'includes', 'excludes')))
  },
  {
    id: 'redhat-satellite-json',
    scanType: 'Red Hat Satellite',
    format: 'Red Hat Satellite errata (API)',
    tool: 'satellite',
    extensions: JSON_EXT,
    match: json(has('total', 'subtotal', 'per_page', 'results'), at('results', arrayOf({ allowEmpty: true }, has('errata_id', 'cves'))))
  },
  {
    id: 'reversinglabs-spectra-assure',
    scanType: 'ReversingLabs Spectra Assure',
    format: 'Spectra Assure rl-json report',
    tool: 'spectra-assure',
    extensions: JSON_EXT,
    // report.rl.json keys are sorted: catalogue, duration, report {info, metadata}, schema, timestamp,
    // version. A big report fills the head inside `report`, so its first keys have to tell.
    match: json(has('catalogue', 'duration', 'report'), at('catalogue', number), at('report', has('info')), at('report.info', anyOf(has('file'), has('detections'), has('statistics'))))
  }
])
