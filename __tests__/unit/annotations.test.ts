// File/line annotations for introduced findings: paths relative to the repository, most severe first,
// within the step's limits, and a count of what was left out or could not be placed.
import { describe, expect, it } from '@jest/globals'
import { planAnnotations, repositoryPath, STEP_LIMIT } from '../../src/report/annotations.ts'
import type { CommentFinding, CommentReport } from '../../src/report/comment.ts'

const WORKSPACE = '/home/runner/work/web/web'

describe('repositoryPath', () => {
  it.each([
    ['src/app.py', 'src/app.py'],
    ['./app/server.py', 'app/server.py'],
    ['/src/app/server.py', 'app/server.py'],
    ['/github/workspace/app/server.py', 'app/server.py'],
    [`${WORKSPACE}/app/server.py`, 'app/server.py'],
    [`file://${WORKSPACE}/app/my%20file.py`, 'app/my file.py'],
    ['app\\win\\file.cs', 'app/win/file.cs'],
    ['.//a//b.py', 'a/b.py']
  ])('%s → %s', (input, expected) => {
    expect(repositoryPath(input, WORKSPACE)).toBe(expected)
  })

  it.each(['/etc/passwd', '../outside.py', 'a/../../b.py', 'https://example.com/x.js', 'C:/build/x.cs', '', '/home/runner/work/other/x.py'])('%s cannot be placed', (input) => {
    expect(repositoryPath(input, WORKSPACE)).toBeNull()
  })
})

const finding = (severity: string, title: string, file: string | null, line: number | null): CommentFinding => ({ title, severity, url: 'https://dojo.example/finding/1', file, line })
const report = (introduced: CommentFinding[], extra: Partial<CommentReport> = {}): CommentReport => ({ name: 'reports/semgrep.json', testUrl: null, basis: 'main', introduced, introducedTotal: introduced.length, fixed: null, fixedTotal: 0, ...extra })

describe('planAnnotations', () => {
  it('errors for critical and high, warnings below, most severe first', () => {
    const plan = planAnnotations([report([finding('Low', 'l', 'a.py', 1), finding('Critical', 'c', 'b.py', 2), finding('Medium', 'm', 'c.py', 3), finding('High', 'h', './d.py', 4)])], WORKSPACE, { errors: 10, warnings: 10 })
    expect(plan.annotations.map((a) => [a.level, a.file, a.line, a.title])).toEqual([
      ['error', 'b.py', 2, 'New Critical finding'],
      ['error', 'd.py', 4, 'New High finding'],
      ['warning', 'c.py', 3, 'New Medium finding'],
      ['warning', 'a.py', 1, 'New Low finding']
    ])
    expect(plan).toMatchObject({ leftOut: 0, unplaced: 0 })
    expect(plan.annotations[0]!.message).toBe('c (reports/semgrep.json; DefectDojo: https://dojo.example/finding/1)')
  })

  it('stays within what the step has left of each kind and counts the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) => finding(i < 15 ? 'High' : 'Medium', `t${i}`, `f${i}.py`, i + 1))
    const plan = planAnnotations([report(many)], WORKSPACE, { errors: STEP_LIMIT - 1, warnings: STEP_LIMIT - 3 })
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(9)
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(7)
    expect(plan.leftOut).toBe(30 - 16)
    expect(planAnnotations([report(many)], WORKSPACE, { errors: -2, warnings: 0 }).annotations).toHaveLength(0)
  })

  it('counts what cannot be placed: no file, no line, outside the repository, or not named to this run', () => {
    const plan = planAnnotations([report([finding('High', 'a', null, 3), finding('High', 'b', 'x.py', null), finding('High', 'c', '/etc/passwd', 1), finding('High', 'd', 'ok.py', 9)], { introducedTotal: 10 })], WORKSPACE, { errors: 10, warnings: 10 })
    expect(plan.annotations.map((a) => a.file)).toEqual(['ok.py'])
    expect(plan.unplaced).toBe(3 + 6)
  })

  it('nothing for failed or uncompared reports; no line break reaches an annotation', () => {
    expect(planAnnotations([report([finding('High', 'a', 'a.py', 1)], { basis: 'failed' }), report([finding('High', 'a', 'a.py', 1)], { basis: 'unknown' })], WORKSPACE, { errors: 10, warnings: 10 }).annotations).toHaveLength(0)
    const [a] = planAnnotations([report([finding('High', 'one\n::error file=x::two\r\u2028three', 'a.py', 1)])], WORKSPACE, { errors: 10, warnings: 10 }).annotations
    expect(a!.message).not.toMatch(/[\r\n\u2028]/)
  })
})
