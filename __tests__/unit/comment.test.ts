// The pull request comment's renderer, its view model adapter and its marker: rendered snapshots
// committed under comment-snapshots/ for review, and the rules a hostile report must not break.
import { describe, expect, it } from '@jest/globals'
import MarkdownIt from 'markdown-it'
import { fileURLToPath } from 'node:url'
import { COMMENT_LIMIT, hasNews, renderComment, type CommentFinding, type CommentReport, type CommentView } from '../../src/report/comment.ts'
import { commentMarker, commentView } from '../../src/report/comment-view.ts'
import { baseResult } from '../../src/report/results.ts'
import type { Novelty, Result } from '../../src/model.ts'
import { snapshotFiles } from '../support/snapshot-file.ts'

const SNAPSHOTS = fileURLToPath(new URL('./comment-snapshots/', import.meta.url))

const expectSnapshotFile = snapshotFiles(SNAPSHOTS)

const DOJO = 'https://defectdojo.example.com'
const RUN = 'https://github.com/acme/web/actions/runs/11223344556'
const MARKER = commentMarker({ workflow: 'security', job: 'defectdojo', matrix: 'null', products: ['web'] })

let nextFinding = 100
function finding(severity: string, title: string, file: string | null = null, line: number | null = null, extra: Partial<CommentFinding> = {}): CommentFinding {
  return { title, severity, url: `${DOJO}/finding/${nextFinding++}`, file, line, ...extra }
}

function report(name: string, testId: number, fields: Partial<CommentReport>): CommentReport {
  return { name, testUrl: `${DOJO}/test/${testId}`, basis: 'main', introduced: [], introducedTotal: fields.introduced?.length ?? 0, fixed: [], fixedTotal: fields.fixed?.length ?? 0, ...fields }
}

function view(reports: CommentReport[], extra: Partial<CommentView> = {}): CommentView {
  return { marker: MARKER, reports, runUrl: RUN, commit: '5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d', dryRun: false, ...extra }
}

function typicalPullRequest(): CommentView {
  nextFinding = 100
  return view([
    report('semgrep/semgrep.json', 11, {
      baselineUrl: `${DOJO}/test/3`,
      introduced: [
        finding('Medium', 'python.flask.security.audit.debug-enabled', 'app/main.py', 12),
        finding('High', 'python.django.security.injection.sql.sql-injection-using-raw', 'src/app.py', 42),
        finding('Critical', 'Hard coded AWS secret found in config/settings.py', 'config/settings.py', 7, { reintroduced: true })
      ],
      fixed: [finding('High', 'python.lang.security.audit.subprocess-shell-true', 'tools/run.py', 88)]
    }),
    report('trivy/trivy-image.json', 12, { baselineUrl: `${DOJO}/test/4`, introduced: [finding('High', 'CVE-2024-45337 golang.org/x/crypto 0.21.0', 'usr/local/bin/app', null)], fixed: [] }),
    report('gitleaks/gitleaks.json', 13, { basis: 'no-baseline', introduced: [finding('High', 'Hard coded generic-api-key found in .env.example', '.env.example', 3)], fixed: null }),
    report('zap/zap.xml', 14, { basis: 'unknown', note: 'the default branch test could not be read within 10 s', introduced: [], introducedTotal: 0, fixed: null }),
    report('codeql/codeql.sarif', 0, { testUrl: null, basis: 'failed', note: 'HTTP 400: the file is not a valid SARIF report', fixed: null })
  ])
}

