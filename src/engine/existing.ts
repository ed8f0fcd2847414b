// Which engagements of the plan exist already. Uploads into an existing engagement have nothing to
// race on and fan out at once; only a new engagement needs its first upload to run alone. Two cheap
// GETs per group, all groups at once (bounded): the product by exact name, then its engagement by
// exact name (docs/defectdojo-api.md §i). A lookup that fails, is forbidden or is slow proves nothing:
// that group keeps the safe rule. A lookup only saves time, so it never waits long for an answer.
import type { DefectDojoClient } from '../defectdojo/client.js'
import type { PlannedUpload } from '../model.js'
import { mapLimit } from '../pool.js'

/** The group an upload belongs to: the product type, product and engagement it creates if missing. */
export function groupOf(upload: PlannedUpload): string {
  return JSON.stringify([upload.target.productType, upload.target.product, upload.target.engagement])
}

type Json = Record<string, unknown>

/** Exactly this name, as the importer compares (`name_exact` is case-insensitive). */
const named = (rows: readonly Json[], name: string): Json | undefined => rows.find((row) => row.name === name && Number.isInteger(row.id))

/** A signal that also fires after `ms`: for requests that are worth less than a long wait. */
export function within(ms: number, signal?: AbortSignal): AbortSignal {
  return signal ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms)
}

/** The groups whose engagement exists, and a line per group that could not be looked up. */
export async function existingGroups(client: DefectDojoClient, planned: readonly PlannedUpload[], options: { concurrency: number; timeoutMs: number; signal?: AbortSignal }): Promise<{ existing: Set<string>; notes: string[] }> {
  const { concurrency, timeoutMs, signal } = options
  const list = async (path: string, query: Record<string, string | number>) => {
    const bounded = within(timeoutMs, signal)
    const answer = await client.list(path, query, true, bounded)
    // Aborted, but not by the run: the bound ran out.
    return answer.kind === 'unknown' && bounded.aborted && !signal?.aborted ? { kind: 'unknown' as const, why: `no answer within ${timeoutMs / 1000} s` } : answer
  }
  const groups = new Map<string, PlannedUpload>()
  for (const upload of planned) if (!groups.has(groupOf(upload))) groups.set(groupOf(upload), upload)
  const notes: string[] = []
  const found = await mapLimit([...groups], concurrency, async ([group, { target }]) => {
    const products = await list('/api/v2/products/', { name_exact: target.product, limit: 100 })
    if (products.kind === 'unknown') {
      notes.push(`Product "${target.product}" could not be looked up (${products.why}): its first upload runs alone.`)
      return null
    }
    const product = products.kind === 'found' ? named(products.value, target.product) : undefined
    // The product type must match too, or DefectDojo refuses the upload; that is the upload's to report.
    if (!product) return null
    const engagements = await list('/api/v2/engagements/', { product: product.id as number, name: target.engagement, limit: 100 })
    if (engagements.kind === 'unknown') notes.push(`Engagement "${target.engagement}" could not be looked up (${engagements.why}): its first upload runs alone.`)
    return engagements.kind === 'found' && named(engagements.value, target.engagement) ? group : null
  })
  return { existing: new Set(found.filter((group): group is string => group !== null)), notes }
}
