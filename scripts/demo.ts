// `npm run demo`: the bundled action (dist/index.js) on the shipped fixtures/, against the DefectDojo
// stand-in on 127.0.0.1 — real HTTP uploads, no DefectDojo account. Prints the job summary the run
// wrote and its outputs. Two runs: the first creates the findings, the second reimports the same
// reports and finds them untouched, which is what reimport is for.
import { startDojoServer } from '../__tests__/support/dojo-server.ts'
import { runAction } from '../__tests__/support/run-action.ts'

const dojo = await startDojoServer()
try {
  for (const round of [1, 2]) {
    const run = await runAction({ inputs: { 'defectdojo-url': dojo.url, 'defectdojo-token': dojo.token, path: 'fixtures/demo' } })
    console.log(`\n===== run ${round}: exit code ${run.code}, ${dojo.uploads.length} uploads received by the stand-in at ${dojo.url} so far =====\n`)
    console.log(run.summary)
    console.log('outputs:', JSON.stringify(run.outputs, null, 2))
    if (run.code !== 0) {
      console.error(run.stdout, run.stderr)
      process.exitCode = 1
      break
    }
  }
} finally {
  await dojo.close()
}
