import { describe, expect, it } from '@jest/globals'
import MarkdownIt from 'markdown-it'
import { fileURLToPath } from 'node:url'
import { summaryHtml } from '../../scripts/summary-picture.ts'
import { useDialect } from '../../src/config/inputs.js'
import { artifactFailureResult, baseResult } from '../../src/report/results.js'
import { SUMMARY_LIMIT_BYTES, escapeMarkdown, renderSummary, safeUrl, type SummaryMeta } from '../../src/report/summary.js'
import type { Result, SeverityCounts } from '../../src/model.js'
import { snapshotFiles } from '../support/snapshot-file.ts'

// ---------------------------------------------------------------------------------------------------
// A small factory for Result rows.

const DOJO = 'https://dojo.example.com'

type Sev = Partial<Omit<SeverityCounts, 'total'>>
function sev(counts: Sev): SeverityCounts {
  const out = { critical: 0, high: 0, medium: 0, low: 0, info: 0, ...counts, total: 0 }
  out.total = out.critical + out.high + out.medium + out.low + out.info
  return out
}

interface Upload {
  file: string
  artifact?: string | null
  scanType?: string
  productType?: string
  product?: string
  engagement?: string
  testTitle?: string
  testId?: number
  productId?: number
  engagementId?: number
  /** Deltas by severity; null = DefectDojo did not say. */
  created?: Sev | null
  closed?: Sev | null
  reactivated?: Sev | null
  untouched?: Sev | null
  activeAfter?: Sev | null
  /** New findings (not on the default branch); default: what was created; null = not known. */
  fresh?: Sev | null
  /** Findings already on the default branch; default: the untouched ones. */
  onMain?: number
  triagedOnMain?: number
  duplicates?: string[]
}

let nextTestId = 1
function uploaded(u: Upload): Result {
  const testId = u.testId ?? nextTestId++
  const productId = u.productId ?? 3
  const engagementId = u.engagementId ?? 7
  const delta = (value: Sev | null | undefined): SeverityCounts | null => (value === null ? null : sev(value ?? {}))
  const counts = {
    created: delta(u.created),
    closed: delta(u.closed),
    reactivated: delta(u.reactivated),
    untouched: delta(u.untouched),
    activeAfter: u.activeAfter === null ? null : sev(u.activeAfter ?? { ...u.created, ...u.untouched })
  }
  return {
    ...baseResult({ absolutePath: `/w/${u.file}`, displayPath: u.file, artifact: u.artifact ?? null, size: 100 }),
    status: 'uploaded',
    scanType: u.scanType ?? 'Gitleaks Scan',
    productType: u.productType ?? 'Acme',
    product: u.product ?? 'acme/web',
    engagement: u.engagement ?? 'CI main',
    testTitle: u.testTitle ?? u.file.split('/').pop()!.replace(/\.[a-z]+$/, ''),
    testId,
    testUrl: `${DOJO}/test/${testId}`,
    engagementId,
    engagementUrl: `${DOJO}/engagement/${engagementId}`,
    productId,
    productUrl: `${DOJO}/product/${productId}`,
    counts,
    novelty:
      u.fresh === null || (u.fresh === undefined && u.created === null)
        ? { kind: 'unknown', why: 'the lookup of the default branch’s test failed' }
        : {
            kind: 'known',
            against: 'default-branch-run',
            baselineUrl: `${DOJO}/test/${testId}`,
            new: sev(u.fresh ?? u.created ?? {}),
            reintroduced: 0,
            onMain: u.onMain ?? sev(u.untouched ?? {}).total,
            triagedOnMain: u.triagedOnMain ?? 0,
            fixed: null,
            fingerprint: 'hash_code'
          },
    duplicates: u.duplicates ?? [],
    attempts: 1
  }
}

/** A skipped file; like recognition, one that is not for people looks like a report unless told otherwise. */
function skipped(file: string, reason: string, humanReadable = false, artifact: string | null = null, reportLike = !humanReadable): Result {
  return { ...baseResult({ absolutePath: `/w/${file}`, displayPath: file, artifact, size: 10 }), status: 'skipped', reason, humanReadable, reportLike }
}

function failed(file: string, reason: string, extra: Partial<Result> = {}): Result {
  return { ...baseResult({ absolutePath: `/w/${file}`, displayPath: file, artifact: null, size: 10 }), status: 'failed', reason, attempts: 1, ...extra }
}

function planned(file: string, scanType: string, target: { product: string; engagement: string; testTitle: string }, extraFields: Record<string, string | string[]> = {}): Result {
  return {
    ...baseResult({ absolutePath: `/w/${file}`, displayPath: file, artifact: null, size: 10 }),
    status: 'planned',
    scanType,
    productType: 'Acme',
    product: target.product,
    engagement: target.engagement,
    testTitle: target.testTitle,
    fields: {
      scan_type: scanType,
      product_type_name: 'Acme',
      product_name: target.product,
      engagement_name: target.engagement,
      test_title: target.testTitle,
      auto_create_context: 'true',
      environment: 'Development',
      branch_tag: 'main',
      commit_hash: '0123abcd4567ef',
      build_id: '8812345-1',
      version: '',
      ...extraFields
    }
  }
}

const SHA = '0123abcd4567ef890123abcd4567ef890123abcd'
const META: SummaryMeta = {
  dryRun: false,
  defectdojoUrl: DOJO,
  fatal: null,
  runUrl: 'https://github.com/acme/web/actions/runs/8812345',
  buildId: '8812345-1',
  branch: 'main',
  commit: SHA,
  commitUrl: `https://github.com/acme/web/tree/${SHA}`
}

