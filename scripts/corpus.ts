// Runs the real recognition over DefectDojo's parser test files (the development corpus) and says
// how often it maps a file to the scan type DefectDojo's own tests feed it to, with the oracle's
// verdict next to its own: DefectDojo's real parsers (DEFECTDOJO_ORACLE) judge every sample under
// its own scan types and every upload recognition plans.
//
//   npm run corpus -- [<scans-dir>] [--index samples-index.tsv] [--types scan-types.tsv] [--verbose]
//
// The corpus is DefectDojo's, not ours: extract it outside the repository, or name it with
// DEFECTDOJO_SAMPLES (the .tar.gz or the folder; `eval "$(.ci/oracle-setup)"` sets both variables where
// DEFECTDOJO_SRC and DDORACLE_LIBS, DefectDojo's code the oracle runs, are given).
// It is not part of `npm test`; the oracle suite (__tests__/oracle) is.
//
// Every sample is recognised twice: once under its real base name (names may break ties, as in a
// real run) and once under a neutral name `report.<ext>`, so rules that only work thanks to the
// name show up. A wrong mapping is a failure; an unknown is a miss. Samples of one parser that
// serves several scan types (`Anchore Grype` / `Anchore Grype detailed`) count as right for any of
// them, and so do the scan types documented to read the same format (alsoReadBy, twinOf). Samples
// DefectDojo's tests do not use, or use to show an error, are negative cases: they may be skipped or
// mapped to their own parser, never to another one (and an erroring sample must be skipped).
//
// With the oracle, the headline figure is over the samples DefectDojo's parsers import: those a
// scan type of their own reads (not an empty file, not an API importer that ignores the file).
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'

// The sources import each other with `.js` specifiers: map them to the `.ts` files.
await import('./ts-resolve.ts')

const { recognize } = await import('../src/recognition/recognize.ts')
const { FORMATS } = await import('../src/recognition/formats/index.ts')
const { oracleFromEnv, refused } = await import('../__tests__/oracle/ddparse.ts')
type Recognition = Awaited<ReturnType<typeof recognize>>
type Verdict = import('../__tests__/oracle/ddparse.ts').Verdict

/**
 * Samples DefectDojo's own parser tests feed to a parser to show that it raises (or that the file is
 * not a report of that format). Uploading them as anything is a failure. Taken from the parser tests'
 * `assertRaises` cases, plus the error outputs named so by DefectDojo (`*_with_error*`, `*invalid*`).
 */
const EXPECTED_ERRORS = new Map<string, string | null>([
  // [sample, the scan type DefectDojo's error message points to instead (null: none, it is not a report)]
  ['npm_audit/many_vuln_npm7.json', 'NPM Audit v7+ Scan'],
  ['govulncheck/issue_15033_sarif.json', 'SARIF'],
  ...[
  'npm_audit/empty_with_error.json',
  'yarn_audit/empty_with_error.json',
  'meterian/report_invalid.json',
  'github_secrets_detection_report/github_secrets_detection_report_invalid.json',
  'threat_composer/threat_composer_no_threats_with_error.json',
  'threagile/bad_formatted_risks_file.json',
  'anchore_enterprise/invalid_checks_format.json',
  'whitehat_sentinel/invalid_data.txt',
  'whitehat_sentinel/empty_file.json',
  'noseyparker/empty_with_error.json',
  'aws_inspector2/empty_with_error.json',
  'intsights/empty_with_error.json',
  'intsights/empty_with_error.csv',
  'whispers/empty_with_error.json',
  'gitlab_dast/empty_with_error.json',
  'sysdig_reports/sysdig_reports_empty_with_error.csv',
  'csaf/csaf_unsupported_version.json',
  'spdx/spdx_3_unsupported.json',
  'kubehunter/empty.json',
  'sysdig_reports/sysdig_reports_missing_cve_field.csv',
  'sysdig_reports/sysdig_reports_not_starting_with_cve.csv',
  // DefectDojo's import of every unit-test sample lists these as failing (dojo/management/commands/import_all_unittest_scans.py).
  'generic/generic_empty.json',
  'generic/generic_invalid.json',
  'gitlab_api_fuzzing/gitlab_api_fuzzing_invalid.json',
  'burp_graphql/null_title.json',
  'stackhawk/oddly_familiar_json_that_isnt_us.json',
  'stackhawk/invalid.json',
  'hydra/oddly_familiar_json_that_isnt_us.json',
  'hydra/invalid.json',
  'risk_recon/bad_key.json',
  'risk_recon/bad_url.json',
  'coverity_api/wrong.json',
  'govulncheck/empty.json',
  'checkmarx_osa/single_finding_no_libraryId.json'
  ].map((path): [string, null] => [path, null])
])

