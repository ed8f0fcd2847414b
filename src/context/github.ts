// The GitHub Actions context: the runner's environment and the event payload → RunContext, plain
// data, so nothing below the shell touches @actions/*.
import type { RunContext } from '../model.js'
import { get, str } from './values.js'

/** What the shell hands over: the environment and the parsed event payload. */
export interface ContextSource {
  env: Readonly<Record<string, string | undefined>>
  payload: Record<string, unknown>
}

export function deriveGithubContext({ env, payload }: ContextSource): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const [ownerFromEnv, repoFromEnv] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const owner = ownerFromEnv || str(get(payload, 'repository', 'owner', 'login')) || ''
  const repo = repoFromEnv || str(get(payload, 'repository', 'name')) || ''
  const ref = env.GITHUB_REF ?? ''
  const pullRequest = get(payload, 'pull_request')
  const isPullRequest = pullRequest !== undefined && (eventName === 'pull_request' || eventName === 'pull_request_target')

  let branch = ''
  let sha = env.GITHUB_SHA ?? ''
  let pr: number | null = null
  let tag: string | null = null
  // Where the code comes from: the head repository of the pull request or of the triggering run.
  let headRepository: string | null = null
  let fromPullRequest = isPullRequest
  if (isPullRequest) {
    // GITHUB_REF is refs/pull/N/merge and GITHUB_SHA the merge commit: report the head instead.
    branch = str(env.GITHUB_HEAD_REF) ?? str(get(pullRequest, 'head', 'ref')) ?? ''
    sha = str(get(pullRequest, 'head', 'sha')) ?? sha
    const number = get(pullRequest, 'number')
    pr = typeof number === 'number' ? number : null
    headRepository = str(get(pullRequest, 'head', 'repo', 'full_name'))
  } else if (eventName === 'workflow_run') {
    // The reports belong to the run that triggered this one.
    branch = str(get(payload, 'workflow_run', 'head_branch')) ?? ''
    sha = str(get(payload, 'workflow_run', 'head_sha')) ?? sha
    const prNumber = get(payload, 'workflow_run', 'pull_requests', '0', 'number')
    pr = typeof prNumber === 'number' ? prNumber : null
    headRepository = str(get(payload, 'workflow_run', 'head_repository', 'full_name'))
    const triggeredBy = str(get(payload, 'workflow_run', 'event'))
    fromPullRequest = triggeredBy === 'pull_request' || triggeredBy === 'pull_request_target' || pr !== null
  } else if (ref.startsWith('refs/heads/')) {
    branch = ref.slice('refs/heads/'.length)
  } else if (ref.startsWith('refs/tags/')) {
    tag = ref.slice('refs/tags/'.length)
  }
  if (!branch && str(env.GITHUB_REF_TYPE) === 'branch') branch = env.GITHUB_REF_NAME ?? ''

  const baseRepository = owner && repo ? `${owner}/${repo}` : null
  const forkOwner = headRepository && baseRepository && headRepository.toLowerCase() !== baseRepository.toLowerCase() ? (headRepository.split('/')[0] ?? null) : null
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  const runId = env.GITHUB_RUN_ID ?? ''
  const runAttempt = env.GITHUB_RUN_ATTEMPT ?? '1'
  return {
    owner,
    repo,
    serverUrl,
    eventName,
    branch,
    defaultBranch: str(get(payload, 'repository', 'default_branch')),
    sha,
    pr,
    pullRequest: fromPullRequest,
    fork: forkOwner,
    secretsWithheld: secretsWithheld(eventName, forkOwner, str(env.GITHUB_ACTOR) ?? str(get(payload, 'sender', 'login'))),
    source: 'GitHub Actions',
    tag,
    runId,
    runAttempt,
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runUrl: owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : null,
    buildId: runId ? `${runId}-${runAttempt}` : '',
    scmUri: owner && repo && sha ? `${serverUrl}/${owner}/${repo}/tree/${sha}` : null,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd()
  }
}

/**
 * Why GitHub gives this run no repository secrets, or null: a `pull_request` from a fork, and runs that
 * Dependabot triggers (other than `pull_request_target` and `workflow_run`, which run in the base
 * repository's context), get none.
 */
function secretsWithheld(eventName: string, fork: string | null, actor: string | null): string | null {
  if (eventName === 'pull_request' && fork) return `a pull request from the fork ${fork} gets no repository secrets`
  if (actor === 'dependabot[bot]' && eventName !== 'pull_request_target' && eventName !== 'workflow_run') return 'runs triggered by Dependabot get no repository secrets (only Dependabot secrets)'
  return null
}
