// Every input of the action, defined once: its kind, default and description. action.yml, the
// README's input tables (scripts/generate-docs.ts writes both; a test keeps them in step), the
// command line's options and --help, and parseConfig all read this table.
import { severityName, SEVERITIES } from '../model.js'

/** How an input's text is read; also decides the command-line option type. */
export type InputKind =
  | 'text'
  | 'secret'
  | 'url'
  | 'template'
  /** One value per line (the CLI repeats the option). */
  | 'lines'
  /** Values separated by newlines or commas (the CLI repeats the option). */
  | 'list'
  /** true / false with a default (a `--[no-]name` flag on the command line). */
  | 'flag'
  /** true, false, or empty for "DefectDojo's default". */
  | 'tristate'
  | 'choice'
  | 'integer'
  | 'number'
  | 'date'
  | 'file'

/** The README table an input is listed in. */
export type InputGroup = 'sources' | 'naming' | 'options' | 'network' | 'policy'

export interface InputSpec {
  readonly group: InputGroup
  readonly kind: InputKind
  /** The default as action.yml declares it (`${{ … }}` is filled by the runner only). */
  readonly default: string
  readonly description: string
  readonly choices?: readonly string[]
  readonly range?: { readonly min: number; readonly max: number }
  /** How the README shows the default where the literal one would mislead. */
  readonly shownDefault?: string
  /** What differs on the command line. */
  readonly cli?: CliSpec
}

export interface CliSpec {
  /** `false`: not an option of the command line (GitHub-only, or a secret that must not be typed there). */
  readonly option?: false
  /** The option's name, when it is not the input's. */
  readonly name?: string
  /** The command line's default, when it is not the action's. */
  readonly default?: string
  /** An environment variable the command line reads when the option is not given. */
  readonly env?: string
  /** How command-line messages name it, when not as `--<name>`. */
  readonly says?: string
  /** The description --help shows, where the action's speaks of a step or a runner. */
  readonly description?: string
}

/** `minimum_severity` choices in DefectDojo's spelling, least severe first (docs/defectdojo-api.md §a). */
const SEVERITY_CHOICES = [...SEVERITIES].reverse().map(severityName)
/** `group_by` choices (docs/defectdojo-api.md §a). */
const GROUP_BY_CHOICES = ['component_name', 'component_name+component_version', 'file_path', 'finding_title', 'vuln_id_from_tool'] as const