// ---------------------------------------------------------------------------------------------------
// Rendered snapshots, committed as Markdown files for review.

const SNAPSHOTS = fileURLToPath(new URL('./summary-snapshots/', import.meta.url))

const expectSnapshotFile = snapshotFiles(SNAPSHOTS)

function cleanFirstRun(): Result[] {
  nextTestId = 1
  return [
    uploaded({ file: 'reports/gitleaks.json', scanType: 'Gitleaks Scan', created: { high: 3 } }),
    uploaded({ file: 'reports/semgrep.json', scanType: 'Semgrep JSON Report', created: { critical: 1, high: 2, medium: 4, low: 1 } }),
    uploaded({ file: 'reports/trivy-image.json', scanType: 'Trivy Scan', created: { critical: 1, high: 3, medium: 9, low: 12, info: 2 } }),
    uploaded({ file: 'reports/checkov.json', scanType: 'Checkov Scan', created: {}, product: 'acme/infra', productId: 4, engagementId: 9 }),
    skipped('reports/zap.html', 'an HTML report for people, not a format DefectDojo imports.', true),
    skipped('reports/SCANNERS.md', 'a Markdown file for people, not a report.', true)
  ]
}

function secondRun(): Result[] {
  nextTestId = 1
  return [
    uploaded({ file: 'reports/gitleaks.json', scanType: 'Gitleaks Scan', created: {}, closed: { high: 1 }, untouched: { high: 2 }, activeAfter: { high: 2 } }),
    uploaded({
      file: 'reports/semgrep.json',
      scanType: 'Semgrep JSON Report',
      created: { medium: 1 },
      closed: { high: 1, medium: 2 },
      reactivated: { critical: 1 },
      untouched: { high: 1, medium: 2, low: 1 },
      activeAfter: { critical: 1, high: 1, medium: 3, low: 1 },
      duplicates: ['reports/copy/semgrep.json']
    }),
    uploaded({ file: 'reports/trivy-image.json', scanType: 'Trivy Scan', created: {}, untouched: { critical: 1, high: 3, medium: 9, low: 12, info: 2 } }),
    uploaded({ file: 'reports/checkov.json', scanType: 'Checkov Scan', created: {}, product: 'acme/infra', productId: 4, engagementId: 9 }),
    { ...skipped('reports/copy/semgrep.json', 'same content as reports/semgrep.json, which was used instead: uploaded once', false, null, false), duplicateOf: 'reports/semgrep.json' },
    skipped('reports/zap.html', 'an HTML report for people, not a format DefectDojo imports.', true)
  ]
}

function dryRun(): Result[] {
  return [
    planned('reports/gitleaks.json', 'Gitleaks Scan', { product: 'acme/web', engagement: 'CI main', testTitle: 'gitleaks' }),
    planned('reports/semgrep.json', 'Semgrep JSON Report', { product: 'acme/web', engagement: 'CI main', testTitle: 'semgrep' }, { tags: ['ci', 'sast'] }),
    planned('infra/checkov.json', 'Checkov Scan', { product: 'acme/infra', engagement: 'CI main', testTitle: 'checkov' }),
    skipped('notes.json', 'not a report format this action recognises; name its scan type in `scan-types` if it is one.'),
    skipped('zap.html', 'an HTML report for people.', true)
  ]
}

function mixedFailures(): Result[] {
  nextTestId = 40
  return [
    artifactFailureResult({ artifact: 'zap-baseline', reason: 'the download failed its digest check (sha256 mismatch): not used.' }),
    uploaded({ file: 'gitleaks.json', artifact: 'secrets', created: { high: 2 } }),
    uploaded({ file: 'trivy.json', artifact: 'container', scanType: 'Trivy Scan', created: null, closed: null, reactivated: null, untouched: null, activeAfter: { high: 4, medium: 2 } }),
    failed('semgrep.json', 'DefectDojo answered 500 Internal Server Error three times; the report was not imported.', {
      artifact: 'sast',
      scanType: 'Semgrep JSON Report',
      product: 'acme/web',
      engagement: 'CI main',
      attempts: 3
    }),
    skipped('notes.json', 'not a report format this action recognises; name its scan type in `scan-types` if it is one.', false, 'sast'),
    skipped('report.html', 'an HTML report for people.', true, 'zap-full')
  ]
}

function manyReports(count: number, nameLength: number, changedEvery = 10): Result[] {
  nextTestId = 1
  const out: Result[] = []
  for (let i = 0; i < count; i++) {
    const pad = 'x'.repeat(Math.max(0, nameLength - 40))
    const file = `services/service-${String(i).padStart(4, '0')}/${pad}/trivy-results.json`
    const changed = i % changedEvery === 0
    out.push(
      uploaded({
        file,
        artifact: `scan-${Math.floor(i / 25)}`,
        scanType: 'Trivy Scan',
        product: `acme/service-${Math.floor(i / 50)}`,
        productId: 100 + Math.floor(i / 50),
        engagement: 'CI main',
        engagementId: 200 + Math.floor(i / 50),
        testTitle: `trivy service-${i}`,
        created: changed ? { high: 1, medium: i % 3 } : {},
        closed: changed ? { low: 1 } : {},
        untouched: { medium: 3, low: 5 }
      })
    )
  }
  out.push(failed('services/broken/trivy-results.json', 'DefectDojo answered 413 Request Entity Too Large; the report was not imported.'))
  out.push(skipped('services/readme.md', 'a Markdown file for people.', true))
  return out
}

