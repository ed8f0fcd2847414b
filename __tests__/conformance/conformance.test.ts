/**
 * The stand-in answers like the real DefectDojo 3.2.0: the shared conformance recording (the answers a real
 * DefectDojo 3.2.0 gave to one sequence of 59 requests, docs/defectdojo-api.md §r) is replayed against the
 * stand-in with the shared replay tool, and every difference it finds fails this test, except those the
 * allowlist (allowlist.json beside this file) names as client-irrelevant, each with its reason.
 *
 * The recording lives outside the repository: ../shared/defectdojo/conformance (next to the clone, as in CI),
 * else /work/shared/defectdojo/conformance, or the folder DEFECTDOJO_SHARED names (holding conformance/).
 * Without it the test is skipped and says so; REQUIRE_CONFORMANCE=1 makes that a failure.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from '@jest/globals'
import { startDojoServer } from '../support/dojo-server.ts'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const candidates = [process.env.DEFECTDOJO_SHARED, resolve(ROOT, '../shared/defectdojo'), '/work/shared/defectdojo']
  .filter((c): c is string => Boolean(c))
  .map((c) => join(c, 'conformance'))
const folder = candidates.find((c) => existsSync(join(c, 'conformance.mjs')) && existsSync(join(c, 'defectdojo-3.2.0.json')))
const required = process.env.REQUIRE_CONFORMANCE === '1'
if (!folder && !required) {
  process.stdout.write(`conformance replay skipped: no DefectDojo 3.2.0 recording in ${candidates.join(' or ')} ` +
    '(set DEFECTDOJO_SHARED to the folder holding conformance/; REQUIRE_CONFORMANCE=1 makes this a failure)\n')
}

/** One difference as conformance.mjs reports it. */
interface Diff { at: string; kind: string; real: unknown; stand: unknown; minor?: boolean }
interface ReplayReport { compared: number; results: Array<{ id: string; desc: string; diffs: Diff[] }> }
interface AllowEntry { kind: string; at: string; minor?: boolean; requests?: string[]; reason: string }

const allowlist = (JSON.parse(readFileSync(join(ROOT, '__tests__/conformance/allowlist.json'), 'utf8')) as { entries: AllowEntry[] }).entries

const allows = (entry: AllowEntry, id: string, diff: Diff): boolean =>
  entry.kind === diff.kind && entry.at === diff.at && (entry.minor === undefined || entry.minor === (diff.minor === true)) &&
  (entry.requests === undefined || entry.requests.includes(id))

function run(file: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString() })
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString() })
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

const work = mkdtempSync(join(tmpdir(), 'conformance-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the allowlist', () => {
  it('gives every entry a one-line reason and a precise place', () => {
    for (const entry of allowlist) {
      expect(entry.reason).toMatch(/^\S.{20,}$/)
      expect(entry.reason).not.toContain('\n')
      expect(entry.kind).toMatch(/^[a-z-]+$/)
      expect(entry.at.length).toBeGreaterThan(0)
    }
  })
})

const suite = folder || required ? describe : describe.skip
suite('the stand-in against the answers of a real DefectDojo 3.2.0 (conformance recording)', () => {
  it('differs from the recording in nothing a client can act on', async () => {
    expect(folder).toBeDefined() // REQUIRE_CONFORMANCE=1 without the recording
    const server = await startDojoServer()
    const out = join(work, 'report.json')
    let result
    try {
      result = await run(join(folder!, 'conformance.mjs'), [
        '--replay', join(folder!, 'defectdojo-3.2.0.json'), '--stand', server.url, '--stand-token', server.token, '--out', out, '--quiet',
      ])
    } finally {
      await server.close()
    }
    // Exit 2: a usage error, an unreadable recording or report files that are not the recorded ones.
    expect({ code: result.code === 2 ? 2 : 'ran', stderr: result.code === 2 ? result.stderr : '' }).toEqual({ code: 'ran', stderr: '' })
    const report = JSON.parse(readFileSync(out, 'utf8')) as ReplayReport
    expect(report.compared).toBe(report.results.length)
    expect(report.results.length).toBeGreaterThanOrEqual(59)

    const used = new Set<AllowEntry>()
    const unexplained: string[] = []
    for (const { id, desc, diffs } of report.results) {
      for (const diff of diffs) {
        const entry = allowlist.find((e) => allows(e, id, diff))
        if (entry) used.add(entry)
        else unexplained.push(`${id} (${desc}): ${diff.minor ? '(minor) ' : ''}${diff.kind} @ ${diff.at}: real ${JSON.stringify(diff.real)} | stand-in ${JSON.stringify(diff.stand)}`)
      }
    }
    expect(unexplained).toEqual([])
    // An entry that no longer matches anything hides nothing: it goes.
    expect(allowlist.filter((e) => !used.has(e)).map((e) => `${e.kind} @ ${e.at}`)).toEqual([])
  })
})
