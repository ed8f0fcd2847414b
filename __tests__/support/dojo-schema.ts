/**
 * The stand-in's OpenAPI schema (GET /api/v2/oa3/schema/?format=json, docs/defectdojo-api.md §g): reduced,
 * but shaped like drf-spectacular's — `info.version`, `paths` whose import and reimport POSTs carry a
 * request body that `$ref`s `components.schemas.ImportScanRequest` / `ReImportScanRequest`, whose
 * `properties.scan_type.enum` lists every scan type the server accepts. DefectDojo serves it without a
 * token. By default the stand-in is 3.2.0 with the full table (271 types, as the conformance recording of
 * a real 3.2.0 has); it can play an older release with fewer (or former) types, or a server that hides the
 * schema (`false`: 404). The stand-in accepts uploads of exactly the types its schema lists.
 *
 * Only erasable TypeScript syntax (it runs under Node's type stripping too).
 */
import { SCAN_TYPES } from '../../src/scan-types.ts'

/** The release the stand-in is by default. */
export const CURRENT_VERSION = '3.2.0'

/** Which DefectDojo the stand-in plays. */
export interface SchemaPlay {
  /** `info.version`; default "3.2.0". */
  version?: string
  /** The accepted scan types outright (instead of the 3.2.0 table). */
  scanTypes?: readonly string[]
  /** 3.2.0 types this release does not have yet. */
  without?: readonly string[]
  /** Types this release has that 3.2.0 no longer does (the names before a §h rename, e.g. "OpenVAS CSV"). */
  with?: readonly string[]
}

/** `false`: the schema answers 404 (a server or proxy that hides it); uploads are then 3.2.0's. */
export type SchemaOption = SchemaPlay | false

/** The scan types a server playing `play` accepts, in the table's order. */
export function playedScanTypes(play: SchemaOption | undefined): readonly string[] {
  if (play === false || play === undefined) return SCAN_TYPES
  const base = play.scanTypes ?? SCAN_TYPES
  const without = new Set(play.without ?? [])
  return [...base.filter((type) => !without.has(type)), ...(play.with ?? []).filter((type) => !base.includes(type))]
}

/** The schema document of a server playing `play` (a real 3.2.0's is 790 KB; this keeps what a client reads). */
export function schemaDocument(play: SchemaPlay = {}): Record<string, unknown> {
  const version = play.version ?? CURRENT_VERSION
  const request = (name: string) => ({ $ref: `#/components/schemas/${name}` })
  const upload = (operationId: string, requestName: string, responseName: string) => ({
    post: {
      operationId,
      tags: [operationId.replace(/_create$/, '').replace(/_/g, '-')],
      requestBody: {
        content: { 'application/json': { schema: request(requestName) }, 'multipart/form-data': { schema: request(requestName) } },
        required: true
      },
      security: [{ basicAuth: [] }, { cookieAuth: [] }, { tokenAuth: [] }],
      responses: { '201': { content: { 'application/json': { schema: request(responseName) } }, description: '' } }
    }
  })
  const requestBody = (extra: Record<string, unknown>) => ({
    type: 'object',
    properties: {
      scan_date: { type: 'string', format: 'date' },
      minimum_severity: { enum: ['Info', 'Low', 'Medium', 'High', 'Critical'], type: 'string', default: 'Info' },
      file: { type: 'string', format: 'binary' },
      product_type_name: { type: 'string', minLength: 1 },
      product_name: { type: 'string', minLength: 1 },
      engagement_name: { type: 'string', minLength: 1 },
      test_title: { type: 'string', minLength: 1 },
      auto_create_context: { type: 'boolean' },
      scan_type: { enum: [...playedScanTypes(play)], type: 'string' },
      ...extra
    },
    required: ['scan_type']
  })
  const response = { type: 'object', properties: { test_id: { type: 'integer', readOnly: true }, scan_type: { type: 'string' } } }
  return {
    openapi: '3.0.3',
    info: { title: 'DefectDojo API v2', version, description: 'DefectDojo - Open Source vulnerability Management made easy. Prefetch related parameters/responses not yet in the schema.' },
    paths: {
      '/api/v2/import-scan/': upload('import_scan_create', 'ImportScanRequest', 'ImportScan'),
      '/api/v2/reimport-scan/': upload('reimport_scan_create', 'ReImportScanRequest', 'ReImportScan'),
      '/api/v2/user_profile/': { get: { operationId: 'user_profile_retrieve', responses: { '200': { description: '' } } } }
    },
    components: {
      schemas: {
        ImportScanRequest: requestBody({ engagement: { type: 'integer', nullable: true }, close_old_findings: { type: 'boolean', default: false } }),
        ReImportScanRequest: requestBody({ test: { type: 'integer', nullable: true }, close_old_findings: { type: 'boolean', default: true } }),
        ImportScan: response,
        ReImportScan: response
      },
      securitySchemes: { tokenAuth: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Token-based authentication with required prefix "Token"' } }
    }
  }
}

/** §h: the data migrations that renamed scan types and rewrote the tests (old name → new name). */
export const RENAME_MIGRATIONS: Readonly<Record<string, string>> = {
  'Nessus Scan': 'Tenable Scan', // 0187_nessus_to_tenable
  'Nessus WAS Scan': 'Tenable Scan',
  'OpenVAS CSV': 'OpenVAS Parser', // 0197_parser_merge
  'OpenVAS XML': 'OpenVAS Parser',
  'Clair Klar Scan': 'Clair Scan',
  'Whitesource Scan': 'Mend Scan', // 0199_whitesource_to_mend
  'Acunetix360 Scan': 'Acunetix Scan' // 0208_merge_acunetix
}

interface MigratedTest { scan_type: string; test_type: number; test_type_name: string }
interface MigratedState { tests: MigratedTest[]; testTypes: Array<{ id: number; name: string }> }

/**
 * The server's upgrade past the §h migrations: every test of a former name gets the new scan type and
 * test type. (The real migrations reach the tests through their findings, so there a test without
 * findings keeps its old name; the stand-in's parsers read no findings from these formats, so this
 * rewrites every test of the old names.) Returns how many tests were rewritten.
 */
export function upgradeRenamedTests(state: MigratedState): number {
  let rewritten = 0
  for (const test of state.tests) {
    const renamed = RENAME_MIGRATIONS[test.scan_type]
    const type = renamed ? state.testTypes.find((t) => t.name === renamed) : undefined
    if (!renamed || !type) continue
    test.scan_type = renamed
    test.test_type = type.id
    test.test_type_name = renamed
    rewritten++
  }
  return rewritten
}