export const INPUTS = {
  // Where to find reports and where to send them.
  'defectdojo-url': {
    group: 'sources',
    kind: 'url',
    default: '',
    description: 'Base URL of DefectDojo, e.g. https://defectdojo.example.com (a path prefix such as /defectdojo is kept). Plain http:// only for loopback unless allow-insecure-http. Not needed with dry-run.',
    cli: { env: 'DEFECTDOJO_URL', says: 'DEFECTDOJO_URL (or --defectdojo-url)' }
  },
  'defectdojo-token': {
    group: 'sources',
    kind: 'secret',
    default: '',
    description: 'DefectDojo API v2 key, from a secret; masked in every log. Not needed with dry-run.',
    // A key on a command line lands in shell history and process lists: DEFECTDOJO_TOKEN or --defectdojo-token-file.
    cli: { option: false, env: 'DEFECTDOJO_TOKEN', says: 'DEFECTDOJO_TOKEN (or --defectdojo-token-file)' }
  },
  path: {
    group: 'sources',
    kind: 'lines',
    default: '',
    description: 'Reports on disk, one per line: files, folders (searched recursively) or globs, relative to the workspace; a line starting with ! excludes.',
    shownDefault: 'empty',
    cli: { default: '.' }
  },
  artifacts: {
    group: 'sources',
    kind: 'list',
    default: '*',
    description: "Names of this run's artifacts to download and search, as glob patterns separated by newlines or commas; !pattern excludes. Empty downloads nothing.",
    cli: { option: false }
  },
  'run-id': {
    group: 'sources',
    kind: 'text',
    default: '',
    description: 'Download the artifacts of another workflow run (e.g. github.event.workflow_run.id) instead of this one; needs github-token with actions: read.',
    cli: { option: false }
  },
  repository: { group: 'sources', kind: 'text', default: '', description: 'owner/name of the repository of run-id; default this repository.', shownDefault: 'this one', cli: { option: false } },
  'github-token': {
    group: 'sources',
    kind: 'secret',
    default: '${{ github.token }}',
    description: "GitHub token: downloads another run's artifacts (with run-id; needs actions: read) and writes the pull request comment (needs pull-requests: write).",
    shownDefault: 'github.token',
    cli: { option: false }
  },
  'include-tracked-files': {
    group: 'sources',
    kind: 'flag',
    default: 'false',
    description:
      'Also upload files that git tracks and that are unchanged from HEAD when path reaches them through a folder or a glob (by default they are left out: sample reports and test fixtures checked into the repository are not this run\'s reports). Files path names explicitly are always looked at.'
  },
  'pr-comment': {
    group: 'sources',
    kind: 'choice',
    default: 'auto',
    choices: ['auto', 'always', 'off'],
    description: 'One comment on the pull request, updated in place on every run, with the findings it introduces and fixes. auto writes it when something is introduced or fixed (and always updates an existing one); always writes it every time; off never.',
    cli: { option: false }
  },
  matrix: {
    group: 'sources',
    kind: 'text',
    default: '${{ toJson(matrix) }}',
    description: "The job's matrix leg, filled in by the runner: the legs of a matrix job each keep a pull request comment of their own. Leave it.",
    shownDefault: 'toJson(matrix)',
    cli: { option: false }
  },
  'keep-downloads': { group: 'sources', kind: 'flag', default: 'false', description: 'Keep the downloaded artifacts under RUNNER_TEMP after the step, for debugging.', cli: { option: false } },
  'scan-types': {
    group: 'sources',
    kind: 'lines',
    default: '',
    description: 'Per-file rules, one per line: "<glob> = <Exact Scan Type or *>[; product=…][; product-type=…][; engagement=…][; test-title=…]". First match wins; takes precedence over recognition.'
  },
  'dry-run': { group: 'sources', kind: 'flag', default: 'false', description: 'Recognise and plan every upload, write the summary and results file, and contact no server; URL and token are not needed.' },
  'if-no-credentials': {
    group: 'sources',
    kind: 'choice',
    default: 'skip',
    choices: ['skip', 'error'],
    description: 'When defectdojo-token is empty on a run GitHub gives no secrets (a pull request from a fork, Dependabot), whatever defectdojo-url holds: skip plans the uploads, sends nothing and passes with a notice; error fails. Elsewhere both are always required.',
    cli: { option: false }
  },

  // Naming and context.
  'product-type': { group: 'naming', kind: 'template', default: '{owner}', description: 'DefectDojo product type (organization) name; a template (see the placeholders below).' },
  product: { group: 'naming', kind: 'template', default: '{repo}', description: 'DefectDojo product (asset) name; a template.' },
  engagement: { group: 'naming', kind: 'template', default: 'CI/CD', description: 'DefectDojo engagement name; one long-running CI/CD engagement by default; a template.' },
  'test-title': { group: 'naming', kind: 'template', default: '{tool}: {report}', description: "Title of each report's DefectDojo test; a template that must give each report its own test." },
  'branch-isolation': {
    group: 'naming',
    kind: 'flag',
    default: 'true',
    description: 'Pull requests, forks and runs on a branch other than the default one upload into an engagement of their own, "<engagement> (<branch>)" (a fork\'s as "<owner>:<branch>"), so they never close the default branch\'s findings.'
  },
  environment: { group: 'naming', kind: 'text', default: 'Development', description: 'DefectDojo environment name (created if missing).' },
  branch: {
    group: 'naming',
    kind: 'text',
    default: '',
    description: "The branch the reports describe, when the run's own context is wrong or silent (default: from the event, the CI's variables or git).",
    shownDefault: 'from the run'
  },
  commit: { group: 'naming', kind: 'text', default: '', description: 'The commit the reports describe (default: the pull request head, the CI\'s variables or git).', shownDefault: 'from the run' },
  'default-branch': {
    group: 'naming',
    kind: 'text',
    default: '',
    description: 'The repository\'s default branch, for branch isolation (default: from the event payload, the CI\'s variables or origin/HEAD; else main and master).',
    shownDefault: 'from the run'
  },
  'if-no-branch': {
    group: 'naming',
    kind: 'choice',
    default: 'error',
    choices: ['error', 'isolate'],
    description: 'When no branch is known (a detached HEAD, a CI whose variables do not say): error stops before any upload; isolate uploads into "<engagement> (no branch)". Never the default branch\'s engagement.'
  },
  version: {
    group: 'naming',
    kind: 'text',
    default: '',
    description: 'Version sent with every upload; default the tag name on tag pushes, else empty.',
    shownDefault: 'tag name',
    // `--version` prints the command's own version.
    cli: { name: 'test-version' }
  },
  service: { group: 'naming', kind: 'text', default: '', description: 'DefectDojo service name; close-old-findings then only touches findings of this service.' },
  mode: {
    group: 'naming',
    kind: 'choice',
    default: 'reimport',
    choices: ['reimport', 'import'],
    description: 'reimport (default; one long-lived test per report, closed and reactivated findings tracked) or import (a new test every run, for one-off uploads).'
  },

  // DefectDojo's own import options: each sent only when set.
  'scan-date': { group: 'options', kind: 'date', default: '', description: "Scan date (YYYY-MM-DD) forced on new findings; default the scanner's own dates. Overrides SLA clocks." },
  'minimum-severity': {
    group: 'options',
    kind: 'choice',
    default: '',
    choices: SEVERITY_CHOICES,
    description: 'Drop findings below this severity: Info, Low, Medium, High or Critical (on reimport, dropped findings count as gone and get closed).'
  },
  active: { group: 'options', kind: 'tristate', default: '', description: "Force new findings active (true) or inactive (false); empty keeps the tool's status." },
  verified: { group: 'options', kind: 'tristate', default: '', description: "Force new findings verified (true) or not (false); empty keeps the tool's status." },
  'close-old-findings': { group: 'options', kind: 'tristate', default: '', description: "Close findings absent from the report (DefectDojo's default true on reimport, false on import)." },
  'close-old-findings-product-scope': { group: 'options', kind: 'tristate', default: '', description: 'With mode import and close-old-findings, close absent findings across the whole product.' },
  'do-not-reactivate': { group: 'options', kind: 'tristate', default: '', description: 'Keep closed findings closed when they reappear (reimport only).' },
  tags: { group: 'options', kind: 'list', default: '', description: "Tags for each test, separated by commas or newlines (no spaces or quotes); on reimport they replace the test's tags." },
  'apply-tags-to-findings': { group: 'options', kind: 'tristate', default: '', description: 'Copy the tags onto the findings.' },
  'apply-tags-to-endpoints': { group: 'options', kind: 'tristate', default: '', description: 'Copy the tags onto the endpoints.' },
  'group-by': {
    group: 'options',
    kind: 'choice',
    default: '',
    choices: GROUP_BY_CHOICES,
    description: 'Create finding groups by component_name, component_name+component_version, file_path, finding_title or vuln_id_from_tool.'
  },
  'create-finding-groups-for-all-findings': { group: 'options', kind: 'tristate', default: '', description: "With group-by, also create groups of a single finding (DefectDojo's default true)." },
  'push-to-jira': { group: 'options', kind: 'tristate', default: '', description: 'Push findings to Jira.' },
  'deduplication-on-engagement': { group: 'options', kind: 'tristate', default: '', description: 'Deduplicate within the engagement only (applies when the action creates the engagement).' },
  'deduplication-execution-mode': {
    group: 'options',
    kind: 'choice',
    default: '',
    choices: ['async', 'async_wait', 'sync'],
    description: "How DefectDojo deduplicates: async (answer first), async_wait (wait up to its DD_DEDUPLICATION_ASYNC_WAIT_TIMEOUT, so the counts reflect deduplication) or sync; default the user's profile setting, else async."
  },
  'engagement-end-date': { group: 'options', kind: 'date', default: '', description: 'End date (YYYY-MM-DD) of an engagement the action creates.' },
  lead: { group: 'options', kind: 'integer', default: '', range: { min: 1, max: Number.MAX_SAFE_INTEGER }, description: 'DefectDojo user id of the test lead.' },
  'api-scan-configuration': {
    group: 'options',
    kind: 'integer',
    default: '',
    range: { min: 1, max: Number.MAX_SAFE_INTEGER },
    description: 'Id of a product API scan configuration, for scan types that use one.'
  },

  // Network and failure handling.
  concurrency: {
    group: 'network',
    kind: 'integer',
    default: '4',
    range: { min: 1, max: 32 },
    description: 'Reports uploaded at the same time. Into an engagement that does not exist yet, its smallest report goes first, alone, and creates it.'
  },
  retries: {
    group: 'network',
    kind: 'integer',
    default: '3',
    range: { min: 0, max: 10 },
    description: 'Further attempts after a connection failure or HTTP 429/502/503/504, with backoff and Retry-After.'
  },
  'timeout-minutes': {
    group: 'network',
    kind: 'number',
    default: '30',
    range: { min: 0.01, max: 360 },
    description: 'Longest wait for one upload; DefectDojo parses a report before answering, large ones take minutes.'
  },
  'max-report-size-mb': {
    group: 'network',
    kind: 'number',
    default: '100',
    range: { min: 0.001, max: 1_000_000 },
    description: "Reports larger than this are not sent (DefectDojo's DD_SCAN_FILE_MAX_SIZE, default 100)."
  },
  'ca-certificates': { group: 'network', kind: 'file', default: '', description: "PEM file of extra CA certificates to trust for DefectDojo (added to Node's roots)." },
  'client-certificate': { group: 'network', kind: 'file', default: '', description: 'PEM client certificate for mutual TLS (with client-key).' },
  'client-key': { group: 'network', kind: 'file', default: '', description: 'PEM private key of client-certificate.' },
  'extra-headers': { group: 'network', kind: 'lines', default: '', description: 'Headers sent with every request, one "Name: value" per line (e.g. Cloudflare Access); values are masked.' },
  'allow-insecure-http': { group: 'network', kind: 'flag', default: 'false', description: 'Allow a plain http:// defectdojo-url other than loopback (the token would travel unencrypted).' },

  // When the step fails.
  'if-no-reports': { group: 'policy', kind: 'choice', default: 'warn', choices: ['warn', 'error', 'ignore'], description: 'What to do when no report is found: warn, error or ignore.' },
  'fail-on-error': {
    group: 'policy',
    kind: 'flag',
    default: 'true',
    description:
      'Fail the step when any report was not uploaded: DefectDojo refused it or the upload failed, or DefectDojo could not be used at all (unreachable, DNS, TLS, an HTML page instead of the API, the token rejected). Checked after all reports were tried and the summary written. false keeps uploads from ever blocking the job: one warning, a summary banner and the outputs `failed` and `defectdojo` say what happened. Invalid input values, a collision, a failed artifact listing, `if-no-reports: error` and `fail-on-unrecognized` still fail the step.',
    cli: {
      description:
        'Exit with status 1 when any report was not uploaded: DefectDojo refused it or the upload failed, or DefectDojo could not be used at all (unreachable, DNS, TLS, an HTML page instead of the API, the token rejected). Checked after all reports were tried and the summary written. --no-fail-on-error keeps uploads from ever blocking the job: one warning, the summary and DEFECTDOJO_FAILED / DEFECTDOJO_DEFECTDOJO say what happened. Invalid option values, a collision, --if-no-reports error and --fail-on-unrecognized still exit 1.'
    }
  },
  'fail-on-unrecognized': {
    group: 'policy',
    kind: 'flag',
    default: 'false',
    description: 'Fail the step when a file that looks like a report (its format and name or shape) was not recognised. Files for people and build output never count.',
    cli: { description: 'Exit with status 1 when a file that looks like a report (its format and name or shape) was not recognised. Files for people and build output never count.' }
  }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS

export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]

