// The CLI's context in each CI system: environments as the systems' documentation shows them, for a
// branch build, a pull (merge) request, a pull request from a fork where the CI says so, and a tag.
// Every field of the RunContext is asserted.
import { describe, expect, it } from '@jest/globals'
import { deriveCliContext, NO_GIT } from '../../src/context/ci.js'
import type { GitFacts } from '../../src/context/git.js'
import type { RunContext } from '../../src/model.js'

const HEAD = '5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d'
const MERGE = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd'
/** What git says in a CI checkout: a detached HEAD at the built commit. */
const detached = (remoteUrl: string): GitFacts => ({ branch: 'HEAD', sha: HEAD, remoteUrl, defaultBranch: null, tag: null, remotes: ['origin'] })

/** A context with every field, for toEqual. */
function context(fields: Partial<RunContext>): RunContext {
  return {
    owner: '',
    repo: '',
    serverUrl: '',
    eventName: 'push',
    branch: '',
    defaultBranch: null,
    sha: HEAD,
    pr: null,
    pullRequest: false,
    fork: null,
    secretsWithheld: null,
    source: '',
    tag: null,
    runId: '',
    runAttempt: '1',
    runNumber: '',
    workflow: '',
    job: '',
    runUrl: null,
    buildId: '',
    scmUri: null,
    workspace: '/w',
    ...fields
  }
}

