// Recognised reports → planned uploads: where each lands (product type, product, engagement, test
// title) and every multipart field sent with it. Nothing lands in another branch's engagement, and no
// name DefectDojo cannot store is sent: both are configuration errors before anything is sent.
import { basename, extname } from 'node:path'
import type { Config } from '../config/config.js'
import { inputSetting, inputSubject, theInput, type InputName } from '../config/inputs.js'
import { ruleFor } from '../config/rules.js'
import { fillTemplate, type TemplateValues } from '../config/templates.js'
import { ConfigError } from '../errors.js'
import { reportLabel, type Baseline, type Candidate, type PlannedUpload, type RecognizedReport, type RunContext, type Target } from '../model.js'

/**
 * Plans every report. Throws ConfigError when the run's branch is unknown while isolation needs it, or
 * when a template gives a name DefectDojo cannot store.
 */
export function planUploads(config: Config, context: RunContext, reports: ReadonlyArray<{ candidate: Candidate; recognition: RecognizedReport }>): PlannedUpload[] {
  if (reports.length === 0) return []
  const isolation = isolationOf(config, context)
  if (isolation.kind === 'unknown') throw new ConfigError([noBranchProblem(context)])
  const problems: string[] = []
  const uploads = reports.map(({ candidate, recognition }) => {
    const { target, templates } = targetFor(config, context, isolation.suffix, candidate, recognition)
    const fields = fieldsFor(config, context, recognition, target)
    problems.push(...targetProblems(target, templates, reportLabel(candidate)), ...fieldProblems(fields, context))
    const endpoint = config.mode === 'import' ? ('import-scan' as const) : ('reimport-scan' as const)
    return { candidate, recognition, target, endpoint, fields, baseline: baselineFor(config, context, target, candidate, recognition) }
  })
  if (problems.length > 0) throw new ConfigError([...new Set(problems)])
  return uploads
}

export function templateValues(config: Config, context: RunContext, candidate: Candidate, recognition: RecognizedReport): TemplateValues {
  const name = basename(candidate.displayPath)
  return {
    owner: context.owner,
    repo: context.repo,
    // A fork's branch is named with its owner, so it never reads as the base repository's branch.
    branch: context.fork && context.branch ? `${context.fork}:${context.branch}` : context.branch,
    pr: context.pr === null ? '' : String(context.pr),
    workflow: context.workflow,
    job: context.job,
    artifact: candidate.artifact ?? '',
    tool: recognition.tool,
    scan_type: recognition.scanType,
    lane: recognition.lane,
    file: name.slice(0, name.length - extname(name).length) || name,
    report: reportLabel(candidate),
    environment: config.environment
  }
}

/** Which input each target field comes from, and the template it used, for messages. */
type Templates = Record<keyof Target, { input: InputName; template: string; rule: string | null }>

function targetFor(config: Config, context: RunContext, suffix: string | null, candidate: Candidate, recognition: RecognizedReport): { target: Target; templates: Templates } {
  const values = templateValues(config, context, candidate, recognition)
  // The first `scan-types` line that matches applies whole: its scan type and its routing.
  const rule = ruleFor(config.rules, candidate.displayPath)
  const from = (input: InputName, own: string | null, template: string) => ({ input, template: own ?? template, rule: own === null ? null : rule!.pattern })
  const templates: Templates = {
    productType: from('product-type', rule?.productType ?? null, config.productTypeTemplate),
    product: from('product', rule?.product ?? null, config.productTemplate),
    engagement: from('engagement', rule?.engagement ?? null, config.engagementTemplate),
    testTitle: from('test-title', rule?.testTitle ?? null, config.testTitleTemplate)
  }
  let engagement = fillTemplate(templates.engagement.template, values)
  if (suffix !== null && !templates.engagement.template.includes('{branch}')) engagement = `${engagement} (${suffix})`
  const target: Target = {
    productType: fillTemplate(templates.productType.template, values),
    product: fillTemplate(templates.product.template, values),
    engagement,
    testTitle: fillTemplate(templates.testTitle.template, values)
  }
  return { target, templates }
}

