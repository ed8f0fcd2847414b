// A `scan-types` rule against the content it is applied to. A rule names the scan type, but it never
// uploads what is unsafe to upload — white space, a truncated or broken file, a scanner's failed run,
// a tool's error output, an error page — since DefectDojo reads such a file as no findings and the
// reimport closes every finding of its test. And a rule that contradicts content recognised positively
// as another type is carried out, but said out loud (a warning, the summary row, the results file).
import type { Recognition } from '../model.js'
import type { FormatRule } from './formats/index.js'
import type { Head } from './head.js'

/** What a rule's scan type meets in the file. */
export interface RuleJudgement {
  /** Why the file is refused whatever the rule says, or null. */
  readonly refusal: string | null
  /** The scan type (or, for a format DefectDojo cannot import, the format) the content reads as; null when unknown or ambiguous. */
  readonly readsAs: string | null
  /** True when the content was recognised positively as something the rule's parser does not read. */
  readonly contradicts: boolean
}

const refuse = (refusal: string): RuleJudgement => ({ refusal, readsAs: null, contradicts: false })

/**
 * Judges `scanType` (from a rule) against the file's head. `recognised` is recognition by content
 * alone, asked only when no row that matches serves the rule's type.
 */
export function judgeRule(head: Head, scanType: string, formats: readonly FormatRule[], recognised: () => Recognition): RuleJudgement {
  if (head.syntax === 'empty') return refuse('the file holds only white space: not a report')
  if (head.syntax === 'malformed') return refuse(`looks like ${head.expected} but is not valid ${head.expected} (${head.detail}): truncated or broken`)
  const matches = formats.filter((rule) => rule.match(head) !== null)
  const unsafe = matches.find((rule) => rule.unsafe)
  if (unsafe) return refuse(unsafe.reasonFrom?.(head) ?? unsafe.reason ?? `${unsafe.format}: not a report`)
  const serves = (rule: FormatRule) => rule.scanType === scanType || (rule.alsoReadBy ?? []).some((a) => a.scanType === scanType)
  // An HTML page where the rule's parser reads no HTML is an error or login page saved as the report.
  if (head.syntax === 'html' && matches.length === 0 && !formats.some((rule) => serves(rule) && rule.extensions.includes('.html'))) {
    return refuse('an HTML page (an error or login page saved in place of the report), not a report')
  }
  // Twins match alike, and a SARIF producer's report matches the SARIF row too: either serves the rule.
  if (matches.some(serves)) return { refusal: null, readsAs: scanType, contradicts: false }
  if (matches.length === 0) return { refusal: null, readsAs: null, contradicts: false }
  const byContent = recognised()
  if (byContent.kind === 'report') return { refusal: null, readsAs: byContent.scanType, contradicts: true }
  // One known format that DefectDojo cannot import at all (ZAP JSON, JUnit XML…).
  if (matches.length === 1 && matches[0]!.scanType === null) return { refusal: null, readsAs: matches[0]!.format, contradicts: true }
  return { refusal: null, readsAs: null, contradicts: false }
}

/** The rule as written in the input: `reports/zap.xml = Bandit Scan`. */
export function ruleText(pattern: string, scanType: string): string {
  return `${pattern} = ${scanType}`
}

/** The warning for a rule that contradicts the content: both types named. */
export function contradictionWarning(label: string, rule: string, scanType: string, readsAs: string): string {
  return `${label}: the \`scan-types\` rule \`${rule}\` sends it as ${scanType}, but its content reads as ${readsAs}, which that parser does not read: DefectDojo may refuse it, or read no findings and close every finding of its test. Uploaded as the rule asks; correct the rule if it is wrong.`
}
