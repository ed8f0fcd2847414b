// Every input of the action: its default and what it does. action.yml declares the same (a unit test
// keeps them in step); the command-line entry point builds its options and --help from this table.

export interface InputSpec {
  /** The default as action.yml declares it; `${{ … }}` expressions are filled by the runner only. */
  default: string
  description: string
}

export const INPUTS = {
  "defectdojo-url": { default: "", description: "Base URL of DefectDojo, e.g. https://defectdojo.example.com (a path prefix such as /defectdojo is kept). Not needed with dry-run." },
  "defectdojo-token": { default: "", description: "DefectDojo API v2 key (pass it from a secret). Not needed with dry-run." },
  path: { default: "", description: "Reports on disk, one per line; files, folders (searched recursively) or globs relative to the workspace; a line starting with ! excludes." },
  artifacts: { default: "*", description: "Names of this run's artifacts to download and search, as glob patterns separated by newlines or commas; !pattern excludes. Empty downloads nothing." },
  "run-id": { default: "", description: "Download the artifacts of another workflow run (e.g. github.event.workflow_run.id) instead of this one; needs github-token with actions read permission." },
  repository: { default: "", description: "owner/name of the repository of run-id; default this repository." },
  "github-token": { default: "", description: "Token for downloading another run's artifacts (only used with run-id)." },
  "keep-downloads": { default: "false", description: "Keep the downloaded artifacts under RUNNER_TEMP after the step, for debugging." },
  "dry-run": { default: "false", description: "Recognise and plan every upload, write the summary and results file, and contact no server." },
  "product-type": { default: "{owner}", description: "DefectDojo product type (organization) name; a template (see README for placeholders)." },
  product: { default: "{repo}", description: "DefectDojo product (asset) name; a template." },
  engagement: { default: "CI/CD", description: "DefectDojo engagement name; a template." },
  "test-title": { default: "{tool}: {report}", description: "Title of each report's DefectDojo test; a template that must give each report its own test." },
  environment: { default: "Development", description: "DefectDojo environment name (created if missing)." },
  "if-no-reports": { default: "warn", description: "What to do when no report is found: warn, error or ignore." },
  concurrency: { default: "4", description: "Reports uploaded at the same time (uploads into one new engagement start after its first one created it)." },
  retries: { default: "3", description: "Further attempts after a connection failure or HTTP 429/502/503/504, with backoff and Retry-After." },
  "timeout-minutes": { default: "30", description: "Longest wait for one upload; DefectDojo parses a report before answering, large ones take minutes." },
  "max-report-size-mb": { default: "100", description: "Reports larger than this are not sent (DefectDojo's DD_SCAN_FILE_MAX_SIZE, default 100)." },
  "ca-certificates": { default: "", description: "PEM file of extra CA certificates to trust for DefectDojo (added to Node's roots)." },
  "client-certificate": { default: "", description: "PEM client certificate for mutual TLS (with client-key)." },
  "client-key": { default: "", description: "PEM private key of client-certificate." },
  "extra-headers": { default: "", description: "Headers sent with every request, one \"Name: value\" per line (e.g. Cloudflare Access); values are masked." },
  "allow-insecure-http": { default: "false", description: "Allow a plain http:// defectdojo-url other than loopback (the token would travel unencrypted)." },
  mode: { default: "reimport", description: "reimport (default; one long-lived test per report, closed and reactivated findings tracked) or import (a new test every run, for one-off uploads)." },
  "branch-isolation": { default: "true", description: "Runs on a branch other than the default one (pull requests, feature branches) upload into an engagement of their own, \"<engagement> (<branch>)\", so they never close the default branch's findings." },
  "scan-types": { default: "", description: "Per-file rules, one per line: \"<glob> = <Exact Scan Type or *>[; product=\u2026][; product-type=\u2026][; engagement=\u2026][; test-title=\u2026]\". First match wins; takes precedence over recognition." },
  version: { default: "", description: "Version sent with every upload; default the tag name on tag pushes, else empty." },
  service: { default: "", description: "DefectDojo service name; close-old-findings then only touches findings of this service." },
  "scan-date": { default: "", description: "Scan date (YYYY-MM-DD) forced on new findings; default the scanner's own dates. Overrides SLA clocks." },
  "minimum-severity": { default: "", description: "Drop findings below this severity: Info, Low, Medium, High or Critical (on reimport, dropped findings count as gone and get closed)." },
  active: { default: "", description: "Force new findings active (true) or inactive (false); empty keeps the tool's status." },
  verified: { default: "", description: "Force new findings verified (true) or not (false); empty keeps the tool's status." },
  "close-old-findings": { default: "", description: "Close findings absent from the report (DefectDojo's default true on reimport, false on import)." },
  "close-old-findings-product-scope": { default: "", description: "With mode import and close-old-findings, close absent findings across the whole product." },
  "do-not-reactivate": { default: "", description: "Keep closed findings closed when they reappear (reimport only)." },
  tags: { default: "", description: "Tags for each test, separated by commas or newlines (no spaces or quotes); on reimport they replace the test's tags." },
  "apply-tags-to-findings": { default: "", description: "Copy the tags onto the findings." },
  "apply-tags-to-endpoints": { default: "", description: "Copy the tags onto the endpoints." },
  "group-by": { default: "", description: "Create finding groups by component_name, component_name+component_version, file_path, finding_title or vuln_id_from_tool." },
  "create-finding-groups-for-all-findings": { default: "", description: "With group-by, also create groups of a single finding (DefectDojo's default true)." },
  "push-to-jira": { default: "", description: "Push findings to Jira." },
  "deduplication-on-engagement": { default: "", description: "Deduplicate within the engagement only (applies when the action creates the engagement)." },
  "engagement-end-date": { default: "", description: "End date (YYYY-MM-DD) of an engagement the action creates." },
  lead: { default: "", description: "DefectDojo user id of the test lead." },
  "api-scan-configuration": { default: "", description: "Id of a product API scan configuration, for scan types that use one." },
  "fail-on-error": { default: "true", description: "Fail the step when any report failed to upload (checked after all reports were tried and the summary written). false keeps uploads from ever blocking the job." },
  "fail-on-unrecognized": { default: "false", description: "Fail the step when a file was not recognised as a report (files for people, such as HTML reports, never count)." }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS

