// THE scanner table: one row per report format. Each row says which exact DefectDojo scan_type the
// format is imported as (exact strings, checked by a unit test against SCAN_TYPES), which lane it
// belongs to, how to recognise it by content, and what the uploaded file
// name must end with (API.md §0: the server checks the extension and several parsers branch on it).
//
// A row with `scanType: null` is a format we know DefectDojo cannot import, or a tool's error output:
// recognising it lets us skip it with a precise reason instead of a vague "unknown".
//
// How to read a rule: `json(has('a', 'b'), at('c.d', is('x')))` is "a JSON document whose top level
// has keys a and b and whose c.d is "x"". Rules follow each format's documented structure (required
// top-level keys, root elements, CSV header columns), several facts per rule, never values that only
// happen to be in a sample. Rows that can match the same file are told apart by `lacks`/`not`; where
// two formats cannot be told apart by content, each row gets a `nameHint` and the file name decides
// (LEFT-TO-OVERRIDES.md lists those).
import { CLOUD } from './cloud.js'
import { CONTAINER } from './container.js'
import { DAST } from './dast.js'
import { IAC } from './iac.js'
import { OTHER } from './other.js'
import { SAST } from './sast.js'
import { SBOM } from './sbom.js'
import { SCA } from './sca.js'
import { SECRETS } from './secrets.js'
import type { FormatRule } from './shared.js'

export type { FormatRule } from './shared.js'

/** Every row, in matching order: the not-a-report rows first, then one lane after another. */
export const FORMATS: readonly FormatRule[] = [...OTHER, ...SAST, ...SCA, ...SBOM, ...SECRETS, ...DAST, ...CONTAINER, ...IAC, ...CLOUD]
