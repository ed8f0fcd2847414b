// `npm run bench`: the bundled action (dist/index.js) measured side by side with the baselines of issue 8.
//
//   npm run bench -- [--runs N] [--latency-ms N] [--only many,huge,recognition,artifacts,coldstart,pr]
//                    [--huge-mb N] [--reports N] [--artifact-latency-ms N] [--cold-runs N] [--out FILE]
//
// Everything runs on 127.0.0.1: the DefectDojo stand-in (__tests__/support/dojo-server.ts) and the
// artifact-service emulator (__tests__/support/artifact-server.ts) live in this process; the action, curl
// and the in-process helpers run as child processes with the runner's environment. Each scenario is
// measured `--runs` times, baseline and action alternating, and reported as medians; ratios are taken
// pair by pair (run i of the action against run i of its baseline) and their median is reported.
// A missed target is reported, not a crash: the exit code is non-zero only when a scenario could not be
// measured (a server, the action or a baseline failed).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startArtifactServer, type EmulatedArtifact } from '../__tests__/support/artifact-server.ts'
import { startDojoServer, type DojoServer, type ReceivedUpload } from '../__tests__/support/dojo-server.ts'
import { BUNDLE, invalidRun, phaseMs, runBundle, runnerEnv, type BundleRun } from './action.ts'
import { coldStartMarkdown, diagnoseColdStart } from './coldstart.ts'
import {
  CURL, MB, MiB, NODE, cleanupAll, fixed, gnuTimeAvailable, installSignalHandlers, machineInfo, machineLine, makeTempDir,
  median, megabytes, millis, onCleanup, removeTempDir, runHelper, seconds, spawnTimed, tail, type Timed
} from './lib.ts'
import { gitleaksChunks, writeGitleaksFindings, writeGitleaksReport, writeHugeGitleaksReport } from './reports.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
const SCENARIOS = ['many', 'huge', 'recognition', 'artifacts', 'coldstart', 'pr'] as const
type Scenario = (typeof SCENARIOS)[number]

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  runs: number
  latencyMs: number
  only: Set<Scenario>
  hugeMb: number
  reports: number
  concurrency: number
  artifacts: number
  artifactLatencyMs: number
  coldRuns: number
  recognitionCalls: number
  out: string | null
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    runs: 3, latencyMs: 2000, only: new Set(SCENARIOS), hugeMb: 1024, reports: 40, concurrency: 4, artifacts: 20,
    artifactLatencyMs: 100, coldRuns: 15, recognitionCalls: 20, out: join(HERE, 'RESULTS.md')
  }
  let outGiven = false
  const number = (flag: string, value: string | undefined, min: number, max: number): number => {
    const n = Number(value)
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${flag} needs a number from ${min} to ${max}, got ${String(value)}`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    const value = (): string | undefined => argv[++i]
    switch (flag) {
      case '--runs': options.runs = Math.round(number(flag, value(), 1, 50)); break
      case '--latency-ms': options.latencyMs = number(flag, value(), 0, 600_000); break
      case '--huge-mb': options.hugeMb = Math.round(number(flag, value(), 8, 16_384)); break
      case '--reports': options.reports = Math.round(number(flag, value(), 2, 1000)); break
      case '--artifacts': options.artifacts = Math.round(number(flag, value(), 1, 200)); break
      case '--artifact-latency-ms': options.artifactLatencyMs = number(flag, value(), 0, 60_000); break
      case '--cold-runs': options.coldRuns = Math.round(number(flag, value(), 3, 500)); break
      case '--recognition-calls': options.recognitionCalls = Math.round(number(flag, value(), 1, 1000)); break
      case '--out': options.out = value() ?? null; outGiven = true; break
      case '--only': {
        const names = (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean)
        const chosen = names.map((n) => (/^\d$/.test(n) ? SCENARIOS[Number(n) - 1] : SCENARIOS.find((s) => s === n)))
        if (chosen.length === 0 || chosen.some((c) => c === undefined)) throw new Error(`--only takes ${SCENARIOS.join(', ')} (or 1-6), comma separated`)
        options.only = new Set(chosen as Scenario[])
        break
      }
      case '--help':
        console.log('npm run bench -- [--runs N] [--latency-ms N] [--only ' + SCENARIOS.join(',') + '] [--huge-mb N] [--reports N] [--artifacts N] [--artifact-latency-ms N] [--cold-runs N] [--recognition-calls N] [--out FILE]')
        process.exit(0)
        break
      default:
        throw new Error(`unknown option ${flag} (see --help)`)
    }
  }
  // A partial or scaled-down run does not overwrite the full results unless asked to.
  const defaults = options.only.size === SCENARIOS.length && options.hugeMb === 1024 && options.reports === 40 && options.artifacts === 20
  if (!outGiven && !defaults) options.out = null
  return options
}

// ---------------------------------------------------------------------------------------------
// Results

interface Row {
  n: number
  scenario: string
  action: string
  baseline: string
  ratio: string
  target: string
  met: 'yes' | 'no' | '—' | 'error'
}

const rows: Row[] = []
/** Markdown sections per scenario number, printed in scenario order. */
const details = new Map<number, string[]>()
const detail = (n: number, ...lines: string[]): void => {
  details.set(n, [...(details.get(n) ?? []), ...lines])
}
const errors: string[] = []
const notes: string[] = []

const yesNo = (ok: boolean): 'yes' | 'no' => (ok ? 'yes' : 'no')
const log = (message: string): void => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

function uploadsSince(dojo: DojoServer, from: number): ReceivedUpload[] {
  return dojo.uploads.slice(from)
}

function checkUploads(uploads: readonly ReceivedUpload[], expected: number, who: string): void {
  const ok = uploads.filter((u) => u.status === 201 || u.status === 200)
  if (uploads.length !== expected || ok.length !== expected) {
    throw new Error(`${who}: the stand-in received ${uploads.length} uploads (${ok.length} accepted), expected ${expected}: ${JSON.stringify(uploads.filter((u) => u.status >= 300).map((u) => u.response)).slice(0, 400)}`)
  }
}

function mustBeValid(run: BundleRun, expect: Parameters<typeof invalidRun>[1], what: string): void {
  const problem = invalidRun(run, expect)
  if (problem) throw new Error(`${what}: ${problem}`)
}

function mustExit0(run: Timed, what: string): void {
  if (run.timedOut || run.code !== 0) throw new Error(`${what}: exit ${String(run.code)}${run.timedOut ? ' (timed out)' : ''}: ${tail(run.stderr || run.stdout, 8)}`)
}

// ---------------------------------------------------------------------------------------------
// 1. Many reports

async function manyReports(o: Options, gnuTime: boolean): Promise<void> {
  const sizes = o.reports === 40 ? [16, 40] : [o.reports]
  for (const n of sizes) await manyReportsOf(n, o, gnuTime)
  await noDuplicatesAtEight(o)
}

interface ManyRun {
  first: number
  later: number
  curl: number
  /** Spawn → first upload, first upload → last answer, last answer → exit, for the later run. */
  before: number
  span: number
  after: number
  request: number
  firstRequest: number
  curlRequest: number
}

/**
 * One size, run after run side by side: on a fresh stand-in the action's first run (a new engagement:
 * its smallest report runs alone, the rest fan out), its later run (the engagement exists: no serial
 * step), then the guides' sequential curl loop.
 */
async function manyReportsOf(n: number, o: Options, gnuTime: boolean): Promise<void> {
  const L = o.latencyMs
  const c = o.concurrency
  const ideal = (n * L) / c
  // A new engagement: the smallest report alone, then the other n - 1 at full concurrency.
  const firstIdeal = L + ((n - 1) * L) / c
  // Uploads take whole slots: after the leader, the other n - 1 need ⌈(n - 1) / c⌉ rounds, not (n - 1) / c.
  const firstFloor = L + Math.ceil((n - 1) / c) * L
  const workspace = makeTempDir('dd-bench-many-')
  try {
    mkdirSync(join(workspace, 'reports'))
    for (let i = 1; i <= n; i++) writeGitleaksReport(join(workspace, 'reports', `gitleaks-svc-${String(i).padStart(2, '0')}.json`), MiB + 101 * i, 100_000 * i)
    log(`many reports: ${n} Gitleaks reports of ~1 MiB written; ${L} ms per upload, concurrency ${c}; ideal ${seconds(ideal, 1)} (later runs), ${seconds(firstIdeal, 1)} (first run)`)
    // The integration guides' loop: one curl per report, one after the other.
    const curlLoop = [
      'fails=0',
      'for f in "$REPORTS"/*.json; do',
      '  name="${f##*/}"',
      `  ${CURL} -sS -f -o /dev/null -X POST -H "Authorization: Token $DD_TOKEN" \\`,
      '    -F "scan_type=Gitleaks Scan" -F "file=@$f" -F "product_type_name=acme" -F "product_name=web-curl" \\',
      '    -F "engagement_name=CI/CD" -F "test_title=gitleaks: $name" -F "auto_create_context=true" \\',
      '    "$DD_URL/api/v2/reimport-scan/" || fails=$((fails+1))',
      'done',
      'exit $fails'
    ].join('\n')
    const perRun: ManyRun[] = []
    for (let r = 1; r <= o.runs; r++) {
      // A fresh DefectDojo for every repetition, so that the first run really creates its engagement. It
      // only hashes the reports (keepFileBytesUpTo 0: no findings parsed), so its time per upload is the
      // latency the ideal assumes, not the latency plus its own JSON parsing on the CPU the action shares.
      const dojo = await startDojoServer({ latencyMs: L, keepFileBytesUpTo: 0 })
      const unregister = onCleanup(() => dojo.close())
      try {
        const inputs = { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: 'reports', artifacts: '', concurrency: String(c) }
        const timed = async (what: string): Promise<{ run: BundleRun; uploads: ReceivedUpload[] }> => {
          const from = dojo.uploads.length
          const run = await runBundle({ workspace, inputs, timeoutMs: n * L + 180_000, measureRss: gnuTime })
          mustBeValid(run, { outputs: { uploaded: String(n), failed: '0' } }, `${what} run ${r}`)
          const uploads = uploadsSince(dojo, from)
          checkUploads(uploads, n, `${what} run ${r}`)
          return { run, uploads }
        }
        const first = await timed('first')
        const later = await timed('later')
        if (dojo.anomalies.length > 0) throw new Error(`the stand-in logged ${dojo.anomalies.map((a) => a.kind).join(', ')}`)
        const from = dojo.uploads.length
        const curl = await spawnTimed('/bin/bash', ['-c', curlLoop], {
          env: { PATH: process.env.PATH ?? '', REPORTS: join(workspace, 'reports'), DD_URL: dojo.url, DD_TOKEN: dojo.token },
          timeoutMs: n * (L + 30_000) + 60_000
        })
        mustExit0(curl, `curl loop run ${r}`)
        const curlUploads = uploadsSince(dojo, from)
        checkUploads(curlUploads, n, `curl loop run ${r}`)
        const firstStart = Math.min(...later.uploads.map((u) => u.startedAt))
        const lastEnd = Math.max(...later.uploads.map((u) => u.endedAt))
        perRun.push({
          first: first.run.wallMs,
          later: later.run.wallMs,
          curl: curl.wallMs,
          before: firstStart - later.run.startedAt,
          span: lastEnd - firstStart,
          after: later.run.endedAt - lastEnd,
          request: median(later.uploads.map((u) => u.endedAt - u.startedAt)),
          firstRequest: median(first.uploads.map((u) => u.endedAt - u.startedAt)),
          curlRequest: median(curlUploads.map((u) => u.endedAt - u.startedAt))
        })
        log(`many reports (${n}) run ${r}/${o.runs}: first run ${seconds(first.run.wallMs)} (${fixed(first.run.wallMs / firstIdeal, 3)}× its ideal), later run ${seconds(later.run.wallMs)} (${fixed(later.run.wallMs / ideal, 3)}× ideal), curl loop ${seconds(curl.wallMs)} (${fixed(curl.wallMs / later.run.wallMs, 2)}× slower)`)
      } finally {
        await dojo.close()
        unregister()
      }
    }
    const laterRatio = median(perRun.map((p) => p.later / ideal))
    const firstRatio = median(perRun.map((p) => p.first / firstIdeal))
    const vsCurl = median(perRun.map((p) => p.curl / p.later))
    const firstVsFloor = median(perRun.map((p) => p.first / firstFloor))
    const m = (f: (p: ManyRun) => number) => median(perRun.map(f))
    const label = `${n} × 1 MiB, ${L} ms/upload, concurrency ${c}`
    rows.push({ n: 1, scenario: `Many reports, later runs (engagement exists): ${label} — vs ideal`, action: seconds(m((p) => p.later)), baseline: `${seconds(ideal)} (ideal)`, ratio: `${fixed(laterRatio, 3)}×`, target: '≤ 1.05×', met: yesNo(laterRatio <= 1.05) })
    rows.push({ n: 1, scenario: `Many reports, first run (new engagement): ${label} — vs smallest alone + the rest at full concurrency`, action: seconds(m((p) => p.first)), baseline: `${seconds(firstIdeal)} (ideal)`, ratio: `${fixed(firstRatio, 3)}×`, target: '≤ 1.05×', met: yesNo(firstRatio <= 1.05) })
    rows.push({ n: 1, scenario: `Many reports, first run: ${n} reports — vs the slot floor (smallest alone, then ⌈${n - 1}/${c}⌉ = ${Math.ceil((n - 1) / c)} rounds)`, action: seconds(m((p) => p.first)), baseline: `${seconds(firstFloor)} (floor)`, ratio: `${fixed(firstVsFloor, 3)}×`, target: 'compare', met: '—' })
    rows.push({ n: 1, scenario: `Many reports, later runs: ${n} reports — vs sequential curl loop`, action: seconds(m((p) => p.later)), baseline: `${seconds(m((p) => p.curl))} (curl loop)`, ratio: `${fixed(vsCurl, 2)}× faster`, target: n === 16 ? '≥ 3.8× faster' : 'compare', met: n === 16 ? yesNo(vsCurl >= 3.8) : '—' })
    detail(1,
      `### 1. Many reports: ${n}`,
      '',
      `${n} Gitleaks JSON reports of 1 MiB (+101 B × i, so no two share a size and the duplicate check reads nothing), distinct file names → distinct test titles. ` +
        `Stand-in latency ${L} ms per upload (after the body is read). Action inputs: \`path: reports\`, \`artifacts: ''\`, \`concurrency: ${c}\`, defaults otherwise. ` +
        'Each repetition starts a fresh stand-in and runs, one after the other: the action into the new engagement (first run), the action again (later run: the engagement exists), and the guides\' curl loop (`curl -sS -f -X POST -H "Authorization: Token …" -F scan_type=… -F file=@… … /api/v2/reimport-scan/` per report in a bash `for` loop). Wall time is spawn → exit.',
      '',
      `Later runs: ideal = ${n} × ${L} ms ÷ ${c} = ${seconds(ideal)}; the action looks the engagement up (two GETs) and, finding it, starts all uploads at once. First run: ideal = the smallest report alone (${L} ms) + the other ${n - 1} at full concurrency (${n - 1} × ${L} ms ÷ ${c}) = ${seconds(firstIdeal)}. That ideal counts a fraction of a round; uploads take whole slots, so no schedule that keeps the leader rule beats ${seconds(firstFloor)} (the leader, then ⌈${n - 1} ÷ ${c}⌉ = ${Math.ceil((n - 1) / c)} rounds): ${fixed(firstFloor / firstIdeal, 3)}× the ideal before any overhead.`,
      '',
      '| run | first run | ÷ its ideal | later run | ÷ ideal | curl loop | curl ÷ later | later: spawn → first upload | later: first upload → last answer | later: last answer → exit | request (later) | request (first) | request (curl) |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...perRun.map((p, i) => `| ${i + 1} | ${seconds(p.first)} | ${fixed(p.first / firstIdeal, 3)}× | ${seconds(p.later)} | ${fixed(p.later / ideal, 3)}× | ${seconds(p.curl)} | ${fixed(p.curl / p.later, 2)}× | ${millis(p.before)} | ${seconds(p.span)} | ${millis(p.after)} | ${millis(p.request)} | ${millis(p.firstRequest)} | ${millis(p.curlRequest)} |`),
      `| median | ${seconds(m((p) => p.first))} | ${fixed(firstRatio, 3)}× | ${seconds(m((p) => p.later))} | ${fixed(laterRatio, 3)}× | ${seconds(m((p) => p.curl))} | ${fixed(vsCurl, 2)}× | ${millis(m((p) => p.before))} | ${seconds(m((p) => p.span))} | ${millis(m((p) => p.after))} | ${millis(m((p) => p.request))} | ${millis(m((p) => p.firstRequest))} | ${millis(m((p) => p.curlRequest))} |`,
      '',
      `Of the later run's gap to the ideal (${seconds(m((p) => p.later) - ideal)}): before the first upload ${millis(m((p) => p.before))} (process start, recognising ${n} reports, planning, the token check and the engagement lookup), the upload span ${seconds(m((p) => p.span))} against ${seconds(ideal)} (requests take ${millis(m((p) => p.request))} at the stand-in, not ${L} ms: its own parsing and the transfer), after the last answer ${millis(m((p) => p.after))} (results, outputs, summary, exit).`,
      ''
    )
  } finally {
    removeTempDir(workspace)
  }
}

