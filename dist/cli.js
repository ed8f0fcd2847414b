#!/usr/bin/env node
// The defectdojo-reimport command: the bundle in ./cli/ (built from src/cli.ts), on the Node it needs.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  process.stderr.write(`defectdojo-reimport needs Node.js 24 or later; this is Node.js ${process.versions.node}: run it with Node 24 (e.g. the node:24 image).\n`)
  process.exit(2)
}
await import('./cli/index.js')
