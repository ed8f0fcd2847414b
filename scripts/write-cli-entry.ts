// Writes dist/cli.js, the `defectdojo-reimport` bin: a one-line entry into the command-line bundle in
// dist/cli/ (a folder of its own, so its lazily loaded chunks never collide with the action's).
import { chmodSync, writeFileSync } from 'node:fs'

writeFileSync('dist/cli.js', "#!/usr/bin/env node\n// The defectdojo-reimport command: the bundle in ./cli/ (built from src/cli.ts).\nimport './cli/index.js'\n")
chmodSync('dist/cli.js', 0o755)
