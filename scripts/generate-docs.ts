// Writes what is generated from the input and output tables (src/config/inputs.ts, src/report/outputs.ts):
// action.yml, and the README's input and output tables between their `<!-- generated: … -->` markers.
// `npm run build` runs it; a unit test fails when the committed files differ from what it writes.
//
//   npm run docs                  write action.yml and README.md
//   npm run docs -- --check       exit 1 when either differs
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Run with `node --import ./scripts/ts-resolve.ts` (npm run build and npm run docs do): the sources
// import each other with `.js` specifiers that exist only as `.ts` files.
import { INPUTS, type InputGroup, type InputSpec } from '../src/config/inputs.ts'
import { OUTPUTS } from '../src/report/outputs.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** package.json, for the author the action and the package share. */
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { author: string }

/**
 * The action's own metadata (what the Marketplace shows). scripts/check-action.ts holds action.yml to
 * the Marketplace's rules: a description under 125 characters, a branding icon and colour it accepts.
 */
export const ACTION = {
  name: 'DefectDojo Reimport',
  description: 'Upload every scanner report of a workflow run to DefectDojo: recognised by content, reimported with the exact scan type.',
  author: PACKAGE.author,
  branding: { icon: 'shield', color: 'green' }
}

/** A YAML scalar: single-quoted (nothing inside is special but the quote itself, doubled). */
function yamlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

export function actionYml(): string {
  const lines = [
    '# Generated from src/config/inputs.ts and src/report/outputs.ts by scripts/generate-docs.ts (npm run build): edit those.',
    `name: ${yamlString(ACTION.name)}`,
    `description: ${yamlString(ACTION.description)}`,
    `author: ${yamlString(ACTION.author)}`,
    'branding:',
    `  icon: ${ACTION.branding.icon}`,
    `  color: ${ACTION.branding.color}`,
    'inputs:'
  ]
  for (const [name, spec] of Object.entries(INPUTS) as Array<[string, InputSpec]>) {
    lines.push(`  ${name}:`, `    description: ${yamlString(spec.description)}`, '    required: false', `    default: ${yamlString(spec.default)}`)
  }
  lines.push('outputs:')
  for (const [name, description] of Object.entries(OUTPUTS)) lines.push(`  ${name}:`, `    description: ${yamlString(description)}`)
  lines.push('runs:', '  using: node24', '  main: dist/index.js')
  return lines.join('\n') + '\n'
}

/** A Markdown table cell: pipes escaped, input names in code. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|')
}

function shownDefault(spec: InputSpec): string {
  if (spec.shownDefault) return spec.shownDefault
  return spec.default === '' ? 'empty' : `\`${spec.default}\``
}

function inputTable(group: InputGroup): string {
  const rows = (Object.entries(INPUTS) as Array<[string, InputSpec]>).filter(([, spec]) => spec.group === group)
  return ['| input | default | what it does |', '| --- | --- | --- |', ...rows.map(([name, spec]) => `| \`${name}\` | ${shownDefault(spec)} | ${cell(spec.description)} |`)].join('\n')
}

function outputTable(): string {
  return ['| output | meaning |', '| --- | --- |', ...Object.entries(OUTPUTS).map(([name, description]) => `| \`${name}\` | ${cell(description)} |`)].join('\n')
}

/** The README with every generated section filled in from the tables. */
export function readmeWithTables(readme: string): string {
  return readme.replace(/(<!-- generated: (inputs [a-z]+|outputs) -->)\n(?:[\s\S]*?\n)??(<!-- end generated -->)/g, (_whole, open: string, what: string, close: string) => {
    const table = what === 'outputs' ? outputTable() : inputTable(what.slice('inputs '.length) as InputGroup)
    return `${open}\n${table}\n${close}`
  })
}

/** The generated sections the README must hold: one per input group, and the outputs. */
export const README_SECTIONS = [...new Set((Object.values(INPUTS) as InputSpec[]).map((spec) => `inputs ${spec.group}`)), 'outputs']

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check')
  const files: Array<[string, string]> = [
    [join(ROOT, 'action.yml'), actionYml()],
    [join(ROOT, 'README.md'), readmeWithTables(readFileSync(join(ROOT, 'README.md'), 'utf8'))]
  ]
  let stale = false
  for (const [path, text] of files) {
    if (readFileSync(path, 'utf8') === text) continue
    if (check) {
      console.error(`${path} is not what scripts/generate-docs.ts writes: run npm run build.`)
      stale = true
    } else writeFileSync(path, text)
  }
  process.exitCode = stale ? 1 : 0
}
