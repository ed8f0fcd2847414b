// Scenario 4, run in a fresh Node by bench.ts with the artifact emulator's environment: the action's own
// artifact code in-process — src/sources/artifacts.ts collectArtifacts() over the real ArtifactService
// of src/shells/github-artifacts.ts (@actions/artifact's DefaultArtifactClient) — with a download
// concurrency of our choosing. Only the concurrency differs from what the bundle does (it calls
// collectArtifacts with its default, 4); the timed span is the same: list, download + unzip, walk.
//   node bench/artifacts-child.ts <concurrency> <download-dir>
import '../scripts/ts-resolve.ts'
import { mkdirSync, rmSync } from 'node:fs'

const [concurrencyArg, directory] = process.argv.slice(2)
const concurrency = Number(concurrencyArg)
if (!Number.isInteger(concurrency) || concurrency < 1 || !directory) throw new Error('usage: artifacts-child.ts <concurrency> <download-dir>')

const { collectArtifacts } = await import('../src/sources/artifacts.ts')
const { INPUTS } = await import('../src/config/inputs.ts')
// The action's default size limit, as the bundle applies it.
const maxFileBytes = Math.floor(Number(INPUTS['max-report-size-mb'].default) * 1048576)
const { actionsArtifactService } = await import('../src/shells/github-artifacts.ts')
// As in the action: the service (and @actions/artifact) is loaded before the timed span starts.
const service = await actionsArtifactService(null)
mkdirSync(directory, { recursive: true })
try {
  const t0 = performance.now()
  const files = await collectArtifacts(service, ['*'], directory, maxFileBytes, concurrency)
  const ms = performance.now() - t0
  console.log('BENCH_RESULT ' + JSON.stringify({ ms, concurrency, files: files.candidates.length, failures: files.failures, listError: files.listError }))
} finally {
  rmSync(directory, { recursive: true, force: true })
}