/** The run the README pictures (docs/summary.png): new criticals, a failed upload, skipped files, a build artifact. */
function mixedRun(): Result[] {
  nextTestId = 120
  const web = { product: 'acme/web', productType: 'Acme', engagement: 'CI main' }
  return [
    {
      ...uploaded({ file: 'trivy.json', artifact: 'trivy-image', scanType: 'Trivy Scan', created: { critical: 2, high: 4, medium: 7, low: 3 }, closed: { medium: 1 }, untouched: { high: 2, medium: 12, low: 9 }, activeAfter: { critical: 2, high: 6, medium: 19, low: 12 } }),
      newFindings: [
        { title: 'CVE-2024-3094: xz-utils 5.6.0 (malicious code in liblzma)', severity: 'Critical', url: `${DOJO}/finding/9101` },
        { title: 'CVE-2023-4863: libwebp 1.2.4 (heap buffer overflow)', severity: 'Critical', url: `${DOJO}/finding/9102` }
      ]
    },
    uploaded({ file: 'gitleaks.json', artifact: 'gitleaks', scanType: 'Gitleaks Scan', created: {}, closed: { high: 1 }, untouched: { high: 1 }, activeAfter: { high: 1 } }),
    {
      ...uploaded({ file: 'semgrep.json', artifact: 'semgrep', scanType: 'Semgrep JSON Report', created: { high: 2, medium: 1 }, untouched: { medium: 4, low: 2 }, activeAfter: { high: 2, medium: 5, low: 2 } }),
      newFindings: [
        { title: 'Reflected XSS: <script> built from request.args in search.html', severity: 'High', url: `${DOJO}/finding/9103` },
        { title: 'Raw SQL built from user input in orders/views.py', severity: 'High', url: `${DOJO}/finding/9104` }
      ]
    },
    uploaded({ file: 'checkov.json', artifact: 'checkov', scanType: 'Checkov Scan', created: { low: 1 }, fresh: {}, onMain: 9, untouched: { medium: 3, low: 5 }, activeAfter: { medium: 3, low: 6 } }),
    failed('results.json', 'DefectDojo answered 500 Internal Server Error three times; the report was not imported.', { ...web, artifact: 'bandit', scanType: 'Bandit Scan', attempts: 3 }),
    skipped('inventory.json', 'not a report format this action recognises; name its scan type in `scan-types` if it is one.', false, 'semgrep'),
    skipped('trivy.html', 'an HTML report for people, not a format DefectDojo imports.', true, 'trivy-image'),
    ...Array.from({ length: 300 }, (_, i) => skipped(i % 100 === 0 ? `docs/page-${i}.html` : `static/js/chunk-${i}.js`, 'not a report.', i % 100 === 0, 'webapp-build', false))
  ]
}

const HOSTILE = '<img src=x onerror=alert(1)>.json'
function hostileNames(): Result[] {
  nextTestId = 1
  return [
    uploaded({
      file: HOSTILE,
      artifact: 'art|ifact `x` [y](javascript:alert(1))',
      scanType: 'Gitleaks Scan',
      product: '**bold** <script>alert(1)</script>',
      engagement: 'eng\n# heading\n| a | b |',
      testTitle: '](javascript:alert(1)) <b>t</b>',
      created: { high: 1 }
    }),
    uploaded({ file: 'a|b|c.json', scanType: 'Semgrep JSON Report <i>', testTitle: 'http://evil.example/x www.evil.example me@evil.example', created: {} }),
    failed('- 1. list?.json', 'Server said: <a href="http://evil.example">click</a> | `code` and ``double`` and a\nnew line', { artifact: '![x](http://evil.example/p.png)' }),
    skipped('\u202Egnp.exe', 'name with a bidi override'),
    skipped('~~strike~~ _em_ \\ back.json', 'line one\n\n---\nline two')
  ]
}

// ---------------------------------------------------------------------------------------------------