/** Concurrency 8 into a new engagement with a wide race window, then again: the stand-in logs no duplicate. */
async function noDuplicatesAtEight(o: Options): Promise<void> {
  const n = 16
  const dojo = await startDojoServer({ latencyMs: 200, raceWindowMs: 150, engagementLock: false })
  const unregister = onCleanup(() => dojo.close())
  const workspace = makeTempDir('dd-bench-race-')
  try {
    mkdirSync(join(workspace, 'reports'))
    for (let i = 1; i <= n; i++) writeGitleaksReport(join(workspace, 'reports', `gitleaks-svc-${String(i).padStart(2, '0')}.json`), 64 * 1024 + 101 * i, 100_000 * i)
    const inputs = { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: 'reports', artifacts: '', concurrency: '8' }
    for (const which of ['first', 'later']) {
      const run = await runBundle({ workspace, inputs, timeoutMs: 120_000 })
      mustBeValid(run, { outputs: { uploaded: String(n), failed: '0' } }, `concurrency 8 ${which} run`)
    }
    const anomalies = dojo.anomalies.length
    rows.push({ n: 1, scenario: `Concurrency 8, ${n} reports into a new engagement (150 ms race window, no engagement lock), then again: duplicate engagements or tests`, action: String(anomalies), baseline: '0', ratio: '—', target: '0', met: yesNo(anomalies === 0 && dojo.state.engagements.length === 1 && dojo.state.tests.length === n) })
    log(`concurrency 8: ${anomalies} anomalies, ${dojo.state.engagements.length} engagement(s), ${dojo.state.tests.length} tests (${o.runs} repetitions not needed: a count, not a time)`)
  } finally {
    await dojo.close()
    unregister()
    removeTempDir(workspace)
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Huge report

const rssPreload = 'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.BENCH_RSS_FILE,String(process.resourceUsage().maxRSS)))'

const PROBE_LABELS: Record<string, string> = {
  baseline: 'no upload (Node + undici loaded)',
  'formdata-blob': 'undici FormData + fs.openAsBlob (how the client built the request before)',
  'formdata-blob-gc': 'the same + a full GC every 8 MiB sent (v8 --expose-gc at run time)',
  'iterable-stream': 'undici request, body = async iterable: header, fs.createReadStream chunks (1 MiB), trailer',
  'node-http': 'node:http, fs.createReadStream(1 MiB).pipe(request)',
  'reused-buffers': 'node:http, two 1 MiB buffers reused after each write callback (no garbage per chunk)',
  client: 'undici request, body = src/defectdojo/multipart.ts: two 1 MiB buffers taken in turn (what the client does)'
}

async function hugeReport(o: Options, hugeDir: string, hugeFile: string, hugeSha: string, gnuTime: boolean): Promise<void> {
  const size = statSync(hugeFile).size
  const limitMb = Math.ceil(size / MiB) + 1
  // No latency: the upload itself is what is measured. keepFileBytesUpTo small: the stand-in hashes the stream, keeps nothing.
  const dojo = await startDojoServer({ latencyMs: 0, maxFileMb: limitMb, keepFileBytesUpTo: MiB })
  const unregister = onCleanup(() => dojo.close())
  const name = hugeFile.slice(hugeDir.length + 1)
  const inputs = { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: name, artifacts: '', 'max-report-size-mb': String(limitMb), 'timeout-minutes': '20' }
  const perRun: Array<{ actionWall: number; actionRss: number | null; actionMBs: number; curlWall: number; curlRss: number | null; curlMBs: number; actionUpload: number; curlUpload: number }> = []
  const rssDir = makeTempDir('dd-bench-rss-')
  const diagnosis: { dryRssKiB: number | null; probes: Array<{ technique: string; rssKiB: number; mbs: number }> } = { dryRssKiB: null, probes: [] }
  try {
    for (let r = 1; r <= o.runs; r++) {
      let from = dojo.uploads.length
      const rssFile = join(rssDir, `rss-${r}`)
      const action = await runBundle({
        workspace: hugeDir, inputs, timeoutMs: 20 * 60_000, measureRss: gnuTime,
        ...(gnuTime ? {} : { nodeArgs: ['--import', rssPreload], env: { BENCH_RSS_FILE: rssFile } })
      })
      mustBeValid(action, { outputs: { uploaded: '1', failed: '0' } }, `action run ${r}`)
      const [up] = uploadsSince(dojo, from)
      checkUploads(uploadsSince(dojo, from), 1, `action run ${r}`)
      if (up!.file?.size !== size || up!.file.sha256 !== hugeSha) throw new Error(`action run ${r}: the stand-in received ${String(up!.file?.size)} bytes that are not the file's (${size} bytes, sha256 ${hugeSha})`)
      const actionRss = gnuTime ? action.maxRssKiB : Number(readFileSync(rssFile, 'utf8'))
      from = dojo.uploads.length
      const curl = await spawnTimed(CURL, [
        '-sS', '-f', '-o', '/dev/null', '-X', 'POST', '-H', `Authorization: Token ${dojo.token}`,
        '-F', 'scan_type=Gitleaks Scan', '-F', `file=@${hugeFile}`, '-F', 'product_type_name=acme', '-F', 'product_name=web-curl',
        '-F', 'engagement_name=CI/CD', '-F', 'test_title=gitleaks: huge', '-F', 'auto_create_context=true', `${dojo.url}/api/v2/reimport-scan/`
      ], { timeoutMs: 20 * 60_000, measureRss: gnuTime })
      mustExit0(curl, `curl run ${r}`)
      const [cu] = uploadsSince(dojo, from)
      checkUploads(uploadsSince(dojo, from), 1, `curl run ${r}`)
      if (cu!.file?.size !== size || cu!.file.sha256 !== hugeSha) throw new Error(`curl run ${r}: the stand-in received ${String(cu!.file?.size)} bytes that are not the file's`)
      const actionUpload = up!.endedAt - up!.startedAt
      const curlUpload = cu!.endedAt - cu!.startedAt
      perRun.push({
        actionWall: action.wallMs, actionRss, actionMBs: size / MB / (actionUpload / 1000), actionUpload,
        curlWall: curl.wallMs, curlRss: curl.maxRssKiB, curlMBs: size / MB / (curlUpload / 1000), curlUpload
      })
      log(`huge report run ${r}/${o.runs}: action ${seconds(action.wallMs)}, peak RSS ${actionRss === null ? 'n/a' : megabytes(actionRss * 1024)}, ${fixed(perRun.at(-1)!.actionMBs, 0)} MB/s; curl ${fixed(perRun.at(-1)!.curlMBs, 0)} MB/s`)
    }
    // Why: the same file through the action in dry-run (everything but the upload), then the upload technique
    // alone in a bare Node (bench/upload-probe.ts), against alternatives. Once each.
    log('huge report: measuring where the memory and the time go (dry run, upload techniques)')
    const dry = await runBundle({ workspace: hugeDir, inputs: { ...inputs, 'dry-run': 'true' }, timeoutMs: 300_000, measureRss: gnuTime, ...(gnuTime ? {} : { nodeArgs: ['--import', rssPreload], env: { BENCH_RSS_FILE: join(rssDir, 'dry') } }) })
    mustBeValid(dry, {}, 'action dry run')
    diagnosis.dryRssKiB = gnuTime ? dry.maxRssKiB : Number(readFileSync(join(rssDir, 'dry'), 'utf8'))
    for (const technique of ['baseline', 'formdata-blob', 'formdata-blob-gc', 'iterable-stream', 'node-http', 'reused-buffers', 'client']) {
      const from = dojo.uploads.length
      const { value } = await runHelper<{ ms: number; maxRssKiB: number }>(join(HERE, 'upload-probe.ts'), [technique, dojo.url, dojo.token, hugeFile], { timeoutMs: 20 * 60_000 })
      const upload = uploadsSince(dojo, from)[0]
      if (technique !== 'baseline' && upload?.file?.sha256 !== hugeSha) throw new Error(`upload probe ${technique}: the stand-in received other bytes than the file's`)
      diagnosis.probes.push({ technique, rssKiB: value.maxRssKiB, mbs: upload ? size / MB / ((upload.endedAt - upload.startedAt) / 1000) : Number.NaN })
    }
  } finally {
    await dojo.close()
    unregister()
    removeTempDir(rssDir)
  }
  const rss = median(perRun.map((p) => p.actionRss ?? Number.NaN)) * 1024
  const curlRss = median(perRun.map((p) => p.curlRss ?? Number.NaN)) * 1024
  const throughputRatio = median(perRun.map((p) => p.actionMBs / p.curlMBs))
  const sizeLabel = size >= 1024 * MiB ? `${fixed(size / 1024 / MiB, 2)} GiB` : `${fixed(size / MiB, 0)} MiB`
  rows.push({ n: 2, scenario: `Huge report (${sizeLabel}): peak RSS of the action process`, action: megabytes(rss), baseline: Number.isFinite(curlRss) ? `${megabytes(curlRss)} (curl)` : '—', ratio: '—', target: '≤ 150 MB', met: Number.isFinite(rss) ? yesNo(rss <= 150 * MB) : 'error' })
  rows.push({ n: 2, scenario: `Huge report (${sizeLabel}): upload throughput on loopback`, action: `${fixed(median(perRun.map((p) => p.actionMBs)), 0)} MB/s`, baseline: `${fixed(median(perRun.map((p) => p.curlMBs)), 0)} MB/s (curl)`, ratio: `${fixed(throughputRatio, 2)}×`, target: 'compare with curl', met: '—' })
  detail(2,
    '### 2. Huge report',
    '',
    `One Gitleaks JSON report of exactly ${size} bytes (${sizeLabel}; findings of ~4 KB, streamed to disk once per bench in os.tmpdir() and deleted at the end). ` +
      `Stand-in: no latency, \`maxFileMb: ${limitMb}\`, \`keepFileBytesUpTo: 1 MiB\` (it hashes the stream and keeps nothing). Action: \`max-report-size-mb: ${limitMb}\`. ` +
      `curl: one \`curl -sS -f -F file=@… …/api/v2/reimport-scan/\`. Throughput = file bytes ÷ the stand-in's request time (request start → answer), the same measure for both; both share the 2-core loopback with the stand-in, which hashes every byte. ` +
      (gnuTime ? 'Peak RSS: `/usr/bin/time -v` around the process ("Maximum resident set size").' : 'Peak RSS: /usr/bin/time not available: `process.resourceUsage().maxRSS` written at exit by a `--import` preload (no source change).'),
    '',
    '| run | action wall | action upload | action MB/s | action peak RSS | curl wall | curl upload | curl MB/s | curl peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...perRun.map((p, i) => `| ${i + 1} | ${seconds(p.actionWall)} | ${seconds(p.actionUpload)} | ${fixed(p.actionMBs, 0)} | ${p.actionRss === null ? 'n/a' : megabytes(p.actionRss * 1024)} | ${seconds(p.curlWall)} | ${seconds(p.curlUpload)} | ${fixed(p.curlMBs, 0)} | ${p.curlRss === null ? 'n/a' : megabytes(p.curlRss * 1024)} |`),
    '',
    '#### Where the memory and the time go',
    '',
    `The action in \`dry-run\` on the same file (start, recognition, plan, summary — everything but the upload): peak RSS ${diagnosis.dryRssKiB === null ? 'n/a' : megabytes(diagnosis.dryRssKiB * 1024)}; the upload adds the rest. ` +
      'The upload technique alone, in a bare Node (bench/upload-probe.ts, undici from node_modules — the version the bundle carries; a .ts helper, so its own baseline is higher than the bundle\'s), one run each, every upload (the action\'s and curl\'s too) checked by size and sha256 against the file as written:',
    '',
    '| technique | peak RSS | above the probe\'s baseline | MB/s |',
    '| --- | ---: | ---: | ---: |',
    ...diagnosis.probes.map((p) => `| ${PROBE_LABELS[p.technique] ?? p.technique} | ${megabytes(p.rssKiB * 1024)} | ${p.technique === 'baseline' ? '—' : '+' + megabytes((p.rssKiB - (diagnosis.probes[0]?.rssKiB ?? 0)) * 1024)} | ${p.technique === 'baseline' ? '—' : fixed(p.mbs, 0)} |`),
    ''
  )
}

// ---------------------------------------------------------------------------------------------
// 3. Recognition cost

interface RecognitionResult {
  size: number; headBytes: number; scanType: string; calls: number; coldMs: number; medianMs: number; maxMs: number
  coldHandleBytes: number; coldRcharBytes: number; handleBytes: number; rcharBytes: number; rcharOverhead: number
}

async function recognitionCost(o: Options, hugeFile: string): Promise<void> {
  const results: RecognitionResult[] = []
  for (let r = 1; r <= o.runs; r++) {
    const { value } = await runHelper<RecognitionResult>(join(HERE, 'recognition-child.ts'), [hugeFile, String(o.recognitionCalls)], { timeoutMs: 120_000 })
    if (value.scanType !== 'Gitleaks Scan') throw new Error(`recognition gave "${value.scanType}", expected Gitleaks Scan`)
    results.push(value)
    log(`recognition run ${r}/${o.runs}: median ${millis(value.medianMs, 1)} (first call ${millis(value.coldMs, 1)}), ${value.handleBytes} bytes read (rchar ${value.rcharBytes})`)
  }
  const ms = median(results.map((v) => v.medianMs))
  const bytes = Math.max(...results.flatMap((v) => [v.handleBytes, v.coldHandleBytes]))
  const rchar = Math.max(...results.flatMap((v) => [v.rcharBytes, v.coldRcharBytes]))
  const size = results[0]!.size
  rows.push({ n: 3, scenario: `Recognition of the ${fixed(size / MiB, 0)} MiB report: time (median of ${o.recognitionCalls} calls × ${o.runs} processes)`, action: millis(ms, 1), baseline: '—', ratio: '—', target: '≤ 50 ms', met: yesNo(ms <= 50) })
  rows.push({ n: 3, scenario: 'Recognition: bytes read per call (most of any call)', action: `${fixed(Math.max(bytes, rchar) / 1024, 1)} KiB`, baseline: `${fixed(size / MiB, 0)} MiB (file)`, ratio: `${(Math.max(bytes, rchar) / size).toExponential(1)}`, target: '≤ 1 MiB', met: yesNo(Math.max(bytes, rchar) <= MiB) })
  detail(3,
    '### 3. Recognition cost',
    '',
    `\`recognize()\` of src/recognition/recognize.ts (the code the bundle runs) called in a fresh Node (bench/recognition-child.ts) on the huge report, ${o.recognitionCalls} timed calls after one cold call, ${o.runs} processes. ` +
      `Bytes read are counted two ways: a wrapper on FileHandle.prototype.read (sniff.ts reads through fs/promises), and the kernel's \`rchar\` of /proc/self/io before and after each call (every read syscall of the process, minus the ${results[0]!.rcharOverhead} bytes a read of /proc/self/io itself adds). ` +
      `The file is in the page cache (it was just written): this is CPU cost, not disk latency.`,
    '',
    '| process | cold first call | median of warm calls | slowest warm call | FileHandle bytes | rchar bytes |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((v, i) => `| ${i + 1} | ${millis(v.coldMs, 1)} | ${millis(v.medianMs, 1)} | ${millis(v.maxMs, 1)} | ${v.handleBytes} | ${v.rcharBytes} |`),
    '',
    `sniff.ts's HEAD_BYTES is ${results[0]!.headBytes} (${results[0]!.headBytes / 1024} KiB), the most one sniff reads; readHead asks for one byte more than its limit to tell "exactly that long" from "longer". The columns above are what recognition actually read.`,
    ''
  )
}

// ---------------------------------------------------------------------------------------------
// 4. Artifacts

interface ArtifactsResult { ms: number; concurrency: number; files: number; failures: unknown[]; listError: string | null }

/** Findings per default-branch test in scenario 6 (issue 22: "1,000 findings each"). */
const PR_FINDINGS = 1000
const PR_REPORTS = 16

/**
 * A pull request's run whose default-branch tests hold 1,000 findings each, at 16 reports: what reading
 * the default branch's matching tests (and the branch's own) to tell what is new costs (src/engine/baseline.ts).
 * On a fresh stand-in: the default branch's run (not timed), then the pull request's first run (its own new
 * engagement: the smallest report alone, the rest at full concurrency) and its rerun (the engagement exists),
 * each against its ideal. The pull request carries the same findings plus one, so every report is compared
 * in full and reports new=16.
 */
async function pullRequestRun(o: Options, gnuTime: boolean): Promise<void> {
  const L = o.latencyMs
  const c = o.concurrency
  const n = PR_REPORTS
  const ideal = (n * L) / c
  const firstIdeal = L + ((n - 1) * L) / c
  const main = makeTempDir('dd-bench-pr-main-')
  const branch = makeTempDir('dd-bench-pr-branch-')
  const repository = { name: 'web', full_name: 'acme/web', owner: { login: 'acme' }, default_branch: 'main' }
  const event = { number: 7, pull_request: { number: 7, head: { ref: 'bump', sha: 'ab'.repeat(20), repo: repository }, base: { ref: 'main', repo: repository } }, repository }
  try {
    mkdirSync(join(main, 'reports'))
    mkdirSync(join(branch, 'reports'))
    for (let i = 1; i <= n; i++) {
      const name = `gitleaks-svc-${String(i).padStart(2, '0')}.json`
      writeGitleaksFindings(join(main, 'reports', name), PR_FINDINGS, 100_000 * i)
      writeGitleaksFindings(join(branch, 'reports', name), PR_FINDINGS + 1, 100_000 * i)
    }
    log(`pull request: ${n} Gitleaks reports of ${PR_FINDINGS} findings on the default branch, ${PR_FINDINGS + 1} on the branch; ${L} ms per upload, concurrency ${c}`)
    const perRun: Array<{ first: number; later: number; lookup: number }> = []
    for (let r = 1; r <= o.runs; r++) {
      const dojo = await startDojoServer({ latencyMs: L, deduplication: true })
      const unregister = onCleanup(() => dojo.close())
      try {
        const inputs = { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: 'reports', artifacts: '', concurrency: String(c) }
        const bundle = async (workspace: string, what: string, env: Record<string, string>): Promise<BundleRun> => {
          const temp = makeTempDir('dd-bench-pr-event-')
          try {
            writeFileSync(join(temp, 'event.json'), JSON.stringify(env.GITHUB_EVENT_NAME === 'pull_request' ? event : { ref: 'refs/heads/main', after: 'cd'.repeat(20), repository }))
            const run = await runBundle({ workspace, inputs, env: { ...env, GITHUB_EVENT_PATH: join(temp, 'event.json') }, timeoutMs: n * L + 180_000, measureRss: gnuTime })
            mustBeValid(run, { outputs: { uploaded: String(n), failed: '0' } }, `${what} run ${r}`)
            return run
          } finally {
            removeTempDir(temp)
          }
        }
        const pr = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'bump', GITHUB_BASE_REF: 'main', GITHUB_REF: 'refs/pull/7/merge' }
        await bundle(main, 'default branch', { GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ID: `${r}01` })
        const first = await bundle(branch, 'pull request first', { ...pr, GITHUB_RUN_ID: `${r}02` })
        const later = await bundle(branch, 'pull request rerun', { ...pr, GITHUB_RUN_ID: `${r}03` })
        for (const [what, run] of [['first', first], ['rerun', later]] as const) {
          if (run.outputs.new !== String(n) || run.outputs['counts-unknown'] !== '0') throw new Error(`the pull request's ${what} run ${r} said new=${run.outputs.new}, counts-unknown=${run.outputs['counts-unknown']}; expected new=${n}, counts-unknown=0`)
        }
        // The reads after the last answer: from the last upload's end to the process's exit.
        const lastEnd = Math.max(...dojo.uploads.slice(-n).map((u) => u.endedAt))
        perRun.push({ first: first.wallMs, later: later.wallMs, lookup: later.endedAt - lastEnd })
        log(`pull request run ${r}/${o.runs}: first ${seconds(first.wallMs)} (${fixed(first.wallMs / firstIdeal, 3)}× its ideal), rerun ${seconds(later.wallMs)} (${fixed(later.wallMs / ideal, 3)}× ideal), after the last answer ${seconds(later.endedAt - lastEnd)}`)
      } finally {
        await dojo.close()
        unregister()
      }
    }
    const m = (f: (p: (typeof perRun)[number]) => number) => median(perRun.map(f))
    const label = `${n} reports, default-branch tests of ${PR_FINDINGS.toLocaleString('en-US')} findings each, ${L} ms/upload, concurrency ${c}`
    rows.push({ n: 6, scenario: `Pull request, rerun (engagement exists): ${label} — vs ideal`, action: seconds(m((p) => p.later)), baseline: `${seconds(ideal)} (ideal)`, ratio: `${fixed(m((p) => p.later / ideal), 3)}×`, target: 'compare', met: '—' })
    rows.push({ n: 6, scenario: `Pull request, first run (new engagement): ${label} — vs smallest alone + the rest at full concurrency`, action: seconds(m((p) => p.first)), baseline: `${seconds(firstIdeal)} (ideal)`, ratio: `${fixed(m((p) => p.first / firstIdeal), 3)}×`, target: 'compare', met: '—' })
    detail(
      6,
      '### 6. A pull request against default-branch tests of 1,000 findings',
      '',
      `${n} Gitleaks reports; on a fresh stand-in with deduplication on, the default branch's run uploads ${PR_FINDINGS} findings per report, then the pull request (the same findings plus one per report) runs twice. To tell what is new the action reads, per report, the branch's test and the default branch's matching test, ${PR_FINDINGS} findings each in pages of 500 (src/engine/baseline.ts): 64 finding pages and the test and hierarchy lookups, each report's as soon as its upload has answered, while the others still upload. Both runs must say new=${n} and counts-unknown=0. The last column is what is left after the last upload's answer.`,
      '',
      '| run | first run | rerun | after the last answer (rerun) |',
      '| --- | ---: | ---: | ---: |',
      ...perRun.map((p, i) => `| ${i + 1} | ${seconds(p.first)} | ${seconds(p.later)} | ${seconds(p.lookup)} |`),
      ''
    )
  } finally {
    removeTempDir(main)
    removeTempDir(branch)
  }
}

async function artifactDownloads(o: Options, gnuTime: boolean): Promise<void> {
  const list: EmulatedArtifact[] = []
  for (let i = 1; i <= o.artifacts; i++) {
    const name = `gitleaks-${String(i).padStart(2, '0')}`
    list.push({ name, files: { [`${name}.json`]: [...gitleaksChunks(MiB + 101 * i, 7_000_000 + 100_000 * i, 600)].join('') } })
  }
  const server = await startArtifactServer({ artifacts: list, latencyMs: o.artifactLatencyMs })
  const unregister = onCleanup(() => server.close())
  const workspace = makeTempDir('dd-bench-artifacts-')
  const perRun: Array<{ action: number; actionWall: number; seq: number; conc: number }> = []
  try {
    log(`artifacts: ${o.artifacts} artifacts of ~1 MiB reports, ${o.artifactLatencyMs} ms per request`)
    for (let r = 1; r <= o.runs; r++) {
      const action = await runBundle({ workspace, inputs: { 'dry-run': 'true', artifacts: '*', path: '' }, env: server.env(), timeoutMs: 300_000, measureRss: gnuTime })
      mustBeValid(action, {}, `action run ${r}`)
      const planned = (action.results?.results ?? []).filter((row) => row.status === 'planned').length
      if (planned !== o.artifacts) throw new Error(`action run ${r}: ${planned} reports planned, expected ${o.artifacts}: ${tail(action.stdout, 8)}`)
      const phase = phaseMs(action, /^::group::Downloading artifacts/, /^::endgroup::/)
      if (phase === null) throw new Error(`action run ${r}: no "Downloading artifacts" log group in its output`)
      const helper = async (concurrency: number): Promise<number> => {
        const temp = makeTempDir('dd-bench-artifacts-child-')
        try {
          const env = { ...runnerEnv(temp, workspace, {}), ...server.env() }
          const { value } = await runHelper<ArtifactsResult>(join(HERE, 'artifacts-child.ts'), [String(concurrency), join(temp, 'downloads')], { env, cwd: workspace, timeoutMs: 300_000 })
          if (value.files !== o.artifacts || value.failures.length > 0 || value.listError) throw new Error(`in-process download (concurrency ${concurrency}): ${value.files} files, failures ${JSON.stringify(value.failures)} ${value.listError ?? ''}`)
          return value.ms
        } finally {
          removeTempDir(temp)
        }
      }
      const seq = await helper(1)
      const conc = await helper(4)
      perRun.push({ action: phase, actionWall: action.wallMs, seq, conc })
      log(`artifacts run ${r}/${o.runs}: action's download phase ${seconds(phase)}, one at a time ${seconds(seq)}, in-process concurrency 4 ${seconds(conc)}`)
    }
  } finally {
    await server.close()
    unregister()
    removeTempDir(workspace)
  }
  const speedup = median(perRun.map((p) => p.seq / p.action))
  rows.push({ n: 4, scenario: `Artifacts: ${o.artifacts} × ~1 MiB report, ${o.artifactLatencyMs} ms/request — download, action (concurrency 4) vs one at a time`, action: seconds(median(perRun.map((p) => p.action))), baseline: `${seconds(median(perRun.map((p) => p.seq)))} (one at a time)`, ratio: `${fixed(speedup, 2)}× faster`, target: 'compare', met: '—' })
  detail(4,
    '### 4. Artifacts',
    '',
    `${o.artifacts} artifacts, each a zip (deflated) holding one ~1 MiB Gitleaks report, served by the artifact-service emulator with ${o.artifactLatencyMs} ms before every answer (list, signed URL, blob). ` +
      `**Action**: the bundle in \`dry-run\` with \`artifacts: '*'\` (so nothing is uploaded) and the emulator's environment; its download time is the span of its "Downloading artifacts" log group (list + download/unzip + walk, at the concurrency the source chose: collectArtifacts' default 4), time-stamped from its stdout as the lines arrive. ` +
      `**One at a time**: the same collectArtifacts() with the same real service adapter (src/shells/github-artifacts.ts → @actions/artifact DefaultArtifactClient) driven in a fresh Node (bench/artifacts-child.ts) with concurrency 1 — the action's concurrency cannot be changed from outside, and this is the same code with only that number changed. ` +
      'The same helper with concurrency 4 is a control: it should match the action\'s own phase.',
    '',
    '| run | action: download phase | action: whole run | in-process, one at a time | in-process, concurrency 4 (control) | one at a time ÷ action |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...perRun.map((p, i) => `| ${i + 1} | ${seconds(p.action)} | ${seconds(p.actionWall)} | ${seconds(p.seq)} | ${seconds(p.conc)} | ${fixed(p.seq / p.action, 2)}× |`),
    ''
  )
}

// ---------------------------------------------------------------------------------------------
// 5. Cold start

async function coldStart(o: Options, gnuTime: boolean): Promise<void> {
  const workspace = makeTempDir('dd-bench-cold-')
  try {
    mkdirSync(join(workspace, 'empty'))
    const inputs = { 'dry-run': 'true', path: 'empty', artifacts: '' }
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workspace }
    // Both under GNU time when there is one (the same wrapper for both): CPU time and peak RSS besides the wall time.
    type Sample = { wall: number; cpu: number | null; rss: number | null }
    const nodeOnce = async (): Promise<Sample> => {
      const run = await spawnTimed(NODE, ['-e', '0'], { env, cwd: workspace, timeoutMs: 30_000, measureRss: gnuTime })
      mustExit0(run, 'node -e 0')
      return { wall: run.wallMs, cpu: run.cpuMs, rss: run.maxRssKiB }
    }
    const bundleOnce = async (): Promise<Sample> => {
      const run = await runBundle({ workspace, inputs, timeoutMs: 60_000, measureRss: gnuTime })
      mustBeValid(run, {}, 'bundle (dry-run, empty folder)')
      return { wall: run.wallMs, cpu: run.cpuMs, rss: run.maxRssKiB }
    }
    // One of each to warm the page cache, not counted; then interleaved, alternating which goes first.
    await nodeOnce()
    await bundleOnce()
    const pairs: Array<{ node: Sample; bundle: Sample }> = []
    for (let i = 0; i < o.coldRuns; i++) {
      if (i % 2 === 0) {
        const node = await nodeOnce()
        pairs.push({ node, bundle: await bundleOnce() })
      } else {
        const bundle = await bundleOnce()
        pairs.push({ node: await nodeOnce(), bundle })
      }
    }
    const nodeMs = median(pairs.map((p) => p.node.wall))
    const bundleMs = median(pairs.map((p) => p.bundle.wall))
    const diff = median(pairs.map((p) => p.bundle.wall - p.node.wall))
    const cpuDiff = median(pairs.map((p) => (p.bundle.cpu ?? Number.NaN) - (p.node.cpu ?? Number.NaN)))
    const rssOf = (pick: (p: { node: Sample; bundle: Sample }) => Sample): number => median(pairs.map((p) => pick(p).rss ?? Number.NaN)) * 1024
    log(`cold start: bundle ${millis(bundleMs)}, node -e 0 ${millis(nodeMs)}, difference ${millis(diff)} (median of ${o.coldRuns} pairs)`)
    rows.push({ n: 5, scenario: `Cold start: bundle, dry-run over an empty folder, vs \`node -e 0\` (median of ${o.coldRuns} interleaved pairs)`, action: millis(bundleMs), baseline: `${millis(nodeMs)} (node -e 0)`, ratio: `+${millis(diff)}`, target: '< +150 ms', met: yesNo(diff < 150) })
    log('cold start: profiling and probing what the start costs')
    const diagnosis = await diagnoseColdStart({ bundle: BUNDLE, workspace, inputs, probeRuns: 5 })
    detail(5,
      '### 5. Cold start',
      '',
      `Bundle: \`node dist/index.js\` with the runner's environment, \`dry-run: true\`, \`path: empty\` (an empty folder), \`artifacts: ''\`. Baseline: \`node -e 0\` with the same Node. ` +
        `Both spawned the same way, spawn → exit, ${o.coldRuns} pairs after one unmeasured warm-up of each, alternating which goes first. The difference is the median of the pairwise differences.`,
      '',
      '| pair | node -e 0 | bundle | difference | CPU node -e 0 | CPU bundle |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
      ...pairs.map((p, i) => `| ${i + 1} | ${millis(p.node.wall)} | ${millis(p.bundle.wall)} | ${millis(p.bundle.wall - p.node.wall)} | ${p.node.cpu === null ? 'n/a' : millis(p.node.cpu)} | ${p.bundle.cpu === null ? 'n/a' : millis(p.bundle.cpu)} |`),
      '',
      `Median difference: wall **+${millis(diff)}**; CPU time (user + system, GNU time, 10 ms resolution) +${millis(cpuDiff)} — the CPU figure moves less when other work shares the machine. ` +
        `Peak RSS: bundle ${megabytes(rssOf((p) => p.bundle))}, \`node -e 0\` ${megabytes(rssOf((p) => p.node))}.`,
      '',
      '#### What the start costs',
      '',
      coldStartMarkdown(diagnosis, { bundleMs, nodeMs, diffMs: diff })
    )
  } finally {
    removeTempDir(workspace)
  }
}

