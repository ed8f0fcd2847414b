// Through the bundled CLI: a Semgrep report longer than the bounded head, in `semgrep --json`'s own key
// order (version, results, errors, paths, …), is planned as a Semgrep report, not skipped.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../support/run-action.ts'

const CLI = join(ROOT, 'dist', 'cli.js')
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'large-heads-e2e-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('a 500+ KB semgrep --json report is planned as Semgrep JSON Report', () => {
  const results = Array.from({ length: 1000 }, (_, i) => ({
    check_id: 'javascript.express.security.audit.xss.direct-response-write',
    path: `src/routes/r${i}.js`,
    start: { line: i + 1, col: 3, offset: i * 40 },
    end: { line: i + 1, col: 30, offset: i * 40 + 27 },
    extra: { message: 'Detected directly writing to a Response object from user-defined input.', metadata: { cwe: ['CWE-79: Improper Neutralization of Input During Web Page Generation'] }, severity: 'WARNING', fingerprint: `fp${i}`, lines: 'res.write(req.query.x)' }
  }))
  const report = { version: '1.56.0', results, errors: [], paths: { scanned: ['src'] }, interfile_languages_used: [], skipped_rules: [] }
  const text = JSON.stringify(report, null, 2)
  expect(text.length).toBeGreaterThan(500_000)
  writeFileSync(join(dir, 'semgrep-big.json'), text)
  const env = { PATH: process.env.PATH ?? '', HOME: dir }
  const run = spawnSync(process.execPath, [CLI, '--dry-run', '--defectdojo-url', 'https://dojo.example.org', '--path', 'semgrep-big.json', '--branch', 'main', '--product-type', 'team', '--product', 'shop'], { cwd: dir, env, encoding: 'utf8' })
  expect(run.stderr).not.toContain('not a report format')
  expect(run.status).toBe(0)
  expect(run.stdout).toMatch(/planned\s+semgrep-big\.json\s+Semgrep JSON Report/)
})
