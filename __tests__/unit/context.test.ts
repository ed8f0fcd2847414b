import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { deriveCliContext } from '../../src/context/ci.js'
import { parseRemote } from '../../src/context/git.js'
import { deriveGithubContext as deriveContext } from '../../src/context/github.js'
import { deriveGitlabContext } from '../../src/context/gitlab.js'

const event = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../fixtures/events/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>
const env = { GITHUB_REPOSITORY: 'acme/web', GITHUB_RUN_ID: '11223344556', GITHUB_RUN_ATTEMPT: '2', GITHUB_WORKFLOW: 'security', GITHUB_JOB: 'defectdojo', GITHUB_SERVER_URL: 'https://github.com', GITHUB_WORKSPACE: '/w' }

describe('deriveContext', () => {
  it('push to the default branch: branch from the ref, sha from GITHUB_SHA, default branch from the payload', () => {
    const c = deriveContext({ env: { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'abc123' }, payload: event('push-main.json') })
    expect(c).toMatchObject({ owner: 'acme', repo: 'web', branch: 'main', defaultBranch: 'main', sha: 'abc123', pr: null, tag: null, runId: '11223344556', runAttempt: '2', runUrl: 'https://github.com/acme/web/actions/runs/11223344556' })
  })

  it('push to a feature branch keeps slashes in the branch name', () => {
    const c = deriveContext({ env: { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature/login-form', GITHUB_SHA: 'abc' }, payload: event('push-feature.json') })
    expect(c.branch).toBe('feature/login-form')
  })

  it('pull_request from a fork: head branch and head SHA, not refs/pull/N/merge and the merge commit', () => {
    const payload = event('pull-request-fork.json')
    const c = deriveContext({ env: { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/42/merge', GITHUB_SHA: 'abcdefabcdefabcdefabcdefabcdefabcdefabcd', GITHUB_HEAD_REF: 'harden-login' }, payload })
    expect(c).toMatchObject({ branch: 'harden-login', sha: '5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d', pr: 42 })
  })

  it('tag push: no branch, the tag name', () => {
    const c = deriveContext({ env: { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v2.4.0', GITHUB_SHA: 'abc' }, payload: event('push-tag.json') })
    expect(c).toMatchObject({ branch: '', tag: 'v2.4.0' })
  })

  it('workflow_run: branch and sha of the triggering run', () => {
    const c = deriveContext({ env: { ...env, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'other' }, payload: event('workflow-run.json') })
    expect(c).toMatchObject({ branch: 'main', sha: '9f4c2e1d7b3a5f6e8d0c1b2a3f4e5d6c7b8a9f0e' })
  })

  it('schedule: the default branch the run is on', () => {
    const c = deriveContext({ env: { ...env, GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'abc' }, payload: event('schedule.json') })
    expect(c).toMatchObject({ branch: 'main', sha: 'abc', defaultBranch: 'main' })
  })

  it('falls back to the payload for owner and repo when GITHUB_REPOSITORY is missing', () => {
    const c = deriveContext({ env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, payload: event('push-main.json') })
    expect(c).toMatchObject({ owner: 'acme', repo: 'web', runUrl: null })
  })
})

describe('deriveGitlabContext', () => {
  const base = { GITLAB_CI: 'true', CI_COMMIT_SHA: 'abc123', CI_DEFAULT_BRANCH: 'main', CI_PIPELINE_ID: '555', CI_PIPELINE_URL: 'https://gl.example/acme/web/-/pipelines/555', CI_PROJECT_NAMESPACE: 'acme/platform', CI_PROJECT_NAME: 'web', CI_PROJECT_URL: 'https://gl.example/acme/platform/web' }
  it('branch pipeline', () => {
    const c = deriveGitlabContext({ ...base, CI_COMMIT_BRANCH: 'main' }, '/builds')
    expect(c).toMatchObject({ owner: 'acme/platform', repo: 'web', branch: 'main', defaultBranch: 'main', sha: 'abc123', pr: null, buildId: '555', runUrl: 'https://gl.example/acme/web/-/pipelines/555', scmUri: 'https://gl.example/acme/platform/web/-/tree/abc123' })
  })
  it('merge-request pipeline: source branch and the MR IID as {pr}', () => {
    const c = deriveGitlabContext({ ...base, CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/x', CI_MERGE_REQUEST_IID: '17' }, '/builds')
    expect(c).toMatchObject({ branch: 'feature/x', pr: 17, sha: 'abc123' })
  })
  it('tag pipeline: the tag as version source', () => {
    expect(deriveGitlabContext({ ...base, CI_COMMIT_TAG: 'v1.0.0' }, '/b')).toMatchObject({ branch: '', tag: 'v1.0.0' })
  })
})

describe('git facts alone and parseRemote', () => {
  it('reads owner/repo from scp-like and URL remotes, nested groups included', () => {
    expect(parseRemote('git@github.com:acme/web.git')).toEqual({ serverUrl: 'https://github.com', owner: 'acme', repo: 'web' })
    expect(parseRemote('https://gitlab.example.com/group/sub/web.git')).toEqual({ serverUrl: 'https://gitlab.example.com', owner: 'group/sub', repo: 'web' })
    expect(parseRemote('https://token@github.com/acme/web')).toEqual({ serverUrl: 'https://github.com', owner: 'acme', repo: 'web' })
    expect(parseRemote('/local/path')).toBeNull()
    expect(parseRemote(null)).toBeNull()
  })
  it('a detached HEAD has no branch', () => {
    const c = deriveCliContext({}, { branch: 'HEAD', sha: 'abc', remoteUrl: 'git@github.com:acme/web.git', defaultBranch: 'main', tag: 'v1' }, '/w')
    expect(c).toMatchObject({ branch: '', sha: 'abc', owner: 'acme', repo: 'web', tag: 'v1', scmUri: 'https://github.com/acme/web/tree/abc' })
  })
})
