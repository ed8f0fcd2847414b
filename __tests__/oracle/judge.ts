// Recognition judged by the oracle: every file is recognised as the engine recognises it (under its
// own name and under a neutral one), and every upload that recognition plans is handed to
// DefectDojo's parser for that scan type, under the planned upload name. A planned upload fails when
// DefectDojo refuses it, or when it reads no findings while another scan type the file could be
// (a row that matches its content, a parser that also reads the format, a sibling scan type of the
// same parser, the parser folder a sample is filed under) reads findings from it: a reimport of such
// an upload closes every finding of the test.
import { statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { FORMATS } from '../../src/recognition/formats/index.js'
import { recognize } from '../../src/recognition/recognize.js'
import { sniffFile } from '../../src/recognition/sniff.js'
import type { Recognition } from '../../src/model.js'
import { refused, type Oracle, type Upload, type Verdict } from './ddparse.js'

type Report = Extract<Recognition, { kind: 'report' }>

export interface Input {
  /** Absolute path. */
  file: string
  /** How it is shown (a path relative to its corpus). */
  label: string
  /** The parser folder DefectDojo files a sample under (`scans/<folder>/…`), when known. */
  folder?: string
}

export interface Planned {
  input: Input
  /** The name the file was recognised under. */
  displayPath: string
  recognition: Report
  verdict: Verdict
  /** When the planned upload reads no findings: another scan type that reads findings from the file. */
  sibling?: Verdict
}

export interface Judgement {
  files: number
  /** Distinct planned uploads (file, scan type, upload name). */
  planned: Planned[]
  refused: Planned[]
  /** Read with no findings while a sibling reads findings. */
  empty: Planned[]
  /** Read, with or without findings. */
  read: Planned[]
  /** Files recognition skips under their own name, with the reason. */
  skipped: Array<{ input: Input; reason: string }>
}

/** Recognises every input and has the oracle judge each planned upload (two ddparse.py runs in all). */
export async function judge(oracle: Oracle, inputs: readonly Input[]): Promise<Judgement> {
  const planned: Array<Omit<Planned, 'verdict'>> = []
  const skipped: Judgement['skipped'] = []
  const seen = new Set<string>()
  for (const input of inputs) {
    const size = statSync(input.file).size
    const name = basename(input.label)
    for (const displayPath of [name, `report${extname(name)}`]) {
      const recognition = await recognize({ absolutePath: input.file, displayPath, artifact: null, size })
      if (recognition.kind === 'skipped') {
        if (displayPath === name) skipped.push({ input, reason: recognition.reason })
        continue
      }
      const key = `${input.file}\t${recognition.scanType}\t${recognition.uploadName}`
      if (seen.has(key)) continue
      seen.add(key)
      planned.push({ input, displayPath, recognition })
    }
  }
  const verdicts = await oracle.judge(planned.map(uploadOf))
  const judged: Planned[] = planned.map((p, i) => ({ ...p, verdict: verdicts[i]! }))

  // The uploads read with no findings: what else could the file be?
  const folders = await oracle.parserFolders()
  const typesOfFolder = new Map<string, string[]>()
  for (const [scanType, folder] of folders) typesOfFolder.set(folder, [...(typesOfFolder.get(folder) ?? []), scanType])
  const candidates: Array<{ planned: Planned; upload: Upload }> = []
  for (const p of judged.filter((j) => j.verdict.ok && j.verdict.findings === 0)) {
    for (const scanType of await otherScanTypes(p, folders, typesOfFolder)) {
      const recognition = await recognize({ absolutePath: p.input.file, displayPath: p.displayPath, artifact: null, size: statSync(p.input.file).size }, [
        { pattern: scanType, matches: () => true, scanType }
      ])
      if (recognition.kind === 'report') candidates.push({ planned: p, upload: { file: p.input.file, scanType, name: recognition.uploadName } })
    }
  }
  const siblingVerdicts = await oracle.judge(candidates.map((c) => c.upload))
  candidates.forEach((c, i) => {
    const v = siblingVerdicts[i]!
    if (v.ok && v.findings > 0 && !c.planned.sibling) c.planned.sibling = v
  })
  return {
    files: inputs.length,
    planned: judged,
    refused: judged.filter((p) => refused(p.verdict)),
    empty: judged.filter((p) => !refused(p.verdict) && p.sibling),
    read: judged.filter((p) => !refused(p.verdict)),
    skipped
  }
}

function uploadOf(p: Omit<Planned, 'verdict'>): Upload {
  return { file: p.input.file, scanType: p.recognition.scanType, name: p.recognition.uploadName }
}

/** The scan types, other than the planned one, that the file could be. */
async function otherScanTypes(p: Planned, folders: Map<string, string>, typesOfFolder: Map<string, string[]>): Promise<string[]> {
  const types = new Set<string>()
  const head = await sniffFile(p.input.file)
  for (const rule of FORMATS) {
    if (!rule.match(head)) continue
    if (rule.scanType) types.add(rule.scanType)
    for (const other of rule.alsoReadBy ?? []) types.add(other.scanType)
  }
  const own = folders.get(p.recognition.scanType)
  for (const t of own ? (typesOfFolder.get(own) ?? []) : []) types.add(t)
  for (const t of p.input.folder ? (typesOfFolder.get(p.input.folder) ?? []) : []) types.add(t)
  types.delete(p.recognition.scanType)
  return [...types]
}

/** The figures, as the corpus script prints them. */
export function figures(what: string, j: Judgement): string {
  const withFindings = j.read.filter((p) => p.verdict.findings > 0).length
  return (
    `${what}: ${j.files} files, ${j.planned.length} planned uploads — ${j.read.length} read by DefectDojo's parsers ` +
    `(${withFindings} with findings, ${j.read.length - withFindings} with none), ${j.refused.length} refused, ` +
    `${j.empty.length} read as empty where another scan type reads findings; ${j.skipped.length} files skipped`
  )
}

/** One line per failing upload, for a test's failure message. */
export function describeFailure(p: Planned): string {
  const planned = `${p.input.label} as ${p.displayPath} → ${p.recognition.scanType} (${p.recognition.uploadName})`
  if (refused(p.verdict)) return `${planned}: refused — ${p.verdict.upload_ext_ok === false ? 'the server refuses the name\'s extension' : p.verdict.error}`
  return `${planned}: no findings, while ${p.sibling!.scan_type} reads ${p.sibling!.findings}`
}
