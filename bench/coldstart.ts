// Scenario 5's "why": what the bundle's start costs, measured three ways.
//  1. What dist/index.js is made of: bytes per package (webpack module table + ncc's
//     `EXTERNAL MODULE` / `CONCATENATED MODULE` comments; modules reached from a package's entry belong to it).
//  2. One run of the bundle under `node --cpu-prof`: self time per category (V8 compiling the bundle,
//     decoding its source, Node's built-in modules, GC, the bundle's own JavaScript per package).
//     The profiler slows things down; its shares are what to read, not its absolute times.
//  3. Probes without a profiler, each in a fresh Node, median of several: reading + decoding the bundle,
//     compiling it (vm.SourceTextModule: parse only, nothing run), requiring the Node built-ins the bundle
//     loads (found with process.moduleLoadList against `node -e 0`), the first Number#toLocaleString (ICU
//     initialisation; counted only when the bundle calls it), and each runtime dependency imported on its own
//     from node_modules.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runBundle } from './action.ts'
import { NODE, fixed, makeTempDir, median, removeTempDir, spawnTimed } from './lib.ts'
import { ROOT } from '../__tests__/support/run-action.ts'

// ---------------------------------------------------------------------------------------------
// 1. Bundle composition

interface Composition {
  /** Package label of every line (0-based, as in CPU profiles). */
  lineOwner: string[]
  bytes: Map<string, number>
  total: number
  /** How many copies of undici's Client class the bundle holds. */
  undiciCopies: number
}

function packageOf(path: string): string {
  // `./node_modules/@actions/http-client/node_modules/undici/index.js + 3 modules` → undici@6.x (via @actions/http-client)
  const clean = path.replace(/ \+ \d+ modules?$/, '')
  if (clean.startsWith('./src/')) return 'action source (src/)'
  const parts = clean.replace(/^\.\//, '').split('node_modules/').filter(Boolean)
  if (parts.length === 0) return 'other'
  const nameOf = (segment: string): string => {
    const pieces = segment.split('/')
    return pieces[0]!.startsWith('@') ? `${pieces[0]}/${pieces[1]}` : pieces[0]!
  }
  const names = parts.map(nameOf)
  const name = names.at(-1)!
  let version: string
  try {
    const dir = join(ROOT, ...names.flatMap((n) => ['node_modules', ...n.split('/')]))
    version = `@${(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version}`
  } catch {
    version = ''
  }
  return names.length > 1 ? `${name}${version} (via ${names.at(-2)})` : `${name}${version}`
}

export function bundleComposition(bundle: string): Composition {
  const text = readFileSync(bundle, 'utf8')
  const lines = text.split('\n')
  const lineOwner = new Array<string>(lines.length).fill('webpack runtime / glue')
  // Module table entries: `/***/ 12345:` … up to the next entry or the end of the table.
  const entries: Array<{ id: string; start: number; end: number }> = []
  let tableEnd = lines.findIndex((l) => l.startsWith('/******/ });'))
  if (tableEnd < 0) tableEnd = lines.length
  for (let i = 0; i < tableEnd; i++) {
    const match = /^\/\*\*\*\/ (\d+):$/.exec(lines[i]!)
    if (match) {
      if (entries.length > 0) entries.at(-1)!.end = i
      entries.push({ id: match[1]!, start: i, end: tableEnd })
    }
  }
  const byId = new Map(entries.map((e) => [e.id, e]))
  // Package entry points named by ncc: `// EXTERNAL MODULE: ./node_modules/x/index.js` + `var x = __nccwpck_require__(id)`.
  const roots = new Map<string, string>()
  for (let i = 0; i < lines.length - 1; i++) {
    const match = /^\/\/ EXTERNAL MODULE: (.+)$/.exec(lines[i]!)
    const id = /__nccwpck_require__\((\d+)\)/.exec(lines[i + 1]!)?.[1]
    if (!match || !id || roots.has(id)) continue
    roots.set(id, match[1]!.startsWith('external ') ? 'Node built-in re-exports' : packageOf(match[1]!))
  }
  const owner = new Map<string, string>(roots)
  for (const [rootId, label] of roots) {
    const queue = [rootId]
    while (queue.length > 0) {
      const entry = byId.get(queue.shift()!)
      if (!entry) continue
      const body = lines.slice(entry.start, entry.end).join('\n')
      for (const m of body.matchAll(/__nccwpck_require__\((\d+)\)/g)) {
        const dep = m[1]!
        if (owner.has(dep)) continue
        owner.set(dep, label)
        queue.push(dep)
      }
    }
  }
  for (const entry of entries) {
    const label = owner.get(entry.id) ?? 'other modules'
    for (let i = entry.start; i < entry.end; i++) lineOwner[i] = label
  }
  // Concatenated ESM modules (the action's source, @actions/core, tinyglobby…) say where they start.
  let current: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const match = /^;\/\/ CONCATENATED MODULE: (.+)$/.exec(lines[i]!)
    if (match) current = match[1]!.startsWith('external ') ? null : packageOf(match[1]!)
    else if (/^\/\*\*\*\/ (\d+):$/.test(lines[i]!) || lines[i]!.startsWith('/******/')) current = null
    if (current) lineOwner[i] = current
  }
  const bytes = new Map<string, number>()
  lines.forEach((line, i) => bytes.set(lineOwner[i]!, (bytes.get(lineOwner[i]!) ?? 0) + Buffer.byteLength(line) + 1))
  return { lineOwner, bytes, total: Buffer.byteLength(text), undiciCopies: (text.match(/class Client extends DispatcherBase/g) ?? []).length }
}