describe('renderSummary headline', () => {
  it('leads with what is new, then DefectDojo’s own four totals with the severities of what it created', () => {
    const md = renderSummary(cleanFirstRun(), META)
    const headline = md.split('\n').find((l) => l.includes('uploaded ·'))!
    expect(headline).toBe("**4** uploaded · 2 skipped · 0 failed — **38 new** (2 critical, 8 high, 13 medium, 13 low, 2 info) — DefectDojo's counts: 38 created (2 critical, 8 high, 13 medium, 13 low, 2 info) · 0 closed · 0 reactivated · 0 untouched")
  })

  it('never presents a finding the default branch has as new: created is DefectDojo’s count, new is the split', () => {
    // A branch's first run with deduplication on: DefectDojo created 28, all of them already on the default branch.
    const md = renderSummary([uploaded({ file: 'trivy.json', created: { high: 11, medium: 10, low: 4, info: 3 }, fresh: {}, onMain: 27, triagedOnMain: 1 })], META)
    expect(md).toContain("— **0 new** · 27 already on the default branch · 1 known to DefectDojo — DefectDojo's counts: 28 created (11 high, 10 medium, 4 low, 3 info)")
    expect(md).toContain('**No new findings** (27 already on the default branch, 1 known to DefectDojo).')
    expect(md).not.toContain('### New findings')
  })

  it('leaves out the severities when nothing was created', () => {
    const md = renderSummary([uploaded({ file: 'a.json', created: {}, untouched: { high: 2 } })], META)
    expect(md).toContain("**1** uploaded · 0 skipped · 0 failed — **0 new** · 2 already on the default branch — DefectDojo's counts: 0 created · 0 closed · 0 reactivated · 2 untouched\n")
  })

  it('shows unknown counts as unknown, never as 0', () => {
    const allUnknown = renderSummary([uploaded({ file: 'a.json', created: null, closed: null, reactivated: null, untouched: null })], META)
    expect(allUnknown).toContain("**new findings unknown** (see below) — findings: **unknown**: DefectDojo's answers had no counts")
    expect(allUnknown).toContain('**New findings unknown for 1 report** (counted in `counts-unknown`, never as 0):')
    expect(allUnknown).toMatch(/\| \? \| \? \| \? \| \? \|/)
    expect(allUnknown).not.toContain('0 created')

    const partly = renderSummary([uploaded({ file: 'a.json', created: { high: 2 } }), uploaded({ file: 'b.json', created: null, closed: null, reactivated: null, untouched: null })], META)
    expect(partly).toContain("**2 new** (2 high) · **unknown for 1 report** — DefectDojo's counts in 1 of 2 reports (DefectDojo did not return counts for the other): 2 created (2 high) · 0 closed · 0 reactivated · 0 untouched")
    const three = renderSummary([uploaded({ file: 'a.json', created: {} }), ...['b', 'c'].map((f) => uploaded({ file: `${f}.json`, created: null, closed: null, reactivated: null, untouched: null }))], META)
    expect(three).toContain("DefectDojo's counts in 1 of 3 reports (DefectDojo did not return counts for 2): 0 created")
    expect(partly).toContain('`?`: DefectDojo did not return this count')
  })

  it('names whole failed artifacts in the headline count and says nothing was uploaded when nothing was', () => {
    const md = renderSummary([artifactFailureResult({ artifact: 'sast', reason: 'expired.' })], { ...META, failedStep: true })
    expect(md).toContain('**0** uploaded · 0 skipped · **1 failed** (1 whole artifact) — nothing was uploaded')
  })

  it('says when no files were found', () => {
    expect(renderSummary([], META)).toContain('**0** uploaded · 0 skipped · 0 failed — no files were found: check `path` and `artifacts`')
    // The command line has no `--artifacts`: it names only what it has.
    useDialect('cli')
    try {
      expect(renderSummary([], META)).toContain('no files were found: check `--path`')
    } finally {
      useDialect('action')
    }
  })

  it('says the step failed because reports failed (the default policy) or that it passes anyway', () => {
    const results = mixedFailures()
    const failing = renderSummary(results, META)
    expect(failing).toContain('> [!CAUTION]\n> **This step failed because 2 of 4 reports failed to upload.** The other 2 reports are in DefectDojo.')
    const passing = renderSummary(results, { ...META, failedStep: false })
    expect(passing).toContain('> [!WARNING]\n> **2 of 4 reports failed to upload**; the step passes anyway (`fail-on-error` is off).')
    expect(passing).not.toContain('This step failed')
  })

  it('puts a fatal message first, line by line, and says nothing was uploaded', () => {
    const fatal = 'These reports would land in the same DefectDojo test:\n- a.json, b.json → product "web"\nGive each its own test: add {report} to the `test-title` input.'
    const md = renderSummary([failed('a.json', 'not attempted.'), failed('b.json', 'not attempted.')], { ...META, fatal })
    const banner = md.slice(md.indexOf('> [!CAUTION]'), md.indexOf('**0** uploaded'))
    expect(banner).toContain('> **The step failed: nothing was uploaded to DefectDojo.**')
    expect(banner).toContain('> \\- a.json, b.json → product &quot;web&quot;\\')
    expect(banner).toContain('add {report} to the `test-title` input.')
    expect(banner).not.toContain('This step failed because')
  })

  it('shows the dry-run banner and the plan instead of counts', () => {
    const md = renderSummary(dryRun(), { ...META, dryRun: true })
    expect(md).toContain('> **Dry run**: nothing was sent to DefectDojo.')
    expect(md).toContain('**3** reports planned · 2 skipped · 0 failed\n')
    expect(md).not.toContain('created')
    // Every field that would be sent: per-report columns, the rest once for all.
    for (const field of ['auto_create_context', 'environment', 'branch_tag', 'commit_hash', 'build_id', 'version', 'tags']) expect(md).toContain(`<code>${field.replace(/_/g, '\\_')}</code>`)
    expect(md).toContain('<code>tags</code>: ci, sast')
    expect(md).toContain('| <code>version</code> | *(empty)* |')
  })

  it('hides any field that looks like a credential, though the plan never has one', () => {
    const md = renderSummary([planned('a.json', 'Gitleaks Scan', { product: 'p', engagement: 'e', testTitle: 't' }, { api_token: 'secret-value' })], { ...META, dryRun: true })
    expect(md).not.toContain('secret-value')
    expect(md).toContain('(hidden)')
  })
})

