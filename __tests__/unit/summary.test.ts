import { describe, expect, it } from '@jest/globals'
import MarkdownIt from 'markdown-it'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { artifactFailureResult, baseResult } from '../../src/report/results.js'
import { SUMMARY_LIMIT_BYTES, escapeMarkdown, renderSummary, safeUrl, type SummaryMeta } from '../../src/report/summary.js'
import type { Result, SeverityCounts } from '../../src/model.js'

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
    duplicates: u.duplicates ?? [],
    attempts: 1
  }
}

function skipped(file: string, reason: string, humanReadable = false, artifact: string | null = null): Result {
  return { ...baseResult({ absolutePath: `/w/${file}`, displayPath: file, artifact, size: 10 }), status: 'skipped', reason, humanReadable }
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

const META: SummaryMeta = { dryRun: false, defectdojoUrl: DOJO, fatal: null, runUrl: 'https://github.com/acme/web/actions/runs/8812345', buildId: '8812345-1' }

// ---------------------------------------------------------------------------------------------------
// Rendered snapshots, committed as Markdown files for review.

const SNAPSHOTS = fileURLToPath(new URL('./summary-snapshots/', import.meta.url))

/** Compares with the committed `<name>.md`; writes it when missing (or with `jest -u`), fails when missing under `--ci`. */
function expectSnapshotFile(name: string, markdown: string): void {
  const file = `${SNAPSHOTS}${name}.md`
  const state = (expect.getState() as { snapshotState?: { _updateSnapshot?: 'all' | 'new' | 'none' } }).snapshotState
  const mode = state?._updateSnapshot ?? 'new'
  if (mode === 'all' || (!existsSync(file) && mode === 'new')) {
    mkdirSync(SNAPSHOTS, { recursive: true })
    writeFileSync(file, markdown)
  }
  if (!existsSync(file)) throw new Error(`Missing snapshot ${file}: run the tests without --ci to create it.`)
  expect(markdown).toBe(readFileSync(file, 'utf8'))
}

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
    skipped('reports/copy/semgrep.json', 'same content as reports/semgrep.json, which was used instead: uploaded once'),
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
  it('gives uploaded / skipped / failed and the four totals with the severities of what was created', () => {
    const md = renderSummary(cleanFirstRun(), META)
    const headline = md.split('\n').find((l) => l.includes('uploaded ·'))!
    expect(headline).toBe('**4** uploaded · 2 skipped · 0 failed — findings: **38** created (2 critical, 8 high, 13 medium, 13 low, 2 info new) · 0 closed · 0 reactivated · 0 untouched')
  })

  it('leaves out the severities when nothing was created', () => {
    const md = renderSummary([uploaded({ file: 'a.json', created: {}, untouched: { high: 2 } })], META)
    expect(md).toContain('**1** uploaded · 0 skipped · 0 failed — findings: **0** created · 0 closed · 0 reactivated · 2 untouched\n')
  })

  it('shows unknown counts as unknown, never as 0', () => {
    const allUnknown = renderSummary([uploaded({ file: 'a.json', created: null, closed: null, reactivated: null, untouched: null })], META)
    expect(allUnknown).toContain("findings: **unknown**: DefectDojo's answers had no counts")
    expect(allUnknown).toMatch(/\| \? \| \? \| \? \| \? \|/)
    expect(allUnknown).not.toContain('0 created')

    const partly = renderSummary([uploaded({ file: 'a.json', created: { high: 2 } }), uploaded({ file: 'b.json', created: null, closed: null, reactivated: null, untouched: null })], META)
    expect(partly).toContain('findings in 1 of 2 reports (DefectDojo did not return counts for the other): **2** created (2 high new) · 0 closed · 0 reactivated · 0 untouched')
    const three = renderSummary([uploaded({ file: 'a.json', created: {} }), ...['b', 'c'].map((f) => uploaded({ file: `${f}.json`, created: null, closed: null, reactivated: null, untouched: null }))], META)
    expect(three).toContain('findings in 1 of 3 reports (DefectDojo did not return counts for 2): **0** created')
    expect(partly).toContain('`?`: DefectDojo did not return this count')
  })

  it('names whole failed artifacts in the headline count and says nothing was uploaded when nothing was', () => {
    const md = renderSummary([artifactFailureResult({ artifact: 'sast', reason: 'expired.' })], { ...META, failedStep: true })
    expect(md).toContain('**0** uploaded · 0 skipped · **1 failed** (1 whole artifact) — nothing was uploaded')
  })

  it('says when no files were found', () => {
    expect(renderSummary([], META)).toContain('**0** uploaded · 0 skipped · 0 failed — no files were found: check the `path` and `artifacts` inputs')
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
  it('groups reports by product and engagement and links each once per group', () => {
    const md = renderSummary(cleanFirstRun(), META)
    expect(md.match(/\(https:\/\/dojo\.example\.com\/product\/3\)/g)).toHaveLength(1)
    expect(md.match(/\(https:\/\/dojo\.example\.com\/engagement\/7\)/g)).toHaveLength(1)
    expect(md).toContain('Product **[acme/web](https://dojo.example.com/product/3)** · engagement **[CI main](https://dojo.example.com/engagement/7)** · product type Acme')
    expect(md).toContain('[acme/infra](https://dojo.example.com/product/4)')
    expect(md).toContain('| --- | --- | --- | ---: | ---: | ---: | ---: |')
    for (let id = 1; id <= 4; id++) expect(md).toContain(`](${DOJO}/test/${id})`)
  })

  it('has a collapsed severity breakdown of created, closed, reactivated and active after', () => {
    const md = renderSummary(secondRun(), META)
    const details = md.slice(md.indexOf('<summary>Findings by severity</summary>'))
    expect(details).toContain('| Created | 0 | 0 | 1 | 0 | 0 | 1 |')
    expect(details).toContain('| Closed | 0 | 2 | 2 | 0 | 0 | 4 |')
    expect(details).toContain('| Reactivated | 1 | 0 | 0 | 0 | 0 | 1 |')
    expect(details).toContain('| Active after | 2 | 6 | 12 | 13 | 2 | 35 |')
    expect(details).toContain('| reports/semgrep.json | created | 0 | 0 | 1 | 0 | 0 | 1 |')
    expect(md).toContain('<details>\n<summary>Findings by severity</summary>')
  })

  it('notes duplicates and counts files for people in one line without listing them', () => {
    const md = renderSummary(secondRun(), META)
    expect(md).toContain('reports/semgrep.json <sub>(+1 identical copy, uploaded once)</sub>')
    expect(md).toContain('- 1 file for people (HTML reports, Markdown, logs, images) not uploaded.')
    expect(md).not.toContain('zap.html')
  })

  it('opens the failed section, and the skipped one only when something failed', () => {
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
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Report') && !l.startsWith('| All reports') && !l.startsWith('| Field'))) {
      const cells = row.split('|').length - 2
      expect([2, 4, 7, 8]).toContain(cells)
    }
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
    expect(md).toContain('| a.json | Gitleaks Scan | a | 0 |')
  })
})