/** The longest names DefectDojo's database stores (docs/defectdojo-api.md §j); longer ones fail there as an HTTP 500. */
const NAME_LIMITS: Record<keyof Target, number> = { productType: 255, product: 255, engagement: 300, testTitle: 255 }

/**
 * Names DefectDojo needs and can store: an empty test title reimports into the newest test of the scan
 * type, whatever its title, and an over-long one fails in the database after the context was created.
 */
function targetProblems(target: Target, templates: Templates, report: string): string[] {
  const problems: string[] = []
  for (const field of ['productType', 'product', 'engagement', 'testTitle'] as const) {
    const { input, template, rule } = templates[field]
    const where = rule ? `${inputSubject('scan-types')} line "${rule}" (${input}=${template})` : `${inputSubject(input)} ("${template}")`
    if (target[field] === '') problems.push(`${where} gives an empty name for ${report}: DefectDojo needs one; use a template whose placeholders are known for this run, or a fixed name.`)
    else if (target[field].length > NAME_LIMITS[field]) {
      problems.push(`${where} gives a name of ${target[field].length} characters for ${report} ("${clip(target[field])}"); DefectDojo stores at most ${NAME_LIMITS[field]}: shorten the template.`)
    }
  }
  return problems
}

/** Context fields DefectDojo stores in short columns (docs/defectdojo-api.md §j), and the input that sets each. */
const FIELD_LIMITS: ReadonlyArray<[string, number, InputName | null, string]> = [
  ['branch_tag', 150, 'branch', 'the branch'],
  ['commit_hash', 150, 'commit', 'the commit'],
  ['build_id', 150, null, 'the build id'],
  ['version', 100, 'version', 'the version'],
  ['source_code_management_uri', 600, 'commit', 'the source link']
]

