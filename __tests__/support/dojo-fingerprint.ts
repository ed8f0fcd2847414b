/**
 * How DefectDojo 3.2.0 fingerprints a finding and matches it on reimport — the stand-in's part that
 * decides which findings are "the same" (docs/defectdojo-api.md §e, §m). Kept apart from the HTTP
 * stand-in so the deduplication built on top of it (product-wide duplicates, triage states, deferred
 * deduplication) reads one definition of a fingerprint.
 *
 * What is DefectDojo's here (facts of its 3.2.0 settings and models, not its code):
 *  - per scan type, the deduplication algorithm and the fields of the hash_code
 *    (settings DEDUPLICATION_ALGORITHM_PER_PARSER, HASHCODE_FIELDS_PER_SCANNER, HASHCODE_ALLOWS_NULL_CWE;
 *    looked up by the test type's name first, then by the scan type, as Test.deduplication_algorithm /
 *    Test.hash_code_fields do);
 *  - Finding.compute_hash_code: the configured fields concatenated as Python's str() renders them
 *    (None → "None"), the legacy formula title + cwe + line + file_path + description when no fields are
 *    configured (or a needed cwe is 0), `service` appended when set, then sha256 of the case-folded,
 *    stripped UTF-8 text;
 *  - the reimport matcher (default_reimporter.match_finding_to_candidate_reimport): candidates by
 *    hash_code, by unique_id_from_tool, by either, or (legacy) by lower-case title + severity; the
 *    lowest id wins; a finding created earlier in the same report is a candidate for the later ones,
 *    so two findings of one fingerprint collapse into one;
 *  - deduplication_ordering_key: the order a report's findings are matched and created in.
 */
import { createHash } from 'node:crypto'

export type DeduplicationAlgorithm = 'legacy' | 'hash_code' | 'unique_id_from_tool' | 'unique_id_from_tool_or_hash_code'

/** settings HASHCODE_ALLOWED_FIELDS: what a HASHCODE_FIELDS_PER_SCANNER entry may name. */
export const HASHCODE_ALLOWED_FIELDS = [
  'title', 'cwe', 'cwes', 'vulnerability_ids', 'line', 'file_path', 'payload', 'component_name', 'component_version',
  'description', 'endpoints', 'unique_id_from_tool', 'severity', 'vuln_id_from_tool', 'mitigation',
] as const
export type HashCodeField = (typeof HASHCODE_ALLOWED_FIELDS)[number]

/** settings HASH_CODE_FIELDS_ALWAYS: appended to every hash when set. */
const HASH_CODE_FIELDS_ALWAYS = ['service'] as const

/** What a finding carries that its fingerprint can be made of (Finding's fields, before or after save). */
export interface FingerprintSource {
  title: string
  severity: string
  /** 0 when the parser gave none (Finding.cwe's default). */
  cwe: number
  /** Every CWE the parser gave (Finding_CWE rows; the primary one included). */
  cwes?: readonly number[]
  line: number | null
  file_path: string | null
  description: string | null
  vuln_id_from_tool: string | null
  unique_id_from_tool: string | null
  component_name?: string | null
  component_version?: string | null
  payload?: string | null
  mitigation?: string | null
  vulnerability_ids?: readonly string[]
  /** URL locations (V3_FEATURE_LOCATIONS, the 3.2.0 default): what `endpoints` hashes. */
  endpoints?: readonly string[]
  service: string | null
}

/** Test.deduplication_algorithm: by test type name, then scan type; legacy when neither is listed. */
export function deduplicationAlgorithm(testTypeName: string, scanType: string): DeduplicationAlgorithm {
  return DEDUPLICATION_ALGORITHM_PER_PARSER[testTypeName] ?? DEDUPLICATION_ALGORITHM_PER_PARSER[scanType] ?? 'legacy'
}

/** Test.hash_code_fields: by test type name, then scan type; null when neither is listed (the legacy formula). */
export function hashCodeFields(testTypeName: string, scanType: string): readonly HashCodeField[] | null {
  return HASHCODE_FIELDS_PER_SCANNER[testTypeName] ?? HASHCODE_FIELDS_PER_SCANNER[scanType] ?? null
}

