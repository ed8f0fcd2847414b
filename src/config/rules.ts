// The `scan-types` input: per-file rules, one per line, that set a report's scan type and, for a
// monorepo, where it lands:
//
//   <glob> = <Exact Scan Type | *> [; product=<template>] [; product-type=<template>] [; engagement=<template>] [; test-title=<template>]
//
// `*` keeps recognition by content. The glob is matched against the file's path inside its artifact,
// or relative to the workspace. The first matching line wins. Everything is validated before any upload.
import picomatch from 'picomatch'
import { SCAN_TYPES } from '../scan-types.js'
import { inputSubject } from './inputs.js'
import { checkTemplate } from './templates.js'

export interface ReportRule {
  /** The line's glob as written. */
  pattern: string
  matches: (displayPath: string) => boolean
  /** Exact scan type, or null to keep recognition. */
  scanType: string | null
  productType: string | null
  product: string | null
  engagement: string | null
  testTitle: string | null
}

const KEYS = { product: 'product', 'product-type': 'productType', engagement: 'engagement', 'test-title': 'testTitle' } as const

/** Parses the `scan-types` lines; problems are sentences naming the input and the line. */
export function parseReportRules(lines: readonly string[], problems: string[]): ReportRule[] {
  const rules: ReportRule[] = []
  lines.forEach((line, index) => {
    const where = `${inputSubject('scan-types')} line ${index + 1} ("${line}")`
    const equals = line.indexOf('=')
    if (equals <= 0) {
      problems.push(`${where} is not \`<glob> = <Scan Type>\`, e.g. \`reports/custom/*.json = Generic Findings Import\`.`)
      return
    }
    const pattern = line.slice(0, equals).trim()
    const [typePart, ...settings] = line.slice(equals + 1).split(';').map((part) => part.trim())
    const rule: ReportRule = { pattern, matches: picomatch(pattern, { dot: true }), scanType: null, productType: null, product: null, engagement: null, testTitle: null }
    if (typePart && typePart !== '*') {
      if (SCAN_TYPES.includes(typePart)) rule.scanType = typePart
      else {
        const suggestion = suggestScanType(typePart)
        problems.push(`${where} names the scan type "${typePart}", which DefectDojo does not accept${suggestion ? `: did you mean "${suggestion}"?` : '.'} Scan types are exact, case-sensitive strings.`)
      }
    } else if (!typePart) {
      problems.push(`${where} has no scan type after "=": name one, or \`*\` to keep recognition by content.`)
    }
    for (const setting of settings.filter((s) => s !== '')) {
      const [key, ...rest] = setting.split('=')
      const name = key!.trim() as keyof typeof KEYS
      const value = rest.join('=').trim()
      if (!(name in KEYS) || !value) {
        problems.push(`${where}: "${setting}" is not one of product=…, product-type=…, engagement=…, test-title=….`)
        continue
      }
      problems.push(...checkTemplate(`${inputSubject('scan-types')} line ${index + 1} (${name})`, value))
      rule[KEYS[name]] = value
    }
    rules.push(rule)
  })
  return rules
}

/** The rule for a file: the first line whose glob matches its path, applied whole (scan type and routing), or null. */
export function ruleFor(rules: readonly ReportRule[], displayPath: string): ReportRule | null {
  return rules.find((rule) => rule.matches(displayPath)) ?? null
}

/** The accepted scan type a user most likely meant: `Trivy` → `Trivy Scan`, `zap scan` → `ZAP Scan`. */
export function suggestScanType(input: string): string | null {
  const wanted = normalise(input)
  if (!wanted) return null
  const exactFolded = SCAN_TYPES.find((t) => normalise(t) === wanted)
  if (exactFolded) return exactFolded
  const prefixed = SCAN_TYPES.filter((t) => normalise(t).startsWith(wanted)).sort((a, b) => a.length - b.length)
  if (prefixed.length > 0) return prefixed[0]!
  let best: { type: string; distance: number } | null = null
  for (const type of SCAN_TYPES) {
    const distance = editDistance(wanted, normalise(type))
    if (!best || distance < best.distance) best = { type, distance }
  }
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 4)) ? best.type : null
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}