// ---------------------------------------------------------------------------------------------
// 2. CPU profile of one run

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface ProfileSummary {
  wallMs: number
  /** Every script URL that ran code during the profile (tells which lazy chunks were loaded). */
  urls: string[]
  totalMs: number
  categories: Array<[string, number]>
  packages: Array<[string, number]>
  topFunctions: Array<[string, number]>
}

function summariseProfile(profile: Profile, bundleUrl: string, composition: Composition, wallMs: number): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const categories = new Map<string, number>()
  const packages = new Map<string, number>()
  const functions = new Map<string, number>()
  const add = (map: Map<string, number>, key: string, us: number): void => {
    map.set(key, (map.get(key) ?? 0) + us / 1000)
  }
  let totalUs = 0
  const urls = new Set(profile.nodes.map((n) => n.callFrame.url).filter(Boolean))
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)!.callFrame
    totalUs += us
    let category: string
    if (frame.url === bundleUrl) {
      const pkg = composition.lineOwner[frame.lineNumber] ?? 'other'
      category = 'running the bundle\'s JavaScript (all packages, see below)'
      add(packages, pkg, us)
      add(functions, `${frame.functionName || '(top level)'} — ${pkg}, line ${frame.lineNumber + 1}`, us)
    } else if (frame.functionName === 'compileSourceTextModule') category = 'V8 compiling dist/index.js (ESM: the whole file is parsed up front)'
    else if (frame.functionName === 'decodeUTF8' || (frame.url === '' && frame.functionName === 'read')) category = 'reading + UTF-8-decoding files (mostly dist/index.js)'
    else if (frame.url === 'node:internal/bootstrap/realm') category = 'compiling Node\'s built-in modules (http, tls, crypto, http2, …)'
    else if (frame.url.startsWith('node:')) category = 'Node\'s own JavaScript (module loaders, built-in module initialisation, fs, streams)'
    else if (frame.functionName === '(garbage collector)') category = 'garbage collection'
    else if (frame.functionName === '(idle)') category = 'idle (waiting for I/O)'
    else category = `native / other (${frame.functionName || '?'})`
    add(categories, category, us)
    if (frame.url !== bundleUrl && us >= 2000) add(functions, `${frame.functionName || '(anonymous)'} — ${frame.url || 'native'}`, us)
  }
  const sorted = (map: Map<string, number>): Array<[string, number]> => [...map].sort((a, b) => b[1] - a[1])
  // Small native leftovers in one line.
  const cats = sorted(categories)
  const small = cats.filter(([name, ms]) => name.startsWith('native / other') && ms < 5)
  const merged = cats.filter((c) => !small.includes(c))
  if (small.length > 0) merged.push(['native / other (small items)', small.reduce((s, [, ms]) => s + ms, 0)])
  return { wallMs, urls: [...urls], totalMs: totalUs / 1000, categories: merged, packages: sorted(packages), topFunctions: sorted(functions).slice(0, 12) }
}

// ---------------------------------------------------------------------------------------------
// 3. Probes

async function probe(code: string, nodeArgs: readonly string[] = []): Promise<number> {
  const run = await spawnTimed(NODE, [...nodeArgs, '--input-type=module', '-e', code], { cwd: ROOT, timeoutMs: 60_000, env: { PATH: process.env.PATH ?? '' } })
  const value = Number(/^PROBE (\S+)$/m.exec(run.stdout)?.[1])
  if (run.code !== 0 || !Number.isFinite(value)) throw new Error(`probe failed (exit ${String(run.code)}): ${run.stderr.slice(0, 400)}`)
  return value
}

async function probeMedian(code: string, times: number, nodeArgs: readonly string[] = []): Promise<number> {
  const values: number[] = []
  for (let i = 0; i < times; i++) values.push(await probe(code, nodeArgs))
  return median(values)
}

const moduleListHook = 'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.BENCH_MODULE_LIST,JSON.stringify(process.moduleLoadList)))'

