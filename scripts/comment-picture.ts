// The README's picture of the pull request comment, docs/comment.png: the committed snapshot of a typical
// pull request (__tests__/unit/comment-snapshots/pull-request.md) rendered the way GitHub renders a
// comment (HTML allowed after the action's own escaping, bare URLs linked), in a frame like a comment's,
// and screenshotted by headless Chromium like docs/summary.png (scripts/summary-picture.ts).
//
//   node scripts/comment-picture.ts                    write docs/comment.png
//   node scripts/comment-picture.ts --html page.html   write the HTML page only
//
// After the comment changes: update the snapshot (NODE_OPTIONS=--experimental-vm-modules npx jest
// __tests__/unit/comment.test.ts -u), review it, then run this and commit both.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { screenshot, summaryPage } from './summary-picture.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SNAPSHOT = join(ROOT, '__tests__/unit/comment-snapshots/pull-request.md')
const PICTURE = join(ROOT, 'docs/comment.png')

const args = process.argv.slice(2)
const page = summaryPage(readFileSync(SNAPSHOT, 'utf8'), 'github-actions bot commented')
const htmlAt = args.indexOf('--html')
if (htmlAt >= 0) writeFileSync(args[htmlAt + 1] ?? 'comment.html', page)
else screenshot(page, PICTURE, '1100,900')
