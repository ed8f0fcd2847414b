// An artifact's zip, unpacked with limits: no entry larger than a report may be (`max-report-size-mb`),
// no more than a sane total and number of files, nothing written outside its folder. A 3 MiB zip can
// otherwise unpack to gigabytes. yauzl reads the central directory (declared sizes, names checked
// against absolute paths and `..`), and every byte written is counted again, so a zip that lies about
// its sizes is caught too.
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import yauzl from 'yauzl'

export interface UnzipLimits {
  /** Largest uncompressed entry, bytes. */
  readonly maxEntryBytes: number
  /** Largest uncompressed total, bytes. */
  readonly maxTotalBytes: number
  readonly maxEntries: number
}

/** Why an archive was not unpacked: the artifact is then failed as a whole, with this reason. */
export class UnzipError extends Error {}

const MB = 1048576

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`
}

/** The next entry of a lazily read archive, or null at its end. */
function nextEntry(zip: yauzl.ZipFile, failure: () => Error | null): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const earlier = failure()
    if (earlier) return reject(earlier)
    const settle = (done: () => void) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError)
      done()
    }
    const onEntry = (entry: yauzl.Entry) => settle(() => resolve(entry))
    const onEnd = () => settle(() => resolve(null))
    const onError = (error: Error) => settle(() => reject(error))
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError)
    zip.readEntry()
  })
}

/** Unpacks `zipPath` into `directory`, or throws UnzipError saying which limit or rule was broken. */
export async function unzipBounded(zipPath: string, directory: string, limits: UnzipLimits): Promise<void> {
  let zip: yauzl.ZipFile
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, file) => (error ? reject(error) : resolve(file))))
  } catch (error) {
    throw new UnzipError(`it is not a readable zip archive (${(error as Error).message})`)
  }
  // An error between entries would otherwise be an unhandled 'error' event; the next read reports it.
  let failure: Error | null = null
  zip.on('error', (error: Error) => (failure ??= error))
  try {
    if (zip.entryCount > limits.maxEntries) throw new UnzipError(`it holds ${zip.entryCount} entries, more than the ${limits.maxEntries} one artifact may have`)
    let total = 0
    for (;;) {
      let entry: yauzl.Entry | null
      try {
        entry = await nextEntry(zip, () => failure)
      } catch (error) {
        // yauzl refuses names with `..` or an absolute path before anything is written.
        throw new UnzipError(`one of its entries is not safe to unpack (${(error as Error).message})`)
      }
      if (entry === null) return
      if (entry.fileName.endsWith('/')) {
        await mkdir(join(directory, entry.fileName), { recursive: true })
        continue
      }
      if (entry.uncompressedSize > limits.maxEntryBytes) throw new UnzipError(`its entry ${entry.fileName} is ${mb(entry.uncompressedSize)} unpacked, over \`max-report-size-mb\` (${mb(limits.maxEntryBytes)})`)
      if (total + entry.uncompressedSize > limits.maxTotalBytes) throw new UnzipError(`it unpacks to more than ${mb(limits.maxTotalBytes)} (ten times \`max-report-size-mb\`)`)
      const target = join(directory, entry.fileName)
      await mkdir(dirname(target), { recursive: true })
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))))
      let written = 0
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          written += chunk.length
          if (written > entry.uncompressedSize || total + written > limits.maxTotalBytes) done(new UnzipError(`its entry ${entry.fileName} unpacks to more than it declares`))
          else done(null, chunk)
        }
      })
      try {
        await pipeline(stream, count, createWriteStream(target))
      } catch (error) {
        throw error instanceof UnzipError ? error : new UnzipError(`its entry ${entry.fileName} could not be unpacked (${(error as Error).message})`)
      }
      total += written
    }
  } finally {
    zip.close()
  }
}