describe('rendered snapshots (committed under comment-snapshots/)', () => {
  it('a typical pull request: introduced by severity, fixed, no baseline, not compared, failed', () => {
    expectSnapshotFile('pull-request', renderComment(typicalPullRequest()))
  })

  it('nothing introduced or fixed (pr-comment: always, or the update of an earlier comment)', () => {
    expectSnapshotFile('clean', renderComment(view([report('semgrep/semgrep.json', 11, {})])))
  })

  it('hostile titles and paths', () => {
    nextFinding = 100
    const hostile = view([
      report('evil/<img src=x onerror=alert(1)>.json', 11, {
        introduced: [
          finding('High', '<img src=x onerror=alert(1)> @octocat closes #123 `rm -rf` | cell | ![x](https://evil.example/x.png)', 'src/`x`|y.py', 3),
          finding('Critical', '<!-- hidden --> [link](javascript:alert(1)) **bold** <details><summary>x</summary>', '../../etc/passwd', 1),
          finding('Low', 'line one\nline two\r\n::error file=x::spoofed\u202Egnp.exe', 'a.py', 2)
        ],
        fixed: [finding('Medium', '@everyone see https://phish.example/login and www.phish.example', 'b.py', 5)]
      })
    ])
    const markdown = renderComment(hostile)
    expectSnapshotFile('hostile', markdown)
    const html = new MarkdownIt({ html: true, linkify: true }).render(markdown)
    // No tag from a report survives, no mention or issue reference can form, no script link.
    expect(html).not.toMatch(/<img|<details|<!-- hidden|href="javascript/)
    expect(html).not.toMatch(/@octocat|@everyone|#123/)
    expect(html).not.toContain('<a href="https://phish.example')
    // Each finding stays one table row: no cell break from `|`, no line break from the title.
    expect(markdown.split('\n').filter((l) => l.startsWith('| **')).length).toBe(3)
  })

  it('500 introduced findings with long titles: within the limit, the first rows listed, the rest linked', () => {
    nextFinding = 100
    const many = Array.from({ length: 500 }, (_, i) => finding(['Critical', 'High', 'Medium', 'Low', 'Info'][i % 5]!, `rules.${'x'.repeat(300)}.${i}`, `src/${'deep/'.repeat(40)}file${i}.py`, i + 1))
    const markdown = renderComment(view([report('semgrep/semgrep.json', 11, { introduced: many, introducedTotal: 500 })]))
    expectSnapshotFile('500-introduced', markdown)
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(markdown).toContain(`…and 475 more: [in DefectDojo](${DOJO}/test/11) and [in the job summary](${RUN}).`)
    // Most severe first: the 25 rows listed are the 100 criticals' first 25.
    expect(markdown.split('\n').filter((l) => l.startsWith('| **Critical**')).length).toBe(25)
  })
})

describe('size', () => {
  it('hundreds of reports with hundreds of findings each still fit: fewer rows first, then a cut between paragraphs', () => {
    nextFinding = 100
    const reports = Array.from({ length: 300 }, (_, r) => report(`reports/${'n'.repeat(100)}${r}.json`, r, { introduced: Array.from({ length: 30 }, (_, i) => finding('High', `t${'y'.repeat(150)}${i}`, `f${i}.py`, i + 1)), introducedTotal: 30 }))
    const markdown = renderComment(view(reports))
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(markdown.startsWith(MARKER)).toBe(true)
    expect(markdown).toMatch(/the rest did not fit in a comment: see the \[job summary\]/)
  })

  it('shrinks the rows rather than cutting when fewer rows fit', () => {
    const full = renderComment(typicalPullRequest())
    const markdown = renderComment(typicalPullRequest(), full.length - 1)
    expect(markdown.length).toBeLessThan(full.length)
    expect(markdown).toContain('<sub>')
    expect(markdown).not.toContain('did not fit')
    expect(markdown.split('\n').filter((l) => l.startsWith('| **')).length).toBeLessThan(full.split('\n').filter((l) => l.startsWith('| **')).length)
  })
})

describe('hasNews (pr-comment: auto)', () => {
  it('is true only when something is introduced or fixed', () => {
    expect(hasNews(view([report('a.json', 1, {})]))).toBe(false)
    expect(hasNews(view([report('a.json', 1, { introducedTotal: 1 })]))).toBe(true)
    expect(hasNews(view([report('a.json', 1, { fixedTotal: 2 })]))).toBe(true)
  })
})

describe('commentMarker', () => {
  const parts = { workflow: 'security', job: 'defectdojo', matrix: '{\n  "os": "linux"\n}', products: ['web'] }
  it('is an HTML comment that is the same for the same workflow, job, matrix leg and product', () => {
    expect(commentMarker(parts)).toMatch(/^<!-- defectdojo-reimport-action pr-comment [0-9a-f]{24} -->$/)
    expect(commentMarker({ ...parts, matrix: '{"os":"linux"}', products: ['web', 'web'] })).toBe(commentMarker(parts))
  })
  it('differs for another job, matrix leg or product', () => {
    for (const other of [{ job: 'other' }, { workflow: 'nightly' }, { matrix: '{"os":"windows"}' }, { products: ['api'] }]) expect(commentMarker({ ...parts, ...other })).not.toBe(commentMarker(parts))
  })
  it('takes no matrix, "null" and the unfilled default alike', () => {
    const none = commentMarker({ ...parts, matrix: '' })
    expect(commentMarker({ ...parts, matrix: 'null' })).toBe(none)
    expect(commentMarker({ ...parts, matrix: '${{ toJson(matrix) }}' })).toBe(none)
  })
})

describe('commentView (Result[] → view model)', () => {
  const candidate = (file: string) => ({ absolutePath: `/w/${file}`, displayPath: file, artifact: null, size: 10 })
  const news = (high: number) => ({ critical: 0, high, medium: 0, low: 0, info: 0, total: high })
  const known = (against: 'default-branch-test' | 'default-branch-run' | 'no-baseline', high: number, fixed: number | null): Novelty => ({
    kind: 'known', against, baselineUrl: against === 'default-branch-test' ? `${DOJO}/test/900` : null, new: news(high), reintroduced: 0, onMain: 3, triagedOnMain: 0, fixed, fingerprint: 'hash_code'
  })
  const uploaded = (file: string, extra: Partial<Result>): Result => ({ ...baseResult(candidate(file)), status: 'uploaded', scanType: 'Semgrep JSON Report', product: 'web', testUrl: `${DOJO}/test/1`, ...extra })
  const meta = { runUrl: RUN, commit: null, dryRun: false, marker: MARKER, redact: (t: string) => t.split('s3cr3tValue').join('***') }
  const sqli = { title: 'token s3cr3tValue in code', severity: 'High', url: `${DOJO}/finding/1`, file: 'src/app.py', line: 42 }

  it('renders the classification: new against the default branch, fixed with their titles; failed reports; not skipped files; secrets redacted', () => {
    const results: Result[] = [
      uploaded('semgrep.json', { novelty: known('default-branch-test', 7, 2), newFindings: [sqli], fixedFindings: [{ title: 'old one', severity: 'Medium', url: `${DOJO}/finding/9`, file: 'a.py', line: 1 }] }),
      { ...baseResult(candidate('zap.xml')), status: 'failed', scanType: 'ZAP Scan', reason: 'HTTP 500 echoing s3cr3tValue' },
      { ...baseResult(candidate('notes.md')), status: 'skipped', reason: 'not a report' }
    ]
    const v = commentView(results, meta)
    expect(v.reports.map((r) => [r.name, r.basis])).toEqual([['semgrep.json', 'main'], ['zap.xml', 'failed']])
    expect(v.reports[0]).toMatchObject({ introducedTotal: 7, fixedTotal: 2, baselineUrl: `${DOJO}/test/900`, introduced: [{ title: 'token *** in code', file: 'src/app.py', line: 42 }], fixed: [{ title: 'old one' }] })
    expect(v.reports[1]!.note).toBe('HTTP 500 echoing ***')
    expect(renderComment(v)).toContain(`7 new · compared with [the default branch's test](${DOJO}/test/900) · 2 fixed`)
  })

  it('no baseline: everything new, nothing claimed fixed; a default-branch run claims no fixed either', () => {
    const none = commentView([uploaded('semgrep.json', { novelty: known('no-baseline', 2, null), newFindings: [sqli] })], meta).reports[0]!
    expect(none).toMatchObject({ basis: 'no-baseline', introducedTotal: 2, fixed: null })
    const main = commentView([uploaded('semgrep.json', { novelty: known('default-branch-run', 1, null), newFindings: [sqli] })], meta).reports[0]!
    expect(main).toMatchObject({ basis: 'main', fixed: null, fixedTotal: 0 })
  })

  it('a report that could not be classified claims nothing', () => {
    const v = commentView([uploaded('semgrep.json', { novelty: { kind: 'unknown', why: 'the lookup failed: HTTP 403' } })], meta)
    expect(v.reports[0]).toMatchObject({ basis: 'unknown', introducedTotal: 0, note: 'the lookup failed: HTTP 403' })
    expect(renderComment(v)).toContain('could not be compared with the default branch (the lookup failed: HTTP 403): nothing is claimed')
    expect(hasNews(v)).toBe(false)
  })
})
