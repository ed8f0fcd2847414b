// Naming templates: `{placeholder}` → value. Product type, product, engagement and test title are
// templates so one step can follow the practitioners' naming model (one product per service, an
// engagement per lane or one long-running CI/CD engagement, one test per scanner track).

/** Every placeholder a template may use; any other `{name}` is an input error. */
export const PLACEHOLDERS = ['owner', 'repo', 'branch', 'pr', 'workflow', 'job', 'artifact', 'tool', 'scan_type', 'lane', 'file', 'report', 'environment'] as const

export type Placeholder = (typeof PLACEHOLDERS)[number]
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