describe('renderSummary tables and sections', () => {
  it('names the branch, the short commit and each engagement once, at the top, each linked once', () => {
    const md = renderSummary(cleanFirstRun(), META)
    expect(md.match(/\(https:\/\/dojo\.example\.com\/product\/3\)/g)).toHaveLength(1)
    expect(md.match(/\(https:\/\/dojo\.example\.com\/engagement\/7\)/g)).toHaveLength(1)
    expect(md).toContain(
      `Branch **main** · commit [\`0123abc\`](https://github.com/acme/web/tree/${SHA}) · 2 engagements: **[CI main](https://dojo.example.com/engagement/7)** of **[acme/web](https://dojo.example.com/product/3)**, **[CI main](https://dojo.example.com/engagement/9)** of **[acme/infra](https://dojo.example.com/product/4)**\n`
    )
    // Several engagements: each row says which; one engagement: said once, no column.
    expect(md).toContain('| Status | Report | Scan type | Engagement | New | Created | Closed | Reactivated | Untouched |')
    const one = renderSummary(cleanFirstRun().slice(0, 3), META)
    expect(one).toContain(`commit [\`0123abc\`](https://github.com/acme/web/tree/${SHA}) · engagement **[CI main](https://dojo.example.com/engagement/7)** of product **[acme/web](https://dojo.example.com/product/3)** (product type Acme)\n`)
    expect(one).not.toContain('| Engagement |')
    // A commit that is not a hash is escaped text; a tag push names its tag.
    expect(renderSummary(cleanFirstRun(), { ...META, branch: '', tag: 'v1.2.0', commit: '`x` <b>', commitUrl: 'javascript:alert(1)' })).toContain('Tag **v1.2.0** · commit \\`x\\` &lt;b&gt; · ')
  })

  it('leads with the reports that brought new findings, the most critical first, then the rest', () => {
    const md = renderSummary(cleanFirstRun(), META)
    const lead = md.indexOf('### New findings')
    const rest = md.indexOf('### Other reports')
    expect(lead).toBeGreaterThan(md.indexOf('uploaded ·'))
    expect(rest).toBeGreaterThan(lead)
    const order = ['trivy-image.json', 'semgrep.json', 'gitleaks.json', 'checkov.json'].map((f) => md.indexOf(`[reports/${f}](`))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(md.indexOf('[reports/checkov.json](')).toBeGreaterThan(rest)
    expect(md).toContain(`| ✓ uploaded | [reports/trivy-image.json](${DOJO}/test/3) | Trivy Scan | CI main of acme/web | 1 | 3 | 9 | 12 | 2 |`)
    // Zero is a dash; the test is the report's link, not a column repeating its path.
    expect(md).toContain(`| ✓ uploaded | [reports/gitleaks.json](${DOJO}/test/1) | Gitleaks Scan | CI main of acme/web | – | 3 | – | – | – |`)
    expect(md).not.toContain('DefectDojo test |')
  })

  it('says so when no report brought new findings, and for how many it is known', () => {
    const calm = [uploaded({ file: 'a.json', created: { medium: 2 }, fresh: {} }), uploaded({ file: 'b.json', created: {} })]
    const md = renderSummary(calm, META)
    expect(md).toContain('**No new findings**.\n')
    expect(md).toContain('### Reports')
    expect(md).not.toContain('### New findings')
    const partly = renderSummary([...calm, uploaded({ file: 'c.json', created: null, closed: null, reactivated: null, untouched: null })], META)
    expect(partly).toContain('**No new findings** in the 2 of 3 reports whose new findings are known.')
    expect(renderSummary([uploaded({ file: 'c.json', created: null, closed: null, reactivated: null, untouched: null })], META)).not.toContain('No new findings')
  })

  it('lists the new findings read back, escaped and linked only to http(s), with how many more the test has', () => {
    const r = {
      ...uploaded({ file: 'trivy.json', scanType: 'Trivy Scan', created: { critical: 7, high: 1 } }),
      newFindings: [
        { title: 'CVE-2024-3094 in xz-utils', severity: 'Critical', url: `${DOJO}/finding/11` },
        { title: '<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))', severity: 'Critical', url: 'javascript:alert(1)' },
        { title: 'no page', severity: 'Critical', url: null }
      ]
    }
    const md = renderSummary([r], META)
    expect(md).toContain(
      [
        'New in **trivy.json**:',
        '',
        `- Critical: [CVE-2024-3094 in xz-utils](${DOJO}/finding/11)`,
        '- Critical: &lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[x\\](javascript:alert(1))',
        '- Critical: no page',
        `- … and 5 more in [its test](${r.testUrl}).`
      ].join('\n')
    )
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/)
    // Mixed severities are named per finding.
    const mixed = renderSummary([{ ...r, newFindings: [{ title: 'a', severity: 'Critical', url: null }, { title: 'b', severity: 'High', url: null }] }], META)
    expect(mixed).toContain('New in **trivy.json**:\n\n- Critical: a\n- High: b\n')
    // A reintroduced one says so; what is not new is counted with a link to the default branch's test.
    const back = renderSummary([{ ...r, newFindings: [{ title: 'a', severity: 'High', url: null, reintroduced: true }], novelty: { kind: 'known', against: 'default-branch-test', baselineUrl: `${DOJO}/test/99`, new: sev({ high: 1 }), reintroduced: 1, onMain: 5, triagedOnMain: 2, fixed: 1, fingerprint: 'hash_code' } }], META)
    expect(back).toContain('- High: a <sub>(reintroduced: fixed on the default branch, back here)</sub>')
    expect(back).toContain(`Not new: 5 already on the default branch ([its test](${DOJO}/test/99)) · 2 known to DefectDojo (triaged on the default branch: false positive, risk accepted or out of scope) · 1 of the default branch's no longer found here.`)
  })

  it('marks each row with its status in words, failed reports first among the rest', () => {
    const md = renderSummary(mixedFailures(), META)
    const rows = md.split('\n').filter((l) => /^\| (✓|\*\*✗|○)/.test(l))
    expect(rows.map((l) => l.split(' | ')[0])).toEqual(['| ✓ uploaded', '| **✗ failed**', '| **✗ failed**', '| ✓ uploaded'])
    expect(md).toContain('| **✗ failed** | zap-baseline <sub>(whole artifact)</sub> |  |  |  |  |  |')
    expect(md).toContain('| **✗ failed** | sast / semgrep.json | Semgrep JSON Report |  |  |  |  |')
    const plan = renderSummary(dryRun(), { ...META, dryRun: true })
    expect(plan).toContain('| ○ planned | reports/gitleaks.json | Gitleaks Scan | CI main of acme/web | gitleaks | — |')
  })

  it('has a collapsed severity breakdown of created, closed, reactivated and active after', () => {
    const md = renderSummary(secondRun(), META)
    const details = md.slice(md.indexOf('<summary>Findings by severity</summary>'))
    expect(details).toContain('| Created | – | – | 1 | – | – | 1 |')
    expect(details).toContain('| Closed | – | 2 | 2 | – | – | 4 |')
    expect(details).toContain('| Reactivated | 1 | – | – | – | – | 1 |')
    expect(details).toContain('| Active after | 2 | 6 | 12 | 13 | 2 | 35 |')
    expect(details).toContain('| reports/semgrep.json | created | – | – | 1 | – | – | 1 |')
    expect(md).toContain('<details>\n<summary>Findings by severity</summary>')
  })

  it('notes duplicates and counts files for people in one line, in plain words, without listing them', () => {
    const md = renderSummary(secondRun(), META)
    expect(md).toContain(`[reports/semgrep.json](${DOJO}/test/2) <sub>(+1 identical copy, uploaded once)</sub>`)
    expect(md).toContain('- 1 file is not a report (an HTML report, notes, a log…): it is for people to read.')
    expect(md).not.toContain('zap.html')
  })

  it('gives an artifact with no report one line, and lists the files that look like reports with their reasons', () => {
    const build = Array.from({ length: 300 }, (_, i) => skipped(`static/chunk-${i}.js`, 'not a report', i % 100 === 0, 'webapp-build', false))
    const md = renderSummary([uploaded({ file: 'gitleaks.json', artifact: 'secrets', created: {} }), ...build, skipped('inventory.json', 'not a report format this action recognises.', false, 'secrets'), skipped('build.log', 'a log.', true, 'secrets'), skipped('package.json', 'not a report.', false, 'secrets', false)], META)
    expect(md).toContain('### Skipped: 303')
    expect(md).toContain('- webapp-build: 300 files, none a report.\n')
    expect(md).not.toContain('chunk-')
    expect(md).toContain('- secrets / inventory.json: not a report format this action recognises.')
    expect(md).toContain('- 1 file is not a report (an HTML report, notes, a log…): it is for people to read.\n- 1 file is not a report (build output or data).')
    expect(md).toContain('<details open>\n<summary>1 file with a reason, 1 artifact with no report, 2 files that are not reports</summary>')
    // Nothing that looks like a report: the section stays closed.
    expect(renderSummary([uploaded({ file: 'a.json', created: {} }), ...build], META)).toContain('### Skipped: 300\n\n<details>\n<summary>1 artifact with no report</summary>')
  })

  it('opens the failed section, and the skipped one only when a file looks like a report', () => {
    const withFailure = renderSummary(mixedFailures(), META)
    expect(withFailure).toContain('### Failed: 2\n\n<details open>')
    expect(withFailure).toContain('### Skipped: 2\n\n<details open>')
    expect(withFailure).toContain('- **Artifact zap-baseline** (the whole artifact, none of its files was used): the download failed its digest check')
    expect(withFailure).toContain('- **sast / semgrep.json** (Semgrep JSON Report → acme/web / CI main, 3 attempts): DefectDojo answered 500')
    expect(withFailure).toContain('name its scan type in `scan-types` if it is one.')
    const clean = renderSummary(cleanFirstRun(), META)
    expect(clean).not.toContain('### Failed')
    expect(clean).toContain('### Skipped: 2\n\n<details>')
  })

  it('shows DefectDojo, the build and a link to the run under the headline', () => {
    expect(renderSummary(cleanFirstRun(), META)).toContain(
      '<sub>DefectDojo [dojo.example.com](https://dojo.example.com/) · build 8812345-1 · [workflow run](https://github.com/acme/web/actions/runs/8812345)</sub>'
    )
  })
})

