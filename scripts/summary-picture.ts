// The README's picture of the job summary, docs/summary.png: the committed snapshot of a mixed run
// (__tests__/unit/summary-snapshots/mixed-run.md) rendered to HTML the way GitHub renders a step
// summary, styled like GitHub's Markdown, and screenshotted by headless Chromium (Debian: `apt-get
// install -y chromium`; another binary through CHROMIUM=…). The unit test checks this same HTML.
//
//   node scripts/summary-picture.ts                    write docs/summary.png
//   node scripts/summary-picture.ts --html page.html   write the HTML page only
//
// After the summary changes: update the snapshot (NODE_OPTIONS=--experimental-vm-modules npx jest
// __tests__/unit/summary.test.ts -u), review it, then run this and commit both.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import MarkdownIt from 'markdown-it'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SNAPSHOT = join(ROOT, '__tests__/unit/summary-snapshots/mixed-run.md')
const PICTURE = join(ROOT, 'docs/summary.png')

const ALERTS: Readonly<Record<string, string>> = { NOTE: 'Note', TIP: 'Tip', IMPORTANT: 'Important', WARNING: 'Warning', CAUTION: 'Caution' }

/**
 * The summary's Markdown as GitHub shows it: HTML allowed (the summary escapes everything it did not
 * write itself), bare URLs linked, and `> [!CAUTION]` blockquotes turned into alerts as GitHub does.
 */
export function summaryHtml(markdown: string): string {
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown)
  const parts = html.split(/<blockquote>\n<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\n/)
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const kind = parts[i]!
    const body = parts[i + 1]!.replace('</blockquote>', '</div>')
    out += `<div class="markdown-alert markdown-alert-${kind.toLowerCase()}">\n<p class="markdown-alert-title">${ALERTS[kind]}</p>\n<p>${body}`
  }
  return out
}

// A small part of GitHub's Markdown style (colours, spacing, tables, alerts), inside a frame like the
// one a job summary has on the run's page.
const CSS = `
body { margin: 0; padding: 24px; background: #f6f8fa; color: #1f2328; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
.frame { max-width: 1100px; margin: 0 auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.frame > header { padding: 12px 24px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
.markdown-body { padding: 16px 24px 8px; }
h2 { font-size: 1.5em; font-weight: 600; margin: 8px 0 16px; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; }
h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
p, ul, table, details, .markdown-alert { margin: 0 0 16px; }
ul { padding-left: 2em; }
li + li { margin-top: .25em; }
a { color: #0969da; text-decoration: none; }
strong { font-weight: 600; }
code { font: 85% ui-monospace, "DejaVu Sans Mono", monospace; background: rgba(129, 139, 152, .12); padding: .2em .4em; border-radius: 6px; }
sub { font-size: 85%; vertical-align: baseline; color: #59636e; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
summary { cursor: pointer; }
details > summary + * { margin-top: 16px; }
.markdown-alert { padding: 8px 16px; border-left: .25em solid #d1d9e0; }
.markdown-alert > :last-child { margin-bottom: 0; }
.markdown-alert-title { font-weight: 500; margin-bottom: 4px; }
.markdown-alert-note { border-color: #0969da; } .markdown-alert-note .markdown-alert-title { color: #0969da; }
.markdown-alert-warning { border-color: #9a6700; } .markdown-alert-warning .markdown-alert-title { color: #9a6700; }
.markdown-alert-caution { border-color: #cf222e; } .markdown-alert-caution .markdown-alert-title { color: #d1242f; }
`

/** A whole HTML page showing the summary (or another of the action's Markdown) in its frame. */
export function summaryPage(markdown: string, header = 'defectdojo summary'): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>DefectDojo reimport: ${header}</title><style>${CSS}</style></head>
<body><div class="frame"><header>${header}</header><article class="markdown-body">
${summaryHtml(markdown)}</article></div></body>
</html>
`
}

function main(args: readonly string[]): void {
  const page = summaryPage(readFileSync(SNAPSHOT, 'utf8'))
  const htmlAt = args.indexOf('--html')
  if (htmlAt >= 0) {
    writeFileSync(args[htmlAt + 1] ?? 'summary.html', page)
    return
  }
  screenshot(page, PICTURE, '1200,1400')
}

/** Screenshots an HTML page into `picture` with headless Chromium (`CHROMIUM=…` for another binary). */
export function screenshot(page: string, picture: string, windowSize: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'summary-picture-'))
  try {
    const html = join(dir, 'page.html')
    writeFileSync(html, page)
    // Nothing but the local file: no network, no profile of the user's, no first-run pages.
    execFileSync(
      process.env.CHROMIUM || 'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--screenshot=${picture}`,
        `--window-size=${windowSize}`,
        pathToFileURL(html).href
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] }
    )
    console.log(`${picture}: ${statSync(picture).size} bytes`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2))
