// The CLI's context: what the CI system's own variables say about the build (branch, commit, pull
// request, build), filled in from `git` in the working folder where they say nothing.
//
// One table, one entry per CI system: how it is detected and how each field is read. A reader that
// returns undefined means "this CI does not say" (git fills in); '' or null means "this CI says there
// is none" (a tag build has no branch), and git is not asked.
import type { RunContext } from '../model.js'
import { parseRemote, type GitFacts } from './git.js'
import { str } from './values.js'

export type Env = Readonly<Record<string, string | undefined>>

/** A repository as the forge names it. */
export interface Repository {
  readonly serverUrl: string
  readonly owner: string
  readonly repo: string
}

/** What one CI system says; each reader may return undefined for "not said". */
export interface CiFacts {
  readonly eventName: string
  /** '' when the CI says the build is on no branch (a tag build). */
  readonly branch: string
  readonly defaultBranch: string
  readonly sha: string
  /** '' when the CI says the build is not a tag build. */
  readonly tag: string
  readonly pr: number | null
  readonly pullRequest: boolean
  readonly fork: string | null
  readonly repository: Repository
  readonly runId: string
  readonly runAttempt: string
  readonly runNumber: string
  readonly workflow: string
  readonly job: string
  readonly runUrl: string
  readonly buildId: string
  /** The commit's tree on the forge, for forges with a form of their own (else owner/repo/tree/sha). */
  readonly scmUri: (sha: string) => string | null
}

type Readers = { readonly [K in keyof CiFacts]?: (env: Env, git: GitFacts) => CiFacts[K] | undefined }

export interface CiSystem {
  /** RunContext.source: named in messages. */
  readonly name: string
  readonly detect: (env: Env) => boolean
  readonly read: Readers
}

// ---------------------------------------------------------------------------------------------------
// Small readers shared by the entries.

/** A whole number from a variable, or null (Gerrit change ids and the like are not numbers). */
function int(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null
}

/** The owner part of `owner/repo` (or `group/sub/repo`); a bare name is taken as the owner. */
function ownerOf(fullName: string): string {
  const cut = fullName.replace(/\/+$/, '').lastIndexOf('/')
  return cut > 0 ? fullName.slice(0, cut) : fullName
}

function splitFullName(fullName: string | null, serverUrl: string): Repository | undefined {
  if (!fullName || !fullName.includes('/')) return undefined
  return { serverUrl, owner: ownerOf(fullName), repo: fullName.slice(fullName.lastIndexOf('/') + 1) }
}

