// `npm run demo`: the bundled action (dist/index.js) on the shipped fixtures/, against the DefectDojo
// stand-in on 127.0.0.1 — real HTTP uploads, no DefectDojo account. Three runs into the same tests,
// as three days of CI would do: the first creates the findings, the second (fixtures/demo-next: a
// key rotated, a CVE fixed, new ones found) closes and creates, the third (yesterday's reports again)
// reactivates. Prints the job summary of each run.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDojoServer } from '../__tests__/support/dojo-server.ts'
import { FIXTURES, runAction } from '../__tests__/support/run-action.ts'

const dojo = await startDojoServer()
const workspace = mkdtempSync(join(tmpdir(), 'defectdojo-demo-'))
try {
  for (const [round, folder] of [[1, 'demo'], [2, 'demo-next'], [3, 'demo']] as const) {
    // The same report paths every day, so each report keeps its DefectDojo test.
    rmSync(join(workspace, 'reports'), { recursive: true, force: true })
    cpSync(join(FIXTURES, folder), join(workspace, 'reports'), { recursive: true })
    // The fixtures are checked into this repository: the demo uploads them all the same.
    const run = await runAction({ workspace, inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: 'reports', 'include-tracked-files': 'true' } })
    console.log(`\n===== run ${round} (fixtures/${folder}): exit code ${run.code}; the stand-in at ${dojo.url} has received ${dojo.uploads.length} uploads =====\n`)
    console.log(run.summary)
    const { results: _compact, ...outputs } = run.outputs
    console.log('step outputs:', JSON.stringify(outputs))
    if (run.code !== 0) {
      console.error(run.stdout, run.stderr)
      process.exitCode = 1
      break
    }
  }
} finally {
  await dojo.close()
  rmSync(workspace, { recursive: true, force: true })
}
