// The data that flows through one run, stage by stage, as plain immutable values:
//
//   Candidate (a file and where it came from) → Recognition (what it is) → PlannedUpload (where it
//   goes, with every field) → UploadOutcome (what DefectDojo said) → Result (one row per file).
//
// Every file looked at ends as exactly one Result; the results file, the outputs and the job summary
// are three renderings of the same Result[]. This module imports nothing: every stage may use it.

/** The scan lanes of the naming model (the `{lane}` placeholder). */
export type Lane = 'sast' | 'sca' | 'secrets' | 'dast' | 'container' | 'iac' | 'cloud' | 'sbom' | 'other'

/** Severities, most severe first, as the outputs and statistics name them. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

/** DefectDojo's spelling of a severity (`minimum_severity` choices, finding filters). */
export function severityName(severity: Severity): string {
  return severity[0]!.toUpperCase() + severity.slice(1)
}

/** The run's Git and CI context: where the reports come from. Derived by the shells, plain data. */
export interface RunContext {
  readonly owner: string
  readonly repo: string
  /** e.g. https://github.com */
  readonly serverUrl: string
  readonly eventName: string
  /** Branch name without refs/heads/; for pull requests the head branch. Empty when not on a branch (tag push). */
  readonly branch: string
  /** Default branch of the repository, when the environment says. */
  readonly defaultBranch: string | null
  /** The commit the reports describe: for pull requests the head SHA, not the merge commit. */
  readonly sha: string
  /** Pull request (merge request) number, or null. */
  readonly pr: number | null
  /** True for a pull (merge) request run, or a run triggered by one (workflow_run): it is isolated whatever its branch. */
  readonly pullRequest: boolean
  /**
   * Owner of the repository the code comes from when it is not the base repository (a fork), else null.
   * Such a run is isolated whatever its branch is called, in an engagement naming the fork.
   */
  readonly fork: string | null
  /** Why this run cannot have the DefectDojo secrets (a pull request from a fork, Dependabot), or null. */
  readonly secretsWithheld: string | null
  /** Where branch and commit were read from, for messages: "GitHub Actions", "GitLab CI", "Jenkins", "git"… */
  readonly source: string
  /** Tag name on a tag push, or null. */
  readonly tag: string | null
  readonly runId: string
  readonly runAttempt: string
  /** The run's sequence number (GitHub run number, GitLab pipeline IID, Jenkins build number), or ''. */
  readonly runNumber: string
  readonly workflow: string
  readonly job: string
  /** Link to the workflow run or pipeline. */
  readonly runUrl: string | null
  /** `build_id` sent with every upload: GitHub `<run id>-<attempt>`, GitLab the pipeline id, other CI systems their build id. */
  readonly buildId: string
  /** `source_code_management_uri`: the tree of the commit on the forge, or null. */
  readonly scmUri: string | null
  /** Folder that `path` lines are relative to. */
  readonly workspace: string
}

/** A file found on disk, from `path` or inside a downloaded artifact. */
export interface Candidate {
  /** Absolute path on disk. */
  readonly absolutePath: string
  /** Path shown to people and matched by `scan-types` rules: relative to the workspace, or to the artifact's root. */
  readonly displayPath: string
  /** Artifact name, or null for a file from `path`. */
  readonly artifact: string | null
  /** Size in bytes. */
  readonly size: number
}

/**
 * How a file is named to people: `artifact/path inside it`, the workspace-relative path, or the
 * artifact's name alone when the whole artifact is meant. The summary spaces the separator for reading.
 */
export function reportLabel(source: { readonly artifact: string | null; readonly displayPath: string }, separator = '/'): string {
  if (!source.displayPath) return source.artifact ?? ''
  return source.artifact ? `${source.artifact}${separator}${source.displayPath}` : source.displayPath
}

/** A recognised report: what it is and how it is sent. */
export interface RecognizedReport {
  readonly kind: 'report'
  readonly scanType: string
  /** Human name of the tool and format, e.g. "Gitleaks JSON". */
  readonly format: string
  /** The tool, for the `{tool}` placeholder and default test titles, e.g. "gitleaks". */
  readonly tool: string
  readonly lane: Lane
  /** File name the multipart part is sent under (the real name, or renamed to the extension the parser needs). */
  readonly uploadName: string
  /** How it was decided: "content", "content+name" (a name hint broke a tie), or "override". */
  readonly decidedBy: 'content' | 'content+name' | 'override'
  /** What matched, for debugging and the results file. */
  readonly evidence: readonly string[]
  /** Set for a UTF-16 JSON report: it is sent converted to UTF-8. */
  readonly transcodeFrom?: 'utf-16le' | 'utf-16be'
  /**
   * Set when a `scan-types` rule decided: the rule as written (`reports/zap.xml = Bandit Scan`), what
   * the content reads as (null when unknown), and whether that contradicts the rule's type.
   */
  readonly rule?: { readonly text: string; readonly readsAs: string | null; readonly contradicts: boolean }
  /**
   * The name this format had before a DefectDojo migration renamed its scan type and rewrote the tests
   * (docs/defectdojo-api.md §h): a server that still accepts it predates the migration, so the report is
   * sent under it and keeps its test when the server is upgraded.
   */
  readonly formerly?: string
  /** Set when the report is sent under `formerly`: the current scan type, which `{scan_type}` keeps. */
  readonly renamedFrom?: string
}

