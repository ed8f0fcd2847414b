// The command line's options: the action's inputs as long options, from the one input table
// (src/config/inputs.ts), plus the few options of the command line alone; and its --help.
import { parseArgs } from 'node:util'
import { INPUT_NAMES, inputSpec, type InputName, type RawInputs } from '../config/inputs.js'
import { editDistance, looseName, nearestName } from '../config/nearest.js'
import { PLACEHOLDER_MEANINGS, PLACEHOLDERS } from '../config/templates.js'

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

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>

function optionTable(): Options {
  const options: Options = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } }
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
    entries.push([label, cliDescription(input), def === '' ? '' : `default: ${def}`])
  }
  for (const [name, spec] of Object.entries(CLI_OPTIONS)) {
    entries.push([spec.default === 'false' ? `--${name}` : `--${name} <value>`, spec.description, spec.default === '' || spec.default === 'false' ? '' : `default: ${spec.default}`])
  }
  entries.push(['-h, --help', 'Show this help.', ''], ['--version', 'Show the version.', ''])
  for (const [label, description, def] of entries) lines.push(`  ${label}`, `      ${description}${def ? ` (${def})` : ''}`)
  lines.push('', 'Placeholders (in --product-type, --product, --engagement and --test-title):')
  for (const name of PLACEHOLDERS) lines.push(`  {${name}}`.padEnd(16) + PLACEHOLDER_MEANINGS[name])
  return lines.join('\n') + '\n'
}

/** Input names with a hyphen, as descriptions mention them (longest first: `close-old-findings-product-scope` before `close-old-findings`). */
const MENTIONED = INPUT_NAMES.filter((name) => name.includes('-')).sort((a, b) => b.length - a.length)

/**
 * An input's description as the command line says it: its own wording where the action's speaks of a
 * step, and every input it mentions named as the option to type (`--allow-insecure-http`).
 */
export function cliDescription(input: InputName): string {
  const spec = inputSpec(input)
  let text = spec.cli?.description ?? spec.description
  for (const name of MENTIONED) {
    const cli = inputSpec(name).cli
    const said = cli?.option === false ? (cli.env ?? name) : `--${cli?.name ?? name}`
    text = text.replace(new RegExp(`(?<![\\w-])${name}(?![\\w=-])`, 'g'), said)
  }
  return text
}

class UsageError extends Error {}

const TOKEN_ADVICE = 'a key on the command line lands in shell history and process lists. Set DEFECTDOJO_TOKEN, or use --defectdojo-token-file.'

/** What an unknown option most likely meant, as a sentence, or null. */
function suggestion(given: string): string | null {
  const name = given.replace(/^-+/, '').replace(/=.*$/, '')
  const bare = name.startsWith('no-') ? name.slice(3) : name
  // The API key has no option of its own, on purpose.
  if (/token|api-?key/i.test(bare) && !/file/i.test(bare)) return `the DefectDojo API key comes from DEFECTDOJO_TOKEN or --defectdojo-token-file (${TOKEN_ADVICE.split('. ')[0]})`
  const inputs = INPUT_NAMES.filter((input) => inputSpec(input).cli?.option === false)
  const actionOnly = inputs.find((input) => looseName(input) === looseName(bare))
  if (actionOnly) return `\`${actionOnly}\` is an input of the GitHub Action only; the command line reads the files under --path`
  const options = Object.keys(optionTable())
  const near = nearestName(bare, options) ?? bySuffix(bare, options)
  return near ? `did you mean --${name.startsWith('no-') && isNegatable(near) ? 'no-' : ''}${near}?` : null
}

/** The one option whose last words are `given` (`url` → `defectdojo-url`), or that `given` begins (`dry` → `dry-run`); else the nearest by a few edits. */
function bySuffix(given: string, options: readonly string[]): string | null {
  const loose = looseName(given)
  const ending = options.filter((o) => o.endsWith(`-${loose}`))
  if (ending.length === 1) return ending[0]!
  const starting = options.filter((o) => o.startsWith(loose))
  if (starting.length === 1) return starting[0]!
  const close = options.filter((o) => editDistance(loose, o, 3) <= 3)
  return close.length === 1 ? close[0]! : null
}

function isNegatable(option: string): boolean {
  return optionTable()[option]?.type === 'boolean'
}

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
      throw new UsageError(`--defectdojo-token is not accepted: ${TOKEN_ADVICE}`)
    }
    const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '([^']+)'/.exec(message)?.[1] : undefined
    const hint = unknown ? suggestion(unknown) : null
    throw new UsageError(`${message.split('\n')[0]}${hint ? `: ${hint}` : ''} (see --help)`)
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