function hashCodeAllowsNullCwe(testTypeName: string, scanType: string): boolean {
  return HASHCODE_ALLOWS_NULL_CWE[testTypeName] ?? HASHCODE_ALLOWS_NULL_CWE[scanType] ?? true
}

/** Python's str() of a field value. */
const pyStr = (v: unknown): string => (v === null || v === undefined ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v))

/** Python's str.casefold(), close enough for hashing (full case folding of the usual letters, ß → ss). */
const casefold = (text: string): string => text.toUpperCase().toLowerCase()

/** Finding.compute_hash_code for a finding of a test with that test type name and scan type. */
export function computeHashCode(f: FingerprintSource, testTypeName: string, scanType: string): string {
  const fields = hashCodeFields(testTypeName, scanType)
  const legacy = (): string => f.title + pyStr(f.cwe) + pyStr(f.line) + pyStr(f.file_path) + (f.description ?? '')
  let text: string
  if (!fields || !fields.every((x) => (HASHCODE_ALLOWED_FIELDS as readonly string[]).includes(x))) text = legacy()
  else if (f.cwe === 0 && !hashCodeAllowsNullCwe(testTypeName, scanType)) text = legacy()
  else text = fields.map((name) => fieldText(f, name)).join('')
  for (const name of HASH_CODE_FIELDS_ALWAYS) if (f[name]) text += pyStr(f[name])
  // Python strips the encoded bytes: ASCII whitespace only.
  const bytes = Buffer.from(casefold(text), 'utf8').toString('latin1').replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '')
  return createHash('sha256').update(Buffer.from(bytes, 'latin1')).digest('hex')
}

function fieldText(f: FingerprintSource, name: HashCodeField): string {
  switch (name) {
    case 'endpoints': return [...new Set(f.endpoints ?? [])].sort().join('')
    case 'vulnerability_ids': return [...new Set(f.vulnerability_ids ?? [])].sort().join('')
    case 'cwes': return [...new Set([...(f.cwe ? [f.cwe] : []), ...(f.cwes ?? [])].map((c) => `CWE-${c}`))].sort().join('')
    default: return pyStr(f[name])
  }
}

/** What deduplication_ordering_key reads. */
export interface OrderingFields { hash_code: string | null; unique_id_from_tool: string | null; file_path: string | null; line: number | null; title: string }

/** deduplication_ordering_key: a report's findings are matched and created in this order on reimport. */
export function compareForReimport(a: OrderingFields, b: OrderingFields): number {
  const key = (f: OrderingFields): Array<string | number> => [f.hash_code ?? '', f.unique_id_from_tool ?? '', f.file_path ?? '', f.line ?? -1, f.title ?? '']
  const ka = key(a)
  const kb = key(b)
  for (let i = 0; i < ka.length; i += 1) {
    const x = ka[i]!
    const y = kb[i]!
    if (x < y) return -1
    if (x > y) return 1
  }
  return 0
}

/** What the matcher needs of a stored finding. */
export interface MatchableFinding {
  id: number
  hash_code: string | null
  unique_id_from_tool: string | null
  title: string
  severity: string
}

/**
 * The reimport's candidates: the test's findings (of the service matched), plus every finding the same
 * reimport creates (add()), so a later finding of the report with the same fingerprint matches the one
 * created just before it instead of making a second.
 */
export class ReimportCandidates<F extends MatchableFinding> {
  readonly algorithm: DeduplicationAlgorithm
  private readonly byHash = new Map<string, F[]>()
  private readonly byUid = new Map<string, F[]>()
  private readonly byTitle = new Map<string, F[]>()

  constructor(algorithm: DeduplicationAlgorithm, findings: Iterable<F>) {
    this.algorithm = algorithm
    for (const f of findings) this.add(f)
  }

  add(f: F): void {
    const push = (map: Map<string, F[]>, key: string): void => { map.set(key, [...(map.get(key) ?? []), f]) }
    if (f.hash_code) push(this.byHash, f.hash_code)
    if (f.unique_id_from_tool) push(this.byUid, f.unique_id_from_tool)
    if (f.title) push(this.byTitle, legacyKey(f))
  }