function fieldProblems(fields: Readonly<Record<string, string | readonly string[]>>, context: Pick<RunContext, 'source'>): string[] {
  const problems: string[] = []
  for (const [field, limit, input, what] of FIELD_LIMITS) {
    const value = fields[field]
    if (typeof value !== 'string' || value.length <= limit) continue
    const fix = input ? `set a shorter one with ${theInput(input)}` : `it comes from ${context.source}`
    problems.push(`${what[0]!.toUpperCase()}${what.slice(1)} "${clip(value)}" (sent as ${field}) is ${value.length} characters; DefectDojo stores at most ${limit}: ${fix}.`)
  }
  return problems
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

/**
 * Where the same report lands on the default branch: the templates filled in as for a push to it (no
 * pull request, no fork, the default branch's name). A run on the default branch, or one that shares its
 * test (isolation off and no branch in the names), is its own baseline.
 */
export function baselineFor(config: Config, context: RunContext, target: Target, candidate: Candidate, recognition: RecognizedReport): Baseline {
  if (isolationOf({ branchIsolation: true, ifNoBranch: 'isolate' }, context).kind === 'none') return { kind: 'self' }
  const onDefault: RunContext = { ...context, branch: context.defaultBranch ?? '', pr: null, pullRequest: false, fork: null, tag: null }
  const { target: main, templates } = targetFor(config, onDefault, null, candidate, recognition)
  if (context.defaultBranch === null && Object.values(templates).some((t) => t.template.includes('{branch}'))) {
    return { kind: 'unknown', why: `the default branch's name is not known and the names use {branch}: set ${theInput('default-branch')}` }
  }
  return JSON.stringify(main) === JSON.stringify(target) ? { kind: 'self' } : { kind: 'test', target: main }
}

export type Isolation = { kind: 'none'; suffix: null } | { kind: 'isolated'; suffix: string } | { kind: 'unknown' }

/**
 * Branch isolation, by where the code comes from: a pull request (or a run triggered by one), a fork
 * and any branch but the default one upload into an engagement of their own, "<engagement> (<suffix>)",
 * so their reimports never close or reactivate the default branch's findings. A fork's suffix names its
 * owner (`octo:main`), so it never collides with a branch of the same name in the base repository. When
 * the environment does not name the default branch, main and master count as default. A tag build
 * without a branch uploads into the default engagement; any other run without a branch is `unknown`.
 */
export function isolationOf(config: Pick<Config, 'branchIsolation' | 'ifNoBranch'>, context: Pick<RunContext, 'branch' | 'defaultBranch' | 'pullRequest' | 'fork' | 'tag'>): Isolation {
  if (!config.branchIsolation) return { kind: 'none', suffix: null }
  const origin = context.fork ? `${context.fork}:` : ''
  if (context.branch === '') {
    if (context.tag && !context.pullRequest && !context.fork) return { kind: 'none', suffix: null }
    return config.ifNoBranch === 'isolate' ? { kind: 'isolated', suffix: `${origin}no branch` } : { kind: 'unknown' }
  }
  if (context.pullRequest || context.fork) return { kind: 'isolated', suffix: `${origin}${context.branch}` }
  const isDefault = context.defaultBranch ? context.branch === context.defaultBranch : context.branch === 'main' || context.branch === 'master'
  return isDefault ? { kind: 'none', suffix: null } : { kind: 'isolated', suffix: context.branch }
}

function noBranchProblem(context: Pick<RunContext, 'source'>): string {
  return (
    `No branch is known for this run (${context.source} did not say which: a detached HEAD, or a CI whose variables this tool does not read), and with branch isolation ` +
    `its reports must not land in the default branch's engagement: name the branch with ${theInput('branch')}, or set ${inputSetting('if-no-branch', 'isolate')} (uploads into "<engagement> (no branch)"), ` +
    `or ${inputSetting('branch-isolation', 'false')} to use one engagement for every branch.`
  )
}

function fieldsFor(config: Config, context: RunContext, recognition: RecognizedReport, target: Target): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {
    scan_type: recognition.scanType,
    product_type_name: target.productType,
    product_name: target.product,
    engagement_name: target.engagement,
    test_title: target.testTitle,
    // Never false: an explicit false turns a missing context into an unhelpful 404 (docs/defectdojo-api.md §b).
    auto_create_context: 'true',
    environment: config.environment,
    // Sent on every upload, even empty: a reimport that omits them clears the stored values (docs/defectdojo-api.md §a).
    branch_tag: context.branch,
    commit_hash: context.sha,
    build_id: context.buildId,
    version: config.version ?? context.tag ?? ''
  }
  if (context.scmUri) fields.source_code_management_uri = context.scmUri
  const o = config.options
  const optional: Array<[string, string | number | boolean | null]> = [
    ['service', o.service],
    // Only when given: forcing it overrides the scanner's own dates and DefectDojo's SLA clocks.
    ['scan_date', o.scanDate],
    ['minimum_severity', o.minimumSeverity],
    ['active', o.active],
    ['verified', o.verified],
    ['close_old_findings', o.closeOldFindings],
    ['close_old_findings_product_scope', o.closeOldFindingsProductScope],
    ['do_not_reactivate', o.doNotReactivate],
    ['apply_tags_to_findings', o.applyTagsToFindings],
    ['apply_tags_to_endpoints', o.applyTagsToEndpoints],
    ['group_by', o.groupBy],
    ['create_finding_groups_for_all_findings', o.createFindingGroupsForAllFindings],
    ['push_to_jira', o.pushToJira],
    ['deduplication_on_engagement', o.deduplicationOnEngagement],
    ['deduplication_execution_mode', o.deduplicationExecutionMode],
    ['engagement_end_date', o.engagementEndDate],
    ['lead', o.lead],
    ['api_scan_configuration', o.apiScanConfiguration]
  ]
  for (const [name, value] of optional) if (value !== null) fields[name] = String(value)
  // Repeated fields, one tag each (docs/defectdojo-api.md §0).
  if (o.tags.length > 0) fields.tags = [...o.tags]
  return fields
}
