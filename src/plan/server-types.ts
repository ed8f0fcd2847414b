// Recognised reports → the scan types the DefectDojo at hand accepts (its schema, docs/defectdojo-api.md
// §g). The built-in table is DefectDojo 3.2.0's; an older server lacks types added since and knows some
// under the names they had before a migration renamed them (§h). A report whose type the server lacks is
// sent under its former name only when that name is a pure rename of this very format, so the report
// keeps its test when the server is upgraded (the migration rewrites it); never under another scan type
// that merely reads the format (a twin: its fingerprints differ). Otherwise it is not sent, and fails
// with a reason naming the type and the server's version. Pure.
import type { Config } from '../config/config.js'
import { inputName } from '../config/inputs.js'
import { ruleFor } from '../config/rules.js'
import type { Candidate, Endpoint, RecognizedReport, ServerInfo } from '../model.js'

export interface Fitted<R> {
  /** The reports to plan, each with the scan type the server takes. */
  readonly accepted: R[]
  /** Reports not to send, with the reason (a sentence a person can act on). */
  readonly refused: Array<{ readonly report: R; readonly reason: string }>
  /** Reports sent under their former name, with why (for the log). */
  readonly renamed: Array<{ readonly report: R; readonly why: string }>
}

/** The scan types the run's endpoint accepts, or null when the schema did not say (the built-in table then holds). */
export function acceptedTypes(server: ServerInfo | null, endpoint: Endpoint): ReadonlySet<string> | null {
  const types = server?.scanTypes[endpoint] ?? server?.scanTypes[endpoint === 'import-scan' ? 'reimport-scan' : 'import-scan']
  return types && types.length > 0 ? new Set(types) : null
}

/** "DefectDojo 2.20.0", or "This DefectDojo" when its schema gives no version. */
export function serverName(server: ServerInfo | null): string {
  return server?.version ? `DefectDojo ${server.version}` : 'this DefectDojo (its schema gives no version)'
}

export function fitToServer<R extends { readonly candidate: Candidate; readonly recognition: RecognizedReport }>(
  config: Pick<Config, 'mode' | 'rules'>,
  server: ServerInfo | null,
  reports: readonly R[]
): Fitted<R> {
  const accepted = acceptedTypes(server, config.mode === 'import' ? 'import-scan' : 'reimport-scan')
  if (!accepted) return { accepted: [...reports], refused: [], renamed: [] }
  const dojo = serverName(server)
  const fitted: Fitted<R> = { accepted: [], refused: [], renamed: [] }
  for (const report of reports) {
    const { recognition } = report
    const type = recognition.scanType
    // A server that still accepts the former name predates the migration: its parser of that name is the one for this format.
    if (recognition.decidedBy !== 'override' && recognition.formerly && accepted.has(recognition.formerly)) {
      const why = `sent as "${recognition.formerly}", the name ${dojo} has for "${type}" (a DefectDojo migration renames it, with its tests, on upgrade)`
      const renamed = { ...report, recognition: { ...recognition, scanType: recognition.formerly, renamedFrom: type, evidence: [...recognition.evidence, why] } }
      fitted.accepted.push(renamed)
      fitted.renamed.push({ report: renamed, why })
      continue
    }
    if (accepted.has(type)) {
      fitted.accepted.push(report)
      continue
    }
    const missing = `${dojo} does not accept the scan type "${type}" (not in its schema: added in a later release, or switched off on that server)`
    const rule = recognition.decidedBy === 'override' ? ruleFor(config.rules, report.candidate.displayPath) : null
    const reason = rule
      ? `not sent: the ${inputName('scan-types')} line for "${rule.pattern}" names "${type}", but ${missing}: name a scan type that server accepts, or upgrade DefectDojo.`
      : `not sent: ${missing}: upgrade DefectDojo to import this report.`
    fitted.refused.push({ report, reason })
  }
  return fitted
}