  /** The stored findings this parsed one matches, lowest id first (the first is the one it becomes). */
  match(f: MatchableFinding): F[] {
    const found = new Map<number, F>()
    const take = (list: F[] | undefined): void => { for (const x of list ?? []) found.set(x.id, x) }
    switch (this.algorithm) {
      case 'hash_code': if (f.hash_code !== null) take(this.byHash.get(f.hash_code)); break
      case 'unique_id_from_tool': if (f.unique_id_from_tool !== null) take(this.byUid.get(f.unique_id_from_tool)); break
      case 'unique_id_from_tool_or_hash_code':
        if (f.hash_code !== null) take(this.byHash.get(f.hash_code))
        if (f.unique_id_from_tool !== null) take(this.byUid.get(f.unique_id_from_tool))
        break
      case 'legacy': if (f.title) take(this.byTitle.get(legacyKey(f))); break
    }
    return [...found.values()].sort((a, b) => a.id - b.id)
  }
}

const legacyKey = (f: MatchableFinding): string => `${f.title.toLowerCase()}\u0000${f.severity}`

// ---------------------------------------------------------------------------------------------------------
// DefectDojo 3.2.0's settings (dojo/settings/settings.dist.py), as data
// ---------------------------------------------------------------------------------------------------------

export const DEDUPLICATION_ALGORITHM_PER_PARSER: Readonly<Record<string, DeduplicationAlgorithm>> = {
  "Composer Audit Scan": "hash_code",
  "pnpm Audit Scan": "hash_code",
  "Dotnet Vulnerable Packages Scan": "hash_code",
  "Mix Audit Scan": "hash_code",
  "Anchore Engine Scan": "hash_code",
  "AnchoreCTL Vuln Report": "hash_code",
  "AnchoreCTL Policies Report": "hash_code",
  "Anchore Enterprise Policy Check": "hash_code",
  "Anchore Grype": "hash_code",
  "Anchore Grype detailed": "unique_id_from_tool",
  "Aqua Scan": "hash_code",
  "AuditJS Scan": "unique_id_from_tool",
  "AWS Prowler Scan": "hash_code",
  "AWS Prowler V3": "unique_id_from_tool",
  "AWS Security Finding Format (ASFF) Scan": "unique_id_from_tool",
  "Bandit Scan": "hash_code",
  "Burp REST API": "unique_id_from_tool",
  "Burp Enterprise Scan": "hash_code",
  "Burp Suite DAST Scan": "hash_code",
  "Burp Scan": "hash_code",
  "CargoAudit Scan": "hash_code",
  "Checkmarx Scan detailed": "unique_id_from_tool",
  "Checkmarx Scan": "hash_code",
  "Checkmarx One Scan": "unique_id_from_tool",
  "Checkmarx OSA": "unique_id_from_tool_or_hash_code",
  "Codechecker Report native": "unique_id_from_tool",
  "Coverity API": "unique_id_from_tool",
  "Coverity Scan JSON Report": "hash_code",
  "Cobalt.io API": "unique_id_from_tool",
  "Crunch42 Scan": "unique_id_from_tool",
  "Dependency Track Finding Packaging Format (FPF) Export": "unique_id_from_tool_or_hash_code",
  "Horusec Scan": "hash_code",
  "Mobsfscan Scan": "hash_code",
  "SonarQube Scan detailed": "unique_id_from_tool",
  "SonarQube Scan": "hash_code",
  "SonarQube API Import": "hash_code",
  "Sonatype Application Scan": "hash_code",
  "Dependency Check Scan": "hash_code",
  "Dockle Scan": "hash_code",
  "Tenable Scan": "hash_code",
  "Nexpose Scan": "hash_code",
  "NPM Audit Scan": "hash_code",
  "NPM Audit v7+ Scan": "hash_code",
  "Yarn Audit Scan": "hash_code",
  "Mend Scan": "hash_code",
  "ZAP Scan": "hash_code",
  "Qualys Scan": "hash_code",
  "PHP Symfony Security Check": "hash_code",
  "Acunetix Scan": "hash_code",
  "Clair Scan": "hash_code",
  "Veracode Scan": "unique_id_from_tool_or_hash_code",
  "Veracode SourceClear Scan": "hash_code",
  "Symfony Security Check": "hash_code",
  "DSOP Scan": "hash_code",
  "Terrascan Scan": "hash_code",
  "Trivy Operator Scan": "hash_code",
  "Trivy Scan": "hash_code",
  "TFSec Scan": "hash_code",
  "HackerOne Cases": "unique_id_from_tool_or_hash_code",
  "Snyk Scan": "hash_code",
  "GitLab Dependency Scanning Report": "hash_code",
  "Garak Scan": "hash_code",
  "Promptfoo Scan": "hash_code",
  "GitLab SAST Report": "hash_code",
  "Govulncheck Scanner": "unique_id_from_tool",
  "Govulncheck Scanner V2": "unique_id_from_tool",
  "GitLab Container Scan": "hash_code",
  "GitLab Secret Detection Report": "hash_code",
  "Checkov Scan": "hash_code",
  "SpotBugs Scan": "hash_code",
  "JFrog Xray Unified Scan": "hash_code",
  "JFrog Xray On Demand Binary Scan": "hash_code",
  "JFrog Xray API Summary Artifact Scan": "unique_id_from_tool_or_hash_code",
  "Scout Suite Scan": "hash_code",
  "AWS Security Hub Scan": "unique_id_from_tool",
  "Meterian Scan": "hash_code",
  "Github SAST Scan": "unique_id_from_tool_or_hash_code",
  "Github Vulnerability Scan": "hash_code",
  "Github Secrets Detection Report": "hash_code",
  "Cloudsploit Scan": "hash_code",
  "SARIF": "unique_id_from_tool_or_hash_code",
  "Flawfinder Scan": "unique_id_from_tool_or_hash_code",
  "Cppcheck Scan": "unique_id_from_tool_or_hash_code",
  "DevSkim Scan": "unique_id_from_tool_or_hash_code",
  "Azure Security Center Recommendations Scan": "unique_id_from_tool",
  "Hadolint Dockerfile check": "hash_code",
  "Semgrep JSON Report": "unique_id_from_tool_or_hash_code",
  "Generic Findings Import": "hash_code",
  "Trufflehog Scan": "hash_code",
  "Trufflehog3 Scan": "hash_code",
  "Detect-secrets Scan": "hash_code",
  "Secretlint Scan": "hash_code",
  "njsscan Scan": "hash_code",
  "cwe_checker Scan": "hash_code",
  "Infer Scan": "hash_code",
  "APKLeaks Scan": "hash_code",
  "QARK Scan": "hash_code",
  "cfn-lint Scan": "unique_id_from_tool_or_hash_code",
  "cfn-nag Scan": "hash_code",
  "KubeLinter Scan": "hash_code",
  "Polaris Scan": "hash_code",
  "Conftest Scan": "hash_code",
  "Lynis Scan": "hash_code",
  "rkhunter Scan": "hash_code",
  "chkrootkit Scan": "hash_code",
  "AIDE Scan": "hash_code",
  "ffuf Scan": "hash_code",
  "WhatWeb Scan": "hash_code",
  "Dirsearch Scan": "hash_code",
  "Naabu Scan": "hash_code",
  "Gobuster Scan": "hash_code",
  "Masscan Scan": "hash_code",
  "Sqlmap Scan": "hash_code",
  "YARA Scan": "hash_code",
  "ClamAV Scan": "hash_code",
  "Firmwalker Scan": "hash_code",
  "Nettacker Scan": "hash_code",
  "httpx Scan": "hash_code",
  "Solar Appscreener Scan": "hash_code",
  "Gitleaks Scan": "hash_code",
  "pip-audit Scan": "hash_code",
  "Nancy Scan": "hash_code",
  "Edgescan Scan": "unique_id_from_tool",
  "Bugcrowd API Import": "unique_id_from_tool",
  "Rubocop Scan": "hash_code",
  "JFrog Xray Scan": "hash_code",
  "CycloneDX Scan": "hash_code",
  "SPDX Scan": "hash_code",
  "OpenVEX Scan": "hash_code",
  "CSAF Scan": "hash_code",
  "SSLyze Scan (JSON)": "hash_code",
  "Harbor Vulnerability Scan": "hash_code",
  "Rusty Hog Scan": "hash_code",
  "StackHawk HawkScan": "hash_code",
  "Hydra Scan": "hash_code",
  "DrHeader JSON Importer": "hash_code",
  "PWN SAST": "unique_id_from_tool",
  "Whispers": "hash_code",
  "Blackduck Hub Scan": "hash_code",
  "BlackDuck API": "unique_id_from_tool",
  "Blackduck Binary Analysis": "unique_id_from_tool",
  "docker-bench-security Scan": "unique_id_from_tool",
  "Vulners Scan": "hash_code",
  "Twistlock Image Scan": "hash_code",
  "NeuVector (REST)": "hash_code",
  "NeuVector (compliance)": "hash_code",
  "Wpscan": "hash_code",
  "Popeye Scan": "hash_code",
  "Nuclei Scan": "hash_code",
  "KubeHunter Scan": "hash_code",
  "kube-bench Scan": "hash_code",
  "Threagile risks report": "unique_id_from_tool_or_hash_code",
  "Humble Json Importer": "hash_code",
  "Wazuh Scan": "unique_id_from_tool",
  "MSDefender Parser": "hash_code",
  "HCLAppScan XML": "hash_code",
  "HCL AppScan on Cloud SAST XML": "unique_id_from_tool_or_hash_code",
  "KICS Scan": "hash_code",
  "MobSF Scan": "hash_code",
  "MobSF Scorecard Scan": "hash_code",
  "OSV Scan": "hash_code",
  "Nosey Parker Scan": "unique_id_from_tool_or_hash_code",
  "Bearer CLI": "hash_code",
  "Wiz Scan": "unique_id_from_tool_or_hash_code",
  "Deepfence Threatmapper Report": "hash_code",
  "Kubescape JSON Importer": "hash_code",
  "Kiuwan SCA Scan": "hash_code",
  "Rapplex Scan": "hash_code",
  "AppCheck Web Application Scanner": "hash_code",
  "AWS Inspector2 Scan": "unique_id_from_tool_or_hash_code",
  "Legitify Scan": "hash_code",
  "ThreatComposer Scan": "unique_id_from_tool_or_hash_code",
  "Invicti Scan": "hash_code",
  "Checkmarx CxFlow SAST": "hash_code",
  "KrakenD Audit Scan": "hash_code",
  "PTART Report": "unique_id_from_tool",
  "Red Hat Satellite": "hash_code",
  "Qualys Hacker Guardian Scan": "hash_code",
  "Cyberwatch scan (Galeax)": "hash_code",
  "OpenVAS Parser v2": "hash_code",
  "Snyk Issue API Scan": "hash_code",
  "OpenReports": "hash_code",
  "IriusRisk Threats Scan": "hash_code",
  "Orca Security Alerts": "hash_code",
  "Xygeni SAST Scan": "unique_id_from_tool",
  "Xygeni SCA Scan": "unique_id_from_tool",
  "Xygeni Secrets Scan": "unique_id_from_tool",
  "Qualys VMDR": "unique_id_from_tool_or_hash_code",
  "Alert Logic Scan": "unique_id_from_tool_or_hash_code",
  "PICUS Scan": "hash_code",
  "Snyk Code Scan": "hash_code",
  "Cycognito Scan": "hash_code",
  "n0s1 Scanner": "hash_code",
}