describe('size budget', () => {
  const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

  it('keeps 300 reports with long names whole and under the limit', () => {
    const md = renderSummary(manyReports(300, 180), META)
    expect(bytes(md)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(SUMMARY_LIMIT_BYTES).toBeLessThan(1_000_000)
    expect(md).toContain('**300** uploaded · 1 skipped · **1 failed** — findings:')
    expect(md).not.toContain('more report')
  })

  it('keeps 5,000 reports with long names under the limit, with the headline and the failed count', () => {
    const results = manyReports(5000, 400, 2)
    for (let i = 0; i < 300; i++) results.push(failed(`broken/${'y'.repeat(300)}-${i}.json`, `DefectDojo answered 500; ${'details '.repeat(80)}`))
    const md = renderSummary(results, META)
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(md).toContain('**5,000** uploaded · 1 skipped · **301 failed** — findings:')
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
    expect(html.match(/<table>/g)).toHaveLength(4) // two groups, severity totals, severity per report
    expect(html).toContain(`<a href="${DOJO}/test/1">gitleaks</a>`)
    expect(html).toContain(`<a href="${DOJO}/product/3">acme/web</a>`)
    expect(html).toContain('<td style="text-align:right">1</td>')
    expect(html).toContain('<details>')
  })

  it('renders hostile names as text: no tag, no link of theirs, no broken table', () => {
    const html = md.render(renderSummary(hostileNames(), META))
    expect(html).not.toMatch(/<img|<script|<a href="http:\/\/evil|<a href="javascript|href="mailto:/i)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.json')
    expect(html).toContain(`<a href="${DOJO}/test/1">](javascript:alert(1)) &lt;b&gt;t&lt;/b&gt;</a>`)
    expect(html).toContain('<table>')
    // Each body row of the report table has its seven cells.
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'))
    for (const row of table.split('<tr>').slice(2)) expect(row.match(/<td/g)).toHaveLength(7)
  })
})