/**
 * What the DefectDojo server says about itself in its OpenAPI schema (docs/defectdojo-api.md §g), read
 * once per run: plain data that planning checks the scan types against.
 */
export interface ServerInfo {
  /** The release, e.g. "3.2.0"; null when the schema does not say. */
  readonly version: string | null
  /** The scan types each endpoint accepts; an endpoint the schema does not describe is left out. */
  readonly scanTypes: Readonly<Partial<Record<Endpoint, readonly string[]>>>
}

/** A file that is not uploaded, and why. */
export interface SkippedFile {
  readonly kind: 'skipped'
  /** One sentence a person can act on. */
  readonly reason: string
  /** True for files people read (HTML reports, Markdown, logs, images): counted, not warned about. */
  readonly humanReadable: boolean
  /** True when the file looks like a report (a report's extension and name or shape): only those are warned about. */
  readonly reportLike: boolean
  readonly evidence: readonly string[]
  /** True when the content is unsafe to upload (empty, broken, a failed run, an error page): no `scan-types` rule uploads it. */
  readonly unsafe?: boolean
}

/** What recognition concluded about one file. */
export type Recognition = RecognizedReport | SkippedFile

/** Where a report lands in DefectDojo. */
export interface Target {
  readonly productType: string
  readonly product: string
  readonly engagement: string
  readonly testTitle: string
}

export type Endpoint = 'reimport-scan' | 'import-scan'

/** A report with its target and every multipart field, ready to send. */
export interface PlannedUpload {
  readonly candidate: Candidate
  readonly recognition: RecognizedReport
  readonly target: Target
  /** `reimport-scan`, or `import-scan` with `mode: import`. */
  readonly endpoint: Endpoint
  /** Where the same report lands on the default branch (what its new findings are measured against). */
  readonly baseline: Baseline
  /** Every multipart field but `file`, exactly as sent (docs/defectdojo-api.md §a spellings). */
  readonly fields: Readonly<Record<string, string | readonly string[]>>
}

/** Severity counts, as DefectDojo's statistics give them. */
export interface SeverityCounts {
  readonly critical: number
  readonly high: number
  readonly medium: number
  readonly low: number
  readonly info: number
  readonly total: number
}

/** The four reimport deltas plus what is active afterwards; null where the server did not say. */
export interface Counts {
  readonly created: SeverityCounts | null
  readonly closed: SeverityCounts | null
  readonly reactivated: SeverityCounts | null
  readonly untouched: SeverityCounts | null
  /** Active findings of the test after the reimport. */
  readonly activeAfter: SeverityCounts | null
  /** Totals known where the breakdown by severity is not (counts read back from the import history). */
  readonly totals?: Readonly<Partial<Record<Delta, number>>>
}

/** Zero findings of every severity. */
export const NO_FINDINGS: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 }

/** The sum of two severity counts. */
export function addCounts(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  return { critical: a.critical + b.critical, high: a.high + b.high, medium: a.medium + b.medium, low: a.low + b.low, info: a.info + b.info, total: a.total + b.total }
}

export type Delta = 'created' | 'closed' | 'reactivated' | 'untouched'
export const DELTAS: readonly Delta[] = ['created', 'closed', 'reactivated', 'untouched']

/** What DefectDojo's 201 answer says (docs/defectdojo-api.md §c). */
export interface ImportAnswer {
  readonly testId: number | null
  readonly engagementId: number | null
  readonly productId: number | null
  readonly productTypeId: number | null
  readonly counts: Counts
}

/** What happened to one planned upload. */
export type UploadOutcome =
  | {
      readonly status: 'uploaded'
      readonly answer: ImportAnswer
      readonly attempts: number
      /** UI links of the test, engagement and product (docs/defectdojo-api.md §f). */
      readonly links: { readonly test: string | null; readonly engagement: string | null; readonly product: string | null }
      /** Extra facts learnt after the upload (the test read back when the answer had no counts). */
      readonly evidence: readonly string[]
      /** The new findings, worst first (at most NEW_FINDINGS_LISTED), read back. */
      readonly newFindings?: readonly NewFinding[]
      /** What the report brought against the default branch, once classified. */
      readonly novelty?: Novelty
      /** The default branch's findings it fixes, worst first (at most NEW_FINDINGS_LISTED); compared with a test only. */
      readonly fixedFindings?: readonly NewFinding[]
    }
  | {
      readonly status: 'failed'
      readonly reason: string
      readonly attempts: number
      /** The empty test DefectDojo left behind when it refused the report (docs/defectdojo-api.md §l), with its pages. */
      readonly emptyTest?: { readonly testId: number; readonly testUrl: string; readonly engagementId: number; readonly engagementUrl: string; readonly productId: number; readonly productUrl: string }
    }