// ---------------------------------------------------------------------------------------------
// Main

/** sha256 of dist/ (every .js file beside the bundle: its lazy chunks count too), to tell builds apart. */
function bundleHash(): string {
  const hash = createHash('sha256')
  const dir = dirname(BUNDLE)
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) hash.update(file).update(readFileSync(join(dir, file)))
  return hash.digest('hex').slice(0, 12)
}

/** Which dist/index.js was measured: size, hash, time, and the commit it sits on (other people rebuild it). */
function bundleIdentity(): string {
  const bytes = readFileSync(BUNDLE)
  const info = statSync(BUNDLE)
  let commit = 'unknown commit'
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dirname(BUNDLE), encoding: 'utf8', timeout: 5000 }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'dist', 'src'], { cwd: dirname(BUNDLE), encoding: 'utf8', timeout: 5000 }).trim() !== ''
    commit = `commit ${head}${dirty ? ' + uncommitted changes in src/ or dist/' : ''}`
  } catch {
    // not a git checkout
  }
  return `dist/index.js ${fixed(bytes.length / MB, 2)} MB, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 12)} (all of dist/*.js: ${bundleHash()}), built ${info.mtime.toISOString().replace(/\.\d+Z$/, 'Z')}, ${commit}`
}

function table(list: readonly Row[]): string {
  const lines = ['| scenario | action | baseline | ratio | target | met |', '| --- | ---: | ---: | ---: | --- | :---: |']
  for (const r of [...list].sort((a, b) => a.n - b.n)) lines.push(`| ${r.n}. ${r.scenario} | ${r.action} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.met} |`)
  return lines.join('\n')
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2))
  installSignalHandlers()
  const machine = machineInfo()
  const gnuTime = gnuTimeAvailable()
  const bundle = bundleIdentity()
  const started = Date.now()
  log(`machine: ${machineLine(machine)}`)
  log(`bundle: ${bundle}`)
  log(`scenarios: ${[...o.only].join(', ')}; runs ${o.runs}; latency ${o.latencyMs} ms; huge report ${o.hugeMb} MiB; peak RSS via ${gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS (no /usr/bin/time: `apt-get install -y time`)'}`)
  if (!gnuTime) notes.push('`/usr/bin/time` was not available: peak RSS of the action comes from `process.resourceUsage().maxRSS` written at exit by a `--import` preload; curl\'s is not measured. `apt-get install -y time` gives both.')

  const loads: string[] = []
  // Other people rebuild dist/ while the bench runs: note which build each scenario measured.
  const builds: Array<{ name: string; hash: string }> = []
  const attempt = async (name: string, n: number, work: () => Promise<void>): Promise<void> => {
    loads.push(`${name} ${fixed(loadavg()[0]!, 2)}`)
    builds.push({ name, hash: bundleHash() })
    try {
      await work()
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      errors.push(`${name}: ${message}`)
      rows.push({ n, scenario: name, action: 'error', baseline: '', ratio: '', target: '', met: 'error' })
      console.error(`bench: ${name} could not be measured: ${error instanceof Error ? (error.stack ?? message) : message}`)
    }
  }

  try {
    // Cheap and most sensitive to a busy machine: first.
    if (o.only.has('coldstart')) await attempt('Cold start', 5, () => coldStart(o, gnuTime))
    if (o.only.has('many')) await attempt('Many reports', 1, () => manyReports(o, gnuTime))
    if (o.only.has('artifacts')) await attempt('Artifacts', 4, () => artifactDownloads(o, gnuTime))
    if (o.only.has('pr')) await attempt('Pull request against the default branch', 6, () => pullRequestRun(o, gnuTime))
    if (o.only.has('huge') || o.only.has('recognition')) {
      const hugeDir = makeTempDir('dd-bench-huge-')
      const hugeFile = join(hugeDir, 'gitleaks-huge.json')
      try {
        let generated = false
        let hugeSha = ''
        await attempt('Huge report generation', 2, async () => {
          const t0 = Date.now()
          hugeSha = await writeHugeGitleaksReport(hugeFile, o.hugeMb * MiB, 42)
          log(`huge report: ${o.hugeMb} MiB written to ${hugeFile} in ${seconds(Date.now() - t0, 1)}`)
          generated = true
        })
        if (generated && o.only.has('recognition')) await attempt('Recognition cost', 3, () => recognitionCost(o, hugeFile))
        if (generated && o.only.has('huge')) await attempt('Huge report', 2, () => hugeReport(o, hugeDir, hugeFile, hugeSha, gnuTime))
      } finally {
        removeTempDir(hugeDir)
      }
    }
  } finally {
    await cleanupAll()
  }

  const elapsed = (Date.now() - started) / 1000
  builds.push({ name: 'end of the bench', hash: bundleHash() })
  if (new Set(builds.map((b) => b.hash)).size > 1) {
    const changed = `dist/ changed while the bench ran, so scenarios measured different builds (sha256 of dist/*.js as each started): ${builds.map((b) => `${b.name} ${b.hash}`).join(', ')}. Re-run on a quiet tree for one build.`
    notes.push(changed)
    console.error(`\nbench: warning: ${changed}`)
  }
  const settings = `runs ${o.runs}, latency ${o.latencyMs} ms, ${o.reports} reports, concurrency ${o.concurrency}, huge report ${o.hugeMb} MiB, ${o.artifacts} artifacts at ${o.artifactLatencyMs} ms/request, ${o.coldRuns} cold-start pairs`
  const summary = table(rows)
  console.log(`\n${summary}\n\nMachine: ${machineLine(machine)}\nSettings: ${settings}; whole bench ${fixed(elapsed, 0)} s`)
  if (errors.length > 0) console.error(`\nNot measured:\n${errors.map((e) => `- ${e}`).join('\n')}`)

  if (o.out) {
    const missed = [...rows].sort((a, b) => a.n - b.n).filter((r) => r.met === 'no').map((r) => `${r.n}. ${r.scenario}`)
    const document = [
      '# Benchmark results',
      '',
      `Written by \`npm run bench\` (bench/bench.ts) on ${machine.date}. Do not edit by hand.`,
      '',
      `**Machine:** ${machineLine(machine)}`,
      '',
      `**Bundle measured:** ${bundle}`,
      '',
      `**Settings:** ${settings}. Whole bench: ${fixed(elapsed, 0)} s. Load average (1 min) as each scenario started: ${loads.join(', ')}; at the end ${fixed(loadavg()[0]!, 2)} (the bench itself keeps about one core busy; much more means other work shared the machine).`,
      '',
      summary,
      '',
      'Medians of the runs; ratios are taken pair by pair (run i of the action against run i of its baseline) and the median ratio is shown. Absolute times vary from machine to machine and run to run; the ratios are what to compare.',
      '',
      missed.length > 0 ? `**Missed:** ${missed.join('; ')}. See the scenario's section below for the measurement that explains it.` : '**Every target with a number was met.**',
      ...(errors.length > 0 ? ['', '**Not measured (errors):**', '', ...errors.map((e) => `- ${e}`)] : []),
      ...(notes.length > 0 ? ['', ...notes.map((n) => `> ${n}`)] : []),
      '',
      '## Where each number comes from',
      '',
      ...[...details].sort((a, b) => a[0] - b[0]).flatMap(([, lines]) => lines),
      '## Reproduce',
      '',
      '```sh',
      `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
      '```',
      ''
    ].join('\n')
    writeFileSync(o.out, document)
    log(`wrote ${o.out}`)
  } else {
    log('partial or scaled-down run: RESULTS.md not written (pass --out FILE to write one)')
  }
  if (errors.length > 0) process.exitCode = 1
}

await main().catch(async (error: unknown) => {
  console.error(`bench: crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  await cleanupAll()
  process.exitCode = 1
})
