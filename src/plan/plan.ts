// Recognised reports → planned uploads: where each lands (product type, product, engagement, test
// title) and every multipart field sent with it. Checks that no two reports would land in the same
// test before anything is sent.
import { basename, extname } from 'node:path'
import type { Config } from '../config.js'
import type { RunContext } from '../context.js'
import type { Candidate, Recognition } from '../types.js'
import { reportLabel } from '../sources/label.js'
import { fillTemplate, type TemplateValues } from './naming.js'

export type ReportRecognition = Extract<Recognition, { kind: 'report' }>

export interface Target {
  productType: string
  product: string
  engagement: string
  testTitle: string
}

export interface PlannedUpload {
  candidate: Candidate
  recognition: ReportRecognition
  target: Target
  /** Every multipart field but `file`, exactly as sent (API.md §a spellings). */
  fields: Record<string, string | string[]>
}

/** Two or more reports would land in one test and take turns closing each other's findings. */
export class CollisionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CollisionError'
  }
}

export function planUploads(config: Config, context: RunContext, reports: ReadonlyArray<{ candidate: Candidate; recognition: ReportRecognition }>): PlannedUpload[] {
  const uploads = reports.map(({ candidate, recognition }) => {
    const target = targetFor(config, context, candidate, recognition)
    return { candidate, recognition, target, fields: fieldsFor(config, context, recognition, target) }
  })
  checkCollisions(uploads)
  return uploads
}

export function templateValues(config: Config, context: RunContext, candidate: Candidate, recognition: ReportRecognition): TemplateValues {
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

function targetFor(config: Config, context: RunContext, candidate: Candidate, recognition: ReportRecognition): Target {
  const values = templateValues(config, context, candidate, recognition)
  return {
    productType: fillTemplate(config.productTypeTemplate, values),
    product: fillTemplate(config.productTemplate, values),
    engagement: fillTemplate(config.engagementTemplate, values),
    testTitle: fillTemplate(config.testTitleTemplate, values)
  }
}

function fieldsFor(config: Config, context: RunContext, recognition: ReportRecognition, target: Target): Record<string, string | string[]> {
  return {
    scan_type: recognition.scanType,
    product_type_name: target.productType,
    product_name: target.product,
    engagement_name: target.engagement,
    test_title: target.testTitle,
    // Omitted rather than false: an explicit false turns a missing context into an unhelpful 404 (API.md §b).
    auto_create_context: 'true',
    environment: config.environment,
    // Sent on every reimport, even empty: an omitted value clears the stored one (API.md §a, pitfall 5).
    branch_tag: context.branch,
    commit_hash: context.sha,
    build_id: context.runId ? `${context.runId}-${context.runAttempt}` : '',
    version: context.tag ?? ''
  }
}

/** Reimport finds its test by product, engagement, scan type and title (API.md §b): all four must differ. */
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
      'Give each its own test: add {report}, {artifact} or {file} to the `test-title` input, or route them apart with `engagement`.'
  )
}
