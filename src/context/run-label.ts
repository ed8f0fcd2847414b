// What each CI system calls the page of one run, for links to it: GitHub's "workflow run" is a
// GitLab "pipeline" and a Jenkins "build".

const LABELS: Readonly<Record<string, string>> = {
  'GitHub Actions': 'workflow run',
  'GitLab CI': 'pipeline',
  Jenkins: 'build',
  'Azure Pipelines': 'pipeline run',
  'Bitbucket Pipelines': 'pipeline',
  CircleCI: 'workflow'
}

/** The link label for the run's page, by RunContext.source. */
export function runLabel(source: string): string {
  return LABELS[source] ?? 'CI run'
}