describe('GitLab CI', () => {
  const env = {
    GITLAB_CI: 'true',
    CI: 'true',
    CI_SERVER_URL: 'https://gitlab.example.com',
    CI_PROJECT_PATH: 'acme/platform/web',
    CI_PROJECT_NAMESPACE: 'acme/platform',
    CI_PROJECT_NAME: 'web',
    CI_PROJECT_URL: 'https://gitlab.example.com/acme/platform/web',
    CI_DEFAULT_BRANCH: 'main',
    CI_PIPELINE_ID: '1234567',
    CI_PIPELINE_IID: '42',
    CI_PIPELINE_URL: 'https://gitlab.example.com/acme/platform/web/-/pipelines/1234567',
    CI_PIPELINE_NAME: 'security',
    CI_JOB_NAME: 'upload_to_defectdojo',
    CI_COMMIT_SHA: HEAD
  }
  const gitlab = (fields: Partial<RunContext>) =>
    context({
      owner: 'acme/platform',
      repo: 'web',
      serverUrl: 'https://gitlab.example.com',
      defaultBranch: 'main',
      source: 'GitLab CI',
      runId: '1234567',
      runNumber: '42',
      workflow: 'security',
      job: 'upload_to_defectdojo',
      runUrl: 'https://gitlab.example.com/acme/platform/web/-/pipelines/1234567',
      buildId: '1234567',
      scmUri: `https://gitlab.example.com/acme/platform/web/-/tree/${HEAD}`,
      ...fields
    })
  const mergeRequest = { CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '17', CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', CI_MERGE_REQUEST_PROJECT_PATH: 'acme/platform/web', CI_MERGE_REQUEST_SOURCE_PROJECT_PATH: 'acme/platform/web' }

  it('branch pipeline: the branch, the pipeline id as build, its IID as run number', () => {
    expect(deriveCliContext({ ...env, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature/login', CI_COMMIT_REF_NAME: 'feature/login' }, NO_GIT, '/w')).toEqual(gitlab({ branch: 'feature/login' }))
  })
  it('merge-request pipeline: the source branch, CI_COMMIT_SHA is its head', () => {
    expect(deriveCliContext({ ...env, ...mergeRequest }, NO_GIT, '/w')).toEqual(gitlab({ eventName: 'merge_request_event', branch: 'feature/login', pr: 17, pullRequest: true }))
  })
  it('merged-results pipeline: the head commit from CI_MERGE_REQUEST_SOURCE_BRANCH_SHA, not the merge commit', () => {
    const c = deriveCliContext({ ...env, ...mergeRequest, CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result', CI_COMMIT_SHA: MERGE, CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: HEAD, CI_MERGE_REQUEST_TARGET_BRANCH_SHA: '0123456789012345678901234567890123456789' }, NO_GIT, '/w')
    expect(c).toEqual(gitlab({ eventName: 'merge_request_event', branch: 'feature/login', pr: 17, pullRequest: true, sha: HEAD }))
  })
  it('merge request from a fork: the source project namespace is the fork', () => {
    const c = deriveCliContext({ ...env, ...mergeRequest, CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'main', CI_MERGE_REQUEST_SOURCE_PROJECT_PATH: 'contributor/web' }, NO_GIT, '/w')
    expect(c).toEqual(gitlab({ eventName: 'merge_request_event', branch: 'main', pr: 17, pullRequest: true, fork: 'contributor' }))
  })
  it('tag pipeline: no branch, the tag', () => {
    expect(deriveCliContext({ ...env, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v2.4.0', CI_COMMIT_REF_NAME: 'v2.4.0' }, NO_GIT, '/w')).toEqual(gitlab({ branch: '', tag: 'v2.4.0' }))
  })
})

describe('Jenkins', () => {
  const env = {
    JENKINS_URL: 'https://ci.example.com/',
    JENKINS_HOME: '/var/jenkins_home',
    CI: 'true',
    BUILD_NUMBER: '153',
    BUILD_ID: '153',
    GIT_COMMIT: HEAD,
    GIT_URL: 'https://github.com/acme/web.git',
    WORKSPACE: '/var/jenkins_home/workspace/web'
  }
  const jenkins = (fields: Partial<RunContext>) =>
    context({ owner: 'acme', repo: 'web', serverUrl: 'https://github.com', source: 'Jenkins', runId: '153', runNumber: '153', buildId: '153', scmUri: `https://github.com/acme/web/tree/${HEAD}`, ...fields })
  const git = detached('https://github.com/acme/web.git')
  const freestyle = { ...env, JOB_NAME: 'web', BUILD_URL: 'https://ci.example.com/job/web/153/' }

  it('freestyle job: GIT_BRANCH=origin/feature/x is the branch feature/x', () => {
    expect(deriveCliContext({ ...freestyle, GIT_BRANCH: 'origin/feature/x' }, git, '/w')).toEqual(jenkins({ branch: 'feature/x', workflow: 'web', runUrl: 'https://ci.example.com/job/web/153/' }))
  })
  it('GIT_BRANCH as a ref, another remote, or a bare name', () => {
    const branch = (GIT_BRANCH: string, facts: GitFacts = git) => deriveCliContext({ ...freestyle, GIT_BRANCH }, facts, '/w').branch
    expect(branch('refs/remotes/origin/release/1.x')).toBe('release/1.x')
    expect(branch('remotes/upstream/release/1.x')).toBe('release/1.x')
    expect(branch('refs/heads/hotfix/crash')).toBe('hotfix/crash')
    expect(branch('upstream/feature/y', { ...git, remotes: ['origin', 'upstream'] })).toBe('feature/y')
    // No remote is called feature: the whole value is the branch.
    expect(branch('feature/x')).toBe('feature/x')
    expect(branch('detached')).toBe('')
    expect(deriveCliContext({ ...freestyle, GIT_BRANCH: 'origin/feature/x', GIT_LOCAL_BRANCH: 'feature/x' }, git, '/w').branch).toBe('feature/x')
  })
  it('multibranch branch job: BRANCH_NAME; the primary branch is the default branch', () => {
    const job = { ...env, JOB_NAME: 'acme/web/feature%2Fx', BUILD_URL: 'https://ci.example.com/job/acme/job/web/job/feature%252Fx/153/', BRANCH_NAME: 'feature/x', BRANCH_IS_PRIMARY: 'false', GIT_BRANCH: 'feature/x' }
    expect(deriveCliContext(job, git, '/w')).toEqual(jenkins({ branch: 'feature/x', workflow: 'acme/web', runUrl: 'https://ci.example.com/job/acme/job/web/job/feature%252Fx/153/' }))
    const main = { ...job, JOB_NAME: 'acme/web/main', BRANCH_NAME: 'main', BRANCH_IS_PRIMARY: 'true', GIT_BRANCH: 'main' }
    expect(deriveCliContext(main, git, '/w')).toMatchObject({ branch: 'main', defaultBranch: 'main' })
  })
  it('multibranch pull request: CHANGE_BRANCH, not BRANCH_NAME=PR-123; CHANGE_ID is the number', () => {
    const job = { ...env, JOB_NAME: 'acme/web/PR-123', BUILD_URL: 'https://ci.example.com/job/acme/job/web/job/PR-123/153/', BRANCH_NAME: 'PR-123', CHANGE_ID: '123', CHANGE_BRANCH: 'feature/x', CHANGE_TARGET: 'main', CHANGE_URL: 'https://github.com/acme/web/pull/123', CHANGE_AUTHOR: 'octocat', GIT_BRANCH: 'PR-123' }
    expect(deriveCliContext(job, git, '/w')).toEqual(jenkins({ eventName: 'pull_request', branch: 'feature/x', pr: 123, pullRequest: true, workflow: 'acme/web', runUrl: 'https://ci.example.com/job/acme/job/web/job/PR-123/153/' }))
  })
  it('pull request from a fork: CHANGE_FORK names it (GitHub: the owner; Bitbucket: owner/repo)', () => {
    const job = { ...env, JOB_NAME: 'acme/web/PR-124', BUILD_URL: 'https://ci.example.com/job/acme/job/web/job/PR-124/153/', BRANCH_NAME: 'PR-124', CHANGE_ID: '124', CHANGE_BRANCH: 'main', CHANGE_TARGET: 'main', CHANGE_FORK: 'contributor', GIT_BRANCH: 'PR-124' }
    expect(deriveCliContext(job, git, '/w')).toEqual(jenkins({ eventName: 'pull_request', branch: 'main', pr: 124, pullRequest: true, fork: 'contributor', workflow: 'acme/web', runUrl: 'https://ci.example.com/job/acme/job/web/job/PR-124/153/' }))
    expect(deriveCliContext({ ...job, CHANGE_FORK: 'contributor/web' }, git, '/w').fork).toBe('contributor')
  })
  it('multibranch tag job: no branch, TAG_NAME', () => {
    const job = { ...env, JOB_NAME: 'acme/web/v2.4.0', BUILD_URL: 'https://ci.example.com/job/acme/job/web/job/v2.4.0/153/', BRANCH_NAME: 'v2.4.0', TAG_NAME: 'v2.4.0', GIT_BRANCH: 'v2.4.0' }
    expect(deriveCliContext(job, git, '/w')).toEqual(jenkins({ eventName: 'tag', branch: '', tag: 'v2.4.0', workflow: 'acme/web', runUrl: 'https://ci.example.com/job/acme/job/web/job/v2.4.0/153/' }))
  })
  it('what Jenkins does not say comes from git: branch, commit, remote', () => {
    const c = deriveCliContext({ JENKINS_HOME: '/var/jenkins_home', BUILD_NUMBER: '9', JOB_NAME: 'web' }, { branch: 'develop', sha: HEAD, remoteUrl: 'git@bitbucket.org:acme/web.git', defaultBranch: 'main', tag: null }, '/w')
    expect(c).toEqual(context({ owner: 'acme', repo: 'web', serverUrl: 'https://bitbucket.org', source: 'Jenkins', branch: 'develop', defaultBranch: 'main', runId: '9', runNumber: '9', buildId: '9', workflow: 'web', scmUri: `https://bitbucket.org/acme/web/src/${HEAD}` }))
  })
})

describe('Azure Pipelines', () => {
  const env = {
    TF_BUILD: 'True',
    BUILD_BUILDID: '4711',
    BUILD_BUILDNUMBER: '20261201.3',
    BUILD_DEFINITIONNAME: 'web-ci',
    SYSTEM_COLLECTIONURI: 'https://dev.azure.com/fabrikam/',
    SYSTEM_TEAMPROJECT: 'Platform Team',
    SYSTEM_JOBATTEMPT: '2',
    SYSTEM_JOBDISPLAYNAME: 'Upload to DefectDojo',
    SYSTEM_JOBNAME: 'upload',
    BUILD_SOURCEVERSION: HEAD
  }
  const runUrl = 'https://dev.azure.com/fabrikam/Platform%20Team/_build/results?buildId=4711'
  const azureRepos = { ...env, BUILD_REPOSITORY_PROVIDER: 'TfsGit', BUILD_REPOSITORY_NAME: 'web', BUILD_REPOSITORY_URI: 'https://fabrikam@dev.azure.com/fabrikam/Platform%20Team/_git/web' }
  const github = { ...env, BUILD_REPOSITORY_PROVIDER: 'GitHub', BUILD_REPOSITORY_NAME: 'acme/web', BUILD_REPOSITORY_URI: 'https://github.com/acme/web' }
  const azure = (fields: Partial<RunContext>) =>
    context({ source: 'Azure Pipelines', runId: '4711', runAttempt: '2', runNumber: '20261201.3', workflow: 'web-ci', job: 'Upload to DefectDojo', runUrl, buildId: '4711', ...fields })
  const inAzureRepos = { owner: 'Platform Team', repo: 'web', serverUrl: 'https://dev.azure.com/fabrikam', scmUri: `https://dev.azure.com/fabrikam/Platform%20Team/_git/web?version=GC${HEAD}` }
  const onGithub = { owner: 'acme', repo: 'web', serverUrl: 'https://github.com', scmUri: `https://github.com/acme/web/tree/${HEAD}` }
  const githubPullRequest = { ...github, BUILD_REASON: 'PullRequest', BUILD_SOURCEBRANCH: 'refs/pull/42/merge', BUILD_SOURCEBRANCHNAME: 'merge', BUILD_SOURCEVERSION: MERGE, SYSTEM_PULLREQUEST_PULLREQUESTID: '1987654321', SYSTEM_PULLREQUEST_PULLREQUESTNUMBER: '42', SYSTEM_PULLREQUEST_SOURCEBRANCH: 'feature/login', SYSTEM_PULLREQUEST_TARGETBRANCH: 'main', SYSTEM_PULLREQUEST_SOURCECOMMITID: HEAD, SYSTEM_PULLREQUEST_ISFORK: 'False', SYSTEM_PULLREQUEST_SOURCEREPOSITORYURI: 'https://github.com/acme/web.git' }

  it('branch build (Azure Repos): the whole branch from BUILD_SOURCEBRANCH, not BUILD_SOURCEBRANCHNAME', () => {
    const c = deriveCliContext({ ...azureRepos, BUILD_REASON: 'IndividualCI', BUILD_SOURCEBRANCH: 'refs/heads/feature/login', BUILD_SOURCEBRANCHNAME: 'login' }, NO_GIT, '/w')
    expect(c).toEqual(azure({ ...inAzureRepos, eventName: 'IndividualCI', branch: 'feature/login' }))
  })
  it('pull request (GitHub): the number, the source branch and its head commit, not the merge commit', () => {
    expect(deriveCliContext(githubPullRequest, NO_GIT, '/w')).toEqual(azure({ ...onGithub, eventName: 'PullRequest', branch: 'feature/login', pr: 42, pullRequest: true }))
  })
  it('pull request (Azure Repos): refs/heads/ dropped from the source branch, the id as number', () => {
    const c = deriveCliContext({ ...azureRepos, BUILD_REASON: 'PullRequest', BUILD_SOURCEBRANCH: 'refs/pull/17/merge', BUILD_SOURCEVERSION: MERGE, SYSTEM_PULLREQUEST_PULLREQUESTID: '17', SYSTEM_PULLREQUEST_SOURCEBRANCH: 'refs/heads/feature/login', SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main', SYSTEM_PULLREQUEST_SOURCECOMMITID: HEAD, SYSTEM_PULLREQUEST_ISFORK: 'False' }, NO_GIT, '/w')
    expect(c).toEqual(azure({ ...inAzureRepos, eventName: 'PullRequest', branch: 'feature/login', pr: 17, pullRequest: true }))
  })
  it('pull request from a fork: SYSTEM_PULLREQUEST_ISFORK, the owner from the source repository', () => {
    const c = deriveCliContext({ ...githubPullRequest, SYSTEM_PULLREQUEST_ISFORK: 'True', SYSTEM_PULLREQUEST_SOURCEBRANCH: 'main', SYSTEM_PULLREQUEST_SOURCEREPOSITORYURI: 'https://github.com/contributor/web.git' }, NO_GIT, '/w')
    expect(c).toEqual(azure({ ...onGithub, eventName: 'PullRequest', branch: 'main', pr: 42, pullRequest: true, fork: 'contributor' }))
  })
  it('tag build: no branch, the tag', () => {
    const c = deriveCliContext({ ...github, BUILD_REASON: 'IndividualCI', BUILD_SOURCEBRANCH: 'refs/tags/v2.4.0', BUILD_SOURCEBRANCHNAME: 'v2.4.0' }, NO_GIT, '/w')
    expect(c).toEqual(azure({ ...onGithub, eventName: 'IndividualCI', branch: '', tag: 'v2.4.0' }))
  })
})

describe('Bitbucket Pipelines', () => {
  const env = {
    CI: 'true',
    BITBUCKET_BUILD_NUMBER: '88',
    BITBUCKET_COMMIT: HEAD,
    BITBUCKET_WORKSPACE: 'acme',
    BITBUCKET_REPO_SLUG: 'web',
    BITBUCKET_REPO_FULL_NAME: 'acme/web',
    BITBUCKET_REPO_UUID: '{1d2c3b4a-0000-4000-8000-000000000001}',
    BITBUCKET_GIT_HTTP_ORIGIN: 'http://bitbucket.org/acme/web',
    BITBUCKET_GIT_SSH_ORIGIN: 'git@bitbucket.org:acme/web.git',
    BITBUCKET_CLONE_DIR: '/opt/atlassian/pipelines/agent/build'
  }
  const bitbucket = (fields: Partial<RunContext>) =>
    context({ owner: 'acme', repo: 'web', serverUrl: 'https://bitbucket.org', source: 'Bitbucket Pipelines', runId: '88', runNumber: '88', buildId: '88', runUrl: 'https://bitbucket.org/acme/web/pipelines/results/88', scmUri: `https://bitbucket.org/acme/web/src/${HEAD}`, ...fields })

  it('branch pipeline', () => {
    expect(deriveCliContext({ ...env, BITBUCKET_BRANCH: 'feature/login' }, NO_GIT, '/w')).toEqual(bitbucket({ branch: 'feature/login' }))
  })
  it('pull-request pipeline: BITBUCKET_BRANCH is the source branch, BITBUCKET_PR_ID the number', () => {
    expect(deriveCliContext({ ...env, BITBUCKET_BRANCH: 'feature/login', BITBUCKET_PR_ID: '12', BITBUCKET_PR_DESTINATION_BRANCH: 'main' }, NO_GIT, '/w')).toEqual(bitbucket({ eventName: 'pull_request', branch: 'feature/login', pr: 12, pullRequest: true }))
  })
  it('tag pipeline: no branch, the tag', () => {
    expect(deriveCliContext({ ...env, BITBUCKET_TAG: 'v2.4.0' }, NO_GIT, '/w')).toEqual(bitbucket({ eventName: 'tag', branch: '', tag: 'v2.4.0' }))
  })
})

describe('CircleCI', () => {
  const env = {
    CI: 'true',
    CIRCLECI: 'true',
    CIRCLE_SHA1: HEAD,
    CIRCLE_BUILD_NUM: '321',
    CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/web/321',
    CIRCLE_JOB: 'defectdojo',
    CIRCLE_PROJECT_USERNAME: 'acme',
    CIRCLE_PROJECT_REPONAME: 'web',
    CIRCLE_REPOSITORY_URL: 'git@github.com:acme/web.git',
    CIRCLE_WORKFLOW_ID: '6a1c2e3f-0000-4000-8000-000000000002',
    CIRCLE_PIPELINE_ID: '7b2d3f40-0000-4000-8000-000000000003'
  }
  const circle = (fields: Partial<RunContext>) =>
    context({ owner: 'acme', repo: 'web', serverUrl: 'https://github.com', source: 'CircleCI', runId: '6a1c2e3f-0000-4000-8000-000000000002', runNumber: '321', job: 'defectdojo', runUrl: 'https://circleci.com/gh/acme/web/321', buildId: '321', scmUri: `https://github.com/acme/web/tree/${HEAD}`, ...fields })

  it('branch build', () => {
    expect(deriveCliContext({ ...env, CIRCLE_BRANCH: 'feature/login' }, NO_GIT, '/w')).toEqual(circle({ branch: 'feature/login' }))
  })
  it('pull request: the number from CIRCLE_PULL_REQUEST', () => {
    const c = deriveCliContext({ ...env, CIRCLE_BRANCH: 'feature/login', CIRCLE_PULL_REQUEST: 'https://github.com/acme/web/pull/42', CIRCLE_PULL_REQUESTS: 'https://github.com/acme/web/pull/42' }, NO_GIT, '/w')
    expect(c).toEqual(circle({ eventName: 'pull_request', branch: 'feature/login', pr: 42, pullRequest: true }))
  })
  it('pull request from a fork: CIRCLE_PR_NUMBER and CIRCLE_PR_USERNAME', () => {
    const c = deriveCliContext({ ...env, CIRCLE_BRANCH: 'pull/43', CIRCLE_PULL_REQUEST: 'https://github.com/acme/web/pull/43', CIRCLE_PR_NUMBER: '43', CIRCLE_PR_USERNAME: 'contributor', CIRCLE_PR_REPONAME: 'web' }, NO_GIT, '/w')
    expect(c).toEqual(circle({ eventName: 'pull_request', branch: 'pull/43', pr: 43, pullRequest: true, fork: 'contributor' }))
  })
  it('tag build: no branch, the tag', () => {
    expect(deriveCliContext({ ...env, CIRCLE_TAG: 'v2.4.0' }, NO_GIT, '/w')).toEqual(circle({ eventName: 'tag', branch: '', tag: 'v2.4.0' }))
  })
})

describe('no CI system', () => {
  const remote = 'git@github.com:acme/web.git'
  it('a detached HEAD gives no branch', () => {
    expect(deriveCliContext({}, detached(remote), '/w')).toEqual(context({ owner: 'acme', repo: 'web', serverUrl: 'https://github.com', eventName: 'local', source: 'git', scmUri: `https://github.com/acme/web/tree/${HEAD}` }))
  })
  it('a branch, the default branch and a tag from git', () => {
    const c = deriveCliContext({ CI: 'true' }, { branch: 'feature/x', sha: HEAD, remoteUrl: remote, defaultBranch: 'main', tag: 'v1.0.0' }, '/w')
    expect(c).toMatchObject({ source: 'git', branch: 'feature/x', defaultBranch: 'main', tag: 'v1.0.0', buildId: '' })
  })
  it('nothing at all: empty fields, no links', () => {
    expect(deriveCliContext({}, NO_GIT, '/w')).toEqual(context({ eventName: 'local', source: 'git', sha: '' }))
  })
  it('the first CI system detected wins', () => {
    expect(deriveCliContext({ GITLAB_CI: 'true', CI_COMMIT_SHA: HEAD, JENKINS_URL: 'https://ci.example.com/' }, NO_GIT, '/w').source).toBe('GitLab CI')
  })
})
