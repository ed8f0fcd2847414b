// Entry point of the bundled action (dist/index.js). Anything the run did not expect still fails the
// step with a message instead of a bare stack trace.
import { setFailed } from '@actions/core'
import { runAction } from './shells/github.js'

await runAction().catch((error: unknown) => {
  setFailed(`Unexpected error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
})
