// Recognised reports → planned uploads: where each lands (product type, product, engagement, test
// title) and every multipart field sent with it. Checks that no two reports would land in the same
// test before anything is sent.
import { basename, extname } from 'node:path'
import type { Config } from '../config/config.js'
import { theInput } from '../config/inputs.js'
import { fillTemplate, type TemplateValues } from '../config/templates.js'
import { CollisionError } from '../errors.js'
import { reportLabel, type Candidate, type PlannedUpload, type RecognizedReport, type RunContext, type Target } from '../model.js'

export function planUploads(config: Config, context: RunContext, reports: ReadonlyArray<{ candidate: Candidate; recognition: RecognizedReport }>): PlannedUpload[] {
  const uploads = reports.map(({ candidate, recognition }) => {
    const target = targetFor(config, context, candidate, recognition)
    const endpoint = config.mode === 'import' ? ('import-scan' as const) : ('reimport-scan' as const)
    return { candidate, recognition, target, endpoint, fields: fieldsFor(config, context, recognition, target) }
  })
  checkCollisions(uploads)
  return uploads
}

export function templateValues(config: Config, context: RunContext, candidate: Candidate, recognition: RecognizedReport): TemplateValues {
  const name = basename(candidate.displayPath)
  return {
    owner: context.owner,
    repo: context.repo,
    branch: context.branch,
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

function targetFor(config: Config, context: RunContext, candidate: Candidate, recognition: RecognizedReport): Target {
  const values = templateValues(config, context, candidate, recognition)
  // A `scan-types` line may route matching files elsewhere (a monorepo's services to their own products).
  const rule = config.rules.find((r) => r.matches(candidate.displayPath) && (r.product || r.productType || r.engagement || r.testTitle))
  const engagementTemplate = rule?.engagement ?? config.engagementTemplate
  let engagement = fillTemplate(engagementTemplate, values)
  if (isolateBranch(config, context) && !engagementTemplate.includes('{branch}')) engagement = `${engagement} (${context.branch})`
  return {
    productType: fillTemplate(rule?.productType ?? config.productTypeTemplate, values),
    product: fillTemplate(rule?.product ?? config.productTemplate, values),
    engagement,
    testTitle: fillTemplate(rule?.testTitle ?? config.testTitleTemplate, values)
  }
}

/**
 * Branch isolation: a run on any branch but the default one (a pull request, a feature branch) gets an
 * engagement of its own, so its reimports never close or reactivate the default branch's findings.
 * When the event payload does not name the default branch, main and master count as default.
 */
export function isolateBranch(config: Pick<Config, 'branchIsolation'>, context: Pick<RunContext, 'branch' | 'defaultBranch'>): boolean {
  if (!config.branchIsolation || context.branch === '') return false
  if (context.defaultBranch) return context.branch !== context.defaultBranch
  return context.branch !== 'main' && context.branch !== 'master'
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
    ['engagement_end_date', o.engagementEndDate],
    ['lead', o.lead],
    ['api_scan_configuration', o.apiScanConfiguration]
  ]
  for (const [name, value] of optional) if (value !== null) fields[name] = String(value)
  // Repeated fields, one tag each (docs/defectdojo-api.md §0).
  if (o.tags.length > 0) fields.tags = [...o.tags]
  return fields
}

/** Reimport finds its test by product, engagement, scan type and title (docs/defectdojo-api.md §b): all four must differ. */
function checkCollisions(uploads: readonly PlannedUpload[]): void {
  const byTest = new Map<string, PlannedUpload[]>()
  for (const upload of uploads) {
    const t = upload.target
    const key = JSON.stringify([t.product, t.engagement, upload.recognition.scanType, t.testTitle])
    byTest.set(key, [...(byTest.get(key) ?? []), upload])
  }
  const clashes = [...byTest.values()].filter((group) => group.length > 1)
  if (clashes.length === 0) return
  const lines = clashes.map((group) => {
    const t = group[0]!.target
    const files = group.map((u) => reportLabel(u.candidate))
    return `- ${files.join(', ')} → product "${t.product}", engagement "${t.engagement}", ${group[0]!.recognition.scanType}, test "${t.testTitle}"`
  })
  throw new CollisionError(
    `These reports would land in the same DefectDojo test and close each other's findings on every run:\n${lines.join('\n')}\n` +
      `Give each its own test: add {report}, {artifact} or {file} to ${theInput('test-title')}, or route them apart with ${theInput('engagement')}.`
  )
}
