// Whether a file that was not uploaded looks like a report: then it is worth a warning (someone's
// scanner output went missing); otherwise it is build output, vendored data or documentation, and a
// warning would only teach people to ignore warnings. A file looks like a report when it has a report
// format's extension and either a report's name (in its path or its artifact's name) or a report's shape. The rule is documented in the
// README ("Artifacts that are not reports").
import { basename, extname } from 'node:path'
import type { Candidate } from '../model.js'
import type { Head } from './head.js'

const REPORT_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.sarif', '.xml', '.csv', '.nessus', '.fpr', '.xlsx'])

/** Words scanner reports are named with, and the names of common scanners. */
const REPORT_NAME = /report|result|scan|finding|vuln|audit|sarif|sbom|cyclonedx|spdx|secret|leak|lint|sast|dast|\bsca\b|security|cve|advisor|trivy|grype|semgrep|gitleaks|bandit|zap|snyk|checkov|codeql|sonar|nuclei|kics|tfsec|hadolint|gosec|brakeman|dependency|owasp|burp|nessus|qualys|prowler|anchore|clair|osv|npm-audit|yarn-audit|pip-audit|safety/i

/** Top-level keys report formats are built around. */
const REPORT_KEYS = /^(results?|findings?|vulnerabilit(y|ies)|vulns|issues?|alerts?|runs|matches|advisories|site|Results|Issues|Vulnerabilities|Findings|scan|report|errors)$/

export function looksLikeReport(candidate: Pick<Candidate, 'displayPath' | 'artifact'>, head: Head | null): boolean {
  const name = basename(candidate.displayPath)
  const extension = name.toLowerCase().endsWith('.sarif.json') ? '.sarif' : extname(name).toLowerCase()
  if (!REPORT_EXTENSIONS.has(extension)) return false
  // The name counts with its folders (`reports/inventory.json`) and its artifact's name.
  if (REPORT_NAME.test(candidate.displayPath) || (candidate.artifact !== null && REPORT_NAME.test(candidate.artifact))) return true
  if (!head) return false
  switch (head.syntax) {
    case 'json': {
      const value = head.value
      const keys = Array.isArray(value) ? Object.keys((value[0] as object | undefined) ?? {}) : value && typeof value === 'object' ? Object.keys(value) : []
      return keys.some((key) => REPORT_KEYS.test(key))
    }
    case 'jsonl':
      return true
    case 'xml':
      return REPORT_NAME.test(head.root.name) || head.root.children.some((c) => REPORT_KEYS.test(c.name))
    case 'csv':
      return head.header.some((column) => /severity|cve|vulnerab|finding|risk/i.test(column))
    default:
      return false
  }
}
