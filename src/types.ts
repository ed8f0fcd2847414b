// The types that carry a report through the pipeline, in the order it meets them:
// Candidate (a file and where it came from) → Recognition (what it is) → Upload (where it goes,
// with every field) → Result (what happened). Every file looked at ends as exactly one Result; the
// results file, the outputs and the job summary are three renderings of the same Result[].

/** The scan lanes of the naming model (the `{lane}` placeholder). */
export type Lane = 'sast' | 'sca' | 'secrets' | 'dast' | 'container' | 'iac' | 'cloud' | 'sbom' | 'other'

/** A file found on disk, from `path` or inside a downloaded artifact. */
export interface Candidate {
  /** Absolute path on disk. */
  absolutePath: string
  /** Path shown to people and matched by `scan-types` overrides: relative to the workspace, or to the artifact's root. */
  displayPath: string
  /** Artifact name, or null for a file from `path`. */
  artifact: string | null
  /** Size in bytes. */
  size: number
}

/** What recognition concluded about one file. */
export type Recognition =
  | {
      kind: 'report'
      scanType: string
      /** Human name of the tool and format, e.g. "Gitleaks JSON". */
      format: string
      /** The tool, for the `{tool}` placeholder and default test titles, e.g. "gitleaks". */
      tool: string
      lane: Lane
      /** File name the multipart part is sent under (the real name, or renamed to the extension the parser needs). */
      uploadName: string
      /** How it was decided: "content", "content+name" (a name hint broke a tie), or "override". */
      decidedBy: 'content' | 'content+name' | 'override'
      /** What matched, for debugging and the results file. */
      evidence: string[]
    }
  | {
      kind: 'skipped'
      /** One sentence a person can act on. */
      reason: string
      /** True for files people read (HTML reports, Markdown, logs, images): counted, not warned about. */
      humanReadable: boolean
      evidence: string[]
    }

export type Status = 'uploaded' | 'planned' | 'skipped' | 'failed'

/** Severity counts, as DefectDojo's statistics give them. */
export interface SeverityCounts {
  critical: number
  high: number
  medium: number
  low: number
  info: number
  total: number
}

/** The four reimport deltas plus what is active afterwards; null where the server did not say. */
export interface Counts {
  created: SeverityCounts | null
  closed: SeverityCounts | null
  reactivated: SeverityCounts | null
  untouched: SeverityCounts | null
  /** Active findings of the test after the reimport. */
  activeAfter: SeverityCounts | null
}

/** One row of the results file: the public, machine-readable contract. Keep these names stable. */
export interface Result {
  file: string
  artifact: string | null
  status: Status
  scanType: string | null
  format: string | null
  tool: string | null
  lane: Lane | null
  reason: string | null
  uploadName: string | null
  product: string | null
  productType: string | null
  engagement: string | null
  testTitle: string | null
  testId: number | null
  testUrl: string | null
  engagementId: number | null
  engagementUrl: string | null
  productId: number | null
  productUrl: string | null
  created: number | null
  closed: number | null
  reactivated: number | null
  untouched: number | null
  counts: Counts | null
  /** When the same content was reached twice: the other copies, not uploaded. */
  duplicates: string[]
  /** On such a copy: the report that was used instead. */
  duplicateOf: string | null
  decidedBy: string | null
  evidence: string[]
  /** The multipart fields sent (or, in dry-run, that would be sent); never the token. */
  fields: Record<string, string | string[]> | null
  humanReadable: boolean
  attempts: number
}
