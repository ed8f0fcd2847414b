// DefectDojo's OpenAPI schema (drf-spectacular, GET /api/v2/oa3/schema/?format=json) → what the server
// is and accepts: its release (`info.version`) and the scan types its import and reimport endpoints
// take (docs/defectdojo-api.md §g). The enum is reached the way a client generator reaches it — the
// endpoint's path, its request body, `$ref`s — never by a component's name, which depends on the
// server's drf-spectacular settings. Pure: the client fetches, this reads.
import type { Endpoint, ServerInfo } from '../model.js'

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** How many `$ref`s / `allOf` levels are followed before giving up (a cycle, or a schema not drf-spectacular's). */
const MAX_DEPTH = 8

const ENDPOINTS: readonly Endpoint[] = ['reimport-scan', 'import-scan']

/** A release string as DefectDojo writes it ("3.2.0", "2.49.0-dev"); anything else is not shown. */
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$/

/**
 * The server's version and accepted scan types from its schema document, or null when the document is
 * not an OpenAPI schema at all. A part the schema does not give is null (version) or left out (scanTypes).
 */
export function readServerSchema(document: unknown): ServerInfo | null {
  if (!isRecord(document) || typeof document.openapi !== 'string' || !isRecord(document.paths)) return null
  const info = isRecord(document.info) ? document.info : {}
  const version = typeof info.version === 'string' && VERSION.test(info.version.trim()) ? info.version.trim() : null
  const scanTypes: Partial<Record<Endpoint, readonly string[]>> = {}
  for (const endpoint of ENDPOINTS) {
    const types = scanTypesOf(document, document.paths, endpoint)
    if (types) scanTypes[endpoint] = types
  }
  return { version, scanTypes }
}

/** The `scan_type` enum of the endpoint's POST request body, or null when the schema does not lead to one. */
function scanTypesOf(document: Json, paths: Json, endpoint: Endpoint): string[] | null {
  // Keys carry the server's url_prefix, if any: match the path's end.
  const key = Object.keys(paths).find((path) => path.endsWith(`/api/v2/${endpoint}/`))
  const operation = key && isRecord(paths[key]) ? paths[key].post : undefined
  const body = isRecord(operation) ? resolve(document, operation.requestBody) : null
  const content = body && isRecord(body.content) ? body.content : null
  if (!content) return null
  // The action sends multipart; other media types of the same operation carry the same fields.
  const media = [content['multipart/form-data'], ...Object.values(content)].filter(isRecord)
  for (const type of media) {
    const schema = resolve(document, type.schema)
    const property = schema && isRecord(schema.properties) ? schema.properties.scan_type : undefined
    const values = enumOf(document, property, 0)
    if (values && values.length > 0) return values
  }
  return null
}

/** A node with its `$ref` followed (local references only). */
function resolve(document: Json, node: unknown, depth = 0): Json | null {
  if (!isRecord(node)) return null
  if (typeof node.$ref !== 'string') return node
  if (depth >= MAX_DEPTH || !node.$ref.startsWith('#/')) return null
  let target: unknown = document
  for (const part of node.$ref.slice(2).split('/')) {
    const name = part.replace(/~1/g, '/').replace(/~0/g, '~')
    target = isRecord(target) ? target[name] : undefined
  }
  return resolve(document, target, depth + 1)
}

/**
 * The string values a property allows: its own `enum`, or those of what it refers to. drf-spectacular
 * writes a choice field as a `$ref` to an enum component, wrapped in `allOf` when it has a description,
 * or `oneOf` with BlankEnum / NullEnum when it may be blank or null: the values of every branch count,
 * without the blank and null ones.
 */
function enumOf(document: Json, node: unknown, depth: number): string[] | null {
  const schema = resolve(document, node)
  if (!schema || depth >= MAX_DEPTH) return null
  if (Array.isArray(schema.enum)) return schema.enum.filter((value): value is string => typeof value === 'string' && value !== '')
  const branches = [schema.allOf, schema.oneOf, schema.anyOf].flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []))
  const found = branches.map((branch) => enumOf(document, branch, depth + 1)).filter((values) => values !== null)
  return found.length > 0 ? [...new Set(found.flat())] : null
}
