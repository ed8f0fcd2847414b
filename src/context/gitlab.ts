// GitLab CI's predefined variables → RunContext: the GitLab entry of the CI table (ci.ts), alone.
import type { RunContext } from '../model.js'
import { contextFor, GITLAB, NO_GIT, type Env } from './ci.js'

/**
 * GitLab CI's predefined variables → RunContext. Merge-request pipelines report the source branch and
 * its head commit; tag pipelines give the version; `{pr}` is the merge request's IID.
 */
export function deriveGitlabContext(env: Env, workspace: string): RunContext {
  return contextFor(GITLAB, env, NO_GIT, workspace)
}