describe('escaping and links', () => {
  it('escapes raw HTML, Markdown, table cell breaks, autolinks and newlines', () => {
    expect(escapeMarkdown(HOSTILE)).toBe('&lt;img src=x onerror=alert(1)&gt;.json')
    expect(escapeMarkdown('a|b')).toBe('a&#124;b')
    expect(escapeMarkdown('`x` [y](z) *b* _i_ ~s~ #h !i \\')).toBe('\\`x\\` \\[y\\](z) \\*b\\* \\_i\\_ \\~s\\~ \\#h \\!i \\\\')
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one two three')
    expect(escapeMarkdown('http://evil.example www.evil.example me@evil.example')).toBe('http&#58;//evil.example www&#46;evil.example me&#64;evil.example')
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('12. item')).toBe('12\\. item')
    expect(escapeMarkdown('\u202Eabc')).toBe('U+202Eabc')
  })

  it('keeps hostile names out of the page as markup', () => {
    const md = renderSummary(hostileNames(), META)
    expect(md).not.toMatch(/<(img|script|a|b|i)\b/i)
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/)
    expect(md).not.toContain('\u202E')
    // Every table row has exactly its columns: no `|` from a name split a cell.
    // Every table row has as many cells as its header: no `|` from a name split a cell.
    const tables = md.split(/\n(?!\|)/).map((block) => block.split('\n').filter((l) => l.startsWith('|'))).filter((rows) => rows.length > 0)
    expect(tables).toHaveLength(4)
    for (const [header, ...rows] of tables) for (const row of rows) expect(row.split('|').length).toBe(header!.split('|').length)
  })

  it('makes links only from http(s) URLs, encoding what would end the destination or a cell', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull()
    expect(safeUrl('data:text/html,x')).toBeNull()
    expect(safeUrl('not a url')).toBeNull()
    expect(safeUrl(null)).toBeNull()
    expect(safeUrl('https://dojo.example.com/test/1')).toBe('https://dojo.example.com/test/1')
    expect(safeUrl('https://dojo.example.com/a (b)|c?x=1&y=<2>')).toBe('https://dojo.example.com/a%20%28b%29%7Cc?x=1&amp;y=%3C2%3E')
    const r = { ...uploaded({ file: 'a.json', created: {} }), testUrl: 'javascript:alert(1)', productUrl: 'ftp://x/y' }
    const md = renderSummary([r], META)
    expect(md).not.toContain('javascript:')
    expect(md).not.toContain('ftp://')
    expect(md).toContain('| ✓ uploaded | a.json | Gitleaks Scan | – |')
  })
})