export const HASHCODE_FIELDS_PER_SCANNER: Readonly<Record<string, readonly HashCodeField[]>> = {
  "Anchore Engine Scan": ["title", "severity", "component_name", "component_version", "file_path"],
  "AnchoreCTL Vuln Report": ["title", "severity", "component_name", "component_version", "file_path"],
  "AnchoreCTL Policies Report": ["title", "severity", "component_name", "file_path"],
  "Anchore Enterprise Policy Check": ["title", "severity", "component_name", "file_path"],
  "Anchore Grype": ["title", "severity", "component_name", "component_version"],
  "Aqua Scan": ["severity", "vulnerability_ids", "component_name", "component_version"],
  "Bandit Scan": ["file_path", "line", "vuln_id_from_tool"],
  "Burp Enterprise Scan": ["title", "severity", "cwe"],
  "Burp Suite DAST Scan": ["title", "severity", "cwe"],
  "Burp Scan": ["title", "severity", "vuln_id_from_tool"],
  "CargoAudit Scan": ["vulnerability_ids", "severity", "component_name", "component_version", "vuln_id_from_tool"],
  "Checkmarx Scan": ["cwe", "severity", "file_path"],
  "Checkmarx OSA": ["vulnerability_ids", "component_name"],
  "Cloudsploit Scan": ["title", "description"],
  "Coverity Scan JSON Report": ["title", "cwe", "line", "file_path", "description"],
  "SonarQube Scan": ["cwe", "severity", "file_path"],
  "SonarQube API Import": ["title", "file_path", "line"],
  "Sonatype Application Scan": ["title", "cwe", "file_path", "component_name", "component_version", "vulnerability_ids"],
  "Dependency Check Scan": ["title", "cwe", "file_path"],
  "Dockle Scan": ["title", "description", "vuln_id_from_tool"],
  "Dependency Track Finding Packaging Format (FPF) Export": ["component_name", "component_version", "vulnerability_ids"],
  "Horusec Scan": ["title", "description", "file_path", "line"],
  "Mobsfscan Scan": ["title", "severity", "cwe", "file_path", "description"],
  "Tenable Scan": ["title", "severity", "vulnerability_ids", "cwe", "description"],
  "Nexpose Scan": ["title", "severity", "vulnerability_ids", "cwe"],
  "NPM Audit Scan": ["title", "severity", "file_path", "vulnerability_ids", "cwe"],
  "NPM Audit v7+ Scan": ["title", "severity", "cwe", "vuln_id_from_tool"],
  "Yarn Audit Scan": ["title", "severity", "file_path", "vulnerability_ids", "cwe"],
  "Mend Scan": ["title", "severity", "description"],
  "ZAP Scan": ["title", "cwe", "severity"],
  "Qualys Scan": ["title", "severity", "endpoints"],
  "PHP Symfony Security Check": ["title", "vulnerability_ids"],
  "Clair Scan": ["title", "vulnerability_ids", "description", "severity"],
  "Symfony Security Check": ["title", "vulnerability_ids"],
  "DSOP Scan": ["vulnerability_ids"],
  "Acunetix Scan": ["title", "description"],
  "Terrascan Scan": ["vuln_id_from_tool", "title", "severity", "file_path", "line", "component_name"],
  "Trivy Operator Scan": ["title", "severity", "vulnerability_ids", "description"],
  "Trivy Scan": ["title", "severity", "vulnerability_ids", "cwe", "description"],
  "TFSec Scan": ["severity", "vuln_id_from_tool", "file_path", "line"],
  "Snyk Scan": ["vuln_id_from_tool", "file_path", "component_name", "component_version"],
  "GitLab Dependency Scanning Report": ["title", "vulnerability_ids", "file_path", "component_name", "component_version"],
  "Garak Scan": ["title", "component_name"],
  "Promptfoo Scan": ["title", "component_name"],
  "SpotBugs Scan": ["cwe", "severity", "file_path", "line"],
  "JFrog Xray Unified Scan": ["vulnerability_ids", "file_path", "component_name", "component_version"],
  "JFrog Xray On Demand Binary Scan": ["title", "component_name", "component_version"],
  "JFrog Xray API Summary Artifact Scan": ["title", "description", "component_name", "component_version"],
  "Scout Suite Scan": ["file_path", "vuln_id_from_tool"],
  "Meterian Scan": ["cwe", "component_name", "component_version", "description", "severity"],
  "Github SAST Scan": ["vuln_id_from_tool", "severity", "file_path", "line"],
  "Github Vulnerability Scan": ["title", "severity", "component_name", "vulnerability_ids", "file_path"],
  "Github Secrets Detection Report": ["title", "file_path", "line"],
  "Solar Appscreener Scan": ["title", "file_path", "line", "severity"],
  "pip-audit Scan": ["vuln_id_from_tool", "component_name", "component_version"],
  "Rubocop Scan": ["vuln_id_from_tool", "file_path", "line"],
  "JFrog Xray Scan": ["title", "description", "component_name", "component_version"],
  "CycloneDX Scan": ["vuln_id_from_tool", "component_name", "component_version"],
  "SPDX Scan": ["vuln_id_from_tool", "component_name", "component_version"],
  "OpenVEX Scan": ["vuln_id_from_tool", "component_name", "component_version"],
  "CSAF Scan": ["vuln_id_from_tool", "component_name", "component_version"],
  "SSLyze Scan (JSON)": ["title", "description"],
  "Harbor Vulnerability Scan": ["title", "mitigation"],
  "Rusty Hog Scan": ["file_path", "payload"],
  "StackHawk HawkScan": ["vuln_id_from_tool", "component_name", "component_version"],
  "Hydra Scan": ["title", "description"],
  "DrHeader JSON Importer": ["title", "description"],
  "Whispers": ["vuln_id_from_tool", "file_path", "line"],
  "Blackduck Hub Scan": ["title", "vulnerability_ids", "component_name", "component_version"],
  "Veracode SourceClear Scan": ["title", "vulnerability_ids", "component_name", "component_version", "severity"],
  "Vulners Scan": ["vuln_id_from_tool", "component_name"],
  "Twistlock Image Scan": ["title", "severity", "component_name", "component_version"],
  "NeuVector (REST)": ["title", "severity", "component_name", "component_version"],
  "NeuVector (compliance)": ["title", "vuln_id_from_tool", "description"],
  "Wpscan": ["title", "description", "severity"],
  "Popeye Scan": ["title", "description"],
  "Nuclei Scan": ["title", "cwe", "severity", "component_name"],
  "KubeHunter Scan": ["title", "description"],
  "kube-bench Scan": ["title", "vuln_id_from_tool", "description"],
  "Threagile risks report": ["title", "cwe", "severity"],
  "Trufflehog Scan": ["title", "description", "line"],
  "Secretlint Scan": ["file_path", "line", "vuln_id_from_tool"],
  "Humble Json Importer": ["title"],
  "MSDefender Parser": ["title", "description"],
  "HCLAppScan XML": ["title", "description"],
  "HCL AppScan on Cloud SAST XML": ["title", "file_path", "line", "severity"],
  "KICS Scan": ["file_path", "line", "severity", "description", "title"],
  "MobSF Scan": ["title", "description", "severity", "file_path"],
  "MobSF Scorecard Scan": ["title", "description", "severity"],
  "OSV Scan": ["title", "description", "severity"],
  "Snyk Code Scan": ["vuln_id_from_tool", "file_path"],
  "Deepfence Threatmapper Report": ["title", "description", "severity"],
  "Bearer CLI": ["title", "severity"],
  "Nancy Scan": ["title", "vuln_id_from_tool"],
  "Wiz Scan": ["title", "description", "severity"],
  "Kubescape JSON Importer": ["title", "component_name"],
  "Kiuwan SCA Scan": ["description", "severity", "component_name", "component_version", "cwe"],
  "Rapplex Scan": ["title", "endpoints", "severity"],
  "AppCheck Web Application Scanner": ["title", "severity"],
  "AWS Inspector2 Scan": ["title", "severity", "description"],
  "Legitify Scan": ["title", "endpoints", "severity"],
  "ThreatComposer Scan": ["title", "description"],
  "Invicti Scan": ["title", "description", "severity"],
  "Checkmarx CxFlow SAST": ["vuln_id_from_tool", "file_path", "line"],
  "HackerOne Cases": ["title", "severity"],
  "KrakenD Audit Scan": ["description", "mitigation", "severity"],
  "Red Hat Satellite": ["description", "severity"],
  "Qualys Hacker Guardian Scan": ["title", "severity", "description"],
  "Cyberwatch scan (Galeax)": ["title", "description", "severity"],
  "Cycognito Scan": ["title", "severity"],
  "OpenVAS Parser v2": ["title", "severity", "vuln_id_from_tool", "endpoints"],
  "Snyk Issue API Scan": ["vuln_id_from_tool", "file_path"],
  "OpenReports": ["vulnerability_ids", "component_name", "component_version", "severity"],
  "n0s1 Scanner": ["description"],
  "IriusRisk Threats Scan": ["title", "component_name"],
  "Orca Security Alerts": ["title", "component_name"],
  "Qualys VMDR": ["title", "component_name", "vuln_id_from_tool"],
  "Alert Logic Scan": ["title", "component_name", "vuln_id_from_tool"],
  "PICUS Scan": ["vuln_id_from_tool"],
  "Composer Audit Scan": ["component_name", "vuln_id_from_tool"],
  "pnpm Audit Scan": ["component_name", "component_version", "vuln_id_from_tool"],
  "Dotnet Vulnerable Packages Scan": ["component_name", "component_version", "vuln_id_from_tool"],
  "Mix Audit Scan": ["component_name", "component_version", "vuln_id_from_tool"],
  "ffuf Scan": ["title", "endpoints"],
  "Dirsearch Scan": ["title", "endpoints"],
  "Gobuster Scan": ["title", "endpoints"],
  "WhatWeb Scan": ["title", "endpoints"],
  "Naabu Scan": ["title", "endpoints"],
  "Masscan Scan": ["title", "endpoints"],
  "Sqlmap Scan": ["title", "endpoints"],
  "Nettacker Scan": ["title", "endpoints"],
  "httpx Scan": ["title", "endpoints"],
}