/** Public built-in modules the bundle loads that `node -e 0` does not. */
async function builtinsLoadedByBundle(workspace: string, inputs: Record<string, string>): Promise<string[]> {
  const dir = makeTempDir('dd-bench-modules-')
  try {
    const base = join(dir, 'base.json')
    const withBundle = join(dir, 'bundle.json')
    await spawnTimed(NODE, ['--import', moduleListHook, '-e', '0'], { env: { PATH: process.env.PATH ?? '', BENCH_MODULE_LIST: base }, timeoutMs: 30_000 })
    await runBundle({ workspace, inputs, env: { BENCH_MODULE_LIST: withBundle }, timeoutMs: 30_000, nodeArgs: ['--import', moduleListHook] })
    const before = new Set(JSON.parse(readFileSync(base, 'utf8')) as string[])
    const after = JSON.parse(readFileSync(withBundle, 'utf8')) as string[]
    return after
      .filter((m) => !before.has(m) && m.startsWith('NativeModule '))
      .map((m) => m.slice('NativeModule '.length))
      .filter((m) => !m.startsWith('internal/'))
  } finally {
    removeTempDir(dir)
  }
}

// ---------------------------------------------------------------------------------------------

export interface ColdStartDiagnosis {
  composition: Array<[string, number]>
  bundleBytes: number
  undiciCopies: number
  nonAsciiChars: number
  profile: ProfileSummary
  builtins: string[]
  probes: Array<{ what: string; ms: number; note: string; counted: boolean }>
  /** Other chunks of dist/ (loaded with import() on demand), and whether the cold run loaded them. */
  chunks: Array<{ name: string; bytes: number; loaded: boolean }>
  dependencies: Array<{ name: string; ms: number }>
}

export async function diagnoseColdStart(options: { bundle: string; workspace: string; inputs: Record<string, string>; probeRuns: number }): Promise<ColdStartDiagnosis> {
  const { bundle, workspace, inputs, probeRuns } = options
  const composition = bundleComposition(bundle)
  const source = readFileSync(bundle, 'utf8')
  let nonAscii = 0
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) > 127) nonAscii++

  // CPU profile (fine sampling interval) of one run.
  const profDir = makeTempDir('dd-bench-prof-')
  let profile: ProfileSummary
  try {
    const run = await runBundle({ workspace, inputs, timeoutMs: 60_000, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '250'] })
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))
    if (!file) throw new Error('no .cpuprofile written')
    profile = summariseProfile(JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Profile, pathToFileURL(bundle).href, composition, run.wallMs)
  } finally {
    removeTempDir(profDir)
  }

  const builtins = await builtinsLoadedByBundle(workspace, inputs)
  const b = JSON.stringify(bundle)
  const probes: ColdStartDiagnosis['probes'] = []
  probes.push({
    what: 'read + UTF-8-decode dist/index.js',
    ms: await probeMedian(`import{readFileSync}from'node:fs';const t=performance.now();readFileSync(${b},'utf8');console.log('PROBE '+(performance.now()-t))`, probeRuns),
    note: `${fixed(composition.total / 1e6, 2)} MB; ${nonAscii} non-ASCII characters make V8 hold it as a two-byte string`,
    counted: true
  })
  probes.push({
    what: 'the same bytes decoded as Latin-1 (what an ASCII-only bundle costs)',
    ms: await probeMedian(`import{readFileSync}from'node:fs';const t=performance.now();readFileSync(${b},'latin1');console.log('PROBE '+(performance.now()-t))`, probeRuns),
    note: 'comparison only',
    counted: false
  })
  probes.push({
    what: 'compile dist/index.js (vm.SourceTextModule: parse, nothing run)',
    ms: await probeMedian(`import{readFileSync}from'node:fs';import vm from'node:vm';const s=readFileSync(${b},'utf8');const t=performance.now();new vm.SourceTextModule(s);console.log('PROBE '+(performance.now()-t))`, probeRuns, ['--experimental-vm-modules', '--no-warnings']),
    note: 'V8 pre-parses every function of an ES module before anything runs',
    counted: true
  })
  const list = JSON.stringify(builtins)
  probes.push({
    what: `require the ${builtins.length} Node built-ins the bundle loads`,
    ms: await probeMedian(`import{createRequire}from'node:module';const r=createRequire(import.meta.url);const t=performance.now();for(const m of ${list})r('node:'+m);console.log('PROBE '+(performance.now()-t))`, probeRuns),
    note: builtins.join(', '),
    counted: true
  })
  // ICU's number formatting is initialised on first use; it counts only if the bundle calls it.
  const usesIcu = /\.toLocaleString\(|new Intl\.|Intl\.NumberFormat/.test(source)
  probes.push({
    what: "first (1234).toLocaleString('en-US')",
    ms: await probeMedian(`const t=performance.now();(1234).toLocaleString('en-US');console.log('PROBE '+(performance.now()-t))`, probeRuns),
    note: usesIcu ? 'ICU number-format initialisation; the bundle calls toLocaleString / Intl' : 'ICU number-format initialisation — this bundle does not call toLocaleString / Intl, so it is not counted',
    counted: usesIcu
  })

  const dependencies: ColdStartDiagnosis['dependencies'] = []
  for (const name of ['@actions/core', 'undici', 'tinyglobby', 'jsonc-parser', 'picomatch', 'saxes']) {
    dependencies.push({ name, ms: await probeMedian(`const t=performance.now();await import(${JSON.stringify(name)});console.log('PROBE '+(performance.now()-t))`, Math.max(3, Math.ceil(probeRuns / 2))) })
  }

  const dir = dirname(bundle)
  const chunks = readdirSync(dir)
    .filter((f) => /^\d+\.index\.js$/.test(f))
    .map((f) => ({ name: f, bytes: statSync(join(dir, f)).size, loaded: profile.urls.includes(pathToFileURL(join(dir, f)).href) }))
    .sort((a, c) => c.bytes - a.bytes)
  return {
    chunks,
    composition: [...composition.bytes].sort((a, c) => c[1] - a[1]),
    bundleBytes: composition.total,
    undiciCopies: composition.undiciCopies,
    nonAsciiChars: nonAscii,
    profile,
    builtins,
    probes,
    dependencies
  }
}

