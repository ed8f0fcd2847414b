// The action's pull request output, after the uploads, the results file and the summary are written:
// file/line annotations for the findings the run introduces, and one comment on the pull request,
// updated in place. Nothing here can fail the step or hold it up for long: every GitHub call shares one
// bound, and every failure ends as a notice that says what to grant or change.
import * as core from '@actions/core'
import type { RawInputs } from '../config/inputs.js'
import { withOverrides } from '../context/overrides.js'
import { redactor, secretsOf } from '../engine/secrets.js'
import type { RunReport } from '../engine/run.js'
import type { RunContext } from '../model.js'
import { planAnnotations, STEP_LIMIT } from '../report/annotations.js'
import { hasNews, renderComment, type CommentView } from '../report/comment.js'
import { commentMarker, commentView } from '../report/comment-view.js'
import { lineText } from '../report/text.js'

/** The longest the comment may take, lookups and writes together, like the other lookups of a run. */
export const COMMENT_BOUND_MS = 10_000

export interface PullRequestRequest {
  readonly report: RunReport
  readonly context: RunContext
  readonly raw: RawInputs
  readonly env: Readonly<Record<string, string | undefined>>
  /** Annotations of each kind the step has already written (failed uploads, warnings, the failure). */
  readonly used: { readonly errors: number; readonly warnings: number }
}

export async function publishToPullRequest(request: PullRequestRequest): Promise<void> {
  const { report, context, raw } = request
  const config = report.config
  if (!config || config.dryRun || report.fatal) return
  const redact = redactor(secretsOf(raw))
  const products = report.results.flatMap((r) => (r.product ? [r.product] : []))
  const view = commentView(report.results, {
    runUrl: context.runUrl,
    // The commit the reports were sent with: the `commit` input wins.
    commit: withOverrides(context, config.contextOverrides).sha,
    dryRun: config.dryRun,
    redact,
    marker: commentMarker({ workflow: context.workflow, job: context.job, matrix: raw.matrix ?? '', products })
  })
  annotate(view, context, request.used)
  if (config.prComment === 'off') return
  try {
    await comment(view, context, config.prComment, usableToken(config.githubToken), request.env, redact)
  } catch (error) {
    // The comment is a courtesy: whatever went wrong, the step's outcome is the uploads'.
    core.notice(lineText(redact(`The pull request comment was not written: ${error instanceof Error ? error.message : String(error)}`)))
  }
}

function annotate(view: CommentView, context: RunContext, used: PullRequestRequest['used']): void {
  if (context.eventName === 'workflow_run') {
    // They would attach to the commit this workflow runs on (the default branch's), never to the pull request.
    if (view.reports.some((r) => r.introduced.length > 0)) core.info('No file annotations on a workflow_run run: GitHub would attach them to the default branch, not the pull request. The comment lists the new findings; annotations need the pull_request pattern.')
    return
  }
  // Only a pull request introduces findings to someone reviewing it: a push's first run on the default
  // branch would mark every finding it has ever had.
  if (!context.pullRequest) return
  const plan = planAnnotations(view.reports, context.workspace, { errors: STEP_LIMIT - used.errors, warnings: STEP_LIMIT - used.warnings })
  for (const a of plan.annotations) {
    const properties = { file: a.file, startLine: a.line, title: a.title }
    if (a.level === 'error') core.error(a.message, properties)
    else core.warning(a.message, properties)
  }
  const notes: string[] = []
  if (plan.leftOut > 0) notes.push(`${plan.leftOut} more new ${plan.leftOut === 1 ? 'finding was' : 'findings were'} not annotated (GitHub shows ${STEP_LIMIT} error and ${STEP_LIMIT} warning annotations per step)`)
  if (plan.unplaced > 0) notes.push(`${plan.unplaced} new ${plan.unplaced === 1 ? 'finding has' : 'findings have'} no file and line in this repository to annotate (paths are taken relative to the repository after removing file://, the workspace, /github/workspace/, /src/ and ./)`)
  if (notes.length > 0) core.notice(`${notes.join('; ')}. The job summary and the pull request comment list them.`)
}

async function comment(view: CommentView, context: RunContext, mode: 'auto' | 'always', token: string | null, env: PullRequestRequest['env'], redact: (text: string) => string): Promise<void> {
  const pullRequestRun = context.pullRequest && (context.pr !== null || context.eventName === 'workflow_run')
  if (!pullRequestRun) return
  if (!token) {
    core.notice('No pull request comment: `github-token` is empty. Leave it at its default (the job\'s token) and grant `pull-requests: write`.')
    return
  }
  const controller = new AbortController()
  const { githubApi, classifyFailure } = await import('../github/client.js')
  const { findPullRequest, upsertComment } = await import('../github/pull-request.js')
  const api = githubApi({ token, baseUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''), owner: context.owner, repo: context.repo, signal: controller.signal })
  const work = async () => {
    const target = await findPullRequest(context, api)
    if (target.kind === 'none') return
    if (target.kind === 'unclear') {
      core.notice(lineText(`No pull request comment: ${target.message}.`))
      return
    }
    const outcome = await upsertComment(api, target.number, view.marker, redact(renderComment(view)), { createOnlyWithNews: mode === 'auto', news: hasNews(view) })
    if (outcome.kind === 'not-needed') core.info(`Pull request #${target.number}: nothing introduced or fixed, so no comment (pr-comment: auto).`)
    else core.info(`Pull request #${target.number}: comment ${outcome.kind}${outcome.url ? ` (${outcome.url})` : ''}.`)
  }
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), COMMENT_BOUND_MS)
  })
  try {
    const running = work().then(() => 'done' as const)
    // Once late, its abort must not surface as an unhandled rejection.
    running.catch(() => undefined)
    const finished = await Promise.race([running, deadline])
    if (finished === 'late') core.notice(`No pull request comment: GitHub did not answer within ${COMMENT_BOUND_MS / 1000} s. The job summary has everything.`)
  } catch (error) {
    const failure = classifyFailure(error)
    const said = lineText(redact(failure.message))
    if (failure.kind === 'forbidden') {
      core.notice(
        `No pull request comment: the token may not write to the pull request (GitHub: ${said}). Grant the job \`permissions: pull-requests: write\`; a pull request from a fork always gets a read-only token, so comment from a workflow_run workflow instead (examples/workflow-run.yml). The job summary has everything.`
      )
    } else if (failure.kind === 'rate-limited') core.notice(`No pull request comment: GitHub's API rate limit was reached (${said}). The job summary has everything.`)
    else core.notice(`No pull request comment: ${said}. The job summary has everything.`)
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

/** The token, unless empty or the runner's unfilled default (a bundle started by hand). */
function usableToken(token: string | null): string | null {
  return token && !token.startsWith('${{') ? token : null
}
