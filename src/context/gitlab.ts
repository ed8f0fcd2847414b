// GitLab CI's predefined variables → RunContext.
import type { RunContext } from '../model.js'
import { str } from './values.js'

/**
 * GitLab CI's predefined variables → RunContext. Merge-request pipelines report the source branch and
 * its head commit; tag pipelines give the version; `{pr}` is the merge request's IID.
 */
export function deriveGitlabContext(env: Readonly<Record<string, string | undefined>>, workspace: string): RunContext {
  const mergeRequestBranch = str(env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME)
  const branch = mergeRequestBranch ?? str(env.CI_COMMIT_BRANCH) ?? ''
  const sha = env.CI_COMMIT_SHA ?? ''
  const projectUrl = str(env.CI_PROJECT_URL)?.replace(/\/+$/, '') ?? null
  const iid = Number(env.CI_MERGE_REQUEST_IID)
  const [namespace, ...rest] = (env.CI_PROJECT_PATH ?? '').split('/')
  return {
    owner: env.CI_PROJECT_NAMESPACE ?? namespace ?? '',
    repo: env.CI_PROJECT_NAME ?? rest.at(-1) ?? '',
    serverUrl: (env.CI_SERVER_URL ?? 'https://gitlab.com').replace(/\/+$/, ''),
    eventName: env.CI_PIPELINE_SOURCE ?? 'push',
    branch,
    defaultBranch: str(env.CI_DEFAULT_BRANCH),
    sha,
    pr: mergeRequestBranch && Number.isInteger(iid) ? iid : null,
    pullRequest: mergeRequestBranch !== null,
    fork: null,
    secretsWithheld: null,
    source: 'GitLab CI',
    tag: str(env.CI_COMMIT_TAG),
    runId: env.CI_PIPELINE_ID ?? '',
    runAttempt: '1',
    runNumber: env.CI_PIPELINE_IID ?? '',
    workflow: env.CI_PIPELINE_NAME ?? '',
    job: env.CI_JOB_NAME ?? '',
    runUrl: str(env.CI_PIPELINE_URL),
    buildId: env.CI_PIPELINE_ID ?? '',
    scmUri: projectUrl && sha ? `${projectUrl}/-/tree/${sha}` : null,
    workspace
  }
}