/** Markdown section for RESULTS.md. */
export function coldStartMarkdown(d: ColdStartDiagnosis, measured: { bundleMs: number; nodeMs: number; diffMs: number }): string {
  const out: string[] = []
  const diff = measured.diffMs
  out.push(`Measured: the bundle with nothing to do takes ${fixed(measured.bundleMs, 0)} ms, \`node -e 0\` ${fixed(measured.nodeMs, 0)} ms (medians); median pairwise difference **+${fixed(diff, 0)} ms**.`, '')
  out.push('**Probes** (each in a fresh Node, no profiler, median):', '', '| what | ms | note |', '| --- | ---: | --- |')
  for (const p of d.probes) out.push(`| ${p.what} | ${fixed(p.ms, 1)} | ${p.note} |`)
  const counted = d.probes.filter((p) => p.counted)
  const explained = counted.reduce((sum, p) => sum + p.ms, 0)
  out.push(`| *remainder: top-level evaluation of the bundled modules + the action's own work* | ${fixed(diff - explained, 1)} | +${fixed(diff, 0)} ms minus the ${counted.length} counted probes above |`, '')
  out.push(`**CPU profile** of one run (\`node --cpu-prof --cpu-prof-interval 250\`; ${fixed(d.profile.wallMs, 0)} ms wall with the profiler, ${fixed(d.profile.totalMs, 0)} ms sampled, self time):`, '', '| category | ms | share |', '| --- | ---: | ---: |')
  for (const [name, ms] of d.profile.categories) out.push(`| ${name} | ${fixed(ms, 1)} | ${fixed((100 * ms) / d.profile.totalMs, 0)}% |`)
  out.push('', 'Of which the bundle\'s JavaScript, by package:', '', '| package | ms |', '| --- | ---: |')
  for (const [name, ms] of d.profile.packages.slice(0, 10)) out.push(`| ${name} | ${fixed(ms, 1)} |`)
  out.push('', 'Hottest functions (self time):', '', '| function | ms |', '| --- | ---: |')
  for (const [name, ms] of d.profile.topFunctions) out.push(`| ${name.replace(/\|/g, '\\|')} | ${fixed(ms, 1)} |`)
  out.push('', `**What dist/index.js is made of** (${fixed(d.bundleBytes / 1e6, 2)} MB, ${d.undiciCopies} ${d.undiciCopies === 1 ? 'copy' : 'copies'} of undici):`, '', '| package | KB | share |', '| --- | ---: | ---: |')
  for (const [name, bytes] of d.composition.slice(0, 12)) out.push(`| ${name} | ${fixed(bytes / 1000, 0)} | ${fixed((100 * bytes) / d.bundleBytes, 0)}% |`)
  if (d.chunks.length > 0) {
    out.push('', 'Chunks beside it, loaded with `import()` only when needed:', '', '| chunk | KB | loaded by this cold run |', '| --- | ---: | :---: |')
    for (const c of d.chunks) out.push(`| ${c.name} | ${fixed(c.bytes / 1000, 0)} | ${c.loaded ? 'yes' : 'no'} |`)
  }
  out.push('', '**Each runtime dependency imported on its own** from node_modules (fresh Node, median; unbundled, so file resolution adds to it — compare them with each other):', '', '| import | ms |', '| --- | ---: |')
  for (const dep of d.dependencies) out.push(`| \`${dep.name}\` | ${fixed(dep.ms, 0)} |`)
  out.push('')
  return out.join('\n')
}
