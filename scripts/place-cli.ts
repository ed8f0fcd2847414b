// Moves the command-line bundle next to the action's (dist/cli.js) and checks it needs no chunk files:
// ncc writes dynamic imports as separate chunks, which would collide with the action's own.
import { chmodSync, copyFileSync, readdirSync } from 'node:fs'

const built = readdirSync('build/cli').filter((name) => name.endsWith('.js'))
if (built.length !== 1 || built[0] !== 'index.js') throw new Error(`expected build/cli/index.js alone, found ${built.join(', ')}`)
copyFileSync('build/cli/index.js', 'dist/cli.js')
chmodSync('dist/cli.js', 0o755)