function stripRefsHeads(ref: string | null): string | null {
  return ref === null ? null : ref.replace(/^refs\/heads\//, '')
}

/** The tree of a commit on the forge: Bitbucket says /src/, GitHub and GitLab (redirected) /tree/. */
export function treeUrl(repository: Repository, sha: string): string | null {
  if (!repository.serverUrl || !repository.owner || !repository.repo || !sha) return null
  const base = `${repository.serverUrl}/${repository.owner}/${repository.repo}`
  return /^https?:\/\/([^/]+\.)?bitbucket\.org(:\d+)?$/i.test(repository.serverUrl) ? `${base}/src/${sha}` : `${base}/tree/${sha}`
}

// ---------------------------------------------------------------------------------------------------
// GitLab CI — https://docs.gitlab.com/ci/variables/predefined_variables/

const gitlabProjectUrl = (env: Env): string | null => str(env.CI_PROJECT_URL)?.replace(/\/+$/, '') ?? null
const gitlabMergeRequestBranch = (env: Env): string | null => str(env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME)

export const GITLAB: CiSystem = {
  name: 'GitLab CI',
  detect: (env) => env.GITLAB_CI === 'true',
  read: {
    eventName: (env) => env.CI_PIPELINE_SOURCE ?? 'push',
    // Merge-request pipelines report the source branch; tag pipelines have none.
    branch: (env) => gitlabMergeRequestBranch(env) ?? str(env.CI_COMMIT_BRANCH) ?? '',
    defaultBranch: (env) => str(env.CI_DEFAULT_BRANCH) ?? undefined,
    // In merged-results pipelines CI_COMMIT_SHA is the merge commit GitLab made; the source branch's
    // head is CI_MERGE_REQUEST_SOURCE_BRANCH_SHA (empty in plain merge-request pipelines).
    sha: (env) => str(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA) ?? str(env.CI_COMMIT_SHA) ?? undefined,
    tag: (env) => env.CI_COMMIT_TAG ?? '',
    pr: (env) => (gitlabMergeRequestBranch(env) ? int(env.CI_MERGE_REQUEST_IID) : null),
    pullRequest: (env) => gitlabMergeRequestBranch(env) !== null,
    // A merge request from a fork: its source project is not the project the pipeline runs in.
    fork: (env) => {
      const source = str(env.CI_MERGE_REQUEST_SOURCE_PROJECT_PATH)
      const target = str(env.CI_MERGE_REQUEST_PROJECT_PATH) ?? str(env.CI_PROJECT_PATH)
      return source && target && source.toLowerCase() !== target.toLowerCase() ? ownerOf(source) : null
    },
    repository: (env) => {
      const [namespace, ...rest] = (env.CI_PROJECT_PATH ?? '').split('/')
      return { serverUrl: (env.CI_SERVER_URL ?? 'https://gitlab.com').replace(/\/+$/, ''), owner: env.CI_PROJECT_NAMESPACE ?? namespace ?? '', repo: env.CI_PROJECT_NAME ?? rest.at(-1) ?? '' }
    },
    runId: (env) => env.CI_PIPELINE_ID ?? '',
    runAttempt: () => '1',
    runNumber: (env) => env.CI_PIPELINE_IID ?? '',
    workflow: (env) => env.CI_PIPELINE_NAME ?? '',
    job: (env) => env.CI_JOB_NAME ?? '',
    runUrl: (env) => env.CI_PIPELINE_URL,
    // The pipeline id, shared by every job of the pipeline.
    buildId: (env) => env.CI_PIPELINE_ID ?? '',
    scmUri: (env) => (sha) => {
      const projectUrl = gitlabProjectUrl(env)
      return projectUrl && sha ? `${projectUrl}/-/tree/${sha}` : null
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Jenkins — core variables (BUILD_NUMBER, BUILD_ID, BUILD_URL, JOB_NAME, JENKINS_URL, JENKINS_HOME), as
// every controller lists them at /env-vars.html: https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#using-environment-variables
// Multibranch (BRANCH_NAME, BRANCH_IS_PRIMARY, CHANGE_ID, CHANGE_BRANCH, CHANGE_TARGET, CHANGE_FORK, TAG_NAME):
// https://github.com/jenkinsci/branch-api-plugin/blob/master/src/main/resources/jenkins/branch/BranchNameContributor/buildEnv.properties
// Git plugin (GIT_BRANCH "including remote name, as in origin/master", GIT_LOCAL_BRANCH, GIT_COMMIT,
// GIT_URL): https://plugins.jenkins.io/git/#plugin-content-environment-variables

/** A multibranch job (BRANCH_NAME is set for branches, change requests and tags alike). */
const multibranch = (env: Env): boolean => str(env.BRANCH_NAME) !== null
const jenkinsChange = (env: Env): boolean => str(env.CHANGE_ID) !== null

/**
 * GIT_BRANCH of a freestyle or Pipeline job: `<remote>/<branch>` (origin/feature/x), sometimes as a
 * ref (refs/heads/…, refs/remotes/origin/…); a tag as refs/tags/…; `detached` for a bare commit.
 */
function jenkinsGitBranch(value: string | null, git: GitFacts): { branch?: string; tag?: string } {
  if (!value || value === 'detached') return {}
  if (value.startsWith('refs/tags/')) return { branch: '', tag: value.slice('refs/tags/'.length) }
  if (value.startsWith('refs/heads/')) return { branch: value.slice('refs/heads/'.length) }
  const remoteRef = /^(?:refs\/)?remotes\/[^/]+\/(.+)$/.exec(value)
  if (remoteRef) return { branch: remoteRef[1]! }
  // The remote's name is the first segment; only strip names this checkout has as remotes, so a
  // branch called feature/x set by hand is not cut to x.
  const slash = value.indexOf('/')
  const remotes = new Set(['origin', ...(git.remotes ?? [])])
  if (slash > 0 && remotes.has(value.slice(0, slash))) return { branch: value.slice(slash + 1) }
  return { branch: value }
}

function jenkinsBranch(env: Env, git: GitFacts): string | undefined {
  // For a change request BRANCH_NAME is PR-123, not a branch: CHANGE_BRANCH is the source branch.
  if (jenkinsChange(env)) return str(env.CHANGE_BRANCH) ?? undefined
  if (str(env.TAG_NAME)) return ''
  if (multibranch(env)) return env.BRANCH_NAME
  const local = str(env.GIT_LOCAL_BRANCH)
  if (local && local !== 'detached') return local
  return jenkinsGitBranch(str(env.GIT_BRANCH), git).branch
}

function jenkinsTag(env: Env, git: GitFacts): string | undefined {
  if (str(env.TAG_NAME)) return env.TAG_NAME
  // A multibranch job that is not a tag job says so by leaving TAG_NAME unset.
  if (multibranch(env)) return ''
  return jenkinsGitBranch(str(env.GIT_BRANCH), git).tag
}

export const JENKINS: CiSystem = {
  name: 'Jenkins',
  // JENKINS_URL is set only when the controller's URL is configured; JENKINS_HOME always is.
  detect: (env) => str(env.JENKINS_URL) !== null || str(env.JENKINS_HOME) !== null,
  read: {
    eventName: (env, git) => (jenkinsChange(env) ? 'pull_request' : jenkinsTag(env, git) ? 'tag' : 'push'),
    branch: jenkinsBranch,
    defaultBranch: (env) => (env.BRANCH_IS_PRIMARY === 'true' && !jenkinsChange(env) ? str(env.BRANCH_NAME) ?? undefined : undefined),
    sha: (env) => str(env.GIT_COMMIT) ?? undefined,
    tag: jenkinsTag,
    pr: (env) => (jenkinsChange(env) ? int(env.CHANGE_ID) : null),
    pullRequest: jenkinsChange,
    // "the name of the forked repo": the fork's owner (GitHub), or owner/repo (Bitbucket, GitLab).
    fork: (env) => (jenkinsChange(env) && str(env.CHANGE_FORK) ? ownerOf(env.CHANGE_FORK!) : null),
    repository: (env) => parseRemote(str(env.GIT_URL)) ?? undefined,
    runId: (env) => str(env.BUILD_ID) ?? env.BUILD_NUMBER,
    runNumber: (env) => env.BUILD_NUMBER,
    // A multibranch job's name ends with the branch (web/feature%2Fx): the pipeline is its folder.
    workflow: (env) => (multibranch(env) && env.JOB_NAME?.includes('/') ? env.JOB_NAME.slice(0, env.JOB_NAME.lastIndexOf('/')) : env.JOB_NAME),
    runUrl: (env) => str(env.BUILD_URL) ?? undefined,
    buildId: (env) => env.BUILD_NUMBER
  }
}

// ---------------------------------------------------------------------------------------------------
// Azure Pipelines — https://learn.microsoft.com/azure/devops/pipelines/build/variables
// BUILD_SOURCEBRANCH is the full ref (refs/heads/feature/x, refs/pull/7/merge, refs/tags/v1), never
// BUILD_SOURCEBRANCHNAME, which keeps only the last segment (feature/x → x).

const azureRef = (env: Env): string => env.BUILD_SOURCEBRANCH ?? ''
const azurePullRequest = (env: Env): boolean =>
  env.BUILD_REASON === 'PullRequest' || str(env.SYSTEM_PULLREQUEST_PULLREQUESTID) !== null || str(env.SYSTEM_PULLREQUEST_PULLREQUESTNUMBER) !== null || /^refs\/pull\/\d+\//.test(azureRef(env))
const azureRepos = (env: Env): boolean => env.BUILD_REPOSITORY_PROVIDER === 'TfsGit'
const withoutUserInfo = (url: string): string => url.replace(/^(https?:\/\/)[^@/]+@/, '$1')

/** Owner of a repository URL: an Azure Repos URL (…/project/_git/repo) gives the project. */
function urlOwner(url: string | null): string | null {
  if (!url) return null
  const azure = /\/([^/]+)\/_git\/[^/]+\/?$/.exec(url)
  if (azure) return decodeURIComponent(azure[1]!)
  return parseRemote(url)?.owner ?? null
}

export const AZURE_PIPELINES: CiSystem = {
  name: 'Azure Pipelines',
  detect: (env) => (env.TF_BUILD ?? '').toLowerCase() === 'true',
  read: {
    eventName: (env) => str(env.BUILD_REASON) ?? undefined,
    branch: (env) => {
      // Azure Repos gives refs/heads/…, GitHub the bare name.
      if (azurePullRequest(env)) return stripRefsHeads(str(env.SYSTEM_PULLREQUEST_SOURCEBRANCH)) ?? undefined
      const ref = azureRef(env)
      if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length)
      if (ref.startsWith('refs/tags/')) return ''
      return undefined
    },
    // SYSTEM_PULLREQUEST_SOURCECOMMITID (the head commit of the pull request) is set by the agent but
    // not on the page above (MicrosoftDocs/azure-devops-docs#4588); BUILD_SOURCEVERSION is the merge commit then.
    sha: (env) => (azurePullRequest(env) ? str(env.SYSTEM_PULLREQUEST_SOURCECOMMITID) : null) ?? str(env.BUILD_SOURCEVERSION) ?? undefined,
    tag: (env) => (azureRef(env).startsWith('refs/tags/') ? azureRef(env).slice('refs/tags/'.length) : azureRef(env) ? '' : undefined),
    // GitHub pull requests have an id that is not their number: PULLREQUESTNUMBER is the number.
    pr: (env) => (azurePullRequest(env) ? (int(env.SYSTEM_PULLREQUEST_PULLREQUESTNUMBER) ?? int(env.SYSTEM_PULLREQUEST_PULLREQUESTID) ?? int(/^refs\/pull\/(\d+)\//.exec(azureRef(env))?.[1])) : null),
    pullRequest: azurePullRequest,
    // The owner of the fork's repository when its URL says, else a placeholder so the run is still isolated.
    fork: (env) => (azurePullRequest(env) && (env.SYSTEM_PULLREQUEST_ISFORK ?? '').toLowerCase() === 'true' ? (urlOwner(str(env.SYSTEM_PULLREQUEST_SOURCEREPOSITORYURI)) ?? 'fork') : null),
    repository: (env) => {
      const uri = str(env.BUILD_REPOSITORY_URI)
      const name = str(env.BUILD_REPOSITORY_NAME)
      if (azureRepos(env) || (uri && /\/_git\//.test(uri))) {
        const collection = str(env.SYSTEM_COLLECTIONURI)
        const serverUrl = (collection ?? (uri ? new URL(withoutUserInfo(uri)).origin : '')).replace(/\/+$/, '')
        return name ? { serverUrl, owner: str(env.SYSTEM_TEAMPROJECT) ?? urlOwner(uri) ?? '', repo: name } : undefined
      }
      // GitHub and other Git hosts: BUILD_REPOSITORY_NAME is owner/repo.
      const remote = parseRemote(uri)
      return splitFullName(name, remote?.serverUrl ?? 'https://github.com') ?? remote ?? undefined
    },
    runId: (env) => env.BUILD_BUILDID,
    runAttempt: (env) => str(env.SYSTEM_JOBATTEMPT) ?? undefined,
    runNumber: (env) => env.BUILD_BUILDNUMBER,
    workflow: (env) => env.BUILD_DEFINITIONNAME,
    job: (env) => str(env.SYSTEM_JOBDISPLAYNAME) ?? env.SYSTEM_JOBNAME,
    runUrl: (env) => {
      const collection = str(env.SYSTEM_COLLECTIONURI)
      const project = str(env.SYSTEM_TEAMPROJECT)
      const id = str(env.BUILD_BUILDID)
      return collection && project && id ? `${collection.replace(/\/*$/, '/')}${encodeURIComponent(project)}/_build/results?buildId=${id}` : undefined
    },
    buildId: (env) => env.BUILD_BUILDID,
    scmUri: (env) => {
      const uri = str(env.BUILD_REPOSITORY_URI)
      if (!azureRepos(env) || !uri) return undefined
      return (sha) => (sha ? `${withoutUserInfo(uri).replace(/\/+$/, '')}?version=GC${sha}` : null)
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Bitbucket Pipelines — https://support.atlassian.com/bitbucket-cloud/docs/variables-and-secrets/
// No variable there names a fork, so `fork` stays null.

const bitbucketServer = (env: Env): string => parseRemote(str(env.BITBUCKET_GIT_HTTP_ORIGIN))?.serverUrl ?? 'https://bitbucket.org'
const bitbucketFullName = (env: Env): string | null =>
  str(env.BITBUCKET_REPO_FULL_NAME) ?? (str(env.BITBUCKET_WORKSPACE) && str(env.BITBUCKET_REPO_SLUG) ? `${env.BITBUCKET_WORKSPACE}/${env.BITBUCKET_REPO_SLUG}` : null)

export const BITBUCKET_PIPELINES: CiSystem = {
  name: 'Bitbucket Pipelines',
  detect: (env) => str(env.BITBUCKET_BUILD_NUMBER) !== null || str(env.BITBUCKET_COMMIT) !== null,
  read: {
    eventName: (env) => (str(env.BITBUCKET_PR_ID) ? 'pull_request' : str(env.BITBUCKET_TAG) ? 'tag' : 'push'),
    // In pull-request pipelines BITBUCKET_BRANCH is the source branch (BITBUCKET_PR_DESTINATION_BRANCH the target).
    branch: (env) => str(env.BITBUCKET_BRANCH) ?? (str(env.BITBUCKET_TAG) ? '' : undefined),
    sha: (env) => str(env.BITBUCKET_COMMIT) ?? undefined,
    tag: (env) => env.BITBUCKET_TAG ?? '',
    pr: (env) => int(env.BITBUCKET_PR_ID),
    pullRequest: (env) => str(env.BITBUCKET_PR_ID) !== null,
    fork: () => null,
    repository: (env) => splitFullName(bitbucketFullName(env), bitbucketServer(env)),
    runId: (env) => env.BITBUCKET_BUILD_NUMBER,
    runNumber: (env) => env.BITBUCKET_BUILD_NUMBER,
    // The pipeline's page as Bitbucket links it (not on the variables page).
    runUrl: (env) => {
      const fullName = bitbucketFullName(env)
      return fullName && str(env.BITBUCKET_BUILD_NUMBER) ? `${bitbucketServer(env)}/${fullName}/pipelines/results/${env.BITBUCKET_BUILD_NUMBER}` : undefined
    },
    buildId: (env) => env.BITBUCKET_BUILD_NUMBER
  }
}

// ---------------------------------------------------------------------------------------------------
// CircleCI — https://circleci.com/docs/reference/variables/#built-in-environment-variables
// CIRCLE_PR_NUMBER, CIRCLE_PR_USERNAME and CIRCLE_PR_REPONAME are set only on pull requests from forks.

const circlePullRequest = (env: Env): boolean => str(env.CIRCLE_PULL_REQUEST) !== null || str(env.CIRCLE_PR_NUMBER) !== null

export const CIRCLECI: CiSystem = {
  name: 'CircleCI',
  detect: (env) => env.CIRCLECI === 'true',
  read: {
    eventName: (env) => (circlePullRequest(env) ? 'pull_request' : str(env.CIRCLE_TAG) ? 'tag' : 'push'),
    branch: (env) => str(env.CIRCLE_BRANCH) ?? (str(env.CIRCLE_TAG) ? '' : undefined),
    sha: (env) => str(env.CIRCLE_SHA1) ?? undefined,
    tag: (env) => env.CIRCLE_TAG ?? '',
    // CIRCLE_PULL_REQUEST is the pull request's URL: …/pull/12 (GitHub), …/pull-requests/12 (Bitbucket).
    pr: (env) => int(env.CIRCLE_PR_NUMBER) ?? int(/\/pull(?:-requests)?\/(\d+)\/?$/.exec(env.CIRCLE_PULL_REQUEST ?? '')?.[1]),
    pullRequest: circlePullRequest,
    fork: (env) => str(env.CIRCLE_PR_USERNAME),
    repository: (env) => {
      const remote = parseRemote(str(env.CIRCLE_REPOSITORY_URL))
      const owner = str(env.CIRCLE_PROJECT_USERNAME)
      const repo = str(env.CIRCLE_PROJECT_REPONAME)
      return owner && repo ? { serverUrl: remote?.serverUrl ?? 'https://github.com', owner, repo } : (remote ?? undefined)
    },
    runId: (env) => str(env.CIRCLE_WORKFLOW_ID) ?? env.CIRCLE_BUILD_NUM,
    runNumber: (env) => env.CIRCLE_BUILD_NUM,
    job: (env) => env.CIRCLE_JOB,
    runUrl: (env) => str(env.CIRCLE_BUILD_URL) ?? undefined,
    // The job number: CircleCI puts no pipeline number in the environment.
    buildId: (env) => env.CIRCLE_BUILD_NUM
  }
}

/** Every CI system the CLI knows, first detected wins. */
export const CI_SYSTEMS: readonly CiSystem[] = [GITLAB, JENKINS, AZURE_PIPELINES, BITBUCKET_PIPELINES, CIRCLECI]

/** What git says when nothing is known (no repository, no git). */
export const NO_GIT: GitFacts = { branch: null, sha: null, remoteUrl: null, defaultBranch: null, tag: null }

/** The context for one CI system (or git alone when `system` is null). */
export function contextFor(system: CiSystem | null, env: Env, git: GitFacts, workspace: string): RunContext {
  const said = <K extends keyof CiFacts>(field: K): CiFacts[K] | undefined => system?.read[field]?.(env, git)
  const gitBranch = git.branch && git.branch !== 'HEAD' ? git.branch : ''
  const repository = said('repository') ?? parseRemote(git.remoteUrl) ?? { serverUrl: '', owner: '', repo: '' }
  const sha = said('sha') ?? git.sha ?? ''
  const forgeTree = said('scmUri')
  const scmUri = forgeTree ? forgeTree(sha) : treeUrl(repository, sha)
  return {
    owner: repository.owner,
    repo: repository.repo,
    serverUrl: repository.serverUrl,
    eventName: said('eventName') ?? (system ? 'push' : 'local'),
    branch: said('branch') ?? gitBranch,
    defaultBranch: said('defaultBranch') ?? git.defaultBranch,
    sha,
    pr: said('pr') ?? null,
    pullRequest: said('pullRequest') ?? false,
    fork: said('fork') ?? null,
    // Only GitHub withholds secrets from a run; these systems give what the project configured.
    secretsWithheld: null,
    source: system?.name ?? 'git',
    tag: (said('tag') ?? git.tag) || null,
    runId: said('runId') ?? '',
    runAttempt: said('runAttempt') ?? '1',
    runNumber: said('runNumber') ?? '',
    workflow: said('workflow') ?? '',
    job: said('job') ?? '',
    runUrl: said('runUrl') || null,
    buildId: said('buildId') ?? '',
    scmUri,
    workspace
  }
}

/** The CLI's context: the first CI system detected in `env`, filled in from git; git alone elsewhere. */
export function deriveCliContext(env: Env, git: GitFacts, workspace: string): RunContext {
  return contextFor(CI_SYSTEMS.find((system) => system.detect(env)) ?? null, env, git, workspace)
}
