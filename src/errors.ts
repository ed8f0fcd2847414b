// The ways a run can stop or fail as a whole, told apart by type (user error vs. server vs. bug), so
// every shell ends it the same way: a configuration problem is the user's to fix (the CLI exits 2), a
// failed token check or artifact listing is the environment's (exit 1), anything else is a bug.

/** A user error in the inputs: the run stops before any upload and says what to change. */
export class ConfigError extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} inputs are invalid:\n- ${problems.join('\n- ')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/** Two or more reports would land in one test and take turns closing each other's findings. */
export class CollisionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CollisionError'
  }
}

/**
 * A failure of the run as a whole, shown above everything else in the summary:
 * - `configuration`: invalid inputs or input files; nothing was sent.
 * - `collision`: reports would share a DefectDojo test; nothing was sent.
 * - `connection`: the token check failed (DefectDojo unreachable, not the API, token rejected); nothing was
 *   sent. The one stop that `fail-on-error: false` lets the step pass (engine/verdict.ts).
 * - `artifacts`: the run's artifacts could not be listed; reports from `path` were still processed.
 * - `cancelled`: the job was cancelled (SIGINT/SIGTERM); what was known is reported.
 */
export interface Fatal {
  readonly kind: 'configuration' | 'collision' | 'connection' | 'artifacts' | 'cancelled'
  readonly message: string
  /** For `connection`: DefectDojo was not available as an API, or it rejected the token (the `defectdojo` output). */
  readonly outage?: 'unavailable' | 'rejected'
}

/** Whether a fatal failure is the user's to fix in the inputs (the CLI's usage exit code). */
export function isUserError(fatal: Fatal | null): boolean {
  return fatal !== null && (fatal.kind === 'configuration' || fatal.kind === 'collision')
}

/** For switches that must cover every case: a new case fails to compile here. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`)
}
