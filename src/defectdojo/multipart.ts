// The multipart/form-data body of an upload, streamed from disk with a known length. The file is
// read into two fixed buffers taken in turn, so a 1 GiB report costs no more memory than a small one
// and leaves no garbage behind (a fresh buffer per chunk grows the heap by ~70 MB before V8 collects).
//
// Why reusing a buffer is safe: undici writes each chunk of an iterable body and, when the socket
// says its buffer is full (always, for a chunk at least as large as the socket's high-water mark),
// waits for 'drain' before it asks for the next chunk; 'drain' comes only once every queued byte has
// been handed to the kernel (or to TLS, which encrypts it into buffers of its own). So by the time the
// generator runs again, the chunk it yielded last has left the process; taking two buffers in turn
// keeps one more chunk of margin. The end-to-end tests compare every uploaded byte (sha256).
import { randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'

/** Larger than any socket's default high-water mark (64 KiB on Node 24): see above. */
export const CHUNK_BYTES = 1024 * 1024

export interface MultipartFile {
  readonly path: string
  /** The part's file name (DefectDojo checks its extension). */
  readonly name: string
  /** Size in bytes, from a stat taken just before sending. */
  readonly size: number
}

export interface MultipartBody {
  readonly contentType: string
  /** Exact length of the body: sent as Content-Length (uWSGI and others mishandle chunked uploads). */
  readonly length: number
  /** A fresh stream of the body, for one attempt; `onBytes` counts file bytes as they go out. */
  readonly stream: (onBytes?: (bytes: number) => void) => AsyncGenerator<Uint8Array>
}

/**
 * Names inside a Content-Disposition header, escaped as browsers (and undici's FormData) do for CR, LF
 * and quotes, and every other control character percent-encoded too: a multipart parser refuses a
 * header that holds one (only the extension of the file name matters to DefectDojo).
 */
function quoted(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

export function multipartBody(fields: Readonly<Record<string, string | readonly string[]>>, file: MultipartFile): MultipartBody {
  const boundary = `----defectdojo-reimport-${randomBytes(12).toString('hex')}`
  let head = ''
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value) head += `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${v}\r\n`
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(file.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`
  const prefix = Buffer.from(head, 'utf8')
  const suffix = Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1')
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: prefix.length + file.size + suffix.length,
    async *stream(onBytes) {
      yield prefix
      const handle = await open(file.path, 'r')
      try {
        const buffers = [Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, file.size))), Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, file.size)))]
        let position = 0
        for (let turn = 0; position < file.size; turn ^= 1) {
          const buffer = buffers[turn]!
          const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, file.size - position), position)
          // The file shrank while it was being sent: stop; the length check fails the request clearly.
          if (bytesRead === 0) throw new Error(`${file.path} changed while it was being sent (${position} of ${file.size} bytes read)`)
          position += bytesRead
          onBytes?.(bytesRead)
          yield buffer.subarray(0, bytesRead)
        }
      } finally {
        await handle.close()
      }
      yield suffix
    }
  }
}