export const HASHCODE_ALLOWS_NULL_CWE: Readonly<Record<string, boolean>> = {
  "Anchore Engine Scan": true,
  "AnchoreCTL Vuln Report": true,
  "AnchoreCTL Policies Report": true,
  "Anchore Enterprise Policy Check": true,
  "Anchore Grype": true,
  "Anchore Grype detailed": true,
  "AWS Prowler Scan": true,
  "AWS Prowler V3": true,
  "Checkmarx Scan": false,
  "Checkmarx OSA": true,
  "Cloudsploit Scan": true,
  "SonarQube Scan": false,
  "Dependency Check Scan": true,
  "Mobsfscan Scan": false,
  "Tenable Scan": true,
  "Nexpose Scan": true,
  "NPM Audit Scan": true,
  "NPM Audit v7+ Scan": true,
  "Yarn Audit Scan": true,
  "Mend Scan": true,
  "ZAP Scan": false,
  "Qualys Scan": true,
  "DSOP Scan": true,
  "Acunetix Scan": true,
  "Trivy Operator Scan": true,
  "Trivy Scan": true,
  "SpotBugs Scan": false,
  "Scout Suite Scan": true,
  "AWS Security Hub Scan": true,
  "Meterian Scan": true,
  "SARIF": true,
  "Flawfinder Scan": true,
  "Cppcheck Scan": true,
  "DevSkim Scan": true,
  "Hadolint Dockerfile check": true,
  "Semgrep JSON Report": true,
  "Generic Findings Import": true,
  "Edgescan Scan": true,
  "Bugcrowd API Import": true,
  "Veracode SourceClear Scan": true,
  "Vulners Scan": true,
  "Twistlock Image Scan": true,
  "Wpscan": true,
  "Rusty Hog Scan": true,
  "Codechecker Report native": true,
  "Wazuh": true,
  "Nuclei Scan": true,
  "Threagile risks report": true,
  "HCL AppScan on Cloud SAST XML": true,
  "AWS Inspector2 Scan": true,
  "Cyberwatch scan (Galeax)": true,
  "OpenVAS Parser v2": true,
  "OpenReports": true,
}
