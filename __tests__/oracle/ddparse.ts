// The oracle: DefectDojo's own parsers, run outside DefectDojo by `ddparse.py` (the folder named by
// DEFECTDOJO_ORACLE), which reads DefectDojo's code from DEFECTDOJO_SRC and its libraries from
// DDORACLE_LIBS (both outside the repository; the child process inherits them). One `ddparse.py --tsv`
// process judges a whole list of uploads: for each row
// (file, scan type, upload name) it says whether DefectDojo would import the file and with how many
// findings. DEFECTDOJO_SAMPLES names DefectDojo's sample corpus (a .tar.gz, or a folder holding
// `scans/`). Used by the oracle suite and by `npm run corpus`.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** One result line of ddparse.py (the fields this project reads). */
export interface Verdict {
  file: string
  scan_type: string
  ok: boolean
  error: string | null
  stage: string | null
  findings: number
  parser?: string
  file_based?: boolean
  /** False when the server refuses the upload name's extension before any parser runs. */
  upload_ext_ok?: boolean
  /** WARNING+ records the parser logged (an API importer without its configuration logs one). */
  log_warnings?: number
}

export interface Upload {
  file: string
  scanType: string
  /** The multipart file name the parser sees. */
  name: string
}

/** DefectDojo refuses the upload: the parser failed, or the server refuses the name's extension. */
export function refused(verdict: Verdict): boolean {
  return !verdict.ok || verdict.upload_ext_ok === false
}

export class Oracle {
  readonly folder: string
  readonly script: string

  constructor(folder: string) {
    this.folder = folder
    this.script = join(folder, 'ddparse.py')
  }

  /** The interpreter the script's first line names (`#!…`), else python3 from PATH. */
  private command(): { file: string; args: string[] } {
    const first = readFileSync(this.script, 'utf8').split('\n', 1)[0] ?? ''
    const shebang = first.startsWith('#!') ? first.slice(2).trim().split(/\s+/) : []
    const [file, ...args] = shebang.length > 0 && existsSync(shebang[0]!) ? shebang : ['python3']
    return { file: file!, args: [...args, this.script] }
  }

  private async ddparse(args: string[]): Promise<string> {
    const { file, args: base } = this.command()
    const { stdout } = await run(file, [...base, ...args], { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' })
    return stdout
  }

  /** Every upload judged in one ddparse.py process; the verdicts in the uploads' order. */
  async judge(uploads: readonly Upload[]): Promise<Verdict[]> {
    if (uploads.length === 0) return []
    for (const u of uploads) {
      if (/[\t\n\r]/.test(u.file + u.scanType + u.name)) throw new Error(`cannot pass ${JSON.stringify(u.file)} to ddparse.py --tsv (a tab or line break in it)`)
    }
    const dir = mkdtempSync(join(tmpdir(), 'ddoracle-'))
    try {
      const list = join(dir, 'uploads.tsv')
      writeFileSync(list, uploads.map((u) => `${u.file}\t${u.scanType}\t${u.name}\n`).join(''))
      const lines = (await this.ddparse(['--tsv', list])).split('\n').filter((l) => l.trim() !== '')
      const verdicts = lines.map((l) => JSON.parse(l) as Verdict)
      if (verdicts.length !== uploads.length) throw new Error(`ddparse.py answered ${verdicts.length} lines for ${uploads.length} uploads`)
      return verdicts
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  private folders: Promise<Map<string, string>> | null = null

  /** Scan type → the parser folder DefectDojo files it under (`dojo/tools/<folder>/`). */
  parserFolders(): Promise<Map<string, string>> {
    this.folders ??= this.ddparse(['--list-types']).then((out) => {
      const map = new Map<string, string>()
      for (const line of out.split('\n').filter((l) => l.trim() !== '')) {
        const { scan_type, parser } = JSON.parse(line) as { scan_type: string; parser: string }
        map.set(scan_type, parser.split('.')[0]!)
      }
      return map
    })
    return this.folders
  }
}

export interface OracleSetup {
  oracle: Oracle
  /** The corpus's `scans/` folder, or null when DEFECTDOJO_SAMPLES is unset. */
  scans: string | null
  /** Removes what was extracted. */
  cleanup(): void
}

/**
 * The oracle and the corpus named by DEFECTDOJO_ORACLE and DEFECTDOJO_SAMPLES (a .tar.gz is extracted
 * to a temporary folder); null when DEFECTDOJO_ORACLE is unset. `.ci/oracle-setup` prints both.
 */
export async function oracleFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<OracleSetup | null> {
  const folder = env['DEFECTDOJO_ORACLE']
  if (!folder) return null
  const oracle = new Oracle(resolve(folder))
  if (!existsSync(oracle.script)) throw new Error(`DEFECTDOJO_ORACLE=${folder}: no ddparse.py in it`)
  for (const name of ['DEFECTDOJO_SRC', 'DDORACLE_LIBS']) if (!env[name]) throw new Error(`${name} is not set: the oracle reads DefectDojo's code from it (\`eval "$(.ci/oracle-setup)"\`)`)
  const samples = env['DEFECTDOJO_SAMPLES']
  if (!samples) return { oracle, scans: null, cleanup: () => {} }
  const path = resolve(samples)
  if (!existsSync(path)) throw new Error(`DEFECTDOJO_SAMPLES=${samples}: not found`)
  if (statSync(path).isDirectory()) return { oracle, scans: scansFolder(path), cleanup: () => {} }
  const dir = mkdtempSync(join(tmpdir(), 'ddsamples-'))
  await run('tar', ['-xzf', path, '-C', dir], { maxBuffer: 16 * 1024 * 1024 })
  return { oracle, scans: scansFolder(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The corpus folder holds `scans/<parser folder>/…`; accept `scans/` itself too. */
function scansFolder(dir: string): string {
  const inner = join(dir, 'scans')
  return existsSync(inner) && statSync(inner).isDirectory() ? inner : dir
}
