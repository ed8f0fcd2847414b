// The run's Git and CI context, derived from the runner's environment and the event payload as plain
// data, so the engine below the Actions shell never touches @actions/*.

export interface RunContext {
  owner: string
  repo: string
  /** e.g. https://github.com */
  serverUrl: string
  eventName: string
  /** Branch name without refs/heads/; for pull requests the head branch. Empty when not on a branch (tag push). */
  branch: string
  /** Default branch of the repository, from the event payload when it says. */
  defaultBranch: string | null
  /** The commit the reports describe: for pull requests the head SHA, not the merge commit. */
  sha: string
  /** Pull request number, or null. */
  pr: number | null
  /** Tag name on a tag push, or null. */
  tag: string | null
  runId: string
  runAttempt: string
  workflow: string
  job: string
  /** Link to the workflow run or pipeline. */
  runUrl: string | null
  /** `build_id` sent with every upload: GitHub `<run id>-<attempt>`, GitLab the pipeline id. */
  buildId: string
  /** `source_code_management_uri`: the tree of the commit on the forge, or null. */
  scmUri: string | null
  workspace: string
}

/** What the shell hands over: the environment and the parsed event payload. */
export interface ContextSource {
  env: Readonly<Record<string, string | undefined>>
  payload: Record<string, unknown>
}

type Json = Record<string, unknown>

function get(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Json)[step]
  }
  return current
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

export function deriveContext({ env, payload }: ContextSource): RunContext {
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
  if (isPullRequest) {
    // GITHUB_REF is refs/pull/N/merge and GITHUB_SHA the merge commit: report the head instead.
    branch = str(env.GITHUB_HEAD_REF) ?? str(get(pullRequest, 'head', 'ref')) ?? ''
    sha = str(get(pullRequest, 'head', 'sha')) ?? sha
    const number = get(pullRequest, 'number')
    pr = typeof number === 'number' ? number : null
  } else if (eventName === 'workflow_run') {
    // The reports belong to the run that triggered this one.
    branch = str(get(payload, 'workflow_run', 'head_branch')) ?? ''
    sha = str(get(payload, 'workflow_run', 'head_sha')) ?? sha
    const prNumber = get(payload, 'workflow_run', 'pull_requests', '0', 'number')
    pr = typeof prNumber === 'number' ? prNumber : null
  } else if (ref.startsWith('refs/heads/')) {
    branch = ref.slice('refs/heads/'.length)
  } else if (ref.startsWith('refs/tags/')) {
    tag = ref.slice('refs/tags/'.length)
  }
  if (!branch && str(env.GITHUB_REF_TYPE) === 'branch') branch = env.GITHUB_REF_NAME ?? ''

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
    tag,
    runId,
    runAttempt,
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runUrl: owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : null,
    buildId: runId ? `${runId}-${runAttempt}` : '',
    scmUri: owner && repo && sha ? `${serverUrl}/${owner}/${repo}/tree/${sha}` : null,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd()
  }
}

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
    tag: str(env.CI_COMMIT_TAG),
    runId: env.CI_PIPELINE_ID ?? '',
    runAttempt: '1',
    workflow: env.CI_PIPELINE_NAME ?? '',
    job: env.CI_JOB_NAME ?? '',
    runUrl: str(env.CI_PIPELINE_URL),
    buildId: env.CI_PIPELINE_ID ?? '',
    scmUri: projectUrl && sha ? `${projectUrl}/-/tree/${sha}` : null,
    workspace
  }
}

/** What `git` says about a working folder (any field may be missing outside a repository). */
export interface GitFacts {
  branch: string | null
  sha: string | null
  /** `origin`'s URL, e.g. git@github.com:acme/web.git or https://gitlab.example.com/group/sub/web.git. */
  remoteUrl: string | null
  /** The remote's default branch (origin/HEAD), when known. */
  defaultBranch: string | null
  /** A tag pointing at HEAD, when any. */
  tag: string | null
}

/** A laptop or Jenkins: the context from git in the working folder. */
export function deriveGitContext(git: GitFacts, workspace: string): RunContext {
  const remote = parseRemote(git.remoteUrl)
  const sha = git.sha ?? ''
  return {
    owner: remote?.owner ?? '',
    repo: remote?.repo ?? '',
    serverUrl: remote?.serverUrl ?? '',
    eventName: 'local',
    branch: git.branch && git.branch !== 'HEAD' ? git.branch : '',
    defaultBranch: git.defaultBranch,
    sha,
    pr: null,
    tag: git.tag,
    runId: '',
    runAttempt: '1',
    workflow: '',
    job: '',
    runUrl: null,
    buildId: '',
    scmUri: remote && sha ? `${remote.serverUrl}/${remote.owner}/${remote.repo}/tree/${sha}` : null,
    workspace
  }
}

/** owner/repo and the web URL of a git remote (scp-like or URL form); null when it is neither. */
export function parseRemote(url: string | null): { serverUrl: string; owner: string; repo: string } | null {
  if (!url) return null
  const scp = /^[^@/]+@([^:/]+):(.+?)(?:\.git)?\/?$/.exec(url)
  let host: string
  let path: string
  if (scp) {
    host = scp[1]!
    path = scp[2]!
  } else {
    try {
      const parsed = new URL(url)
      host = parsed.host
      path = parsed.pathname.replace(/^\/+/, '').replace(/\.git\/?$/, '').replace(/\/+$/, '')
    } catch {
      return null
    }
  }
  const parts = path.split('/').filter(Boolean)
  if (parts.length < 2) return null
  return { serverUrl: `https://${host}`, owner: parts.slice(0, -1).join('/'), repo: parts.at(-1)! }
}