describe('size budget', () => {
  const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

  it('keeps 300 reports with long names whole and under the limit', () => {
    const md = renderSummary(manyReports(300, 180), META)
    expect(bytes(md)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(SUMMARY_LIMIT_BYTES).toBeLessThan(1_000_000)
    expect(md).toContain('**300** uploaded · 1 skipped · **1 failed** — **60 new** (30 high, 30 medium)')
    expect(md).not.toContain('more report')
  })

  it('keeps 5,000 reports with long names under the limit, with the headline and the failed count', () => {
    const results = manyReports(5000, 400, 2)
    for (let i = 0; i < 300; i++) results.push(failed(`broken/${'y'.repeat(300)}-${i}.json`, `DefectDojo answered 500; ${'details '.repeat(80)}`))
    const md = renderSummary(results, META)
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(md).toContain('**5,000** uploaded · 1 skipped · **301 failed** — **4,999 new**')
    expect(md).toContain('### Failed: 301')
    expect(md).toContain('are counted here, not listed')
    expect(md).toContain("The breakdown per report is left out to keep the summary under GitHub's size limit")
  })

  it('gives up detail in order: unchanged rows, then severity per report, then rows with a visible note', () => {
    const results = manyReports(300, 60)
    const full = renderSummary(results, META)
    const sizes = [bytes(full)]
    const collapsed = renderSummary(results, META, { limitBytes: sizes[0]! - 1 })
    expect(collapsed).toContain('270 reports with nothing created, closed or reactivated (2,160 findings untouched) are counted here, not listed')
    expect(collapsed).toContain('Per report (changes that are zero are left out')
    const noSeverity = renderSummary(results, META, { limitBytes: bytes(collapsed) - 1 })
    expect(noSeverity).toContain('The breakdown per report is left out')
    expect(noSeverity).not.toContain('more report')
    const trimmed = renderSummary(results, META, { limitBytes: bytes(noSeverity) - 1 })
    expect(trimmed).toMatch(/\*\*\d+ more reports?\*\* — see the results file\./)
    expect(bytes(trimmed)).toBeLessThan(bytes(noSeverity))
    // The failed report is the last thing trimmed.
    const tiny = renderSummary(results, META, { limitBytes: 6_000 })
    expect(bytes(tiny)).toBeLessThanOrEqual(6_000)
    expect(tiny).toContain('**300** uploaded · 1 skipped · **1 failed**')
    expect(tiny).toContain('### Failed: 1')
    expect(tiny).toContain('services/broken/trivy-results.json')
    expect(tiny).toMatch(/\*\*\d+ more reports?\*\* — see the results file\./)
    expect(tiny).toContain('270 reports with nothing created, closed or reactivated')
  })

  it('never loses the headline or the failed count, even when nothing else fits', () => {
    const results = [...manyReports(50, 60), ...Array.from({ length: 50 }, (_, i) => failed(`f${i}.json`, 'boom.'))]
    const md = renderSummary(results, META, { limitBytes: 1_500 })
    expect(md).toContain('**50** uploaded · 1 skipped · **51 failed**')
    expect(md).toContain('### Failed: 51')
  })
})

describe('rendered snapshots (committed under summary-snapshots/)', () => {
  it('clean first run', () => expectSnapshotFile('clean-first-run', renderSummary(cleanFirstRun(), META)))
  it('second run with closes and reactivations', () => expectSnapshotFile('second-run', renderSummary(secondRun(), META)))
  it('dry-run', () => expectSnapshotFile('dry-run', renderSummary(dryRun(), { ...META, dryRun: true })))
  it('mixed failures, with a whole failed artifact and unknown counts', () => expectSnapshotFile('mixed-failures', renderSummary(mixedFailures(), META)))
  it('300 reports', () => expectSnapshotFile('300-reports', renderSummary(manyReports(300, 60), META)))
  it('300 reports over a small budget (trimmed)', () => expectSnapshotFile('300-reports-trimmed', renderSummary(manyReports(300, 60), META, { limitBytes: 7_000 })))
  it('hostile names', () => expectSnapshotFile('hostile-names', renderSummary(hostileNames(), META)))
  it('mixed run: new criticals, a failed upload, skipped files and a build artifact (docs/summary.png)', () => expectSnapshotFile('mixed-run', renderSummary(mixedRun(), META)))
  it('preflight failure (fatal)', () =>
    expectSnapshotFile(
      'fatal',
      renderSummary([], { ...META, fatal: 'DefectDojo rejected the token (401): check the `defectdojo-token` input; nothing was uploaded.' })
    ))
})

describe('rendered HTML (markdown-it)', () => {
  const md = new MarkdownIt({ html: true, linkify: true })

  it('keeps the tables and links of a run', () => {
    const html = md.render(renderSummary(secondRun(), META))
    expect(html.match(/<table>/g)).toHaveLength(4) // new findings (the reactivated one), reports, severity totals, severity per report
    expect(html).toContain(`<a href="${DOJO}/test/1">reports/gitleaks.json</a>`)
    expect(html).toContain(`<a href="${DOJO}/product/3">acme/web</a>`)
    expect(html).toContain('<td style="text-align:right">1</td>')
    expect(html).toContain('<details>')
  })

  it('renders hostile names as text: no tag, no link of theirs, no broken table', () => {
    const html = md.render(renderSummary(hostileNames(), META))
    expect(html).not.toMatch(/<img|<script|<a href="http:\/\/evil|<a href="javascript|href="mailto:/i)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.json')
    expect(html).toContain(`<a href="${DOJO}/test/1">art|ifact \`x\` [y](javascript:alert(1)) / &lt;img src=x onerror=alert(1)&gt;.json</a>`)
    expect(html).toContain('<table>')
    // Each body row of the leading table has its nine cells.
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'))
    for (const row of table.split('<tr>').slice(2)) expect(row.match(/<td/g)).toHaveLength(9)
  })

  it('renders a mixed run as GitHub would (the HTML of docs/summary.png): what got worse first, links to DefectDojo only, no markup from names', () => {
    const html = summaryHtml(renderSummary(mixedRun(), META))
    const headings = [...html.matchAll(/<h([23])>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]}`)
    expect(headings).toEqual(['h2 DefectDojo reimport', 'h3 New findings', 'h3 Other reports', 'h3 Failed: 1', 'h3 Skipped: 302'])
    // The failure banner and the headline come before the first table, which is the "what got worse" one.
    const firstTable = html.slice(html.indexOf('<table>'), html.indexOf('</table>'))
    expect(html).toContain('<div class="markdown-alert markdown-alert-caution">\n<p class="markdown-alert-title">Caution</p>\n<p><strong>This step failed because 1 of 5 reports failed to upload.</strong>')
    expect(html.indexOf('This step failed because 1 of 5 reports failed to upload')).toBeLessThan(html.indexOf('<table>'))
    expect(html.indexOf('<strong>4</strong> uploaded')).toBeLessThan(html.indexOf('<table>'))
    expect(html.indexOf('<h3>New findings</h3>')).toBeLessThan(html.indexOf('<table>'))
    expect(firstTable).toContain('<th style="text-align:right">Critical</th>')
    const leading = firstTable.split('<tr>').slice(2).map((row) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]))
    expect(leading).toEqual([
      ['✓ uploaded', `<a href="${DOJO}/test/120">trivy-image / trivy.json</a>`, 'Trivy Scan', '2', '4', '7', '3', '–'],
      ['✓ uploaded', `<a href="${DOJO}/test/122">semgrep / semgrep.json</a>`, 'Semgrep JSON Report', '–', '2', '1', '–', '–']
    ])
    // The new findings, linked, their titles text.
    expect(html).toContain(`<li>Critical: <a href="${DOJO}/finding/9101">CVE-2024-3094: xz-utils 5.6.0 (malicious code in liblzma)</a></li>`)
    expect(html).toContain(`<li>High: <a href="${DOJO}/finding/9103">Reflected XSS: &lt;script&gt; built from request.args in search.html</a></li>`)
    // Branch, commit and engagement once, at the top.
    expect(html).toContain(`<p>Branch <strong>main</strong> · commit <a href="https://github.com/acme/web/tree/${SHA}"><code>0123abc</code></a> · engagement <strong><a href="${DOJO}/engagement/7">CI main</a></strong> of product <strong><a href="${DOJO}/product/3">acme/web</a></strong> (product type Acme)</p>`)
    // The failed report is a marked row and a reason; the build artifact one line.
    expect(html).toContain('<td><strong>✗ failed</strong></td>\n<td>bandit / results.json</td>')
    expect(html).toContain('<li>webapp-build: 300 files, none a report.</li>')
    expect(html).toContain('<li>semgrep / inventory.json: not a report format this action recognises; name its scan type in <code>scan-types</code> if it is one.</li>')
    expect(html).not.toContain('chunk-')
    // Links go to DefectDojo, GitHub and nowhere else; only the tags the summary writes itself.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/(dojo\.example\.com|github\.com)\//)
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]))
    expect([...tags].filter((t) => !['h2', 'h3', 'p', 'div', 'strong', 'em', 'a', 'code', 'sub', 'br', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'details', 'summary'].includes(t!))).toEqual([])
  })
})
