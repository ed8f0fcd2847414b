// The variables a GitLab CI job gives a script, for the command line's end-to-end tests: a push pipeline on
// main of acme/web at `sha`; `extra` overrides any of them (a merge request pipeline, say).
export function gitlabEnvironment(sha: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITLAB_CI: 'true',
    CI: 'true',
    CI_COMMIT_SHA: sha,
    CI_COMMIT_BRANCH: 'main',
    CI_DEFAULT_BRANCH: 'main',
    CI_PIPELINE_ID: '98765',
    CI_PIPELINE_URL: 'https://gitlab.example.com/acme/web/-/pipelines/98765',
    CI_PIPELINE_SOURCE: 'push',
    CI_PROJECT_NAMESPACE: 'acme',
    CI_PROJECT_NAME: 'web',
    CI_PROJECT_PATH: 'acme/web',
    CI_PROJECT_URL: 'https://gitlab.example.com/acme/web',
    CI_SERVER_URL: 'https://gitlab.example.com',
    CI_JOB_NAME: 'upload_to_defectdojo',
    ...extra
  }
}