interface Sample {
  path: string
  expected: string[]
  parser: string
  negative: 'unused' | 'error' | null
  note: string
}

interface Outcome {
  kind: 'right' | 'wrong' | 'unknown' | 'equivalent'
  recognition: Recognition
}

function usage(message: string): never {
  console.error(message)
  console.error('usage: npm run corpus -- <scans-dir> [--index samples-index.tsv] [--types scan-types.tsv] [--verbose]')
  process.exit(2)
}

async function parseArgs(argv: string[]): Promise<{ scans: string; index: string; types: string; verbose: boolean }> {
  let scans: string | undefined
  let index: string | undefined
  let types: string | undefined
  let verbose = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--index') index = argv[++i]
    else if (arg === '--types') types = argv[++i]
    else if (arg === '--verbose' || arg === '-v') verbose = true
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`)
    else scans = arg
  }
  scans ??= setup?.scans ?? undefined
  if (!scans) usage('missing the corpus folder (the extracted `scans/`, or DEFECTDOJO_SAMPLES)')
  scans = resolve(scans)
  if (!existsSync(scans) || !statSync(scans).isDirectory()) usage(`not a folder: ${scans}`)
  // The index and the scan type table sit next to the corpus (or the oracle) in DefectDojo's facts folder.
  const near = [scans, dirname(scans), ...['DEFECTDOJO_SAMPLES', 'DEFECTDOJO_ORACLE'].flatMap((v) => (process.env[v] ? [dirname(resolve(process.env[v]!))] : []))]
  const find = (name: string, given: string | undefined): string => {
    const candidates = given ? [resolve(given)] : near.map((dir) => join(dir, name))
    const found = candidates.find((c) => existsSync(c))
    if (!found) usage(`cannot find ${name} (tried ${candidates.join(', ')})`)
    return found
  }
  return { scans, index: find('samples-index.tsv', index), types: find('scan-types.tsv', types), verbose }
}

function readTsv(path: string): Array<Record<string, string>> {
  const [headerLine, ...lines] = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '')
  const header = headerLine!.split('\t')
  return lines.map((line) => {
    const cells = line.split('\t')
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))
  })
}

/** `Anchore Grype (default mode; …)` and `A ; B (non-detailed/default mode …)` → the plain scan type names. */
function expectedScanTypes(cell: string): string[] {
  return cell
    .replace(/\s*\([^()]*\bmode\b[^()]*\)/g, '')
    .split(' ; ')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

const setup = await oracleFromEnv()
const args = await parseArgs(process.argv.slice(2))
const parserOf = new Map<string, string>()
for (const row of readTsv(args.types)) parserOf.set(row['scan_type']!, row['parser_dir']!)
const scanTypesOfParser = new Map<string, Set<string>>()
for (const [scanType, parser] of parserOf) {
  if (!scanTypesOfParser.has(parser)) scanTypesOfParser.set(parser, new Set())
  scanTypesOfParser.get(parser)!.add(scanType)
}

const samples: Sample[] = []
for (const row of readTsv(args.index)) {
  const path = row['path']!
  const expected = expectedScanTypes(row['scan_type'] ?? '')
  const note = row['note'] ?? ''
  const parser = (expected[0] && parserOf.get(expected[0])) || path.split('/')[0]!
  const negative = EXPECTED_ERRORS.has(path) ? 'error' : expected.length === 0 || /not referenced|not used/i.test(note) ? 'unused' : null
  samples.push({ path, expected, parser, negative, note })
}

/** Scan types whose parser also reads what `rule` recognises (documented on the row: alsoReadBy, twinOf). */
const alsoReadBy = new Map<string, readonly string[]>()
const addEquivalent = (scanType: string, other: string): void => {
  alsoReadBy.set(scanType, [...(alsoReadBy.get(scanType) ?? []), other])
}
for (const rule of FORMATS) {
  if (!rule.scanType) continue
  for (const other of rule.alsoReadBy ?? []) addEquivalent(rule.scanType, other.scanType)
  const twin = rule.twinOf ? FORMATS.find((f) => f.id === rule.twinOf) : undefined
  if (twin?.scanType) addEquivalent(twin.scanType, rule.scanType)
}

function judge(sample: Sample, recognition: Recognition): Outcome {
  if (recognition.kind === 'skipped') return { kind: 'unknown', recognition }
  if (sample.negative === 'error') {
    const instead = EXPECTED_ERRORS.get(sample.path)
    return { kind: instead && recognition.scanType === instead ? 'right' : 'wrong', recognition }
  }
  const family = scanTypesOfParser.get(sample.parser) ?? new Set(sample.expected)
  if (family.has(recognition.scanType) || sample.expected.includes(recognition.scanType)) return { kind: 'right', recognition }
  const equivalents = alsoReadBy.get(recognition.scanType) ?? []
  if (sample.expected.some((e) => equivalents.includes(e))) return { kind: 'equivalent', recognition }
  return { kind: 'wrong', recognition }
}

async function run(sample: Sample, neutral: boolean): Promise<Outcome> {
  const absolutePath = join(args.scans, sample.path)
  const name = basename(sample.path)
  const displayPath = neutral ? `report${extname(name)}` : name
  const size = statSync(absolutePath).size
  const recognition = await recognize({ absolutePath, displayPath, artifact: null, size })
  return judge(sample, recognition)
}

const started = performance.now()
const results: Array<{ sample: Sample; named: Outcome; neutral: Outcome }> = []
const missing: string[] = []
for (const sample of samples) {
  if (!existsSync(join(args.scans, sample.path))) {
    missing.push(sample.path)
    continue
  }
  results.push({ sample, named: await run(sample, false), neutral: await run(sample, true) })
}
const elapsed = performance.now() - started

// ---- the oracle: DefectDojo's parsers on each sample (its own scan types) and on each planned upload ----
interface Judged {
  /** The sample under each scan type DefectDojo's tests feed it to, under its own name. */
  own: Verdict[]
  /** The planned upload of each pass. */
  named?: Verdict
  neutral?: Verdict
}
const judged = new Map<Sample, Judged>()
let plannedFigures: string | null = null
if (setup) {
  const rows: Array<{ file: string; scanType: string; name: string; put: (v: Verdict) => void }> = []
  for (const { sample, named, neutral } of results) {
    const entry: Judged = { own: [] }
    judged.set(sample, entry)
    const file = join(args.scans, sample.path)
    for (const scanType of sample.expected) rows.push({ file, scanType, name: basename(sample.path), put: (v) => entry.own.push(v) })
    for (const [pass, outcome] of [['named', named], ['neutral', neutral]] as const) {
      const r = outcome.recognition
      if (r.kind === 'report') rows.push({ file, scanType: r.scanType, name: r.uploadName, put: (v) => (entry[pass] = v) })
    }
  }
  const verdicts = await setup.oracle.judge(rows)
  rows.forEach((row, i) => row.put(verdicts[i]!))
  // The planned uploads as the oracle suite counts them (with the "read as empty where another scan type reads findings" check).
  const { judge, figures } = await import('../__tests__/oracle/judge.ts')
  const inputs = results.map(({ sample }) => ({ file: join(args.scans, sample.path), label: sample.path, folder: sample.path.split('/')[0]! }))
  plannedFigures = figures('planned uploads of the corpus', await judge(setup.oracle, inputs))
}

/** What DefectDojo's parser did with a file: "reads N", "reads none" or "refused — error". */
function said(v: Verdict | undefined): string {
  if (!v) return 'not judged'
  if (refused(v)) return `refused — ${v.upload_ext_ok === false && v.ok ? "the server refuses the name's extension" : (v.error ?? '').slice(0, 120)}`
  return v.findings > 0 ? `reads ${v.findings}` : 'reads none'
}

/** DefectDojo's parsers import the sample: a scan type of its own reads it (an empty file or a file an API importer ignores aside). */
function imported(sample: Sample): boolean {
  const entry = judged.get(sample)
  if (!entry || sample.negative === 'error' || statSync(join(args.scans, sample.path)).size === 0) return false
  return entry.own.some((v) => v.ok && !(v.file_based === false && v.findings === 0 && (v.log_warnings ?? 0) > 0))
}

// ---- per scan type table (used samples) ----------------------------------------------------------
interface Row {
  samples: number
  named: Record<Outcome['kind'], number>
  neutral: Record<Outcome['kind'], number>
}
const zero = (): Record<Outcome['kind'], number> => ({ right: 0, equivalent: 0, wrong: 0, unknown: 0 })
const table = new Map<string, Row>()
const used = results.filter((r) => r.sample.negative === null)
const negatives = results.filter((r) => r.sample.negative !== null)
for (const { sample, named, neutral } of used) {
  const key = sample.expected.join(' / ')
  const row = table.get(key) ?? { samples: 0, named: zero(), neutral: zero() }
  row.samples++
  row.named[named.kind]++
  row.neutral[neutral.kind]++
  table.set(key, row)
}

const pad = (s: string | number, n: number): string => String(s).padStart(n)
const nameWidth = Math.min(60, Math.max(...[...table.keys()].map((k) => k.length), 9))
console.log(`${'scan type'.padEnd(nameWidth)} ${pad('samples', 7)} │ ${pad('right', 5)} ${pad('wrong', 5)} ${pad('unknown', 7)} │ neutral name: ${pad('right', 5)} ${pad('wrong', 5)} ${pad('unknown', 7)}`)
for (const [key, row] of [...table].sort((a, b) => a[0].localeCompare(b[0]))) {
  const r = (o: Record<Outcome['kind'], number>): string => `${pad(o.right + o.equivalent, 5)} ${pad(o.wrong, 5)} ${pad(o.unknown, 7)}`
  console.log(`${key.slice(0, nameWidth).padEnd(nameWidth)} ${pad(row.samples, 7)} │ ${r(row.named)} │               ${r(row.neutral)}`)
}

// ---- details ---------------------------------------------------------------------------------
const describe = (o: Outcome): string => (o.recognition.kind === 'report' ? `${o.recognition.scanType} (${o.recognition.evidence.join('; ')})` : `skipped: ${o.recognition.reason}`)
/** The oracle's verdict next to recognition's: on the planned upload, and on the sample under its own scan types. */
function oracleSays(sample: Sample, pass: 'named' | 'neutral' = 'named'): string {
  const entry = judged.get(sample)
  if (!entry) return ''
  const planned = entry[pass] ? `planned upload: ${said(entry[pass])}; ` : ''
  const own = entry.own.map((v) => `${v.scan_type} ${said(v)}`).join(', ')
  return `  {oracle — ${planned}${own || 'no scan type of its own'}}`
}
const wrongs = results.filter((r) => r.named.kind === 'wrong' || r.neutral.kind === 'wrong')
if (wrongs.length > 0) {
  console.log('\nWRONG mappings:')
  for (const { sample, named, neutral } of wrongs) {
    const outcome = named.kind === 'wrong' ? named : neutral
    console.log(`  ${sample.path} [expected ${sample.expected.join(' / ') || '(negative case)'}${sample.negative ? `, ${sample.negative}` : ''}] → ${describe(outcome)}${oracleSays(sample, outcome === named ? 'named' : 'neutral')}`)
  }
}
const equivalents = used.filter((r) => r.named.kind === 'equivalent' || r.neutral.kind === 'equivalent')
if (equivalents.length > 0) {
  console.log('\nRight through another parser that reads the same format (documented on the row as alsoReadBy or twinOf):')
  for (const { sample, named } of equivalents) console.log(`  ${sample.path} [fed to ${sample.expected.join(' / ')}] → ${describe(named)}${oracleSays(sample)}`)
}
const unknownNeutral = used.filter((r) => r.neutral.kind === 'unknown')
if (args.verbose && unknownNeutral.length > 0) {
  console.log('\nUnknown (neutral name):')
  for (const { sample, named, neutral } of unknownNeutral) {
    const byName = named.kind !== 'unknown' ? `  [named pass: ${named.recognition.kind === 'report' ? named.recognition.scanType : 'skipped'}]` : ''
    console.log(`  ${sample.path} [${sample.expected.join(' / ')}] → ${describe(neutral)}${byName}${oracleSays(sample, 'neutral')}`)
  }
}

// ---- negative and unused samples -------------------------------------------------------------------
const negativeCount = (kind: Outcome['kind'], neutral: boolean): number => negatives.filter((r) => (neutral ? r.neutral : r.named).kind === kind).length
console.log(
  `\nNegative / unused samples (not fed to a parser by DefectDojo's tests, or fed to show an error): ${negatives.length} ` +
    `(${negatives.filter((r) => r.sample.negative === 'error').length} erroring) — ` +
    `named: ${negativeCount('right', false)} mapped to their own parser, ${negativeCount('unknown', false)} skipped, ${negativeCount('wrong', false)} wrong; ` +
    `neutral: ${negativeCount('right', true)} own parser, ${negativeCount('unknown', true)} skipped, ${negativeCount('wrong', true)} wrong`
)
if (args.verbose) {
  for (const { sample, named } of negatives) console.log(`  ${sample.path} [${sample.negative}] → ${describe(named)}${oracleSays(sample)}`)
}

// ---- against DefectDojo's parsers ----------------------------------------------------------------
interface OracleTotals {
  importable: number
  recognised: number
  missed: Array<(typeof results)[number]>
  refusedUploads: Array<(typeof results)[number]>
}
function againstOracle(neutral: boolean): OracleTotals {
  const pick = (r: (typeof results)[number]): Outcome => (neutral ? r.neutral : r.named)
  const importable = results.filter((r) => imported(r.sample))
  const refusedUploads = results.filter((r) => {
    const v = judged.get(r.sample)?.[neutral ? 'neutral' : 'named']
    return v !== undefined && refused(v)
  })
  const recognised = importable.filter((r) => (pick(r).kind === 'right' || pick(r).kind === 'equivalent') && !refusedUploads.includes(r))
  return { importable: importable.length, recognised: recognised.length, missed: importable.filter((r) => !recognised.includes(r)), refusedUploads }
}
const oracleNamed = setup ? againstOracle(false) : null
const oracleNeutral = setup ? againstOracle(true) : null
if (oracleNamed) {
  if (oracleNamed.refusedUploads.length > 0 || oracleNeutral!.refusedUploads.length > 0) {
    console.log('\nPlanned uploads DefectDojo would REFUSE:')
    for (const r of new Set([...oracleNamed.refusedUploads, ...oracleNeutral!.refusedUploads])) console.log(`  ${r.sample.path} → ${describe(r.named)}${oracleSays(r.sample)}`)
  }
  console.log('\nMissed — samples DefectDojo imports that recognition skips under their own name:')
  for (const { sample, named } of oracleNamed.missed) console.log(`  ${sample.path} [${sample.expected.join(' / ')}] → ${describe(named)}${oracleSays(sample)}`)
  // Error outputs, tool inputs and files that are no report: recognition skips them and DefectDojo's own parser refuses them (or they are empty).
  const correctlySkipped = results.filter((r) => r.named.kind === 'unknown' && !imported(r.sample) && judged.get(r.sample)!.own.every((v) => refused(v) || statSync(join(args.scans, r.sample.path)).size === 0 || r.sample.negative === 'error'))
  console.log(`\nCorrectly skipped — error outputs, tool inputs and empty files, which DefectDojo's own parser refuses or which hold nothing: ${correctlySkipped.length}`)
  for (const { sample, named } of correctlySkipped) console.log(`  ${sample.path} [${sample.negative ?? 'used'}] → ${describe(named)}${oracleSays(sample)}`)
}

// ---- totals ------------------------------------------------------------------------------------
function totals(neutral: boolean): { right: number; equivalent: number; wrong: number; unknown: number } {
  const pick = (r: (typeof results)[number]): Outcome => (neutral ? r.neutral : r.named)
  return {
    right: used.filter((r) => pick(r).kind === 'right').length,
    equivalent: used.filter((r) => pick(r).kind === 'equivalent').length,
    wrong: results.filter((r) => pick(r).kind === 'wrong').length,
    unknown: used.filter((r) => pick(r).kind === 'unknown').length
  }
}
const percent = (n: number): string => `${((100 * n) / Math.max(1, used.length)).toFixed(1)} %`
const named = totals(false)
const neutral = totals(true)
if (missing.length > 0) console.log(`\n${missing.length} samples listed in the index are not in the folder: ${missing.join(', ')}`)
console.log(`\n${used.length} used samples, ${negatives.length} negative/unused; ${FORMATS.length} format rows; recognition of ${results.length * 2} files took ${(elapsed / 1000).toFixed(2)} s (${(elapsed / (results.length * 2)).toFixed(2)} ms per file)`)
console.log(`neutral name (report.<ext>): ${neutral.right + neutral.equivalent} right (${neutral.equivalent} via an equivalent parser), ${neutral.wrong} wrong, ${neutral.unknown} unknown — ${percent(neutral.right + neutral.equivalent)} recognised`)
console.log(`real name:                   ${named.right + named.equivalent} right (${named.equivalent} via an equivalent parser), ${named.wrong} wrong, ${named.unknown} unknown — ${percent(named.right + named.equivalent)} recognised`)
if (oracleNamed && oracleNeutral) {
  const share = (t: OracleTotals): string => `${t.recognised} of ${t.importable} (${((100 * t.recognised) / Math.max(1, t.importable)).toFixed(1)} %)`
  console.log(`\nAgainst DefectDojo's parsers (the oracle): they import ${oracleNamed.importable} of the ${results.length} samples (an empty file, an expected error and a file an API importer ignores do not count)`)
  console.log(`neutral name (report.<ext>): ${share(oracleNeutral)} recognised and read by DefectDojo, ${neutral.wrong} wrong, ${oracleNeutral.refusedUploads.length} planned uploads refused`)
  console.log(`real name:                   ${share(oracleNamed)} recognised and read by DefectDojo, ${named.wrong} wrong, ${oracleNamed.refusedUploads.length} planned uploads refused`)
  console.log(plannedFigures)
} else {
  console.log('\n(no oracle: give DEFECTDOJO_SRC and DDORACLE_LIBS and run `eval "$(.ci/oracle-setup)"`, which sets DEFECTDOJO_ORACLE, to judge the samples and the planned uploads with DefectDojo\'s parsers)')
}
const refusedCount = (oracleNamed?.refusedUploads.length ?? 0) + (oracleNeutral?.refusedUploads.length ?? 0)
console.log(`${named.right + named.equivalent} passed, ${Math.max(named.wrong, neutral.wrong) + refusedCount} failed`)
setup?.cleanup()
process.exitCode = named.wrong > 0 || neutral.wrong > 0 || refusedCount > 0 ? 1 : 0
