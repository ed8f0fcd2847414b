// The runner passes every `with:` key of the step as INPUT_<KEY> (upper-cased, spaces as `_`) and only
// warns about keys the action does not declare; a job's `env:` can set INPUT_* too. A misspelled
// input is then silently ignored, and some defaults are not harmless (`close_old_findings: false`
// ignored closes findings). So a key that is a close misspelling of a declared input stops the run,
// naming the input it most likely meant; any other undeclared key is one warning.
import { editDistance, looseName } from './nearest.js'
import { INPUT_NAMES, type InputName } from './inputs.js'

/** The environment variable the runner sets for a declared input. */
export function inputVariable(name: InputName): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export interface StrayInputs {
  /** One sentence per misspelled input: a configuration error. */
  readonly errors: readonly string[]
  /** One sentence for all other undeclared INPUT_* variables, or none. */
  readonly warnings: readonly string[]
}

/**
 * The declared input a key most likely means: the same words in another case or separator
 * (`close_old_findings`), else the nearest within 2 edits (1 for names of 5 letters or fewer, so that
 * short unrelated words such as `repo` and `mode` are not taken for each other).
 */
export function misspellingOf(key: string): InputName | null {
  const loose = looseName(key)
  const same = INPUT_NAMES.find((name) => looseName(name) === loose)
  if (same) return same
  let best: { name: InputName; distance: number } | null = null
  for (const name of INPUT_NAMES) {
    const limit = Math.min(loose.length, name.length) <= 5 ? 1 : 2
    const distance = editDistance(loose, looseName(name), limit)
    if (distance <= limit && (best === null || distance < best.distance)) best = { name, distance }
  }
  return best?.name ?? null
}

/** Undeclared INPUT_* variables of the environment, sorted into misspellings and others. */
export function strayInputs(env: Readonly<Record<string, string | undefined>>): StrayInputs {
  const declared = new Set(INPUT_NAMES.map(inputVariable))
  const errors: string[] = []
  const others: string[] = []
  for (const variable of Object.keys(env).sort()) {
    if (!variable.startsWith('INPUT_') || declared.has(variable)) continue
    const key = variable.slice('INPUT_'.length)
    const meant = misspellingOf(key)
    if (meant) errors.push(`Input \`${key.toLowerCase()}\` (${variable}) is not an input of this action: did you mean \`${meant}\`? As it is, it would be ignored; rename it to \`${meant}\`.`)
    else others.push(`${key.toLowerCase()} (${variable})`)
  }
  const warnings = others.length > 0 ? [`Ignored ${others.length === 1 ? 'an input this action does not declare' : `${others.length} inputs this action does not declare`}: ${others.join(', ')}. If it comes from the step's \`with:\`, remove it; a job's \`env:\` can set INPUT_* variables too.`] : []
  return { errors, warnings }
}
