// The command line's options: the action's inputs as long options, from the one input table
// (src/config/inputs.ts), plus the few options of the command line alone; and its --help.
import { parseArgs } from 'node:util'
import { INPUT_NAMES, inputSpec, type InputName, type RawInputs } from '../config/inputs.js'

/** Options of the command line alone: where its outputs go and what overrides the git context. */
const CLI_OPTIONS = {
  'defectdojo-token-file': { default: '', description: 'File holding the DefectDojo API v2 key (else the DEFECTDOJO_TOKEN environment variable). Never pass the key itself on the command line.' },
  'results-file': { default: 'defectdojo-results.json', description: 'Where to write the results file (one entry per file looked at).' },
  'summary-file': { default: '', description: 'Where to write the summary as Markdown (e.g. for GitLab artifacts:paths).' },
  'dotenv-file': { default: '', description: 'Where to write DEFECTDOJO_CREATED=… and the other outputs for GitLab artifacts:reports:dotenv.' },
  verbose: { default: 'false', description: 'Log how each file was recognised.' }
} as const

type CliOption = keyof typeof CLI_OPTIONS

/** The inputs the command line takes, each with its option name. */
function cliInputs(): Array<{ input: InputName; option: string }> {
  return INPUT_NAMES.filter((input) => inputSpec(input).cli?.option !== false).map((input) => ({ input, option: inputSpec(input).cli?.name ?? input }))
}

function isFlag(input: InputName): boolean {
  return inputSpec(input).kind === 'flag'
}

function takesLines(input: InputName): boolean {
  const kind = inputSpec(input).kind
  return kind === 'lines' || kind === 'list'
}

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>

function optionTable(): Options {
  const options: Options = { help: { type: 'boolean' }, version: { type: 'boolean' } }
  for (const { input, option } of cliInputs()) options[option] = isFlag(input) ? { type: 'boolean' } : { type: 'string', multiple: takesLines(input) }
  for (const [name, spec] of Object.entries(CLI_OPTIONS)) options[name] = spec.default === 'false' ? { type: 'boolean' } : { type: 'string' }
  return options
}

export function helpText(): string {
  const lines = [
    'Usage: defectdojo-reimport [options]',
    '',
    'Recognise every scanner report under --path by its content and reimport it into DefectDojo with the',
    'exact scan type, branch, commit and pipeline. DEFECTDOJO_URL and DEFECTDOJO_TOKEN come from the',
    'environment (--defectdojo-url overrides the URL; the token only from the environment or --defectdojo-token-file).',
    '',
    'Exit codes: 0 every report uploaded (or skipped), 1 a report failed to upload (with --fail-on-error, the default)',
    '            or the run stopped (DefectDojo unreachable, token rejected), 2 bad usage or configuration.',
    '',
    'Options (repeat those marked * to give several lines):'
  ]
  const entries: Array<[string, string, string]> = []
  for (const { input, option } of cliInputs()) {
    const spec = inputSpec(input)
    const label = isFlag(input) ? (spec.default === 'true' ? `--[no-]${option}` : `--${option}`) : `--${option} <value>${takesLines(input) ? ' *' : ''}`
    const def = spec.cli?.default ?? spec.default
    entries.push([label, spec.description, def === '' ? '' : `default: ${def}`])
  }
  for (const [name, spec] of Object.entries(CLI_OPTIONS)) {
    entries.push([spec.default === 'false' ? `--${name}` : `--${name} <value>`, spec.description, spec.default === '' || spec.default === 'false' ? '' : `default: ${spec.default}`])
  }
  entries.push(['--help', 'Show this help.', ''], ['--version', 'Show the version.', ''])
  for (const [label, description, def] of entries) lines.push(`  ${label}`, `      ${description}${def ? ` (${def})` : ''}`)
  return lines.join('\n') + '\n'
}

class UsageError extends Error {}

export interface CliArgs {
  raw: RawInputs
  cli: Record<CliOption, string>
  help: boolean
  version: boolean
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: [...argv], options: optionTable(), allowPositionals: false, strict: true, allowNegative: true } as Parameters<typeof parseArgs>[0])
  } catch (error) {
    const message = (error as Error).message
    if (/defectdojo-token'/.test(message) || argv.some((a) => a === '--defectdojo-token' || a.startsWith('--defectdojo-token='))) {
      throw new UsageError('--defectdojo-token is not accepted: a key on the command line lands in shell history and process lists. Set DEFECTDOJO_TOKEN, or use --defectdojo-token-file.')
    }
    throw new UsageError(`${message.split('\n')[0]} (see --help)`)
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>
  const raw: Partial<Record<InputName, string>> = {}
  for (const { input, option } of cliInputs()) {
    const value = values[option]
    if (value !== undefined) raw[input] = Array.isArray(value) ? value.join('\n') : String(value)
  }
  const cli = Object.fromEntries(Object.entries(CLI_OPTIONS).map(([name, spec]) => [name, values[name] === undefined ? spec.default : String(values[name])])) as CliArgs['cli']
  return { raw, cli, help: values.help === true, version: values.version === true }
}
