// Names that change every run. An artifact called `trivy-report-${{ github.sha }}` gives every run a
// new test title, so a new test: reimport never closes a fixed finding and the product fills with
// tests. Such names are warned about (log and summary) with the fix; they are not errors, since a
// user may want one test per run (`mode: import` does that on purpose).
import { theInput } from '../config/inputs.js'
import { reportLabel, type PlannedUpload, type RunContext, type Target } from '../model.js'

/** What in a name changes from run to run, e.g. "this run's commit SHA (0a1b2c3)", or null. */
export function volatilePart(name: string, context: Pick<RunContext, 'sha' | 'runId' | 'runNumber'>, now: Date): string | null {
  const sha = context.sha.toLowerCase()
  if (/^[0-9a-f]{7,40}$/.test(sha)) {
    for (const [hex] of name.toLowerCase().matchAll(/[0-9a-f]{7,40}/g)) if (sha.startsWith(hex)) return `this run's commit SHA (${hex})`
  }
  const token = (value: string) => new RegExp(`(^|\\D)${value}(\\D|$)`).test(name)
  // Short numbers appear in names by chance ("v2", "report-12"); a run id is long, a run number from 3 digits on.
  if (context.runId.length >= 5 && token(context.runId)) return `this run's id (${context.runId})`
  if (context.runNumber.length >= 3 && token(context.runNumber)) return `this run's number (${context.runNumber})`
  const day = now.toISOString().slice(0, 10)
  for (const form of [day, day.replace(/-/g, ''), day.replace(/-/g, '_')]) if (token(form)) return `today's date (${form})`
  return null
}

const FIELDS: ReadonlyArray<[keyof Target, string, Parameters<typeof theInput>[0]]> = [
  ['testTitle', 'test title', 'test-title'],
  ['engagement', 'engagement', 'engagement'],
  ['product', 'product', 'product']
]

/** One warning per planned name that changes every run, naming the report, the part and the fix. */
export function volatileNames(planned: readonly PlannedUpload[], context: Pick<RunContext, 'sha' | 'runId' | 'runNumber'>, now = new Date()): string[] {
  if (planned.length === 0) return []
  const warnings: string[] = []
  for (const upload of planned) {
    for (const [field, label, input] of FIELDS) {
      const part = volatilePart(upload.target[field], context, now)
      if (!part) continue
      const where = upload.candidate.artifact ? `name the artifact \`${upload.candidate.artifact}\` without it (e.g. \`${stable(upload.candidate.artifact, part)}\`)` : 'name the file without it'
      warnings.push(
        `The ${label} "${upload.target[field]}" of ${reportLabel(upload.candidate)} contains ${part}: every run makes a new DefectDojo ${field === 'testTitle' ? 'test' : label}, so reimport never closes its fixed findings. ` +
          `To keep one ${field === 'testTitle' ? 'test' : label}, ${where}, or set ${theInput(input)} to a name without it.`
      )
      break
    }
  }
  return warnings
}

/** The artifact name with the changing part taken out: `trivy-report-0a1b2c3` → `trivy-report`. */
function stable(name: string, part: string): string {
  const value = /\(([^)]+)\)$/.exec(part)?.[1] ?? ''
  const cut = name.replace(new RegExp(`[-_.]?${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]*`, 'i'), '')
  return cut || name
}
