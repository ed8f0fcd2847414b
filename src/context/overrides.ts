// The `branch`, `commit` and `default-branch` inputs: corrections to what the run's own context says,
// applied the same way in both shells.
import type { Config } from '../config/config.js'
import type { RunContext } from '../model.js'

export function withOverrides(context: RunContext, overrides: Config['contextOverrides']): RunContext {
  const sha = overrides.commit ?? context.sha
  return {
    ...context,
    branch: overrides.branch ?? context.branch,
    defaultBranch: overrides.defaultBranch ?? context.defaultBranch,
    sha,
    scmUri: overrides.commit && context.scmUri && context.sha ? context.scmUri.replace(context.sha, sha) : context.scmUri
  }
}
