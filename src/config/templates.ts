// Naming templates: `{placeholder}` → value. Product type, product, engagement and test title are
// templates so one step can follow the practitioners' naming model (one product per service, an
// engagement per lane or one long-running CI/CD engagement, one test per scanner track).

/** Every placeholder a template may use; any other `{name}` is an input error. */
export const PLACEHOLDERS = ['owner', 'repo', 'branch', 'pr', 'workflow', 'job', 'artifact', 'tool', 'scan_type', 'lane', 'file', 'report', 'environment'] as const

export type Placeholder = (typeof PLACEHOLDERS)[number]

/** What each placeholder is filled with, for --help. */
export const PLACEHOLDER_MEANINGS: Readonly<Record<Placeholder, string>> = {
  owner: 'the owner or group of the repository (GitHub owner, GitLab namespace)',
  repo: 'the repository (project) name',
  branch: 'the branch the reports describe',
  pr: 'the pull (merge) request number, empty elsewhere',
  workflow: 'the workflow or pipeline name (GitLab CI_PIPELINE_NAME, Jenkins job)',
  job: 'the job name',
  artifact: 'the artifact the report came from, empty for a file on disk',
  tool: 'the tool that wrote the report, e.g. gitleaks',
  scan_type: "DefectDojo's scan type, e.g. Gitleaks Scan",
  lane: 'sast, sca, secrets, dast, container, iac, cloud, sbom or other',
  file: "the report's file name without its extension",
  report: 'the report as it is named in the log: artifact/path, or its path',
  environment: 'the --environment value'
}
export type TemplateValues = Record<Placeholder, string>

const PLACEHOLDER_PATTERN = /\{([^{}]*)\}/g

/** Problems with a template's placeholders, as sentences about `subject` ("Input `product`"). */
export function checkTemplate(subject: string, template: string): string[] {
  const problems: string[] = []
  for (const [, name] of template.matchAll(PLACEHOLDER_PATTERN)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name!)) {
      problems.push(`${subject} uses the unknown placeholder {${name}}: use one of ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`)
    }
  }
  // `ci-{branch` would be sent as it is: a brace that opens or closes nothing is a typo.
  if (/[{}]/.test(template.replace(PLACEHOLDER_PATTERN, ''))) problems.push(`${subject} ("${template}") has a brace that opens or closes no placeholder: write placeholders as {name}.`)
  return problems
}

/** Fills a template; runs of spaces left by empty values are folded. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template
    .replace(PLACEHOLDER_PATTERN, (whole, name: string) => (name in values ? values[name as Placeholder] : whole))
    .replace(/\s{2,}/g, ' ')
    .replace(/\(\s*\)/g, '')
    .trim()
}