/** The spec of one input, widened to InputSpec. */
export function inputSpec(name: InputName): InputSpec {
  return INPUTS[name]
}

/** The raw input strings by input name ('' or missing = not set). */
export type RawInputs = Readonly<Partial<Record<InputName, string>>>

// How messages name an input: in the action by its input name, on the command line by what the user
// types there. Set once by the shell that runs; every sentence that names an input goes through here.

export type Dialect = 'action' | 'cli'
let dialect: Dialect = 'action'

/** Chooses how messages name inputs for the rest of this process (each shell calls it once). */
export function useDialect(value: Dialect): void {
  dialect = value
}

/** How the command line names an input: its own phrase, or `--<option>`. */
function cliName(name: InputName): string {
  const cli = inputSpec(name).cli
  return cli?.says ?? `\`--${cli?.name ?? name}\``
}

/** An input as the subject of a sentence: "Input `dry-run`" (on the command line "Option `--dry-run`"). */
export function inputSubject(name: InputName): string {
  if (dialect === 'cli') return inputSpec(name).cli?.says ?? `Option ${cliName(name)}`
  return `Input \`${name}\``
}

/** An input named inside a sentence: "the `timeout-minutes` input" (on the command line "`--timeout-minutes`"). */
export function theInput(name: InputName): string {
  return dialect === 'cli' ? cliName(name) : `the \`${name}\` input`
}

/** An input's bare name in backticks: "`defectdojo-url`" (on the command line "`--defectdojo-url`"). */
export function inputName(name: InputName): string {
  return dialect === 'cli' ? cliName(name) : `\`${name}\``
}

/** What a run is called in messages: the action's "step", the command line's "command" (it may be one line of a job's script). */
export function stepName(): string {
  return dialect === 'cli' ? 'command' : 'step'
}

/** Where every log line of the run is: the step's log, the command's own output. */
export function logName(): string {
  return dialect === 'cli' ? "command's output" : 'step log'
}

/** Where the files come from, for "no files were found": `path` and `artifacts` (the command line has only `--path`). */
export function sourceInputs(): string {
  return dialect === 'cli' ? cliName('path') : `${inputName('path')} and ${inputName('artifacts')}`
}

/** An input with a value, as the user would write it: "`dry-run: true`" (on the command line "`--dry-run`"). */
export function inputSetting(name: InputName, value: string): string {
  if (dialect === 'action') return `\`${name}: ${value}\``
  const option = inputSpec(name).cli?.name ?? name
  if (inputSpec(name).kind === 'flag') return value === 'true' ? `\`--${option}\`` : `\`--no-${option}\``
  return `\`--${option} ${value}\``
}
