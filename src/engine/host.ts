// What a shell gives the engine: where log lines go and, in the action, the artifact backend. The
// engine never touches @actions/*, process.env or the terminal; the shells differ only here and in
// where they write the run's report.
import type { Config } from '../config/config.js'
import type { RunContext } from '../model.js'
import type { ArtifactService } from '../sources/artifacts.js'

/** Where the engine writes its log lines; the shell maps these to @actions/core or a console. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface Host {
  readonly log: Log
  /** Runs `work` inside a collapsible log group (the runner's ::group::); a console just runs it. */
  group<T>(title: string, work: () => Promise<T>): Promise<T>
  /** A secret value to hide in every log line from now on (the runner's ::add-mask::). */
  mask(value: string): void
  /**
   * The artifact backend for this run, or null where there is none (the command line, a bundle started
   * outside a job). Asked only when the `artifacts` patterns are not empty.
   */
  artifacts(config: Config, context: RunContext): Promise<ArtifactService | null>
}
