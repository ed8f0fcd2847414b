#!/usr/bin/env node
// The defectdojo-reimport command: the bundle in ./cli/ (built from src/cli.ts).
import './cli/index.js'
