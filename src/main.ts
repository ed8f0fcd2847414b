// Entry point of the bundled action (dist/index.js): everything happens in run(); anything it did not
// expect still fails the step with a message instead of a bare stack trace.
import { setFailed } from '@actions/core'
import { run } from './action.js'

await run().catch((error: unknown) => {
  setFailed(`Unexpected error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
})