/** A finding the default branch does not have, as the summary lists it. */
export interface NewFinding {
  readonly title: string
  readonly severity: string
  /** Its page in DefectDojo (docs/defectdojo-api.md §f). */
  readonly url: string | null
  /** The default branch had it, and it was fixed (mitigated) there: it came back. */
  readonly reintroduced?: boolean
  /** Where DefectDojo says it is (`file_path`, `line`), as the report wrote it; absent when unknown. */
  readonly file?: string | null
  readonly line?: number | null
}

/**
 * Where the same report lands on the default branch: its test is what "new" is measured against.
 * `self`: this run is on the default branch (or shares its test). `test`: an isolated run (pull request,
 * fork, other branch); the default branch's matching test is found by this target and the scan type.
 */
export type Baseline = { readonly kind: 'self' } | { readonly kind: 'test'; readonly target: Target } | { readonly kind: 'unknown'; readonly why: string }

/**
 * What one uploaded report brought, against the default branch (engine/novelty.ts). Every open finding
 * of the report's test is in exactly one of `new`, `onMain` and `triagedOnMain`. `unknown` when it could
 * not be told (a lookup failed, was forbidden, or DefectDojo was still deduplicating): never counted as 0.
 */
export type Novelty =
  | {
      readonly kind: 'known'
      /** What it was measured against: the default branch's matching test, this default-branch run's own import, or nothing (no such test yet: all is new). */
      readonly against: 'default-branch-test' | 'default-branch-run' | 'no-baseline'
      /** The default branch's matching test (isolated runs), or this run's own test. */
      readonly baselineUrl: string | null
      /** New findings by severity. */
      readonly new: SeverityCounts
      /** Of the new ones, how many the default branch had fixed (reintroduced). */
      readonly reintroduced: number
      /** Findings the default branch already has, active. */
      readonly onMain: number
      /** Findings the default branch has triaged: false positive, risk accepted or out of scope. */
      readonly triagedOnMain: number
      /** Findings active on the default branch that this report no longer has (fixed here); null on the default branch (see `closed`). */
      readonly fixed: number | null
      /** How the findings were matched (DefectDojo's algorithm for the scan type) and where that was read. */
      readonly fingerprint: string
    }
  | { readonly kind: 'unknown'; readonly why: string }

export type Status = 'uploaded' | 'planned' | 'skipped' | 'failed'

/** One row of the results file: the public, machine-readable contract. Keep these names stable. */
export interface Result {
  readonly file: string
  readonly artifact: string | null
  readonly status: Status
  readonly scanType: string | null
  readonly format: string | null
  readonly tool: string | null
  readonly lane: Lane | null
  readonly reason: string | null
  readonly uploadName: string | null
  readonly product: string | null
  readonly productType: string | null
  readonly engagement: string | null
  readonly testTitle: string | null
  readonly testId: number | null
  readonly testUrl: string | null
  readonly engagementId: number | null
  readonly engagementUrl: string | null
  readonly productId: number | null
  readonly productUrl: string | null
  /** Counts by severity; the flat `created`, `closed`… of the results file are their totals. */
  readonly counts: Counts | null
  /** When the same file was reached twice: the other copies, not uploaded. */
  readonly duplicates: readonly string[]
  /** On such a copy: the report that was used instead. */
  readonly duplicateOf: string | null
  readonly decidedBy: string | null
  readonly evidence: readonly string[]
  /** The multipart fields sent (or, in dry-run, that would be sent); never the token. */
  readonly fields: Readonly<Record<string, string | readonly string[]>> | null
  readonly humanReadable: boolean
  /** For a skipped file: whether it looks like a report (warned about) or like build output (counted only). */
  readonly reportLike: boolean
  /** For a skipped file: refused as unsafe to upload (empty, broken, a scanner's failed run, an error page), whatever `scan-types` says. */
  readonly unsafe: boolean
  /** When a `scan-types` rule sent the report as a type its content contradicts: the type (or format) the content reads as; else null. */
  readonly contentReadsAs: string | null
  readonly attempts: number
  /** The new findings (not on the default branch), worst first, with links; at most NEW_FINDINGS_LISTED. */
  readonly newFindings: readonly NewFinding[]
  /** What an uploaded report brought against the default branch; null when not uploaded or not classified. */
  readonly novelty: Novelty | null
  /** The default branch's findings this report fixes, worst first (at most NEW_FINDINGS_LISTED); absent unless compared with the default branch's test. */
  readonly fixedFindings?: readonly NewFinding[]
}

/** How many new findings a report lists (the counts by severity are always whole). */
export const NEW_FINDINGS_LISTED = 50

/** One delta's total for a result, or null when DefectDojo did not say. */
export function deltaTotal(result: Pick<Result, 'counts'>, delta: Delta): number | null {
  return result.counts?.[delta]?.total ?? result.counts?.totals?.[delta] ?? null
}
