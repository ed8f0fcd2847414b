// The SBOM lane of the format table: software bills of materials and advisories (CycloneDX, SPDX, CSAF…).
import {
  at,
  attr,
  has,
  is,
  json,
  textLines,
  xml
} from '../matchers.js'
import { lane, JSON_EXT, XML_EXT, TXT_EXT, type FormatRule } from './shared.js'

export const SBOM: FormatRule[] = lane('sbom', [
  {
    id: 'cyclonedx-json',
    scanType: 'CycloneDX Scan',
    format: 'CycloneDX JSON',
    tool: 'cyclonedx',
    // The parser reads JSON only when the name ends with .json, otherwise XML (scan-types.tsv).
    extensions: JSON_EXT,
    match: json(has('bomFormat', 'specVersion'), at('bomFormat', is('CycloneDX')))
  },
  {
    id: 'cyclonedx-xml',
    scanType: 'CycloneDX Scan',
    format: 'CycloneDX XML',
    tool: 'cyclonedx',
    extensions: XML_EXT,
    match: xml('bom', attr('xmlns', /cyclonedx\.org\/schema\/bom/))
  },
  {
    id: 'spdx-json',
    scanType: 'SPDX Scan',
    format: 'SPDX 2 JSON',
    tool: 'spdx',
    extensions: JSON_EXT,
    match: json(has('spdxVersion', 'SPDXID'), at('spdxVersion', is(/^SPDX-2\./)))
  },
  {
    id: 'spdx-tag-value',
    scanType: 'SPDX Scan',
    format: 'SPDX 2 tag-value',
    tool: 'spdx',
    // `.spdx` is not an accepted upload extension; any name not ending .json is read as tag-value.
    extensions: TXT_EXT,
    avoidExtensions: ['.json'],
    match: textLines(/^SPDXVersion: SPDX-2\.\d+\s*$[\s\S]*^SPDXID: /m)
  },
  {
    id: 'csaf-json',
    scanType: 'CSAF Scan',
    format: 'CSAF 2.0 advisory',
    tool: 'csaf',
    extensions: JSON_EXT,
    match: json(has('document'), at('document', has('csaf_version', 'category', 'tracking')), at('document.csaf_version', is(/^2\./)))
  },
  {
    id: 'openvex-json',
    scanType: 'OpenVEX Scan',
    format: 'OpenVEX document',
    tool: 'openvex',
    extensions: JSON_EXT,
    match: json(has('@context', 'statements'), at('@context', is(/openvex\.dev\/ns/)))
  }
])
